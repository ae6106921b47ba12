// The test table of `no-blocking-in-async`, shared by the rule test (run with type information from
// test/fixtures/typed, whose blocking-*.ts files hold the helpers the transitive cases call) and by the test that
// compiles every case and every suggestion output with the real TypeScript compiler.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type loopguard from 'eslint-plugin-loopguard';

type Options = loopguard.RuleOptions['no-blocking-in-async'];
type MessageIds = loopguard.RuleMessageIds['no-blocking-in-async'];

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'start-up: a main function that blocks once while the program starts',
    code: "import { existsSync, mkdirSync } from 'node:fs';\nasync function main() {\n  if (!existsSync('out')) mkdirSync('out');\n  await fetch('https://example.com');\n}\nvoid main();",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'start-up: a function only main calls is start-up code too',
    code: "import { readFileSync } from 'node:fs';\nasync function init() {\n  return readFileSync('config.json', 'utf8');\n}\nasync function main() {\n  await init();\n}\nvoid main();",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'start-up: an async function run at the top level of a module',
    code: "import { readFileSync } from 'node:fs';\nvoid (async () => {\n  const config = readFileSync('config.json', 'utf8');\n  await fetch(config);\n})();",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'start-up: an exported function that starts a server listening runs once per process',
    code: "import { readFileSync } from 'node:fs';\nimport { createServer } from 'node:https';\nexport default async function start(port: number) {\n  const key = readFileSync('key.pem');\n  const server = createServer({ key }, (request, response) => response.end());\n  server.listen(port);\n  await new Promise((resolve) => server.once('listening', resolve));\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: "start-up: the callback a server's listen runs once, when it is listening",
    code: "import { readFileSync } from 'node:fs';\nimport { createServer } from 'node:http';\nexport function start(port: number) {\n  createServer((request, response) => response.end()).listen(port, async () => {\n    const motd = readFileSync('motd.txt', 'utf8');\n    await fetch(`https://example.com/up?motd=${motd}`);\n  });\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: "shutdown: a handler of the process's termination signals runs once, as it stops",
    code: "import { writeFileSync } from 'node:fs';\nexport function watch(state: { data: string; flush(): Promise<void> }) {\n  const stop = async () => {\n    writeFileSync('state.json', state.data);\n    await state.flush();\n  };\n  process.on('SIGINT', stop);\n  process.once('SIGTERM', stop);\n  process.on('beforeExit', async () => {\n    writeFileSync('state.json', state.data);\n    await state.flush();\n  });\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'one-off metadata: existsSync and mkdirSync made once in an async function',
    code: "import { existsSync, mkdirSync } from 'node:fs';\nimport { writeFile } from 'node:fs/promises';\nexport async function save(dir: string, text: string) {\n  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });\n  await writeFile(`${dir}/out.txt`, text);\n}",
  },
  {
    name: 'one-off metadata: a sync helper that stats once, called once',
    code: "import { statSync } from 'node:fs';\nfunction isDirectory(path: string) {\n  return statSync(path).isDirectory();\n}\nexport async function open(path: string) {\n  if (isDirectory(path)) return [];\n  return [path];\n}",
  },
  {
    name: 'module top level is allowed to block (CLI scripts)',
    code: "import { readFileSync } from 'node:fs';\nexport const config = readFileSync('config.json', 'utf8');",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a plain sync function is allowed to block',
    code: "import { readFileSync } from 'node:fs';\nexport function load(file: string) {\n  return readFileSync(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'fs.promises is never reported',
    code: "import * as fs from 'node:fs';\nexport async function load(file: string) {\n  return fs.promises.readFile(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    code: "import { readFile } from 'node:fs/promises';\nexport async function load(file: string) {\n  return readFile(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a local function named like a blocking one is not the blocking one',
    code: 'function readFileSync(file: string): string {\n  return file;\n}\nexport async function load(file: string) {\n  return readFileSync(file);\n}',
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a method named execSync on a user object',
    code: "declare const shell: { execSync(command: string): string };\nexport async function run() {\n  return shell.execSync('ls');\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a setTimeout callback runs later, not inside the async function',
    code: "import { readFileSync } from 'node:fs';\nexport async function schedule(file: string) {\n  setTimeout(() => readFileSync(file), 10);\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a finally method of an object that is no promise takes a plain callback',
    code: "import { readFileSync } from 'node:fs';\nconst job = { finally(callback: () => void) { callback(); } };\nexport function run(file: string) {\n  job.finally(() => readFileSync(file));\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: "start-up: a reaction of main's promise at the top level runs once",
    code: "import { writeFileSync } from 'node:fs';\nasync function main() {\n  return (await fetch('https://example.com')).text();\n}\nmain().then((report) => writeFileSync('report.txt', report));",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a sync function declared inside and never called',
    code: "import { readFileSync } from 'node:fs';\nexport async function make() {\n  function read(file: string) {\n    return readFileSync(file, 'utf8');\n  }\n  return read;\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'helpers that do not block, async helpers, generators, deferred work',
    code: "import { double, readLater, readConfigAsync, configLines } from './blocking-helpers.js';\nexport async function run(file: string) {\n  double(2);\n  await readConfigAsync(file);\n  configLines(file);\n  readLater(file);\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'mutual recursion that never blocks ends',
    code: "import { isEven } from './blocking-helpers.js';\nexport async function run() {\n  return isEven(10);\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a chain longer than maxDepth (default 5) is not followed',
    code: "import { level1 } from './blocking-helpers.js';\nexport async function run() {\n  return level1();\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a project function declared without a body cannot be looked into',
    code: "export async function run() {\n  return opaqueHelper('x');\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'allow by name',
    code: "import { existsSync } from 'node:fs';\nexport async function has(file: string) {\n  return existsSync(file);\n}",
    options: [{ allow: ['existsSync'], checkOneOffFileSystem: true }],
  },
  {
    name: 'allow by module and name',
    code: "import { statSync } from 'fs';\nexport async function size(file: string) {\n  return statSync(file).size;\n}",
    options: [{ allow: [{ module: 'node:fs', name: 'statSync' }], checkOneOffFileSystem: true }],
  },
  {
    name: 'allow a project helper by name (and so every chain through it)',
    code: "import { readConfig, parseConfig } from './blocking-helpers.js';\nexport async function run(file: string) {\n  readConfig(file);\n  return parseConfig(file);\n}",
    options: [{ allow: ['readConfig'], checkOneOffFileSystem: true }],
  },
  {
    name: 'a loop that awaits is not a busy wait',
    code: "import { setTimeout } from 'node:timers/promises';\nexport async function poll(end: number) {\n  while (Date.now() < end) {\n    await setTimeout(10);\n  }\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a loop whose condition reads no clock',
    code: 'export async function count() {\n  let i = 0;\n  while (i < 10) i++;\n  return i;\n}',
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a loop that does work until a deadline (time slicing) is not a wait',
    code: 'export async function drain(queue: Array<() => void>, budgetMs: number) {\n  const deadline = performance.now() + budgetMs;\n  while (queue.length > 0 && performance.now() < deadline) {\n    queue.shift()?.();\n  }\n  return queue.length;\n}',
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a busy wait in a sync function',
    code: 'export function sleep(ms: number) {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n}',
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'Atomics.wait in a sync function (a worker sleeping)',
    code: 'export function sleep(ms: number) {\n  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);\n}',
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'asynchronous Node APIs',
    code: "import { spawn, exec } from 'node:child_process';\nimport { gzip } from 'node:zlib';\nimport { createHash } from 'node:crypto';\nexport async function run() {\n  spawn('ls');\n  exec('ls');\n  gzip('x', () => {});\n  return createHash('sha256').update('x').digest('hex');\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a configured blocking call outside async code',
    code: "import { hashSync } from 'bcrypt';\nexport const digest = hashSync('secret', 10);",
    options: [
      {
        blockingCalls: [{ module: 'bcrypt', name: 'hashSync', replacement: 'hash' }],
        checkOneOffFileSystem: true,
      },
    ],
  },
  {
    name: 'the configured module is matched, not just the name',
    code: "declare function hashSync(data: string, rounds: number): string;\nexport async function digest() {\n  return hashSync('secret', 10);\n}",
    options: [
      { blockingCalls: [{ module: 'bcrypt', name: 'hashSync' }], checkOneOffFileSystem: true },
    ],
  },
  {
    name: 'CommonJS require at the top level',
    filename: 'script.cjs',
    code: "const fs = require('fs');\nconst config = fs.readFileSync('config.json', 'utf8');\nmodule.exports = { config };",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'a sync class method',
    code: "import { readFileSync } from 'node:fs';\nexport class Store {\n  load(file: string) {\n    return readFileSync(file, 'utf8');\n  }\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'start-up: a yargs command handler runs once per process (a class implementing CommandModule)',
    code: "import { mkdirSync, writeFileSync } from 'node:fs';\nimport type { ArgumentsCamelCase, CommandModule } from 'yargs';\ninterface BaseCommand<T = {}> extends CommandModule<{}, T> {}\nexport class ExportCommand implements BaseCommand<{ out: string }> {\n  command = 'export';\n  async handler(args: ArgumentsCamelCase<{ out: string }>) {\n    const text = await Promise.resolve(args.out);\n    mkdirSync('out', { recursive: true });\n    writeFileSync(args.out, text);\n  }\n}",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'start-up: a yargs command handler written as an object literal',
    code: "import { readFileSync } from 'node:fs';\nimport type { CommandModule } from 'yargs';\nexport const show: CommandModule<{}, { file: string }> = {\n  command: 'show <file>',\n  handler: async (args) => {\n    console.log(readFileSync(args.file, 'utf8'));\n  },\n};",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: "start-up: a commander command's action callback runs once per process",
    code: "import { writeFileSync } from 'node:fs';\nimport { program } from 'commander';\nprogram\n  .command('init')\n  .action(async (options: { out: string }) => {\n    writeFileSync(options.out, JSON.stringify(options));\n  });",
    options: [{ checkOneOffFileSystem: true }],
  },
  {
    name: 'one-off: opening and closing a file once around async work',
    code: "import { closeSync, openSync } from 'node:fs';\nexport async function upload(path: string, send: (fd: number) => Promise<void>) {\n  const fd = openSync(path, 'r');\n  try {\n    await send(fd);\n  } finally {\n    closeSync(fd);\n  }\n}",
  },
  {
    name: 'one-off: a helper that writes an empty marker file, called once',
    code: "import { writeFileSync } from 'node:fs';\nfunction markComplete(folder: string) {\n  writeFileSync(`${folder}.complete`, '');\n}\nexport async function install(folder: string, copy: () => Promise<void>) {\n  await copy();\n  markComplete(folder);\n}",
  },
  {
    name: 'one-off: unlinking one temporary file through a sync dispose',
    code: "import { unlinkSync } from 'node:fs';\nclass TempFile {\n  constructor(readonly path: string) {}\n  dispose() {\n    unlinkSync(this.path);\n  }\n}\nexport async function withTemp(run: (file: TempFile) => Promise<void>) {\n  const file = new TempFile('x.tmp');\n  await run(file);\n  file.dispose();\n}",
  },
  {
    name: 'one-off: one read and one write of a single file, once in an async function',
    code: "import { readFileSync, writeFileSync } from 'node:fs';\nexport async function bump(path: string, fetchVersion: () => Promise<string>) {\n  const config = JSON.parse(readFileSync(path, 'utf8'));\n  config.version = await fetchVersion();\n  writeFileSync(path, JSON.stringify(config));\n}",
  },
  {
    name: 'one-off: listing one folder once, then copying its entries asynchronously',
    code: "import { readdirSync } from 'node:fs';\nimport { copyFile } from 'node:fs/promises';\nexport async function copyAll(from: string, to: string) {\n  const names = readdirSync(from);\n  await Promise.all(names.map((name) => copyFile(`${from}/${name}`, `${to}/${name}`)));\n}",
  },
  {
    name: 'one-off: the folder a for…of loop iterates is listed once, before the first turn',
    code: "import { readdirSync } from 'node:fs';\nimport { cp } from 'node:fs/promises';\nexport async function cacheDir(source: string, target: string) {\n  for (const name of readdirSync(source)) {\n    await cp(`${source}/${name}`, target, { recursive: true });\n  }\n}",
  },
  {
    name: 'one-off: a read through a helper that parses one file, called once',
    code: "import { readFileSync } from 'node:fs';\nfunction readEnvFile(path: string): Record<string, string> {\n  return Object.fromEntries(readFileSync(path, 'utf8').split('\\n').map((line) => line.split('=') as [string, string]));\n}\nexport async function launch(envFile: string, start: (env: Record<string, string>) => Promise<void>) {\n  await start(readEnvFile(envFile));\n}",
  },
  {
    name: 'handlers: a string parameter named message is text to show, not a request',
    code: "import { existsSync } from 'node:fs';\ndeclare function ask(message: string): Promise<boolean>;\nexport async function promptToOpen(message: string, file: string) {\n  if (!(await ask(message))) return;\n  if (existsSync(file)) console.log(file);\n}",
  },
  {
    name: 'cached: a read that fills a module-level Map on a miss runs once per key, even per request',
    code: "import { readFileSync } from 'node:fs';\nconst commands = new Map<string, string>();\nfunction loadCommand(name: string): string {\n  let sql = commands.get(name);\n  if (sql === undefined) {\n    sql = readFileSync(`${name}.sql`, 'utf8');\n    commands.set(name, sql);\n  }\n  return sql;\n}\nexport async function handle(request: { command: string }): Promise<number> {\n  return loadCommand(request.command).length;\n}",
  },
  {
    name: 'cached: a module-level template filled with ??= and a has/set cache on this, in request handlers',
    code: "import { readFileSync } from 'node:fs';\nlet page: string | undefined;\nexport async function render(request: { url: string }): Promise<string> {\n  page ??= readFileSync('page.html', 'utf8');\n  return page + request.url;\n}\nexport class Templates {\n  private readonly cache = new Map<string, string>();\n  async handle(request: { name: string }): Promise<string | undefined> {\n    if (!this.cache.has(request.name)) this.cache.set(request.name, readFileSync(request.name, 'utf8'));\n    return this.cache.get(request.name);\n  }\n}",
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'start-up: a yargs command handler still blocks per item in a loop',
    code: "import { readFileSync } from 'node:fs';\nimport type { CommandModule } from 'yargs';\nexport const cat: CommandModule<{}, { files: string[] }> = {\n  handler: async (args) => {\n    for (const file of args.files) console.log(readFileSync(file, 'utf8'));\n  },\n};",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 5,
        column: 48,
        endColumn: 60,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import type { CommandModule } from 'yargs';\nimport { readFile } from 'node:fs/promises';\nexport const cat: CommandModule<{}, { files: string[] }> = {\n  handler: async (args) => {\n    for (const file of args.files) console.log(await readFile(file, 'utf8'));\n  },\n};",
          },
        ],
      },
    ],
  },
  {
    name: 'start-up: a method named handler of a class that implements no command interface',
    code: "import { readFileSync } from 'node:fs';\nexport class Jobs {\n  async handler(file: string) {\n    return readFileSync(file, 'utf8');\n  }\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 12,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nexport class Jobs {\n  async handler(file: string) {\n    return await readFile(file, 'utf8');\n  }\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'cached: a cache made on each call fills nothing that lasts, so the read stays reported in a handler',
    code: "import { readFileSync } from 'node:fs';\nexport async function handle(request: { name: string }) {\n  const cache = new Map<string, string>();\n  if (!cache.has(request.name)) cache.set(request.name, readFileSync(request.name, 'utf8'));\n  return cache.get(request.name);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 57,
        endColumn: 69,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nexport async function handle(request: { name: string }) {\n  const cache = new Map<string, string>();\n  if (!cache.has(request.name)) cache.set(request.name, await readFile(request.name, 'utf8'));\n  return cache.get(request.name);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'checkOneOffFileSystem: a write of one file made once is reported',
    code: "import { writeFileSync } from 'node:fs';\nexport async function save(path: string, data: string) {\n  writeFileSync(path, data);\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { writeFile } from 'node:fs/promises';\nexport async function save(path: string, data: string) {\n  await writeFile(path, data);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'one-off: opening a file per item stays reported',
    code: "import { closeSync, openSync } from 'node:fs';\nexport async function touchAll(paths: string[]) {\n  for (const path of paths) closeSync(openSync(path, 'w'));\n}",
    output: null,
    errors: [
      { messageId: 'blockingCall', line: 3, column: 29, endColumn: 38 },
      { messageId: 'blockingCall', line: 3, column: 39, endColumn: 47 },
    ],
  },
  {
    name: 'one-off: a recursive removal walks a tree and stays reported',
    code: "import { rmSync } from 'node:fs';\nexport async function clean(dir: string, build: () => Promise<void>) {\n  rmSync(dir, { recursive: true, force: true });\n  await build();\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { rm } from 'node:fs/promises';\nexport async function clean(dir: string, build: () => Promise<void>) {\n  await rm(dir, { recursive: true, force: true });\n  await build();\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'one-off: a read of one file stays reported in a request handler',
    code: "import { readFileSync } from 'node:fs';\ndeclare const app: { get(path: string, handler: (req: { path: string }, res: { send(body: string): void }) => Promise<void>): void };\napp.get('/', async (req, res) => {\n  res.send(readFileSync('index.html', 'utf8'));\n});",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 12,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\ndeclare const app: { get(path: string, handler: (req: { path: string }, res: { send(body: string): void }) => Promise<void>): void };\napp.get('/', async (req, res) => {\n  res.send(await readFile('index.html', 'utf8'));\n});",
          },
        ],
      },
    ],
  },
  {
    name: 'handlers: a function of the module that a route calls runs per request, and its one-off read is reported',
    code: "import { readFileSync } from 'node:fs';\ndeclare const app: { get(path: string, handler: (req: { path: string }, res: { send(body: string): void }) => Promise<void>): void };\nasync function render(name: string) {\n  return readFileSync(`${name}.html`, 'utf8');\n}\napp.get('/', async (req, res) => {\n  res.send(await render('home'));\n});",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\ndeclare const app: { get(path: string, handler: (req: { path: string }, res: { send(body: string): void }) => Promise<void>): void };\nasync function render(name: string) {\n  return await readFile(`${name}.html`, 'utf8');\n}\napp.get('/', async (req, res) => {\n  res.send(await render('home'));\n});",
          },
        ],
      },
    ],
  },
  {
    name: 'handlers: a function of the module registered by name as a route runs per request',
    code: "import { existsSync } from 'node:fs';\ndeclare const app: { get(path: string, handler: () => Promise<void>): void };\nasync function health() {\n  if (!existsSync('ready')) throw new Error('not ready');\n}\napp.get('/health', health);",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 8,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'useAccess',
            output:
              "import { access } from 'node:fs/promises';\ndeclare const app: { get(path: string, handler: () => Promise<void>): void };\nasync function health() {\n  if (!await access('ready').then(() => true, () => false)) throw new Error('not ready');\n}\napp.get('/health', health);",
          },
        ],
      },
    ],
  },
  {
    name: 'handlers: a method with a route decorator runs per request',
    code: "import { readFileSync } from 'node:fs';\ndeclare function Get(path?: string): (method: unknown, context: ClassMethodDecoratorContext) => void;\nexport class CatsController {\n  @Get(':id')\n  async find() {\n    return readFileSync('cats.json', 'utf8');\n  }\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 6,
        column: 12,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\ndeclare function Get(path?: string): (method: unknown, context: ClassMethodDecoratorContext) => void;\nexport class CatsController {\n  @Get(':id')\n  async find() {\n    return await readFile('cats.json', 'utf8');\n  }\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'handlers: a queued job runs once per job',
    code: "import { writeFileSync } from 'node:fs';\nexport async function renderThumbnail(job: { id: string; data: string }) {\n  writeFileSync(`${job.id}.txt`, job.data);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { writeFile } from 'node:fs/promises';\nexport async function renderThumbnail(job: { id: string; data: string }) {\n  await writeFile(`${job.id}.txt`, job.data);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'handlers: a message parameter of an object type is still a handler',
    code: "import { existsSync } from 'node:fs';\nexport async function onMessage(message: { path: string }) {\n  return existsSync(message.path);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'useAccess',
            output:
              "import { access } from 'node:fs/promises';\nexport async function onMessage(message: { path: string }) {\n  return await access(message.path).then(() => true, () => false);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'one-off metadata stays reported in a loop',
    code: "import { existsSync } from 'node:fs';\nexport async function missing(files: string[]) {\n  const result: string[] = [];\n  for (const file of files) if (!existsSync(file)) result.push(file);\n  return result;\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 34,
        endColumn: 44,
        suggestions: [
          {
            messageId: 'useAccess',
            output:
              "import { access } from 'node:fs/promises';\nexport async function missing(files: string[]) {\n  const result: string[] = [];\n  for (const file of files) if (!await access(file).then(() => true, () => false)) result.push(file);\n  return result;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'one-off metadata stays reported in a per-item callback',
    code: "import { existsSync } from 'node:fs';\nexport async function present(files: string[]) {\n  return files.filter((file) => existsSync(file));\n}",
    output: null,
    errors: [{ messageId: 'blockingCallInCallback', line: 3, column: 33, endColumn: 43 }],
  },
  {
    name: 'one-off metadata stays reported in a request handler',
    code: "import { statSync } from 'node:fs';\ndeclare const app: { get(path: string, handler: (req: { path: string }) => Promise<void>): void };\napp.get('/size', async (req) => {\n  console.log(statSync(req.path).size);\n});",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 15,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { stat } from 'node:fs/promises';\ndeclare const app: { get(path: string, handler: (req: { path: string }) => Promise<void>): void };\napp.get('/size', async (req) => {\n  console.log((await stat(req.path)).size);\n});",
          },
        ],
      },
    ],
  },
  {
    name: 'one-off metadata stays reported in a helper called in a loop',
    code: "import { statSync } from 'node:fs';\nfunction isDirectory(path: string) {\n  return statSync(path).isDirectory();\n}\nexport async function directories(paths: string[]) {\n  const found: string[] = [];\n  for (const path of paths) if (isDirectory(path)) found.push(path);\n  return found;\n}",
    output: null,
    errors: [{ messageId: 'blockingHelper', line: 7, column: 33, endColumn: 44 }],
  },
  {
    name: 'a named import: the suggestion replaces the import it leaves unused',
    code: "import { readFileSync } from 'node:fs';\nexport async function load(file: string) {\n  const text: string = readFileSync(file, 'utf8');\n  return text;\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 24,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nexport async function load(file: string) {\n  const text: string = await readFile(file, 'utf8');\n  return text;\n}",
          },
        ],
      },
    ],
  },
  {
    name: "an aliased import from 'fs' keeps the file's bare specifiers",
    code: "import { readFileSync as read } from 'fs';\nexport async function load(file: string) {\n  return read(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'fs/promises';\nexport async function load(file: string) {\n  return await readFile(file, 'utf8');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a namespace import uses fs.promises',
    code: "import * as fs from 'node:fs';\nexport async function load(file: string) {\n  return fs.readFileSync(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import * as fs from 'node:fs';\nexport async function load(file: string) {\n  return await fs.promises.readFile(file, 'utf8');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a default import uses fs.promises',
    code: "import fs from 'node:fs';\nexport async function save(file: string, text: string) {\n  fs.writeFileSync(file, text);\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import fs from 'node:fs';\nexport async function save(file: string, text: string) {\n  await fs.promises.writeFile(file, text);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'one specifier of several is removed when the fix leaves it unused',
    code: "import { readFileSync, writeFileSync } from 'node:fs';\nexport function save(file: string) {\n  writeFileSync(file, '');\n}\nexport async function load(file: string) {\n  return readFileSync(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 6,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { writeFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nexport function save(file: string) {\n  writeFileSync(file, '');\n}\nexport async function load(file: string) {\n  return await readFile(file, 'utf8');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'TypeScript import-equals (import fs = require)',
    filename: 'file.cts',
    code: "import fs = require('node:fs');\nexport async function load(file: string) {\n  return fs.readFileSync(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import fs = require('node:fs');\nexport async function load(file: string) {\n  return await fs.promises.readFile(file, 'utf8');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'an existing fs/promises import is reused and the sync import kept while still used',
    code: "import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nexport const first = readFileSync('a.txt', 'utf8');\nexport async function load(file: string) {\n  return [readFileSync(file, 'utf8'), await readFile(file, 'utf8')];\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 5,
        column: 11,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nexport const first = readFileSync('a.txt', 'utf8');\nexport async function load(file: string) {\n  return [await readFile(file, 'utf8'), await readFile(file, 'utf8')];\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a new specifier joins an existing fs/promises import (checkOneOffMetadata, the former name of checkOneOffFileSystem)',
    code: "import { mkdirSync } from 'node:fs';\nimport { writeFile } from 'node:fs/promises';\nexport async function prepare(dir: string) {\n  mkdirSync(dir, { recursive: true });\n  await writeFile(`${dir}/a`, '');\n}",
    options: [{ checkOneOffMetadata: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 3,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { writeFile, mkdir } from 'node:fs/promises';\nexport async function prepare(dir: string) {\n  await mkdir(dir, { recursive: true });\n  await writeFile(`${dir}/a`, '');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a taken name gets an alias',
    code: "import { readdirSync } from 'node:fs';\nconst readdir = (dir: string) => [dir];\nexport async function list(dir: string) {\n  return [readdirSync(dir), readdir(dir)];\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 11,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readdir as readdirAsync } from 'node:fs/promises';\nconst readdir = (dir: string) => [dir];\nexport async function list(dir: string) {\n  return [await readdirAsync(dir), readdir(dir)];\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'existsSync becomes access(…) resolving to a boolean',
    code: "import { existsSync } from 'node:fs';\nexport async function check(file: string) {\n  if (!existsSync(file)) throw new Error('missing');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 8,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'useAccess',
            output:
              "import { access } from 'node:fs/promises';\nexport async function check(file: string) {\n  if (!await access(file).then(() => true, () => false)) throw new Error('missing');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a member access on the result is parenthesized',
    code: "import { statSync } from 'node:fs';\nexport async function size(file: string): Promise<number> {\n  return statSync(file).size;\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { stat } from 'node:fs/promises';\nexport async function size(file: string): Promise<number> {\n  return (await stat(file)).size;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'at the start of a statement in a file without semicolons',
    code: "import { readFileSync } from 'node:fs'\nexport async function show(file: string) {\n  console.log(file)\n  readFileSync(file).toString()\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 3,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises'\nexport async function show(file: string) {\n  console.log(file)\n  ;(await readFile(file)).toString()\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'an async arrow with an expression body',
    code: "import { readdirSync } from 'node:fs';\nexport const list = async (dir: string) => readdirSync(dir);",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 2,
        column: 44,
        endColumn: 55,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readdir } from 'node:fs/promises';\nexport const list = async (dir: string) => await readdir(dir);",
          },
        ],
      },
    ],
  },
  {
    name: 'an async method',
    code: "import { readFileSync } from 'node:fs';\nexport class Store {\n  async load(file: string) {\n    return readFileSync(file, 'utf8');\n  }\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 12,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nexport class Store {\n  async load(file: string) {\n    return await readFile(file, 'utf8');\n  }\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a numeric file descriptor has no promise form',
    code: "import { writeFileSync } from 'node:fs';\nexport async function report(text: string) {\n  writeFileSync(1, text);\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 16,
        suggestions: [],
      },
    ],
  },
  {
    name: 'statSync with throwIfNoEntry has no promise form',
    code: "import { statSync } from 'node:fs';\nexport async function maybeSize(file: string) {\n  return statSync(file, { throwIfNoEntry: false })?.size;\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 18,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a descriptor-based function has no suggestion',
    code: "import { openSync, closeSync } from 'node:fs';\nexport async function touch(file: string) {\n  closeSync(openSync(file, 'w'));\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 12,
        suggestions: [],
      },
      {
        messageId: 'blockingCall',
        line: 3,
        column: 13,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'realpathSync.native suggests realpath',
    code: "import * as fs from 'node:fs';\nexport async function resolve(file: string) {\n  return fs.realpathSync.native(file);\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import * as fs from 'node:fs';\nexport async function resolve(file: string) {\n  return await fs.promises.realpath(file);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'CommonJS: destructured require, the new require goes with the others',
    filename: 'script.cjs',
    code: "'use strict';\nconst { readFileSync } = require('fs');\nconst path = require('path');\nasync function load(file) {\n  return readFileSync(path.join(__dirname, file), 'utf8');\n}\nmodule.exports = { load };",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 5,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "'use strict';\nconst path = require('path');\nconst { readFile } = require('fs/promises');\nasync function load(file) {\n  return await readFile(path.join(__dirname, file), 'utf8');\n}\nmodule.exports = { load };",
          },
        ],
      },
    ],
  },
  {
    name: 'CommonJS: a required namespace uses fs.promises',
    filename: 'script.cjs',
    code: "const fs = require('node:fs');\nasync function exists(file) {\n  return fs.existsSync(file);\n}\nmodule.exports = { exists };",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'useAccess',
            output:
              "const fs = require('node:fs');\nasync function exists(file) {\n  return await fs.promises.access(file).then(() => true, () => false);\n}\nmodule.exports = { exists };",
          },
        ],
      },
    ],
  },
  {
    name: 'an ES module JavaScript file gets an import',
    filename: 'script.js',
    code: "import { readFileSync } from 'node:fs';\nexport async function load(file) {\n  return readFileSync(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nexport async function load(file) {\n  return await readFile(file, 'utf8');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a .cts file (CommonJS TypeScript) still writes import, which the compiler turns into require',
    filename: 'file.cts',
    code: "import { readFileSync } from 'node:fs';\nexport async function load(file: string) {\n  return readFileSync(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nexport async function load(file: string) {\n  return await readFile(file, 'utf8');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a .mts file',
    filename: 'file.mts',
    code: "import { rmSync } from 'node:fs';\nexport async function clean(dir: string) {\n  rmSync(dir, { recursive: true, force: true });\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { rm } from 'node:fs/promises';\nexport async function clean(dir: string) {\n  await rm(dir, { recursive: true, force: true });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'an optional call is reported without a suggestion (regression: its node is a ChainExpression)',
    code: "import * as fs from 'node:fs';\nexport async function load(file: string) {\n  return fs.readFileSync?.(file, 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 25,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a parameter default runs in the async call but cannot await',
    code: "import { readFileSync } from 'node:fs';\nexport async function load(text = readFileSync('default.txt', 'utf8')) {\n  return text;\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 2,
        column: 35,
        endColumn: 47,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a .map callback runs synchronously inside the async function',
    code: "import { readFileSync } from 'node:fs';\nexport async function loadAll(files: string[]) {\n  return files.map((file) => readFileSync(file, 'utf8'));\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCallInCallback',
        line: 3,
        column: 30,
        endColumn: 42,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a forEach callback',
    code: "import { unlinkSync } from 'node:fs';\nexport async function removeAll(files: Set<string>) {\n  files.forEach((file) => {\n    unlinkSync(file);\n  });\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCallInCallback',
        line: 4,
        column: 5,
        endColumn: 15,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a Promise executor runs synchronously',
    code: "import { readFileSync } from 'node:fs';\nexport async function load(file: string) {\n  return new Promise<string>((resolve) => resolve(readFileSync(file, 'utf8')));\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCallInCallback',
        line: 3,
        column: 51,
        endColumn: 63,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a function called where it is written',
    code: "import { readFileSync } from 'node:fs';\nexport async function load(file: string) {\n  const text = (() => readFileSync(file, 'utf8'))();\n  return text;\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCallInCallback',
        line: 3,
        column: 23,
        endColumn: 35,
        suggestions: [],
      },
    ],
  },
  {
    name: 'an async callback is async code itself',
    code: "import { readFileSync } from 'node:fs';\nexport function loadAll(files: string[]) {\n  return Promise.all(files.map(async (file) => readFileSync(file, 'utf8')));\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 48,
        endColumn: 60,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nexport function loadAll(files: string[]) {\n  return Promise.all(files.map(async (file) => await readFile(file, 'utf8')));\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'execSync: the promisified exec keeps the Buffer result',
    code: "import { execSync } from 'node:child_process';\nexport async function list(): Promise<Buffer> {\n  return execSync('ls');\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function list(): Promise<Buffer> {\n  return (await execAsync('ls', { encoding: 'buffer' })).stdout;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'execSync as a statement needs no stdout',
    code: "import { execSync } from 'node:child_process';\nexport async function fetchAll() {\n  execSync('git fetch --all');\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function fetchAll() {\n  await execAsync('git fetch --all');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'execSync with an encoding gives a string',
    code: "import { execSync } from 'node:child_process';\nexport async function branch(cwd: string): Promise<string> {\n  return execSync('git branch --show-current', { encoding: 'utf8', cwd }).trim();\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function branch(cwd: string): Promise<string> {\n  return (await execAsync('git branch --show-current', { encoding: 'utf8', cwd })).stdout.trim();\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'execSync with options but no encoding',
    code: "import { execSync } from 'node:child_process';\nexport async function list(cwd: string) {\n  const out: Buffer = execSync('ls', { cwd });\n  return out;\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 23,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);\nexport async function list(cwd: string) {\n  const out: Buffer = (await execAsync('ls', { encoding: 'buffer', cwd })).stdout;\n  return out;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'execSync with stdio has no promisified equivalent',
    code: "import { execSync } from 'node:child_process';\nexport async function build() {\n  execSync('make', { stdio: 'inherit' });\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 3,
        endColumn: 11,
        suggestions: [],
      },
    ],
  },
  {
    name: 'execFileSync with arguments',
    code: "import { execFileSync } from 'node:child_process';\nexport async function status(): Promise<string> {\n  return execFileSync('git', ['status', '--short'], { encoding: 'utf8' });\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { execFile } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execFileAsync = promisify(execFile);\nexport async function status(): Promise<string> {\n  return (await execFileAsync('git', ['status', '--short'], { encoding: 'utf8' })).stdout;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'an existing promisified exec is reused',
    code: "import { exec, execSync } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst run = promisify(exec);\nexport async function both() {\n  await run('a');\n  execSync('b');\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 6,
        column: 3,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst run = promisify(exec);\nexport async function both() {\n  await run('a');\n  await run('b');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a child_process namespace',
    code: "import * as cp from 'node:child_process';\nimport * as util from 'node:util';\nexport async function fetchAll() {\n  cp.execSync('git fetch');\n  return util.format('%s', 'done');\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 3,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import * as cp from 'node:child_process';\nimport * as util from 'node:util';\nconst execAsync = util.promisify(cp.exec);\nexport async function fetchAll() {\n  await execAsync('git fetch');\n  return util.format('%s', 'done');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'no semicolons: the promisified helper goes before the `;` that guards a next line starting with `(` (regression)',
    code: "import * as cp from 'node:child_process'\nimport * as util from 'node:util'\n;(() => 0)()\nexport async function fetchAll() {\n  cp.execSync('git fetch')\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 5,
        column: 3,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import * as cp from 'node:child_process'\nimport * as util from 'node:util'\nconst execAsync = util.promisify(cp.exec)\n;(() => 0)()\nexport async function fetchAll() {\n  await execAsync('git fetch')\n}",
          },
        ],
      },
    ],
  },
  {
    name: "no semicolons: a `;` that guards the line after the imports is not taken for the file's style, and stays in front of that line (regression)",
    code: "import { execSync } from 'node:child_process'\n;(() => 0)()\nexport async function list() {\n  execSync('ls')\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 3,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { exec } from 'node:child_process'\nimport { promisify } from 'node:util'\nconst execAsync = promisify(exec)\n;(() => 0)()\nexport async function list() {\n  await execAsync('ls')\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'spawnSync has no faithful async form: the message says what to do',
    code: "import { spawnSync } from 'node:child_process';\nexport async function run() {\n  return spawnSync('ls').status;\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 19,
        suggestions: [],
      },
    ],
  },
  {
    name: 'zlib: the promisified form',
    code: "import { gzipSync } from 'node:zlib';\nexport async function pack(text: string): Promise<Buffer> {\n  return gzipSync(text);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { gzip } from 'node:zlib';\nimport { promisify } from 'node:util';\nconst gzipAsync = promisify(gzip);\nexport async function pack(text: string): Promise<Buffer> {\n  return await gzipAsync(text);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'zlib through a namespace',
    code: "import * as zlib from 'node:zlib';\nexport async function pack(data: Buffer) {\n  const packed = zlib.brotliCompressSync(data);\n  return packed.length;\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 18,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import * as zlib from 'node:zlib';\nimport { promisify } from 'node:util';\nconst brotliCompressAsync = promisify(zlib.brotliCompress);\nexport async function pack(data: Buffer) {\n  const packed = await brotliCompressAsync(data);\n  return packed.length;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'pbkdf2Sync',
    code: "import { pbkdf2Sync } from 'node:crypto';\nexport async function derive(password: string, salt: string): Promise<Buffer> {\n  return pbkdf2Sync(password, salt, 100000, 64, 'sha512');\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { pbkdf2 } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst pbkdf2Async = promisify(pbkdf2);\nexport async function derive(password: string, salt: string): Promise<Buffer> {\n  return await pbkdf2Async(password, salt, 100000, 64, 'sha512');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'scryptSync keeps its type through a cast',
    code: "import { scryptSync, timingSafeEqual } from 'node:crypto';\nexport async function verify(password: string, salt: string, expected: Buffer) {\n  return timingSafeEqual(scryptSync(password, salt, 64), expected);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 26,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { timingSafeEqual, scrypt, type BinaryLike, type ScryptOptions } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst scryptAsync = promisify(scrypt) as (password: BinaryLike, salt: BinaryLike, keylen: number, options?: ScryptOptions) => Promise<Buffer>;\nexport async function verify(password: string, salt: string, expected: Buffer) {\n  return timingSafeEqual(await scryptAsync(password, salt, 64), expected);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'scryptSync in JavaScript needs no cast',
    filename: 'script.js',
    code: "import { scryptSync } from 'node:crypto';\nexport async function derive(password, salt) {\n  return scryptSync(password, salt, 64);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst scryptAsync = promisify(scrypt);\nexport async function derive(password, salt) {\n  return await scryptAsync(password, salt, 64);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'generateKeyPairSync',
    code: "import { generateKeyPairSync } from 'node:crypto';\nexport async function keys() {\n  const { publicKey } = generateKeyPairSync('ed25519');\n  return publicKey;\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 25,
        endColumn: 44,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { generateKeyPair } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst generateKeyPairAsync = promisify(generateKeyPair);\nexport async function keys() {\n  const { publicKey } = await generateKeyPairAsync('ed25519');\n  return publicKey;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'checkPrimeSync',
    code: "import { checkPrimeSync } from 'node:crypto';\nexport async function isPrime(n: bigint): Promise<boolean> {\n  return checkPrimeSync(n);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'usePromisified',
            output:
              "import { checkPrime, type LargeNumberLike, type CheckPrimeOptions } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst checkPrimeAsync = promisify(checkPrime) as (candidate: LargeNumberLike, options?: CheckPrimeOptions) => Promise<boolean>;\nexport async function isPrime(n: bigint): Promise<boolean> {\n  return await checkPrimeAsync(n);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'generatePrimeSync: the promisified form loses its type, so no suggestion',
    code: "import { generatePrimeSync } from 'node:crypto';\nexport async function prime() {\n  return generatePrimeSync(64);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 27,
        suggestions: [],
      },
    ],
  },
  {
    name: 'randomFillSync: no suggestion',
    code: "import { randomFillSync } from 'node:crypto';\nexport async function fill(buffer: Buffer) {\n  return randomFillSync(buffer);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 24,
        suggestions: [],
      },
    ],
  },
  {
    name: 'Atomics.wait used as a sleep',
    code: 'export async function pause(ms: number) {\n  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);\n}',
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 2,
        column: 3,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'useSleep',
            output:
              "import { setTimeout } from 'node:timers/promises';\nexport async function pause(ms: number) {\n  await setTimeout(ms);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'Atomics.wait as a sleep where the global setTimeout is used too',
    code: 'export async function pause(ms: number) {\n  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);\n  setTimeout(() => {}, ms);\n}',
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 2,
        column: 3,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'useSleep',
            output:
              "import { setTimeout as sleep } from 'node:timers/promises';\nexport async function pause(ms: number) {\n  await sleep(ms);\n  setTimeout(() => {}, ms);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'Atomics.wait on shared state, with Atomics.waitAsync in the lib',
    code: '/// <reference lib="es2024.sharedmemory" />\nexport async function waitFor(state: Int32Array) {\n  const result = Atomics.wait(state, 0, 0, 1000);\n  return result;\n}',
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 18,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'useWaitAsync',
            output:
              '/// <reference lib="es2024.sharedmemory" />\nexport async function waitFor(state: Int32Array) {\n  const result = await Atomics.waitAsync(state, 0, 0, 1000).value;\n  return result;\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'no semicolons: Atomics.waitAsync in parentheses at the start of a line gets a leading `;` (regression)',
    code: '/// <reference lib="es2024.sharedmemory" />\nexport async function waitFor(state: Int32Array) {\n  console.log(\'waiting\')\n  Atomics.wait(state, 0, 0, 1000).toUpperCase()\n}',
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 4,
        column: 3,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'useWaitAsync',
            output:
              '/// <reference lib="es2024.sharedmemory" />\nexport async function waitFor(state: Int32Array) {\n  console.log(\'waiting\')\n  ;(await Atomics.waitAsync(state, 0, 0, 1000).value).toUpperCase()\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'Atomics.wait on shared state without Atomics.waitAsync in the lib',
    code: 'export async function waitFor(state: Int32Array) {\n  return Atomics.wait(state, 0, 0);\n}',
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 2,
        column: 10,
        endColumn: 22,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a busy wait on a deadline declared just before',
    code: 'export async function pause(ms: number) {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWait',
        line: 3,
        column: 3,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'useSleep',
            output:
              "import { setTimeout } from 'node:timers/promises';\nexport async function pause(ms: number) {\n  await setTimeout(ms);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a busy wait on the elapsed time',
    code: 'export async function pause() {\n  const start = performance.now();\n  while (performance.now() - start < 250);\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWait',
        line: 3,
        column: 3,
        endColumn: 42,
        suggestions: [
          {
            messageId: 'useSleep',
            output:
              "import { setTimeout } from 'node:timers/promises';\nexport async function pause() {\n  await setTimeout(250);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'the deadline is used after the loop: only the loop is replaced',
    code: 'export async function pause(ms: number) {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n  return end;\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWait',
        line: 3,
        column: 3,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'useSleep',
            output:
              "import { setTimeout } from 'node:timers/promises';\nexport async function pause(ms: number) {\n  const end = Date.now() + ms;\n  await setTimeout(ms);\n  return end;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'no semicolons: the sleep that replaces a loop ends with `;` when the next line starts with `[` (regression)',
    code: 'export async function pause(ms: number) {\n  const end = Date.now() + ms\n  while (Date.now() < end) {}\n  [1, 2].forEach((n) => console.log(n))\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWait',
        line: 3,
        column: 3,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'useSleep',
            output:
              "import { setTimeout } from 'node:timers/promises';\nexport async function pause(ms: number) {\n  await setTimeout(ms);\n  [1, 2].forEach((n) => console.log(n))\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a do-while busy wait on a deadline parameter',
    code: 'export async function until(deadline: number) {\n  do {} while (performance.now() < deadline);\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWait',
        line: 2,
        column: 9,
        endColumn: 45,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a for loop on new Date()',
    code: 'export async function until(deadline: number) {\n  for (; new Date().getTime() < deadline; ) {}\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWait',
        line: 2,
        column: 3,
        endColumn: 44,
        suggestions: [],
      },
    ],
  },
  {
    name: 'polling in a busy loop: no sleep suggestion',
    code: 'declare function ready(): boolean;\nexport async function waitReady(timeoutMs: number) {\n  const end = Date.now() + timeoutMs;\n  while (!ready() && Date.now() < end) {\n    // spin\n  }\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWait',
        line: 4,
        column: 3,
        endColumn: 39,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a spin that only counts is still a wait',
    code: 'export async function spin(until: number) {\n  let spins = 0;\n  while (Date.now() < until) spins++;\n  return spins;\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWait',
        line: 3,
        column: 3,
        endColumn: 29,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a busy wait in a sync callback',
    code: 'export async function staggered(delays: number[]) {\n  delays.forEach((ms) => {\n    const end = Date.now() + ms;\n    while (Date.now() < end) {}\n  });\n}',
    output: null,
    errors: [
      {
        messageId: 'busyWaitInCallback',
        line: 4,
        column: 5,
        endColumn: 29,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a helper in another file that blocks',
    code: "import { readConfig } from './blocking-helpers.js';\nexport async function start(file: string) {\n  return readConfig(file);\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 10,
        endColumn: 20,
        data: { name: 'readConfig', chain: "It calls 'readFileSync' (blocking-helpers.ts:8)" },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a call through an interface follows to its implementation in the project (a logger that appends to a file)',
    code: "import { appendFileSync } from 'node:fs';\ninterface Logger {\n  log(message: string): void;\n}\nexport class FileLogger implements Logger {\n  log(message: string): void {\n    appendFileSync('app.log', message);\n  }\n}\nexport async function query(logger: Logger, sql: string) {\n  logger.log(sql);\n  return sql;\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 11,
        column: 3,
        endColumn: 13,
        data: {
          name: 'log',
          chain: "Its implementation 'FileLogger.log' (line 6) calls 'appendFileSync' (line 7)",
        },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a call of an abstract method follows to the subclass that implements it',
    code: "import { readFileSync } from 'node:fs';\nabstract class Source {\n  abstract read(): string;\n}\nexport class FileSource extends Source {\n  read(): string {\n    return readFileSync('data.txt', 'utf8');\n  }\n}\nexport async function load(source: Source) {\n  return source.read();\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 11,
        column: 10,
        endColumn: 21,
        data: {
          name: 'read',
          chain: "Its implementation 'FileSource.read' (line 6) calls 'readFileSync' (line 7)",
        },
        suggestions: [],
      },
    ],
  },
  {
    name: 'start-up: a loop in main multiplies the blocking, so it is reported',
    code: "import { readFileSync } from 'node:fs';\nasync function main(files: string[]) {\n  for (const file of files) readFileSync(file, 'utf8');\n}\nvoid main([]);",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 29,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nasync function main(files: string[]) {\n  for (const file of files) await readFile(file, 'utf8');\n}\nvoid main([]);",
          },
        ],
      },
    ],
  },
  {
    name: 'start-up: a function also called from a request handler is not start-up code',
    code: "import { readFileSync } from 'node:fs';\nasync function init() {\n  return readFileSync('config.json', 'utf8');\n}\nasync function main() {\n  await init();\n}\nvoid main();\nexport const handler = () => init();",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nasync function init() {\n  return await readFile('config.json', 'utf8');\n}\nasync function main() {\n  await init();\n}\nvoid main();\nexport const handler = () => init();",
          },
        ],
      },
    ],
  },
  {
    name: 'start-up: the request handler of a server that start-up code starts is not start-up code',
    code: "import { readFileSync } from 'node:fs';\nimport { createServer } from 'node:http';\nexport async function start(port: number) {\n  createServer(async (request, response) => {\n    response.end(readFileSync('page.html'));\n  }).listen(port);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 5,
        column: 18,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { createServer } from 'node:http';\nimport { readFile } from 'node:fs/promises';\nexport async function start(port: number) {\n  createServer(async (request, response) => {\n    response.end(await readFile('page.html'));\n  }).listen(port);\n}",
          },
        ],
      },
    ],
  },
  {
    name: "start-up: a project's own method named listen starts no server, and a message handler runs per message",
    code: "import { readFileSync } from 'node:fs';\nclass Queue {\n  listen() {}\n}\nexport async function run(queue: Queue) {\n  queue.listen();\n  process.on('message', async () => {\n    readFileSync('job.json');\n  });\n  return readFileSync('config.json', 'utf8');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 8,
        column: 5,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nclass Queue {\n  listen() {}\n}\nexport async function run(queue: Queue) {\n  queue.listen();\n  process.on('message', async () => {\n    await readFile('job.json');\n  });\n  return readFileSync('config.json', 'utf8');\n}",
          },
        ],
      },
      {
        messageId: 'blockingCall',
        line: 10,
        column: 10,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nclass Queue {\n  listen() {}\n}\nexport async function run(queue: Queue) {\n  queue.listen();\n  process.on('message', async () => {\n    readFileSync('job.json');\n  });\n  return await readFile('config.json', 'utf8');\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'start-up: checkStartup reports blocking in main too',
    code: "import { readFileSync } from 'node:fs';\nasync function main() {\n  const config = readFileSync('config.json', 'utf8');\n  await fetch(config);\n}\nvoid main();",
    options: [{ checkStartup: true, checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 18,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { readFile } from 'node:fs/promises';\nasync function main() {\n  const config = await readFile('config.json', 'utf8');\n  await fetch(config);\n}\nvoid main();",
          },
        ],
      },
    ],
  },
  {
    name: 'a chain across two files',
    code: "import { loadSettings } from './blocking-helpers.js';\nexport async function start(file: string) {\n  return loadSettings(file);\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 10,
        endColumn: 22,
        data: {
          name: 'loadSettings',
          chain:
            "It calls 'readJson' (blocking-helpers.ts:12), which calls 'readFileSync' (blocking-io.ts:5)",
        },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a helper that busy-waits',
    code: "import { sleepSync } from './blocking-helpers.js';\nexport async function retry() {\n  sleepSync(100);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 3,
        endColumn: 12,
        data: { name: 'sleepSync', chain: 'It busy-waits on the clock (blocking-helpers.ts:17)' },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a helper in the same file',
    code: "import { readFileSync } from 'node:fs';\nfunction loadConfig(file: string) {\n  return JSON.parse(readFileSync(file, 'utf8')) as unknown;\n}\nexport async function start() {\n  return loadConfig('config.json');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 6,
        column: 10,
        endColumn: 20,
        data: { name: 'loadConfig', chain: "It calls 'readFileSync' (line 3)" },
        suggestions: [],
      },
    ],
  },
  {
    name: 'recursion that blocks at its end is reported once, without looping',
    code: "import { countdown } from './blocking-helpers.js';\nexport async function run() {\n  return countdown(3);\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 10,
        endColumn: 19,
        data: {
          name: 'countdown',
          chain:
            "It calls 'readConfig' (blocking-helpers.ts:31), which calls 'readFileSync' (blocking-helpers.ts:8)",
        },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a method of a class in another file',
    code: "import { ConfigStore } from './blocking-helpers.js';\nexport async function run(store: ConfigStore) {\n  return store.load('a.json');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 10,
        endColumn: 20,
        data: {
          name: 'load',
          chain:
            "It calls 'readConfig' (blocking-helpers.ts:58), which calls 'readFileSync' (blocking-helpers.ts:8)",
        },
        suggestions: [],
      },
    ],
  },
  {
    name: 'an arrow function helper',
    code: "import { parseConfig } from './blocking-helpers.js';\nexport async function run() {\n  return parseConfig('a.json');\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 10,
        endColumn: 21,
        data: {
          name: 'parseConfig',
          chain:
            "It calls 'readConfig' (blocking-helpers.ts:54), which calls 'readFileSync' (blocking-helpers.ts:8)",
        },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a helper whose sync callback blocks',
    code: "import { readAll } from './blocking-helpers.js';\nexport async function run(files: string[]) {\n  return readAll(files);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 10,
        endColumn: 17,
        data: { name: 'readAll', chain: "It calls 'readFileSync' (blocking-helpers.ts:39)" },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a blocking helper called from a sync callback',
    code: "import { readConfig } from './blocking-helpers.js';\nexport async function run(files: string[]) {\n  return files.map((file) => readConfig(file));\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 30,
        endColumn: 40,
        data: { name: 'readConfig', chain: "It calls 'readFileSync' (blocking-helpers.ts:8)" },
        suggestions: [],
      },
    ],
  },
  {
    name: 'maxDepth 6 follows the six-function chain',
    code: "import { level1 } from './blocking-helpers.js';\nexport async function run() {\n  return level1();\n}",
    options: [{ maxDepth: 6, checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 3,
        column: 10,
        endColumn: 16,
        data: {
          name: 'level1',
          chain:
            "It calls 'level2' (blocking-helpers.ts:63), which calls 'level3' (blocking-helpers.ts:66), which calls 'level4' (blocking-helpers.ts:69), which calls 'level5' (blocking-helpers.ts:72), which calls 'level6' (blocking-helpers.ts:75), which calls 'readFileSync' (blocking-helpers.ts:78)",
        },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a helper declared inside the async function',
    code: "import { readFileSync } from 'node:fs';\nexport async function run(file: string) {\n  function read() {\n    return readFileSync(file, 'utf8');\n  }\n  return read();\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 6,
        column: 10,
        endColumn: 14,
        data: { name: 'read', chain: "It calls 'readFileSync' (line 4)" },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a sibling method through this',
    code: "import { execSync } from 'node:child_process';\nexport class Deployer {\n  private build() {\n    execSync('make');\n  }\n  async deploy() {\n    this.build();\n  }\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 7,
        column: 5,
        endColumn: 15,
        data: { name: 'build', chain: "It calls 'execSync' (line 4)" },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a base class method through super',
    code: "import { readFileSync } from 'node:fs';\nclass Base {\n  protected read() {\n    return readFileSync('a.txt', 'utf8');\n  }\n}\nexport class Child extends Base {\n  async load() {\n    return super.read();\n  }\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 9,
        column: 12,
        endColumn: 22,
        data: { name: 'read', chain: "It calls 'readFileSync' (line 4)" },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a constructor that blocks',
    code: "import { readFileSync } from 'node:fs';\nclass Config {\n  readonly text: string;\n  constructor(file: string) {\n    this.text = readFileSync(file, 'utf8');\n  }\n}\nexport async function load() {\n  return new Config('a.json').text;\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 9,
        column: 14,
        endColumn: 20,
        data: { name: 'Config', chain: "It calls 'readFileSync' (line 5)" },
        suggestions: [],
      },
    ],
  },
  {
    name: 'a configured call with a replacement',
    code: "import { hashSync } from 'bcrypt';\nexport async function digest(password: string) {\n  return hashSync(password, 10);\n}",
    options: [{ blockingCalls: [{ module: 'bcrypt', name: 'hashSync', replacement: 'hash' }] }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { hash } from 'bcrypt';\nexport async function digest(password: string) {\n  return await hash(password, 10);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a promise reaction is async code: a .then callback that reads a file',
    code: "import { readFileSync } from 'node:fs';\nexport async function chain(file: Promise<string>) {\n  return file.then((name) => readFileSync(name, 'utf8'));\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [{ messageId: 'blockingCall', line: 3, column: 30, endColumn: 42, suggestions: [] }],
  },
  {
    name: 'a promise reaction outside any async function: .catch running a child process',
    code: "import { execSync } from 'node:child_process';\nexport function deploy(upload: () => Promise<void>) {\n  return upload().catch(() => execSync('git reset --hard'));\n}",
    output: null,
    errors: [{ messageId: 'blockingCall', line: 3, column: 31, endColumn: 39, suggestions: [] }],
  },
  {
    name: "bcryptjs's hashSync is in the catalogue, here reached from a .then reaction through a helper",
    code: "import bcrypt from 'bcryptjs';\nfunction passwordHash(password: string) {\n  return bcrypt.hashSync(password, 11);\n}\nexport function changePassword(check: Promise<boolean>, password: string, save: (hash: string) => void) {\n  check.then((matching) => {\n    if (matching) save(passwordHash(password));\n  });\n}",
    output: null,
    errors: [{ messageId: 'blockingHelper', line: 7, column: 24, endColumn: 36 }],
  },
  {
    name: "bcrypt's compareSync is in the catalogue, with its promise form suggested",
    code: "import { compareSync } from 'bcrypt';\nexport async function login(password: string, stored: string) {\n  return compareSync(password, stored);\n}",
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import { compare } from 'bcrypt';\nexport async function login(password: string, stored: string) {\n  return await compare(password, stored);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a helper called through an object of helpers: a property naming a function, a shorthand, an arrow',
    code: "import { readFileSync } from 'node:fs';\nfunction readConfig(path: string) {\n  return readFileSync(path, 'utf8');\n}\nconst Helper = { config: { read: readConfig }, readConfig, readRaw: (path: string) => readFileSync(path) };\nexport async function start(path: string) {\n  return [Helper.config.read(path), Helper.readConfig(path), Helper.readRaw(path)];\n}",
    options: [{ checkOneOffFileSystem: true }],
    output: null,
    errors: [
      { messageId: 'blockingHelper', line: 7, column: 11, endColumn: 29 },
      { messageId: 'blockingHelper', line: 7, column: 37, endColumn: 54 },
      { messageId: 'blockingHelper', line: 7, column: 62, endColumn: 76 },
    ],
  },
  {
    name: 'a configured call through a namespace',
    code: "import * as bcrypt from 'bcrypt';\nexport async function digest(password: string): Promise<string> {\n  return bcrypt.hashSync(password, 10);\n}",
    options: [{ blockingCalls: [{ module: 'bcrypt', name: 'hashSync', replacement: 'hash' }] }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'useAsyncApi',
            output:
              "import * as bcrypt from 'bcrypt';\nexport async function digest(password: string): Promise<string> {\n  return await bcrypt.hash(password, 10);\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'a configured call without a replacement',
    code: "import { hashSync } from 'bcrypt';\nexport async function digest(password: string) {\n  return hashSync(password, 10);\n}",
    options: [{ blockingCalls: [{ module: 'bcrypt', name: 'hashSync' }] }],
    output: null,
    errors: [
      {
        messageId: 'blockingCall',
        line: 3,
        column: 10,
        endColumn: 18,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a configured call inside a helper',
    code: "import { hashSync } from 'bcrypt';\nfunction digest(password: string) {\n  return hashSync(password, 10);\n}\nexport async function register(password: string) {\n  return digest(password);\n}",
    options: [{ blockingCalls: [{ module: 'bcrypt', name: 'hashSync', replacement: 'hash' }] }],
    output: null,
    errors: [
      {
        messageId: 'blockingHelper',
        line: 6,
        column: 10,
        endColumn: 16,
        data: { name: 'digest', chain: "It calls 'hashSync' (line 3)" },
        suggestions: [],
      },
    ],
  },
];
