// `loopguard lint --fix-unsafe` with `no-unbounded-concurrency`'s `helperModule`: the rewrites of several files import
// one shared helper module, which the CLI writes once when it is missing and never over an existing file, and the
// fixed project type-checks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import loopguard from 'eslint-plugin-loopguard';
import ts from 'typescript';

import { fixtureConfig } from '../support/fixture-config';
import { runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import { TEST_BUDGET_MS } from '../support/budgets';

const CONFIG = fixtureConfig({
  'loopguard/no-unbounded-concurrency': ['error', { helperModule: 'src/lib/pool.ts' }],
});

const FILES = {
  'package.json': '{ "type": "module", "private": true }\n',
  'tsconfig.json': TSCONFIG,
  'eslint.config.mjs': CONFIG,
  'src/net.ts': 'export declare function download(url: string): Promise<Uint8Array>;\n',
  // Relative imports with `.js`: the helper's import follows them.
  'src/a.ts': [
    "import { download } from './net.js';",
    '',
    'export async function downloadAll(urls: string[]) {',
    '  return Promise.all(urls.map(download));',
    '}',
    '',
    'export async function sizes(urls: string[]) {',
    '  const bodies = await Promise.all(urls.map(async (url) => download(url)));',
    '  return bodies.map((body) => body.length);',
    '}',
    '',
  ].join('\n'),
  // No relative import to copy: NodeNext and an ES module ask for `.js`.
  'src/pages/b.ts': [
    'declare function fetchPage(url: string): Promise<string>;',
    '',
    'export async function pages(urls: string[]) {',
    '  return Promise.all(urls.map((url) => fetchPage(url)));',
    '}',
    '',
  ].join('\n'),
};

/** The type errors of the project at `root`, by its tsconfig. */
function typeErrors(root: string): string[] {
  const configPath = path.join(root, 'tsconfig.json');
  const config: unknown = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file)).config;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('loopguard lint --fix-unsafe with a shared helper module', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('writes the module once, both files import it, and the project type-checks', () => {
    const root = createTempProject(FILES);
    assert.deepEqual(typeErrors(root), []);
    const run = runCli(['lint', '--fix-unsafe', '--config', 'eslint.config.mjs', 'src'], root);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const modulePath = path.join(root, 'src', 'lib', 'pool.ts');
    assert.equal(fs.readFileSync(modulePath, 'utf8'), loopguard.helperModuleSource(modulePath, 8));
    assert.equal(run.stderr.match(/wrote src\/lib\/pool\.ts/g)?.length, 1, run.stderr);
    const a = fs.readFileSync(path.join(root, 'src', 'a.ts'), 'utf8');
    assert.equal(
      a,
      [
        "import { download } from './net.js';",
        "import { mapWithConcurrency } from './lib/pool.js';",
        '',
        'export async function downloadAll(urls: string[]) {',
        '  return mapWithConcurrency(urls, download);',
        '}',
        '',
        'export async function sizes(urls: string[]) {',
        '  const bodies = await mapWithConcurrency(urls, async (url) => download(url));',
        '  return bodies.map((body) => body.length);',
        '}',
        '',
      ].join('\n'),
    );
    const b = fs.readFileSync(path.join(root, 'src', 'pages', 'b.ts'), 'utf8');
    assert.ok(b.startsWith("import { mapWithConcurrency } from '../lib/pool.js';\n"), b);
    assert.ok(!b.includes('async function mapWithConcurrency'), b);
    assert.deepEqual(typeErrors(root), []);
  });

  it('never overwrites an existing module of that name', () => {
    const own = `// The project's own pool.\n${loopguard.helperModuleSource('pool.ts', 4)}`;
    const root = createTempProject({ ...FILES, 'src/lib/pool.ts': own });
    const run = runCli(['lint', '--fix-unsafe', '--config', 'eslint.config.mjs', 'src'], root);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.equal(fs.readFileSync(path.join(root, 'src', 'lib', 'pool.ts'), 'utf8'), own);
    assert.doesNotMatch(run.stderr, /wrote/);
    assert.match(
      fs.readFileSync(path.join(root, 'src', 'pages', 'b.ts'), 'utf8'),
      /^import \{ mapWithConcurrency \} from '\.\.\/lib\/pool\.js';\n/,
    );
    assert.deepEqual(typeErrors(root), []);
  });
});
