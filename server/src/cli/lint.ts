// `loopguard lint`: finds the files, lints them with the shared engine, writes fixes, prints a report and exits
// with a code that means something (0 clean, 1 findings, 2 usage or configuration error). Loaded by `main.ts` only
// for a lint, since it loads TypeScript, ESLint and the engine.
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  ConfigLoadError,
  Engine,
  calculateConfigForFile,
  findConfigFile,
  type Finding,
  globalIgnores,
  type LintConfigSource,
  loadConfigFile,
  type LintMessage,
  type LintResult,
  LintCache,
  noLoopguardRulesMessage,
  normalizePath,
  resolveCacheLocation,
  timed,
  timingsReport,
  turnsOnLoopguardRules,
  unsupportedConfigMessage,
} from '../engine';
import { isGlobPattern, type LintCommand } from './arguments';
import {
  planSuppressions,
  runSuppressions,
  UNUSED_SUPPRESSIONS_MESSAGE,
} from './bulk-suppressions';
import { formatResults } from './formatters';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, useColor } from './io';
import type { Progress } from './progress';
import { filesOfShard } from './shard';
import { findTargets, type Targets } from './targets';
import { type WriteOutcome, writeFixedFile, writeNewFile } from './write-file';

export async function lint(
  command: LintCommand,
  io: CliIo,
  progress: Progress,
  version: string,
): Promise<number> {
  let config: LintConfigSource = {
    kind: 'builtin',
    name: command.strict ? 'strict' : 'recommended',
  };
  // An explicit --config, else (unless --strict or --no-config-lookup) the nearest eslint.config.* above the linted
  // folder, the engine's lookup the language server shares.
  let configPath = command.config === undefined ? undefined : path.resolve(io.cwd, command.config);
  if (configPath === undefined && command.configLookup && !command.strict) {
    const lookup = findConfigFile(inferredRoot(lookupPaths(command), io.cwd));
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
    if (config.kind === 'file' && !turnsOnLoopguardRules(config.configs, command.rules))
      io.stderr(
        `loopguard: warning: ${noLoopguardRulesMessage(configPath)} Or lint with the built-in config: ` +
          '--no-config-lookup (`recommended`) or --strict.\n',
      );
  }

  if (command.printConfig !== undefined) {
    const target = path.resolve(io.cwd, command.printConfig);
    const calculated = await calculateConfigForFile(config, target, command.rules);
    io.stdout(`${JSON.stringify(calculated ?? null, null, 2)}\n`);
    return EXIT_OK;
  }

  const suppressionsPlan = command.stdin
    ? ({ kind: 'none' } as const)
    : planSuppressions(command, io.cwd);
  if (suppressionsPlan.kind === 'error') {
    io.stderr(`loopguard: ${suppressionsPlan.message}\n`);
    return EXIT_USAGE;
  }

  // Paths that do not exist and folders that cannot be read are reported; the other paths are still linted. A path
  // the user named that is skipped (ignored, build output, not a source file) is reported with the reason.
  progress.phase('Finding files');
  const stdinFile =
    command.stdinFilename === undefined
      ? undefined
      : normalizePath(path.resolve(io.cwd, command.stdinFilename));
  const found: Targets =
    stdinFile === undefined
      ? findTargets(command.paths, command.ignorePatterns, io.cwd, globalIgnores(config))
      : { files: [stdinFile], missing: [], unmatched: [], unreadable: [], skipped: [] };
  const { missing, unmatched, unreadable, skipped } = found;
  const files = command.shard ? filesOfShard(found.files, io.cwd, command.shard) : found.files;
  for (const target of missing) io.stderr(`loopguard: no such file or directory: ${target}\n`);
  for (const glob of unmatched) io.stderr(`loopguard: no files match the pattern ${glob}\n`);
  for (const { folder, reason } of unreadable)
    io.stderr(`loopguard: could not read the folder ${folder}: ${reason}\n`);
  for (const { path: target, reason } of skipped)
    io.stderr(`loopguard: warning: skipped ${target}: ${reason}\n`);
  const incomplete = missing.length > 0 || unmatched.length > 0 || unreadable.length > 0;
  // An empty shard is no mistake (a small project spread over many runners leaves some with nothing to lint): it
  // reports nothing, in the chosen format.
  if (found.files.length === 0 || (files.length === 0 && incomplete)) {
    if (!incomplete)
      io.stderr(
        `loopguard: no JavaScript or TypeScript files to lint in ${command.paths.join(', ')}\n`,
      );
    return EXIT_USAGE;
  }

  progress.phase(`Building the program (${files.length} file${files.length === 1 ? '' : 's'})`);
  const engine = new Engine({
    root: inferredRoot(lookupPaths(command), io.cwd),
    config,
    ruleSeverities: Object.keys(command.rules).length > 0 ? command.rules : undefined,
  });
  // Piped-in text is linted in place of the file it names, with that file's project: an overlay, as an open buffer.
  if (stdinFile !== undefined) engine.overlay.set(stdinFile, io.readStdin().toString('utf8'), 1);
  const problems = timed('projects: assign files', () => engine.prepare(files));
  const lintOptions = { maxFileBytes: command.maxFileKb * 1024 };
  const cacheLocation = resolveCacheLocation(io.cwd, command.cacheLocation);
  const cache =
    command.cache && stdinFile === undefined
      ? timed('cache: read', () =>
          LintCache.open(
            cacheLocation,
            config,
            `max-file-bytes=${lintOptions.maxFileBytes};rules=${JSON.stringify(command.rules)}`,
          ),
        )
      : undefined;
  timed('cache: validate', () => cache?.prepare(engine, files));
  const fixMode = command.fixUnsafe ? 'unsafe' : command.fix ? 'safe' : 'none';
  // The first lint of each project builds its program, so the phase drawn above stays until the first file is done.
  progress.startLinting(files.length);
  let results: LintResult[] = [];
  const findings = new Map<LintMessage, Finding>();
  const notWritten: string[] = [];
  const fixedFiles: string[] = [];
  /** The shared helper modules the written fixes import, by path. */
  const helperModules = new Map<string, string>();
  const configUnmatched: string[] = [];
  let writeFailed = false;
  for (const file of files) {
    progress.advance(file);
    if (problems.has(file.split(path.sep).join('/'))) continue;
    let outcome = cache?.get(file, fixMode);
    if (!outcome) {
      outcome = timed('lint (program build included)', () =>
        engine.lintFile(file, fixMode, lintOptions),
      );
      cache?.set(engine, file, outcome);
    }
    if (outcome.kind === 'ignored') configUnmatched.push(file);
    if (outcome.kind !== 'linted') continue;
    let { result } = outcome;
    for (const finding of outcome.findings) findings.set(finding.message, finding);
    if (result.output !== undefined && !command.fixDryRun) {
      const problem = writeProblem(
        result.filePath,
        writeFixedFile(result.filePath, outcome.source, result.output),
      );
      if (problem === undefined) {
        fixedFiles.push(result.filePath);
        for (const module of outcome.helperModules ?? [])
          if (!helperModules.has(module.path)) helperModules.set(module.path, module.text);
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
    results.push(result);
  }
  progress.done();
  // A module the fixes import is written once, after every file, and only when it is missing: an existing file of
  // that name is the project's, whatever it holds.
  const writtenModules: string[] = [];
  for (const [modulePath, text] of helperModules) {
    const written = writeNewFile(modulePath, text);
    if (written.kind === 'written') writtenModules.push(modulePath);
    else if (written.kind === 'failed') {
      notWritten.push(`could not write ${modulePath}, which the fixes import: ${written.reason}`);
      writeFailed = true;
    }
  }
  const cacheError = timed('cache: save', () => cache?.save());
  if (cacheError) io.stderr(`loopguard: ${cacheError}\n`);
  io.stderr(timingsReport());

  const explicitlyNamed = new Set(command.paths.map((target) => path.resolve(io.cwd, target)));
  for (const file of configUnmatched) {
    if (explicitlyNamed.has(file))
      io.stderr(
        `loopguard: warning: skipped ${path.relative(io.cwd, file) || file}: ${noMatchReason(config)}\n`,
      );
  }
  if (
    config.kind === 'file' &&
    configUnmatched.length > 0 &&
    results.length === 0 &&
    problems.size === 0
  ) {
    io.stderr(
      `loopguard: config error: ${noFileMatchedMessage(config.path, configUnmatched, command.paths)}\n`,
    );
    return EXIT_USAGE;
  }

  let unusedSuppressions = false;
  if (suppressionsPlan.kind === 'use') {
    try {
      const suppressed = runSuppressions(command, suppressionsPlan, results, io.cwd);
      results = suppressed.results;
      unusedSuppressions = Object.keys(suppressed.unused).length > 0;
    } catch (error) {
      io.stderr(
        `loopguard: could not write the suppressions file ${suppressionsPlan.file}: ${(error as Error).message}\n`,
      );
      return EXIT_USAGE;
    }
  }
  if (command.quiet) results = results.map(errorsOnly);

  const reported = await formatResults(command.format, results, {
    cwd: io.cwd,
    rulesMeta: engine.rulesMeta(),
    toolVersion: version,
    findings,
    color: useColor(command.color, command.outputFile === undefined && io.stdoutIsTerminal, io.env),
  });
  const report = reported === '' || reported.endsWith('\n') ? reported : `${reported}\n`;
  if (command.outputFile !== undefined) {
    const outputFile = path.resolve(io.cwd, command.outputFile);
    try {
      fs.mkdirSync(path.dirname(outputFile), { recursive: true });
      fs.writeFileSync(outputFile, report);
    } catch (error) {
      io.stderr(`loopguard: could not write ${outputFile}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
  } else if (report) io.stdout(report);

  if (fixedFiles.length > 0) {
    io.stderr(
      `loopguard: fixed ${fixedFiles.length} file${fixedFiles.length === 1 ? '' : 's'}:\n${fixedFiles.map((file) => `  ${path.relative(io.cwd, file) || file}\n`).join('')}`,
    );
  }

  for (const modulePath of writtenModules)
    io.stderr(
      `loopguard: wrote ${path.relative(io.cwd, modulePath) || modulePath}, the helper module the fixes import (no-unbounded-concurrency's helperModule)\n`,
    );
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

  if (unusedSuppressions && !command.passOnUnprunedSuppressions) {
    io.stderr(`loopguard: ${UNUSED_SUPPRESSIONS_MESSAGE}\n`);
    return EXIT_USAGE;
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

/** The paths whose folder decides the config and the inferred project's root. */
function lookupPaths(command: LintCommand): readonly string[] {
  // The file need not exist (piped-in text for a new file): its folder decides.
  if (command.stdinFilename !== undefined) return [path.dirname(command.stdinFilename)];
  if (command.printConfig !== undefined) return [path.dirname(command.printConfig)];
  return command.paths.filter((target) => !isGlobPattern(target));
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
