// The repository's import structure, read from the sources with the TypeScript parser (type-only imports included):
// packages use each other only through the subpaths their `exports` maps declare, never through build output; no
// package's source has an import cycle; the CLI and the language server reach the engine only through its index.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from './support/paths';
import {
  importCycles,
  importsOf,
  type SourceImport,
  sourceFilesUnder,
} from './support/source-imports';

/** The workspace packages by folder. bench/ and scripts/ belong to the private root package. */
const PACKAGES: Readonly<Record<string, string>> = {
  'eslint-plugin': 'eslint-plugin-loopguard',
  server: 'loopguard',
  extension: 'loopguard-vscode',
  test: 'loopguard-test',
};
const CHECKED_FOLDERS = [...Object.keys(PACKAGES), 'bench', 'scripts'];
/** The sources that must have no import cycle, type-only imports included. */
const CYCLE_FREE = ['eslint-plugin/src', 'server/src', 'extension/src'];

const ENGINE = 'server/src/engine/';
const ENGINE_ENTRY = 'server/src/engine/index.ts';
/**
 * The one exception to "the engine only through its index": the language server's connection thread imports the
 * dependency-free file-name helpers directly, since the index would load TypeScript and ESLint there.
 */
const CONNECTION_THREAD_EXCEPTION = {
  importers: /^server\/src\/language-server\/(?!worker\/)/,
  target: 'server/src/engine/file-names.ts',
};
/**
 * And the lint worker's first import chooses the TypeScript the thread loads, before the index loads any: it imports
 * the dependency-free `typescript-choice.ts` directly (as `bin/loopguard.js` does for the CLI).
 */
const TYPESCRIPT_PRELUDE_EXCEPTION = {
  importers: /^server\/src\/language-server\/worker\/typescript-prelude\.ts$/,
  target: 'server/src/engine/typescript-choice.ts',
};

function repoPath(file: string): string {
  return path.relative(REPO_ROOT, file).split(path.sep).join('/');
}

/** The subpaths (`.`, `./protocol`, …) a package's `exports` map declares; undefined when it has none. */
function exportedSubpaths(folder: string): Set<string> | undefined {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, folder, 'package.json'), 'utf8'),
  ) as { exports?: Record<string, unknown> };
  return manifest.exports && new Set(Object.keys(manifest.exports));
}

const EXPORTS = new Map(
  Object.entries(PACKAGES).map(([folder, name]) => [name, exportedSubpaths(folder)]),
);

/** Why `imported`, an import of the file at `file` (an absolute path), crosses a package boundary, if it does. */
function boundaryViolation(file: string, imported: SourceImport): string | undefined {
  const { specifier } = imported;
  if (specifier.startsWith('.')) {
    // A relative import stays in its own top-level folder (its own build output included: bin/ → dist/), whether or
    // not what it names has been built.
    const target = repoPath(imported.resolved ?? path.resolve(path.dirname(file), specifier));
    const own = repoPath(file).split('/')[0];
    return target.startsWith(`${own}/`) ? undefined : `reaches into ${target} by a relative path`;
  }
  const name = Object.values(PACKAGES).find(
    (candidate) => specifier === candidate || specifier.startsWith(`${candidate}/`),
  );
  if (name === undefined || specifier === name) return undefined;
  const subpath = `.${specifier.slice(name.length)}`;
  const exported = EXPORTS.get(name);
  if (exported === undefined) {
    // The plugin has no exports map yet: its dist/ paths stay allowed until it has one.
    return name === 'eslint-plugin-loopguard' && subpath.startsWith('./dist/')
      ? undefined
      : `names ${name}'s files, which it does not export`;
  }
  return exported.has(subpath) ? undefined : `is not in ${name}'s exports map`;
}

function cyclesUnder(folders: readonly string[]): string[] {
  const files = folders.flatMap((folder) => sourceFilesUnder(path.join(REPO_ROOT, folder)));
  return importCycles(files).map((loop) => loop.map(repoPath).join(' → '));
}

describe('layering', () => {
  it('imports other packages only through their exports maps, never their build output', () => {
    const violations = CHECKED_FOLDERS.flatMap((folder) =>
      sourceFilesUnder(path.join(REPO_ROOT, folder)).flatMap((file) =>
        importsOf(file).flatMap((imported) => {
          const why = boundaryViolation(file, imported);
          return why === undefined ? [] : [`${repoPath(file)}: '${imported.specifier}' ${why}`];
        }),
      ),
    );
    assert.deepEqual(violations, []);
  });

  for (const folder of CYCLE_FREE) {
    it(`has no import cycle in ${folder}`, () => {
      assert.deepEqual(cyclesUnder([folder]), []);
    });
  }

  it('lets the CLI and the language server reach the engine only through engine/index.ts', () => {
    const importers = ['server/src/cli', 'server/src/language-server'].flatMap((folder) =>
      sourceFilesUnder(path.join(REPO_ROOT, folder)),
    );
    const violations = importers.flatMap((absolute) => {
      const file = repoPath(absolute);
      return importsOf(absolute).flatMap(({ specifier, resolved }) => {
        const target = resolved && repoPath(resolved);
        if (target === undefined || !target.startsWith(ENGINE) || target === ENGINE_ENTRY)
          return [];
        const excepted = [CONNECTION_THREAD_EXCEPTION, TYPESCRIPT_PRELUDE_EXCEPTION].some(
          (exception) => target === exception.target && exception.importers.test(file),
        );
        return excepted ? [] : [`${file}: '${specifier}'`];
      });
    });
    assert.deepEqual(violations, []);
  });

  it('finds cycles through type-only imports, require and import types', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-layering-'));
    try {
      const write = (name: string, text: string): string => {
        fs.writeFileSync(path.join(folder, name), text);
        return path.join(folder, name);
      };
      const files = [
        write('a.ts', "import type { B } from './b';\nexport type A = B;\n"),
        write('b.ts', "export type B = import('./c').C;\n"),
        write('c.ts', "const a = require('./a');\nexport type C = typeof a;\n"),
        write('d.ts', "export * from './a';\n"),
      ];
      assert.deepEqual(importCycles(files), [[files[0], files[1], files[2], files[0]]]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
