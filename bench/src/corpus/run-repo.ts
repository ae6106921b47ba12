// One repository's part of `npm run corpus`: lint the checkout, then (unless `--no-fix`) apply every preferred
// suggestion with `--fix-unsafe` on a scratch copy and type-check it before and after with the repository's own tsc.
// Repositories are run one at a time and each step is one process: the machine has two cores.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { attributeErrors, parseUnifiedDiff } from './attribution';
import type { CorpusLayout } from './corpus-dir';
import { type Finding, parseConfigErrors } from './findings';
import { lintRepo, type LintRun } from './lint';
import type { RepoSpec } from './manifest';
import { checkoutOf, isPrepared } from './prepare';
import {
  type FixSummary,
  readBaseline,
  readRecord,
  type RepoRecord,
  type RuleRecord,
  writeBaseline,
  writeRecord,
} from './records';
import { runChecked } from './run-command';
import { newDiagnostics, typecheck, type TscDiagnostic } from './typecheck';

export interface RunOptions {
  layout: CorpusLayout;
  /** The rules to lint: every rule of `strict`, or a selection. */
  rules: readonly string[];
  /** The generated config for a selection; `undefined` lints with the built-in `strict` config (every rule). */
  configPath: string | undefined;
  fixCheck: boolean;
  loopguard: string;
  log: (line: string) => void;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export async function runRepo(repo: RepoSpec, options: RunOptions): Promise<RepoRecord> {
  const { layout, log } = options;
  const checkout = checkoutOf(layout, repo);
  if (!isPrepared(layout, repo))
    throw new Error(
      `${repo.name} is not prepared at ${repo.commit.slice(0, 12)}: run \`npm run corpus -- prepare\` first`,
    );
  const date = new Date().toISOString();
  log(`${repo.name}: linting ${repo.lint.join(' ')}`);
  const loadBefore = os.loadavg()[0]!;
  const lint = await lintRepo({
    root: checkout,
    repo,
    configPath: options.configPath,
    fixUnsafe: false,
  });
  const load: [number, number] = [loadBefore, os.loadavg()[0]!];
  log(
    `${repo.name}: ${lint.files.length} files, ${lint.findings.length} findings, ${seconds(lint.wallMs)}` +
      (lint.problems.length > 0 ? `, ${lint.problems.length} other messages` : ''),
  );
  const configErrors = parseConfigErrors(lint.stderr, checkout);
  for (const error of configErrors)
    log(`${repo.name}: not linted (${error.files} files): ${error.config}: ${error.message}`);

  let fix: FixSummary | undefined;
  let brokenByRule: Map<string, RuleRecord['brokenFixes']> | undefined;
  if (options.fixCheck) {
    const checked = await checkFixes(repo, checkout, lint.findings, options);
    fix = checked.summary;
    brokenByRule = checked.brokenByRule;
  }

  const previous = readRecord(layout, repo.name);
  const sameCommit = previous?.commit === repo.commit;
  const rules: Record<string, RuleRecord> = sameCommit ? { ...previous.rules } : {};
  for (const rule of options.rules) {
    rules[rule] = {
      date,
      loopguard: options.loopguard,
      timeMs: lint.ruleTimesMs[rule],
      findings: lint.findings.filter((finding) => finding.rule === rule),
      crashes: lint.problems.filter((problem) => problem.kind === 'crash' && problem.rule === rule),
      brokenFixes: brokenByRule ? (brokenByRule.get(rule) ?? []) : undefined,
    };
  }
  const summary: RepoRecord['lint'] = {
    date,
    loopguard: options.loopguard,
    rules: [...options.rules],
    files: lint.files,
    wallMs: lint.wallMs,
    cpuMs: lint.cpuMs,
    peakRssKb: lint.peakRssKb,
    load,
    parseErrors: lint.problems.filter((problem) => problem.kind === 'parse-error'),
    otherProblems: lint.problems.filter((problem) => problem.kind === 'other'),
    configErrors,
    status: lint.status,
    stderr: lint.stderr,
  };
  const record: RepoRecord = {
    repo: repo.name,
    commit: repo.commit,
    // The repository's files and times describe a lint with every rule: a run of some rules keeps the last full one.
    lint:
      options.configPath !== undefined &&
      sameCommit &&
      previous.lint.rules.length > options.rules.length
        ? previous.lint
        : summary,
    // A fix check of an earlier run stays only while it covered the same commit and this run made none.
    fix: fix ?? (sameCommit ? previous.fix : undefined),
    rules,
  };
  writeRecord(layout, record);
  return record;
}

async function checkFixes(
  repo: RepoSpec,
  checkout: string,
  findings: readonly Finding[],
  options: RunOptions,
): Promise<{ summary: FixSummary; brokenByRule: Map<string, RuleRecord['brokenFixes']> }> {
  const { layout, log } = options;
  const scratch = path.join(layout.scratch, repo.name);
  log(
    `${repo.name}: copying the checkout to ${scratch} (hard links; fixed files are written by rename)`,
  );
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(layout.scratch, { recursive: true });
  await runChecked('cp', ['-al', checkout, scratch], { cwd: layout.scratch });

  // The baseline depends only on the commit and the install, so it is computed once per prepared checkout.
  const prepared = fs.statSync(path.join(layout.work, 'prepared', `${repo.name}.json`)).mtimeMs;
  const baseline = readBaseline(layout, repo.name, `${repo.commit} ${prepared}`);
  const before = new Map<string, { typescript: string; errors: TscDiagnostic[] }>();
  for (const tsconfig of repo.tsconfigs) {
    let cached = baseline.diagnostics[tsconfig];
    if (!cached) {
      log(`${repo.name}: type-checking ${tsconfig} before the fixes`);
      const run = await typecheck(scratch, tsconfig);
      cached = { typescript: run.typescript, errors: run.diagnostics };
      baseline.diagnostics[tsconfig] = cached;
      writeBaseline(layout, repo.name, baseline);
    }
    before.set(tsconfig, cached);
  }

  log(`${repo.name}: applying every preferred suggestion (--fix-unsafe) in the copy`);
  const fixRun: LintRun = await lintRepo({
    root: scratch,
    repo,
    configPath: options.configPath,
    fixUnsafe: true,
  });
  const diff = await runChecked(
    'git',
    ['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', '--', ...repo.lint],
    { cwd: scratch },
  );
  // Only source files: a patched config inside the linted paths is no fix.
  const hunks = new Map(
    [...parseUnifiedDiff(diff)].filter(([file]) => /\.[cm]?[jt]sx?$/.test(file)),
  );
  log(`${repo.name}: the fixes changed ${hunks.size} files (${seconds(fixRun.wallMs)})`);

  const summary: FixSummary = {
    date: new Date().toISOString(),
    loopguard: options.loopguard,
    rules: [...options.rules],
    wallMs: fixRun.wallMs,
    filesChanged: hunks.size,
    typecheck: [],
    parseErrorsAfter: fixRun.problems.filter((problem) => problem.kind === 'parse-error'),
    unattributed: [],
  };
  const brokenByRule = new Map<string, RuleRecord['brokenFixes']>(
    options.rules.map((rule) => [rule, []]),
  );
  for (const tsconfig of repo.tsconfigs) {
    log(`${repo.name}: type-checking ${tsconfig} after the fixes`);
    const after = await typecheck(scratch, tsconfig);
    const baselineRun = before.get(tsconfig)!;
    const added = newDiagnostics(baselineRun.errors, after.diagnostics);
    summary.typecheck.push({
      tsconfig,
      typescript: after.typescript,
      before: baselineRun.errors.length,
      after: after.diagnostics.length,
      added: added.length,
    });
    for (const error of attributeErrors(added, tsconfig, findings, hunks)) {
      const [only, ...others] = error.rules;
      if (only !== undefined && others.length === 0) brokenByRule.get(only)?.push(error);
      else summary.unattributed.push(error);
    }
  }
  const broken = summary.typecheck.reduce((sum, run) => sum + run.added, 0);
  log(
    `${repo.name}: ${broken === 0 ? 'no new type errors' : `${broken} new type error(s)`} after the fixes`,
  );
  return { summary, brokenByRule };
}
