// The test table of `prefer-concurrent-awaits` (in prefer-concurrent-awaits.cases.ts), run with type information
// from test/fixtures/typed; every case and every suggestion output is also compiled with the real compiler, and
// every suggestion output is linted again: the finding is resolved, and no other Loopguard rule reports the rewrite.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import type { RunTests } from '@typescript-eslint/rule-tester';
import { rules } from 'eslint-plugin-loopguard';
import type loopguard from 'eslint-plugin-loopguard';
import { Engine } from 'loopguard';

import { findingsOfOtherRules, unresolvedSuggestions } from '../support/resolved-findings';
import { createTypedRuleTester } from '../support/rule-tester';
import { createTempProject, removeTempProjects, TSCONFIG_WITH_NODE } from '../support/temp-project';
import { typeCheckTable } from '../support/type-check';
import { invalid, valid } from './prefer-concurrent-awaits.cases';

type Options = loopguard.RuleOptions['prefer-concurrent-awaits'];
type MessageIds = loopguard.RuleMessageIds['prefer-concurrent-awaits'];

const tests: RunTests<MessageIds, Options> = { valid, invalid };

createTypedRuleTester().run('prefer-concurrent-awaits', rules['prefer-concurrent-awaits'], tests);

describe('prefer-concurrent-awaits test table', () => {
  it('has at least 50 cases, with pairs and loops both reported and left alone', () => {
    assert.ok(valid.length + invalid.length >= 50);
    const reported = new Set(
      invalid.flatMap((testCase) => testCase.errors.map((error) => error.messageId)),
    );
    assert.deepEqual([...reported].sort(), ['awaitInLoop', 'sequentialAwaits']);
  });

  it('type-checks: every case and every suggestion output', function () {
    this.timeout(120_000);
    assert.deepEqual(typeCheckTable(tests), []);
  });

  it('resolves each finding with each of its suggestions', function () {
    this.timeout(120_000);
    assert.deepEqual(unresolvedSuggestions('prefer-concurrent-awaits', tests), []);
  });

  it('writes nothing that another Loopguard rule reports (Promise.all over a written-out array is bounded)', function () {
    this.timeout(180_000);
    assert.deepEqual(findingsOfOtherRules('prefer-concurrent-awaits', tests), []);
  });
});

describe('prefer-concurrent-awaits in the engine', () => {
  after(removeTempProjects);

  it("follows requests into another file under Node's own fetch types, and names the other awaits as related locations", function () {
    this.timeout(60_000);
    // Node's types without the DOM library: `fetch` and `Response#json` are declared by undici-types.
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'package.json': '{ "type": "module", "private": true }\n',
      'api.ts':
        'export async function getJson<T>(path: string): Promise<T> {\n  const response = await fetch(`https://api.example.com${path}`);\n  return (await response.json()) as T;\n}\n',
      'page.ts': [
        "import { getJson } from './api.js';",
        '',
        'export async function page(id: string) {',
        '  const user = await getJson<{ name: string }>(`/users/${id}`);',
        '  const orders = await getJson<string[]>(`/users/${id}/orders`);',
        '  return { user, orders };',
        '}',
        '',
        'export async function details(ids: string[]) {',
        '  const found: unknown[] = [];',
        '  for (const id of ids) found.push(await getJson(`/orders/${id}`));',
        '  return found;',
        '}',
        '',
      ].join('\n'),
    });
    const file = path.join(root, 'page.ts').split(path.sep).join('/');
    const outcome = new Engine({ root }).lintFile(file);
    assert.equal(outcome.kind, 'linted');
    if (outcome.kind !== 'linted') return;
    const [pair, loop] = outcome.result.messages;
    assert.deepEqual(
      outcome.result.messages.map((message) => [
        message.ruleId,
        message.messageId,
        message.line,
        message.column,
        message.severity,
      ]),
      [
        ['loopguard/prefer-concurrent-awaits', 'sequentialAwaits', 4, 16, 1],
        ['loopguard/prefer-concurrent-awaits', 'awaitInLoop', 11, 3, 1],
      ],
    );
    assert.deepEqual(outcome.findings.find((finding) => finding.message === pair)?.related, [
      {
        filePath: file,
        line: 5,
        column: 18,
        endLine: 5,
        endColumn: 64,
        message: 'can run at the same time as `await getJson<{ name: string }>(`/users/${id}`)`',
      },
    ]);
    assert.deepEqual(outcome.findings.find((finding) => finding.message === loop)?.related, [
      {
        filePath: file,
        line: 11,
        column: 36,
        endLine: 11,
        endColumn: 66,
        message: 'each turn waits here before the next one starts',
      },
    ]);
  });
});
