// Which files `loopguard lint` lints, on real folders on disk: ESLint's default ignores (`node_modules`, `.git`),
// `.gitignore`, the config's `ignores`, and a folder skipped as build output only where it is one (a tsconfig's
// `outDir`, or `.gitignore`). Nothing is skipped silently: a named path that is not linted is reported, and a
// `--config` that matches none of the files found is an error.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ESLint } from 'eslint';
import { findFiles } from 'loopguard';

import { fixtureConfig } from '../support/fixture-config';
import { type CliRun, runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';

const TSCONFIG_WITH_OUT_DIR = JSON.stringify({
  compilerOptions: {
    ...(JSON.parse(TSCONFIG) as { compilerOptions: Record<string, unknown> }).compilerOptions,
    noEmit: false,
    outDir: 'lib',
  },
});

function lintedFiles(run: CliRun, root: string): string[] {
  return (JSON.parse(run.stdout) as ESLint.LintResult[])
    .map((result) => path.relative(root, result.filePath).split(path.sep).join('/'))
    .sort();
}

function warnings(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line.startsWith('loopguard: warning: '));
}

describe('loopguard lint: which files it lints', function () {
  this.timeout(120_000);
  after(removeTempProjects);

  it('lints folders named build, out, dist or coverage unless they are build output', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_OUT_DIR,
      '.gitignore': 'out/\n',
      'src/a.ts': FLOATING,
      'src/build/plugin.ts': FLOATING,
      'coverage/report.ts': FLOATING,
      'dist/types.ts': FLOATING,
      'lib/a.js': 'export async function run() {}\n',
      'out/a.js': 'export async function run() {}\n',
      'node_modules/pkg/index.ts': FLOATING,
      '.git/hooks/hook.ts': FLOATING,
    });
    const run = runCli(['lint', '--format', 'json'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(lintedFiles(run, root), [
      'coverage/report.ts',
      'dist/types.ts',
      'src/a.ts',
      'src/build/plugin.ts',
    ]);
    assert.deepEqual(warnings(run), [], 'nothing the user named was skipped');
  });

  it('reports each named path it skips, with the reason, and lints the rest', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_OUT_DIR,
      '.gitignore': 'generated/\n',
      'src/a.ts': FLOATING,
      'src/types.d.ts': 'export declare const x: number;\n',
      'lib/a.js': 'export async function run() {}\n',
      'generated/g.ts': FLOATING,
      'node_modules/pkg/index.ts': FLOATING,
      'README.md': '# hello\n',
    });
    const run = runCli(
      [
        'lint',
        '--format',
        'json',
        'src/a.ts',
        'lib',
        'generated/g.ts',
        'node_modules/pkg/index.ts',
        'src/types.d.ts',
        'README.md',
      ],
      root,
    );
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(lintedFiles(run, root), ['src/a.ts']);
    assert.deepEqual(warnings(run), [
      'loopguard: warning: skipped lib: build output: the outDir of tsconfig.json',
      'loopguard: warning: skipped generated/g.ts: ignored by .gitignore',
      'loopguard: warning: skipped node_modules/pkg/index.ts: inside node_modules, which is never linted',
      'loopguard: warning: skipped src/types.d.ts: a declaration file, which is not linted',
      'loopguard: warning: skipped README.md: not a JavaScript or TypeScript file',
    ]);
  });

  it("follows the config's global ignores, relative to the config's folder", () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': fixtureConfig({ 'loopguard/no-floating-promises': 'error' }, [
        "{ ignores: ['vendor/', '**/*.generated.ts'] }",
      ]),
      'src/a.ts': FLOATING,
      'src/b.generated.ts': FLOATING,
      'vendor/v.ts': FLOATING,
    });
    fs.mkdirSync(path.join(root, 'vendor', 'deep'));
    const all = runCli(['lint', '--format', 'json'], root);
    assert.equal(all.status, 1, all.stderr);
    assert.deepEqual(lintedFiles(all, root), ['eslint.config.mjs', 'src/a.ts']);
    assert.deepEqual(warnings(all), []);

    const named = runCli(['lint', '--format', 'json', 'src', 'vendor/v.ts'], root);
    assert.deepEqual(lintedFiles(named, root), ['src/a.ts']);
    assert.deepEqual(warnings(named), [
      'loopguard: warning: skipped vendor/v.ts: ignored by the ignores of eslint.config.mjs',
    ]);

    const onlyIgnored = runCli(['lint', 'vendor'], root);
    assert.equal(onlyIgnored.status, 2);
    assert.match(
      onlyIgnored.stderr,
      /^loopguard: warning: skipped vendor: ignored by the ignores of eslint\.config\.mjs$/m,
    );
  });

  it('reports a named folder of which nothing is linted', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'src/a.ts': FLOATING,
      'tools/.gitignore': '*.ts\n',
      'tools/t.ts': FLOATING,
    });
    const run = runCli(['lint', '--format', 'json', 'src', 'tools'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(lintedFiles(run, root), ['src/a.ts']);
    assert.deepEqual(warnings(run), [
      'loopguard: warning: skipped tools: everything in it is skipped (tools/t.ts: ignored by tools/.gitignore)',
    ]);
  });

  it('reports a named file that no object of the config matches', () => {
    const root = createTempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          ...(JSON.parse(TSCONFIG) as { compilerOptions: object }).compilerOptions,
          allowJs: true,
        },
      }),
      'eslint.config.mjs': fixtureConfig({ 'loopguard/no-floating-promises': 'error' }),
      'a.ts': FLOATING,
      'b.mts': FLOATING,
    });
    const run = runCli(['lint', '--format', 'json', 'a.ts', 'b.mts'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(lintedFiles(run, root), ['a.ts']);
    assert.equal(warnings(run).length, 1, run.stderr);
    assert.match(
      warnings(run)[0]!,
      /^loopguard: warning: skipped b\.mts: no object in .*eslint\.config\.mjs matches it/,
    );
  });

  it('exits 2 with a clear message for a --config that matches none of the files', () => {
    const configFolder = createTempProject({
      'eslint.config.mjs': fixtureConfig({ 'loopguard/no-floating-promises': 'error' }),
    });
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': FLOATING });
    const config = path.join(configFolder, 'eslint.config.mjs');
    const run = runCli(['lint', '--config', config, 'src'], root);
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      `loopguard: config error: ${config} matches none of the 1 file found in src: they are outside ` +
        `${configFolder}, the folder its \`files\` and \`ignores\` patterns are relative to, so it never applies ` +
        'to them.\n',
    );
  });
});

describe('findFiles (the engine’s file search)', function () {
  this.timeout(60_000);
  after(removeTempProjects);

  it('takes ignore patterns from more places than the config (as --ignore-pattern would)', () => {
    const root = createTempProject({
      'a.ts': FLOATING,
      'scripts/s.ts': FLOATING,
      'scripts/keep.ts': FLOATING,
    });
    const search = findFiles(['.', 'scripts/s.ts'], root, {
      ignores: [
        { basePath: root, patterns: ['scripts/', '!scripts/keep.ts'], origin: '--ignore-pattern' },
      ],
    });
    assert.deepEqual(
      search.files.map((file) => path.relative(root, file)),
      ['a.ts'],
    );
    assert.deepEqual(search.skipped, [
      { path: 'scripts/s.ts', reason: 'ignored by the ignores of --ignore-pattern' },
    ]);
  });

  it('reads outDir through extends, and never skips the folder holding the tsconfig', () => {
    const root = createTempProject({
      'shared/base.json': JSON.stringify({ compilerOptions: { outDir: '${configDir}/build' } }),
      'packages/p/tsconfig.json': JSON.stringify({ extends: '../../shared/base.json' }),
      'packages/p/src/a.ts': FLOATING,
      'packages/p/build/a.js': 'export {};\n',
      'build/root.ts': FLOATING,
      'dot/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: '.' } }),
      'dot/d.ts': FLOATING,
    });
    const search = findFiles(['.'], root);
    assert.deepEqual(
      search.files.map((file) => path.relative(root, file).split(path.sep).join('/')),
      ['build/root.ts', 'dot/d.ts', 'packages/p/src/a.ts'],
    );
  });
});
