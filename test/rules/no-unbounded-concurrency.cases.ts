// The test table of `no-unbounded-concurrency`, shared by the rule test (run with type information from
// test/fixtures/typed, whose fan-out-*.ts files hold the helpers and declarations the cases call), the test that compiles
// every case and suggestion output, and the fix-safety test.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type loopguard from 'eslint-plugin-loopguard';

type Options = loopguard.RuleOptions['no-unbounded-concurrency'];
type MessageIds = loopguard.RuleMessageIds['no-unbounded-concurrency'];

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'a tuple of tasks written out',
    code: "declare function a(): Promise<void>;\ndeclare function b(): Promise<void>;\nexport async function run() {\n  await Promise.all([a(), b(), fetch('/c')]);\n}",
  },
  {
    name: 'an array literal mapped',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run() {\n  return Promise.all(['/a', '/b', '/c'].map(fetchJson));\n}",
  },
  {
    name: 'a tuple type',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(pair: [string, string]) {\n  return Promise.all(pair.map(fetchJson));\n}",
  },
  {
    name: 'an as-const array is a readonly tuple',
    code: "import { fetchJson } from './fan-out-helpers.js';\nconst MIRRORS = ['https://a.example', 'https://b.example'] as const;\nexport async function run() {\n  return Promise.any(MIRRORS.map((mirror) => fetch(mirror)));\n}",
  },
  {
    name: 'Array.from with a constant length',
    code: 'export async function run() {\n  return Promise.all(Array.from({ length: 5 }, (_, i) => fetch(`/page/${i}`)));\n}',
  },
  {
    name: 'Array.from with a length bounded by Math.min',
    code: 'export async function run(n: number) {\n  return Promise.all(Array.from({ length: Math.min(n, 8) }, (_, i) => fetch(`/page/${i}`)));\n}',
  },
  {
    name: 'slice(0, N) with a constant N',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function first(urls: string[]) {\n  return Promise.all(urls.slice(0, 10).map(fetchJson));\n}",
  },
  {
    name: 'each batch of a chunked loop: slice(i, i + N) through a const',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  const results: unknown[] = [];\n  for (let i = 0; i < urls.length; i += 10) {\n    const batch = urls.slice(i, i + 10);\n    results.push(...(await Promise.all(batch.map(fetchJson))));\n  }\n  return results;\n}",
  },
  {
    name: 'slice(i, i + SIZE) with a named constant',
    code: "import { fetchJson } from './fan-out-helpers.js';\nconst BATCH_SIZE = 12;\nexport async function run(urls: string[]) {\n  for (let i = 0; i < urls.length; i += BATCH_SIZE) {\n    await Promise.all(urls.slice(i, i + BATCH_SIZE).map(fetchJson));\n  }\n}",
  },
  {
    name: 'slice(-N) takes at most N',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function latest(urls: string[]) {\n  return Promise.all(urls.slice(-5).map(fetchJson));\n}",
  },
  {
    name: 'splice(0, N) from a queue',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function drain(queue: string[]) {\n  while (queue.length > 0) {\n    await Promise.all(queue.splice(0, 8).map(fetchJson));\n  }\n}",
  },
  {
    name: 'a width above 16 is bounded when maxBoundedSize allows it',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  for (let i = 0; i < urls.length; i += 50) {\n    await Promise.all(urls.slice(i, i + 50).map(fetchJson));\n  }\n}",
    options: [{ maxBoundedSize: 50 }],
  },
  {
    name: 'p-limit: every task goes through limit()',
    code: "import pLimit from 'p-limit';\nconst limit = pLimit(4);\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => limit(() => fetch(url))));\n}",
  },
  {
    name: 'regression: with externalOnly false, tasks started through a limiter are still bounded (the p-limit rewrite is not reported in strict)',
    code: "import pLimit from 'p-limit';\nexport async function run(ids: string[]) {\n  const limit = pLimit(8);\n  await Promise.all(ids.map((id) => limit(async () => {\n    console.log(id);\n  })));\n}",
    options: [{ externalOnly: false }],
  },
  {
    name: 'p-limit: the arguments form limit(fn, arg)',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pLimit from 'p-limit';\nexport async function run(urls: string[]) {\n  const limit = pLimit(4);\n  return Promise.all(urls.map((url) => limit(fetchJson, url)));\n}",
  },
  {
    name: 'p-limit: a function made by limitFunction',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport { limitFunction } from 'p-limit';\nconst limitedFetch = limitFunction(fetchJson, { concurrency: 4 });\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(limitedFetch));\n}",
  },
  {
    name: 'p-queue: queue.add',
    code: "import PQueue from 'p-queue';\nconst queue = new PQueue({ concurrency: 4 });\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => queue.add(() => fetch(url))));\n}",
  },
  {
    name: 'Bottleneck: schedule',
    code: "import Bottleneck from 'bottleneck';\nconst limiter = new Bottleneck({ maxConcurrent: 4 });\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => limiter.schedule(() => fetch(url))));\n}",
  },
  {
    name: 'Bottleneck: a wrapped function passed by reference',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport Bottleneck from 'bottleneck';\nconst limiter = new Bottleneck({ maxConcurrent: 4 });\nconst limitedFetch = limiter.wrap(fetchJson);\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(limitedFetch));\n}",
  },
  {
    name: 'a limiter used inside a helper the task calls',
    code: "import pLimit from 'p-limit';\nconst limit = pLimit(4);\nfunction get(url: string) {\n  return limit(() => fetch(url));\n}\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(get));\n}",
  },
  {
    name: 'p-map with concurrency',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport async function run(urls: string[]) {\n  return pMap(urls, fetchJson, { concurrency: 4 });\n}",
  },
  {
    name: 'a semaphore of the project named in limiters (a wrapping call)',
    code: 'export async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => withSlot(() => fetch(url))));\n}',
    options: [{ limiters: ['withSlot'] }],
  },
  {
    name: 'a semaphore of the project named in limiters (acquire, then the rest of the task)',
    code: 'const semaphore = new Semaphore(4);\nexport async function run(urls: string[]) {\n  return Promise.all(\n    urls.map(async (url) => {\n      const release = await semaphore.acquire();\n      try {\n        return await fetch(url);\n      } finally {\n        release();\n      }\n    }),\n  );\n}',
    options: [{ limiters: ['Semaphore.acquire'] }],
  },
  {
    name: 'a collection whose type is listed in boundedTypes',
    code: "import { fetchJson } from './fan-out-helpers.js';\ntype SmallArray<T> = T[] & { readonly __small: true };\nexport async function run(urls: SmallArray<string>) {\n  return Promise.all(urls.map(fetchJson));\n}",
    options: [{ boundedTypes: ['SmallArray'] }],
  },
  {
    name: 'tasks that stay in memory',
    code: 'export async function run(values: number[]) {\n  return Promise.all(values.map(async (value) => value * 2));\n}',
  },
  {
    name: 'tasks that stay in memory through project helpers',
    code: "import { label } from './fan-out-helpers.js';\nexport async function run(values: number[]) {\n  return Promise.all(values.map(label));\n}",
  },
  {
    name: 'tasks that use in-memory Node modules and timers',
    code: "import * as path from 'node:path';\nimport { setTimeout as sleep } from 'node:timers/promises';\nexport async function run(files: string[]) {\n  return Promise.all(files.map(async (file) => {\n    await sleep(10);\n    return path.basename(file);\n  }));\n}",
  },
  {
    name: 'a map that starts no tasks',
    code: 'export async function run(values: number[]) {\n  return Promise.all(values.map((value) => value + 1));\n}',
  },
  {
    name: 'promises started elsewhere (a parameter)',
    code: 'export async function run(pending: Promise<Response>[]) {\n  return Promise.all(pending);\n}',
  },
  {
    name: 'pushes outside a loop',
    code: "export async function run() {\n  const tasks: Promise<Response>[] = [];\n  tasks.push(fetch('/a'));\n  tasks.push(fetch('/b'));\n  return Promise.all(tasks);\n}",
  },
  {
    name: 'a loop over an array literal',
    code: "export async function run() {\n  const tasks: Promise<Response>[] = [];\n  for (const url of ['/a', '/b']) tasks.push(fetch(url));\n  return Promise.all(tasks);\n}",
  },
  {
    name: 'a counting loop with a constant bound',
    code: 'export async function run() {\n  const tasks: Promise<Response>[] = [];\n  for (let i = 0; i < 4; i++) tasks.push(fetch(`/page/${i}`));\n  return Promise.all(tasks);\n}',
  },
  {
    name: 'a push in a callback that is no loop',
    code: "import { EventEmitter } from 'node:events';\nexport async function run(emitter: EventEmitter) {\n  const tasks: Promise<Response>[] = [];\n  emitter.on('url', (url: string) => tasks.push(fetch(url)));\n  return Promise.all(tasks);\n}",
  },
  {
    name: 'async.mapLimit is already limited',
    code: "import async from 'async';\nexport async function run(urls: string[]) {\n  return async.mapLimit(urls, 4, async (url: string) => fetch(url));\n}",
  },
  {
    name: 'async.mapSeries runs one at a time',
    code: "import async from 'async';\nexport async function run(urls: string[]) {\n  return async.mapSeries(urls, async (url: string) => fetch(url));\n}",
  },
  {
    name: 'the rewrite this rule suggests: a worker pool with a constant limit',
    code: 'export async function run(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      results[index] = await task(items[index] as T, index);\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}',
  },
  {
    name: 'a nested fan-out bounded on both levels',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(groups: [string[], string[]]) {\n  return Promise.all(groups.map((group) => Promise.all(group.slice(0, 4).map(fetchJson))));\n}",
  },
  {
    name: 'regression: a synchronous function declared without a body is not I/O (the task waits on nothing unseen)',
    code: 'export async function run(files: string[]) {\n  return Promise.all(files.map(async (file) => opaqueHelper(file)));\n}',
  },
  {
    name: 'regression: a method on a value typed any is not I/O (hasOwnProperty, a logger)',
    code: 'declare const client: any;\nexport async function run(ids: string[]) {\n  return Promise.all(ids.map(async (id) => client.load(id)));\n}',
  },
  {
    name: 'regression: logger and translation calls are not I/O, so tasks that only call them stay quiet',
    code: 'interface Logger {\n  info(message: string): void;\n}\ndeclare const logger: Logger;\ndeclare function t(message: string): string;\nexport async function run(names: string[]) {\n  return Promise.all(\n    names.map(async (name) => {\n      logger.info(t(name));\n      return name.toLowerCase();\n    }),\n  );\n}',
  },
  {
    name: 'regression: a class without a constructor, made with new, is not I/O',
    code: "class Post {\n  title = '';\n}\nexport async function run(titles: string[]) {\n  return Promise.all(titles.map(async (title) => Object.assign(new Post(), { title })));\n}",
  },
  {
    name: 'boundedTypes covers arrays of a listed element type',
    code: "interface DataSource {\n  query(sql: string): Promise<unknown>;\n}\nexport async function run(sources: DataSource[]) {\n  return Promise.all(sources.map((source) => source.query('select 1')));\n}",
    options: [{ boundedTypes: ['DataSource'] }],
  },
  {
    name: 'boundedTypes covers readonly arrays and the values of a map of a listed element type',
    code: "interface DataSource {\n  query(sql: string): Promise<unknown>;\n}\nexport async function run(list: readonly DataSource[], byName: Map<string, DataSource>) {\n  await Promise.all(list.map((source) => source.query('select 1')));\n  await Promise.all([...byName.values()].map((source) => source.query('select 1')));\n}",
    options: [{ boundedTypes: ['DataSource'] }],
  },
  {
    name: 'class state says nothing about its size: not reported by default (the breakpoints a user set)',
    code: 'export class Breakpoints {\n  private readonly ids: string[] = [];\n  async removeAll() {\n    await Promise.all(this.ids.map((id) => fetch(`/breakpoints/${id}`)));\n  }\n}',
  },
  {
    name: 'configuration is small by nature, even when a caller passes it',
    code: 'export async function run(options: { mirrors: string[] }) {\n  return Promise.all(options.mirrors.map((mirror) => fetch(mirror)));\n}',
  },
  {
    name: 'a registry (configured connections) is small by nature, by its name',
    code: 'interface Connection {\n  close(): Promise<void>;\n}\nexport async function closeAll(connections: Connection[]) {\n  await Promise.all(connections.map((connection) => connection.close()));\n}',
  },
  {
    name: 'an enum is bounded',
    code: "enum Region {\n  Eu = 'eu',\n  Us = 'us',\n}\nexport async function run() {\n  return Promise.all(Object.values(Region).map((region) => fetch(`/${region}`)));\n}",
  },
  {
    name: 'a parameter of a function no other module calls says nothing about its size',
    code: 'async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => fetch(url)));\n}\nexport const started = run([]);',
  },
  {
    name: "regression: a helper followed from a call reads its parameters as that call's arguments (not as a public function's input)",
    code: 'export function unique<T>(items: T[]): T[] {\n  return [...new Set(items)];\n}\nexport class Loader {\n  private readonly refs: string[] = [];\n  async loadAll() {\n    await Promise.all(unique(this.refs).map((ref) => fetch(ref)));\n  }\n}',
  },
  {
    name: 'a callback of an awaited call that lists nothing runs an unknown number of times: not reported by default',
    code: 'declare function eachEvent(onEvent: (name: string) => void): Promise<void>;\nexport async function run() {\n  const tasks: Promise<Response>[] = [];\n  await eachEvent((name) => tasks.push(fetch(`/events/${name}`)));\n  return Promise.all(tasks);\n}',
  },
  {
    name: 'regression: strict (externalOnly by default) leaves tasks that stay in memory alone',
    code: "import { label } from './fan-out-helpers.js';\nexport async function run(ns: number[]) {\n  return Promise.all(ns.map(label));\n}",
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'a project helper that fetches, passed by reference (no p-map or p-limit in the program: the worker pool)',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'an async arrow that calls fetch',
    code: 'export async function run(urls: string[]) {\n  const responses = await Promise.all(urls.map(async (url) => fetch(url)));\n  return responses.map((response) => response.status);\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 27,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(urls: string[]) {\n  const responses = await mapWithConcurrency(urls, async (url) => fetch(url));\n  return responses.map((response) => response.status);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a function declared without a body, passed by reference',
    code: 'declare function download(url: string): Promise<Uint8Array>;\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(download));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "declare function download(url: string): Promise<Uint8Array>;\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, download);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'regression: an awaited call typed any (a package without types) is waited on, so it counts as unseen I/O',
    code: 'declare const git: any;\nexport async function run(tags: string[]) {\n  return Promise.all(tags.map(async (tag) => await git.remoteTagExists(tag)));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "declare const git: any;\nexport async function run(tags: string[]) {\n  return mapWithConcurrency(tags, async (tag) => await git.remoteTagExists(tag));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'provenance: a directory listing is input, whoever calls the function',
    code: "import { readdir, readFile } from 'node:fs/promises';\nasync function readAll(dir: string) {\n  const files = await readdir(dir);\n  return Promise.all(files.map((file) => readFile(file, 'utf8')));\n}\nexport const all = readAll('.');",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { readdir, readFile } from 'node:fs/promises';\nasync function readAll(dir: string) {\n  const files = await readdir(dir);\n  return mapWithConcurrency(files, (file) => readFile(file, 'utf8'));\n}\nexport const all = readAll('.');\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'provenance: parsed input, through what a project function returns',
    code: "import { readText } from './fan-out-helpers.js';\nasync function manifest(path: string) {\n  return JSON.parse(await readText(path)) as { urls: string[] };\n}\nasync function run() {\n  const { urls } = await manifest('manifest.json');\n  return Promise.all(urls.map((url) => fetch(url)));\n}\nexport const done = run();",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 7,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { readText } from './fan-out-helpers.js';\nasync function manifest(path: string) {\n  return JSON.parse(await readText(path)) as { urls: string[] };\n}\nasync function run() {\n  const { urls } = await manifest('manifest.json');\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\nexport const done = run();\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: "provenance: a request's body is input",
    code: 'interface Request {\n  body: { ids: string[] };\n}\nconst handler = async (req: Request) => Promise.all(req.body.ids.map((id) => fetch(`/items/${id}`)));\nexport const routes = { handler };',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 41,
        endColumn: 52,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "interface Request {\n  body: { ids: string[] };\n}\nconst handler = async (req: Request) => mapWithConcurrency(req.body.ids, (id) => fetch(`/items/${id}`));\nexport const routes = { handler };\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'provenance: a query result is input',
    code: "import { Client } from 'pg';\nexport const sync = async (db: Client) => {\n  const { rows } = await db.query('select url from pages');\n  await Promise.all(rows.map((row) => fetch(String(row))));\n};",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 9,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { Client } from 'pg';\nexport const sync = async (db: Client) => {\n  const { rows } = await db.query('select url from pages');\n  await mapWithConcurrency(rows, (row) => fetch(String(row)));\n};\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'reportUnknownSizes reports a collection whose origin says nothing (class state)',
    code: 'export class Breakpoints {\n  private readonly ids: string[] = [];\n  async removeAll() {\n    await Promise.all(this.ids.map((id) => fetch(`/breakpoints/${id}`)));\n  }\n}',
    options: [{ reportUnknownSizes: true }],
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 11,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export class Breakpoints {\n  private readonly ids: string[] = [];\n  async removeAll() {\n    await mapWithConcurrency(this.ids, (id) => fetch(`/breakpoints/${id}`));\n  }\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'provenance: tasks pushed in a callback that an awaited call runs once per file it lists',
    code: "import { readdir } from 'node:fs/promises';\nasync function eachFile(dir: string, onFile: (file: string) => void) {\n  for (const file of await readdir(dir)) onFile(file);\n}\nasync function uploadAll(dir: string) {\n  const tasks: Promise<Response>[] = [];\n  await eachFile(dir, (file) => tasks.push(fetch(`/upload/${file}`)));\n  return Promise.all(tasks);\n}\nexport const uploaded = uploadAll('.');",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 8,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a recursive directory walk whose tasks are typed unknown: each task can start the fan-out again',
    code: "import { readdir } from 'node:fs/promises';\nexport class Walker {\n  private readonly tree = new Map<string, string[]>();\n  async visit(dir: string): Promise<void> {\n    const todo: unknown[] = [];\n    for (const name of this.tree.get(dir) ?? []) todo.push(this.enter(`${dir}/${name}`));\n    await Promise.all(todo);\n  }\n  private enter(path: string): unknown {\n    return readdir(path).then(() => this.visit(path));\n  }\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 7,
        column: 11,
        endColumn: 22,
        suggestions: [],
      },
    ],
  },
  {
    name: 'an arrow that calls fetch',
    code: 'export async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => fetch(url)));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'the file system',
    code: "import { readFile } from 'node:fs/promises';\nexport async function run(files: string[]) {\n  return Promise.all(files.map((file) => readFile(file, 'utf8')));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { readFile } from 'node:fs/promises';\nexport async function run(files: string[]) {\n  return mapWithConcurrency(files, (file) => readFile(file, 'utf8'));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'child processes, in a promise executor',
    code: "import { exec } from 'node:child_process';\nexport async function run(commands: string[]) {\n  return Promise.all(\n    commands.map((command) => new Promise<string>((resolve, reject) => exec(command, (error, stdout) => (error ? reject(error) : resolve(stdout))))),\n  );\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { exec } from 'node:child_process';\nexport async function run(commands: string[]) {\n  return mapWithConcurrency(commands, (command) => new Promise<string>((resolve, reject) => exec(command, (error, stdout) => (error ? reject(error) : resolve(stdout)))));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'one database client for every task: one at a time, not "8 at a time" (without p-map or p-limit: no rewrite, the message says how)',
    code: "import { Client } from 'pg';\nexport async function run(db: Client, ids: number[]) {\n  return Promise.all(ids.map((id) => db.query('select * from users where id = $1', [id])));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'one database client for every task, with p-limit in the program: a limiter of one',
    code: "import pLimit from 'p-limit';\nimport { Client } from 'pg';\nexport const shared = pLimit(2);\nexport async function run(db: Client, ids: number[]) {\n  return Promise.all(ids.map((id) => db.query('select * from users where id = $1', [id])));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import pLimit from 'p-limit';\nimport { Client } from 'pg';\nexport const shared = pLimit(2);\nexport async function run(db: Client, ids: number[]) {\n  const limit = pLimit(1);\n  return Promise.all(ids.map((id) => limit(() => db.query('select * from users where id = $1', [id]))));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'an HTTP client',
    code: "import axios from 'axios';\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => axios.get(url)));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import axios from 'axios';\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => axios.get(url));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a package whose effects the analysis cannot see',
    code: "import { hash } from 'bcrypt';\nexport async function run(passwords: string[]) {\n  return Promise.all(passwords.map((password) => hash(password, 12)));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { hash } from 'bcrypt';\nexport async function run(passwords: string[]) {\n  return mapWithConcurrency(passwords, (password) => hash(password, 12));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'an interface method has no body to read',
    code: 'interface Store {\n  save(id: string): Promise<void>;\n}\nexport async function run(store: Store, ids: string[]) {\n  return Promise.all(ids.map((id) => store.save(id)));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "interface Store {\n  save(id: string): Promise<void>;\n}\nexport async function run(store: Store, ids: string[]) {\n  return mapWithConcurrency(ids, (id) => store.save(id));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'through helpers in another file, named in the message',
    code: "import { loadUser } from './fan-out-helpers.js';\nexport async function run(ids: string[]) {\n  return Promise.all(ids.map((id) => loadUser(id)));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { loadUser } from './fan-out-helpers.js';\nexport async function run(ids: string[]) {\n  return mapWithConcurrency(ids, (id) => loadUser(id));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a chain deeper than maxDepth counts as external',
    code: "import { level1 } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(level1));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { level1 } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, level1);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a deferred callback in the task counts',
    code: 'export async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => new Promise<void>((resolve) => setTimeout(() => void fetch(url).then(() => resolve()), 10))));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => new Promise<void>((resolve) => setTimeout(() => void fetch(url).then(() => resolve()), 10)));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'limited and unlimited calls in one task: the unlimited one is reported',
    code: "import pLimit from 'p-limit';\nconst limit = pLimit(4);\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(async (url) => {\n    await limit(() => fetch(url));\n    return fetch(`${url}/again`);\n  }));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import pLimit from 'p-limit';\nconst limit = pLimit(4);\nexport async function run(urls: string[]) {\n  const limit2 = pLimit(8);\n  return Promise.all(urls.map((url) => limit2(async () => {\n    await limit(() => fetch(url));\n    return fetch(`${url}/again`);\n  })));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'externalOnly: false reports tasks that stay in memory',
    code: 'export async function run(values: number[]) {\n  return Promise.all(values.map(async (value) => value * 2));\n}',
    options: [{ externalOnly: false }],
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOutInMemory',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(values: number[]) {\n  return mapWithConcurrency(values, async (value) => value * 2);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'Array.from over a Set (the worker pool gets an array)',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: Set<string>) {\n  return Promise.all(Array.from(urls, fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: Set<string>) {\n  return mapWithConcurrency(Array.from(urls), fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'Array.from with a length that is not constant',
    code: 'export async function run(pages: number) {\n  return Promise.all(Array.from({ length: pages }, (_, page) => fetch(`/page/${page}`)));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(pages: number) {\n  return mapWithConcurrency(Array.from({ length: pages }), (_, page) => fetch(`/page/${page}`));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'flatMap: no suggestion',
    code: 'export async function run(users: string[]) {\n  return Promise.all(users.flatMap((user) => [fetch(`/users/${user}`), fetch(`/users/${user}/orders`)]));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a spread among other tasks: no suggestion',
    code: "export async function run(urls: string[]) {\n  return Promise.all([fetch('/config'), ...urls.map((url) => fetch(url))]);\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a single spread is the map itself',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return Promise.all([...urls.map(fetchJson)]);\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a const holding the mapped tasks',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  const tasks = urls.map(fetchJson);\n  return Promise.all(tasks);\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'tasks filtered after they started',
    code: 'export async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => (url ? fetch(url) : undefined)).filter(Boolean));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a slice wider than maxBoundedSize',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  for (let i = 0; i < urls.length; i += 100) {\n    await Promise.all(urls.slice(i, i + 100).map(fetchJson));\n  }\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 11,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  for (let i = 0; i < urls.length; i += 100) {\n    await mapWithConcurrency(urls.slice(i, i + 100), fetchJson);\n  }\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a const array that grows is not bounded by its initializer',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(extra: string[]) {\n  const urls = ['/a'];\n  urls.push(...extra);\n  return Promise.all(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(extra: string[]) {\n  const urls = ['/a'];\n  urls.push(...extra);\n  return mapWithConcurrency(urls, fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a tuple with a rest element',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: [string, ...string[]]) {\n  return Promise.all(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: [string, ...string[]]) {\n  return mapWithConcurrency(urls, fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a readonly array',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: readonly string[]) {\n  return Promise.all(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: readonly string[]) {\n  return mapWithConcurrency(urls, fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'Object.keys of a record',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(routes: Record<string, string>) {\n  return Promise.all(Object.keys(routes).map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(routes: Record<string, string>) {\n  return mapWithConcurrency(Object.keys(routes), fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'a push in a for-of loop',
    code: 'export async function run(urls: string[]) {\n  const tasks: Promise<Response>[] = [];\n  for (const url of urls) {\n    tasks.push(fetch(url));\n  }\n  return Promise.all(tasks);\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 6,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a push in forEach',
    code: 'export async function run(urls: string[]) {\n  const tasks: Promise<Response>[] = [];\n  urls.forEach((url) => tasks.push(fetch(url)));\n  await Promise.all(tasks);\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 9,
        endColumn: 20,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a push in a counting loop',
    code: 'export async function run(urls: string[]) {\n  const tasks: Promise<Response>[] = [];\n  for (let i = 0; i < urls.length; i++) tasks.push(fetch(urls[i]!));\n  return Promise.all(tasks);\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a push in a while loop',
    code: 'export async function run(queue: string[]) {\n  const tasks: Promise<Response>[] = [];\n  while (queue.length > 0) tasks.push(fetch(queue.pop()!));\n  return Promise.all(tasks);\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a spread push of mapped tasks',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  const tasks: Promise<unknown>[] = [];\n  tasks.push(...urls.map(fetchJson));\n  return Promise.all(tasks);\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a callback that takes the array as well: no suggestion',
    code: 'export async function run(urls: string[]) {\n  return Promise.all(urls.map((url, index, all) => fetch(`${url}?of=${all.length}&at=${index}`)));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'pMap without options',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport async function run(urls: string[]) {\n  return pMap(urls, fetchJson);\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'useConcurrencyOption',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport async function run(urls: string[]) {\n  return pMap(urls, fetchJson, { concurrency: 8 });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'pMap with options but no concurrency',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport async function run(urls: string[]) {\n  return pMap(urls, fetchJson, { stopOnError: false });\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'useConcurrencyOption',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport async function run(urls: string[]) {\n  return pMap(urls, fetchJson, { concurrency: 8, stopOnError: false });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'pMap with concurrency: Infinity',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport async function run(urls: string[]) {\n  return pMap(urls, fetchJson, { concurrency: Infinity });\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'useConcurrencyOption',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport async function run(urls: string[]) {\n  return pMap(urls, fetchJson, { concurrency: 8 });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'async.map (default import)',
    code: "import async from 'async';\nexport async function run(urls: string[]) {\n  return async.map(urls, async (url: string) => fetch(url));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'useLimitedVariant',
            output:
              "import async from 'async';\nexport async function run(urls: string[]) {\n  return async.mapLimit(urls, 8, async (url: string) => fetch(url));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'async.each (namespace import)',
    code: "import * as async from 'async';\nexport async function run(urls: string[]) {\n  await async.each(urls, async (url: string) => {\n    await fetch(url);\n  });\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 9,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'useLimitedVariant',
            output:
              "import * as async from 'async';\nexport async function run(urls: string[]) {\n  await async.eachLimit(urls, 8, async (url: string) => {\n    await fetch(url);\n  });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'map from async (named import): the import follows',
    code: "import { map } from 'async';\nexport async function run(urls: string[]) {\n  return map(urls, async (url: string) => fetch(url));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'useLimitedVariant',
            output:
              "import { mapLimit } from 'async';\nexport async function run(urls: string[]) {\n  return mapLimit(urls, 8, async (url: string) => fetch(url));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'p-map in the program: pMap with concurrency',
    code: "import pMap from 'p-map';\nexport const pages = (urls: string[]) => pMap(urls, (url) => fetch(url), { concurrency: 2 });\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(async (url) => (await fetch(url)).status));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'usePMap',
            output:
              "import pMap from 'p-map';\nexport const pages = (urls: string[]) => pMap(urls, (url) => fetch(url), { concurrency: 2 });\nexport async function run(urls: string[]) {\n  return pMap(urls, async (url) => (await fetch(url)).status, { concurrency: 8 });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'p-map in the program, iterable input',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport const first = (urls: string[]) => pMap(urls, fetchJson, { concurrency: 2 });\nexport async function run(urls: Set<string>) {\n  return Promise.all(Array.from(urls, fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'usePMap',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport const first = (urls: string[]) => pMap(urls, fetchJson, { concurrency: 2 });\nexport async function run(urls: Set<string>) {\n  return pMap(urls, fetchJson, { concurrency: 8 });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'p-map with a named import only: the default joins it',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport { pMapSkip } from 'p-map';\nexport async function run(urls: string[]) {\n  const skip = pMapSkip;\n  return [skip, await Promise.all(urls.map(fetchJson))];\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 23,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'usePMap',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport pMap, { pMapSkip } from 'p-map';\nexport async function run(urls: string[]) {\n  const skip = pMapSkip;\n  return [skip, await pMap(urls, fetchJson, { concurrency: 8 })];\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'p-limit in the program: each task wrapped',
    code: "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(urls: string[]) {\n  const responses = await Promise.all(urls.map(async (url) => fetch(url)));\n  return responses.length;\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 27,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(urls: string[]) {\n  const limit = pLimit(8);\n  const responses = await Promise.all(urls.map((url) => limit(async () => fetch(url))));\n  return responses.length;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'p-limit: a reference task is called in the wrapper',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(urls: string[]) {\n  const limit = pLimit(8);\n  return Promise.all(urls.map((item) => limit(() => fetchJson(item))));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'p-limit: an arrow whose body is the fan-out gets a block',
    code: "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport const run = (urls: string[]) => Promise.all(urls.map((url) => fetch(url)));",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 40,
        endColumn: 51,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport const run = (urls: string[]) => {\n  const limit = pLimit(8);\n  return Promise.all(urls.map((url) => limit(() => fetch(url))));\n};",
          },
        ],
      },
    ],
  },
  {
    name: 'p-limit: a push in a loop is wrapped',
    code: "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(urls: string[]) {\n  const tasks: Promise<Response>[] = [];\n  for (const url of urls) tasks.push(fetch(url));\n  return Promise.all(tasks);\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 6,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(urls: string[]) {\n  const tasks: Promise<Response>[] = [];\n  const limit = pLimit(8);\n  for (const url of urls) tasks.push(limit(() => fetch(url)));\n  return Promise.all(tasks);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a file without semicolons',
    code: 'export async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => fetch(url)))\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => fetch(url))\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'the helper the file already has is reused',
    code: 'export async function first(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\nexport async function second(urls: string[]) {\n  return Promise.all(urls.map((url) => fetch(url)));\n}\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      results[index] = await task(items[index] as T, index);\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              'export async function first(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\nexport async function second(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      results[index] = await task(items[index] as T, index);\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a taken helper name gets another',
    code: "const mapWithConcurrency = 'taken';\nexport async function run(urls: string[]) {\n  return [mapWithConcurrency, await Promise.all(urls.map((url) => fetch(url)))];\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 37,
        endColumn: 48,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "const mapWithConcurrency = 'taken';\nexport async function run(urls: string[]) {\n  return [mapWithConcurrency, await mapWithConcurrency2(urls, (url) => fetch(url))];\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency2<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'the concurrency option sets the limit',
    code: 'export async function run(urls: string[]) {\n  return Promise.all(urls.map((url) => fetch(url)));\n}',
    options: [{ concurrency: 3 }],
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\n\n/**\n * Runs `task` for each item, at most 3 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(3, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  // The fixture's other files keep the text of the last case that used them: the cases before these import neither
  // p-map nor p-limit, so that the program they are linted in has neither.
  {
    name: 'CommonJS TypeScript: the worker pool',
    filename: 'file.cts',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'plain JavaScript: the worker pool without types',
    filename: 'script.js',
    code: '/** @param {string[]} urls */\nexport async function run(urls) {\n  return Promise.all(urls.map((url) => fetch(url)));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "/** @param {string[]} urls */\nexport async function run(urls) {\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n * @template T, R\n * @param {readonly T[]} items\n * @param {(item: T, index: number) => R} task\n * @returns {Promise<Awaited<R>[]>}\n */\nasync function mapWithConcurrency(items, task) {\n  const results = [];\n  let next = 0;\n  async function worker() {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index], index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'CommonJS JavaScript',
    filename: 'script.cjs',
    code: '/** @param {string[]} urls */\nasync function run(urls) {\n  return Promise.all(urls.map((url) => fetch(url)));\n}\nmodule.exports = { run };',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "/** @param {string[]} urls */\nasync function run(urls) {\n  return mapWithConcurrency(urls, (url) => fetch(url));\n}\nmodule.exports = { run };\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n * @template T, R\n * @param {readonly T[]} items\n * @param {(item: T, index: number) => R} task\n * @returns {Promise<Awaited<R>[]>}\n */\nasync function mapWithConcurrency(items, task) {\n  const results = [];\n  let next = 0;\n  async function worker() {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index], index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'allSettled: the worker pool settles each task',
    code: 'export async function run(urls: string[]) {\n  return Promise.allSettled(urls.map(async (url) => {\n    const response = await fetch(url);\n    return response.status;\n  }));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(urls: string[]) {\n  return mapWithConcurrency(urls, (url) => Promise.allSettled([(async () => {\n    const response = await fetch(url);\n    return response.status;\n  })()]).then(([result]) => result));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'allSettled with a reference task',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return Promise.allSettled(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, (item) => Promise.allSettled([fetchJson(item)]).then(([result]) => result));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'allSettled with p-map: pMapSettled',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pMap from 'p-map';\nexport const first = (urls: string[]) => pMap(urls, fetchJson, { concurrency: 2 });\nexport async function run(urls: string[]) {\n  return Promise.allSettled(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'usePMap',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport pMap, { pMapSettled } from 'p-map';\nexport const first = (urls: string[]) => pMap(urls, fetchJson, { concurrency: 2 });\nexport async function run(urls: string[]) {\n  return pMapSettled(urls, fetchJson, { concurrency: 8 });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'allSettled with p-limit',
    code: "import { fetchJson } from './fan-out-helpers.js';\nimport pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(urls: string[]) {\n  return Promise.allSettled(urls.map(fetchJson));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 5,
        column: 10,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(urls: string[]) {\n  const limit = pLimit(8);\n  return Promise.allSettled(urls.map((item) => limit(() => fetchJson(item))));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'race without p-limit: no suggestion, the message says what to do',
    code: 'export async function run(mirrors: string[]) {\n  return Promise.race(mirrors.map((mirror) => fetch(mirror)));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 22,
        suggestions: [],
      },
    ],
  },
  {
    name: 'any without p-limit: no suggestion',
    code: 'export async function run(mirrors: string[]) {\n  return Promise.any(mirrors.map((mirror) => fetch(mirror)));\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 10,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'race with p-limit keeps race',
    code: "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(mirrors: string[]) {\n  return Promise.race(mirrors.map((mirror) => fetch(mirror)));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(mirrors: string[]) {\n  const limit = pLimit(8);\n  return Promise.race(mirrors.map((mirror) => limit(() => fetch(mirror))));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'any with p-limit over a Set keeps any',
    code: "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(mirrors: Set<string>) {\n  return Promise.any(Array.from(mirrors, (mirror) => fetch(mirror)));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'usePLimit',
            output:
              "import pLimit from 'p-limit';\nexport const shared = pLimit(2);\nexport async function run(mirrors: Set<string>) {\n  const limit = pLimit(8);\n  return Promise.any(Array.from(mirrors, (mirror) => limit(() => fetch(mirror))));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'regression: the bounded rewrite keeps an explicit type argument of map on the task, so a tuple stays a tuple',
    code: "import { readText } from './fan-out-helpers.js';\nexport async function run(files: string[]) {\n  const entries: [string, string][] = await Promise.all(files.map<Promise<[string, string]>>(async (file) => [file, await readText(file)]));\n  return entries;\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 45,
        endColumn: 56,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { readText } from './fan-out-helpers.js';\nexport async function run(files: string[]) {\n  const entries: [string, string][] = await mapWithConcurrency(files, async (file): Promise<[string, string]> => [file, await readText(file)]);\n  return entries;\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'regression: a function expression gets the type argument of map as its return type',
    code: "import { readText } from './fan-out-helpers.js';\nexport async function run(files: string[]) {\n  return Promise.all(files.map<Promise<[string, string]>>(async function (file) { return [file, await readText(file)]; }));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { readText } from './fan-out-helpers.js';\nexport async function run(files: string[]) {\n  return mapWithConcurrency(files, async function (file): Promise<[string, string]> { return [file, await readText(file)]; });\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'regression: a @ts-expect-error between Promise.all( and the collection stays on the line before the task it covers (it was dropped, and tsc failed)',
    code: 'export async function run(ids: string[]) {\n  await Promise.all(\n    // @ts-expect-error: the ids are read as numbers on purpose\n    ids.map(async (id: number) => fetch(`/items/${id}`)),\n  );\n}',
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 2,
        column: 9,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "export async function run(ids: string[]) {\n  await mapWithConcurrency(\n    // @ts-expect-error: the ids are read as numbers on purpose\n    ids, async (id: number) => fetch(`/items/${id}`));\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
  {
    name: 'regression: with p-map, comments before the task and after it are kept in place',
    code: "import pMap from 'p-map';\nexport const pages = (urls: string[]) => pMap(urls, (url) => fetch(url), { concurrency: 2 });\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(\n    // @ts-expect-error: an init the declared types do not know\n    async (url) => fetch(url, 42), // one request per url\n  ));\n}",
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 4,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'usePMap',
            output:
              "import pMap from 'p-map';\nexport const pages = (urls: string[]) => pMap(urls, (url) => fetch(url), { concurrency: 2 });\nexport async function run(urls: string[]) {\n  return pMap(urls,\n    // @ts-expect-error: an init the declared types do not know\n    async (url) => fetch(url, 42), { concurrency: 8 } // one request per url\n  );\n}",
          },
        ],
      },
    ],
  },
  {
    name: "helperModule: the rewrite imports the helper from the shared module, by a path in the style of the file's relative imports",
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(fetchJson));\n}",
    options: [{ helperModule: 'fan-out-pool.ts' }],
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelperModule',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nimport { mapWithConcurrency } from './fan-out-pool.js';\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, fetchJson);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'helperModule naming a module of the program without the helper: the helper is pasted, as without the option',
    code: "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return Promise.all(urls.map(fetchJson));\n}",
    options: [{ helperModule: 'fan-out-helpers.ts' }],
    output: null,
    errors: [
      {
        messageId: 'unboundedFanOut',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useHelper',
            output:
              "import { fetchJson } from './fan-out-helpers.js';\nexport async function run(urls: string[]) {\n  return mapWithConcurrency(urls, fetchJson);\n}\n\n/**\n * Runs `task` for each item, at most 8 at a time, and resolves to the results in the items' order, like\n * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.\n */\nasync function mapWithConcurrency<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {\n  const results: Awaited<R>[] = [];\n  let next = 0;\n  async function worker(): Promise<void> {\n    while (next < items.length) {\n      const index = next++;\n      try {\n        results[index] = await task(items[index] as T, index);\n      } catch (error) {\n        next = items.length;\n        throw error;\n      }\n    }\n  }\n  await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));\n  return results;\n}\n",
          },
        ],
      },
    ],
  },
];
