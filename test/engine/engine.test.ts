// The shared engine on a real two-file TypeScript project: unsaved edits in the overlay change the types other
// files see, and the engine's view returns to the disk when the overlay entry goes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { Engine, type FileOutcome, loadConfigFile } from 'loopguard';
import ts from 'typescript';
import { changeRange, nestingDepth } from 'loopguard/internal/project';

import { fixtureConfig } from '../support/fixture-config';
import {
  createTempProject,
  removeTempProjects,
  TSCONFIG,
  TSCONFIG_WITH_NODE,
} from '../support/temp-project';

function ruleIdsOf(outcome: FileOutcome): Array<string | null> {
  assert.equal(outcome.kind, 'linted');
  return outcome.kind === 'linted' ? outcome.result.messages.map((message) => message.ruleId) : [];
}

describe('Engine', function () {
  this.timeout(60_000);
  after(removeTempProjects);

  it("sees an unsaved edit of an imported file in the importer's types, and forgets it when the buffer closes", () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': 'export function load(): number {\n  return 1;\n}\n',
      'b.ts': "import { load } from './a.js';\nexport function run() {\n  load();\n}\n",
    });
    const engine = new Engine({ root });
    const a = path.join(root, 'a.ts');
    const b = path.join(root, 'b.ts');
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), []);

    engine.overlay.set(
      a.split(path.sep).join('/'),
      'export async function load(): Promise<number> {\n  return 1;\n}\n',
      1,
    );
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), ['loopguard/no-floating-promises']);

    engine.overlay.delete(a.split(path.sep).join('/'));
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), []);
  });

  it('resolves an import to an unsaved buffer of a file not on disk as soon as the buffer opens, until it closes', () => {
    const importer = "import { load } from './a.js';\nexport function run() {\n  load();\n}\n";
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'b.ts': importer });
    const engine = new Engine({ root });
    const a = path.join(root, 'a.ts').split(path.sep).join('/');
    const b = path.join(root, 'b.ts').split(path.sep).join('/');
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), []);

    // TypeScript resolves the imports of an unchanged file again only when told to, and module resolutions are kept
    // from program to program: the importer, unchanged, must not keep the failure from before the buffer opened.
    engine.overlay.set(a, 'export async function load(): Promise<number> {\n  return 1;\n}\n', 1);
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), ['loopguard/no-floating-promises']);
    // Nor an importer that changes since.
    engine.overlay.set(b, `${importer}\n`, 1);
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), ['loopguard/no-floating-promises']);

    engine.overlay.delete(a);
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), []);
    // Opened again, while the importer stays as it is.
    engine.overlay.set(a, 'export async function load(): Promise<number> {\n  return 2;\n}\n', 1);
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), ['loopguard/no-floating-promises']);
  });

  it('leaves a file nested too deeply for the parser out of its program, with a message, each time it changes', () => {
    const deep = (levels: number): string =>
      `export const x = ${'('.repeat(levels)}1${')'.repeat(levels)};\n`;
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'deep.ts': deep(5000),
      'good.ts':
        'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n',
    });
    const engine = new Engine({ root });
    const [deepFile, good] = ['deep.ts', 'good.ts'].map((name) =>
      path.join(root, name).split(path.sep).join('/'),
    ) as [string, string];
    const messagesOf = (outcome: FileOutcome): string[] =>
      outcome.kind === 'linted'
        ? outcome.result.messages.map((message) => message.message)
        : [outcome.kind];
    for (const levels of [5000, 6000]) {
      fs.writeFileSync(deepFile, deep(levels));
      engine.fileChanged(deepFile);
      assert.deepEqual(
        ruleIdsOf(engine.lintFile(good)),
        ['loopguard/no-floating-promises'],
        `${levels} levels`,
      );
      const [message, ...others] = messagesOf(engine.lintFile(deepFile));
      assert.match(
        message ?? '',
        /^Loopguard could not lint this file: its code is nested too deeply for the parser/,
      );
      assert.deepEqual(others, []);
      // A second program of the same version, after the failed build, is still a program.
      assert.deepEqual(
        ruleIdsOf(engine.lintFile(good)),
        ['loopguard/no-floating-promises'],
        `${levels} levels, again`,
      );
    }
  });

  it('counts how deeply brackets nest without recursing (the last resort for a program that overflows the stack)', () => {
    assert.equal(nestingDepth(`export const x = ${'('.repeat(5000)}1${')'.repeat(5000)};`), 5000);
    assert.equal(nestingDepth('const a = [1, { b: (2) }];\nf(() => { g([]); });'), 4);
    assert.equal(nestingDepth(`export const z = 1${' + 1'.repeat(5000)};`), 0);
  });

  it('lints the overlay text of the file itself, not the disk', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': 'export const x = 1;\n' });
    const engine = new Engine({ root });
    const a = path.join(root, 'a.ts').split(path.sep).join('/');
    engine.overlay.set(a, 'declare function f(): Promise<void>;\nf();\nexport {};\n', 7);
    const outcome = engine.lintFile(a);
    assert.deepEqual(ruleIdsOf(outcome), ['loopguard/no-floating-promises']);
    assert.equal(
      outcome.kind === 'linted' && outcome.source,
      'declare function f(): Promise<void>;\nf();\nexport {};\n',
    );
  });

  it('computes fixes without changing the overlay or the disk', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': 'declare function f(): Promise<void>;\nexport async function g() {\n  f();\n}\n',
    });
    const engine = new Engine({ root });
    const a = path.join(root, 'a.ts').split(path.sep).join('/');
    const fixed = engine.lintFile(a, 'unsafe');
    assert.equal(
      fixed.kind === 'linted' && fixed.result.output,
      'declare function f(): Promise<void>;\nexport async function g() {\n  await f();\n}\n',
    );
    assert.equal(engine.overlay.get(a), undefined);
    assert.deepEqual(ruleIdsOf(engine.lintFile(a)), ['loopguard/no-floating-promises']);
  });

  it('reports a blocking chain across files with its related locations, and follows edits to the helper body', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'config.ts':
        "import { readFileSync } from 'node:fs';\nexport function loadConfig(): string {\n  return readFileSync('config.json', 'utf8');\n}\n",
      'server.ts':
        "import { loadConfig } from './config.js';\nexport async function start(request: { url: string }) {\n  return loadConfig();\n}\n",
    });
    const engine = new Engine({ root });
    const config = path.join(root, 'config.ts').split(path.sep).join('/');
    const server = path.join(root, 'server.ts').split(path.sep).join('/');
    const outcome = engine.lintFile(server);
    assert.deepEqual(ruleIdsOf(outcome), ['loopguard/no-blocking-in-async']);
    assert.equal(outcome.kind, 'linted');
    if (outcome.kind !== 'linted') return;
    const [message] = outcome.result.messages;
    assert.match(
      message!.message,
      /inside async code\. It calls 'readFileSync' \(config\.ts:3\)\. /,
    );
    assert.deepEqual(outcome.findings.find((finding) => finding.message === message)?.related, [
      {
        filePath: config,
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 22,
        message: "'loadConfig' calls 'readFileSync' here, which blocks the event loop",
      },
    ]);

    // Only the helper's body changes, not its signature: the new program gets a new analysis.
    engine.overlay.set(config, "export function loadConfig(): string {\n  return '{}';\n}\n", 1);
    assert.deepEqual(ruleIdsOf(engine.lintFile(server)), []);
    engine.overlay.delete(config);
    assert.deepEqual(ruleIdsOf(engine.lintFile(server)), ['loopguard/no-blocking-in-async']);
  });

  it('sees the @types packages of a folder that no tsconfig covers, on TypeScript 6 as on 5 (whose default was all of them)', () => {
    const root = createTempProject({
      'node_modules/@types/job-queue/package.json': JSON.stringify({
        name: '@types/job-queue',
        version: '1.0.0',
        types: 'index.d.ts',
      }),
      'node_modules/@types/job-queue/index.d.ts':
        'declare function enqueueJob(name: string): Promise<void>;\n',
      'worker.js': "export async function run() {\n  enqueueJob('mail');\n}\n",
    });
    const engine = new Engine({ root });
    assert.deepEqual(ruleIdsOf(engine.lintFile(path.join(root, 'worker.js'))), [
      'loopguard/no-floating-promises',
    ]);
  });

  it('never follows calls into node_modules, even into TypeScript sources there', () => {
    const library =
      "import { readFileSync } from 'node:fs';\nexport function load(): string {\n  return readFileSync('x', 'utf8');\n}\n";
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'node_modules/blocking-lib/package.json': JSON.stringify({
        name: 'blocking-lib',
        version: '1.0.0',
        type: 'module',
        types: './index.ts',
      }),
      'node_modules/blocking-lib/index.ts': library,
      'vendored.ts': library,
      'server.ts':
        "import { load } from 'blocking-lib';\nimport { load as loadVendored } from './vendored.js';\nexport async function start(request: { url: string }) {\n  return [load(), loadVendored()];\n}\n",
    });
    const engine = new Engine({ root });
    const outcome = engine.lintFile(path.join(root, 'server.ts'));
    assert.deepEqual(ruleIdsOf(outcome), ['loopguard/no-blocking-in-async']);
    assert.match(
      outcome.kind === 'linted' ? outcome.result.messages[0]!.message : '',
      /^'loadVendored' blocks/,
      'the same code inside the project is followed',
    );
  });
});

describe('Engine fixes', function () {
  this.timeout(60_000);
  after(removeTempProjects);

  it('fixes many files in shared passes, with the outputs a file-by-file run gives, and leaves the overlay as it was', () => {
    const floating = (name: string): string =>
      `declare function ${name}(): Promise<void>;\nexport async function g() {\n  ${name}();\n}\n`;
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': floating('f'),
      'b.ts': floating('h'),
      'c.ts': 'export const clean = 1;\n',
    });
    const files = ['a.ts', 'b.ts', 'c.ts'].map((name) =>
      path.join(root, name).split(path.sep).join('/'),
    );
    const together = new Engine({ root }).lintFiles(files, 'unsafe');
    const oneByOne = files.map((file) => new Engine({ root }).lintFile(file, 'unsafe'));
    const outputs = (outcomes: FileOutcome[]): unknown[] =>
      outcomes.map((outcome) => outcome.kind === 'linted' && outcome.result.output);
    assert.deepEqual(outputs(together), [
      floating('f').replace('  f();', '  await f();'),
      floating('h').replace('  h();', '  await h();'),
      undefined,
    ]);
    assert.deepEqual(outputs(together), outputs(oneByOne));

    const engine = new Engine({ root });
    engine.overlay.set(files[1]!, floating('k'), 3);
    engine.lintFiles(files, 'unsafe');
    assert.equal(engine.overlay.get(files[0]!), undefined);
    assert.deepEqual(engine.overlay.get(files[1]!), { text: floating('k'), version: 3 });
  });

  it("adds a top-level await only where the project's TypeScript allows one, with its own defaults for an omitted target and module", () => {
    const tsconfig = JSON.stringify({ compilerOptions: { strict: true, noEmit: true } });
    const root = createTempProject({
      'tsconfig.json': tsconfig,
      'main.ts': 'declare function f(): Promise<void>;\nf();\nexport {};\n',
      'probe.ts': 'await Promise.resolve();\nexport {};\n',
    });
    const typeErrors = (): string[] => {
      const config = ts.getParsedCommandLineOfConfigFile(
        path.join(root, 'tsconfig.json'),
        {},
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
      )!;
      const program = ts.createProgram(config.fileNames, config.options);
      return ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${path.basename(d.file?.fileName ?? '')} TS${d.code}`);
    };
    const probeAccepted = !typeErrors().some((error) => error.startsWith('probe.ts'));
    const main = path.join(root, 'main.ts').split(path.sep).join('/');
    const fixed = new Engine({ root }).lintFile(main, 'unsafe');
    const output = fixed.kind === 'linted' ? fixed.result.output : undefined;
    assert.ok(output, 'the floating call gets a fix');
    assert.equal(/^await f\(\);$/m.test(output), probeAccepted, output);
    fs.writeFileSync(main, output);
    assert.deepEqual(
      typeErrors().filter((error) => error.startsWith('main.ts')),
      [],
    );
  });

  it('drops a fix pass that leaves the file unparsable, keeps the last text that parsed, and says so', async () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': fixtureConfig({
        'fixtures/prefer-let': 'error',
        'fixtures/unparsable-fix': 'error',
      }),
      'a.ts': 'var n = 1;\nexport function g() {\n  debugger;\n  return n;\n}\n',
    });
    const config = await loadConfigFile(path.join(root, 'eslint.config.mjs'));
    const outcome = new Engine({ root, config }).lintFile(path.join(root, 'a.ts'), 'safe');
    assert.equal(outcome.kind, 'linted');
    if (outcome.kind !== 'linted') return;
    // Both autofixes are applied in the same pass, so neither survives: the pass as a whole broke the file.
    assert.equal(outcome.result.output, undefined);
    const messages = outcome.result.messages.map((message) => [message.ruleId, message.line]);
    assert.deepEqual(messages, [
      ['fixtures/prefer-let', 1],
      ['fixtures/unparsable-fix', 3],
      [null, 1],
    ]);
    assert.match(
      outcome.result.messages[2]!.message,
      /^Some fixes for this file were not applied: together they produced code that does not parse \(Parsing error: .*\)\. Please report this as a Loopguard bug\.$/,
    );
  });

  it('reads a file from disk once, and again after being told it changed', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': 'export const x = 1;\n' });
    const engine = new Engine({ root });
    const a = path.join(root, 'a.ts').split(path.sep).join('/');
    assert.deepEqual(ruleIdsOf(engine.lintFile(a)), []);
    fs.writeFileSync(a, 'declare function f(): Promise<void>;\nf();\nexport {};\n');
    assert.deepEqual(
      ruleIdsOf(engine.lintFile(a)),
      [],
      'the engine lints what it read until it is told of a change',
    );
    engine.fileChanged(a);
    assert.deepEqual(ruleIdsOf(engine.lintFile(a)), ['loopguard/no-floating-promises']);
  });

  it('re-parses an edited buffer from what changed, and lints each version as a fresh engine does', () => {
    const original = [
      'declare function save(n: number): Promise<void>;',
      'declare function load(): number;',
      'export async function first() {',
      '  save(1);',
      '  return load();',
      '}',
      'export function second(values: number[]) {',
      '  values.forEach(async (value) => {',
      '    await save(value);',
      '  });',
      '}',
      'export async function third() {',
      '  const pending = save(2);',
      '}',
      '',
    ].join('\n');
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': original });
    const a = path.join(root, 'a.ts').split(path.sep).join('/');
    const engine = new Engine({ root });
    // Each edit is made to the text before it: typing, a deletion, an edit that breaks the syntax and its undo,
    // a function made sync, a statement added at the end.
    const edits: Array<[string, string]> = [
      ['  save(1);', '  save(1);\n  save(3);'],
      ['  save(3);\n', ''],
      ['return load();', 'return load(;'],
      ['return load(;', 'return load();'],
      ['export async function third', 'export function third'],
      ['  const pending = save(2);\n}', '  const pending = save(2);\n  save(4);\n}'],
    ];
    let text = original;
    let version = 1;
    engine.overlay.set(a, text, version);
    const messagesOf = (outcome: FileOutcome) =>
      outcome.kind === 'linted'
        ? outcome.result.messages.map(({ ruleId, line, column, message }) => ({
            ruleId,
            line,
            column,
            message,
          }))
        : outcome.kind;
    engine.lintFile(a);
    for (const [before, after] of edits) {
      const previous = engine.projectOf(a)!.getProgram().getSourceFile(a)!;
      const firstStatement = previous.statements[0];
      assert.ok(text.includes(before), before);
      text = text.replace(before, after);
      engine.overlay.set(a, text, ++version);
      const warm = messagesOf(engine.lintFile(a));
      const current = engine.projectOf(a)!.getProgram().getSourceFile(a)!;
      assert.equal(current.text, text);
      // The incremental parser keeps the nodes before the edit; a full parse would make new ones.
      assert.equal(
        current.statements[0],
        firstStatement,
        `the first statement reused after ${after}`,
      );
      const fresh = new Engine({ root });
      fresh.overlay.set(a, text, 1);
      assert.deepEqual(warm, messagesOf(fresh.lintFile(a)), `after ${JSON.stringify(after)}`);
    }
  });

  it('tells the span that changed between two texts', () => {
    const range = (before: string, after: string) => {
      const { span, newLength } = changeRange(before, after);
      return [span.start, span.length, newLength];
    };
    assert.deepEqual(range('abc', 'abc'), [3, 0, 0]);
    assert.deepEqual(range('abc', 'abXc'), [2, 0, 1]);
    assert.deepEqual(range('abXc', 'abc'), [2, 1, 0]);
    assert.deepEqual(range('aaa', 'aaaa'), [3, 0, 1]);
    assert.deepEqual(range('', 'x'), [0, 0, 1]);
    assert.deepEqual(range('one two', 'one three'), [5, 2, 4]);
  });
});
