// The test table of `prefer-concurrent-awaits`, shared by the rule test (run with type information from
// test/fixtures/typed, whose concurrent-helpers.ts holds the helpers that cross-function cases await) and by the
// tests that compile every case and suggestion output and lint the outputs again.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type loopguard from 'eslint-plugin-loopguard';

type Options = loopguard.RuleOptions['prefer-concurrent-awaits'];
type MessageIds = loopguard.RuleMessageIds['prefer-concurrent-awaits'];

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'a DELETE written in the query text is a write and keeps its place after the work before it',
    code: '/// <reference path="./fan-out-vendor.d.ts" />\nimport { Client } from \'pg\';\ndeclare function summarize(day: string): Promise<number>;\nexport async function run(db: Client, day: string) {\n  const total = await summarize(day);\n  await db.query(`\n    DELETE FROM daily WHERE day = $1`, [day]);\n  return total;\n}',
  },
  {
    name: 'calls handed the same transaction (`{ transaction }`) run on one connection, one query at a time',
    code: 'declare class Transaction {\n  commit(): Promise<void>;\n}\ndeclare const users: { find(id: string, options: { transaction?: Transaction }): Promise<string> };\ndeclare const teams: { findAll(options: { transaction?: Transaction }): Promise<string[]> };\nexport async function run(transaction: Transaction) {\n  const user = await users.find("a", { transaction });\n  const all = await teams.findAll({ transaction: transaction });\n  return [user, all];\n}',
  },
  {
    name: 'calls handed the same transaction as an argument',
    code: 'declare class Transaction {\n  commit(): Promise<void>;\n}\ndeclare function loadUser(trx: Transaction, id: string): Promise<string>;\ndeclare function loadTeams(trx: Transaction): Promise<string[]>;\nexport async function run(trx: Transaction) {\n  const user = await loadUser(trx, "a");\n  const all = await loadTeams(trx);\n  return [user, all];\n}',
  },
  {
    name: 'the second call uses the first result',
    code: "import { fetchUser, fetchOrders } from './concurrent-helpers.js';\nexport async function run(id: string) {\n  const user = await fetchUser(id);\n  const orders = await fetchOrders(user.teamId);\n  return orders;\n}",
  },
  {
    name: 'the second call uses a binding destructured from the first',
    code: 'declare function getAccount(): Promise<{ id: string }>;\ndeclare function countOrders(id: string): Promise<number>;\nexport async function run() {\n  const { id } = await getAccount();\n  const n = await countOrders(id);\n  return n;\n}',
  },
  {
    name: 'the second call reads the first result in a callback',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function computeLater(task: () => number): Promise<number>;\nexport async function run() {\n  const a = await loadCount();\n  const b = await computeLater(() => a + 1);\n  return b;\n}',
  },
  {
    name: 'a single await',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await loadCount();\n  return a;\n}',
  },
  {
    name: 'a statement between the awaits orders them',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await loadCount();\n  console.log("first done");\n  const b = await loadName();\n  return [a, b];\n}',
  },
  {
    name: 'calls on the same receiver (db.insert, then db.query)',
    code: 'declare const db: { findUser(id: string): Promise<string>; query(sql: string): Promise<string[]> };\nexport async function run() {\n  await db.findUser("a");\n  const rows = await db.query("select");\n  return rows;\n}',
  },
  {
    name: 'calls on the same receiver through this',
    code: 'export class Service {\n  async loadCount(): Promise<number> {\n    return 1;\n  }\n  async loadName(): Promise<string> {\n    return "a";\n  }\n  async run() {\n    const n = await this.loadCount();\n    const name = await this.loadName();\n    return [n, name];\n  }\n}',
  },
  {
    name: 'calls on the same nested receiver',
    code: 'declare const db: { users: { findOne(name: string): Promise<string>; count(): Promise<number> } };\nexport async function run() {\n  const one = await db.users.findOne("a");\n  const n = await db.users.count();\n  return [one, n];\n  return n;\n}',
  },
  {
    name: 'a method named as a write (refresh) may change its object and keeps its place',
    code: 'declare const session: { refresh(): Promise<void>; api: { get(path: string): Promise<string> } };\nexport async function run() {\n  await session.refresh();\n  const me = await session.api.get("/me");\n  return me;\n}',
  },
  {
    name: 'inside the try block of a try/finally',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function release(): void;\nexport async function run() {\n  try {\n    await loadCount();\n    await loadName();\n  } finally {\n    release();\n  }\n}',
  },
  {
    name: 'inside a block nested in the try block of a try/finally',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function release(): void;\nexport async function run(ok: boolean) {\n  try {\n    if (ok) {\n      await loadCount();\n      await loadName();\n    }\n  } finally {\n    release();\n  }\n}',
  },
  {
    name: 'an assignment in an awaited expression',
    code: 'declare function loadItem(n: number): Promise<number>;\nexport async function run() {\n  let n = 0;\n  const a = await loadItem(n = 1);\n  const b = await loadItem(n);\n  return [a, b];\n}',
  },
  {
    name: 'an update in an awaited expression',
    code: 'declare function loadItem(n: number): Promise<number>;\nexport async function run() {\n  let i = 0;\n  const a = await loadItem(i++);\n  const b = await loadItem(i++);\n  return [a, b];\n}',
  },
  {
    name: 'an assignment in a callback of an awaited expression',
    code: 'declare function checkEach(task: () => void): Promise<void>;\ndeclare function loadCount(): Promise<number>;\nexport async function run() {\n  let seen = 0;\n  await checkEach(() => {\n    seen = 1;\n  });\n  const a = await loadCount();\n  return [a, seen];\n}',
  },
  {
    name: 'assignments to existing variables are not declarations',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  let a = 0;\n  let b = "";\n  a = await loadCount();\n  b = await loadName();\n  return [a, b];\n}',
  },
  {
    name: 'promises started earlier (no-unhandled-task-rejection reports those)',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const first = loadCount();\n  const second = loadName();\n  const a = await first;\n  const b = await second;\n  return [a, b];\n}',
  },
  {
    name: 'awaiting values that are not promises',
    code: 'declare function loadCount(): number;\ndeclare function loadName(): string;\nexport async function run() {\n  const a = await loadCount();\n  const b = await loadName();\n  return [a, b];\n}',
  },
  {
    name: 'an await nested in the awaited call',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function loadItem(n: number): Promise<number>;\nexport async function run() {\n  const a = await loadItem(await loadCount());\n  const b = await loadName();\n  return [a, b];\n}',
  },
  {
    name: 'a delay between the awaits (node:timers/promises)',
    code: "import { setTimeout as delay } from 'node:timers/promises';\ndeclare function loadCount(): Promise<number>;\nexport async function run() {\n  await delay(500);\n  const a = await loadCount();\n  return a;\n}",
  },
  {
    name: 'a delay through a project helper',
    code: "import { sleep } from './concurrent-helpers.js';\ndeclare function checkDone(): Promise<boolean>;\nexport async function run() {\n  await sleep(100);\n  const done = await checkDone();\n  return done;\n}",
  },
  {
    name: 'a deliberate turn of the event loop',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  await Promise.resolve();\n  const a = await loadCount();\n  return a;\n}',
  },
  {
    name: 'hidden state: a helper that logs in, then one that reads the session',
    code: "import { logIn, currentUser } from './concurrent-helpers.js';\nexport async function run() {\n  await logIn('ada');\n  const user = await currentUser();\n  return user;\n}",
  },
  {
    name: 'hidden state: a cache written by one helper and read by the other',
    code: "import { remember, recall } from './concurrent-helpers.js';\nexport async function run() {\n  await remember('theme', 'dark');\n  const theme = await recall('theme');\n  return theme;\n}",
  },
  {
    name: 'hidden state: module state of this file changed by one function and read by the other',
    code: 'let token = "";\nasync function refresh(): Promise<void> {\n  token = "new";\n}\nasync function load(): Promise<string> {\n  return `data for ${token}`;\n}\nexport async function run() {\n  await refresh();\n  const data = await load();\n  return data;\n}',
  },
  {
    name: 'a mutable object passed to both calls',
    code: 'interface Order { id: string; total: number }\ndeclare function checkOrder(order: Order): Promise<void>;\ndeclare function formatOrder(order: Order): Promise<string>;\nexport async function run(order: Order) {\n  await checkOrder(order);\n  await formatOrder(order);\n}',
  },
  {
    name: 'a mutable array passed to both calls',
    code: 'declare function countItems(items: string[]): Promise<number>;\ndeclare function renderItems(items: string[]): Promise<string>;\nexport async function run(items: string[]) {\n  await countItems(items);\n  await renderItems(items);\n}',
  },
  {
    name: 'a mutable object passed to one call and the receiver of the other',
    code: 'interface Cart { items: string[]; loadTotals(): Promise<number> }\ndeclare function checkGift(cart: Cart): Promise<void>;\nexport async function run(cart: Cart) {\n  await checkGift(cart);\n  await cart.loadTotals();\n}',
  },
  {
    name: 'a file written, then read',
    code: "import { writeFile, readFile } from 'node:fs/promises';\nexport async function run() {\n  await writeFile('out.json', '{}');\n  const text = await readFile('out.json', 'utf8');\n  return text;\n}",
  },
  {
    name: 'a folder created, then a file written into it',
    code: "import { mkdir, writeFile } from 'node:fs/promises';\nexport async function run(dir: string) {\n  await mkdir(dir, { recursive: true });\n  await writeFile(`${dir}/index.html`, '<!doctype html>');\n}",
  },
  {
    name: 'a check, then a write that relies on it',
    code: "import { access, rm } from 'node:fs/promises';\nexport async function run(dir: string) {\n  await access(dir);\n  await rm(dir, { recursive: true });\n}",
  },
  {
    name: 'two commands in child processes',
    code: "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst run = promisify(exec);\nexport async function commit() {\n  await run('git add -A');\n  await run('git commit -m wip');\n}",
  },
  {
    name: 'a request that writes, then one that reads',
    code: "import { placeOrder, fetchOrders, type Order } from './concurrent-helpers.js';\nexport async function run(order: Order) {\n  await placeOrder(order);\n  const orders = await fetchOrders('me');\n  return orders;\n}",
  },
  {
    name: 'a request whose method is not written out may write',
    code: "export async function run(init: RequestInit) {\n  const a = await fetch('/a', init);\n  const b = await fetch('/b');\n  return [a, b];\n}",
  },
  {
    name: 'a binding read by a function declaration (hoisted, callable from the next call)',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function computeWith(read: () => number): Promise<number>;\nexport async function run() {\n  const a = await loadCount();\n  const b = await computeWith(current);\n  function current() {\n    return a;\n  }\n  return b;\n}',
  },
  {
    name: 'a binding read by a closure made before the awaits',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function computeWith(read: () => number): Promise<number>;\nexport async function run() {\n  const read = () => a;\n  const a = await loadCount();\n  const b = await computeWith(read);\n  return b;\n}',
  },
  {
    name: 'fewer than minAwaits',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await loadCount();\n  const b = await loadName();\n  return [a, b];\n}',
    options: [{ minAwaits: 3 }],
  },
  {
    name: 'awaits in different blocks',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run(ok: boolean) {\n  const a = await loadCount();\n  if (ok) {\n    const b = await loadName();\n    return [a, b];\n  }\n  return a;\n}',
  },
  {
    name: 'a declaration with two declarators',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await loadCount(), b = await loadName();\n  return [a, b];\n}',
  },
  {
    name: 'a request that writes keeps its place: what follows may rely on it',
    code: "import { placeOrder, type Order } from './concurrent-helpers.js';\ndeclare function loadCount(): Promise<number>;\nexport async function run(order: Order) {\n  await placeOrder(order);\n  const n = await loadCount();\n  return n;\n}",
  },
  {
    name: 'a check that may throw, then a call named as a write that relies on it',
    code: 'declare function checkPermission(user: string): Promise<void>;\ndeclare function deleteAccount(user: string): Promise<void>;\nexport async function run(user: string) {\n  await checkPermission(user);\n  await deleteAccount(user);\n}',
  },
  {
    name: 'a click, then a query of the page it changed (package methods named as a write and a read)',
    code: 'declare const user: { click(selector: string): Promise<void> };\ndeclare const screen: { findByRole(role: string): Promise<string> };\nexport async function run() {\n  await user.click("button");\n  const dialog = await screen.findByRole("dialog");\n  return dialog;\n}',
  },
  {
    name: 'a call named as a read that also writes (getOrCreate)',
    code: 'declare function getOrCreate(id: string): Promise<string>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await getOrCreate("x");\n  const b = await loadName();\n  return [a, b];\n}',
  },
  {
    name: 'each turn prints its result (the lines come out in the order of the turns)',
    code: "import { readFile } from 'node:fs/promises';\nexport async function run(files: string[]) {\n  for (const file of files) {\n    const text = await readFile(file, 'utf8');\n    console.log(`${file}: ${text.length}`);\n  }\n}",
  },
  {
    name: 'each turn writes to standard output',
    code: "import { readFile } from 'node:fs/promises';\nexport async function run(files: string[]) {\n  for (const file of files) {\n    process.stdout.write(await readFile(file, 'utf8'));\n  }\n}",
  },
  {
    name: 'each turn sends a message (a write keeps the order of the turns)',
    code: 'declare function sendMessage(text: string): Promise<void>;\nexport async function run(messages: string[]) {\n  for (const text of messages) {\n    await sendMessage(text);\n  }\n}',
  },
  {
    name: 'each turn posts to the network',
    code: "import { placeOrder, type Order } from './concurrent-helpers.js';\nexport async function run(orders: Order[]) {\n  for (const order of orders) {\n    await placeOrder(order);\n  }\n}",
  },
  {
    name: 'a binding carried from turn to turn',
    code: 'declare function count(id: string): Promise<number>;\nexport async function run(ids: string[]) {\n  let total = 0;\n  for (const id of ids) {\n    total += await count(id);\n  }\n  return total;\n}',
  },
  {
    name: "the previous turn's result read by the next",
    code: 'declare function fetchPage(cursor: string): Promise<string>;\nexport async function run(pages: string[]) {\n  let cursor = "";\n  for (const page of pages) {\n    cursor = await fetchPage(cursor + page);\n  }\n  return cursor;\n}',
  },
  {
    name: 'a break that depends on the awaited value',
    code: 'declare function exists(id: string): Promise<boolean>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    if (await exists(id)) break;\n  }\n}',
  },
  {
    name: 'a return in the turn',
    code: 'declare function find(id: string): Promise<string | undefined>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    const found = await find(id);\n    if (found) return found;\n  }\n  return undefined;\n}',
  },
  {
    name: 'a labeled continue to an outer loop',
    code: 'declare function isValid(id: string): Promise<boolean>;\nexport async function run(groups: string[][]) {\n  outer: for (const group of groups) {\n    for (const id of group) {\n      if (!(await isValid(id))) continue outer;\n    }\n  }\n}',
  },
  {
    name: 'each turn calls a method of the same receiver',
    code: 'declare const db: { findRow(row: string): Promise<string> };\nexport async function run(rows: string[]) {\n  for (const row of rows) {\n    await db.findRow(row);\n  }\n}',
  },
  {
    name: 'each turn writes a file',
    code: "import { writeFile } from 'node:fs/promises';\nexport async function run(files: string[]) {\n  for (const file of files) {\n    await writeFile(file, '');\n  }\n}",
  },
  {
    name: 'each turn appends to the same file',
    code: "import { appendFile } from 'node:fs/promises';\nexport async function run(lines: string[]) {\n  for (const line of lines) {\n    await appendFile('log.txt', line);\n  }\n}",
  },
  {
    name: 'a result pushed conditionally',
    code: "import { fetchUser, fetchOrders, type Profile } from './concurrent-helpers.js';\nexport async function run(ids: string[]) {\n  const users: Profile[] = [];\n  for (const id of ids) {\n    const user = await fetchUser(id);\n    if (user.name) users.push(user);\n  }\n  return users;\n}",
  },
  {
    name: 'results set in a Map (its order is the order of the turns)',
    code: "import { fetchUser, fetchOrders, type Profile } from './concurrent-helpers.js';\nexport async function run(ids: string[]) {\n  const users = new Map<string, Profile>();\n  for (const id of ids) {\n    users.set(id, await fetchUser(id));\n  }\n  return users;\n}",
  },
  {
    name: 'an outer object changed in each turn',
    code: 'declare function count(id: string): Promise<number>;\nexport async function run(ids: string[], summary: { last: number }) {\n  for (const id of ids) {\n    summary.last = await count(id);\n  }\n}',
  },
  {
    name: 'a delay paces the turns',
    code: "import { sleep } from './concurrent-helpers.js';\ndeclare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id);\n    await sleep(100);\n  }\n}",
  },
  {
    name: 'a mutable object shared by every turn',
    code: 'interface Batch { ids: string[] }\ndeclare function checkBatch(batch: Batch, id: string): Promise<void>;\nexport async function run(ids: string[], batch: Batch) {\n  for (const id of ids) {\n    await checkBatch(batch, id);\n  }\n}',
  },
  {
    name: 'a var declared in the turn is shared by all turns',
    code: 'declare function load(id: string): Promise<string>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    var last: string | undefined = await load(id);\n  }\n  return last;\n}',
  },
  {
    name: 'promises started before the loop',
    code: 'export async function run(tasks: Promise<string>[]) {\n  const results: string[] = [];\n  for (const task of tasks) {\n    results.push(await task);\n  }\n  return results;\n}',
  },
  {
    name: 'for await reads a stream one item at a time',
    code: 'declare function lines(): AsyncIterable<string>;\ndeclare function checkLine(line: string): Promise<void>;\nexport async function run() {\n  for await (const line of lines()) {\n    await checkLine(line);\n  }\n}',
  },
  {
    name: 'counting and while loops are not rewritten',
    code: 'declare function loadPage(n: number): Promise<string[]>;\nexport async function run() {\n  for (let i = 0; i < 3; i++) {\n    await loadPage(i);\n  }\n  let n = 0;\n  while (n < 3) {\n    await loadPage(n);\n    n++;\n  }\n}',
  },
  {
    name: 'inside the try block of a try/finally',
    code: 'declare function loadProfile(id: string): Promise<void>;\ndeclare function release(): void;\nexport async function run(ids: string[]) {\n  try {\n    for (const id of ids) {\n      await loadProfile(id);\n    }\n  } finally {\n    release();\n  }\n}',
  },
  {
    name: 'awaits only inside callbacks of the turn',
    code: 'declare function computeLater(task: () => Promise<void>): void;\ndeclare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    computeLater(async () => {\n      await loadProfile(id);\n    });\n  }\n}',
  },
  {
    name: 'loops are left alone with loops: false',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id);\n  }\n}',
    options: [{ loops: false }],
  },
  {
    name: 'each turn changes module state through a helper',
    code: 'let processed = 0;\nasync function mark(id: string): Promise<void> {\n  await Promise.resolve(id);\n  processed++;\n}\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await mark(id);\n  }\n  return processed;\n}',
  },
  {
    name: 'a loop variable declared outside the loop',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  let id: string;\n  for (id of ids) {\n    await loadProfile(id);\n  }\n}',
  },
  {
    name: 'each turn reads a project logger through its method',
    code: 'const log: string[] = [];\nconst logger = { info(message: string) { log.push(message); } };\ndeclare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id);\n    logger.info(id);\n  }\n}',
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'a SELECT written in the query text is a read and can run with the work before it',
    code: "/// <reference path=\"./fan-out-vendor.d.ts\" />\nimport { Client } from 'pg';\ndeclare function summarize(day: string): Promise<number>;\nexport async function run(db: Client, day: string) {\n  const total = await summarize(day);\n  const rows = await db.query('SELECT * FROM daily WHERE day = $1', [day]);\n  return [total, rows];\n}",
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 17,
        endLine: 5,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "/// <reference path=\"./fan-out-vendor.d.ts\" />\nimport { Client } from 'pg';\ndeclare function summarize(day: string): Promise<number>;\nexport async function run(db: Client, day: string) {\n  const [total, rows] = await Promise.all([summarize(day), db.query('SELECT * FROM daily WHERE day = $1', [day])]);\n  return [total, rows];\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'calls handed different transactions',
    code: 'declare class Transaction {\n  commit(): Promise<void>;\n}\ndeclare const users: { find(id: string, options: { transaction?: Transaction }): Promise<string> };\ndeclare const teams: { findAll(options: { transaction?: Transaction }): Promise<string[]> };\nexport async function run(first: Transaction, second: Transaction) {\n  const user = await users.find("a", { transaction: first });\n  const all = await teams.findAll({ transaction: second });\n  return [user, all];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 7,
        column: 16,
        endLine: 7,
        endColumn: 61,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare class Transaction {\n  commit(): Promise<void>;\n}\ndeclare const users: { find(id: string, options: { transaction?: Transaction }): Promise<string> };\ndeclare const teams: { findAll(options: { transaction?: Transaction }): Promise<string[]> };\nexport async function run(first: Transaction, second: Transaction) {\n  const [user, all] = await Promise.all([users.find("a", { transaction: first }), teams.findAll({ transaction: second })]);\n  return [user, all];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'two independent awaits in declarations',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await loadCount();\n  const b = await loadName();\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const [a, b] = await Promise.all([loadCount(), loadName()]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: "the guides' headline: a user, their orders and recommendations, three requests through helpers",
    code: "import { fetchUser, fetchOrders, fetchRecommendations } from './concurrent-helpers.js';\nexport async function page(userId: string) {\n  const user = await fetchUser(userId);\n  const orders = await fetchOrders(userId);\n  const recommendations = await fetchRecommendations(userId);\n  return { user, orders, recommendations };\n}",
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 39,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "import { fetchUser, fetchOrders, fetchRecommendations } from './concurrent-helpers.js';\nexport async function page(userId: string) {\n  const [user, orders, recommendations] = await Promise.all([fetchUser(userId), fetchOrders(userId), fetchRecommendations(userId)]);\n  return { user, orders, recommendations };\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'let keeps let',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  let a = await loadCount();\n  let b = await loadName();\n  a += 1;\n  b += "!";\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  let [a, b] = await Promise.all([loadCount(), loadName()]);\n  a += 1;\n  b += "!";\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'var keeps var',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  var a = await loadCount();\n  var b = await loadName();\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  var [a, b] = await Promise.all([loadCount(), loadName()]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'statements without bindings go into the array',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  await loadCount();\n  await loadName();\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  await Promise.all([loadCount(), loadName()]);\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'mixed declarations and expression statements: holes for the statements without bindings',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  await loadCount();\n  const b = await loadName();\n  await loadCount();\n  return b;\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const [, b] = await Promise.all([loadCount(), loadName(), loadCount()]);\n  return b;\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a trailing statement without a binding leaves no hole at the end',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await loadCount();\n  await loadName();\n  return a;\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const [a] = await Promise.all([loadCount(), loadName()]);\n  return a;\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'destructuring patterns are kept',
    code: 'declare function getUser(): Promise<{ name: string; age: number }>;\ndeclare function getPair(): Promise<[string, number]>;\nexport async function run() {\n  const { name, age: years = 0 } = await getUser();\n  const [label, count] = await getPair();\n  return [name, years, label, count];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 36,
        endLine: 4,
        endColumn: 51,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function getUser(): Promise<{ name: string; age: number }>;\ndeclare function getPair(): Promise<[string, number]>;\nexport async function run() {\n  const [{ name, age: years = 0 }, [label, count]] = await Promise.all([getUser(), getPair()]);\n  return [name, years, label, count];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'annotations become a tuple annotation',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a: number = await loadCount();\n  const b: string | undefined = await loadName();\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 21,
        endLine: 4,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const [a, b]: [number, string | undefined] = await Promise.all([loadCount(), loadName()]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'an unannotated binding next to an annotated one gets its type written out',
    code: 'interface User { name: string }\ndeclare function loadUser(): Promise<User>;\ndeclare function loadTags(): Promise<string[]>;\nexport async function run() {\n  const a = await loadUser();\n  const b: readonly string[] = await loadTags();\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'interface User { name: string }\ndeclare function loadUser(): Promise<User>;\ndeclare function loadTags(): Promise<string[]>;\nexport async function run() {\n  const [a, b]: [User, readonly string[]] = await Promise.all([loadUser(), loadTags()]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'an unannotated pattern and a statement next to an annotated binding',
    code: 'declare function loadItem(): Promise<{ id: string }>;\ndeclare function loadCount(): Promise<number>;\ndeclare function loadExtras(): Promise<void>;\nexport async function run() {\n  const { id } = await loadItem();\n  await loadExtras();\n  const n: number = await loadCount();\n  return [id, n];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 18,
        endLine: 5,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadItem(): Promise<{ id: string }>;\ndeclare function loadCount(): Promise<number>;\ndeclare function loadExtras(): Promise<void>;\nexport async function run() {\n  const [{ id }, , n]: [{ id: string; }, unknown, number] = await Promise.all([loadItem(), loadExtras(), loadCount()]);\n  return [id, n];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a call whose type argument the annotation inferred keeps it through satisfies',
    code: 'interface User { name: string }\ndeclare function get<T>(path: string): Promise<T>;\ndeclare function loadCount(): Promise<number>;\nexport async function run() {\n  const user: User = await get("/me");\n  const n = await loadCount();\n  return [user.name, n];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 22,
        endLine: 5,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'interface User { name: string }\ndeclare function get<T>(path: string): Promise<T>;\ndeclare function loadCount(): Promise<number>;\nexport async function run() {\n  const [user, n]: [User, number] = await Promise.all([get("/me") satisfies PromiseLike<User>, loadCount()]);\n  return [user.name, n];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a let whose annotation is wider than the call keeps the annotation, so later assignments compile',
    code: 'declare function loadName(): Promise<string>;\ndeclare function loadCount(): Promise<number>;\nexport async function run() {\n  let a: string | undefined = await loadName();\n  let b: number | null = await loadCount();\n  a = undefined;\n  b = null;\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 31,
        endLine: 4,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadName(): Promise<string>;\ndeclare function loadCount(): Promise<number>;\nexport async function run() {\n  let [a, b]: [string | undefined, number | null] = await Promise.all([loadName(), loadCount()]);\n  a = undefined;\n  b = null;\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a type that cannot be named here: reported without a suggestion',
    code: "import { fetchUser } from './concurrent-helpers.js';\ndeclare function loadCount(): Promise<number>;\nexport async function run() {\n  const user = await fetchUser('1');\n  const n: number = await loadCount();\n  return [user, n];\n}",
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 16,
        endLine: 4,
        endColumn: 36,
        suggestions: [],
      },
    ],
  },
  {
    name: 'const and let mixed: reported without a suggestion',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await loadCount();\n  let b = await loadName();\n  b = b.trim();\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 30,
        suggestions: [],
      },
    ],
  },
  {
    name: 'comments between the statements move above the combined one',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  // first the count\n  const a = await loadCount(/* fast */);\n  /* then the name */\n  const b = await loadName();\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 40,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  // first the count\n  /* then the name */\n  const [a, b] = await Promise.all([loadCount(/* fast */), loadName()]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a file without semicolons gets none',
    code: 'declare function loadCount(): Promise<number>\ndeclare function loadName(): Promise<string>\nexport async function run() {\n  const a = await loadCount()\n  const b = await loadName()\n  return [a, b]\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>\ndeclare function loadName(): Promise<string>\nexport async function run() {\n  const [a, b] = await Promise.all([loadCount(), loadName()])\n  return [a, b]\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'method calls on different receivers',
    code: 'declare const users: { find(id: string): Promise<string> };\ndeclare const orders: { find(id: string): Promise<number[]> };\nexport async function run(id: string) {\n  const user = await users.find(id);\n  const list = await orders.find(id);\n  return [user, list];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 16,
        endLine: 4,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare const users: { find(id: string): Promise<string> };\ndeclare const orders: { find(id: string): Promise<number[]> };\nexport async function run(id: string) {\n  const [user, list] = await Promise.all([users.find(id), orders.find(id)]);\n  return [user, list];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'this.method() and this.field.method(): the method is read, and touches neither the other field nor its object',
    code: "import { ProfileStore } from './concurrent-helpers.js';\nexport class Page {\n  constructor(private readonly store: ProfileStore, private readonly other: ProfileStore) {}\n  async own(id: string) {\n    return this.store.get(id);\n  }\n  async both(id: string) {\n    const mine = await this.own(id);\n    const theirs = await this.other.get(id);\n    return [mine, theirs];\n  }\n}",
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 8,
        column: 18,
        endLine: 8,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "import { ProfileStore } from './concurrent-helpers.js';\nexport class Page {\n  constructor(private readonly store: ProfileStore, private readonly other: ProfileStore) {}\n  async own(id: string) {\n    return this.store.get(id);\n  }\n  async both(id: string) {\n    const [mine, theirs] = await Promise.all([this.own(id), this.other.get(id)]);\n    return [mine, theirs];\n  }\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'two stores reached through different fields of one object',
    code: "import { Dashboard } from './concurrent-helpers.js';\nexport async function run(dashboard: Dashboard, id: string) {\n  const profile = await dashboard.profiles.get(id);\n  const team = await dashboard.teams.get(id);\n  return [profile, team];\n}",
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 3,
        column: 19,
        endLine: 3,
        endColumn: 51,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "import { Dashboard } from './concurrent-helpers.js';\nexport async function run(dashboard: Dashboard, id: string) {\n  const [profile, team] = await Promise.all([dashboard.profiles.get(id), dashboard.teams.get(id)]);\n  return [profile, team];\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a primitive argument shared by both calls is not shared state',
    code: 'declare function loadCount(id: string): Promise<number>;\ndeclare function loadName(id: string): Promise<string>;\nexport async function run(id: string) {\n  const a = await loadCount(id);\n  const b = await loadName(id);\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(id: string): Promise<number>;\ndeclare function loadName(id: string): Promise<string>;\nexport async function run(id: string) {\n  const [a, b] = await Promise.all([loadCount(id), loadName(id)]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a readonly object shared by both calls cannot be changed by either',
    code: 'interface Options { readonly base: string; readonly retries: number }\ndeclare function loadCount(options: Options): Promise<number>;\ndeclare function loadName(options: Readonly<{ base: string }>): Promise<string>;\nexport async function run(options: Options) {\n  const a = await loadCount(options);\n  const b = await loadName(options);\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'interface Options { readonly base: string; readonly retries: number }\ndeclare function loadCount(options: Options): Promise<number>;\ndeclare function loadName(options: Readonly<{ base: string }>): Promise<string>;\nexport async function run(options: Options) {\n  const [a, b] = await Promise.all([loadCount(options), loadName(options)]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'two reads of files',
    code: "import { readFile } from 'node:fs/promises';\nexport async function run() {\n  const a = await readFile('a.json', 'utf8');\n  const b = await readFile('b.json', 'utf8');\n  return a + b;\n}",
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 3,
        column: 13,
        endLine: 3,
        endColumn: 45,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "import { readFile } from 'node:fs/promises';\nexport async function run() {\n  const [a, b] = await Promise.all([readFile('a.json', 'utf8'), readFile('b.json', 'utf8')]);\n  return a + b;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'inside a try with catch but no finally',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  try {\n    await loadCount();\n    await loadName();\n  } catch (error) {\n    console.error(error);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  try {\n    await Promise.all([loadCount(), loadName()]);\n  } catch (error) {\n    console.error(error);\n  }\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'inside a finally block itself',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function work(): Promise<void>;\nexport async function run() {\n  try {\n    await work();\n  } finally {\n    const a = await loadCount();\n    const b = await loadName();\n    console.log(a, b);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 8,
        column: 15,
        endLine: 8,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function work(): Promise<void>;\nexport async function run() {\n  try {\n    await work();\n  } finally {\n    const [a, b] = await Promise.all([loadCount(), loadName()]);\n    console.log(a, b);\n  }\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a dependency ends the group: the third await reads the first result',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function checkCount(n: number): Promise<void>;\nexport async function run() {\n  const a = await loadCount();\n  const b = await loadName();\n  await checkCount(a);\n  return b;\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function checkCount(n: number): Promise<void>;\nexport async function run() {\n  const [a, b] = await Promise.all([loadCount(), loadName()]);\n  await checkCount(a);\n  return b;\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'two groups split by a dependency',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function countLetters(n: string): Promise<number>;\nexport async function run() {\n  const a = await loadCount();\n  const b = await loadName();\n  const c = await countLetters(b);\n  const d = await loadCount();\n  return [a, c, d];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function countLetters(n: string): Promise<number>;\nexport async function run() {\n  const [a, b] = await Promise.all([loadCount(), loadName()]);\n  const c = await countLetters(b);\n  const d = await loadCount();\n  return [a, c, d];\n}',
          },
        ],
      },
      {
        messageId: 'sequentialAwaits',
        line: 7,
        column: 13,
        endLine: 7,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\ndeclare function countLetters(n: string): Promise<number>;\nexport async function run() {\n  const a = await loadCount();\n  const b = await loadName();\n  const [c, d] = await Promise.all([countLetters(b), loadCount()]);\n  return [a, c, d];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'minAwaits 3 with three awaits',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await loadCount();\n  const b = await loadName();\n  const c = await loadCount();\n  return [a, b, c];\n}',
    options: [{ minAwaits: 3 }],
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const [a, b, c] = await Promise.all([loadCount(), loadName(), loadCount()]);\n  return [a, b, c];\n}',
          },
        ],
      },
    ],
  },
  {
    name: "regression: without semicolons, the ';' that guards a next line starting with '[' stays in its place (found by the fix-safety generator)",
    code: 'declare function loadCount(): Promise<number>\ndeclare function loadName(): Promise<string>\ndeclare function report(value: unknown): void\nexport async function run() {\n  const a = await loadCount()\n  const b = await loadName()\n  ;[a, b].forEach(report)\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>\ndeclare function loadName(): Promise<string>\ndeclare function report(value: unknown): void\nexport async function run() {\n  const [a, b] = await Promise.all([loadCount(), loadName()])\n  ;[a, b].forEach(report)\n}',
          },
        ],
      },
    ],
  },
  {
    name: "regression: without semicolons, the ';' that guards a next line starting with a template stays in its place (found by the fix-safety generator)",
    code: 'declare function loadCount(): Promise<number>\ndeclare function loadName(): Promise<string>\ndeclare function report(value: unknown): void\nexport async function run() {\n  const a = await loadCount()\n  const b = await loadName()\n  ;`${a}${b}`.trim()\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>\ndeclare function loadName(): Promise<string>\ndeclare function report(value: unknown): void\nexport async function run() {\n  const [a, b] = await Promise.all([loadCount(), loadName()])\n  ;`${a}${b}`.trim()\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'top-level awaits in an ES module',
    filename: 'file.mts',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nconst a = await loadCount();\nconst b = await loadName();\nexport { a, b };',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 3,
        column: 11,
        endLine: 3,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nconst [a, b] = await Promise.all([loadCount(), loadName()]);\nexport { a, b };',
          },
        ],
      },
    ],
  },
  {
    name: 'in a switch case',
    code: 'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run(kind: string) {\n  switch (kind) {\n    case "both":\n      await loadCount();\n      await loadName();\n      break;\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 6,
        column: 7,
        endLine: 6,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run(kind: string) {\n  switch (kind) {\n    case "both":\n      await Promise.all([loadCount(), loadName()]);\n      break;\n  }\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'JavaScript: no types to keep',
    filename: 'script.js',
    code: "import { fetchUser, fetchOrders } from './concurrent-helpers.js';\nexport async function page(id) {\n  const user = await fetchUser(id);\n  const orders = await fetchOrders(id);\n  return { user, orders };\n}",
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "import { fetchUser, fetchOrders } from './concurrent-helpers.js';\nexport async function page(id) {\n  const [user, orders] = await Promise.all([fetchUser(id), fetchOrders(id)]);\n  return { user, orders };\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'an optional call and a then chain are calls too',
    code: 'declare const api: { get?(path: string): Promise<string> } | undefined;\ndeclare function load(): Promise<Response>;\nexport async function run() {\n  const a = await api?.get?.("/a");\n  const b = await load().then((response) => response.status);\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare const api: { get?(path: string): Promise<string> } | undefined;\ndeclare function load(): Promise<Response>;\nexport async function run() {\n  const [a, b] = await Promise.all([api?.get?.("/a"), load().then((response) => response.status)]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a delay on purpose ends a group; the awaits after it still run together',
    code: "import { setTimeout as delay } from 'node:timers/promises';\ndeclare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  await delay(100);\n  const a = await loadCount();\n  const b = await loadName();\n  return [a, b];\n}",
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 6,
        column: 13,
        endLine: 6,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "import { setTimeout as delay } from 'node:timers/promises';\ndeclare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  await delay(100);\n  const [a, b] = await Promise.all([loadCount(), loadName()]);\n  return [a, b];\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a callback that reads nothing the other call produces',
    code: 'declare function fetchWithRetry<T>(task: () => Promise<T>): Promise<T>;\ndeclare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const a = await fetchWithRetry(() => loadCount());\n  const b = await fetchWithRetry(() => loadName());\n  return [a, b];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 52,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare function fetchWithRetry<T>(task: () => Promise<T>): Promise<T>;\ndeclare function loadCount(): Promise<number>;\ndeclare function loadName(): Promise<string>;\nexport async function run() {\n  const [a, b] = await Promise.all([fetchWithRetry(() => loadCount()), fetchWithRetry(() => loadName())]);\n  return [a, b];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'methods of a package object named as reads',
    code: 'declare const sdk: { users: { getUser(id: string): Promise<string> }; orders: { listOrders(id: string): Promise<string[]> } };\nexport async function run(id: string) {\n  const user = await sdk.users.getUser(id);\n  const orders = await sdk.orders.listOrders(id);\n  return [user, orders];\n}',
    output: null,
    errors: [
      {
        messageId: 'sequentialAwaits',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 43,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              'declare const sdk: { users: { getUser(id: string): Promise<string> }; orders: { listOrders(id: string): Promise<string[]> } };\nexport async function run(id: string) {\n  const [user, orders] = await Promise.all([sdk.users.getUser(id), sdk.orders.listOrders(id)]);\n  return [user, orders];\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a loop whose turns only await one call each',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  await mapWithConcurrency(ids, (id) => loadProfile(id));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: "regression: without semicolons, the statement that replaces a loop ends with ';' when the next line starts with '[' (found by the fix-safety generator)",
    code: 'declare function loadProfile(id: string): Promise<void>\ndeclare function report(value: unknown): void\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id)\n  }\n  [ids].forEach(report)\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function loadProfile(id: string): Promise<void>\ndeclare function report(value: unknown): void\nexport async function run(ids: string[]) {\n  await mapWithConcurrency(ids, (id) => loadProfile(id));\n  [ids].forEach(report)\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a loop without braces',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) await loadProfile(id);\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  await mapWithConcurrency(ids, (id) => loadProfile(id));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'results pushed in order: the rewrite pushes them all, in order, at the end',
    code: "import { fetchUser, fetchOrders, type Profile } from './concurrent-helpers.js';\nexport async function run(ids: string[]) {\n  const users: Profile[] = [];\n  for (const id of ids) {\n    users.push(await fetchUser(id));\n  }\n  return users;\n}",
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "import { fetchUser, fetchOrders, type Profile } from './concurrent-helpers.js';\nexport async function run(ids: string[]) {\n  const users: Profile[] = [];\n  users.push(...(await mapWithConcurrency(ids, (id) => fetchUser(id))));\n  return users;\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'results pushed after more work in the turn',
    code: "import { fetchUser, fetchOrders, type Profile } from './concurrent-helpers.js';\nexport async function run(ids: string[]) {\n  const names: string[] = [];\n  for (const id of ids) {\n    const user = await fetchUser(id);\n    const orders = await fetchOrders(id);\n    names.push(`${user.name}: ${orders.length}`);\n  }\n  return names;\n}",
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "import { fetchUser, fetchOrders, type Profile } from './concurrent-helpers.js';\nexport async function run(ids: string[]) {\n  const names: string[] = [];\n  names.push(...(await mapWithConcurrency(ids, async (id) => {\n    const user = await fetchUser(id);\n    const orders = await fetchOrders(id);\n    return `${user.name}: ${orders.length}`;\n  })));\n  return names;\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
      {
        messageId: 'sequentialAwaits',
        line: 5,
        column: 18,
        endLine: 5,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "import { fetchUser, fetchOrders, type Profile } from './concurrent-helpers.js';\nexport async function run(ids: string[]) {\n  const names: string[] = [];\n  for (const id of ids) {\n    const [user, orders] = await Promise.all([fetchUser(id), fetchOrders(id)]);\n    names.push(`${user.name}: ${orders.length}`);\n  }\n  return names;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'continue becomes return',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    if (id === "") continue;\n    await loadProfile(id);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  await mapWithConcurrency(ids, async (id) => {\n    if (id === "") return;\n    await loadProfile(id);\n  });\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items\' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n',
          },
        ],
      },
    ],
  },
  {
    name: 'break and continue of nested loops stay',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(groups: string[][]) {\n  for (const group of groups) {\n    for (const id of group) {\n      if (id === "") break;\n    }\n    switch (group.length) {\n      case 0:\n        break;\n      default:\n        await loadProfile(group.join());\n    }\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              'declare function loadProfile(id: string): Promise<void>;\nexport async function run(groups: string[][]) {\n  await mapWithConcurrency(groups, async (group) => {\n    for (const id of group) {\n      if (id === "") break;\n    }\n    switch (group.length) {\n      case 0:\n        break;\n      default:\n        await loadProfile(group.join());\n    }\n  });\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items\' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n',
          },
        ],
      },
    ],
  },
  {
    name: 'with p-map in the program: pMap with a concurrency',
    code: "import pMap from 'p-map';\ndeclare function loadProfile(id: string): Promise<void>;\nexport const pages = (urls: string[]) => pMap(urls, (url) => fetch(url), { concurrency: 2 });\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id);\n  }\n}",
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'usePMap',
            data: { concurrency: '8', callee: 'pMap' },
            output:
              "import pMap from 'p-map';\ndeclare function loadProfile(id: string): Promise<void>;\nexport const pages = (urls: string[]) => pMap(urls, (url) => fetch(url), { concurrency: 2 });\nexport async function run(ids: string[]) {\n  await pMap(ids, (id) => loadProfile(id), { concurrency: 8 });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'with p-limit in the program: each turn through a limiter',
    code: "import pLimit from 'p-limit';\ndeclare function loadProfile(id: string): Promise<void>;\nexport const shared = pLimit(2);\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id.trim());\n    await loadProfile(`${id}/settings`);\n  }\n}",
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'usePLimit',
            data: { concurrency: '8', callee: 'limit' },
            output:
              "import pLimit from 'p-limit';\ndeclare function loadProfile(id: string): Promise<void>;\nexport const shared = pLimit(2);\nexport async function run(ids: string[]) {\n  const limit = pLimit(8);\n  await Promise.all(ids.map((id) => limit(async () => {\n    await loadProfile(id.trim());\n    await loadProfile(`${id}/settings`);\n  })));\n}",
          },
        ],
      },
      {
        messageId: 'sequentialAwaits',
        line: 6,
        column: 5,
        endLine: 6,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'awaitTogether',
            output:
              "import pLimit from 'p-limit';\ndeclare function loadProfile(id: string): Promise<void>;\nexport const shared = pLimit(2);\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await Promise.all([loadProfile(id.trim()), loadProfile(`${id}/settings`)]);\n  }\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a Set is passed through Array.from',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: Set<string>) {\n  for (const id of ids) {\n    await loadProfile(id);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: Set<string>) {\n  await mapWithConcurrency(Array.from(ids), (id) => loadProfile(id));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'destructuring loop variable over a Map',
    code: 'declare function checkEntry(key: string, value: number): Promise<void>;\nexport async function run(entries: Map<string, number>) {\n  for (const [key, value] of entries) {\n    await checkEntry(key, value);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function checkEntry(key: string, value: number): Promise<void>;\nexport async function run(entries: Map<string, number>) {\n  await mapWithConcurrency(Array.from(entries), ([key, value]) => checkEntry(key, value));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a CommonJS file gets the helper',
    filename: 'file.cts',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  await mapWithConcurrency(ids, (id) => loadProfile(id));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'JavaScript gets the helper without types',
    filename: 'script.js',
    code: "import { fetchUser } from './concurrent-helpers.js';\nexport async function run(ids) {\n  const users = [];\n  for (const id of ids) {\n    users.push(await fetchUser(id));\n  }\n  return users;\n}",
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "import { fetchUser } from './concurrent-helpers.js';\nexport async function run(ids) {\n  const users = [];\n  users.push(...(await mapWithConcurrency(Array.from(ids), (id) => fetchUser(id))));\n  return users;\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n * @template T, R\n * @param {readonly T[]} items\n * @param {(item: T, index: number) => R} task\n * @returns {Promise<Awaited<R>[]>}\n */\nasync function mapWithConcurrency(items, task) {\n  const results = [];\n  let next = 0;\n  async function worker() {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index], index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'the helper already in the file is reused',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    await loadProfile(id);\n  }\n}\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  for (const [index, item] of items.entries()) results[index] = await task(item, index);\n  return results;\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  await mapWithConcurrency(ids, (id) => loadProfile(id));\n}\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  for (const [index, item] of items.entries()) results[index] = await task(item, index);\n  return results;\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a loop that reads an outer binding assigned elsewhere: reported without a suggestion',
    code: 'declare function loadProfile(id: string, prefix: string): Promise<void>;\nexport async function run(ids: string[]) {\n  let prefix = "a";\n  for (const id of ids) {\n    await loadProfile(id, prefix);\n  }\n  prefix = "b";\n  return prefix;\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 24,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a labeled loop: reported without a suggestion',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  outer: for (const id of ids) {\n    if (id === "") continue outer;\n    await loadProfile(id);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 31,
        suggestions: [],
      },
    ],
  },
  {
    name: 'nested loops: the inner loop, whose turns await',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(groups: string[][]) {\n  for (const group of groups) {\n    for (const id of group) {\n      await loadProfile(id);\n    }\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function loadProfile(id: string): Promise<void>;\nexport async function run(groups: string[][]) {\n  for (const group of groups) {\n    await mapWithConcurrency(group, (id) => loadProfile(id));\n  }\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'an await inside a condition of the turn',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (const id of ids) {\n    if (id.startsWith("vip")) {\n      await loadProfile(id);\n    } else {\n      id.trim();\n    }\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  await mapWithConcurrency(ids, async (id) => {\n    if (id.startsWith("vip")) {\n      await loadProfile(id);\n    } else {\n      id.trim();\n    }\n  });\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items\' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n',
          },
        ],
      },
    ],
  },
  {
    name: 'a property of the element set in its own turn',
    code: 'interface Item { id: string; ok?: boolean }\ndeclare function check(id: string): Promise<boolean>;\nexport async function run(items: Item[]) {\n  for (const item of items) {\n    item.ok = await check(item.id);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "interface Item { id: string; ok?: boolean }\ndeclare function check(id: string): Promise<boolean>;\nexport async function run(items: Item[]) {\n  await mapWithConcurrency(items, async (item) => {\n    item.ok = await check(item.id);\n  });\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a let loop variable may be reassigned in its turn',
    code: 'declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  for (let id of ids) {\n    id = id.trim();\n    await loadProfile(id);\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function loadProfile(id: string): Promise<void>;\nexport async function run(ids: string[]) {\n  await mapWithConcurrency(ids, async (id) => {\n    id = id.trim();\n    await loadProfile(id);\n  });\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'top-level loop in an ES module',
    filename: 'file.mts',
    code: 'declare function loadProfile(id: string): Promise<void>;\ndeclare const ids: string[];\nfor (const id of ids) {\n  await loadProfile(id);\n}\nexport {};',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "declare function loadProfile(id: string): Promise<void>;\ndeclare const ids: string[];\nawait mapWithConcurrency(ids, (id) => loadProfile(id));\nexport {};\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'reads of files in a loop',
    code: "import { readFile } from 'node:fs/promises';\nexport async function run(files: string[]) {\n  const texts: string[] = [];\n  for (const file of files) {\n    texts.push(await readFile(file, 'utf8'));\n  }\n  return texts;\n}",
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "import { readFile } from 'node:fs/promises';\nexport async function run(files: string[]) {\n  const texts: string[] = [];\n  texts.push(...(await mapWithConcurrency(files, (file) => readFile(file, 'utf8'))));\n  return texts;\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a package method named as a read, on the loop variable',
    code: 'interface Doc { loadBody(): Promise<string> }\nexport async function run(docs: Doc[]) {\n  const bodies: string[] = [];\n  for (const doc of docs) {\n    bodies.push(await doc.loadBody());\n  }\n  return bodies;\n}',
    output: null,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'useHelper',
            data: { concurrency: '8', callee: 'mapWithConcurrency' },
            output:
              "interface Doc { loadBody(): Promise<string> }\nexport async function run(docs: Doc[]) {\n  const bodies: string[] = [];\n  bodies.push(...(await mapWithConcurrency(docs, (doc) => doc.loadBody())));\n  return bodies;\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
];
