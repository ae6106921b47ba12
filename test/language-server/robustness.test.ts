// The real language server over stdio under load and faults: a burst of 1,000 changes to one document among 50 open
// ones (only current results are published, and the memory comes back), input that is not LSP, requests about
// documents the server does not have, clients that go away, rules that throw or never return, and the bad-input
// corpus as open documents.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import {
  DidChangeTextDocumentNotification,
  MessageType,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { BAD_FILES, BROKEN_PROJECT_FILE, BROKEN_TSCONFIGS } from '../support/bad-input';
import { EVENT_BUDGET_MS, LspSession, SERVER_BIN, uriOf } from '../support/lsp-client';
import { FIXTURES } from '../support/paths';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import { TEST_BUDGET_MS } from '../support/budgets';

const RULE = 'loopguard/no-floating-promises';
const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The text of version `version` of the burst document: one to seven floating calls, so each version has its own findings. */
function burstText(version: number): string {
  const calls = (version % 7) + 1;
  return `declare function save(): Promise<void>;\nexport async function run() {\n${'  save();\n'.repeat(calls)}  // version ${version}\n}\n`;
}

/** The lines (0-based) of the findings in `burstText(version)`. */
function burstLines(version: number): number[] {
  return Array.from({ length: (version % 7) + 1 }, (_, index) => 2 + index);
}

function codesOf(params: PublishDiagnosticsParams): Array<number | string | undefined> {
  return params.diagnostics.map((diagnostic) => diagnostic.code);
}

/** A diagnostic's message as text (LSP 3.18 allows markup too; this server sends plain strings). */
function textOf(message: string | { value: string } | undefined): string {
  return typeof message === 'string' ? message : (message?.value ?? '');
}

/** What each diagnostic is: its rule id, or the message of a diagnostic that has none. */
function messagesOf(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((diagnostic) =>
    typeof diagnostic.code === 'string' && diagnostic.code.includes('/')
      ? diagnostic.code
      : textOf(diagnostic.message),
  );
}

/** Processes whose parent is `pid`, and theirs (Linux: from /proc). */
function descendantsOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name may hold spaces and parentheses; the fields after its closing parenthesis are fixed.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(entry), ...descendantsOf(Number(entry)));
  }
  return children;
}

/** Whether a process runs: it exists and, on Linux, is not a zombie waiting for its (new) parent to collect it. */
function isRunning(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Rejects after `budgetMs`, naming what was awaited; otherwise resolves with `promise`. */
function within<T>(promise: Promise<T>, what: string, budgetMs = EVENT_BUDGET_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${budgetMs} ms`)), budgetMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('loopguard-language-server under load and faults (over stdio)', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('publishes only current results through 1,000 rapid changes among 50 open documents, and gives the memory back', async function () {
    const files: Record<string, string> = { 'tsconfig.json': TSCONFIG, 'burst.ts': burstText(1) };
    const openName = (index: number): string => `open/doc${index}.ts`;
    for (let index = 0; index < 50; index++) files[openName(index)] = FLOATING;
    const root = createTempProject(files);
    const { session } = await LspSession.start({ folders: [root], execArgv: ['--expose-gc'] });
    try {
      const open: string[] = [];
      // One after another, as an editor restoring its tabs opens them.
      for (let index = 0; index < 50; index++)
        open.push(await session.open(path.join(root, openName(index))));
      for (const uri of open)
        assert.deepEqual(codesOf(await session.nextDiagnostics(uri, 0)), [RULE]);
      const burst = await session.open(path.join(root, 'burst.ts'));
      await session.nextDiagnostics(burst, 0);
      const before = await session.status(true);

      const started = performance.now();
      for (let version = 2; version <= 1001; version++)
        assert.equal(await session.change(burst, burstText(version)), version);
      const sent = performance.now();
      await session.diagnosticsMatching(
        burst,
        0,
        'diagnostics of the final version',
        (params) => params.version === 1001,
      );
      const settled = performance.now();
      const after = await session.status(true);

      const published = session.diagnostics.filter((params) => params.uri === burst);
      const versions = published.map((params) => params.version!);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
        'versions only go up',
      );
      assert.equal(new Set(versions).size, versions.length, 'no version twice');
      for (const params of published) {
        assert.deepEqual(
          params.diagnostics.map((diagnostic) => diagnostic.range.start.line),
          burstLines(params.version!),
          `version ${params.version}`,
        );
      }
      assert.equal(versions.at(-1), 1001);
      for (const uri of open)
        assert.equal(
          session.diagnosticsCount(uri),
          1,
          'nothing is published again for documents that did not change',
        );

      // The figures the README quotes (run with the `spec` reporter to see them).
      const megabytes = (bytes: number | null): string =>
        `${((bytes ?? 0) / 1024 / 1024).toFixed(1)} MB`;
      this.test!.title += ` [${versions.length} lints published for 1,000 changes; sent in ${Math.round(sent - started)} ms, final diagnostics ${Math.round(settled - sent)} ms later; worker heap ${megabytes(before.memory.workerHeapUsed)} → ${megabytes(after.memory.workerHeapUsed)}, connection heap ${megabytes(before.memory.connectionHeapUsed)} → ${megabytes(after.memory.connectionHeapUsed)}, RSS ${megabytes(before.memory.rss)} → ${megabytes(after.memory.rss)}]`;
      assert.equal(before.openDocuments, 51);
      assert.ok(
        after.memory.workerHeapUsed! < before.memory.workerHeapUsed! * 1.2 + 10 * 1024 * 1024,
        `worker heap ${before.memory.workerHeapUsed} → ${after.memory.workerHeapUsed}`,
      );
      assert.ok(
        after.memory.connectionHeapUsed < before.memory.connectionHeapUsed * 1.2 + 10 * 1024 * 1024,
        `connection heap ${before.memory.connectionHeapUsed} → ${after.memory.connectionHeapUsed}`,
      );
      assert.equal(after.workersStarted, 1, 'the worker was never restarted');
      assert.equal(session.stderr, '');
      assert.equal(await session.shutdown(), 0);
    } finally {
      session.kill();
    }
  });

  describe('with input that is not what LSP promises', () => {
    let session: LspSession;
    let root: string;

    before(async () => {
      root = createTempProject({ 'tsconfig.json': TSCONFIG, 'after.ts': FLOATING });
      ({ session } = await LspSession.start({ folders: [root] }));
    });
    after(() => session.kill());

    it('logs a message that is not JSON, skips it, and keeps serving', async () => {
      session.writeRaw('Content-Length: 9\r\n\r\n{not json');
      const logged = await session.waitFor('the log line', () =>
        session.logs.find((log) =>
          log.message.startsWith('A message from the client is not valid JSON'),
        ),
      );
      assert.equal(logged.type, MessageType.Error);
      assert.deepEqual(await session.codeActions(uriOf(path.join(root, 'after.ts')), ORIGIN), []);
    });

    it('answers requests about documents it does not have, and unknown methods, with results or errors', async () => {
      const ghost = uriOf(path.join(root, 'never-opened.ts'));
      assert.deepEqual(await session.codeActions(ghost, ORIGIN), []);
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: ghost, version: 7 },
        contentChanges: [{ text: 'x' }],
      });
      await session.close(ghost);
      await assert.rejects(
        session.connection.sendRequest('textDocument/hover', {
          textDocument: { uri: ghost },
          position: { line: 0, character: 0 },
        }),
        /Unhandled method textDocument\/hover/,
      );
      await assert.rejects(
        session.connection.sendRequest('textDocument/codeAction', {}),
        /Request textDocument\/codeAction failed/,
      );
      const uri = await session.open(path.join(root, 'after.ts'));
      assert.deepEqual(codesOf(await session.nextDiagnostics(uri, 0)), [RULE]);
      assert.equal(session.diagnosticsCount(ghost), 0);
      assert.equal(session.stderr, '');
    });

    it('exits with code 1 and says why when a header cannot be read (no later message boundary can be trusted)', async () => {
      session.writeRaw('Content-Length: many\r\n\r\n{}');
      assert.equal(await within(session.exited, 'exit'), 1);
      assert.equal(
        session.stderr,
        "loopguard-language-server: the client's messages cannot be read any more (Content-Length value must be a number. Got many); exiting.\n",
      );
    });
  });

  describe('when the client goes away', () => {
    it('exits with code 2 and its usage when it is not told how to talk to the client', () => {
      const run = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8', input: '' });
      assert.equal(run.status, 2);
      assert.match(
        run.stderr,
        /^loopguard-language-server: say how to talk to the editor, e\.g\. --stdio\n\nUsage/,
      );
      assert.equal(run.stdout, '');
    });

    it('exits with code 1 when its input closes without shutdown', async () => {
      const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': FLOATING });
      const { session } = await LspSession.start({ folders: [root] });
      try {
        const uri = await session.open(path.join(root, 'a.ts'));
        await session.nextDiagnostics(uri, 0);
        session.process.stdin!.end();
        assert.equal(await within(session.exited, 'exit'), 1);
      } finally {
        session.kill();
      }
    });

    it('exits when its client is killed, leaving no process behind (the lint worker is a thread)', async () => {
      const root = createTempProject({ 'a.ts': FLOATING });
      const client = spawn(
        process.execPath,
        [
          path.join(FIXTURES, 'disappearing-client', 'client.cjs'),
          SERVER_BIN,
          pathToFileURL(path.join(root, 'a.ts')).href,
          FLOATING,
        ],
        { stdio: ['ignore', 'pipe', 'inherit', 'pipe'] },
      );
      try {
        // The server holds the other end of fd 3: it closes when the server's process is gone.
        const fromServer = client.stdio[3] as NodeJS.ReadableStream;
        const serverGone = new Promise<void>((resolve) =>
          fromServer.on('end', () => resolve()).resume(),
        );
        const serverPid = await within(
          new Promise<number>((resolve) =>
            client.stdout!.once('data', (chunk: Buffer) =>
              resolve(Number(chunk.toString('utf8').trim())),
            ),
          ),
          'diagnostics in the client',
        );
        assert.ok(isRunning(serverPid));
        if (process.platform === 'linux')
          assert.deepEqual(descendantsOf(serverPid), [], 'the server starts no processes');
        client.kill('SIGKILL');
        await within(serverGone, "the server's exit");
        assert.equal(isRunning(serverPid), false);
      } finally {
        if (client.exitCode === null) client.kill('SIGKILL');
      }
    });
  });

  it('keeps linting other documents while one rule throws and another never returns', async () => {
    const url = (file: string): string => pathToFileURL(file).href;
    const config = [
      `import * as parser from '${url(require.resolve('@typescript-eslint/parser'))}';`,
      `import loopguard from '${url(require.resolve('eslint-plugin-loopguard'))}';`,
      `import fixtures from '${url(path.join(FIXTURES, 'cli-plugin', 'index.cjs'))}';`,
      `import lsp from '${url(path.join(FIXTURES, 'lsp-plugin', 'index.cjs'))}';`,
      'export default [',
      `  { files: ['**/*.ts'], languageOptions: { parser, parserOptions: { projectService: true } }, plugins: { loopguard, fixtures, lsp }, rules: { '${RULE}': 'error', 'lsp/loop-forever': 'error' } },`,
      "  { files: ['crash/**/*.ts'], rules: { 'fixtures/crash': 'error' } },",
      '];',
    ].join('\n');
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': config,
      'loop.ts': `// loop forever\n${FLOATING}`,
      'normal.ts': FLOATING,
      'crash/crash.ts': FLOATING,
    });
    const { session } = await LspSession.start({
      folders: [root],
      settings: { lintTimeBudgetMs: 1_500 },
    });
    try {
      const loop = await session.open(path.join(root, 'loop.ts'));
      const normal = await session.open(path.join(root, 'normal.ts'));
      const crash = await session.open(path.join(root, 'crash', 'crash.ts'));
      // The loop holds the worker until its budget runs out; the documents queued behind it are linted by the next one.
      assert.deepEqual(codesOf(await session.nextDiagnostics(normal, 0)), [RULE]);
      assert.deepEqual(codesOf(await session.nextDiagnostics(crash, 0)), ['fixtures/crash', RULE]);
      const slow = await session.waitFor('the abandoned lint', () =>
        session.slowLints.find((params) => params.uri === loop),
      );
      assert.equal(slow.abandoned, true);
      assert.ok(
        session.logs.some(
          (log) =>
            log.type === MessageType.Error &&
            log.message ===
              `Linting ${loop} went over its time budget (1500 ms) and was abandoned; the lint worker was restarted.`,
        ),
      );
      assert.ok(
        session.logs.some(
          (log) =>
            log.type === MessageType.Error &&
            log.message.startsWith(`Rule 'fixtures/crash' crashed on ${crash}`),
        ),
      );
      assert.equal(session.diagnosticsCount(loop), 0);
      // The restarted worker serves the next change.
      await session.change(normal, FLOATING.replace('  save();', '  await save();'));
      assert.deepEqual((await session.nextDiagnostics(normal, 1)).diagnostics, []);
      assert.equal((await session.status()).workersStarted, 2);
      assert.equal(await session.shutdown(), 0);
    } finally {
      session.kill();
    }
  });

  it('publishes a message for each bad document and broken tsconfig, and keeps serving', async () => {
    const files: Record<string, string> = { 'corpus/tsconfig.json': TSCONFIG };
    for (const broken of BROKEN_TSCONFIGS) {
      for (const [name, text] of Object.entries(broken.files))
        files[`${broken.folder}/${name}`] = text;
      files[`${broken.folder}/a.ts`] = BROKEN_PROJECT_FILE;
    }
    const root = createTempProject(files);
    for (const bad of BAD_FILES) fs.writeFileSync(path.join(root, 'corpus', bad.name), bad.content);
    const { session } = await LspSession.start({ folders: [root] });
    try {
      for (const bad of BAD_FILES) {
        const uri = await session.open(path.join(root, 'corpus', bad.name));
        const published = await session.nextDiagnostics(uri, 0);
        // An editor's buffer is text already: bytes that are not UTF-8 are the editor's business, not a warning here.
        const expected = bad.expected.filter(
          (entry) => !(entry instanceof RegExp && entry.source.includes('UTF-8')),
        );
        const messages = messagesOf(published);
        assert.equal(messages.length, expected.length, `${bad.name}: ${messages.join(' | ')}`);
        expected.forEach((entry, index) =>
          typeof entry === 'string'
            ? assert.equal(messages[index], entry, bad.name)
            : assert.match(messages[index]!, entry, bad.name),
        );
      }
      for (const broken of BROKEN_TSCONFIGS) {
        const uri = await session.open(path.join(root, broken.folder, 'a.ts'));
        const [problem, ...others] = (await session.nextDiagnostics(uri, 0)).diagnostics;
        assert.deepEqual(others, []);
        assert.match(textOf(problem?.message), /^Loopguard cannot lint this file: /);
        assert.match(textOf(problem?.message), broken.problem);
      }
      const good = uriOf(path.join(root, 'corpus', 'good.ts'));
      await session.change(good, FLOATING.replace('run()', 'again()'));
      assert.deepEqual(codesOf(await session.nextDiagnostics(good, 1)), [RULE]);
      assert.equal(session.stderr, '');
      assert.equal(await session.shutdown(), 0);
    } finally {
      session.kill();
    }
  });
});
