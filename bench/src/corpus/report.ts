// RESULTS.md of the corpus: a fixed layout (repositories in manifest order, rules in id order, one table per
// question) so that two runs diff line by line. It holds counts, times, verdict shares and type-check errors, never
// the corpus's code or the findings' messages (which quote it).
import type { AttributedError } from './attribution';
import type { Finding } from './findings';
import {
  type FindingLabel,
  type SampleVerdicts,
  type SiteLabel,
  scoreSites,
  tallyVerdicts,
} from './labels';
import type { RepoSpec } from './manifest';
import type { RepoRecord } from './records';
import { drawSample, findingIdentity, inScope, type SampleScope } from './sample';

export interface ReportInput {
  date: string;
  loopguard: string;
  rules: readonly string[];
  repos: readonly RepoSpec[];
  records: ReadonlyMap<string, RepoRecord>;
  isTest: (finding: Pick<Finding, 'repo' | 'file'>) => boolean;
  labels: ReadonlyMap<string, FindingLabel>;
  siteLabels: readonly SiteLabel[];
  labelProblems: readonly string[];
  staleLabels: readonly FindingLabel[];
  seed: number;
  sampleSize: number;
  /** The last `npm run parity -- --write` score (`bench/corpus/parity.json`), when there is one. */
  parity?: ParityScore;
}

/** The score of a group of cases of typescript-eslint's table. */
export interface ParityGroup {
  invalid: { reported: number; total: number };
  valid: { quiet: number; total: number };
  throwing: number;
}

/**
 * `no-floating-promises` on typescript-eslint's own test table: the cases with default options, and (`withOptions`)
 * those whose options translate into ours.
 */
export interface ParityScore extends ParityGroup {
  table: string;
  date: string;
  withOptions?: ParityGroup;
  notScored: number;
}

const REPORTED_SCOPES: readonly SampleScope[] = ['all', 'production'];

/** Every current finding of `rule` over the repositories that have a record. */
export function findingsOf(records: ReadonlyMap<string, RepoRecord>, rule: string): Finding[] {
  return [...records.values()].flatMap((record) => record.rules[rule]?.findings ?? []);
}

export function sampleOf(
  findings: readonly Finding[],
  scope: SampleScope,
  isTest: ReportInput['isTest'],
  seed: number,
  size: number,
): Finding[] {
  return drawSample(inScope(findings, scope, isTest), size, seed, findingIdentity);
}

const short = (commit: string): string => `\`${commit.slice(0, 12)}\``;
const seconds = (ms: number | undefined): string =>
  ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`;
const megabytes = (kb: number): string => (kb > 0 ? `${Math.round(kb / 1024)} MB` : 'n/a');
const share = (part: number, whole: number): string =>
  whole === 0 ? '–' : `${part} (${Math.round((100 * part) / whole)}%)`;
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];

export function renderReport(input: ReportInput): string {
  const { records, repos, rules } = input;
  const present = repos.filter((repo) => records.has(repo.name));
  const lines: string[] = [
    '# Real-code corpus: results',
    '',
    `Written by \`npm run corpus\` on ${input.date}; Loopguard at ${short(input.loopguard)} when written (each`,
    "run's own commit is in the tables). Every repository is linted with the `strict` config (every rule). How the",
    'corpus is built, run, sampled and labelled: [../README.md](../README.md#real-code-corpus).',
    '',
    `Samples: seed ${input.seed}, ${input.sampleSize} findings per rule, drawn uniformly without stratification`,
    '(the findings with the smallest seeded hashes, so a finding keeps its place across runs), once from all',
    'findings and once from the findings in production code. Shares are of the labelled findings of each sample.',
    '',
    '## Repositories',
    '',
    'Files linted (of them test code); wall time, CPU time and peak memory of `loopguard lint`, and the 1-minute load',
    'average of the 2-core machine before → after it (other work inflates wall times); the fix run applies every',
    'preferred suggestion with `--fix-unsafe` on a scratch copy, which is type-checked before and after.',
    '',
    ...table(
      [
        'repo',
        'commit',
        'files (test)',
        'lint time',
        'CPU',
        'peak RSS',
        'load',
        'linted with',
        'fix run',
        'files fixed',
        'type errors before → after (new)',
      ],
      repos.map((repo) => {
        const record = records.get(repo.name);
        if (!record)
          return [repo.name, short(repo.commit), 'not run', '', '', '', '', '', '', '', ''];
        const testFiles = record.lint.files.filter((file) =>
          input.isTest({ repo: repo.name, file }),
        ).length;
        const { fix } = record;
        const before = fix?.typecheck.reduce((sum, run) => sum + run.before, 0) ?? 0;
        const after = fix?.typecheck.reduce((sum, run) => sum + run.after, 0) ?? 0;
        const added = fix?.typecheck.reduce((sum, run) => sum + run.added, 0) ?? 0;
        // A run of some rules (`--rule`) is marked: its times are not those of a lint with every rule.
        const some = (ruleCount: number): string =>
          ruleCount < rules.length ? ` (${ruleCount} rules)` : '';
        return [
          repo.name,
          short(record.commit),
          `${record.lint.files.length} (${testFiles})` +
            ((record.lint.configErrors?.length ?? 0) > 0 ? ', some not linted: see below' : ''),
          seconds(record.lint.wallMs) + some(record.lint.rules.length),
          seconds(record.lint.cpuMs),
          megabytes(record.lint.peakRssKb),
          record.lint.load ? record.lint.load.map((value) => value.toFixed(1)).join(' → ') : 'n/a',
          short(record.lint.loopguard),
          fix ? seconds(fix.wallMs) + some(fix.rules.length) : 'not run',
          fix ? String(fix.filesChanged) : '',
          fix ? `${before} → ${after} (${added})` : '',
        ];
      }),
    ),
    '',
    ...patchNote(repos),
    '### Type-checking per tsconfig',
    '',
    ...table(
      ['repo', 'tsconfig', 'TypeScript', 'errors before', 'after', 'new'],
      present.flatMap((repo) =>
        (records.get(repo.name)!.fix?.typecheck ?? []).map((run) => [
          repo.name,
          `\`${run.tsconfig}\``,
          run.typescript,
          String(run.before),
          String(run.after),
          String(run.added),
        ]),
      ),
    ),
    '',
    '## Findings per rule',
    '',
    'Each cell: production / test.',
    '',
    ...table(
      ['rule', ...present.map((repo) => repo.name), 'total', 'production', 'test'],
      rules.map((rule) => {
        let production = 0;
        let test = 0;
        const cells = present.map((repo) => {
          const ruleRecord = records.get(repo.name)!.rules[rule];
          if (!ruleRecord) return 'not run';
          const inTest = ruleRecord.findings.filter((finding) => input.isTest(finding)).length;
          production += ruleRecord.findings.length - inTest;
          test += inTest;
          return `${ruleRecord.findings.length - inTest} / ${inTest}`;
        });
        return [
          `\`${rule}\``,
          ...cells,
          String(production + test),
          String(production),
          String(test),
        ];
      }),
    ),
    '',
    ...staleRuleRuns(input, present),
    '## Time per rule',
    '',
    "Seconds spent in each rule (ESLint's `TIMING`), the type information it asks for included.",
    '',
    ...table(
      ['rule', ...present.map((repo) => repo.name)],
      rules.map((rule) => [
        `\`${rule}\``,
        ...present.map((repo) => seconds(records.get(repo.name)!.rules[rule]?.timeMs)),
      ]),
    ),
    '',
    '## Samples and labels',
    '',
    ...table(
      [
        'rule',
        'sample of',
        'findings',
        'sampled',
        'labelled',
        'worth',
        'borderline',
        'noise',
        'unlabelled',
      ],
      rules.flatMap((rule) => {
        const findings = findingsOf(records, rule);
        return REPORTED_SCOPES.map((scope) => {
          const pool = inScope(findings, scope, input.isTest);
          const sample = sampleOf(findings, scope, input.isTest, input.seed, input.sampleSize);
          const tally: SampleVerdicts = tallyVerdicts(sample, input.labels);
          return [
            `\`${rule}\``,
            scope === 'all' ? 'all findings' : 'production code',
            String(pool.length),
            String(tally.sampled),
            String(tally.labelled),
            share(tally.worth, tally.labelled),
            share(tally.borderline, tally.labelled),
            share(tally.noise, tally.labelled),
            String(tally.sampled - tally.labelled),
          ];
        });
      }),
    ),
    '',
    ...labelFileNotes(input),
    '## Fixes that broke type-checking',
    '',
    'New `tsc` errors after `--fix-unsafe`, blamed on the rule whose applied fix rewrote the line (`at the fix`),',
    'else on the only rule that fixed that file (`in a fixed file`) or anything (`elsewhere`).',
    '',
    ...brokenFixes(input, present),
    '## Fan-out sites (`no-unbounded-concurrency`)',
    '',
    ...fanOutSites(input),
    ...paritySection(input.parity),
    '## Crashes, parse errors and other messages',
    '',
    ...problems(input, present),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function paritySection(parity: ParityScore | undefined): string[] {
  if (!parity) return [];
  const share = (part: number, whole: number) =>
    whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
  const row = (cases: string, group: ParityGroup): string[] => [
    cases,
    `${group.invalid.reported} of ${group.invalid.total} (${share(group.invalid.reported, group.invalid.total)})`,
    `${group.valid.quiet} of ${group.valid.total} (${share(group.valid.quiet, group.valid.total)})`,
    String(group.throwing),
  ];
  return [
    '## Parity with typescript-eslint (`no-floating-promises`)',
    '',
    `\`npm run parity\` on ${parity.date}: typescript-eslint's own test table for its \`no-floating-promises\` (${parity.table}),`,
    'each case in the typed fixture project: those with default options, and those whose options have a counterpart',
    'here (their `allowForKnownSafeCalls` and `allowForKnownSafePromises` as `allow`; `ignoreVoid`, `ignoreIIFE`,',
    `\`checkThenables\` by name); ${parity.notScored} cases with other options or their own parser setup are not scored.`,
    '',
    ...table(
      ['cases', 'invalid cases reported', 'valid cases quiet', 'cases throwing'],
      [
        row('default options', parity),
        ...(parity.withOptions ? [row('their options, translated', parity.withOptions)] : []),
      ],
    ),
    '',
  ];
}

/** Which checkouts are patched so that Loopguard can read their configs (the manifest says why). */
function patchNote(repos: readonly RepoSpec[]): string[] {
  const patched = repos.filter((repo) => (repo.patches ?? []).length > 0);
  if (patched.length === 0) return [];
  const list = patched
    .map((repo) => `${repo.name} (${repo.patches!.map((patch) => `\`${patch.file}\``).join(', ')})`)
    .join(', ');
  return [
    `Patched before linting, configs only: ${list}.`,
    "Loopguard's TypeScript cannot read their tsconfigs as they are, and lints none of their files then (the",
    "manifest's `patches` say what and why).",
    '',
  ];
}

/** A note when some rule's findings come from an older lint than the repository's last one (a `--rule` run). */
function staleRuleRuns(input: ReportInput, present: readonly RepoSpec[]): string[] {
  const notes: string[] = [];
  for (const repo of present) {
    const record = input.records.get(repo.name)!;
    for (const rule of input.rules) {
      const ruleRecord = record.rules[rule];
      if (ruleRecord && ruleRecord.loopguard !== record.lint.loopguard)
        notes.push(`- ${repo.name}, \`${rule}\`: linted with ${short(ruleRecord.loopguard)}`);
    }
  }
  return notes.length > 0
    ? ['Rules linted by an earlier run than their repository:', '', ...notes, '']
    : [];
}

function labelFileNotes(input: ReportInput): string[] {
  const notes: string[] = [];
  if (input.labelProblems.length > 0)
    notes.push(
      `${input.labelProblems.length} label row(s) could not be read (\`npm run corpus -- --reuse\` lists them).`,
    );
  if (input.staleLabels.length > 0)
    notes.push(
      `${input.staleLabels.length} label(s) match no current finding (fixed since, or mistyped): ${input.staleLabels
        .slice(0, 10)
        .map((label) => `\`${label.source}\``)
        .join(', ')}${input.staleLabels.length > 10 ? ', …' : ''}.`,
    );
  return notes.length > 0 ? [...notes, ''] : [];
}

function describeError(repo: string, error: AttributedError): string {
  const where = error.file === undefined ? '(no file)' : `${error.file}:${error.line}`;
  const how = { 'at-fix': 'at the fix', 'same-file': 'in a fixed file', 'other-file': 'elsewhere' }[
    error.attribution
  ];
  const message = error.message.length > 140 ? `${error.message.slice(0, 139)}…` : error.message;
  return `${repo} \`${where}\` ${error.code} (${how}, \`${error.tsconfig}\`): ${message.replace(/\|/g, '\\|')}`;
}

function brokenFixes(input: ReportInput, present: readonly RepoSpec[]): string[] {
  const rows = input.rules.map((rule) => {
    let checked = 0;
    const errors: string[] = [];
    for (const repo of present) {
      const broken = input.records.get(repo.name)!.rules[rule]?.brokenFixes;
      if (broken === undefined) continue;
      checked++;
      errors.push(...broken.map((error) => describeError(repo.name, error)));
    }
    return { rule, checked, errors };
  });
  const lines = table(
    ['rule', 'repositories checked', 'new type errors'],
    rows.map(({ rule, checked, errors }) => [
      `\`${rule}\``,
      String(checked),
      String(errors.length),
    ]),
  );
  lines.push('');
  for (const { rule, errors } of rows) {
    if (errors.length === 0) continue;
    lines.push(`\`${rule}\`:`, '', ...errors.map((error) => `- ${error}`), '');
  }
  const unattributed = present.flatMap((repo) =>
    (input.records.get(repo.name)!.fix?.unattributed ?? []).map(
      (error) =>
        `- ${describeError(repo.name, error)} (rules: ${error.rules.map((rule) => `\`${rule}\``).join(', ') || 'none'})`,
    ),
  );
  if (unattributed.length > 0) lines.push('Not attributable to one rule:', '', ...unattributed, '');
  return lines;
}

function fanOutSites(input: ReportInput): string[] {
  const findings = findingsOf(input.records, 'no-unbounded-concurrency');
  const sites = input.siteLabels.filter((site) => input.records.has(site.repo));
  if (sites.length === 0)
    return [
      'No sites labelled yet (`bench/corpus/labels/fan-out-sites.csv`; `npm run corpus -- sites` lists candidates).',
      '',
    ];
  const score = scoreSites(sites, findings);
  return [
    "Share of the hand-labelled `Promise.all`-style sites that the rule flags (a finding starting on the site's line",
    'or spanning it). Target: at least 80% of "needs a limit", at most 10% of "fine".',
    '',
    ...table(
      ['labelled sites', 'needs a limit', 'of them flagged', 'fine', 'of them flagged'],
      [
        [
          String(sites.length),
          String(score.needsLimit),
          share(score.needsLimitFlagged, score.needsLimit),
          String(score.fine),
          share(score.fineFlagged, score.fine),
        ],
      ],
    ),
    '',
  ];
}

function problems(input: ReportInput, present: readonly RepoSpec[]): string[] {
  const rows = present.map((repo) => {
    const record = input.records.get(repo.name)!;
    const crashes = input.rules.reduce(
      (sum, rule) => sum + (record.rules[rule]?.crashes.length ?? 0),
      0,
    );
    return [
      repo.name,
      String((record.lint.configErrors ?? []).reduce((sum, error) => sum + error.files, 0)),
      String(crashes),
      String(record.lint.parseErrors.length),
      record.fix ? String(record.fix.parseErrorsAfter.length) : 'not run',
      String(record.lint.otherProblems.length),
    ];
  });
  const lines = table(
    [
      'repo',
      'files not linted (config errors)',
      'rule crashes',
      'parse errors',
      'parse errors after the fixes',
      'other messages',
    ],
    rows,
  );
  lines.push('');
  for (const repo of present) {
    const record = input.records.get(repo.name)!;
    for (const error of record.lint.configErrors ?? [])
      lines.push(
        `- ${repo.name} \`${error.config}\`: Loopguard could not read it, ${error.files} file(s) not linted: ${error.message.replace(/\|/g, '\\|')}`,
      );
    for (const rule of input.rules)
      for (const crash of record.rules[rule]?.crashes ?? [])
        lines.push(`- ${repo.name} \`${crash.file}\`: \`${rule}\` crashed`);
    for (const parseError of record.fix?.parseErrorsAfter ?? [])
      lines.push(
        `- ${repo.name} \`${parseError.file}:${parseError.line}\`: a parse error after the fixes`,
      );
  }
  return lines;
}
