// The test table of `no-unbounded-concurrency` (in no-unbounded-concurrency.cases.ts), run with type information from
// test/fixtures/typed (its fan-out-*.ts files hold the helpers and declarations the cases call; p-map, p-limit, p-queue
// and async are real packages at the repository root, Bottleneck a stub in the fixture's node_modules). Every case's
// code and every suggestion output is also compiled with the real compiler, and every suggestion output is linted
// again to check that it resolves the finding.
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
import { createTempProject, removeTempProjects, TSCONFIG_WITH_NODE } from '../support/temp-project';
import { typeCheckFixtureTexts } from '../support/fixture-type-checker';
import { invalid, valid } from './no-unbounded-concurrency.cases';

type Options = loopguard.RuleOptions['no-unbounded-concurrency'];
type MessageIds = loopguard.RuleMessageIds['no-unbounded-concurrency'];

const ruleTester = createTypedRuleTester();

const tests: RunTests<MessageIds, Options> = { valid, invalid };

ruleTester.run('no-unbounded-concurrency', rules['no-unbounded-concurrency'], tests);

describe('no-unbounded-concurrency test table', () => {
  it('has at least 50 cases', () => {
    assert.ok(valid.length + invalid.length >= 50);
  });

  it('type-checks: every case and every suggestion output', function () {
    this.timeout(120_000);
    const texts = [
      ...[...valid, ...invalid].map((testCase) => ({
        name: testCase.name ?? testCase.code,
        fileName: testCase.filename ?? 'file.ts',
        text: testCase.code,
      })),
      ...invalid.flatMap((testCase) =>
        testCase.errors.flatMap((error) =>
          (error.suggestions ?? []).map((suggestion) => ({
            name: `${testCase.name ?? testCase.code} → ${suggestion.messageId}`,
            fileName: testCase.filename ?? 'file.ts',
            text: suggestion.output,
          })),
        ),
      ),
    ];
    const errors = typeCheckFixtureTexts(texts);
    assert.deepEqual(
      texts.flatMap((entry, index) =>
        errors[index]!.length > 0 ? [`${entry.name}: ${errors[index]!.join('; ')}`] : [],
      ),
      [],
    );
  });

  it('resolves each finding with each of its suggestions', function () {
    this.timeout(120_000);
    assert.deepEqual(unresolvedSuggestions('no-unbounded-concurrency', tests), []);
  });
});

describe('no-unbounded-concurrency in the engine', () => {
  after(removeTempProjects);

  it('uses p-map when another file of the program imports it, except in a CommonJS file, and records the chain', function () {
    this.timeout(60_000);
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'package.json': '{ "type": "module", "private": true }\n',
      'src/pages.ts':
        "import pMap from 'p-map';\n\nexport const pages = (urls: string[]) => pMap(urls, (url) => fetch(url), { concurrency: 2 });\n",
      'src/api.ts':
        'export async function getJson(url: string): Promise<unknown> {\n  const response = await fetch(url);\n  return response.json();\n}\n',
      'src/load.ts':
        "import { getJson } from './api.js';\n\nexport async function loadAll(urls: string[]) {\n  return Promise.all(urls.map(getJson));\n}\n",
      'src/legacy.cts':
        "import { getJson } from './api.js';\n\nexport async function loadAll(urls: string[]) {\n  return Promise.all(urls.map(getJson));\n}\n",
    });
    // The temp project resolves p-map from the repository's own node_modules.
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const engine = new Engine({ root, config: { kind: 'builtin', name: 'recommended' } });
    const load = path.join(root, 'src', 'load.ts').split(path.sep).join('/');
    const legacy = path.join(root, 'src', 'legacy.cts').split(path.sep).join('/');
    engine.prepare([load, legacy]);

    const esm = engine.lintFile(load);
    assert.equal(esm.kind, 'linted');
    if (esm.kind !== 'linted') return;
    const [message] = esm.result.messages.filter(
      (candidate) => candidate.ruleId === 'loopguard/no-unbounded-concurrency',
    );
    assert.deepEqual([message?.line, message?.column, message?.severity], [4, 10, 1]);
    assert.match(
      message!.message,
      /Each task calls `getJson` \(line 4\), which calls `fetch` \(api\.ts:2\), which uses the network/,
    );
    assert.deepEqual(
      message!.suggestions?.map((suggestion) => suggestion.messageId),
      ['usePMap'],
    );
    const source = fs.readFileSync(load, 'utf8');
    const { fix } = message!.suggestions[0]!;
    assert.equal(
      source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1]),
      "import { getJson } from './api.js';\nimport pMap from 'p-map';\n\nexport async function loadAll(urls: string[]) {\n  return pMap(urls, getJson, { concurrency: 8 });\n}\n",
    );
    const api = path.join(root, 'src', 'api.ts').split(path.sep).join('/');
    assert.deepEqual(esm.findings.find((finding) => finding.message === message)?.related, [
      {
        filePath: load,
        line: 4,
        column: 31,
        endLine: 4,
        endColumn: 38,
        message: "each task calls 'getJson'",
      },
      {
        filePath: api,
        line: 2,
        column: 26,
        endLine: 2,
        endColumn: 31,
        message: "'getJson' calls 'fetch' here",
      },
    ]);

    const commonJs = engine.lintFile(legacy);
    assert.equal(commonJs.kind, 'linted');
    if (commonJs.kind !== 'linted') return;
    const [cjsMessage] = commonJs.result.messages.filter(
      (candidate) => candidate.ruleId === 'loopguard/no-unbounded-concurrency',
    );
    assert.deepEqual(
      cjsMessage?.suggestions?.map((suggestion) => suggestion.messageId),
      ['useHelper'],
    );
  });
});
