// Type-checking a repository with its own TypeScript (`tsc --noEmit -p <tsconfig>`), before and after the fixes,
// and telling which errors are new: errors are compared by file, code and message (not by line, since the fixes
// move lines), as multisets.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { runCommand } from './run-command';

export interface TscDiagnostic {
  /** Relative to the folder tsc ran in, with `/` separators; `undefined` for errors about no file (options). */
  file: string | undefined;
  line: number;
  column: number;
  code: string;
  /** The first line of the message. */
  message: string;
}

export interface TypecheckRun {
  tsconfig: string;
  /** The TypeScript version that checked it. */
  typescript: string;
  diagnostics: TscDiagnostic[];
  wallMs: number;
}

const LOCATED = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
const UNLOCATED = /^error (TS\d+): (.*)$/;

/** The errors of `tsc --pretty false` output; continuation lines (indented) are dropped. */
export function parseTscOutput(text: string): TscDiagnostic[] {
  const diagnostics: TscDiagnostic[] = [];
  for (const line of text.split(/\r?\n/)) {
    const located = LOCATED.exec(line);
    if (located) {
      diagnostics.push({
        file: located[1]!.replace(/\\/g, '/'),
        line: Number(located[2]),
        column: Number(located[3]),
        code: located[4]!,
        message: located[5]!,
      });
      continue;
    }
    const unlocated = UNLOCATED.exec(line);
    if (unlocated)
      diagnostics.push({
        file: undefined,
        line: 0,
        column: 0,
        code: unlocated[1]!,
        message: unlocated[2]!,
      });
  }
  return diagnostics;
}

const diagnosticKey = (diagnostic: TscDiagnostic): string =>
  [diagnostic.file ?? '', diagnostic.code, diagnostic.message].join('\0');

/** The errors of `after` that `before` does not have (each error of `before` cancels one equal error of `after`). */
export function newDiagnostics(
  before: readonly TscDiagnostic[],
  after: readonly TscDiagnostic[],
): TscDiagnostic[] {
  const remaining = new Map<string, number>();
  for (const diagnostic of before) {
    const key = diagnosticKey(diagnostic);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const added: TscDiagnostic[] = [];
  for (const diagnostic of after) {
    const key = diagnosticKey(diagnostic);
    const count = remaining.get(key) ?? 0;
    if (count > 0) remaining.set(key, count - 1);
    else added.push(diagnostic);
  }
  return added;
}

/** The repository's own `tsc`: the nearest `node_modules/typescript` above the tsconfig's folder. */
function findTypeScript(root: string, tsconfig: string): { tsc: string; version: string } {
  let folder = path.dirname(path.resolve(root, tsconfig));
  for (;;) {
    const candidate = path.join(folder, 'node_modules/typescript');
    const tsc = path.join(candidate, 'bin/tsc');
    if (fs.existsSync(tsc)) {
      const { version } = JSON.parse(
        fs.readFileSync(path.join(candidate, 'package.json'), 'utf8'),
      ) as { version: string };
      return { tsc, version };
    }
    const parent = path.dirname(folder);
    if (parent === folder || !parent.startsWith(path.resolve(root)))
      throw new Error(`no node_modules/typescript above ${tsconfig} in ${root}`);
    folder = parent;
  }
}

export async function typecheck(root: string, tsconfig: string): Promise<TypecheckRun> {
  const { tsc, version } = findTypeScript(root, tsconfig);
  const result = await runCommand(
    process.execPath,
    ['--max-old-space-size=8192', tsc, '--noEmit', '--pretty', 'false', '-p', tsconfig],
    { cwd: root },
  );
  const diagnostics = parseTscOutput(result.stdout);
  // Exit 1 and 2 mean "errors found"; anything else, or no output, means tsc itself failed.
  if (
    result.status === null ||
    result.status > 2 ||
    (result.status !== 0 && diagnostics.length === 0)
  )
    throw new Error(
      `tsc -p ${tsconfig} failed in ${root} (exit ${result.status}):\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-10).join('\n')}`,
    );
  return { tsconfig, typescript: version, diagnostics, wallMs: result.wallMs };
}
