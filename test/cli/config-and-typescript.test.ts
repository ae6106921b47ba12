// The project's own setup counts in `loopguard lint` as in the editor: the nearest eslint.config.* (unless
// --no-config-lookup, --strict or --config choose), and the project's TypeScript when it is in the supported range,
// else Loopguard's own with one line saying why (TypeScript 7 here: its package is never loaded).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ESLint } from 'eslint';

import { fixtureConfig } from '../support/fixture-config';
import { type CliRun, runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import { TEST_BUDGET_MS } from '../support/budgets';

const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';

function severities(run: CliRun): Array<[string, string | null, number]> {
  return (JSON.parse(run.stdout) as ESLint.LintResult[]).flatMap((result) =>
    result.messages.map((message): [string, string | null, number] => [
      path.basename(result.filePath),
      message.ruleId,
      message.severity,
    ]),
  );
}

describe('loopguard lint: the project config and TypeScript', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('uses the nearest eslint.config.* unless --no-config-lookup or --strict says otherwise', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'src/a.ts': FLOATING,
      'eslint.config.mjs': fixtureConfig({ 'loopguard/no-floating-promises': 'warn' }),
    });
    const found = runCli(['lint', '--format', 'json'], root);
    assert.equal(found.status, 0, found.stderr);
    assert.equal(found.stderr, '');
    assert.deepEqual(severities(found), [['a.ts', 'loopguard/no-floating-promises', 1]]);
    const fromSubfolder = runCli(['lint', '--format', 'json', 'src'], root);
    assert.deepEqual(severities(fromSubfolder), [['a.ts', 'loopguard/no-floating-promises', 1]]);
    for (const option of ['--no-config-lookup', '--strict']) {
      const builtin = runCli(['lint', '--format', 'json', option], root);
      assert.equal(builtin.status, 1, builtin.stderr);
      assert.deepEqual(
        severities(builtin),
        [['a.ts', 'loopguard/no-floating-promises', 2]],
        option,
      );
    }
  });

  it('says when the project config turns on none of Loopguard’s rules, and not when any turns one on', () => {
    const quiet = { 'loopguard/no-floating-promises': 'off' };
    const cases: Array<{ what: string; config: string; args?: string[]; warns: boolean }> = [
      { what: 'every rule off', config: fixtureConfig(quiet), warns: true },
      {
        what: 'turned on by --rule',
        config: fixtureConfig(quiet),
        args: ['--rule', 'loopguard/no-floating-promises: warn'],
        warns: false,
      },
      {
        what: 'the plugin under another name',
        config: fixtureConfig(quiet, [
          "{ plugins: { lg: loopguard }, rules: { 'lg/no-floating-promises': 'error' } }",
        ]),
        warns: false,
      },
    ];
    for (const { what, config, args = [], warns } of cases) {
      const root = createTempProject({
        'tsconfig.json': TSCONFIG,
        'src/a.ts': FLOATING,
        'eslint.config.mjs': config,
      });
      const run = runCli(['lint', '--format', 'json', ...args], root);
      const warning = `loopguard: warning: ${path.join(root, 'eslint.config.mjs')} turns on none of Loopguard's rules`;
      assert.equal(run.stderr.includes(warning), warns, `${what}: ${run.stderr}`);
      const found = severities(run).filter(([file]) => file === 'a.ts');
      assert.deepEqual(found.length, warns ? 0 : 1, `${what}: ${JSON.stringify(found)}`);
    }
  });

  it('lints a project on TypeScript 7 with its own TypeScript, saying so in one line, and never loads the project’s', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'src/a.ts': FLOATING,
      'node_modules/typescript/package.json': JSON.stringify({
        name: 'typescript',
        version: '7.0.2',
        main: 'index.js',
      }),
      'node_modules/typescript/index.js': '',
    });
    const marker = path.join(root, 'loaded-typescript-7');
    fs.writeFileSync(
      path.join(root, 'node_modules/typescript/index.js'),
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, '');\n`,
    );
    const run = runCli(['lint', '--format', 'json'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(severities(run), [['a.ts', 'loopguard/no-floating-promises', 2]]);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(
      lines[0]!,
      /^loopguard: using its own TypeScript \d+\.\d+\.\d+, not the project's 7\.0\.2 \(.*\): TypeScript 7 has no JavaScript API for linters to use\.$/,
    );
    assert.ok(!fs.existsSync(marker), "the project's TypeScript 7 was loaded");
  });
});
