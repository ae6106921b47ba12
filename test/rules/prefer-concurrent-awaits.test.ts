// The test table of `prefer-concurrent-awaits` (in prefer-concurrent-awaits.cases.ts), run with type information
// from test/fixtures/typed; every case and every suggestion output is also compiled with the real compiler, and
// every suggestion output is linted again: the finding is resolved, and no other Loopguard rule reports the rewrite.
import * as assert from 'node:assert/strict';

import type { RunTests } from '@typescript-eslint/rule-tester';
import { rules } from 'eslint-plugin-loopguard';
import type { MessageIds, Options } from 'eslint-plugin-loopguard/dist/rules/prefer-concurrent-awaits';

import { findingsOfOtherRules, unresolvedSuggestions } from '../support/resolved-findings';
import { createTypedRuleTester } from '../support/rule-tester';
import { typeCheckTable } from '../support/type-check';
import { invalid, valid } from './prefer-concurrent-awaits.cases';

const tests: RunTests<MessageIds, Options> = { valid, invalid };

createTypedRuleTester().run('prefer-concurrent-awaits', rules['prefer-concurrent-awaits'], tests);

describe('prefer-concurrent-awaits test table', () => {
  it('has at least 50 cases, with pairs and loops both reported and left alone', () => {
    assert.ok(valid.length + invalid.length >= 50);
    const reported = new Set(invalid.flatMap((testCase) => testCase.errors.map((error) => error.messageId)));
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
