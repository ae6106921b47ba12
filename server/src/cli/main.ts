// `loopguard lint`: finds the files, lints them with the shared engine, writes fixes, prints a report and exits
// with a code that means something (0 clean, 1 findings, 2 usage or configuration error).
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  ConfigLoadError,
  Engine,
  findConfigFile,
  findFiles,
  type Finding,
  globalIgnores,
  type LintConfigSource,
  loadConfigFile,
  type LintMessage,
  type LintResult,
  LintCache,
  resolveCacheLocation,
  unsupportedConfigMessage,
} from '../engine';
import { helpText, type LintCommand, parseCommandLine, UsageError } from './arguments';
import { formatResults } from './formatters';
import { Progress } from './progress';
import { type WriteOutcome, writeFixedFile } from './write-file';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal, so progress can be shown. */
  interactive: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../package.json') as { version: string };

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`loopguard: ${error.message}\nRun \`loopguard --help\` for usage.\n`);
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
  return lint(command, io);
}

async function lint(command: LintCommand, io: CliIo): Promise<number> {
  let config: LintConfigSource = {
    kind: 'builtin',
    name: command.strict ? 'strict' : 'recommended',
  };
  // An explicit --config, else (unless --strict or --no-config-lookup) the nearest eslint.config.* above the linted
  // folder, the engine's lookup the language server shares.
  let configPath = command.config === undefined ? undefined : path.resolve(io.cwd, command.config);
  if (configPath === undefined && command.configLookup && !command.strict) {
    const lookup = findConfigFile(inferredRoot(command.paths, io.cwd));
    for (const skipped of lookup.unsupported)
      io.stderr(`loopguard: ${unsupportedConfigMessage(skipped)}\n`);
    configPath = lookup.configPath;
  }
  if (configPath !== undefined) {
    try {
      config = await loadConfigFile(configPath);
    } catch (error) {
      if (!(error instanceof ConfigLoadError)) throw error;
      io.stderr(`loopguard: config error: ${error.message}\n`);
      return EXIT_USAGE;
    }
  }

  // Paths that do not exist and folders that cannot be read are reported; the other paths are still linted. A path
  // the user named that is skipped (ignored, build output, not a source file) is reported with the reason.
  const { files, missing, unreadable, skipped } = findFiles(command.paths, io.cwd, {
    ignores: globalIgnores(config),
  });
  for (const target of missing) io.stderr(`loopguard: no such file or directory: ${target}\n`);
  for (const { folder, reason } of unreadable)
    io.stderr(`loopguard: could not read the folder ${folder}: ${reason}\n`);
  for (const { path: target, reason } of skipped)
    io.stderr(`loopguard: warning: skipped ${target}: ${reason}\n`);
  const incomplete = missing.length > 0 || unreadable.length > 0;
  if (files.length === 0) {
    if (!incomplete)
      io.stderr(
        `loopguard: no JavaScript or TypeScript files to lint in ${command.paths.join(', ')}\n`,
      );
    return EXIT_USAGE;
  }

  const engine = new Engine({ root: inferredRoot(command.paths, io.cwd), config });
  const problems = engine.prepare(files);
  const lintOptions = { maxFileBytes: command.maxFileKb * 1024 };
  const cacheLocation = resolveCacheLocation(io.cwd, command.cacheLocation);
  const cache = command.cache
    ? LintCache.open(cacheLocation, config, `max-file-bytes=${lintOptions.maxFileBytes}`)
    : undefined;
  cache?.prepare(engine, files);
  const fixMode = command.fixUnsafe ? 'unsafe' : command.fix ? 'safe' : 'none';
  const progress = new Progress(io, files.length);
  const results: LintResult[] = [];
  const findings = new Map<LintMessage, Finding>();
  const notWritten: string[] = [];
  const unmatched: string[] = [];
  let writeFailed = false;
  for (const file of files) {
    progress.advance(file);
    if (problems.has(file.split(path.sep).join('/'))) continue;
    let outcome = cache?.get(file, fixMode);
    if (!outcome) {
      outcome = engine.lintFile(file, fixMode, lintOptions);
      cache?.set(engine, file, outcome);
    }
    if (outcome.kind === 'ignored') unmatched.push(file);
    if (outcome.kind !== 'linted') continue;
    let { result } = outcome;
    for (const finding of outcome.findings) findings.set(finding.message, finding);
    if (result.output !== undefined) {
      const problem = writeProblem(
        result.filePath,
        writeFixedFile(result.filePath, outcome.source, result.output),
      );
      if (problem === undefined) {
        engine.fileChanged(result.filePath);
        cache?.fileWritten(result.filePath);
      } else {
        notWritten.push(problem.message);
        writeFailed ||= problem.failed;
        // The report shows what the file holds without its fixes, since they were not written.
        const unfixed = engine.lintFile(file, 'none', lintOptions);
        if (unfixed.kind === 'linted') {
          result = unfixed.result;
          for (const finding of unfixed.findings) findings.set(finding.message, finding);
        }
      }
    }
    results.push(command.quiet ? errorsOnly(result) : result);
  }
  progress.done();
  const cacheError = cache?.save();
  if (cacheError) io.stderr(`loopguard: ${cacheError}\n`);

  const explicitlyNamed = new Set(command.paths.map((target) => path.resolve(io.cwd, target)));
  for (const file of unmatched) {
    if (explicitlyNamed.has(file))
      io.stderr(
        `loopguard: warning: skipped ${path.relative(io.cwd, file) || file}: ${noMatchReason(config)}\n`,
      );
  }
  if (
    config.kind === 'file' &&
    unmatched.length > 0 &&
    results.length === 0 &&
    problems.size === 0
  ) {
    io.stderr(
      `loopguard: config error: ${noFileMatchedMessage(config.path, unmatched, command.paths)}\n`,
    );
    return EXIT_USAGE;
  }

  const reported = await formatResults(command.format, results, {
    cwd: io.cwd,
    rulesMeta: engine.rulesMeta(),
    toolVersion: version,
    findings,
  });
  if (reported) io.stdout(reported.endsWith('\n') ? reported : `${reported}\n`);

  for (const line of notWritten) io.stderr(`loopguard: ${line}\n`);
  const brokenConfigs = new Map<string, { message: string; files: number }>();
  for (const problem of problems.values()) {
    const entry = brokenConfigs.get(problem.configPath) ?? { message: problem.message, files: 0 };
    entry.files++;
    brokenConfigs.set(problem.configPath, entry);
  }
  for (const [configPath, { message, files: count }] of brokenConfigs) {
    io.stderr(
      `loopguard: config error in ${configPath}: ${message} (${count} file${count === 1 ? '' : 's'} not linted)\n`,
    );
  }

  if (brokenConfigs.size > 0 || incomplete || writeFailed) return EXIT_USAGE;
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (command.maxWarnings !== undefined && warnings > command.maxWarnings) {
    io.stderr(
      `loopguard: too many warnings (${warnings}); the maximum is ${command.maxWarnings}.\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** A config that lints none of the files found: the usual cause is a config outside the linted folder. */
function noFileMatchedMessage(
  configPath: string,
  files: readonly string[],
  paths: readonly string[],
): string {
  const folder = path.dirname(configPath);
  const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
  const outside = files.every((file) => path.relative(folder, file).startsWith('..'));
  return outside
    ? `${configPath} matches none of the ${count} found in ${paths.join(', ')}: they are outside ${folder}, the folder ` +
        'its `files` and `ignores` patterns are relative to, so it never applies to them.'
    : `${configPath} matches none of the ${count} found in ${paths.join(', ')}: its \`files\` patterns leave them ` +
        'out, or its `ignores` exclude them.';
}

/** Why the config left a file unlinted (the engine's outcome `ignored`). */
function noMatchReason(config: LintConfigSource): string {
  return config.kind === 'file'
    ? `no object in ${config.path} matches it (its \`files\` patterns, or its \`ignores\`)`
    : 'the built-in config does not match it';
}

/** Why a file's fixes were not written, or `undefined` when they were. */
function writeProblem(
  filePath: string,
  written: WriteOutcome,
): { message: string; failed: boolean } | undefined {
  switch (written.kind) {
    case 'written':
      return undefined;
    case 'changed-on-disk':
      return {
        message: `${filePath} changed on disk while it was being linted; its fixes were not written.`,
        failed: false,
      };
    case 'deleted':
      return {
        message: `${filePath} was deleted while it was being linted; its fixes were not written.`,
        failed: false,
      };
    case 'not-utf8':
      return {
        message: `${filePath} is not valid UTF-8; its fixes were not written (they would replace those bytes).`,
        failed: false,
      };
    case 'failed':
      return {
        message: `could not write the fixes of ${filePath}: ${written.reason}. The file is unchanged.`,
        failed: true,
      };
  }
}

/** The folder the inferred project resolves `node_modules` from: the one folder linted, else the current one. */
function inferredRoot(paths: readonly string[], cwd: string): string {
  if (paths.length !== 1) return cwd;
  const target = path.resolve(cwd, paths[0]!);
  return fs.statSync(target, { throwIfNoEntry: false })?.isFile() === true
    ? path.dirname(target)
    : target;
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

/** The process entry point used by `bin/loopguard.js`. */
export function main(): void {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
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
