// The `loopguard` command's entry. It reads the arguments with nothing heavy loaded, so that `--version`, `--help`
// and usage errors answer at once; only a lint loads TypeScript, ESLint and the engine (`lint.ts`), after drawing
// the first progress line on a terminal.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { helpText, isGlobPattern, parseCommandLine, USAGE_LINE, UsageError } from './arguments';
import { type CliIo, EXIT_OK, EXIT_USAGE } from './io';
import type * as LintModule from './lint';
import { Progress } from './progress';

export type { CliIo } from './io';
export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../package.json') as { version: string };

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(
      `loopguard: ${error.message}\n${USAGE_LINE}\nRun \`loopguard --help\` for the options.\n`,
    );
    return EXIT_USAGE;
  }
  if (command.command === 'help') {
    io.stdout(`${helpText()}\n`);
    return EXIT_OK;
  }
  if (command.command === 'version') {
    io.stdout(`${version}\n`);
    return EXIT_OK;
  }
  // Paths that all do not exist need no engine to say so (with some left, the lint reports the missing ones).
  const missing = command.paths.filter(
    (target) => !isGlobPattern(target) && !fs.existsSync(path.resolve(io.cwd, target)),
  );
  if (
    !command.stdin &&
    command.printConfig === undefined &&
    missing.length === command.paths.length
  ) {
    for (const target of missing) io.stderr(`loopguard: no such file or directory: ${target}\n`);
    return EXIT_USAGE;
  }
  const progress = new Progress(io);
  progress.phase('Loading TypeScript and ESLint');
  // Loaded here, not imported above: loading the engine (TypeScript, ESLint, the rules) takes seconds.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { lint } = require('./lint') as typeof LintModule;
  try {
    return await lint(command, io, progress, version);
  } finally {
    progress.done();
  }
}

/** The process entry point used by `bin/loopguard.js`. */
export function main(): void {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    stdoutIsTerminal: process.stdout.isTTY === true,
    env: process.env,
    readStdin: () => fs.readFileSync(0),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `loopguard: internal error: ${(error as Error)?.stack ?? String(error)}\n`,
      );
      process.exitCode = EXIT_USAGE;
    },
  );
}
