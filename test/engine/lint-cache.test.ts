// The lint cache in-process, on a real project on disk: a run where nothing changed answers every file from the
// cache without asking any project for its TypeScript program, and gives the results a fresh lint gives; after an
// edit, only the files whose lint read the edited part are linted again, and every result equals a fresh lint's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import loopguard from 'eslint-plugin-loopguard';
import { Engine, type FileOutcome, LintCache, type LintConfigSource } from 'loopguard';

import {
  createTempProject,
  removeTempProjects,
  TSCONFIG,
  TSCONFIG_WITH_NODE,
} from '../support/temp-project';
import {
  CATCHING_SESSION,
  PROXY_API,
  PROXY_CALLER,
  REJECTING_SESSION,
} from '../support/proxy-client';

const RECOMMENDED: LintConfigSource = { kind: 'builtin', name: 'recommended' };

/** One `loopguard lint --cache` run, as the CLI drives the engine and the cache; `linted` collects what it linted. */
function lintWithCache(
  root: string,
  files: readonly string[],
  onEngine: (engine: Engine) => void = () => {},
  linted: string[] = [],
): FileOutcome[] {
  const engine = new Engine({ root });
  engine.prepare(files);
  onEngine(engine);
  const cache = LintCache.open(path.join(root, 'cache.json'), RECOMMENDED);
  cache.prepare(engine, files);
  const outcomes = files.map((file) => {
    const cached = cache.get(file, 'none');
    if (cached) return cached;
    linted.push(path.basename(file));
    const outcome = engine.lintFile(file);
    cache.set(engine, file, outcome);
    return outcome;
  });
  assert.equal(cache.save(), undefined);
  return outcomes;
}

/** The start of a helper file: `save`, and the functions `used` (returns 1) and `other` (returns 2). */
const HELPERS = [
  'declare function save(): Promise<void>;',
  'export function used(): number {',
  '  return 1;',
  '}',
  'export function other(): number {',
  '  return 2;',
  '}',
];

/** An edit of a helper's body: a call of `save()` before its `return`. */
function callSaveBefore(text: string, line: string): string {
  return text.replace(line, `  save();\n${line}`);
}

/** The lines of a linted file's findings. */
function findingLines(outcome: FileOutcome | undefined): number[] | false {
  return outcome?.kind === 'linted' && outcome.result.messages.map((message) => message.line);
}

/** An edit of a logger whose `log` wrote a file with `appendFileSync`: it prints instead. */
function stopWritingLog(text: string): string {
  return text.replace("appendFileSync('log.txt', message);", 'console.log(message);');
}

/** A lint without any cache. */
function lintCold(root: string, files: readonly string[]): FileOutcome[] {
  const engine = new Engine({ root });
  engine.prepare(files);
  return files.map((file) => engine.lintFile(file));
}

/** Edits a file of the project, then runs warm and cold: they must agree. Returns the files the warm run linted. */
function editAndCompare(
  root: string,
  files: readonly string[],
  file: string,
  edit: (text: string) => string,
): string[] {
  const target = path.join(root, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} must change it`);
  fs.writeFileSync(target, after);
  const linted: string[] = [];
  const warm = lintWithCache(root, files, () => {}, linted);
  assert.deepEqual(warm.map(messagesOf), lintCold(root, files).map(messagesOf));
  return linted.sort();
}

function messagesOf(outcome: FileOutcome | undefined): unknown {
  return outcome?.kind === 'linted' ? outcome.result : outcome;
}

/** An interface whose `log` calls the rules follow into its implementations (the cases below add them). */
const LOGGER_INTERFACE = 'export interface Logger {\n  log(message: string): void;\n}\n';

describe('LintCache', function () {
  this.timeout(60_000);
  after(removeTempProjects);

  it('answers an unchanged project without building a program, with the results of a fresh lint', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'load.ts': 'export async function load(): Promise<number> {\n  return 1;\n}\n',
      'main.ts':
        "import { load } from './load.js';\nexport async function main() {\n  load();\n}\n",
    });
    const files = [path.join(root, 'load.ts'), path.join(root, 'main.ts')];
    const cold = lintWithCache(root, files);

    let programsBuilt = 0;
    const warm = lintWithCache(root, files, (engine) => {
      for (const file of files) {
        const project = engine.projectOf(file)!;
        const getProgram = project.getProgram.bind(project);
        project.getProgram = () => {
          programsBuilt++;
          return getProgram();
        };
      }
    });
    assert.equal(programsBuilt, 0, 'nothing changed, so no program may be built');
    assert.deepEqual(warm.map(messagesOf), cold.map(messagesOf));
    assert.equal(
      warm[1]?.kind === 'linted' && warm[1].result.messages[0]?.ruleId,
      'loopguard/no-floating-promises',
    );
  });

  it('lints again only the files that read the edited part of a helper file', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'helpers.ts': [
        ...HELPERS,
        'export class Store {',
        '  load(): number {',
        '    return used();',
        '  }',
        '}',
        'export async function unusedTask(): Promise<void> {',
        '  await save();',
        '}',
        '',
      ].join('\n'),
      'main.ts':
        "import { used } from './helpers.js';\nexport async function main() {\n  used();\n}\n",
      'second.ts':
        "import { other } from './helpers.js';\nexport async function second() {\n  other();\n}\n",
      'third.ts':
        "import { Store } from './helpers.js';\nexport async function third(store: Store) {\n  store.load();\n}\n",
    });
    const files = ['helpers.ts', 'main.ts', 'second.ts', 'third.ts'].map((file) =>
      path.join(root, file),
    );
    lintWithCache(root, files);

    // `other` is read by second.ts only; main.ts and third.ts (through `Store`, which calls `used`) never name it.
    assert.deepEqual(
      editAndCompare(root, files, 'helpers.ts', (text) => callSaveBefore(text, '  return 2;')),
      ['helpers.ts', 'second.ts'],
    );
    // Moving declarations down changes no read text, and no result names helpers.ts.
    assert.deepEqual(
      editAndCompare(root, files, 'helpers.ts', (text) =>
        text.replace('export function other', '// Another helper.\n\nexport function other'),
      ),
      ['helpers.ts'],
    );
    // `used` is read by main.ts, and by third.ts through the body of `Store#load`.
    assert.deepEqual(
      editAndCompare(root, files, 'helpers.ts', (text) =>
        text
          .replace('export function used(): number', 'export function used(): Promise<number>')
          .replace('  return 1;', '  return save().then(() => 1);'),
      ),
      ['helpers.ts', 'main.ts', 'third.ts'],
    );
    // A new top-level name could capture a name a read part mentions: every reader lints again.
    assert.deepEqual(
      editAndCompare(root, files, 'helpers.ts', (text) => `${text}export const extra = 1;\n`),
      ['helpers.ts', 'main.ts', 'second.ts', 'third.ts'],
    );
  });

  it('reads a namespace import by the names its file reads from it, and a name written with escapes by its decoded form', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'helpers.ts': [
        ...HELPERS,
        'export function strip(text: string): string {',
        "  return text[0] === '\\uFEFF' ? text.slice(1) : text;",
        '}',
        'export function viaEscape(): number {',
        '  return \\u006fther();',
        '}',
        '',
      ].join('\n'),
      'ns.ts':
        "import * as helpers from './helpers.js';\nexport async function ns(): Promise<number> {\n  return helpers.used();\n}\n",
      'value.ts':
        "import * as helpers from './helpers.js';\nexport const all = helpers;\nexport async function value() {\n  all.used();\n}\n",
      'stripper.ts':
        "import { strip } from './helpers.js';\nexport async function stripper() {\n  strip('x');\n}\n",
      'escaper.ts':
        "import { viaEscape } from './helpers.js';\nexport async function escaper() {\n  viaEscape();\n}\n",
    });
    const files = ['helpers.ts', 'ns.ts', 'value.ts', 'stripper.ts', 'escaper.ts'].map((file) =>
      path.join(root, file),
    );
    lintWithCache(root, files);

    // ns.ts reads `used` only; value.ts passes the namespace on, so it reads all of helpers.ts; stripper.ts reads
    // `strip`, whose `\uFEFF` is in a string; escaper.ts reads `viaEscape`, whose body calls `other` written escaped.
    assert.deepEqual(
      editAndCompare(root, files, 'helpers.ts', (text) => callSaveBefore(text, '  return 2;')),
      ['escaper.ts', 'helpers.ts', 'value.ts'],
    );
    assert.deepEqual(
      editAndCompare(root, files, 'helpers.ts', (text) => callSaveBefore(text, '  return 1;')),
      ['helpers.ts', 'ns.ts', 'value.ts'],
    );
  });

  it('writes each distinct read once, keeps the table to what results list, and re-lints a result whose read is missing', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'helpers.ts':
        'export function used(): number {\n  return 1;\n}\nexport function other(): number {\n  return 2;\n}\n',
      'a.ts': "import { used } from './helpers.js';\nexport async function a() {\n  used();\n}\n",
      'b.ts': "import { used } from './helpers.js';\nexport async function b() {\n  used();\n}\n",
      'c.ts': "import { other } from './helpers.js';\nexport async function c() {\n  other();\n}\n",
    });
    const files = ['helpers.ts', 'a.ts', 'b.ts', 'c.ts'].map((file) => path.join(root, file));
    const cacheFile = path.join(root, 'cache.json');
    type Stored = {
      reads: Array<[string, string[] | '*']>;
      results: Record<string, { reads?: number[] }>;
    };
    const stored = () => JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Stored;
    lintWithCache(root, files);
    const first = stored();
    const helpers = files[0]!.split(path.sep).join('/');
    const aFile = files[1]!.split(path.sep).join('/');
    const bFile = files[2]!.split(path.sep).join('/');
    const readOf = (data: Stored, file: string) =>
      (data.results[file]?.reads ?? []).map((index) => data.reads[index]);
    // a.ts and b.ts read the same part of helpers.ts: one entry of the table, listed by both.
    const aReadsHelpers = readOf(first, aFile).find((entry) => entry?.[0] === helpers);
    assert.deepEqual(aReadsHelpers, [helpers, ['used']]);
    const shared = first.reads.findIndex(
      (entry) => JSON.stringify(entry) === JSON.stringify(aReadsHelpers),
    );
    assert.ok(first.results[aFile]?.reads?.includes(shared));
    assert.ok(first.results[bFile]?.reads?.includes(shared));
    assert.equal(
      new Set(first.reads.map((entry) => JSON.stringify(entry))).size,
      first.reads.length,
      'no read is written twice',
    );

    // Edits that change what is read, back and forth: the table holds only what results list.
    for (let round = 0; round < 3; round++) {
      editAndCompare(root, files, 'c.ts', (text) =>
        text.includes('other()')
          ? text.replace('other()', 'used()')
          : text.replace('used()', 'other()'),
      );
      const data = stored();
      const listed = new Set(Object.values(data.results).flatMap((result) => result.reads ?? []));
      assert.equal(listed.size, data.reads.length, `round ${round}: every entry is listed`);
    }

    // A damaged cache (an index past the table) cannot be trusted for that result: it is linted again.
    const damaged = stored();
    damaged.results[aFile]!.reads = [
      ...(damaged.results[aFile]!.reads ?? []),
      damaged.reads.length + 5,
    ];
    fs.writeFileSync(cacheFile, JSON.stringify(damaged));
    const linted: string[] = [];
    const warm = lintWithCache(root, files, () => {}, linted);
    assert.deepEqual(linted, ['a.ts']);
    assert.deepEqual(warm.map(messagesOf), lintCold(root, files).map(messagesOf));
  });

  it('lints a caller again when the implementation of an interface or abstract method it calls changes', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'logger.ts': LOGGER_INTERFACE,
      'store.ts': 'export abstract class Store {\n  abstract save(key: string): void;\n}\n',
      // The implementations import what they implement; the callers never name them.
      'file-logger.ts': [
        "import { appendFileSync } from 'node:fs';",
        "import type { Logger as Sink } from './logger.js';",
        'export class FileLogger implements Sink {',
        '  log(message: string): void {',
        "    appendFileSync('log.txt', message);",
        '  }',
        '}',
        '',
      ].join('\n'),
      'disk-store.ts': [
        "import { writeFileSync } from 'node:fs';",
        "import { Store } from './store.js';",
        "export const flush = (key: string): void => writeFileSync(key, '');",
        'export class DiskStore extends Store {',
        '  save(key: string): void {',
        '    console.log(key);',
        '  }',
        '}',
        '',
      ].join('\n'),
      'service.ts': [
        "import type { Logger } from './logger.js';",
        "import type { Store } from './store.js';",
        // Request handlers (a `request` parameter), where a one-off write is reported.
        'export async function query(logger: Logger, request: { sql: string }): Promise<number> {',
        '  logger.log(request.sql);',
        '  return request.sql.length;',
        '}',
        'export async function persist(store: Store, request: { key: string }): Promise<void> {',
        '  store.save(request.key);',
        '}',
        '',
      ].join('\n'),
    });
    const files = ['logger.ts', 'store.ts', 'file-logger.ts', 'disk-store.ts', 'service.ts'].map(
      (file) => path.join(root, file),
    );
    const first = lintWithCache(root, files);
    assert.deepEqual(
      findingLines(first[4]),
      [4],
      'the blocking call through the interface is found',
    );
    assert.deepEqual(
      editAndCompare(root, files, 'file-logger.ts', stopWritingLog),
      // logger.ts too: a file declaring an interface reads its implementations (a call in it could reach them).
      ['file-logger.ts', 'logger.ts', 'service.ts'],
    );
    assert.deepEqual(
      editAndCompare(root, files, 'disk-store.ts', (text) =>
        text.replace('console.log(key);', "writeFileSync(key, '');"),
      ),
      ['disk-store.ts', 'service.ts', 'store.ts'],
    );
  });

  it('reads only the implementations the rules follow, and asks again which they are after an edit anywhere', () => {
    const moreLoggers = [1, 2, 3, 4]
      .map((n) =>
        [
          `export class Logger${n} implements Logger {`,
          '  log(message: string): void {',
          `    console.log(${n}, message);`,
          '  }',
          '}',
        ].join('\n'),
      )
      .join('\n');
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'logger.ts': LOGGER_INTERFACE,
      'file-logger.ts': [
        "import { appendFileSync } from 'node:fs';",
        "import type { Logger } from './logger.js';",
        'export class FileLogger implements Logger {',
        '  log(message: string): void {',
        "    appendFileSync('log.txt', message);",
        '  }',
        '}',
        '',
      ].join('\n'),
      'more-loggers.ts': "import type { Logger } from './logger.js';\nexport type Sink = Logger;\n",
      'service.ts': [
        "import type { Logger } from './logger.js';",
        'export async function query(logger: Logger, request: { sql: string }): Promise<number> {',
        '  logger.log(request.sql);',
        '  return request.sql.length;',
        '}',
        '',
      ].join('\n'),
    });
    const files = ['logger.ts', 'file-logger.ts', 'more-loggers.ts', 'service.ts'].map((file) =>
      path.join(root, file),
    );
    const first = lintWithCache(root, files);
    assert.deepEqual(
      findingLines(first[3]),
      [3],
      'the blocking call through the one implementation is found',
    );
    // Four more implementations, in a file service.ts does not read: the rules stop following `log`, so every file
    // reading `Logger` is linted again, and service.ts's finding goes, as in a cold run.
    assert.deepEqual(
      editAndCompare(root, files, 'more-loggers.ts', (text) => `${text}${moreLoggers}\n`),
      ['file-logger.ts', 'logger.ts', 'more-loggers.ts', 'service.ts'],
    );
    // With five, an edit of one implementation is read by nothing that calls `log` through the interface.
    assert.deepEqual(editAndCompare(root, files, 'file-logger.ts', stopWritingLog), [
      'file-logger.ts',
    ]);
  });

  it("asks a project's implementations again only when one of its own files changed", () => {
    const root = createTempProject({
      'a/tsconfig.json': TSCONFIG,
      'a/main.ts': 'export async function main(): Promise<number> {\n  return 1;\n}\n',
      'b/tsconfig.json': TSCONFIG,
      'b/logger.ts': LOGGER_INTERFACE,
      'b/service.ts':
        "import type { Logger } from './logger.js';\nexport async function query(logger: Logger) {\n  logger.log('x');\n}\n",
    });
    const files = ['a/main.ts', 'b/logger.ts', 'b/service.ts'].map((file) => path.join(root, file));
    lintWithCache(root, files);
    const buildsOfB = (): number => {
      let builds = 0;
      lintWithCache(root, files, (engine) => {
        const project = engine.projectOf(files[2]!)!;
        const getProgram = project.getProgram.bind(project);
        project.getProgram = () => {
          builds++;
          return getProgram();
        };
      });
      return builds;
    };
    fs.appendFileSync(files[0]!, '// An edit in project a.\n');
    assert.equal(buildsOfB(), 0, "project b's program is not needed");
    fs.appendFileSync(files[2]!, '// An edit in project b.\n');
    assert.ok(buildsOfB() > 0, "project b's implementations are asked of its new program");
  });

  it('counts every import of a file whose lint could read more than 4,000 parts, instead of tracing them', () => {
    const constants = Array.from({ length: 4001 }, (_, n) => `export const c${n} = ${n};`);
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'big.ts': `${constants.join('\n')}\nexport const count = [${constants.map((_, n) => `c${n}`).join(', ')}].length;\n`,
      'whole.ts': "import * as big from './big.js';\nexport const all = big;\n",
      'one.ts': "import { c1 } from './big.js';\nexport const first = c1;\n",
      'counted.ts': "import { count } from './big.js';\nexport const total = count;\n",
      // 4,001 functions calling each other around a ring: one part of the graph of reads, over the limit as a whole.
      'ring.ts': constants
        .map((_, n) => `export function f${n}(): number {\n  return f${(n + 1) % 4001}();\n}`)
        .join('\n'),
      'ring-user.ts': "import { f7 } from './ring.js';\nexport const seven = f7;\n",
    });
    const files = ['big.ts', 'whole.ts', 'one.ts', 'counted.ts', 'ring.ts', 'ring-user.ts'].map(
      (file) => path.join(root, file),
    );
    lintWithCache(root, files);
    const stored = JSON.parse(fs.readFileSync(path.join(root, 'cache.json'), 'utf8')) as {
      results: Record<string, { reads?: number[] }>;
    };
    const traced = files.map(
      (file) => stored.results[file.split(path.sep).join('/')]?.reads !== undefined,
    );
    assert.deepEqual(
      traced,
      [false, false, true, false, false, false],
      'big.ts, whole.ts and counted.ts (through `count`) read all 4,001 constants, ring-user.ts all of the ring',
    );
    // An edit of a constant one.ts does not read: the untraced files count their imports and are linted again.
    assert.deepEqual(
      editAndCompare(root, files, 'big.ts', (text) => text.replace('c2 = 2;', 'c2 = 3;')),
      ['big.ts', 'counted.ts', 'whole.ts'],
    );
  });

  it("traces reads only for its own version of Loopguard's rules (another may follow other implementations)", () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'load.ts': 'export async function load(): Promise<number> {\n  return 1;\n}\n',
      'main.ts':
        "import { load } from './load.js';\nexport async function main() {\n  load();\n}\n",
    });
    const files = ['load.ts', 'main.ts'].map((file) => path.join(root, file));
    const readsWith = (version: string): boolean[] => {
      const plugin = { ...loopguard, meta: { ...loopguard.meta, version } };
      const config: LintConfigSource = {
        kind: 'file',
        path: path.join(root, 'eslint.config.mjs'),
        configs: [
          { plugins: { loopguard: plugin }, rules: { 'loopguard/no-floating-promises': 'error' } },
        ],
      };
      const location = path.join(root, `cache-${version}.json`);
      const engine = new Engine({ root, config });
      engine.prepare(files);
      const cache = LintCache.open(location, config);
      cache.prepare(engine, files);
      for (const file of files) cache.set(engine, file, engine.lintFile(file));
      assert.equal(cache.save(), undefined);
      const stored = JSON.parse(fs.readFileSync(location, 'utf8')) as {
        results: Record<string, { reads?: number[] }>;
      };
      return Object.values(stored.results).map((result) => result.reads !== undefined);
    };
    assert.deepEqual(readsWith(loopguard.meta.version), [true, true]);
    assert.deepEqual(readsWith('0.0.0-another'), [false, false]);
  });

  it('lints a caller again when the Proxy that answers its calls changes', () => {
    // The session builds the client; the caller only names the interface.
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'api.ts': PROXY_API,
      'session.ts': CATCHING_SESSION,
      'caller.ts': PROXY_CALLER,
    });
    const files = ['api.ts', 'session.ts', 'caller.ts'].map((file) => path.join(root, file));
    const first = lintWithCache(root, files);
    assert.deepEqual(
      first[2]?.kind === 'linted' && first[2].result.messages.length,
      0,
      'a request through a client whose send catches cannot reject',
    );
    assert.deepEqual(
      editAndCompare(root, files, 'session.ts', () => REJECTING_SESSION),
      ['api.ts', 'caller.ts', 'session.ts'],
    );
    const after = lintCold(root, files)[2];
    assert.equal(after?.kind === 'linted' && after.result.messages.length, 1, 'now it can');
  });

  it('lints everything again when an edit changes the packages the project imports', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': 'export function a(): number {\n  return 1;\n}\n',
      'b.ts': 'export async function b(): Promise<void> {}\n',
    });
    const files = [path.join(root, 'a.ts'), path.join(root, 'b.ts')];
    lintWithCache(root, files);
    assert.deepEqual(
      editAndCompare(root, files, 'a.ts', (text) => `import 'p-map';\n${text}`),
      ['a.ts', 'b.ts'],
    );
  });

  it('takes a package file as changed when its size or its modification time changed, without reading it', () => {
    const asynchronous = 'export declare function load(): Promise<number>;\n';
    const synchronous = 'export declare function load(): number;\n'.padEnd(asynchronous.length);
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'node_modules/dep/package.json': JSON.stringify({ name: 'dep', types: 'index.d.ts' }),
      'node_modules/dep/index.d.ts': asynchronous,
      'main.ts': "import { load } from 'dep';\nexport async function main() {\n  load();\n}\n",
      'other.ts': 'export const other = 1;\n',
    });
    const files = [path.join(root, 'main.ts'), path.join(root, 'other.ts')];
    const declarations = path.join(root, 'node_modules/dep/index.d.ts');
    // Modification times in the past: a stamp taken after the run began is not trusted (and not kept).
    const writePackageFile = (text: string, modified: Date): void => {
      fs.writeFileSync(declarations, text);
      fs.utimesSync(declarations, modified, modified);
    };
    const findingsOf = (outcomes: FileOutcome[]): number =>
      outcomes.reduce(
        (sum, outcome) => sum + (outcome.kind === 'linted' ? outcome.result.messages.length : 0),
        0,
      );
    writePackageFile(asynchronous, new Date(2020, 0, 1));
    assert.equal(findingsOf(lintWithCache(root, files)), 1);
    const cached = JSON.parse(fs.readFileSync(path.join(root, 'cache.json'), 'utf8')) as {
      files: Record<string, { hash: string }>;
    };
    const entry = Object.entries(cached.files).find(([file]) => file.endsWith('/dep/index.d.ts'));
    assert.match(entry?.[1].hash ?? '', /^\d+:[\d.]+$/, 'a package file is kept by its stamp');

    // Unchanged: nothing is linted again.
    const unchanged: string[] = [];
    lintWithCache(root, files, () => {}, unchanged);
    assert.deepEqual(unchanged, []);

    // The same size, another modification time.
    writePackageFile(synchronous, new Date(2020, 0, 2));
    const sameSize: string[] = [];
    const afterSameSize = lintWithCache(root, files, () => {}, sameSize);
    assert.deepEqual(sameSize.sort(), ['main.ts', 'other.ts']);
    assert.deepEqual(afterSameSize.map(messagesOf), lintCold(root, files).map(messagesOf));
    assert.equal(findingsOf(afterSameSize), 0);

    // Another size, the same modification time.
    writePackageFile(asynchronous.replace('number', 'boolean'), new Date(2020, 0, 2));
    const otherSize: string[] = [];
    const afterOtherSize = lintWithCache(root, files, () => {}, otherSize);
    assert.deepEqual(otherSize.sort(), ['main.ts', 'other.ts']);
    assert.deepEqual(afterOtherSize.map(messagesOf), lintCold(root, files).map(messagesOf));
    assert.equal(findingsOf(afterOtherSize), 1);
  });
});
