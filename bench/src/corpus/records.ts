// What a corpus run keeps per repository, in the corpus folder (never in the repository): the findings and times of
// the last lint of each rule, and the last fix check. `--reuse` reads them back to resample and rewrite RESULTS.md
// without linting; a run of some rules (`--rule`) replaces those rules' records and keeps the others.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { AttributedError } from './attribution';
import type { CorpusLayout } from './corpus-dir';
import type { ConfigError, Finding, RunProblem } from './findings';
import type { TscDiagnostic } from './typecheck';

/** The last lint of one rule on one repository. */
export interface RuleRecord {
  date: string;
  /** The Loopguard commit that linted it (with `+dirty` when the checkout had uncommitted changes). */
  loopguard: string;
  /** ESLint's `TIMING` total for the rule, in milliseconds. */
  timeMs: number | undefined;
  findings: Finding[];
  crashes: RunProblem[];
  /** The new type errors blamed on this rule's fixes alone; `undefined` when no fix check ran with this lint. */
  brokenFixes: AttributedError[] | undefined;
}

export interface LintSummary {
  date: string;
  loopguard: string;
  /** The rules that run linted (all of `strict`, or the `--rule` selection). */
  rules: string[];
  /** Every file the run reported on, relative to the checkout. */
  files: string[];
  wallMs: number;
  cpuMs: number | undefined;
  peakRssKb: number;
  /** The machine's 1-minute load average before and after the lint: other work inflates the times. */
  load?: [number, number];
  parseErrors: RunProblem[];
  otherProblems: RunProblem[];
  /** tsconfigs the CLI could not read, whose files it did not lint. */
  configErrors?: ConfigError[];
  /** The CLI's exit code (2: a broken config or path). */
  status?: number | null;
  stderr: string;
}

export interface TypecheckSummary {
  tsconfig: string;
  typescript: string;
  before: number;
  after: number;
  /** Errors after the fixes that were not there before. */
  added: number;
}

export interface FixSummary {
  date: string;
  loopguard: string;
  rules: string[];
  wallMs: number;
  /** Files the fixes changed (`git diff` of the scratch copy). */
  filesChanged: number;
  typecheck: TypecheckSummary[];
  /** Parse errors in the fixed copy (a fix that breaks syntax). */
  parseErrorsAfter: RunProblem[];
  /** New type errors that cannot be blamed on a single rule. */
  unattributed: AttributedError[];
}

export interface RepoRecord {
  repo: string;
  commit: string;
  lint: LintSummary;
  fix: FixSummary | undefined;
  rules: Record<string, RuleRecord>;
}

function recordPath(layout: CorpusLayout, repo: string): string {
  return path.join(layout.runs, `${repo}.json`);
}

export function readRecord(layout: CorpusLayout, repo: string): RepoRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(recordPath(layout, repo), 'utf8')) as RepoRecord;
  } catch {
    return undefined;
  }
}

export function writeRecord(layout: CorpusLayout, record: RepoRecord): void {
  fs.mkdirSync(layout.runs, { recursive: true });
  fs.writeFileSync(recordPath(layout, record.repo), `${JSON.stringify(record)}\n`);
}

/** A cached type-check baseline: the unfixed checkout's errors depend only on the commit and the install. */
export interface BaselineCache {
  key: string;
  diagnostics: Record<string, { typescript: string; errors: TscDiagnostic[] }>;
}

function baselinePath(layout: CorpusLayout, repo: string): string {
  return path.join(layout.runs, `${repo}.tsc-baseline.json`);
}

export function readBaseline(layout: CorpusLayout, repo: string, key: string): BaselineCache {
  try {
    const cache = JSON.parse(fs.readFileSync(baselinePath(layout, repo), 'utf8')) as BaselineCache;
    if (cache.key === key) return cache;
  } catch {
    // No baseline yet.
  }
  return { key, diagnostics: {} };
}

export function writeBaseline(layout: CorpusLayout, repo: string, cache: BaselineCache): void {
  fs.mkdirSync(layout.runs, { recursive: true });
  fs.writeFileSync(baselinePath(layout, repo), `${JSON.stringify(cache)}\n`);
}
