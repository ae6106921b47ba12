// The modules of typescript-estree that `syntax-reuse.ts` reaches into, found next to the `@typescript-eslint/parser`
// the engine lints with. They are not in the package's exports, so they are loaded by file name; the VS Code
// extension's bundle replaces this module with one that `require`s the same files statically
// (`extension/scripts/bundle.mjs`), so that the bundled copies are the ones patched.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file names, within typescript-estree's `dist`, of the modules reuse needs. */
export const ESTREE_INTERNAL_FILES = [
  'ast-converter.js',
  'convert.js',
  'convert-comments.js',
  'node-utils.js',
] as const;

export type EstreeInternalFile = (typeof ESTREE_INTERNAL_FILES)[number];

/** Each module by file name; throws when typescript-estree cannot be found or lacks one of them. */
export function loadEstreeInternals(): Record<EstreeInternalFile, Record<string, unknown>> {
  const parser = require.resolve('@typescript-eslint/parser');
  const dist = path.dirname(
    require.resolve('@typescript-eslint/typescript-estree', { paths: [path.dirname(parser)] }),
  );
  const modules = {} as Record<EstreeInternalFile, Record<string, unknown>>;
  for (const file of ESTREE_INTERNAL_FILES) {
    const full = path.join(dist, file);
    if (!fs.existsSync(full)) throw new Error(`no ${file}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file name known only at run time
    modules[file] = require(full) as Record<string, unknown>;
  }
  return modules;
}
