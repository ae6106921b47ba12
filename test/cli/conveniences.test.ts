// What ESLint users type from habit, with ESLint's names and meanings: --rule, --ignore-pattern, quoted globs,
// --stdin with --stdin-filename (typed with the project), --output-file, --print-config, colour switches,
// --fix-dry-run; and a stylish report that reads well at 100 columns, says what --fix-unsafe would apply, and a fix
// run that lists the files it changed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ESLint } from 'eslint';

import { TEST_BUDGET_MS } from '../support/budgets';
import { type CliRun, runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

const RULE = 'loopguard/no-floating-promises';
const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';
const SAVE = 'export async function save(): Promise<void> {}\n';
const CALLS_SAVE =
  "import { save } from './save.js';\nexport async function run() {\n  save();\n}\n";

/** Per file (relative): the rule ids and severities reported. */
function reported(run: CliRun, cwd: string): Array<[string, Array<[string | null, number]>]> {
  return (JSON.parse(run.stdout) as ESLint.LintResult[]).map((result) => [
    path.relative(cwd, result.filePath).split(path.sep).join('/'),
    result.messages.map((message): [string | null, number] => [message.ruleId, message.severity]),
  ]);
}

describe('loopguard lint: the options ESLint users reach for', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it("--rule sets a rule's severity or options over the config, read as ESLint reads it", () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': FLOATING });
    const warned = runCli(['lint', '--format', 'json', '--rule', `${RULE}: warn`], root);
    assert.equal(warned.status, 0, warned.stderr);
    assert.deepEqual(reported(warned, root), [['a.ts', [[RULE, 1]]]]);
    const off = runCli(['lint', '--format', 'json', '--rule', `{"${RULE}": "off"}`], root);
    assert.deepEqual(reported(off, root), [['a.ts', []]]);
    const bad = runCli(['lint', '--rule', `${RULE}: loud`], root);
    assert.equal(bad.status, 2);
    assert.match(
      bad.stderr,
      /^loopguard: --rule 'loopguard\/no-floating-promises: loud': the level of/,
    );
  });

  it('--ignore-pattern skips files and folders; quoted globs are expanded; a glob matching nothing is an error', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'src/a.ts': FLOATING,
      'src/b.ts': FLOATING,
      'src/generated/c.ts': FLOATING,
      'scripts/d.ts': FLOATING,
    });
    const files = (run: CliRun): string[] => reported(run, root).map(([file]) => file);
    const ignored = runCli(
      [
        'lint',
        '--format',
        'json',
        '--ignore-pattern',
        'src/generated/',
        '--ignore-pattern',
        '**/b.ts',
      ],
      root,
    );
    assert.equal(ignored.status, 1, ignored.stderr);
    assert.deepEqual(files(ignored), ['scripts/d.ts', 'src/a.ts']);
    const globbed = runCli(['lint', '--format', 'json', 'src/**/*.ts'], root);
    assert.deepEqual(files(globbed), ['src/a.ts', 'src/b.ts', 'src/generated/c.ts']);
    const nothing = runCli(['lint', 'lib/**/*.ts'], root);
    assert.equal(nothing.status, 2);
    assert.equal(nothing.stderr, 'loopguard: no files match the pattern lib/**/*.ts\n');
  });

  it('--stdin lints piped-in text as the named file, with its project types, for files on disk or not', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'src/save.ts': SAVE,
      'src/run.ts': 'export {};\n',
    });
    for (const name of ['src/run.ts', 'src/new.ts']) {
      const run = runCli(['lint', '--format', 'json', '--stdin', '--stdin-filename', name], root, {
        input: CALLS_SAVE,
      });
      assert.equal(run.status, 1, run.stderr);
      assert.deepEqual(reported(run, root), [[name, [[RULE, 2]]]]);
    }
    assert.equal(fs.readFileSync(path.join(root, 'src/run.ts'), 'utf8'), 'export {};\n');
    const withoutName = runCli(['lint', '--stdin'], root, { input: CALLS_SAVE });
    assert.equal(withoutName.status, 2);
    assert.match(withoutName.stderr, /^loopguard: --stdin needs --stdin-filename/);
  });

  it('--fix-dry-run reports the fixed text as output and writes nothing; --output-file takes the report', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': FLOATING });
    const run = runCli(
      [
        'lint',
        '--fix-dry-run',
        '--fix-unsafe',
        '--format',
        'json',
        '--output-file',
        'out/report.json',
      ],
      root,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const [result] = JSON.parse(
      fs.readFileSync(path.join(root, 'out/report.json'), 'utf8'),
    ) as ESLint.LintResult[];
    assert.equal(result!.output, FLOATING.replace('  save();', '  await save();'));
    assert.equal(fs.readFileSync(path.join(root, 'a.ts'), 'utf8'), FLOATING);
    const piped = runCli(
      [
        'lint',
        '--stdin',
        '--stdin-filename',
        'a.ts',
        '--fix-dry-run',
        '--fix-unsafe',
        '--format',
        'json',
      ],
      root,
      { input: FLOATING },
    );
    assert.equal((JSON.parse(piped.stdout) as ESLint.LintResult[])[0]!.output, result!.output);
    const refused = runCli(['lint', '--stdin', '--stdin-filename', 'a.ts', '--fix'], root, {
      input: FLOATING,
    });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^loopguard: --fix cannot write piped-in text; use --fix-dry-run/);
  });

  it('--print-config prints the config a file is linted with, --rule included', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': FLOATING });
    const run = runCli(['lint', '--print-config', 'a.ts', '--rule', `${RULE}: warn`], root);
    assert.equal(run.status, 0, run.stderr);
    const config = JSON.parse(run.stdout) as { rules: Record<string, unknown[]> };
    assert.equal(config.rules[RULE]?.[0], 1);
    assert.equal(config.rules['loopguard/no-blocking-in-async']?.[0], 2);
  });

  it('colours stylish output as --color/--no-color, NO_COLOR and FORCE_COLOR say', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': FLOATING });
    const coloured = (run: CliRun): boolean => run.stdout.includes('\x1b[');
    assert.equal(
      coloured(runCli(['lint'], root, { env: { FORCE_COLOR: undefined, NO_COLOR: undefined } })),
      false,
    );
    assert.equal(
      coloured(runCli(['lint'], root, { env: { FORCE_COLOR: '1', NO_COLOR: undefined } })),
      true,
    );
    assert.equal(coloured(runCli(['lint', '--color'], root, { env: { NO_COLOR: '1' } })), true);
    assert.equal(
      coloured(runCli(['lint', '--no-color'], root, { env: { FORCE_COLOR: '1' } })),
      false,
    );
  });

  it('stylish fits 100 columns, counts what --fix and --fix-unsafe would apply, and a fix run lists its files', () => {
    const long =
      'declare function fetchUser(id: string): Promise<string>;\ndeclare function fetchOrders(id: string): Promise<string>;\ndeclare function fetchRecommendations(id: string): Promise<string>;\nexport async function page(id: string) {\n  const user = await fetchUser(id);\n  const orders = await fetchOrders(id);\n  const recommendations = await fetchRecommendations(id);\n  return [user, orders, recommendations];\n}\n';
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': FLOATING,
      'page.ts': long,
    });
    const run = runCli(['lint'], root);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.split('\n');
    // The finding's first line: position, severity, the message's first sentence, the rule id; the rest wraps.
    assert.ok(
      lines.includes(
        '  3:3  error  This promise is not awaited, returned, or handled  loopguard/no-floating-promises',
      ),
      run.stdout,
    );
    for (const line of lines.filter((candidate) => candidate.startsWith('               ')))
      assert.ok(line.length <= 100, `${line.length} columns: ${line}`);
    assert.ok(
      !/\S {3,}\S.*loopguard\//.test(run.stdout.replace(/^ +\d+:\d+ +\w+ +/gm, '')),
      run.stdout,
    );
    assert.match(
      run.stdout,
      /✖ 2 problems \(1 error, 1 warning\)\n {2}2 fixable with `--fix-unsafe`/,
    );

    const fixed = runCli(
      ['lint', '--fix-unsafe', '--rule', 'loopguard/prefer-concurrent-awaits: off'],
      root,
    );
    assert.equal(fixed.stderr, 'loopguard: fixed 1 file:\n  a.ts\n');
  });
});
