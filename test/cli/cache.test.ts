// `loopguard lint --cache`, run for real: a warm run reports exactly what a cold run reports, also when the change
// that matters is in a file the linted file imports, directly or two imports away, or only in a helper's body, and
// when the lint config changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ESLint } from 'eslint';

import { fixtureConfig } from '../support/fixture-config';
import { type CliRun, runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import { TEST_BUDGET_MS } from '../support/budgets';

const CACHE = ['--cache', '--cache-location', 'cache/'];

function findingsOf(run: CliRun): Array<[string, string | null, number]> {
  const results = JSON.parse(run.stdout) as ESLint.LintResult[];
  return results.flatMap((result) =>
    result.messages.map((message): [string, string | null, number] => [
      path.basename(result.filePath),
      message.ruleId,
      message.line,
    ]),
  );
}

/** A warm run and a cold run (no cache) of the same project, which must print the same report. */
function warmAndCold(root: string, args: readonly string[]): CliRun {
  const warm = runCli(['lint', '--format', 'json', ...CACHE, ...args], root);
  const cold = runCli(['lint', '--format', 'json', ...args], root);
  assert.equal(
    warm.stdout,
    cold.stdout,
    'the warm run must report exactly what a cold run reports',
  );
  assert.equal(warm.status, cold.status);
  return warm;
}

describe('loopguard lint --cache', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('reports the new floating promise in the caller when an imported function becomes async', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'load.ts': 'export function load(): number {\n  return 1;\n}\n',
      'main.ts':
        "import { load } from './load.js';\nexport async function main() {\n  load();\n}\n",
    });
    const first = runCli(['lint', '--format', 'json', ...CACHE], root);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(findingsOf(first), []);

    fs.writeFileSync(
      path.join(root, 'load.ts'),
      'export async function load(): Promise<number> {\n  return 1;\n}\n',
    );
    const warm = warmAndCold(root, []);
    assert.deepEqual(findingsOf(warm), [['main.ts', 'loopguard/no-floating-promises', 3]]);
  });

  it('lints a file again when a file two imports away changes a type it only infers', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'source.ts': 'export function read() {\n  return 1;\n}\n',
      'middle.ts':
        "import { read } from './source.js';\nexport function run() {\n  return read();\n}\n",
      'main.ts':
        "import { run } from './middle.js';\nexport async function main() {\n  run();\n}\n",
    });
    assert.deepEqual(findingsOf(runCli(['lint', '--format', 'json', ...CACHE], root)), []);

    fs.writeFileSync(
      path.join(root, 'source.ts'),
      'export async function read() {\n  return 1;\n}\n',
    );
    const warm = warmAndCold(root, []);
    assert.deepEqual(findingsOf(warm), [['main.ts', 'loopguard/no-floating-promises', 3]]);
  });

  it("lints the caller again when only a helper's body changes, not its signature", () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': fixtureConfig({ 'fixtures/calls-blocking-helper': 'error' }),
      'helper.ts':
        'declare function blockingWork(): void;\ndeclare function quickWork(): void;\nexport function helper(): void {\n  quickWork();\n}\n',
      'main.ts':
        "import { helper } from './helper.js';\nexport async function main() {\n  helper();\n}\n",
    });
    const args = ['--config', 'eslint.config.mjs'];
    assert.deepEqual(findingsOf(runCli(['lint', '--format', 'json', ...CACHE, ...args], root)), []);

    const helper = path.join(root, 'helper.ts');
    fs.writeFileSync(
      helper,
      fs.readFileSync(helper, 'utf8').replace('  quickWork();', '  blockingWork();'),
    );
    const warm = warmAndCold(root, args);
    assert.deepEqual(findingsOf(warm), [['main.ts', 'fixtures/calls-blocking-helper', 3]]);
  });

  it('prints the same report when nothing changed, from the default cache file', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts':
        'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n',
    });
    const first = runCli(['lint', '--format', 'json', '--cache'], root);
    assert.equal(first.status, 1, first.stderr);
    assert.ok(
      fs.existsSync(path.join(root, '.loopguard-cache')),
      'a folder without node_modules keeps the cache in .loopguard-cache',
    );
    const second = runCli(['lint', '--format', 'json', '--cache'], root);
    assert.equal(second.status, 1, second.stderr);
    assert.equal(second.stdout, first.stdout);
    assert.deepEqual(findingsOf(second), [['a.ts', 'loopguard/no-floating-promises', 3]]);
  });

  it('lints everything again when the lint config changes', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': fixtureConfig({ 'loopguard/no-floating-promises': 'off' }),
      'a.ts':
        'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n',
    });
    const args = ['--config', 'eslint.config.mjs'];
    assert.deepEqual(findingsOf(runCli(['lint', '--format', 'json', ...CACHE, ...args], root)), []);

    fs.writeFileSync(
      path.join(root, 'eslint.config.mjs'),
      fixtureConfig({ 'loopguard/no-floating-promises': 'warn' }),
    );
    const warm = warmAndCold(root, args);
    assert.deepEqual(findingsOf(warm), [['a.ts', 'loopguard/no-floating-promises', 3]]);
  });
});
