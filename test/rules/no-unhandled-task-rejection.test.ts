// The test table of `no-unhandled-task-rejection`, run with type information from test/fixtures/typed; every case's
// code and every fix and suggestion output is also type-checked by the compiler.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import type { RunTests } from '@typescript-eslint/rule-tester';
import { rules } from 'eslint-plugin-loopguard';
import type loopguard from 'eslint-plugin-loopguard';
import { Engine } from 'loopguard';

import { unresolvedSuggestions } from '../support/resolved-findings';
import { createTypedRuleTester } from '../support/rule-tester';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import { typeCheckTable } from '../support/type-check';
import { D, invalid, valid } from './no-unhandled-task-rejection.cases';

type Options = loopguard.RuleOptions['no-unhandled-task-rejection'];
type MessageIds = loopguard.RuleMessageIds['no-unhandled-task-rejection'];

const ruleTester = createTypedRuleTester();
const tests: RunTests<MessageIds, Options> = { valid, invalid };

ruleTester.run('no-unhandled-task-rejection', rules['no-unhandled-task-rejection'], tests);

describe('no-unhandled-task-rejection test table', () => {
  it('type-checks: every case, every autofix output and every suggestion output', function () {
    this.timeout(120_000);
    assert.deepEqual(typeCheckTable(tests), []);
  });

  it('resolves each finding with each of its suggestions', function () {
    this.timeout(120_000);
    assert.deepEqual(unresolvedSuggestions('no-unhandled-task-rejection', tests), []);
  });
});

describe('no-unhandled-task-rejection in the engine', () => {
  after(removeTempProjects);

  it('names the await during which the task is unhandled as a related location', function () {
    this.timeout(60_000);
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  console.log(await t1);\n  return await t2;\n}\n`,
    });
    const file = path.join(root, 'a.ts').split(path.sep).join('/');
    const outcome = new Engine({ root }).lintFile(file);
    assert.equal(outcome.kind, 'linted');
    if (outcome.kind !== 'linted') return;
    const [message] = outcome.result.messages;
    assert.deepEqual(
      [message?.ruleId, message?.line, message?.column],
      ['loopguard/no-unhandled-task-rejection', 5, 9],
    );
    assert.deepEqual(outcome.findings.find((finding) => finding.message === message)?.related, [
      {
        filePath: file,
        line: 6,
        column: 15,
        endLine: 6,
        endColumn: 23,
        message: "'t2' has no rejection handler while the function waits here.",
      },
    ]);
  });
});

// The argument in the rule's doc, checked on Node itself: for each order in which two running tasks settle, the
// original one-by-one awaits and the Promise.all rewrite give the same outcome at the same step, except in the runs
// where the original has an unhandled rejection.

type Settle = 'fulfil t1' | 'reject t1' | 'fulfil t2' | 'reject t2';

interface Deferred {
  promise: Promise<string>;
  fulfil(value: string): void;
  reject(error: Error): void;
}

function deferred(): Deferred {
  let fulfil!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((resolve, rejectWith) => {
    fulfil = resolve;
    reject = rejectWith;
  });
  return { promise, fulfil, reject };
}

interface Run {
  /** `value a,b` or `error t2`, and the step after which the function settled (0: after the first settle event). */
  outcome: string;
  step: number;
  unhandled: boolean;
}

/** Runs `body` on two fresh tasks, settling them in `order`, one event loop turn per event. */
async function runWith(
  body: (t1: Promise<string>, t2: Promise<string>) => Promise<string[]>,
  order: readonly Settle[],
): Promise<Run> {
  const tasks = { t1: deferred(), t2: deferred() };
  let unhandled = false;
  const onUnhandled = (): void => {
    unhandled = true;
  };
  const saved = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', onUnhandled);
  // Listening to the later handling too keeps Node from printing a warning about it.
  const onHandledLater = (): void => {};
  process.on('rejectionHandled', onHandledLater);
  try {
    let outcome = 'pending';
    let step = -1;
    let current = 0;
    body(tasks.t1.promise, tasks.t2.promise).then(
      (values) => {
        outcome = `value ${values.join(',')}`;
        step = current;
      },
      (error: Error) => {
        outcome = `error ${error.message}`;
        step = current;
      },
    );
    for (const [index, event] of order.entries()) {
      current = index;
      const [action, name] = event.split(' ') as ['fulfil' | 'reject', 't1' | 't2'];
      if (action === 'fulfil') tasks[name].fulfil(name);
      else tasks[name].reject(new Error(name));
      // One macrotask turn: every promise callback runs and Node checks for unhandled rejections.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { outcome, step, unhandled };
  } finally {
    process.removeListener('unhandledRejection', onUnhandled);
    process.removeListener('rejectionHandled', onHandledLater);
    for (const listener of saved) process.on('unhandledRejection', listener);
  }
}

const original = async (t1: Promise<string>, t2: Promise<string>): Promise<string[]> => {
  const a = await t1;
  const b = await t2;
  return [a, b];
};
const rewritten = async (t1: Promise<string>, t2: Promise<string>): Promise<string[]> => {
  const [a, b] = await Promise.all([t1, t2]);
  return [a, b];
};

const ORDERS: ReadonlyArray<{ order: Settle[]; originalHasUnhandled: boolean }> = [
  { order: ['fulfil t1', 'fulfil t2'], originalHasUnhandled: false },
  { order: ['fulfil t2', 'fulfil t1'], originalHasUnhandled: false },
  { order: ['reject t1', 'fulfil t2'], originalHasUnhandled: false },
  { order: ['fulfil t2', 'reject t1'], originalHasUnhandled: false },
  { order: ['fulfil t1', 'reject t2'], originalHasUnhandled: false },
  { order: ['reject t1', 'reject t2'], originalHasUnhandled: true },
  { order: ['reject t2', 'fulfil t1'], originalHasUnhandled: true },
  { order: ['reject t2', 'reject t1'], originalHasUnhandled: true },
];

describe('the Promise.all autofix, checked on Node', () => {
  it('gives the same outcome at the same step whenever the original has no unhandled rejection', async () => {
    for (const { order, originalHasUnhandled } of ORDERS) {
      const before = await runWith(original, order);
      const after = await runWith(rewritten, order);
      assert.equal(before.unhandled, originalHasUnhandled, `original, ${order.join(' then ')}`);
      assert.equal(after.unhandled, false, `rewrite, ${order.join(' then ')}`);
      if (!originalHasUnhandled) {
        assert.deepEqual(
          [after.outcome, after.step],
          [before.outcome, before.step],
          order.join(' then '),
        );
      }
    }
  });
});
