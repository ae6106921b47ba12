// Bulk suppressions round-trip between `loopguard lint` and the real ESLint 10 CLI with the plugin, in scratch projects
// outside the repository: what one tool records the other honours, both write byte-identical files, and they agree
// on when a suppression stops holding, on what is unused and on where the file lives.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ESLint } from 'eslint';

import { PROCESS_BUDGET_MS, TEST_BUDGET_MS } from '../support/budgets';
import { fixtureConfig } from '../support/fixture-config';
import { REPO_ROOT } from '../support/paths';
import { type CliRun, runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

const ESLINT_BIN = path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const RULE = 'loopguard/no-floating-promises';
const floating = (calls: number): string =>
  `declare function save(): Promise<void>;\nexport async function run() {\n${'  save();\n'.repeat(calls)}}\n`;

function runEslint(args: readonly string[], cwd: string): CliRun {
  const child = spawnSync(process.execPath, [ESLINT_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: PROCESS_BUDGET_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Per source file (relative, sorted; ESLint also lints the config): the lines reported and the messages suppressed. */
function reportOf(run: CliRun, cwd: string): Array<[string, number[], number]> {
  const results = JSON.parse(run.stdout) as ESLint.LintResult[];
  return results
    .filter((result) => !result.filePath.endsWith('eslint.config.mjs'))
    .map((result): [string, number[], number] => [
      path.relative(cwd, result.filePath).split(path.sep).join('/'),
      result.messages.map((message) => message.line),
      result.suppressedMessages.length,
    ])
    .sort(([a], [b]) => a.localeCompare(b));
}

function project(): string {
  return createTempProject({
    'tsconfig.json': TSCONFIG,
    'eslint.config.mjs': fixtureConfig({ [RULE]: 'error', 'fixtures/prefer-let': 'warn' }),
    'src/a.ts': floating(2),
    'src/b.ts': floating(1),
    'src/c.ts': `var n = 1;\nexport const m = n;\n`,
  });
}

const read = (root: string, file = 'eslint-suppressions.json'): string =>
  fs.readFileSync(path.join(root, file), 'utf8');

describe('bulk suppressions: loopguard lint and ESLint 10 agree', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('what loopguard records, ESLint honours, and one more error makes both report the file again', () => {
    const root = project();
    const recorded = runCli(['lint', '--suppress-all', '--format', 'json'], root);
    // The warning (fixtures/prefer-let) is neither counted nor fails the run.
    assert.equal(recorded.status, 0, recorded.stderr);
    assert.equal(
      read(root),
      '{\n  "src/a.ts": {\n    "loopguard/no-floating-promises": {\n      "count": 2\n    }\n  },\n  "src/b.ts": {\n    "loopguard/no-floating-promises": {\n      "count": 1\n    }\n  }\n}',
    );
    const expected: Array<[string, number[], number]> = [
      ['src/a.ts', [], 2],
      ['src/b.ts', [], 1],
      ['src/c.ts', [1], 0],
    ];
    assert.deepEqual(reportOf(recorded, root), expected);
    const eslint = runEslint(['--format', 'json', '.'], root);
    assert.equal(eslint.status, 0, eslint.stderr);
    assert.deepEqual(reportOf(eslint, root), expected);

    fs.writeFileSync(path.join(root, 'src/b.ts'), floating(2));
    const more: Array<[string, number[], number]> = [
      ['src/a.ts', [], 2],
      ['src/b.ts', [3, 4], 0],
      ['src/c.ts', [1], 0],
    ];
    const eslintMore = runEslint(['--format', 'json', '.'], root);
    assert.equal(eslintMore.status, 1, eslintMore.stderr);
    assert.deepEqual(reportOf(eslintMore, root), more);
    const loopguardMore = runCli(['lint', '--format', 'json'], root);
    assert.equal(loopguardMore.status, 1, loopguardMore.stderr);
    assert.deepEqual(reportOf(loopguardMore, root), more);
  });

  it('what ESLint records, loopguard honours; both record and prune to the same bytes and flag the same unused', () => {
    const root = project();
    const eslint = runEslint(['--suppress-all', '--format', 'json', '.'], root);
    assert.equal(eslint.status, 0, eslint.stderr);
    const byEslint = read(root);
    const honoured = runCli(['lint', '--format', 'json'], root);
    assert.equal(honoured.status, 0, honoured.stderr);
    assert.deepEqual(reportOf(honoured, root), reportOf(eslint, root));
    fs.rmSync(path.join(root, 'eslint-suppressions.json'));
    assert.equal(runCli(['lint', '--suppress-all'], root).status, 0);
    assert.equal(read(root), byEslint);

    // One error fixed in a.ts, b.ts deleted: more suppressed than occurs, which both refuse with exit code 2.
    fs.writeFileSync(path.join(root, 'src/a.ts'), floating(1));
    fs.rmSync(path.join(root, 'src/b.ts'));
    const eslintUnused = runEslint(['.'], root);
    assert.equal(eslintUnused.status, 2, eslintUnused.stdout + eslintUnused.stderr);
    const loopguardUnused = runCli(['lint'], root);
    assert.equal(loopguardUnused.status, 2, loopguardUnused.stderr);
    assert.match(
      loopguardUnused.stderr,
      /suppressions that no longer occur; run with --prune-suppressions/,
    );
    assert.equal(runCli(['lint', '--pass-on-unpruned-suppressions'], root).status, 0);

    const before = read(root);
    assert.equal(runEslint(['--prune-suppressions', '.'], root).status, 0);
    const prunedByEslint = read(root);
    assert.equal(
      prunedByEslint,
      '{\n  "src/a.ts": {\n    "loopguard/no-floating-promises": {\n      "count": 1\n    }\n  }\n}',
    );
    fs.writeFileSync(path.join(root, 'eslint-suppressions.json'), before);
    const pruned = runCli(['lint', '--prune-suppressions'], root);
    assert.equal(pruned.status, 0, pruned.stderr);
    assert.equal(read(root), prunedByEslint);
  });

  it('finds the file where ESLint does: a folder location, a missing named file, --suppress-rule', () => {
    const root = project();
    fs.mkdirSync(path.join(root, 'lint'));
    assert.equal(
      runEslint(['--suppress-rule', RULE, '--suppressions-location', 'lint/', '.'], root).status,
      0,
    );
    const [byEslint] = fs.readdirSync(path.join(root, 'lint'));
    assert.match(byEslint ?? '', /^suppressions_[0-9a-z]+$/);
    const content = read(root, `lint/${byEslint}`);
    fs.rmSync(path.join(root, 'lint', byEslint!));
    const recorded = runCli(
      ['lint', '--suppress-rule', RULE, '--suppressions-location', 'lint/'],
      root,
    );
    assert.equal(recorded.status, 0, recorded.stderr);
    assert.deepEqual(fs.readdirSync(path.join(root, 'lint')), [byEslint]);
    assert.equal(read(root, `lint/${byEslint}`), content);

    const eslintMissing = runEslint(['--suppressions-location', 'missing.json', '.'], root);
    assert.equal(eslintMissing.status, 2);
    const missing = runCli(['lint', '--suppressions-location', 'missing.json'], root);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /missing\.json does not exist; create it with --suppress-all/);

    const together = runCli(['lint', '--suppress-all', '--suppress-rule', RULE], root);
    assert.equal(together.status, 2);
    assert.match(together.stderr, /--suppress-all and --suppress-rule cannot be used together/);
  });
});
