// ESLint's bulk suppressions (ESLint 9.24+), read and written as ESLint's CLI does, so that `eslint` with the plugin
// and `loopguard lint` agree on what a committed `eslint-suppressions.json` suppresses. The file maps each path
// (relative to the working directory, POSIX separators) to rules and a count of their errors:
// `{ "src/a.ts": { "loopguard/no-floating-promises": { "count": 2 } } }`. A rule's messages in a file are suppressed
// (all of them, warnings too) while the file has at most that many errors of the rule; one more and all are
// reported. Warnings are never counted. A file that is not linted leaves its entries alone.
import * as fs from 'node:fs';
import * as path from 'node:path';

import murmur from 'imurmurhash';

import type { LintMessage, LintResult } from './results';

/** Error counts per file and rule, the content of `eslint-suppressions.json`. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** The file ESLint reads when `--suppressions-location` is not given, in the working directory. */
export const DEFAULT_SUPPRESSIONS_FILE = 'eslint-suppressions.json';

export class SuppressionsError extends Error {}

/**
 * Where the suppressions file is, as ESLint resolves it: `location` (default `eslint-suppressions.json`) relative to
 * `cwd`; when it names a folder (an existing one, or one written with a trailing separator) the file is
 * `suppressions_<hash of cwd>` inside it, the name ESLint gives it.
 */
export function resolveSuppressionsFile(cwd: string, location?: string): string {
  const normalized = path.normalize(location ?? DEFAULT_SUPPRESSIONS_FILE);
  const resolved = path.resolve(cwd, normalized);
  const looksLikeAFolder = normalized.endsWith(path.sep);
  const stats = fs.lstatSync(resolved, { throwIfNoEntry: false });
  if (stats?.isDirectory() || looksLikeAFolder)
    return path.join(resolved, `suppressions_${murmur(cwd).result().toString(36)}`);
  return resolved;
}

/** The suppressions in `file`; none when it does not exist. Throws `SuppressionsError` when it cannot be read. */
export function readSuppressions(file: string): Suppressions {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new SuppressionsError(
      `cannot read the suppressions file ${file}: ${(error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SuppressionsError(
      `the suppressions file ${file} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (!isSuppressions(parsed))
    throw new SuppressionsError(
      `the suppressions file ${file} is not a map of files to rules to { "count": N }`,
    );
  return parsed;
}

/** Writes the file as ESLint does: keys sorted at every level, two-space indentation, no final newline. */
export function writeSuppressions(file: string, suppressions: Suppressions): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(sortKeys(suppressions), null, 2));
}

/** The errors (severity 2, with a rule) per rule among `messages`. */
export function countErrorsByRule(
  messages: readonly LintMessage[],
): Record<string, { count: number }> {
  const counts: Record<string, { count: number }> = {};
  for (const message of messages) {
    if (message.severity !== 2 || !message.ruleId) continue;
    counts[message.ruleId] ??= { count: 0 };
    counts[message.ruleId]!.count++;
  }
  return counts;
}

/**
 * `--suppress-all` / `--suppress-rule`: records the current error count of every rule (or of `rules`) in each
 * linted file that has errors of it; entries of other rules and files stay.
 */
export function suppress(
  current: Suppressions,
  results: readonly LintResult[],
  cwd: string,
  rules?: readonly string[],
): Suppressions {
  const next = structuredClone(current);
  for (const result of results) {
    const file = relativeFilePath(cwd, result.filePath);
    for (const [ruleId, count] of Object.entries(countErrorsByRule(result.messages))) {
      if (rules && !rules.includes(ruleId)) continue;
      next[file] ??= {};
      next[file][ruleId] = count;
    }
  }
  return next;
}

/**
 * Moves the suppressed messages of each result to its `suppressedMessages` (marked as a file suppression, as ESLint
 * marks them) and recounts. `unused` holds what the suppressions allow beyond what occurs, per file and rule.
 */
export function applySuppressions(
  results: readonly LintResult[],
  suppressions: Suppressions,
  cwd: string,
): { results: LintResult[]; unused: Suppressions } {
  const unused: Suppressions = {};
  const applied = results.map((result) => {
    const entries = suppressions[relativeFilePath(cwd, result.filePath)];
    if (!entries) return result;
    const file = relativeFilePath(cwd, result.filePath);
    const errors = countErrorsByRule(result.messages);
    const suppressedRules = new Set<string>();
    for (const [ruleId, { count }] of Object.entries(errors)) {
      const allowed = entries[ruleId]?.count;
      if (allowed === undefined) continue;
      if (count <= allowed) suppressedRules.add(ruleId);
      if (count < allowed) (unused[file] ??= {})[ruleId] = { count: allowed - count };
    }
    for (const [ruleId, entry] of Object.entries(entries)) {
      if (!errors[ruleId]) (unused[file] ??= {})[ruleId] = entry;
    }
    if (suppressedRules.size === 0) return result;
    return withSuppressed(result, suppressedRules);
  });
  return { results: applied, unused };
}

/**
 * `--prune-suppressions`: lowers each count to what occurs, drops entries whose errors are gone and files that no
 * longer exist.
 */
export function pruneSuppressions(
  current: Suppressions,
  results: readonly LintResult[],
  cwd: string,
): Suppressions {
  const next = structuredClone(current);
  const { unused } = applySuppressions(results, current, cwd);
  for (const [file, rules] of Object.entries(unused)) {
    const entries = next[file];
    if (!entries) continue;
    for (const [ruleId, { count }] of Object.entries(rules)) {
      const entry = entries[ruleId];
      if (!entry) continue;
      if (entry.count === count) delete entries[ruleId];
      else entry.count -= count;
    }
    if (Object.keys(entries).length === 0) delete next[file];
  }
  for (const file of Object.keys(next)) {
    if (!fs.existsSync(path.resolve(cwd, file))) delete next[file];
  }
  return next;
}

/** The rules whose messages in one file the suppressions hide (the language server shows those as hints). */
export function suppressedRulesOf(
  filePath: string,
  messages: readonly LintMessage[],
  suppressions: Suppressions,
  cwd: string,
): Set<string> {
  const entries = suppressions[relativeFilePath(cwd, filePath)];
  const rules = new Set<string>();
  if (!entries) return rules;
  for (const [ruleId, { count }] of Object.entries(countErrorsByRule(messages))) {
    const allowed = entries[ruleId]?.count;
    if (allowed !== undefined && count <= allowed) rules.add(ruleId);
  }
  return rules;
}

/** A path as the suppressions file keys it: relative to the working directory, with `/`. */
export function relativeFilePath(cwd: string, filePath: string): string {
  return path.relative(cwd, filePath).split(path.sep).join(path.posix.sep);
}

function withSuppressed(result: LintResult, rules: ReadonlySet<string>): LintResult {
  const messages: LintMessage[] = [];
  const suppressed = [...result.suppressedMessages];
  for (const message of result.messages) {
    if (message.ruleId && rules.has(message.ruleId))
      suppressed.push({ ...message, suppressions: [{ kind: 'file', justification: '' }] });
    else messages.push(message);
  }
  return { ...result, ...countsOf(messages), messages, suppressedMessages: suppressed };
}

/** The counts ESLint keeps on a result, recomputed from its messages. */
function countsOf(
  messages: readonly LintMessage[],
): Pick<
  LintResult,
  'errorCount' | 'fatalErrorCount' | 'warningCount' | 'fixableErrorCount' | 'fixableWarningCount'
> {
  const counts = {
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const message of messages) {
    if (message.fatal || message.severity === 2) {
      counts.errorCount++;
      if (message.fatal) counts.fatalErrorCount++;
      if (message.fix) counts.fixableErrorCount++;
    } else {
      counts.warningCount++;
      if (message.fix) counts.fixableWarningCount++;
    }
  }
  return counts;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

function isSuppressions(value: unknown): value is Suppressions {
  const isObject = (candidate: unknown): candidate is Record<string, unknown> =>
    candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate);
  if (!isObject(value)) return false;
  return Object.values(value).every(
    (rules) =>
      isObject(rules) &&
      Object.values(rules).every(
        (entry) => isObject(entry) && typeof entry.count === 'number' && entry.count >= 0,
      ),
  );
}
