// The corpus harness's pure parts, which must hold without any corpus on disk (CI has none): globs, the CSV
// dialect of the labels, sampling, label matching and scoring, tsc output, and blaming new type errors on rules.
import * as assert from 'node:assert/strict';

import { describe, it } from 'mocha';

import { attributeErrors, originalLines, parseUnifiedDiff } from './attribution';
import { formatCsvRow, parseCsv } from './csv';
import { type Finding, parseConfigErrors, parseLintOutput, parseRuleTimes } from './findings';
import { globToRegExp } from './glob';
import {
  indexFindingLabels,
  parseFindingLabels,
  parseSiteLabels,
  scoreSites,
  tallyVerdicts,
  unmatchedLabels,
} from './labels';
import { sitesInText } from './review';
import { drawSample, findingIdentity } from './sample';
import { newDiagnostics, parseTscOutput } from './typecheck';

function finding(overrides: Partial<Finding>): Finding {
  return {
    repo: 'app',
    rule: 'no-floating-promises',
    file: 'src/a.ts',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 10,
    messageId: 'floatingPromise',
    message: 'message',
    fix: 'none',
    fixLines: undefined,
    ...overrides,
  };
}

describe('corpus: globs', () => {
  const cases: Array<{ glob: string; matches: string[]; misses: string[] }> = [
    {
      glob: '**/*.test.ts',
      matches: ['a.test.ts', 'src/a.test.ts', 'src/deep/a.test.ts'],
      misses: ['a.test.tsx', 'src/atest.ts', 'src/a.test.ts/b.ts'],
    },
    {
      glob: '**/__tests__/**',
      matches: ['__tests__/a.ts', 'packages/x/__tests__/y/z.ts'],
      misses: ['packages/x/__tests__', 'packages/x/tests/a.ts'],
    },
    { glob: 'test/**', matches: ['test/a.ts', 'test/b/c.ts'], misses: ['src/test/a.ts'] },
    { glob: 'src/*.ts', matches: ['src/a.ts'], misses: ['src/b/a.ts', 'src/a.tsx'] },
    { glob: '**/*.{spec,test}.?s', matches: ['x/a.spec.ts', 'a.test.js'], misses: ['a.e2e.ts'] },
    { glob: 'a+b(c).ts', matches: ['a+b(c).ts'], misses: ['aab(c).ts', 'a+bc.ts'] },
  ];
  for (const { glob, matches, misses } of cases) {
    it(glob, () => {
      const pattern = globToRegExp(glob);
      for (const path of matches) assert.ok(pattern.test(path), `${glob} should match ${path}`);
      for (const path of misses) assert.ok(!pattern.test(path), `${glob} should not match ${path}`);
    });
  }

  it('rejects an unclosed brace', () => {
    assert.throws(() => globToRegExp('**/*.{ts,js'), /unclosed/);
  });
});

describe('corpus: CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, and CRLF line ends', () => {
    assert.deepEqual(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n,,\n'), [
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['', '', ''],
    ]);
  });

  it('reads a last row without a line end', () => {
    assert.deepEqual(parseCsv('a,b\n1,2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('rejects a quoted field that is not closed', () => {
    assert.throws(() => parseCsv('a\n"open'), /not closed/);
  });

  it('writes what it reads', () => {
    const row = ['got', 'src/a,b.ts', 12, 'say "hi"', ''];
    assert.equal(formatCsvRow(row), 'got,"src/a,b.ts",12,"say ""hi""",');
    assert.deepEqual(parseCsv(formatCsvRow(row))[0], row.map(String));
  });
});

describe('corpus: sampling', () => {
  const findings = Array.from({ length: 200 }, (_, index) =>
    finding({ file: `src/f${index % 17}.ts`, line: index + 1 }),
  );

  it('draws the same sample for the same seed, whatever the order of the findings', () => {
    const first = drawSample(findings, 30, 14, findingIdentity);
    const shuffled = [...findings].reverse();
    assert.deepEqual(drawSample(shuffled, 30, 14, findingIdentity), first);
    assert.equal(first.length, 30);
    assert.equal(new Set(first).size, 30);
  });

  it('draws another sample for another seed', () => {
    assert.notDeepEqual(
      drawSample(findings, 30, 15, findingIdentity),
      drawSample(findings, 30, 14, findingIdentity),
    );
  });

  it('keeps the findings still reported when others disappear', () => {
    const sample = drawSample(findings, 30, 14, findingIdentity);
    const removed = new Set(sample.slice(0, 5));
    const after = drawSample(
      findings.filter((item) => !removed.has(item)),
      30,
      14,
      findingIdentity,
    );
    assert.deepEqual(after.slice(0, 25), sample.slice(5));
  });

  it('returns every finding when there are fewer than the sample size', () => {
    assert.equal(drawSample(findings.slice(0, 7), 30, 14, findingIdentity).length, 7);
  });
});

describe('corpus: labels', () => {
  const header = 'repo,file,line,rule,verdict,reason\n';

  it('reads labels and reports bad rows, skipping stubs without a verdict', () => {
    const { labels, problems } = parseFindingLabels(
      `${header}app,src/a.ts,3,loopguard/no-floating-promises,worth,"dropped save, error lost"\n` +
        'app,src/a.ts,4,no-floating-promises,,\n' +
        'app,src/a.ts,x,no-floating-promises,noise,bad line\n' +
        'app,src/a.ts,5,no-floating-promises,maybe,bad verdict\n' +
        'app,src/a.ts,6\n',
      'no-floating-promises.csv',
    );
    assert.deepEqual(
      labels.map((label) => [label.line, label.rule, label.verdict, label.reason, label.source]),
      [
        [
          3,
          'no-floating-promises',
          'worth',
          'dropped save, error lost',
          'no-floating-promises.csv:2',
        ],
      ],
    );
    assert.deepEqual(problems, [
      'no-floating-promises.csv: row 6: 3 fields, the header has 6',
      "no-floating-promises.csv:4: the line must be a whole number, not 'x'",
      "no-floating-promises.csv:5: the verdict must be one of worth, borderline, noise, not 'maybe'",
    ]);
  });

  it('rejects a file with another header', () => {
    const { labels, problems } = parseFindingLabels('repo,file,line\n', 'x.csv');
    assert.equal(labels.length, 0);
    assert.match(problems[0]!, /header must be/);
  });

  it('matches labels by repository, file, line and rule, and counts the sample', () => {
    const { labels } = parseFindingLabels(
      `${header}app,src/a.ts,1,no-floating-promises,worth,\n` +
        'app,src/a.ts,2,no-floating-promises,noise,\n' +
        'app,src/a.ts,2,no-floating-promises,worth,twice\n' +
        'app,src/a.ts,3,require-timeout,noise,other rule\n' +
        'app,src/gone.ts,9,no-floating-promises,noise,fixed since\n' +
        'other,src/a.ts,1,no-floating-promises,noise,repository not run\n',
      'labels.csv',
    );
    const { byKey, problems } = indexFindingLabels(labels);
    assert.deepEqual(problems, ['labels.csv:4: the same finding is labelled at labels.csv:3']);
    const sample = [
      finding({ line: 1 }),
      finding({ line: 2, column: 5 }),
      finding({ line: 3 }),
      finding({ line: 4 }),
    ];
    assert.deepEqual(tallyVerdicts(sample, byKey), {
      sampled: 4,
      labelled: 2,
      worth: 1,
      borderline: 0,
      noise: 1,
    });
    assert.deepEqual(
      unmatchedLabels(labels, sample, new Set(['app'])).map((label) => label.source),
      ['labels.csv:5', 'labels.csv:6'],
    );
  });

  it('scores fan-out sites against the fan-out rule only, by start line or span', () => {
    const { labels, problems } = parseSiteLabels(
      'repo,file,line,verdict,reason\n' +
        'app,src/a.ts,10,needs-limit,query results\n' +
        'app,src/a.ts,20,needs-limit,directory listing\n' +
        'app,src/a.ts,31,fine,three connections\n' +
        'app,src/a.ts,40,fine,a tuple\n' +
        'app,src/a.ts,50,big,\n',
      'fan-out-sites.csv',
    );
    assert.equal(problems.length, 1);
    const findings = [
      finding({ rule: 'no-unbounded-concurrency', line: 10, endLine: 10 }),
      finding({ rule: 'no-unbounded-concurrency', line: 30, endLine: 32 }),
      finding({ rule: 'no-floating-promises', line: 20, endLine: 20 }),
    ];
    assert.deepEqual(scoreSites(labels, findings), {
      needsLimit: 2,
      needsLimitFlagged: 1,
      fine: 2,
      fineFlagged: 1,
    });
  });
});

describe('corpus: fan-out sites to label', () => {
  it('finds Promise.all-style calls by their text, leaving out array literals without a spread', () => {
    const text = [
      'await Promise.all(items.map(load));',
      'await Promise.all([a(), b()]);',
      'await Promise.allSettled([...xs.map(f)]);',
      'await Promise.race(',
      '  [',
      '    ...tasks,',
      '  ]);',
      'Promise.any(tasks); Promise.all(more);',
      'Promise.resolve(all);',
    ].join('\n');
    assert.deepEqual(sitesInText(text, false), [1, 3, 4, 8]);
    assert.deepEqual(sitesInText(text, true), [1, 2, 3, 4, 8]);
  });
});

describe('corpus: lint output', () => {
  it('separates findings from parse errors, crashes and other rules, and locates each applied fix', () => {
    const source = 'a();\nb();\nc();\n';
    const json = JSON.stringify([
      {
        filePath: '/corpus/app/src/a.ts',
        source,
        messages: [
          {
            ruleId: 'loopguard/no-floating-promises',
            message: 'floating',
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 4,
            messageId: 'floatingPromise',
            suggestions: [{ fix: { range: [5, 14], text: 'await b();\nc' } }],
          },
          {
            ruleId: 'loopguard/no-unhandled-task-rejection',
            message: 'task',
            line: 1,
            column: 1,
            fix: { range: [0, 3], text: 'x' },
          },
          {
            ruleId: 'loopguard/require-timeout',
            message: "Rule 'loopguard/require-timeout' crashed on this file and was skipped: boom",
            line: 1,
            column: 1,
          },
          { ruleId: '@typescript-eslint/no-floating-promises', message: 'foreign', line: 1 },
        ],
      },
      {
        filePath: '/corpus/app/src/broken.ts',
        messages: [{ ruleId: null, fatal: true, message: 'Parsing error', line: 3, column: 2 }],
      },
    ]);
    const parsed = parseLintOutput(json, '/corpus/app/', 'app');
    assert.deepEqual(parsed.files, ['src/a.ts', 'src/broken.ts']);
    assert.deepEqual(
      parsed.findings.map((item) => [item.rule, item.line, item.fix, item.fixLines]),
      [
        ['no-floating-promises', 2, 'suggestion', [2, 3]],
        ['no-unhandled-task-rejection', 1, 'autofix', [1, 1]],
      ],
    );
    assert.deepEqual(
      parsed.problems.map((problem) => [problem.kind, problem.rule, problem.file]),
      [
        ['crash', 'require-timeout', 'src/a.ts'],
        ['parse-error', undefined, 'src/broken.ts'],
      ],
    );
  });

  it('reads the tsconfigs the CLI could not read from its stderr', () => {
    const stderr = [
      "loopguard: config error in /corpus/app/tsconfig.json: Argument for '--lib' option must be: 'es5', 'es6'. (/corpus/app/tsconfig.json:11:7); Argument for '--lib' option must be: 'es5', 'es6'. (/corpus/app/tsconfig.json:13:7) (12 files not linted)",
      'loopguard: config error in /corpus/app/b/tsconfig.json: Unexpected token (1 file not linted)',
      'loopguard: something else',
    ].join('\n');
    assert.deepEqual(parseConfigErrors(stderr, '/corpus/app'), [
      {
        config: 'tsconfig.json',
        message:
          "Argument for '--lib' option must be: 'es5', 'es6'. (at tsconfig.json:11:7, tsconfig.json:13:7)",
        files: 12,
      },
      { config: 'b/tsconfig.json', message: 'Unexpected token', files: 1 },
    ]);
  });

  it("reads ESLint's TIMING table", () => {
    const table = [
      'Rule                                  | Time (ms) | Relative',
      ':-------------------------------------|----------:|--------:',
      'loopguard/no-floating-promises        |  8725.817 |    64.1%',
      'loopguard/no-blocking-in-async        |    57.044 |     0.4%',
    ].join('\n');
    assert.deepEqual(parseRuleTimes(`[]\n${table}\n`), {
      'no-floating-promises': 8725.817,
      'no-blocking-in-async': 57.044,
    });
  });
});

describe('corpus: type-checking', () => {
  const before = parseTscOutput(
    [
      "src/a.ts(3,5): error TS2345: Argument of type 'X' is not assignable.",
      "  Type 'X' is missing properties.",
      'src/b.ts(1,1): error TS2307: Cannot find module "m".',
      "error TS5023: Unknown compiler option 'foo'.",
      'Found 3 errors.',
    ].join('\n'),
  );

  it('reads located and unlocated errors and skips continuation lines', () => {
    assert.deepEqual(
      before.map((error) => [error.file, error.line, error.code]),
      [
        ['src/a.ts', 3, 'TS2345'],
        ['src/b.ts', 1, 'TS2307'],
        [undefined, 0, 'TS5023'],
      ],
    );
  });

  it('finds the new errors as a multiset, ignoring moved lines', () => {
    const after = parseTscOutput(
      [
        "src/a.ts(9,5): error TS2345: Argument of type 'X' is not assignable.",
        "src/a.ts(12,5): error TS2345: Argument of type 'X' is not assignable.",
        'src/b.ts(1,1): error TS2307: Cannot find module "m".',
      ].join('\n'),
    );
    assert.deepEqual(
      newDiagnostics(before, after).map((error) => [error.file, error.line]),
      [['src/a.ts', 12]],
    );
  });
});

describe('corpus: blaming new type errors on rules', () => {
  const diff = [
    'diff --git a/src/a.ts b/src/a.ts',
    '--- a/src/a.ts',
    '+++ b/src/a.ts',
    '@@ -5 +5,3 @@ function f() {',
    '-old',
    '+new1',
    '+new2',
    '+new3',
    '@@ -20,2 +22,0 @@',
    '-gone',
    '-gone',
    'diff --git a/src/b.ts b/src/b.ts',
    '--- a/src/b.ts',
    '+++ b/src/b.ts',
    '@@ -1,0 +2 @@',
    '+import x',
  ].join('\n');
  const hunks = parseUnifiedDiff(diff);

  it('reads the hunks per file', () => {
    assert.deepEqual([...hunks.keys()], ['src/a.ts', 'src/b.ts']);
    assert.deepEqual(hunks.get('src/a.ts'), [
      { oldStart: 5, oldLines: 1, newStart: 5, newLines: 3 },
      { oldStart: 20, oldLines: 2, newStart: 22, newLines: 0 },
    ]);
  });

  it('maps a fixed line back to the lines it came from', () => {
    const fileHunks = hunks.get('src/a.ts')!;
    assert.deepEqual(originalLines(fileHunks, 3), [3, 3]);
    assert.deepEqual(originalLines(fileHunks, 6), [5, 5]);
    assert.deepEqual(originalLines(fileHunks, 10), [8, 8]);
    assert.deepEqual(originalLines(fileHunks, 30), [30, 30]);
  });

  it('blames the fix that rewrote the line, else the rules that fixed the file, else all that fixed anything', () => {
    const findings = [
      finding({ rule: 'no-floating-promises', line: 5, fix: 'suggestion', fixLines: [5, 5] }),
      finding({
        rule: 'prefer-concurrent-awaits',
        line: 12,
        fix: 'suggestion',
        fixLines: [12, 14],
      }),
      finding({ rule: 'require-timeout', line: 40, fix: 'none' }),
      finding({
        rule: 'no-blocking-in-async',
        file: 'src/b.ts',
        fix: 'suggestion',
        fixLines: [1, 1],
      }),
    ];
    const error = (file: string, line: number) => ({
      file,
      line,
      column: 1,
      code: 'TS2322',
      message: 'm',
    });
    const blamed = attributeErrors(
      [error('src/a.ts', 6), error('src/a.ts', 30), error('src/c.ts', 1)],
      'tsconfig.json',
      findings,
      hunks,
    );
    assert.deepEqual(
      blamed.map((item) => [item.attribution, item.rules]),
      [
        ['at-fix', ['no-floating-promises']],
        ['same-file', ['no-floating-promises', 'prefer-concurrent-awaits']],
        [
          'other-file',
          ['no-blocking-in-async', 'no-floating-promises', 'prefer-concurrent-awaits'],
        ],
      ],
    );
  });
});
