// `loopguard lint --cache`, run for real: a warm run reports exactly what a cold run reports, also when the change
// that matters is in a file the linted file imports, directly or two imports away, only in a helper's body, in a
// method's body, in a return type, at the end of a re-export chain, or only in where a cited helper sits, and when
// the lint config changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ESLint } from 'eslint';

import { fixtureConfig } from '../support/fixture-config';
import { type CliRun, runCli } from '../support/run-cli';
import { TEST_BUDGET_MS } from '../support/budgets';
import {
  createTempProject,
  removeTempProjects,
  TSCONFIG,
  TSCONFIG_WITH_NODE,
} from '../support/temp-project';

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

  it("reports the new floating promise when a method's body becomes async, its signature inferred", () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'store.ts':
        'export class Store {\n  other(): number {\n    return 2;\n  }\n  load() {\n    return 1;\n  }\n}\n',
      'main.ts':
        "import { Store } from './store.js';\nexport async function main(store: Store) {\n  store.load();\n}\n",
    });
    assert.deepEqual(findingsOf(runCli(['lint', '--format', 'json', ...CACHE], root)), []);

    const store = path.join(root, 'store.ts');
    fs.writeFileSync(
      store,
      fs.readFileSync(store, 'utf8').replace('  load() {', '  async load() {'),
    );
    const warm = warmAndCold(root, []);
    assert.deepEqual(findingsOf(warm), [['main.ts', 'loopguard/no-floating-promises', 3]]);
  });

  it('reports the new floating promise when only a declared return type changes', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'read.ts':
        'declare function fetchCount(): Promise<number>;\nexport function read(): unknown {\n  return fetchCount();\n}\n',
      'main.ts':
        "import { read } from './read.js';\nexport async function main() {\n  read();\n}\n",
    });
    assert.deepEqual(findingsOf(runCli(['lint', '--format', 'json', ...CACHE], root)), []);

    const read = path.join(root, 'read.ts');
    fs.writeFileSync(
      read,
      fs.readFileSync(read, 'utf8').replace('read(): unknown', 'read(): Promise<number>'),
    );
    const warm = warmAndCold(root, []);
    assert.deepEqual(findingsOf(warm), [['main.ts', 'loopguard/no-floating-promises', 3]]);
  });

  it('follows a re-export chain (`export *`, then a renaming `export { … } from`) to the changed function', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'impl.ts':
        'export function loadImpl(): number {\n  return 1;\n}\nexport const unrelated = 1;\n',
      'renamed.ts': "export { loadImpl as load } from './impl.js';\n",
      'index.ts': "export * from './renamed.js';\n",
      'main.ts':
        "import { load } from './index.js';\nexport async function main() {\n  load();\n}\n",
    });
    assert.deepEqual(findingsOf(runCli(['lint', '--format', 'json', ...CACHE], root)), []);

    fs.writeFileSync(
      path.join(root, 'impl.ts'),
      'export async function loadImpl(): Promise<number> {\n  return 1;\n}\nexport const unrelated = 1;\n',
    );
    const warm = warmAndCold(root, []);
    assert.deepEqual(findingsOf(warm), [['main.ts', 'loopguard/no-floating-promises', 3]]);
  });

  it('follows a namespace import of a barrel through its `export *` to the changed function', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'impl.ts': 'export function load(): number {\n  return 1;\n}\n',
      'barrel.ts': "export * from './impl.js';\n",
      'main.ts':
        "import * as api from './barrel.js';\nexport async function main() {\n  api.load();\n}\n",
    });
    assert.deepEqual(findingsOf(runCli(['lint', '--format', 'json', ...CACHE], root)), []);

    fs.writeFileSync(
      path.join(root, 'impl.ts'),
      'export async function load(): Promise<number> {\n  return 1;\n}\n',
    );
    const warm = warmAndCold(root, []);
    assert.deepEqual(findingsOf(warm), [['main.ts', 'loopguard/no-floating-promises', 3]]);
  });

  it('names the new line of a blocking helper when lines are added above it', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'helper.ts':
        "import { readFileSync } from 'node:fs';\nexport function readConfig(): string {\n  return readFileSync('config.json', 'utf8');\n}\n",
      'main.ts':
        "import { readConfig } from './helper.js';\nexport async function handleRequest(request: { url: string }) {\n  return readConfig();\n}\n",
    });
    const first = runCli(['lint', '--format', 'json', ...CACHE], root);
    assert.match(first.stdout, /helper\.ts:3/);

    const helper = path.join(root, 'helper.ts');
    fs.writeFileSync(
      helper,
      fs
        .readFileSync(helper, 'utf8')
        .replace('export function', '// Reads the configuration.\n\nexport function'),
    );
    const warm = warmAndCold(root, []);
    assert.match(warm.stdout, /helper\.ts:5/);
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
