// The test table of `require-timeout`, run with type information from test/fixtures/typed (with the real `undici` and
// `axios` packages installed at the repository root); every case's code and every suggestion output is also
// type-checked by the compiler.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { RunTests } from '@typescript-eslint/rule-tester';
import { rules } from 'eslint-plugin-loopguard';
import type loopguard from 'eslint-plugin-loopguard';
import { Engine } from 'loopguard';

import { REPO_ROOT } from '../support/paths';
import { unresolvedSuggestions } from '../support/resolved-findings';
import { createTypedRuleTester } from '../support/rule-tester';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import { typeCheckTable } from '../support/type-check';
import { invalid, valid } from './require-timeout.cases';

type Options = loopguard.RuleOptions['require-timeout'];
type MessageIds = loopguard.RuleMessageIds['require-timeout'];

const ruleTester = createTypedRuleTester();
const tests: RunTests<MessageIds, Options> = { valid, invalid };

ruleTester.run('require-timeout', rules['require-timeout'], tests);

describe('require-timeout across files', () => {
  after(removeTempProjects);

  it('follows an imported axios instance to its creation and its defaults in another module', function () {
    this.timeout(60_000);
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'package.json': '{ "type": "module" }',
      'api.ts': [
        "import axios from 'axios';",
        'export const bounded = axios.create({ timeout: 5000 });',
        'export const configuredLater = axios.create();',
        'configuredLater.defaults.timeout = 3000;',
        "export const open = axios.create({ baseURL: 'https://api.example.com' });",
        '',
      ].join('\n'),
      'use.ts': [
        "import { bounded, configuredLater, open } from './api.js';",
        "export const a = async () => { await bounded.get('/a'); };",
        "export const b = async () => { await configuredLater.get('/b'); };",
        "export const c = async () => { await open.get('/c'); };",
        '',
      ].join('\n'),
    });
    // The temp project resolves axios from the repository's own node_modules.
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const engine = new Engine({ root, config: { kind: 'builtin', name: 'strict' } });
    const outcome = engine.lintFile(path.join(root, 'use.ts').split(path.sep).join('/'));
    assert.equal(outcome.kind, 'linted');
    if (outcome.kind !== 'linted') return;
    const found = outcome.result.messages.map((message) => [
      message.ruleId,
      message.line,
      message.column,
    ]);
    assert.deepEqual(found, [['loopguard/require-timeout', 4, 38]]);
  });
});

describe('require-timeout test table', () => {
  it('type-checks: every case and every suggestion output', function () {
    this.timeout(120_000);
    assert.deepEqual(typeCheckTable(tests), []);
  });

  it('resolves each finding with each of its suggestions', function () {
    this.timeout(120_000);
    assert.deepEqual(unresolvedSuggestions('require-timeout', tests), []);
  });
});
