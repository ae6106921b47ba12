// The test table of `no-unhandled-task-rejection`, shared by the rule test (run with type information from test/fixtures/typed),
// the test that type-checks every case and output, and the fix-safety test.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type loopguard from 'eslint-plugin-loopguard';

type Options = loopguard.RuleOptions['no-unhandled-task-rejection'];
type MessageIds = loopguard.RuleMessageIds['no-unhandled-task-rejection'];

/** Two lines of declarations that most cases start with; reported lines below count them. */
export const D = 'declare function a(): Promise<number>;\ndeclare function b(): Promise<string>;\n';

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'an async helper whose try/catch has no rethrow and that then returns a constant cannot reject',
    code: `${D}async function readB(): Promise<string> {\n  try {\n    await b();\n  } catch {\n    console.log('b failed');\n  } finally {\n    console.log('b done');\n  }\n  return 'none';\n}\nexport async function run() {\n  const t1 = a();\n  const t2 = readB();\n  await t1;\n  await t2;\n}`,
  },
  {
    name: 'a conditional whose branches cannot reject (a helper that cannot reject, or undefined) cannot reject',
    code: `${D}async function readB(): Promise<string> {\n  try {\n    await b();\n  } catch {\n    console.log('b failed');\n  } finally {\n    console.log('b done');\n  }\n  return 'none';\n}\nexport async function run(flag: boolean) {\n  const t1 = a();\n  const t2 = flag ? readB() : undefined;\n  await t1;\n  await t2;\n}`,
  },
  {
    name: 'a task from a helper that returns its promise with a .catch handler cannot reject',
    code: `${D}function quietB() {\n  return b().catch(() => 'fallback');\n}\nexport async function run() {\n  const t1 = a();\n  const t2 = quietB();\n  await t1;\n  return await t2;\n}`,
  },
  {
    name: 'a task from an async helper whose whole body is try/catch without rethrow cannot reject',
    code: `${D}async function safeB() {\n  try {\n    return await b();\n  } catch (error) {\n    console.error(error);\n    return undefined;\n  }\n}\nexport async function run() {\n  const t1 = a();\n  const t2 = safeB();\n  await t1;\n  return await t2;\n}`,
  },
  {
    name: 'a task from a helper in another file that cannot reject',
    code: "import { sendQuietly } from './promise-helpers.js';\ndeclare function a(): Promise<number>;\nexport async function run() {\n  const sent = sendQuietly('x');\n  await a();\n  await sent;\n}",
  },
  {
    name: 'a task made by new Promise with no reject parameter cannot reject',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = new Promise<void>((resolve) => setTimeout(resolve, 5));\n  await t1;\n  await t2;\n}`,
  },
  {
    name: 'tasks combined with Promise.all before the first await',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const [r1, r2] = await Promise.all([t1, t2]);\n  return [r1, r2];\n}`,
  },
  {
    name: 'tasks combined with Promise.allSettled before the first await',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  return await Promise.allSettled([t1, t2]);\n}`,
  },
  {
    name: 'a task given .catch right away, then awaited later',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  await t1;\n  await t2;\n}`,
  },
  {
    name: 'a task started with its .catch handler',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b().catch(() => 'fallback');\n  await t1;\n  return await t2;\n}`,
  },
  {
    name: 'a task started with .then(onFulfilled, onRejected)',
    code: `${D}export async function run() {\n  const t2 = b().then((s) => s, () => 'fallback');\n  await a();\n  return await t2;\n}`,
  },
  {
    name: 'a single task awaited with no other await before it',
    code: `${D}export async function run() {\n  const t = a();\n  console.log('started');\n  return await t;\n}`,
  },
  {
    name: 'each task awaited before the next one starts',
    code: `${D}export async function run() {\n  const t1 = a();\n  await t1;\n  const t2 = b();\n  await t2;\n}`,
  },
  {
    name: 'a task handed to another owner before the await',
    code: `${D}export async function run(tasks: Promise<unknown>[]) {\n  const t2 = b();\n  tasks.push(t2);\n  await a();\n}`,
  },
  {
    name: 'Promise.race attaches handlers to every task',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  await Promise.race([t1, t2]);\n  await t2;\n}`,
  },
  {
    name: 'an await inside a nested function does not suspend the outer one',
    code: `${D}export async function run(xs: number[]) {\n  const t = a();\n  xs.forEach(async () => {\n    await b();\n  });\n  return await t;\n}`,
  },
  {
    name: 'a read inside a closure created before the await counts as handing the task on',
    code: `${D}export async function run() {\n  const t = a();\n  const later = () => t;\n  await b();\n  return await later();\n}`,
  },
  {
    name: 'a task read in the same await that suspends',
    code: `${D}declare function both(x: Promise<number>, y: Promise<string>): Promise<void>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  await both(t1, t2);\n}`,
  },
  {
    name: 'a synchronous function never suspends',
    code: `${D}export function run() {\n  const t1 = a();\n  const t2 = b();\n  return t1.then(() => t2);\n}`,
  },
  {
    name: 'a sync generator: yield hands control to the caller, not to the event loop',
    code: `${D}export function* run() {\n  const t = a();\n  yield 1;\n  return t;\n}`,
  },
  {
    name: 'a value that is not a promise',
    code: `${D}export async function run() {\n  const n = 1;\n  await a();\n  return n;\n}`,
  },
  {
    name: 'PromiseLike is not tracked: only native promises report unhandled rejections',
    code: `${D}declare function lazy(): PromiseLike<number>;\nexport async function run() {\n  const t = lazy();\n  await a();\n  return await t;\n}`,
  },
  {
    name: 'Promise.allSettled stored in a variable never rejects',
    code: `${D}export async function run() {\n  const settled = Promise.allSettled([a()]);\n  await b();\n  return await settled;\n}`,
  },
  {
    name: 'a latch: new Promise whose executor takes no reject can only fail while it is created',
    code: `${D}export async function run(events: { once(name: string, listener: () => void): void }) {\n  const finished = new Promise<void>((resolve) => events.once('finish', resolve));\n  await a();\n  await finished;\n}`,
  },
  {
    name: 'an exported top-level task may be handled by importers',
    code: `${D}export const t = a();\nawait b();\nawait t;`,
  },
  {
    name: 'a task that is never read is no-floating-promises’ finding, not this rule’s',
    code: `${D}export async function run() {\n  const t = a();\n  await b();\n}`,
  },
  {
    name: 'source order decides: a read earlier in a loop body counts as the first read',
    code: `${D}export async function run(done: () => boolean) {\n  const t = a();\n  while (true) {\n    if (done()) {\n      await t;\n      break;\n    }\n    await b();\n  }\n}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'the hang shape: the handler where the task starts is preferred, since Promise.all would wait on `done` before the emit that settles it',
    code: "import { EventEmitter, once } from 'node:events';\ndeclare function other(): Promise<void>;\nexport async function run(emitter: EventEmitter) {\n  const done = once(emitter, 'done');\n  const step = other();\n  await step;\n  emitter.emit('done');\n  await done;\n}",
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 4,
        column: 9,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 'done' },
            output: `import { EventEmitter, once } from 'node:events';\ndeclare function other(): Promise<void>;\nexport async function run(emitter: EventEmitter) {\n  const done = once(emitter, 'done');\n  done.catch(() => {});\n  const step = other();\n  await step;\n  emitter.emit('done');\n  await done;\n}`,
          },
          {
            messageId: 'awaitTogether',
            output: `import { EventEmitter, once } from 'node:events';\ndeclare function other(): Promise<void>;\nexport async function run(emitter: EventEmitter) {\n  const done = once(emitter, 'done');\n  const step = other();\n  await Promise.all([step, done]);\n  emitter.emit('done');\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'near miss: an async helper whose catch rethrows can reject, even when it then returns a constant',
    code: `${D}async function readB(): Promise<string> {\n  try {\n    await b();\n  } catch (error) {\n    console.log('b failed');\n    throw error;\n  }\n  return 'none';\n}\nexport async function run() {\n  const t1 = a();\n  const t2 = readB();\n  await t1;\n  await t2;\n}`,
    output: `${D}async function readB(): Promise<string> {\n  try {\n    await b();\n  } catch (error) {\n    console.log('b failed');\n    throw error;\n  }\n  return 'none';\n}\nexport async function run() {\n  const t1 = a();\n  const t2 = readB();\n  await Promise.all([t1, t2]);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await t1', line: 15 },
        line: 14,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}async function readB(): Promise<string> {\n  try {\n    await b();\n  } catch (error) {\n    console.log('b failed');\n    throw error;\n  }\n  return 'none';\n}\nexport async function run() {\n  const t1 = a();\n  const t2 = readB();\n  t2.catch(() => {});\n  await t1;\n  await t2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'adjacent bare awaits: autofix',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  await t1;\n  await t2;\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  await Promise.all([t1, t2]);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await t1', line: 6 },
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  await t1;\n  await t2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'adjacent const declarations: autofix keeps the names',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  const r2 = await t2;\n  return r2.repeat(r1);\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const [r1, r2] = await Promise.all([t1, t2]);\n  return r2.repeat(r1);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await t1;\n  const r2 = await t2;\n  return r2.repeat(r1);\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'adjacent let declarations stay let',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  let r1 = await t1;\n  let r2 = await t2;\n  r1 += 1;\n  r2 += '!';\n  return r2.repeat(r1);\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  let [r1, r2] = await Promise.all([t1, t2]);\n  r1 += 1;\n  r2 += '!';\n  return r2.repeat(r1);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  let r1 = await t1;\n  let r2 = await t2;\n  r1 += 1;\n  r2 += '!';\n  return r2.repeat(r1);\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a bare await then a declaration: the first element is skipped',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  await t1;\n  const r2 = await t2;\n  return r2;\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const [, r2] = await Promise.all([t1, t2]);\n  return r2;\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  await t1;\n  const r2 = await t2;\n  return r2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a declaration then a bare await: trailing holes are left out',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  await t2;\n  return r1;\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const [r1] = await Promise.all([t1, t2]);\n  return r1;\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await t1;\n  await t2;\n  return r1;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'three tasks: both reports get the same fix over the whole run of awaits',
    code: `${D}declare function c(): Promise<boolean>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  const t3 = c();\n  const r1 = await t1;\n  const r2 = await t2;\n  const r3 = await t3;\n  return [r1, r2, r3] as const;\n}`,
    output: `${D}declare function c(): Promise<boolean>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  const t3 = c();\n  const [r1, r2, r3] = await Promise.all([t1, t2, t3]);\n  return [r1, r2, r3] as const;\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await t1', line: 8 },
        line: 6,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}declare function c(): Promise<boolean>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const t3 = c();\n  const r1 = await t1;\n  const r2 = await t2;\n  const r3 = await t3;\n  return [r1, r2, r3] as const;\n}`,
          },
        ],
      },
      {
        messageId: 'unhandledTask',
        data: { name: 't3', waitingAt: 'await t1', line: 8 },
        line: 7,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't3' },
            output: `${D}declare function c(): Promise<boolean>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  const t3 = c();\n  t3.catch(() => {});\n  const r1 = await t1;\n  const r2 = await t2;\n  const r3 = await t3;\n  return [r1, r2, r3] as const;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'type annotations are kept in a tuple annotation',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const r1: number | undefined = await t1;\n  const r2 = await t2;\n  return [r1, r2];\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const [r1, r2]: [number | undefined, Awaited<typeof t2>] = await Promise.all([t1, t2]);\n  return [r1, r2];\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1: number | undefined = await t1;\n  const r2 = await t2;\n  return [r1, r2];\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an annotated declaration after a bare await: the hole is typed unknown',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  await t1;\n  const r2: string = await t2;\n  return r2;\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const [, r2]: [unknown, string] = await Promise.all([t1, t2]);\n  return r2;\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  await t1;\n  const r2: string = await t2;\n  return r2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'the first await may be any call: it is evaluated at the same moment',
    code: `${D}export async function run() {\n  const t2 = b();\n  const r1 = await a();\n  const r2 = await t2;\n  return r2.repeat(r1);\n}`,
    output: `${D}export async function run() {\n  const t2 = b();\n  const [r1, r2] = await Promise.all([a(), t2]);\n  return r2.repeat(r1);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await a()', line: 5 },
        line: 4,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await a();\n  const r2 = await t2;\n  return r2.repeat(r1);\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an unrelated await first: it joins the group and both tasks are reported',
    code: `${D}declare function sleep(ms: number): Promise<void>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  await sleep(10);\n  const r1 = await t1;\n  const r2 = await t2;\n  return r2.repeat(r1);\n}`,
    output: `${D}declare function sleep(ms: number): Promise<void>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  const [, r1, r2] = await Promise.all([sleep(10), t1, t2]);\n  return r2.repeat(r1);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't1', waitingAt: 'await sleep(10)', line: 7 },
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't1' },
            output: `${D}declare function sleep(ms: number): Promise<void>;\nexport async function run() {\n  const t1 = a();\n  t1.catch(() => {});\n  const t2 = b();\n  await sleep(10);\n  const r1 = await t1;\n  const r2 = await t2;\n  return r2.repeat(r1);\n}`,
          },
        ],
      },
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await sleep(10)', line: 7 },
        line: 6,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}declare function sleep(ms: number): Promise<void>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  await sleep(10);\n  const r1 = await t1;\n  const r2 = await t2;\n  return r2.repeat(r1);\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'comments between the awaits move above the combined statement; a trailing comment stays at the end',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  // the user\n  const r1 = await t1;\n  // their orders\n  const r2 = await t2; // may be slow\n  return r2.repeat(r1);\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  // the user\n  // their orders\n  const [r1, r2] = await Promise.all([t1, t2]); // may be slow\n  return r2.repeat(r1);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  // the user\n  const r1 = await t1;\n  // their orders\n  const r2 = await t2; // may be slow\n  return r2.repeat(r1);\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a file without semicolons gets none',
    code: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  const r1 = await t1\n  const r2 = await t2\n  return r2.repeat(r1)\n}`,
    output: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  const [r1, r2] = await Promise.all([t1, t2])\n  return r2.repeat(r1)\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  t2.catch(() => {})\n  const r1 = await t1\n  const r2 = await t2\n  return r2.repeat(r1)\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'top-level await in an ES module',
    code: `${D}const t1 = a();\nconst t2 = b();\nawait t1;\nawait t2;\nexport {};`,
    output: `${D}const t1 = a();\nconst t2 = b();\nawait Promise.all([t1, t2]);\nexport {};`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 4,
        column: 7,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}const t1 = a();\nconst t2 = b();\nt2.catch(() => {});\nawait t1;\nawait t2;\nexport {};`,
          },
        ],
      },
    ],
  },
  {
    name: 'awaits inside one try block: Promise.all, since one catch handles both',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  try {\n    await t1;\n    await t2;\n  } catch (error) {\n    console.error(error);\n  }\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  try {\n    await Promise.all([t1, t2]);\n  } catch (error) {\n    console.error(error);\n  }\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  try {\n    await t1;\n    await t2;\n  } catch (error) {\n    console.error(error);\n  }\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'in a switch case',
    code: `${D}export async function run(kind: string) {\n  const t1 = a();\n  const t2 = b();\n  switch (kind) {\n    case 'x':\n      await t1;\n      await t2;\n      break;\n  }\n}`,
    output: `${D}export async function run(kind: string) {\n  const t1 = a();\n  const t2 = b();\n  switch (kind) {\n    case 'x':\n      await Promise.all([t1, t2]);\n      break;\n  }\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run(kind: string) {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  switch (kind) {\n    case 'x':\n      await t1;\n      await t2;\n      break;\n  }\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'in an async arrow function',
    code: `${D}export const run = async () => {\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  const r2 = await t2;\n  return [r1, r2];\n};`,
    output: `${D}export const run = async () => {\n  const t1 = a();\n  const t2 = b();\n  const [r1, r2] = await Promise.all([t1, t2]);\n  return [r1, r2];\n};`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export const run = async () => {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await t1;\n  const r2 = await t2;\n  return [r1, r2];\n};`,
          },
        ],
      },
    ],
  },
  {
    name: 'in a class method',
    code: `${D}export class Loader {\n  async load() {\n    const t1 = a();\n    const t2 = b();\n    await t1;\n    await t2;\n  }\n}`,
    output: `${D}export class Loader {\n  async load() {\n    const t1 = a();\n    const t2 = b();\n    await Promise.all([t1, t2]);\n  }\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 6,
        column: 11,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export class Loader {\n  async load() {\n    const t1 = a();\n    const t2 = b();\n    t2.catch(() => {});\n    await t1;\n    await t2;\n  }\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'plain JavaScript',
    filename: 'script.js',
    code: 'async function a() { return 1; }\nasync function b() { return 2; }\nasync function run() {\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  const r2 = await t2;\n  return r1 + r2;\n}\nmodule.exports = { run };',
    output:
      'async function a() { return 1; }\nasync function b() { return 2; }\nasync function run() {\n  const t1 = a();\n  const t2 = b();\n  const [r1, r2] = await Promise.all([t1, t2]);\n  return r1 + r2;\n}\nmodule.exports = { run };',
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `async function a() { return 1; }\nasync function b() { return 2; }\nasync function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await t1;\n  const r2 = await t2;\n  return r1 + r2;\n}\nmodule.exports = { run };`,
          },
        ],
      },
    ],
  },
  {
    name: 'statements between the awaits: a suggestion, since they would run after both tasks settle',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  console.log(r1);\n  const r2 = await t2;\n  return r2;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await t1;\n  console.log(r1);\n  const r2 = await t2;\n  return r2;\n}`,
          },
          {
            messageId: 'awaitTogether',
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const [r1, r2] = await Promise.all([t1, t2]);\n  console.log(r1);\n  return r2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an await between the task awaits: a suggestion, and that await moves after both',
    code: `${D}declare function log(s: string): Promise<void>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  await t1;\n  await log('first done');\n  // second\n  await t2;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await t1', line: 7 },
        line: 6,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}declare function log(s: string): Promise<void>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  await t1;\n  await log('first done');\n  // second\n  await t2;\n}`,
          },
          {
            messageId: 'awaitTogether',
            output: `${D}declare function log(s: string): Promise<void>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  // second\n  await Promise.all([t1, t2]);\n  await log('first done');\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'var declarations: a suggestion (a var is visible to closures before the awaits)',
    code: `${D}export async function run() {\n  var t1 = a();\n  var t2 = b();\n  var r1 = await t1;\n  var r2 = await t2;\n  return [r1, r2];\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 7,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  var t1 = a();\n  var t2 = b();\n  t2.catch(() => {});\n  var r1 = await t1;\n  var r2 = await t2;\n  return [r1, r2];\n}`,
          },
          {
            messageId: 'awaitTogether',
            output: `${D}export async function run() {\n  var t1 = a();\n  var t2 = b();\n  var [r1, r2] = await Promise.all([t1, t2]);\n  return [r1, r2];\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a destructuring binding: a suggestion (destructuring can throw before the second await)',
    code: `${D}declare function user(): Promise<{ name: string }>;\nexport async function run() {\n  const t1 = user();\n  const t2 = b();\n  const { name } = await t1;\n  const r2 = await t2;\n  return name + r2;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 6,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}declare function user(): Promise<{ name: string }>;\nexport async function run() {\n  const t1 = user();\n  const t2 = b();\n  t2.catch(() => {});\n  const { name } = await t1;\n  const r2 = await t2;\n  return name + r2;\n}`,
          },
          {
            messageId: 'awaitTogether',
            output: `${D}declare function user(): Promise<{ name: string }>;\nexport async function run() {\n  const t1 = user();\n  const t2 = b();\n  const [{ name }, r2] = await Promise.all([t1, t2]);\n  return name + r2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a result read by a hoisted function declaration: a suggestion (it may run while the second task is awaited)',
    code: `${D}export async function run() {\n  setTimeout(report, 5);\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  const r2 = await t2;\n  function report() {\n    console.log(r1);\n  }\n  return r2;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 6,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  setTimeout(report, 5);\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await t1;\n  const r2 = await t2;\n  function report() {\n    console.log(r1);\n  }\n  return r2;\n}`,
          },
          {
            messageId: 'awaitTogether',
            output: `${D}export async function run() {\n  setTimeout(report, 5);\n  const t1 = a();\n  const t2 = b();\n  const [r1, r2] = await Promise.all([t1, t2]);\n  function report() {\n    console.log(r1);\n  }\n  return r2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a result read by a closure created before the awaits: a suggestion',
    code: `${D}export async function run(onTick: (f: () => void) => void) {\n  onTick(() => console.log(r1));\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  const r2 = await t2;\n  return r2;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 6,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run(onTick: (f: () => void) => void) {\n  onTick(() => console.log(r1));\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await t1;\n  const r2 = await t2;\n  return r2;\n}`,
          },
          {
            messageId: 'awaitTogether',
            output: `${D}export async function run(onTick: (f: () => void) => void) {\n  onTick(() => console.log(r1));\n  const t1 = a();\n  const t2 = b();\n  const [r1, r2] = await Promise.all([t1, t2]);\n  return r2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'const and let mixed: reported without a fix',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  let r2 = await t2;\n  r2 += '!';\n  return [r1, r2];\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await t1;\n  let r2 = await t2;\n  r2 += '!';\n  return [r1, r2];\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a reassigned task: reported without a fix (the awaited promise may differ)',
    code: `${D}export async function run() {\n  const t1 = a();\n  let t2 = b();\n  await t1;\n  await t2;\n  t2 = b();\n  return t2;\n}`,
    output: null,
    errors: [{ messageId: 'unhandledTask', line: 5, column: 7, endColumn: 9, suggestions: [] }],
  },
  {
    name: 'an unannotated first result from a call next to an annotated one: no fix, its type could not be written',
    code: `${D}export async function run() {\n  const t2 = b();\n  const r1 = await a();\n  const r2: string = await t2;\n  return [r1, r2];\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 4,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await a();\n  const r2: string = await t2;\n  return [r1, r2];\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'the wait is inside a branch: reported without a fix',
    code: `${D}export async function run(slow: boolean) {\n  const t2 = b();\n  if (slow) {\n    await a();\n  }\n  return await t2;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await a()', line: 6 },
        line: 4,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run(slow: boolean) {\n  const t2 = b();\n  t2.catch(() => {});\n  if (slow) {\n    await a();\n  }\n  return await t2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'the wait is nested in the first operand: no fix (it would still run before Promise.all)',
    code: `${D}declare function double(n: number): Promise<number>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  const r1 = await double(await t1);\n  const r2 = await t2;\n  return [r1, r2];\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await t1', line: 7 },
        line: 6,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}declare function double(n: number): Promise<number>;\nexport async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  const r1 = await double(await t1);\n  const r2 = await t2;\n  return [r1, r2];\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a task returned after another await',
    code: `${D}export async function run() {\n  const t2 = b();\n  await a();\n  return t2;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't2', waitingAt: 'await a()', line: 5 },
        line: 4,
        column: 9,
        endColumn: 11,
        suggestions: [],
      },
    ],
  },
  {
    name: 'for await is a wait',
    code: `${D}export async function run(lines: AsyncIterable<string>) {\n  const t = a();\n  for await (const line of lines) {\n    console.log(line);\n  }\n  return await t;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't', waitingAt: 'for await (… of lines)', line: 5 },
        line: 4,
        column: 9,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't' },
            output: `${D}export async function run(lines: AsyncIterable<string>) {\n  const t = a();\n  t.catch(() => {});\n  for await (const line of lines) {\n    console.log(line);\n  }\n  return await t;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'yield in an async generator is a wait',
    code: `${D}export async function* run() {\n  const t = a();\n  yield 1;\n  yield await t;\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't', waitingAt: 'yield 1', line: 5 },
        line: 4,
        column: 9,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't' },
            output: `${D}export async function* run() {\n  const t = a();\n  t.catch(() => {});\n  yield 1;\n  yield await t;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a task started in each loop turn',
    code: `${D}declare function sleep(ms: number): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    const t = b();\n    await sleep(id.length);\n    console.log(await t);\n  }\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't', waitingAt: 'await sleep(id.length)', line: 7 },
        line: 6,
        column: 11,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't' },
            output: `${D}declare function sleep(ms: number): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    const t = b();\n    t.catch(() => {});\n    await sleep(id.length);\n    console.log(await t);\n  }\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a task from new Promise whose executor can reject',
    code: `${D}export async function run() {\n  const t = new Promise<number>((resolve, reject) => setTimeout(() => (Date.now() % 2 ? resolve(1) : reject(new Error('odd'))), 10));\n  const s = await b();\n  const n = await t;\n  return s.repeat(n);\n}`,
    output: `${D}export async function run() {\n  const t = new Promise<number>((resolve, reject) => setTimeout(() => (Date.now() % 2 ? resolve(1) : reject(new Error('odd'))), 10));\n  const [s, n] = await Promise.all([b(), t]);\n  return s.repeat(n);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        data: { name: 't', waitingAt: 'await b()', line: 5 },
        line: 4,
        column: 9,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't' },
            output: `${D}export async function run() {\n  const t = new Promise<number>((resolve, reject) => setTimeout(() => (Date.now() % 2 ? resolve(1) : reject(new Error('odd'))), 10));\n  t.catch(() => {});\n  const s = await b();\n  const n = await t;\n  return s.repeat(n);\n}`,
          },
        ],
      },
    ],
  },
  {
    name: '.then(onFulfilled) passes the rejection on: still a task',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b().then((s) => s.length);\n  await t1;\n  await t2;\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b().then((s) => s.length);\n  await Promise.all([t1, t2]);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b().then((s) => s.length);\n  t2.catch(() => {});\n  await t1;\n  await t2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: '.finally passes the rejection on: still a task',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b().finally(() => console.log('done'));\n  await t1;\n  await t2;\n}`,
    output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b().finally(() => console.log('done'));\n  await Promise.all([t1, t2]);\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b().finally(() => console.log('done'));\n  t2.catch(() => {});\n  await t1;\n  await t2;\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a task that may be undefined: reported without a fix (only native promises are combined)',
    code: `${D}export async function run(enabled: boolean) {\n  const t1 = a();\n  const t2 = enabled ? b() : undefined;\n  await t1;\n  await t2;\n}`,
    output: null,
    errors: [{ messageId: 'unhandledTask', line: 5, column: 9, endColumn: 11, suggestions: [] }],
  },
  {
    name: 'each await in its own try/catch: Promise.allSettled first, the handling stays',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  try {\n    console.log(await t1);\n  } catch (error) {\n    console.error('a failed', error);\n  }\n  try {\n    console.log(await t2);\n  } catch (error) {\n    console.error('b failed', error);\n  }\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  t2.catch(() => {});\n  try {\n    console.log(await t1);\n  } catch (error) {\n    console.error('a failed', error);\n  }\n  try {\n    console.log(await t2);\n  } catch (error) {\n    console.error('b failed', error);\n  }\n}`,
          },
          {
            messageId: 'settleAllFirst',
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  await Promise.allSettled([t1, t2]);\n  try {\n    console.log(await t1);\n  } catch (error) {\n    console.error('a failed', error);\n  }\n  try {\n    console.log(await t2);\n  } catch (error) {\n    console.error('b failed', error);\n  }\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a .catch on the later await: Promise.allSettled first',
    code: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  const r1 = await t1;\n  const r2 = await t2.catch(() => 'fallback');\n  return r2.repeat(r1);\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'settleAllFirst',
            output: `${D}export async function run() {\n  const t1 = a();\n  const t2 = b();\n  await Promise.allSettled([t1, t2]);\n  const r1 = await t1;\n  const r2 = await t2.catch(() => 'fallback');\n  return r2.repeat(r1);\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'no semicolons: Promise.allSettled without one',
    code: `${D}export async function run() {\n  const t2 = b()\n  await a()\n  try {\n    await t2\n  } catch {\n    console.error('b failed')\n  }\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 4,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t2 = b()\n  t2.catch(() => {})\n  await a()\n  try {\n    await t2\n  } catch {\n    console.error('b failed')\n  }\n}`,
          },
          {
            messageId: 'settleAllFirst',
            output: `${D}export async function run() {\n  const t2 = b()\n  await Promise.allSettled([t2])\n  await a()\n  try {\n    await t2\n  } catch {\n    console.error('b failed')\n  }\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'no semicolons: the combined statement leaves the `;` that guards a next line starting with `[` (regression)',
    code: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  const r1 = await t1\n  const r2 = await t2\n  ;[r1, r2].forEach((value) => console.log(value))\n}`,
    output: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  const [r1, r2] = await Promise.all([t1, t2])\n  ;[r1, r2].forEach((value) => console.log(value))\n}`,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  t2.catch(() => {})\n  const r1 = await t1\n  const r2 = await t2\n  ;[r1, r2].forEach((value) => console.log(value))\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'no semicolons: a removed await leaves the `;` that guards a next line starting with `[` (regression)',
    code: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  await t1\n  void 0\n  await t2\n  ;[1, 2].forEach((n) => console.log(n))\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 5,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  t2.catch(() => {})\n  await t1\n  void 0\n  await t2\n  ;[1, 2].forEach((n) => console.log(n))\n}`,
          },
          {
            messageId: 'awaitTogether',
            output: `${D}export async function run() {\n  const t1 = a()\n  const t2 = b()\n  await Promise.all([t1, t2])\n  void 0\n  ;[1, 2].forEach((n) => console.log(n))\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'no semicolons: Promise.allSettled before a line starting with `[` ends with `;` (regression)',
    code: `${D}export async function run() {\n  const t2 = b()\n  console.log('started')\n  ;[await a()].forEach((n) => console.log(n))\n  try {\n    await t2\n  } catch {\n    console.error('b failed')\n  }\n}`,
    output: null,
    errors: [
      {
        messageId: 'unhandledTask',
        line: 4,
        column: 9,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'handleWhereStarted',
            data: { name: 't2' },
            output: `${D}export async function run() {\n  const t2 = b()\n  t2.catch(() => {})\n  console.log('started')\n  ;[await a()].forEach((n) => console.log(n))\n  try {\n    await t2\n  } catch {\n    console.error('b failed')\n  }\n}`,
          },
          {
            messageId: 'settleAllFirst',
            output: `${D}export async function run() {\n  const t2 = b()\n  console.log('started')\n  ;await Promise.allSettled([t2]);\n  [await a()].forEach((n) => console.log(n))\n  try {\n    await t2\n  } catch {\n    console.error('b failed')\n  }\n}`,
          },
        ],
      },
    ],
  },
];
