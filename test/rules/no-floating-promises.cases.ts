// The test table of `no-floating-promises`, shared by the rule test (run with type information from test/fixtures/typed)
// and by the fix-safety test, which applies every fix and suggestion of every table.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type loopguard from 'eslint-plugin-loopguard';

type Options = loopguard.RuleOptions['no-floating-promises'];
type MessageIds = loopguard.RuleMessageIds['no-floating-promises'];

const CATCH = '.catch((error) => { console.error(error); })';

/** The four handlings offered for a floating promise that is the last statement of an async function, in order. */
function statementHandlings(code: string, statement: string) {
  const replaced = (by: string) => code.replace(`  ${statement};`, `  ${by};`);
  return [
    { messageId: 'addAwait' as const, output: replaced(`await ${statement}`) },
    { messageId: 'returnPromise' as const, output: replaced(`return ${statement}`) },
    { messageId: 'addCatch' as const, output: replaced(`${statement}${CATCH}`) },
    { messageId: 'addVoid' as const, output: replaced(`void ${statement}`) },
  ];
}

/** A floating promise reported on a whole statement at column 3 of `line`, with its four handlings. */
function floatingStatement(code: string, line: number, statement: string) {
  return {
    messageId: 'floatingPromise' as const,
    line,
    column: 3,
    suggestions: statementHandlings(code, statement),
  };
}

/** Matchers declared to return a promise mixed into an object type, and an array of promises. */
const MIXED_RESULTS = [
  'interface Matchers { saved(): { id: number } & Promise<void>; each(): Array<Promise<void>>; }',
  'declare function expect<T>(actual: T): Matchers;',
  'declare const xs: number[];',
  'export async function a() {',
  '  expect(xs).saved();',
  '}',
  'export async function b() {',
  '  await expect(xs).each();',
  '}',
].join('\n');

/** Matchers whose `rejects` maps each matcher to one returning a promise, as Vitest's `Promisify` does. */
const MAPPED_MATCHERS = [
  'type Promisify<O> = { [K in keyof O]: O[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : O[K] };',
  'interface Assertion<T> { toThrow(message?: string): void; rejects: Promisify<Assertion<T>>; }',
  'declare const expect: <T>(actual: T) => Assertion<T>;',
  'declare const run: () => Promise<void>;',
  'export async function a() {',
  "  await expect(run()).rejects.toThrow('x');",
  '}',
  'export async function b() {',
  "  expect(run()).rejects.toThrow('x');",
  '}',
].join('\n');

/** Matchers chosen by the asserted value's type (as Playwright's `expect` does), and overloads that depend on it. */
const PLAYWRIGHT_LIKE = [
  'interface Locator { click(): Promise<void>; }',
  'interface LocatorMatchers { toBeVisible(): Promise<void>; }',
  'interface ValueMatchers { toBe(expected: unknown): void; }',
  'declare function expect<T>(actual: T): T extends Locator ? LocatorMatchers : ValueMatchers;',
  'declare function assert(actual: Locator): LocatorMatchers;',
  'declare function assert<T>(actual: T): ValueMatchers;',
  'declare const button: Locator;',
  'export async function a() {',
  '  expect(button).toBeVisible();',
  '}',
  'export async function b() {',
  '  assert(button).toBeVisible();',
  '}',
  'export function c() {',
  '  expect(1).toBe(1);',
  '  assert(1).toBe(1);',
  '}',
].join('\n');

export const valid: Array<string | ValidTestCase<Options>> = [
  {
    name: "typescript-eslint's disable-next-line comment for no-floating-promises silences the finding",
    code: 'declare function f(): Promise<void>;\nasync function g() {\n  // eslint-disable-next-line @typescript-eslint/no-floating-promises -- started on purpose\n  f();\n}',
  },
  {
    name: "typescript-eslint's disable-line comment, among other rule names",
    code: 'declare function f(): Promise<void>;\nasync function g() {\n  f(); // eslint-disable-line no-console, @typescript-eslint/no-floating-promises\n}',
  },
  {
    name: "a block disabled for typescript-eslint's no-floating-promises",
    code: 'declare function f(): Promise<void>;\n/* eslint-disable @typescript-eslint/no-floating-promises */\nasync function g() {\n  f();\n}',
  },
  {
    name: "typescript-eslint's comment above a multi-line statement whose promise starts on a later line",
    code: 'declare function f(): Promise<void>;\nasync function g(ready: boolean) {\n  // eslint-disable-next-line @typescript-eslint/no-floating-promises\n  ready &&\n    f();\n}',
  },
  {
    name: "typescript-eslint's no-misused-promises comment silences an ignored async callback",
    code: 'declare function f(x: number): Promise<void>;\nexport function g(xs: number[]) {\n  // eslint-disable-next-line @typescript-eslint/no-misused-promises\n  xs.forEach(async (x) => {\n    await f(x);\n  });\n}',
  },
  {
    name: 'testCode: a test that starts work without waiting for it is not reported (its runner reports a rejection)',
    code: 'declare function start(): Promise<void>;\nexport async function t() {\n  start();\n  const pending = start();\n}',
    options: [{ testCode: true }],
  },
  {
    name: 'testCode: assertions whose declarations return no promise (overloads as in Vitest, a generic first) are not reported',
    code: 'interface Assertion<T> { toEqual(expected: unknown): void; not: Assertion<T>; }\ninterface ChaiAssertion { equal(expected: unknown): ChaiAssertion; }\ninterface ExpectStatic {\n  <T>(actual: T, message?: string): Assertion<T>;\n  (actual: any, message?: string): ChaiAssertion;\n}\ndeclare const expect: ExpectStatic;\ndeclare function load(): Promise<number[]>;\nexport async function t() {\n  const rows = await load();\n  expect(rows).toEqual([1]);\n  expect(rows.length).not.toEqual(0);\n}',
    options: [{ testCode: true }],
  },
  {
    name: 'calls through `this` whose declarations return no promise (a class method, an inherited one, a this parameter)',
    code: "class Base {\n  log(message: string): void {\n    console.log(message);\n  }\n}\nexport class Store extends Base {\n  emit(event: string): boolean {\n    return event.length > 0;\n  }\n  async go() {\n    this.emit('start');\n    this.log('go');\n  }\n}\ninterface Api {\n  emit(event: string): boolean;\n}\nexport async function run(this: Api) {\n  this.emit('x');\n}",
  },
  {
    name: 'a helper that returns its promise with a .catch handler: the promise cannot reject',
    code: "declare function send(m: string): Promise<void>;\nfunction notify(m: string) {\n  return send(m).catch(() => undefined);\n}\nexport async function g() {\n  notify('x');\n  const pending = notify('y');\n}",
  },
  {
    name: 'an async helper whose whole body is try/catch without rethrow: the promise cannot reject',
    code: "declare function send(m: string): Promise<void>;\nasync function safeSend(m: string) {\n  try {\n    await send(m);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport async function g() {\n  safeSend('x');\n}",
  },
  {
    name: 'helpers in another file that cannot reject (try/catch without rethrow, a returned .catch)',
    code: "import { notify, sendQuietly } from './promise-helpers.js';\nexport async function g() {\n  sendQuietly('x');\n  notify('y');\n}",
  },
  {
    name: "a synchronous dispose starting a list's disposal: Promise.all over dispose(): void results cannot reject",
    code: 'interface Disposable {\n  dispose(): void;\n}\nclass DisposableList {\n  private items: Disposable[] = [];\n  dispose() {\n    const done = Promise.all(this.items.map((item) => item.dispose()));\n    this.items = [];\n    return done;\n  }\n}\nexport class Session {\n  private readonly disposables = new DisposableList();\n  dispose(): void {\n    this.disposables.dispose();\n  }\n}',
  },
  {
    name: 'allow: a file specifier listing several names matches a method of a protocol client by its name',
    code: 'interface DebuggerApi {\n  setAsyncCallStackDepth(params: { maxDepth: number }): Promise<object | undefined>;\n}\ndeclare const cdp: { Debugger: DebuggerApi };\nexport function enable() {\n  cdp.Debugger.setAsyncCallStackDepth({ maxDepth: 32 });\n}',
    options: [{ allow: [{ from: 'file', name: ['setContextKey', 'setAsyncCallStackDepth'] }] }],
  },
  {
    name: 'a protocol client built by Proxy traps whose requests go through a send that catches: cannot reject',
    code: 'interface DebuggerApi {\n  enable(params: object): Promise<object | undefined>;\n}\ninterface Api {\n  Debugger: DebuggerApi;\n}\nclass Session {\n  send(method: string, params: object): Promise<object | undefined> {\n    return this.sendOrDie(method, params).catch(() => undefined);\n  }\n  sendOrDie(method: string, params: object): Promise<object> {\n    return Promise.reject(new Error(`${method} ${String(params)}`));\n  }\n  api(): Api {\n    return new Proxy(\n      {},\n      {\n        get: (_target, domain: string) =>\n          new Proxy(\n            {},\n            {\n              get: (_inner, method: string) => (params: object) =>\n                this.send(`${domain}.${method}`, params),\n            },\n          ),\n      },\n    ) as Api;\n  }\n}\nexport function enable(api: Api) {\n  api.Debugger.enable({});\n}',
  },
  {
    name: 'an interface method whose project implementations cannot reject, and an async method that only awaits them',
    code: "interface Target {\n  run(): Promise<void>;\n}\nclass NodeTarget implements Target {\n  run(): Promise<void> {\n    return Promise.resolve();\n  }\n}\nclass BrowserTarget implements Target {\n  async run(): Promise<void> {\n    try {\n      await fetch('http://localhost/run');\n    } catch {\n      return;\n    }\n  }\n}\nclass Launcher {\n  constructor(private readonly target: Target) {}\n  async start(): Promise<void> {\n    await this.target.run();\n  }\n}\nexport function g(target: Target, launcher: Launcher) {\n  target.run();\n  launcher.start();\n  launcher.start().then(() => undefined);\n}\nexport const targets = [NodeTarget, BrowserTarget];",
  },
  {
    name: 'an async method that sets a flag and awaits `ready && quiet()` of promises that cannot reject',
    code: "function quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.waiting = false;\n    await Promise.all([ready && quiet(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  worker.release(true);\n}",
  },
  {
    name: 'an async arrow whose body awaits a promise that cannot reject: its own promise cannot reject either',
    code: "function quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nconst later = async () => await quiet();\nconst passOn = async () => quiet();\nexport function g() {\n  later();\n  passOn();\n}",
  },
  {
    name: "an async wrapper that only awaits a thenable that is not a promise (VS Code's setContext command): not tracked by default",
    code: "interface Thenable<T> {\n  then<R>(onOk?: (value: T) => R, onError?: (reason: unknown) => R): Thenable<R>;\n}\ndeclare const commands: { executeCommand(command: string, ...rest: unknown[]): Thenable<unknown> };\nexport const setContextKey = async (key: string, value: boolean) =>\n  await commands.executeCommand('setContext', key, value);\nexport function update() {\n  setContextKey('ready', true);\n}",
  },
  {
    name: 'a helper returning new Promise with no reject path, through another helper',
    code: 'function ready() {\n  return new Promise<void>((resolve) => queueMicrotask(resolve));\n}\nconst whenReady = () => ready();\nexport function g() {\n  whenReady();\n}',
  },
  {
    name: 'a recursive generic type that overflows the checker while an async IIFE is typed: no throw, the handled IIFE is quiet',
    code: 'interface CustomNode<P> {\n  getNextNode: () => CustomNode<P>;\n}\ndeclare const createNode: () => { getNextNode: <T>() => CustomNode<T> };\nfunction wrapNode<T>(getNode: () => CustomNode<T>) {\n  return getNode;\n}\n(async () => {\n  wrapNode(() => {\n    const node = createNode();\n    return wrapNode<typeof node.getNextNode<any>>(node.getNextNode);\n  });\n})().catch(() => {});\nexport {};',
  },
  'declare function f(): Promise<void>; async function g() { await f(); }',
  'declare function f(): Promise<void>; function g() { return f(); }',
  'declare function f(): Promise<void>; void f();',
  'declare function f(): Promise<void>; f().catch(() => {});',
  'declare function f(): Promise<void>; f().then(() => {}, () => {});',
  'declare function f(): Promise<void>; f().catch(() => {}).finally(() => {});',
  'declare function f(): Promise<void>; f().then(() => 1).catch(() => 2);',
  'declare function f(): Promise<void>; async function g() { const p = f(); await p; }',
  'declare function f(): Promise<void>; declare function use(p: Promise<void>): void; const p = f(); use(p);',
  'declare function f(): Promise<void>; function g() { const p = f(); return p; }',
  'declare function f(): Promise<void>; const tasks: Promise<void>[] = []; const p = f(); tasks.push(p);',
  'declare function f(): Promise<void>; export const p = f();',
  'declare function f(): Promise<void>; const p = f(); export { p };',
  'declare function f(): Promise<void>; const p = f(); export default p;',
  'declare function f(): Promise<void>; const t = f().catch(() => {});',
  'declare function f(): Promise<void>; declare function g(): Promise<void>; async function h() { let p = f(); p = g(); await p; }',
  'declare function n(): number; n();',
  'declare function f(): Promise<void>; async function g() { await Promise.all([f(), f()]); }',
  'declare function f(): Promise<void>; declare const o: { save?: () => Promise<void> }; o?.save?.().catch(() => {});',
  'declare function f(): Promise<void>; declare const cond: boolean; void (cond ? f() : f());',
  'declare function f(): Promise<void>; let p: Promise<void>; p = f();',
  'declare function f(): Promise<void>; declare function n(): number; async function g() { (await f(), n()); }',
  {
    name: 'a custom thenable is not a promise unless checkThenables is set',
    code: 'interface Thenable<T> { then(onOk: (v: T) => void): void } declare const t: Thenable<number>; t;',
  },
  {
    name: 'PromiseLike is not a Promise unless checkThenables is set',
    code: 'declare const t: PromiseLike<number>; t;',
  },
  {
    name: "node:test's describe/it return promises the runner tracks",
    code: "import { describe, it } from 'node:test'; describe('suite', () => { it('works', async () => {}); });",
  },
  {
    name: "node:test's .only/.skip/.todo modifiers",
    code: "import { describe, it, test } from 'node:test'; describe.only('s', () => { it.skip('a'); test.todo('b'); });",
  },
  {
    name: "node:test's default export and suite",
    code: "import test, { suite } from 'node:test'; test('a', async () => {}); suite('b', () => {});",
  },
  {
    name: 'allow by function name from this file',
    code: 'declare function fireAndForget(): Promise<void>; fireAndForget();',
    options: [{ allow: [{ from: 'file', name: 'fireAndForget' }] }],
  },
  {
    name: 'allow by method name',
    code: 'declare const queue: { flush(): Promise<void> }; queue.flush();',
    options: [{ allow: ['flush'] }],
  },
  {
    name: 'allow by promise type',
    code: 'interface Job extends Promise<void> {} declare function start(): Job; start();',
    options: [{ allow: [{ from: 'file', name: 'Job' }] }],
  },
  'declare const xs: number[]; xs.forEach((x) => { console.log(x); });',
  {
    name: 'a forEach whose callback parameter expects a promise is not a dropped callback',
    code: 'declare const q: { forEach(cb: (x: number) => Promise<void>): Promise<void> }; async function g() { await q.forEach(async () => {}); }',
  },
  'declare const xs: number[]; async function g() { await Promise.all(xs.map(async (x) => x)); }',
  {
    name: 'void-typed callbacks other than forEach are allowed by default (React onClick, setTimeout)',
    code: 'declare function f(): Promise<void>; setTimeout(async () => { await f(); }, 10);',
  },
  {
    name: 'React onClick with an async handler is not reported',
    filename: 'react.tsx',
    code: 'declare function f(): Promise<void>; export const B = () => <button onClick={async () => { await f(); }}>x</button>;',
  },
  {
    name: 'an async function declared and never called is not a floating promise',
    code: 'export async function g() { return 1; }',
  },
  {
    name: 'using declarations own their disposal',
    code: 'declare function f(): Promise<void> & Disposable; function g() { using t = f(); }',
  },
  {
    name: 'ignoreIIFE: an async function called where it is written is not reported',
    code: 'declare function f(): Promise<void>;\n(async () => {\n  await f();\n})();\n(async function named() {})();\nexport {};',
    options: [{ ignoreIIFE: true }],
  },
  {
    name: 'a right operand that never runs: false &&, true ||, a never-nullish value ??',
    code: 'declare function f(): Promise<void>;\ndeclare const off: false;\ndeclare const on: true;\ndeclare const name: string;\noff && f();\non || f();\nname ?? f();\nexport {};',
  },
  {
    name: 'a rejection handler typed as a function, or unknown to the checker, handles',
    code: 'declare const p: Promise<void>;\ndeclare const onError: (error: unknown) => void;\ndeclare const untyped: any;\np.then(() => {}, onError);\np.catch(untyped);\nexport {};',
  },
  {
    name: '`await` on a single promise, or on an array of plain values, waits for what there is',
    code: 'declare const p: Promise<void>;\ndeclare const values: number[];\nasync function g() {\n  await p;\n  await values;\n}\nexport { g };',
  },
  {
    name: 'with ignoreVoid (the default) an arrow whose body voids a promise is a decision',
    code: "declare function save(): Promise<void>;\ndeclare function on(event: string, listener: () => void): void;\non('click', () => void save());\nexport {};",
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'near miss: through `this`, an overload returning a promise leaves the answer to the checker, which reports',
    code: "interface Api {\n  emit(event: string): boolean;\n  run(x: string): void;\n  run(x: number): Promise<void>;\n}\nexport async function go(this: Api) {\n  this.emit('start');\n  this.run(1);\n}",
    output: null,
    errors: [
      floatingStatement(
        "interface Api {\n  emit(event: string): boolean;\n  run(x: string): void;\n  run(x: number): Promise<void>;\n}\nexport async function go(this: Api) {\n  this.emit('start');\n  this.run(1);\n}",
        8,
        'this.run(1)',
      ),
    ],
  },
  {
    name: 'near miss: through `this`, a generic result is not settled by declarations, and the promise is reported',
    code: 'interface Api {\n  pick<T>(value: T): T;\n}\nexport async function go(this: Api) {\n  this.pick(Promise.resolve(1));\n}',
    output: null,
    errors: [
      floatingStatement(
        'interface Api {\n  pick<T>(value: T): T;\n}\nexport async function go(this: Api) {\n  this.pick(Promise.resolve(1));\n}',
        5,
        'this.pick(Promise.resolve(1))',
      ),
    ],
  },
  {
    name: 'near miss: Promise.all over dispose(): Promise<void> results can reject, so the floating disposal is reported',
    code: 'interface AsyncDisposable {\n  dispose(): Promise<void>;\n}\nclass DisposableList {\n  private items: AsyncDisposable[] = [];\n  dispose() {\n    const done = Promise.all(this.items.map((item) => item.dispose()));\n    this.items = [];\n    return done;\n  }\n}\nexport class Session {\n  private readonly disposables = new DisposableList();\n  dispose(): void {\n    this.disposables.dispose();\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 15,
        column: 5,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `interface AsyncDisposable {\n  dispose(): Promise<void>;\n}\nclass DisposableList {\n  private items: AsyncDisposable[] = [];\n  dispose() {\n    const done = Promise.all(this.items.map((item) => item.dispose()));\n    this.items = [];\n    return done;\n  }\n}\nexport class Session {\n  private readonly disposables = new DisposableList();\n  dispose(): void {\n    this.disposables.dispose()${CATCH};\n  }\n}`,
          },
          {
            messageId: 'addVoid',
            output: `interface AsyncDisposable {\n  dispose(): Promise<void>;\n}\nclass DisposableList {\n  private items: AsyncDisposable[] = [];\n  dispose() {\n    const done = Promise.all(this.items.map((item) => item.dispose()));\n    this.items = [];\n    return done;\n  }\n}\nexport class Session {\n  private readonly disposables = new DisposableList();\n  dispose(): void {\n    void this.disposables.dispose();\n  }\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'testCode: a floating assertion is reported (it runs after the test has passed and cannot fail it)',
    code: 'declare function expect(p: Promise<void>): { rejects: { toThrow(): Promise<void> } };\ndeclare const p: Promise<void>;\nexport async function t() {\n  expect(p).rejects.toThrow();\n}',
    options: [{ testCode: true }],
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 3,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function expect(p: Promise<void>): { rejects: { toThrow(): Promise<void> } };\ndeclare const p: Promise<void>;\nexport async function t() {\n  await expect(p).rejects.toThrow();\n}',
          },
          {
            messageId: 'returnPromise',
            output:
              'declare function expect(p: Promise<void>): { rejects: { toThrow(): Promise<void> } };\ndeclare const p: Promise<void>;\nexport async function t() {\n  return expect(p).rejects.toThrow();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function expect(p: Promise<void>): { rejects: { toThrow(): Promise<void> } };\ndeclare const p: Promise<void>;\nexport async function t() {\n  expect(p).rejects.toThrow()${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function expect(p: Promise<void>): { rejects: { toThrow(): Promise<void> } };\ndeclare const p: Promise<void>;\nexport async function t() {\n  void expect(p).rejects.toThrow();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'testCode: a floating assertion stored in a variable nobody reads, or dropped by an arrow with `void`, is reported',
    code: 'declare function expect(p: Promise<void>): { rejects: { toThrow(): Promise<void> } };\ndeclare const p: Promise<void>;\nexport async function t() {\n  const pending: Promise<void> = expect(p).rejects.toThrow();\n  return () => void expect(p).rejects.toThrow();\n}',
    options: [{ testCode: true, ignoreVoid: false }],
    output: null,
    errors: [
      { messageId: 'unusedPromiseVariable', line: 4, column: 9, endColumn: 16, suggestions: [] },
      { messageId: 'floatingPromise', line: 5, column: 16, endColumn: 48 },
    ],
  },
  {
    name: 'testCode: an assertion whose matchers depend on the asserted value (as in Playwright) or whose overload needs its type is still reported',
    code: PLAYWRIGHT_LIKE,
    options: [{ testCode: true }],
    output: null,
    errors: [
      floatingStatement(PLAYWRIGHT_LIKE, 9, 'expect(button).toBeVisible()'),
      floatingStatement(PLAYWRIGHT_LIKE, 12, 'assert(button).toBeVisible()'),
    ],
  },
  {
    name: 'testCode: an assertion declared to return an intersection with a promise, or an array of promises that `await` leaves floating, is still reported',
    code: MIXED_RESULTS,
    options: [{ testCode: true }],
    output: null,
    errors: [
      floatingStatement(MIXED_RESULTS, 5, 'expect(xs).saved()'),
      {
        messageId: 'awaitedArray',
        line: 8,
        column: 9,
        suggestions: [
          {
            messageId: 'addAwaitAll',
            output: MIXED_RESULTS.replace(
              'await expect(xs).each();',
              'await Promise.all(expect(xs).each());',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'testCode: matchers mapped to promises (as Vitest maps `rejects`): awaited is quiet, floating is reported',
    code: MAPPED_MATCHERS,
    options: [{ testCode: true }],
    output: null,
    errors: [floatingStatement(MAPPED_MATCHERS, 9, "expect(run()).rejects.toThrow('x')")],
  },
  {
    name: 'testCode: an async callback the caller ignores is still reported (the test ends before the callbacks do)',
    code: 'declare function check(x: number): Promise<void>;\nexport function t(xs: number[]) {\n  xs.forEach(async (x) => {\n    await check(x);\n  });\n}',
    options: [{ testCode: true }],
    output: null,
    errors: [
      { messageId: 'ignoredAsyncCallback', line: 3, column: 14, endColumn: 26, suggestions: [] },
    ],
  },
  {
    name: 'a helper in another file whose catch block rethrows can reject: reported',
    code: "import { sendOrFail } from './promise-helpers.js';\nexport function g() {\n  sendOrFail('x');\n}",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              "import { sendOrFail } from './promise-helpers.js';\nexport function g() {\n  return sendOrFail('x');\n}",
          },
          {
            messageId: 'addCatch',
            output: `import { sendOrFail } from './promise-helpers.js';\nexport function g() {\n  sendOrFail('x')${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              "import { sendOrFail } from './promise-helpers.js';\nexport function g() {\n  void sendOrFail('x');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a protocol client built by Proxy traps whose requests can reject: reported',
    code: 'interface DebuggerApi {\n  enable(params: object): Promise<object | undefined>;\n}\ninterface Api {\n  Debugger: DebuggerApi;\n}\nclass Session {\n  send(method: string, params: object): Promise<object | undefined> {\n    return this.sendOrDie(method, params).catch(() => undefined);\n  }\n  sendOrDie(method: string, params: object): Promise<object> {\n    return Promise.reject(new Error(`${method} ${String(params)}`));\n  }\n  api(): Api {\n    return new Proxy(\n      {},\n      {\n        get: (_target, domain: string) =>\n          new Proxy(\n            {},\n            {\n              get: (_inner, method: string) => (params: object) =>\n                this.sendOrDie(`${domain}.${method}`, params),\n            },\n          ),\n      },\n    ) as Api;\n  }\n}\nexport function enable(api: Api) {\n  api.Debugger.enable({});\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 31,
        column: 3,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              'interface DebuggerApi {\n  enable(params: object): Promise<object | undefined>;\n}\ninterface Api {\n  Debugger: DebuggerApi;\n}\nclass Session {\n  send(method: string, params: object): Promise<object | undefined> {\n    return this.sendOrDie(method, params).catch(() => undefined);\n  }\n  sendOrDie(method: string, params: object): Promise<object> {\n    return Promise.reject(new Error(`${method} ${String(params)}`));\n  }\n  api(): Api {\n    return new Proxy(\n      {},\n      {\n        get: (_target, domain: string) =>\n          new Proxy(\n            {},\n            {\n              get: (_inner, method: string) => (params: object) =>\n                this.sendOrDie(`${domain}.${method}`, params),\n            },\n          ),\n      },\n    ) as Api;\n  }\n}\nexport function enable(api: Api) {\n  return api.Debugger.enable({});\n}',
          },
          {
            messageId: 'addCatch',
            output: `interface DebuggerApi {\n  enable(params: object): Promise<object | undefined>;\n}\ninterface Api {\n  Debugger: DebuggerApi;\n}\nclass Session {\n  send(method: string, params: object): Promise<object | undefined> {\n    return this.sendOrDie(method, params).catch(() => undefined);\n  }\n  sendOrDie(method: string, params: object): Promise<object> {\n    return Promise.reject(new Error(\`\${method} \${String(params)}\`));\n  }\n  api(): Api {\n    return new Proxy(\n      {},\n      {\n        get: (_target, domain: string) =>\n          new Proxy(\n            {},\n            {\n              get: (_inner, method: string) => (params: object) =>\n                this.sendOrDie(\`\${domain}.\${method}\`, params),\n            },\n          ),\n      },\n    ) as Api;\n  }\n}\nexport function enable(api: Api) {\n  api.Debugger.enable({})${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'interface DebuggerApi {\n  enable(params: object): Promise<object | undefined>;\n}\ninterface Api {\n  Debugger: DebuggerApi;\n}\nclass Session {\n  send(method: string, params: object): Promise<object | undefined> {\n    return this.sendOrDie(method, params).catch(() => undefined);\n  }\n  sendOrDie(method: string, params: object): Promise<object> {\n    return Promise.reject(new Error(`${method} ${String(params)}`));\n  }\n  api(): Api {\n    return new Proxy(\n      {},\n      {\n        get: (_target, domain: string) =>\n          new Proxy(\n            {},\n            {\n              get: (_inner, method: string) => (params: object) =>\n                this.sendOrDie(`${domain}.${method}`, params),\n            },\n          ),\n      },\n    ) as Api;\n  }\n}\nexport function enable(api: Api) {\n  void api.Debugger.enable({});\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'an async method whose assignment calls a function can throw before its await: reported',
    code: "function quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.seen = Date.now();\n    await Promise.all([ready && quiet(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  worker.release(true);\n}",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 13,
        column: 3,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              "function quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.seen = Date.now();\n    await Promise.all([ready && quiet(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  return worker.release(true);\n}",
          },
          {
            messageId: 'addCatch',
            output: `function quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.seen = Date.now();\n    await Promise.all([ready && quiet(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  worker.release(true)${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              "function quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.seen = Date.now();\n    await Promise.all([ready && quiet(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  void worker.release(true);\n}",
          },
        ],
      },
    ],
  },
  {
    name: '`ready && save()` in Promise.all, where save can reject: reported',
    code: "declare function save(): Promise<void>;\nfunction quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.waiting = false;\n    await Promise.all([ready && save(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  worker.release(true);\n}",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 14,
        column: 3,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              "declare function save(): Promise<void>;\nfunction quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.waiting = false;\n    await Promise.all([ready && save(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  return worker.release(true);\n}",
          },
          {
            messageId: 'addCatch',
            output: `declare function save(): Promise<void>;\nfunction quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.waiting = false;\n    await Promise.all([ready && save(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  worker.release(true)${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              "declare function save(): Promise<void>;\nfunction quiet() {\n  return fetch('http://localhost/').catch(() => undefined);\n}\nclass Worker {\n  private waiting = true;\n  private seen = 0;\n  async release(ready: boolean): Promise<void> {\n    this.waiting = false;\n    await Promise.all([ready && save(), quiet()]);\n  }\n}\nexport function g(worker: Worker) {\n  void worker.release(true);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a helper whose catch block rethrows can reject: reported',
    code: "declare function send(m: string): Promise<void>;\nasync function sendOrThrow(m: string) {\n  try {\n    await send(m);\n  } catch (error) {\n    throw new Error(String(error));\n  }\n}\nexport function g() {\n  sendOrThrow('x');\n}",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 10,
        column: 3,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              "declare function send(m: string): Promise<void>;\nasync function sendOrThrow(m: string) {\n  try {\n    await send(m);\n  } catch (error) {\n    throw new Error(String(error));\n  }\n}\nexport function g() {\n  return sendOrThrow('x');\n}",
          },
          {
            messageId: 'addCatch',
            output: `declare function send(m: string): Promise<void>;\nasync function sendOrThrow(m: string) {\n  try {\n    await send(m);\n  } catch (error) {\n    throw new Error(String(error));\n  }\n}\nexport function g() {\n  sendOrThrow('x')${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              "declare function send(m: string): Promise<void>;\nasync function sendOrThrow(m: string) {\n  try {\n    await send(m);\n  } catch (error) {\n    throw new Error(String(error));\n  }\n}\nexport function g() {\n  void sendOrThrow('x');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a helper that returns the promise from its try block without awaiting it can reject: reported',
    code: "declare function send(m: string): Promise<void>;\nasync function sendLater(m: string) {\n  try {\n    return send(m);\n  } catch {\n    return undefined;\n  }\n}\nexport function g() {\n  sendLater('x');\n}",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 10,
        column: 3,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              "declare function send(m: string): Promise<void>;\nasync function sendLater(m: string) {\n  try {\n    return send(m);\n  } catch {\n    return undefined;\n  }\n}\nexport function g() {\n  return sendLater('x');\n}",
          },
          {
            messageId: 'addCatch',
            output: `declare function send(m: string): Promise<void>;\nasync function sendLater(m: string) {\n  try {\n    return send(m);\n  } catch {\n    return undefined;\n  }\n}\nexport function g() {\n  sendLater('x')${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              "declare function send(m: string): Promise<void>;\nasync function sendLater(m: string) {\n  try {\n    return send(m);\n  } catch {\n    return undefined;\n  }\n}\nexport function g() {\n  void sendLater('x');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'reportNonRejecting: a promise that cannot reject gets the message about ordering',
    code: "declare function send(m: string): Promise<void>;\nfunction notify(m: string) {\n  return send(m).catch(() => undefined);\n}\nexport function g() {\n  notify('x');\n}",
    options: [{ reportNonRejecting: true }],
    output: null,
    errors: [
      {
        messageId: 'floatingNonRejecting',
        line: 6,
        column: 3,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              "declare function send(m: string): Promise<void>;\nfunction notify(m: string) {\n  return send(m).catch(() => undefined);\n}\nexport function g() {\n  return notify('x');\n}",
          },
          {
            messageId: 'addVoid',
            output:
              "declare function send(m: string): Promise<void>;\nfunction notify(m: string) {\n  return send(m).catch(() => undefined);\n}\nexport function g() {\n  void notify('x');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a yielded value that the generator is sent back as a promise (no suggestion: `await yield` does not parse)',
    code: 'declare const x: number;\nexport function* generator(): Generator<number, void, Promise<number>> {\n  yield x;\n}',
    output: null,
    errors: [{ messageId: 'floatingPromise', line: 3, column: 3, endColumn: 10, suggestions: [] }],
  },
  {
    name: "honorTypescriptEslintComments: false reports lines carrying typescript-eslint's disable comment",
    code: 'declare function f(): Promise<void>;\nfunction g() {\n  // eslint-disable-next-line @typescript-eslint/no-floating-promises\n  f();\n}',
    options: [{ honorTypescriptEslintComments: false }],
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              'declare function f(): Promise<void>;\nfunction g() {\n  // eslint-disable-next-line @typescript-eslint/no-floating-promises\n  return f();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nfunction g() {\n  // eslint-disable-next-line @typescript-eslint/no-floating-promises\n  f()${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\nfunction g() {\n  // eslint-disable-next-line @typescript-eslint/no-floating-promises\n  void f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: "a block re-enabled by eslint-enable: typescript-eslint's comment covers only its block",
    code: 'declare function f(): Promise<void>;\n/* eslint-disable @typescript-eslint/no-floating-promises */\nf();\n/* eslint-enable @typescript-eslint/no-floating-promises */\nfunction g() {\n  f();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 6,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              'declare function f(): Promise<void>;\n/* eslint-disable @typescript-eslint/no-floating-promises */\nf();\n/* eslint-enable @typescript-eslint/no-floating-promises */\nfunction g() {\n  return f();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\n/* eslint-disable @typescript-eslint/no-floating-promises */\nf();\n/* eslint-enable @typescript-eslint/no-floating-promises */\nfunction g() {\n  f()${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\n/* eslint-disable @typescript-eslint/no-floating-promises */\nf();\n/* eslint-enable @typescript-eslint/no-floating-promises */\nfunction g() {\n  void f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a comment disabling another rule of typescript-eslint does not silence the finding',
    code: 'declare function f(): Promise<void>;\nfunction g() {\n  // eslint-disable-next-line @typescript-eslint/no-explicit-any\n  f();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              'declare function f(): Promise<void>;\nfunction g() {\n  // eslint-disable-next-line @typescript-eslint/no-explicit-any\n  return f();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nfunction g() {\n  // eslint-disable-next-line @typescript-eslint/no-explicit-any\n  f()${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\nfunction g() {\n  // eslint-disable-next-line @typescript-eslint/no-explicit-any\n  void f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'await comes after the handlers that keep timing where later code uses the object the promise came from (it may be what lets it settle)',
    code: "declare const page: { goto(url: string): Promise<void>; click(selector: string): Promise<void> };\nexport async function run() {\n  page.goto('/');\n  await page.click('#go');\n}",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `declare const page: { goto(url: string): Promise<void>; click(selector: string): Promise<void> };\nexport async function run() {\n  page.goto('/').catch((error) => { console.error(error); });\n  await page.click('#go');\n}`,
          },
          {
            messageId: 'addVoid',
            output: `declare const page: { goto(url: string): Promise<void>; click(selector: string): Promise<void> };\nexport async function run() {\n  void page.goto('/');\n  await page.click('#go');\n}`,
          },
          {
            messageId: 'addAwait',
            output: `declare const page: { goto(url: string): Promise<void>; click(selector: string): Promise<void> };\nexport async function run() {\n  await page.goto('/');\n  await page.click('#go');\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'await comes last where a later statement of an enclosing loop uses the same object',
    code: "import { once, type EventEmitter } from 'node:events';\nexport async function run(emitter: EventEmitter, n: number) {\n  for (let i = 0; i < n; i++) {\n    emitter.emit('tick', i);\n    once(emitter, 'tick');\n  }\n}",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 5,
        column: 5,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `import { once, type EventEmitter } from 'node:events';\nexport async function run(emitter: EventEmitter, n: number) {\n  for (let i = 0; i < n; i++) {\n    emitter.emit('tick', i);\n    once(emitter, 'tick').catch((error) => { console.error(error); });\n  }\n}`,
          },
          {
            messageId: 'addVoid',
            output: `import { once, type EventEmitter } from 'node:events';\nexport async function run(emitter: EventEmitter, n: number) {\n  for (let i = 0; i < n; i++) {\n    emitter.emit('tick', i);\n    void once(emitter, 'tick');\n  }\n}`,
          },
          {
            messageId: 'addAwait',
            output: `import { once, type EventEmitter } from 'node:events';\nexport async function run(emitter: EventEmitter, n: number) {\n  for (let i = 0; i < n; i++) {\n    emitter.emit('tick', i);\n    await once(emitter, 'tick');\n  }\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a call in an async function offers await, return, catch and void',
    code: 'declare function f(): Promise<void>;\nasync function g() {\n  f();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'declare function f(): Promise<void>;\nasync function g() {\n  await f();\n}',
          },
          {
            messageId: 'returnPromise',
            output: 'declare function f(): Promise<void>;\nasync function g() {\n  return f();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nasync function g() {\n  f()${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<void>;\nasync function g() {\n  void f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'not the last statement: no return suggestion',
    code: 'declare function f(): Promise<void>;\nasync function g() {\n  f();\n  await f();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\nasync function g() {\n  await f();\n  await f();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nasync function g() {\n  f()${CATCH};\n  await f();\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\nasync function g() {\n  void f();\n  await f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a sync function: await is not valid there, return is preferred',
    code: 'declare function f(): Promise<void>;\nfunction g() {\n  f();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'returnPromise',
            output: 'declare function f(): Promise<void>;\nfunction g() {\n  return f();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nfunction g() {\n  f()${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<void>;\nfunction g() {\n  void f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a declared void return type: returning the promise would not type-check',
    code: 'declare function f(): Promise<void>;\nfunction g(): void {\n  f();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nfunction g(): void {\n  f()${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<void>;\nfunction g(): void {\n  void f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a constructor cannot return the promise or await it',
    code: 'declare function f(): Promise<void>;\nclass A {\n  constructor() {\n    f();\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 5,
        endColumn: 8,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nclass A {\n  constructor() {\n    f()${CATCH};\n  }\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\nclass A {\n  constructor() {\n    void f();\n  }\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'an arrow function with a block body may return it',
    code: 'declare function f(): Promise<void>;\nexport const h = () => {\n  f();\n};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              'declare function f(): Promise<void>;\nexport const h = () => {\n  return f();\n};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nexport const h = () => {\n  f()${CATCH};\n};`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\nexport const h = () => {\n  void f();\n};',
          },
        ],
      },
    ],
  },
  {
    name: 'an async generator may await but not return a value',
    code: 'declare function f(): Promise<void>;\nexport async function* g() {\n  f();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\nexport async function* g() {\n  await f();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nexport async function* g() {\n  f()${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\nexport async function* g() {\n  void f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'module top level of an ES module allows top-level await',
    code: 'declare function f(): Promise<void>;\nf();\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 4,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'declare function f(): Promise<void>;\nawait f();\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nf()${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<void>;\nvoid f();\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'module top level of a CommonJS file: no top-level await',
    filename: 'file.cts',
    code: 'declare function f(): Promise<void>;\nf();\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 4,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nf()${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<void>;\nvoid f();\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a plain JavaScript file gets the same findings and JavaScript-only fixes',
    filename: 'script.js',
    code: 'async function f() {}\nexport async function g() {\n  f();\n  await f();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'async function f() {}\nexport async function g() {\n  await f();\n  await f();\n}',
          },
          {
            messageId: 'addCatch',
            output: `async function f() {}\nexport async function g() {\n  f()${CATCH};\n  await f();\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'async function f() {}\nexport async function g() {\n  void f();\n  await f();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a method call',
    code: 'declare const db: { save(): Promise<void> };\nexport async function g() {\n  db.save();\n  await db.save();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare const db: { save(): Promise<void> };\nexport async function g() {\n  await db.save();\n  await db.save();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare const db: { save(): Promise<void> };\nexport async function g() {\n  db.save()${CATCH};\n  await db.save();\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare const db: { save(): Promise<void> };\nexport async function g() {\n  void db.save();\n  await db.save();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'this.method() in a class method',
    code: 'export class S {\n  async save() {}\n  async run() {\n    this.save();\n    await this.save();\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 5,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'export class S {\n  async save() {}\n  async run() {\n    await this.save();\n    await this.save();\n  }\n}',
          },
          {
            messageId: 'addCatch',
            output: `export class S {\n  async save() {}\n  async run() {\n    this.save()${CATCH};\n    await this.save();\n  }\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'export class S {\n  async save() {}\n  async run() {\n    void this.save();\n    await this.save();\n  }\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'an optional call: the catch stays inside the optional chain',
    code: 'declare const db: { save(): Promise<void> } | undefined;\ndb?.save();\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare const db: { save(): Promise<void> } | undefined;\nawait db?.save();\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare const db: { save(): Promise<void> } | undefined;\ndb?.save()${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare const db: { save(): Promise<void> } | undefined;\nvoid db?.save();\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a new Promise statement',
    code: 'new Promise<void>((resolve) => resolve());\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 1,
        column: 1,
        endColumn: 42,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'await new Promise<void>((resolve) => resolve());\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `new Promise<void>((resolve) => resolve())${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output: 'void new Promise<void>((resolve) => resolve());\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a promise-valued identifier on its own',
    code: 'declare const p: Promise<number>;\np;\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 2,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'declare const p: Promise<number>;\nawait p;\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare const p: Promise<number>;\np${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output: 'declare const p: Promise<number>;\nvoid p;\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: '.then with only a fulfilment handler leaves rejections unhandled',
    code: 'declare function f(): Promise<number>;\nf().then((n) => n + 1);\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<number>;\nawait f().then((n) => n + 1);\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<number>;\nf().then((n) => n + 1)${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<number>;\nvoid f().then((n) => n + 1);\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: '.catch(null) handles nothing',
    code: 'declare function f(): Promise<number>;\nf().catch(null);\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'declare function f(): Promise<number>;\nawait f().catch(null);\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<number>;\nf().catch(null)${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<number>;\nvoid f().catch(null);\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: '.finally passes the rejection on',
    code: 'declare function f(): Promise<void>;\nf().finally(() => {});\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\nawait f().finally(() => {});\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nf().finally(() => {})${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<void>;\nvoid f().finally(() => {});\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'Promise.resolve() and Promise.all() statements',
    code: 'declare function f(): Promise<void>;\nPromise.all([f()]);\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'declare function f(): Promise<void>;\nawait Promise.all([f()]);\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nPromise.all([f()])${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<void>;\nvoid Promise.all([f()]);\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a conditional whose branches are both promises',
    code: 'declare function f(): Promise<void>;\ndeclare const c: boolean;\nc ? f() : f();\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 1,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\ndeclare const c: boolean;\nawait (c ? f() : f());\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\ndeclare const c: boolean;\n(c ? f() : f())${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\ndeclare const c: boolean;\nvoid (c ? f() : f());\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a conditional with one non-promise branch: no catch, which would not type-check',
    code: 'declare function f(): Promise<void>;\ndeclare const c: boolean;\nc ? f() : 0;\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 1,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\ndeclare const c: boolean;\nawait (c ? f() : 0);\nexport {};',
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\ndeclare const c: boolean;\nvoid (c ? f() : 0);\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a logical expression',
    code: 'declare function f(): Promise<void>;\ndeclare const c: boolean;\nc && f();\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 1,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\ndeclare const c: boolean;\nawait (c && f());\nexport {};',
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\ndeclare const c: boolean;\nvoid (c && f());\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a comma expression reports the dropped element only',
    code: 'declare function f(): Promise<void>;\nlet n = 0;\n(f(), n++);\nexport {};',
    output: null,
    errors: [{ messageId: 'floatingPromise', line: 3, column: 2, endColumn: 5, suggestions: [] }],
  },
  {
    name: 'ASI: a statement that would start with ( after a line without semicolon gets a leading semicolon',
    code: 'declare function f(): Promise<void>\ndeclare const c: boolean\nconst n = 1\nc ? f() : f()\nexport { n }',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 1,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>\ndeclare const c: boolean\nconst n = 1\nawait (c ? f() : f())\nexport { n }',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>\ndeclare const c: boolean\nconst n = 1\n;(c ? f() : f())${CATCH}\nexport { n }`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>\ndeclare const c: boolean\nconst n = 1\nvoid (c ? f() : f())\nexport { n }',
          },
        ],
      },
    ],
  },
  {
    name: 'an array of promises',
    code: 'declare function f(): Promise<void>;\n[f(), f()];\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromiseArray',
        line: 2,
        column: 1,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'addAwaitAll',
            output:
              'declare function f(): Promise<void>;\nawait Promise.all([f(), f()]);\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nPromise.all([f(), f()])${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output: 'declare function f(): Promise<void>;\nvoid [f(), f()];\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'map with an async callback whose result is dropped',
    code: 'declare const xs: number[];\nasync function g() {\n  xs.map(async (x) => x);\n  await g();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromiseArray',
        line: 3,
        column: 3,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'addAwaitAll',
            output:
              'declare const xs: number[];\nasync function g() {\n  await Promise.all(xs.map(async (x) => x));\n  await g();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare const xs: number[];\nasync function g() {\n  Promise.all(xs.map(async (x) => x))${CATCH};\n  await g();\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare const xs: number[];\nasync function g() {\n  void xs.map(async (x) => x);\n  await g();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'ignoreVoid: false reports void and does not offer it',
    code: 'declare function f(): Promise<void>;\nvoid f();\nexport {};',
    options: [{ ignoreVoid: false }],
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 6,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'declare function f(): Promise<void>;\nawait f();\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\nf()${CATCH};\nexport {};`,
          },
        ],
      },
    ],
  },
  {
    name: 'checkThenables: an async wrapper that awaits a thenable is reported like the thenable',
    code: "interface Thenable<T> {\n  then<R>(onOk?: (value: T) => R, onError?: (reason: unknown) => R): Thenable<R>;\n}\ndeclare const commands: { executeCommand(command: string, ...rest: unknown[]): Thenable<unknown> };\nexport const setContextKey = async (key: string, value: boolean) =>\n  await commands.executeCommand('setContext', key, value);\nexport function update() {\n  setContextKey('ready', true);\n}",
    options: [{ checkThenables: true }],
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 8,
        column: 3,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              "interface Thenable<T> {\n  then<R>(onOk?: (value: T) => R, onError?: (reason: unknown) => R): Thenable<R>;\n}\ndeclare const commands: { executeCommand(command: string, ...rest: unknown[]): Thenable<unknown> };\nexport const setContextKey = async (key: string, value: boolean) =>\n  await commands.executeCommand('setContext', key, value);\nexport function update() {\n  return setContextKey('ready', true);\n}",
          },
          {
            messageId: 'addCatch',
            output:
              "interface Thenable<T> {\n  then<R>(onOk?: (value: T) => R, onError?: (reason: unknown) => R): Thenable<R>;\n}\ndeclare const commands: { executeCommand(command: string, ...rest: unknown[]): Thenable<unknown> };\nexport const setContextKey = async (key: string, value: boolean) =>\n  await commands.executeCommand('setContext', key, value);\nexport function update() {\n  setContextKey('ready', true).catch((error) => { console.error(error); });\n}",
          },
          {
            messageId: 'addVoid',
            output:
              "interface Thenable<T> {\n  then<R>(onOk?: (value: T) => R, onError?: (reason: unknown) => R): Thenable<R>;\n}\ndeclare const commands: { executeCommand(command: string, ...rest: unknown[]): Thenable<unknown> };\nexport const setContextKey = async (key: string, value: boolean) =>\n  await commands.executeCommand('setContext', key, value);\nexport function update() {\n  void setContextKey('ready', true);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'an async arrow whose body is a call that is no promise can still reject: the call can throw',
    code: 'declare function compute(): number;\nconst run = async () => compute();\nexport function g() {\n  run();\n}',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 3,
        endColumn: 8,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              'declare function compute(): number;\nconst run = async () => compute();\nexport function g() {\n  return run();\n}',
          },
          {
            messageId: 'addCatch',
            output:
              'declare function compute(): number;\nconst run = async () => compute();\nexport function g() {\n  run().catch((error) => { console.error(error); });\n}',
          },
          {
            messageId: 'addVoid',
            output:
              'declare function compute(): number;\nconst run = async () => compute();\nexport function g() {\n  void run();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'an async arrow whose body awaits a promise that can reject',
    code: "declare function send(m: string): Promise<void>;\nconst later = async () => await send('x');\nexport function g() {\n  later();\n}",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 3,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'returnPromise',
            output:
              "declare function send(m: string): Promise<void>;\nconst later = async () => await send('x');\nexport function g() {\n  return later();\n}",
          },
          {
            messageId: 'addCatch',
            output:
              "declare function send(m: string): Promise<void>;\nconst later = async () => await send('x');\nexport function g() {\n  later().catch((error) => { console.error(error); });\n}",
          },
          {
            messageId: 'addVoid',
            output:
              "declare function send(m: string): Promise<void>;\nconst later = async () => await send('x');\nexport function g() {\n  void later();\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'checkThenables reports any thenable',
    code: 'declare const t: PromiseLike<number>;\nt;\nexport {};',
    options: [{ checkThenables: true }],
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 2,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'declare const t: PromiseLike<number>;\nawait t;\nexport {};',
          },
          {
            messageId: 'addVoid',
            output: 'declare const t: PromiseLike<number>;\nvoid t;\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'an async IIFE: only its first line is underlined, not the whole statement',
    code: 'declare function f(): Promise<void>;\n(async () => {\n  await f();\n})();\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\nawait (async () => {\n  await f();\n})();\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<void>;\n(async () => {\n  await f();\n})()${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\nvoid (async () => {\n  await f();\n})();\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a subclass of Promise',
    code: 'class Task extends Promise<void> {}\ndeclare const t: Task;\nt;\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 1,
        endColumn: 2,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'class Task extends Promise<void> {}\ndeclare const t: Task;\nawait t;\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `class Task extends Promise<void> {}\ndeclare const t: Task;\nt${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output:
              'class Task extends Promise<void> {}\ndeclare const t: Task;\nvoid t;\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a promise or undefined: no catch outside an optional chain',
    code: 'declare const p: Promise<void> | undefined;\np;\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 2,
        suggestions: [
          {
            messageId: 'addAwait',
            output: 'declare const p: Promise<void> | undefined;\nawait p;\nexport {};',
          },
          {
            messageId: 'addVoid',
            output: 'declare const p: Promise<void> | undefined;\nvoid p;\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a type assertion around the promise',
    code: 'declare function f(): Promise<unknown>;\nf() as Promise<number>;\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<unknown>;\nawait (f() as Promise<number>);\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<unknown>;\n(f() as Promise<number>)${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<unknown>;\nvoid (f() as Promise<number>);\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: "node:test's TestContext.test is not exempt: an unawaited subtest is cancelled",
    code: "import { test } from 'node:test';\ntest('outer', async (t) => {\n  t.test('inner', () => {});\n  await t.test('other', () => {});\n});",
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 3,
        column: 3,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              "import { test } from 'node:test';\ntest('outer', async (t) => {\n  await t.test('inner', () => {});\n  await t.test('other', () => {});\n});",
          },
          {
            messageId: 'addCatch',
            output: `import { test } from 'node:test';\ntest('outer', async (t) => {\n  t.test('inner', () => {})${CATCH};\n  await t.test('other', () => {});\n});`,
          },
          {
            messageId: 'addVoid',
            output:
              "import { test } from 'node:test';\ntest('outer', async (t) => {\n  void t.test('inner', () => {});\n  await t.test('other', () => {});\n});",
          },
        ],
      },
    ],
  },
  {
    name: 'a user allow entry for one name does not exempt others',
    code: 'declare function fireAndForget(): Promise<void>;\ndeclare function other(): Promise<void>;\nfireAndForget();\nother();\nexport {};',
    options: [{ allow: [{ from: 'file', name: 'fireAndForget' }] }],
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 1,
        endColumn: 8,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function fireAndForget(): Promise<void>;\ndeclare function other(): Promise<void>;\nfireAndForget();\nawait other();\nexport {};',
          },
          {
            messageId: 'addCatch',
            output: `declare function fireAndForget(): Promise<void>;\ndeclare function other(): Promise<void>;\nfireAndForget();\nother()${CATCH};\nexport {};`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function fireAndForget(): Promise<void>;\ndeclare function other(): Promise<void>;\nfireAndForget();\nvoid other();\nexport {};',
          },
        ],
      },
    ],
  },
  // --- a promise stored in a variable and never consumed ---------------------------------------------------
  {
    name: 'a task created and dropped',
    code: 'declare function backgroundTask(): Promise<void>;\nexport async function g() {\n  const task = backgroundTask();\n  await g();\n}',
    output: null,
    errors: [
      {
        messageId: 'unusedPromiseVariable',
        data: { name: 'task' },
        line: 3,
        column: 9,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function backgroundTask(): Promise<void>;\nexport async function g() {\n  await backgroundTask();\n  await g();\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare function backgroundTask(): Promise<void>;\nexport async function g() {\n  backgroundTask()${CATCH};\n  await g();\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function backgroundTask(): Promise<void>;\nexport async function g() {\n  void backgroundTask();\n  await g();\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a dropped task at module top level without a semicolon',
    code: 'declare function backgroundTask(): Promise<void>\nlet task = backgroundTask()\nexport {}',
    output: null,
    errors: [
      {
        messageId: 'unusedPromiseVariable',
        data: { name: 'task' },
        line: 2,
        column: 5,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function backgroundTask(): Promise<void>\nawait backgroundTask()\nexport {}',
          },
          {
            messageId: 'addCatch',
            output: `declare function backgroundTask(): Promise<void>\nbackgroundTask()${CATCH}\nexport {}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function backgroundTask(): Promise<void>\nvoid backgroundTask()\nexport {}',
          },
        ],
      },
    ],
  },
  {
    name: 'a dropped task with a type annotation gets no rewrite',
    code: 'declare function f(): Promise<void>;\nexport function g() {\n  const task: Promise<void> = f();\n}',
    output: null,
    errors: [
      {
        messageId: 'unusedPromiseVariable',
        data: { name: 'task' },
        line: 3,
        column: 9,
        endColumn: 13,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a task variable overwritten without being read',
    code: 'declare function f(): Promise<void>;\nexport function g() {\n  let task = f();\n  task = f();\n}',
    output: null,
    errors: [
      {
        messageId: 'unusedPromiseVariable',
        data: { name: 'task' },
        line: 3,
        column: 7,
        endColumn: 11,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a dropped task among several declarators',
    code: 'declare function f(): Promise<void>;\nexport function g() {\n  const task = f(), n = 1;\n  return n;\n}',
    output: null,
    errors: [
      {
        messageId: 'unusedPromiseVariable',
        data: { name: 'task' },
        line: 3,
        column: 9,
        endColumn: 13,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a dropped task chained with then (no rejection handler)',
    code: 'declare function f(): Promise<number>;\nexport function g() {\n  const doubled = f().then((n) => n * 2);\n}',
    output: null,
    errors: [
      {
        messageId: 'unusedPromiseVariable',
        data: { name: 'doubled' },
        line: 3,
        column: 9,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'addCatch',
            output: `declare function f(): Promise<number>;\nexport function g() {\n  f().then((n) => n * 2)${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<number>;\nexport function g() {\n  void f().then((n) => n * 2);\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'an array of tasks stored and never awaited',
    code: 'declare const urls: string[];\ndeclare function load(u: string): Promise<void>;\nexport async function g() {\n  const tasks = urls.map(load);\n}',
    output: null,
    errors: [
      {
        messageId: 'unusedPromiseVariable',
        data: { name: 'tasks' },
        line: 4,
        column: 9,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'addAwaitAll',
            output:
              'declare const urls: string[];\ndeclare function load(u: string): Promise<void>;\nexport async function g() {\n  await Promise.all(urls.map(load));\n}',
          },
          {
            messageId: 'addCatch',
            output: `declare const urls: string[];\ndeclare function load(u: string): Promise<void>;\nexport async function g() {\n  Promise.all(urls.map(load))${CATCH};\n}`,
          },
          {
            messageId: 'addVoid',
            output:
              'declare const urls: string[];\ndeclare function load(u: string): Promise<void>;\nexport async function g() {\n  void urls.map(load);\n}',
          },
        ],
      },
    ],
  },
  // --- async callbacks whose promise the caller drops --------------------------------------------------------
  {
    name: 'forEach with an async callback in an async function: for…of first, then Promise.all',
    code: 'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  ids.forEach(async (id) => {\n    await save(id);\n  });\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 4,
        column: 15,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'rewriteForOf',
            output:
              'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  for (const id of ids) {\n    await save(id);\n  }\n}',
          },
          {
            messageId: 'rewritePromiseAllMap',
            output:
              'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  await Promise.all(ids.map(async (id) => {\n    await save(id);\n  }));\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'forEach with a callback that returns a promise without being async',
    code: 'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  ids.forEach((id) => save(id));\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 4,
        column: 15,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'rewriteForOf',
            output:
              'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  for (const id of ids) { await save(id); }\n}',
          },
          {
            messageId: 'rewritePromiseAllMap',
            output:
              'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  await Promise.all(ids.map((id) => save(id)));\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'forEach with a typed, destructured parameter drops the annotation in the loop',
    code: 'interface U { id: string }\ndeclare const users: U[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  users.forEach(async ({ id }: U) => { await save(id); });\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 5,
        column: 17,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'rewriteForOf',
            output:
              'interface U { id: string }\ndeclare const users: U[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  for (const { id } of users) { await save(id); }\n}',
          },
          {
            messageId: 'rewritePromiseAllMap',
            output:
              'interface U { id: string }\ndeclare const users: U[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  await Promise.all(users.map(async ({ id }: U) => { await save(id); }));\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'forEach whose callback reassigns its parameter loops with let',
    code: 'declare const ns: number[];\ndeclare function save(n: number): Promise<void>;\nexport async function g() {\n  ns.forEach(async (n) => { n += 1; await save(n); });\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 4,
        column: 14,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'rewriteForOf',
            output:
              'declare const ns: number[];\ndeclare function save(n: number): Promise<void>;\nexport async function g() {\n  for (let n of ns) { n += 1; await save(n); }\n}',
          },
          {
            messageId: 'rewritePromiseAllMap',
            output:
              'declare const ns: number[];\ndeclare function save(n: number): Promise<void>;\nexport async function g() {\n  await Promise.all(ns.map(async (n) => { n += 1; await save(n); }));\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'forEach whose callback returns early cannot become a loop',
    code: 'declare const ns: number[];\ndeclare function save(n: number): Promise<void>;\nexport async function g() {\n  ns.forEach(async (n) => { if (n < 0) return; await save(n); });\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 4,
        column: 14,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'rewritePromiseAllMap',
            output:
              'declare const ns: number[];\ndeclare function save(n: number): Promise<void>;\nexport async function g() {\n  await Promise.all(ns.map(async (n) => { if (n < 0) return; await save(n); }));\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'forEach with the index parameter keeps the callback',
    code: 'declare const ns: number[];\ndeclare function save(n: number, i: number): Promise<void>;\nexport async function g() {\n  ns.forEach(async (n, i) => { await save(n, i); });\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 4,
        column: 14,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'rewritePromiseAllMap',
            output:
              'declare const ns: number[];\ndeclare function save(n: number, i: number): Promise<void>;\nexport async function g() {\n  await Promise.all(ns.map(async (n, i) => { await save(n, i); }));\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'forEach with a function expression that uses this keeps the callback',
    code: 'declare const ns: number[];\nexport async function g(this: { save(n: number): Promise<void> }) {\n  ns.forEach(async function (n) { await this.save(n); }, this);\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 3,
        column: 14,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'rewritePromiseAllMap',
            output:
              'declare const ns: number[];\nexport async function g(this: { save(n: number): Promise<void> }) {\n  await Promise.all(ns.map(async function (n) { await this.save(n); }, this));\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'forEach with a named async function',
    code: 'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  ids.forEach(save);\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 4,
        column: 15,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'rewritePromiseAllMap',
            output:
              'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  await Promise.all(ids.map(save));\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'forEach in a sync function: no suggestion can await',
    code: 'declare const ids: string[];\ndeclare function save(id: string): Promise<void>;\nexport function g() {\n  ids.forEach(async (id) => { await save(id); });\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 4,
        column: 15,
        endColumn: 28,
        suggestions: [],
      },
    ],
  },
  {
    name: 'forEach on a Set: reported, but a for…of over a Set is not an array rewrite',
    code: 'declare const ids: Set<string>;\ndeclare function save(id: string): Promise<void>;\nexport async function g() {\n  ids.forEach(async (id) => { await save(id); });\n}',
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'forEach' },
        line: 4,
        column: 15,
        endColumn: 28,
        suggestions: [],
      },
    ],
  },
  {
    name: 'checkAllVoidCallbacks: setTimeout with an async callback',
    code: 'declare function f(): Promise<void>;\nsetTimeout(async () => { await f(); }, 10);',
    options: [{ checkAllVoidCallbacks: true }],
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'setTimeout' },
        line: 2,
        column: 12,
        endColumn: 23,
        suggestions: [],
      },
    ],
  },
  {
    name: 'checkAllVoidCallbacks: an async Promise executor',
    code: 'declare function f(): Promise<number>;\nexport const p = new Promise<number>(async (resolve) => { resolve(await f()); });',
    options: [{ checkAllVoidCallbacks: true }],
    output: null,
    errors: [
      {
        messageId: 'ignoredAsyncCallback',
        data: { callee: 'Promise' },
        line: 2,
        column: 38,
        endColumn: 56,
        suggestions: [],
      },
    ],
  },
  {
    name: 'an async function called where it is written is reported without ignoreIIFE',
    code: 'declare function f(): Promise<void>;\n(async () => {\n  await f();\n})();\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 2,
        column: 1,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\nawait (async () => {\n  await f();\n})();\nexport {};',
          },
          {
            messageId: 'addCatch',
            output:
              'declare function f(): Promise<void>;\n(async () => {\n  await f();\n})().catch((error) => { console.error(error); });\nexport {};',
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\nvoid (async () => {\n  await f();\n})();\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a right operand that may run is reported: a boolean &&, a maybe-undefined ??',
    code: 'declare function f(): Promise<void>;\ndeclare const ready: boolean;\ndeclare const name: string | undefined;\nready && f();\nname ?? f();\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 1,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\ndeclare const ready: boolean;\ndeclare const name: string | undefined;\nawait (ready && f());\nname ?? f();\nexport {};',
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\ndeclare const ready: boolean;\ndeclare const name: string | undefined;\nvoid (ready && f());\nname ?? f();\nexport {};',
          },
        ],
      },
      {
        messageId: 'floatingPromise',
        line: 5,
        column: 1,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare function f(): Promise<void>;\ndeclare const ready: boolean;\ndeclare const name: string | undefined;\nready && f();\nawait (name ?? f());\nexport {};',
          },
          {
            messageId: 'addVoid',
            output:
              'declare function f(): Promise<void>;\ndeclare const ready: boolean;\ndeclare const name: string | undefined;\nready && f();\nvoid (name ?? f());\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: 'a rejection handler that may not be a function handles nothing',
    code: 'declare const p: Promise<void>;\ndeclare const maybe: string | (() => void);\ndeclare const optional: (() => void) | undefined;\np.then(() => {}, maybe);\np.catch(optional);\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'floatingPromise',
        line: 4,
        column: 1,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'addCatch',
            output:
              'declare const p: Promise<void>;\ndeclare const maybe: string | (() => void);\ndeclare const optional: (() => void) | undefined;\np.then(() => {}, maybe).catch((error) => { console.error(error); });\np.catch(optional);\nexport {};',
          },
          {
            messageId: 'addVoid',
            output:
              'declare const p: Promise<void>;\ndeclare const maybe: string | (() => void);\ndeclare const optional: (() => void) | undefined;\nvoid p.then(() => {}, maybe);\np.catch(optional);\nexport {};',
          },
          {
            messageId: 'addAwait',
            output:
              'declare const p: Promise<void>;\ndeclare const maybe: string | (() => void);\ndeclare const optional: (() => void) | undefined;\nawait p.then(() => {}, maybe);\np.catch(optional);\nexport {};',
          },
        ],
      },
      {
        messageId: 'floatingPromise',
        line: 5,
        column: 1,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'addAwait',
            output:
              'declare const p: Promise<void>;\ndeclare const maybe: string | (() => void);\ndeclare const optional: (() => void) | undefined;\np.then(() => {}, maybe);\nawait p.catch(optional);\nexport {};',
          },
          {
            messageId: 'addCatch',
            output:
              'declare const p: Promise<void>;\ndeclare const maybe: string | (() => void);\ndeclare const optional: (() => void) | undefined;\np.then(() => {}, maybe);\np.catch(optional).catch((error) => { console.error(error); });\nexport {};',
          },
          {
            messageId: 'addVoid',
            output:
              'declare const p: Promise<void>;\ndeclare const maybe: string | (() => void);\ndeclare const optional: (() => void) | undefined;\np.then(() => {}, maybe);\nvoid p.catch(optional);\nexport {};',
          },
        ],
      },
    ],
  },
  {
    name: '`await` on an array of promises waits for none of them; the suggestion awaits them all',
    code: 'declare const tasks: Promise<void>[];\nasync function g() {\n  await tasks;\n}\nexport { g };',
    output: null,
    errors: [
      {
        messageId: 'awaitedArray',
        line: 3,
        column: 9,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'addAwaitAll',
            output:
              'declare const tasks: Promise<void>[];\nasync function g() {\n  await Promise.all(tasks);\n}\nexport { g };',
          },
        ],
      },
    ],
  },
  {
    name: 'ignoreVoid: false reports an arrow whose body voids a promise, without a suggestion',
    code: "declare function save(): Promise<void>;\ndeclare function on(event: string, listener: () => void): void;\non('click', () => void save());\nexport {};",
    options: [{ ignoreVoid: false }],
    output: null,
    errors: [{ messageId: 'floatingPromise', line: 3, column: 19, endColumn: 30, suggestions: [] }],
  },
];
