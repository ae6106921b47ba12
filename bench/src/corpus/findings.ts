// Reading `loopguard lint --format json` (ESLint's JSON format) into the corpus's own records: the findings of
// Loopguard's rules, each with the lines its preferred fix rewrites, and apart from them the parse errors, rule
// crashes and other messages of the run, which are not findings of a rule.

/** A finding of one rule, in a file given relative to the repository root with `/` separators. */
export interface Finding {
  repo: string;
  /** The rule id without the `loopguard/` prefix. */
  rule: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId: string | undefined;
  message: string;
  /** What `--fix-unsafe` applies for it: its autofix, else its first (preferred) suggestion. */
  fix: 'autofix' | 'suggestion' | 'none';
  /** The first and last line (of the unfixed file) that the applied fix replaces. */
  fixLines: readonly [number, number] | undefined;
}

/** A message of the run that is not a finding: a parse error, a rule that crashed, a file skipped, … */
export interface RunProblem {
  kind: 'parse-error' | 'crash' | 'other';
  /** The rule id without the prefix, for crashes. */
  rule: string | undefined;
  file: string;
  line: number;
  message: string;
}

export interface ParsedLintOutput {
  /** Every file the run reported on, linted or not, relative to the repository root. */
  files: string[];
  findings: Finding[];
  problems: RunProblem[];
}

interface EslintFix {
  range: [number, number];
}

interface EslintMessage {
  ruleId: string | null;
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  fatal?: boolean;
  fix?: EslintFix;
  suggestions?: Array<{ fix?: EslintFix }>;
}

interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  source?: string;
}

export const RULE_PREFIX = 'loopguard/';
const CRASH = /^Rule '[^']+' crashed on this file/;

/**
 * The records of one run's JSON output. `root` is the folder the run's paths are made relative to (the repository's
 * checkout, or its scratch copy), `repo` the manifest name recorded with each finding.
 */
export function parseLintOutput(json: string, root: string, repo: string): ParsedLintOutput {
  const results = JSON.parse(json) as EslintResult[];
  const files: string[] = [];
  const findings: Finding[] = [];
  const problems: RunProblem[] = [];
  for (const result of results) {
    const file = relativePosix(root, result.filePath);
    files.push(file);
    const lineStarts = result.source === undefined ? undefined : lineStartOffsets(result.source);
    for (const message of result.messages) {
      const line = message.line ?? 1;
      const ruleId = message.ruleId;
      if (ruleId === null || message.fatal) {
        problems.push({
          kind: message.fatal ? 'parse-error' : 'other',
          rule: undefined,
          file,
          line,
          message: message.message,
        });
        continue;
      }
      if (!ruleId.startsWith(RULE_PREFIX)) continue;
      const rule = ruleId.slice(RULE_PREFIX.length);
      if (CRASH.test(message.message)) {
        problems.push({ kind: 'crash', rule, file, line, message: message.message });
        continue;
      }
      const applied = message.fix ?? message.suggestions?.[0]?.fix;
      findings.push({
        repo,
        rule,
        file,
        line,
        column: message.column ?? 1,
        endLine: message.endLine ?? line,
        endColumn: message.endColumn ?? message.column ?? 1,
        messageId: message.messageId,
        message: message.message,
        fix: message.fix ? 'autofix' : applied ? 'suggestion' : 'none',
        fixLines:
          applied && lineStarts
            ? [
                lineOfOffset(lineStarts, applied.range[0]),
                lineOfOffset(lineStarts, applied.range[1]),
              ]
            : undefined,
      });
    }
  }
  return { files, findings, problems };
}

/** `file` relative to `root`, with `/` separators. */
export function relativePosix(root: string, file: string): string {
  const normalizedRoot = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const normalized = file.replace(/\\/g, '/');
  return normalized.startsWith(`${normalizedRoot}/`)
    ? normalized.slice(normalizedRoot.length + 1)
    : normalized;
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++)
    if (text[index] === '\n') starts.push(index + 1);
  return starts;
}

/** The 1-based line of a 0-based offset. */
function lineOfOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Findings per rule id, for each rule in `rules` (zero included). */
export function countByRule(
  findings: readonly Finding[],
  rules: readonly string[],
): Map<string, number> {
  const counts = new Map(rules.map((rule) => [rule, 0]));
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return counts;
}

/** The per-rule times of ESLint's `TIMING=all` table, printed after the JSON output, in milliseconds. */
export function parseRuleTimes(text: string): Record<string, number> {
  const times: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^(\S+)\s*\|\s*([\d.]+)\s*\|/.exec(line);
    if (!match?.[1]?.startsWith(RULE_PREFIX)) continue;
    times[match[1].slice(RULE_PREFIX.length)] = Number(match[2]);
  }
  return times;
}

/** A tsconfig the CLI could not read: its files are not linted (`loopguard: config error in …` on stderr). */
export interface ConfigError {
  /** Relative to the linted folder when inside it. */
  config: string;
  /** The start of the message and the places it names (`tsconfig.json:11:7`). */
  message: string;
  files: number;
}

/** The config errors the CLI reported on stderr. */
export function parseConfigErrors(stderr: string, root: string): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const line of stderr.split('\n')) {
    const match = /^loopguard: config error in (.+?): (.*) \((\d+) files? not linted\)$/.exec(line);
    if (!match) continue;
    const places = [...match[2]!.matchAll(/\(([^()\s]+:\d+:\d+)\)/g)].map((place) =>
      relativePosix(root, place[1]!),
    );
    // The first of the messages (they are joined with `; `), without its place, cut to a line.
    const first = match[2]!.split('; ')[0]!.replace(/\s*\([^()\s]+:\d+:\d+\)/g, '');
    const start = first.length > 100 ? `${first.slice(0, 99)}…` : first;
    errors.push({
      config: relativePosix(root, match[1]!),
      message: places.length > 0 ? `${start} (at ${[...new Set(places)].join(', ')})` : start,
      files: Number(match[3]),
    });
  }
  return errors;
}
