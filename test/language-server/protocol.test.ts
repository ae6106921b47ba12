// The real `loopguard-language-server` over stdio, driven by a real LSP client library: diagnostics, code actions and
// their edits, fix-all, types that follow unsaved edits of other files, stale-version suppression, a throwing rule,
// a lint over its time budget, settings (which keep the warm programs), untrusted workspaces, multi-root workspaces,
// and shutdown.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  CancellationTokenSource,
  CodeActionRequest,
  DiagnosticSeverity,
  ExecuteCommandRequest,
  FileChangeType,
  MessageType,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { FIXTURES } from '../support/paths';
import { applyTextEdits, LspSession, uriOf } from '../support/lsp-client';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import {
  CATCHING_SESSION,
  PROXY_API,
  PROXY_CALLER,
  REJECTING_SESSION,
} from '../support/proxy-client';
import { EVENT_BUDGET_MS, TEST_BUDGET_MS } from '../support/budgets';

const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';
const AWAITED =
  'declare function save(): Promise<void>;\nexport async function run() {\n  await save();\n}\n';
const RULE = 'loopguard/no-floating-promises';
const DOCS =
  'https://github.com/loopguard/loopguard/blob/main/eslint-plugin/docs/rules/no-floating-promises.md';
const LOAD_SYNC = 'export function load(): number {\n  return 1;\n}\n';
const LOAD_ASYNC = 'export async function load(): Promise<number> {\n  return 1;\n}\n';
const CALLER = "import { load } from './a.js';\nexport function run() {\n  load();\n}\n";
const MIDDLE = "export { load } from './a.js';\n";
const CALLER_THROUGH_MIDDLE =
  "import { load } from './middle.js';\nexport function run() {\n  load();\n}\n";

/** A workspace config with Loopguard and the test-only fixture plugins (an autofix, a throwing rule, a holding rule). */
function fixtureConfig(gate: string): string {
  const url = (file: string): string => pathToFileURL(file).href;
  return [
    `import * as parser from '${url(require.resolve('@typescript-eslint/parser'))}';`,
    `import loopguard from '${url(require.resolve('eslint-plugin-loopguard'))}';`,
    `import fixtures from '${url(path.join(FIXTURES, 'cli-plugin', 'index.cjs'))}';`,
    `import lsp from '${url(path.join(FIXTURES, 'lsp-plugin', 'index.cjs'))}';`,
    'export default [{',
    "  files: ['**/*.ts'],",
    '  languageOptions: { parser, parserOptions: { projectService: true } },',
    '  plugins: { loopguard, fixtures, lsp },',
    '  rules: {',
    `    '${RULE}': 'error',`,
    "    'fixtures/prefer-let': 'warn',",
    `    'lsp/hold-until-gate': ['error', { gate: ${JSON.stringify(gate)} }],`,
    "    'lsp/slow-nodes': 'error',",
    '  },',
    '}, {',
    "  files: ['crash/**/*.ts'],",
    "  rules: { 'fixtures/crash': 'error' },",
    '}];',
  ].join('\n');
}

function codesOf(
  diagnostics: ReadonlyArray<{ code?: number | string }>,
): Array<number | string | undefined> {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

/** A diagnostic's message as text (LSP 3.18 allows markup too; this server sends plain strings). */
function messageText(message: string | { value: string } | undefined): string {
  return typeof message === 'string' ? message : (message?.value ?? '');
}

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
/** The two-file scenario of an unsaved cross-file edit: `b.ts` has one floating promise, two once `load` is async. */
const CALLER_AND_SAVE =
  "import { load } from './a.js';\ndeclare function save(n: number): Promise<void>;\nexport async function run() {\n  load();\n  save(1);\n}\n";

/** The one implementation of `impl/logger.ts`'s `Logger`: its promise cannot reject, until the edit makes it throw. */
const QUIET_LOGGER =
  "import type { Logger } from './logger.js';\nexport class QuietLogger implements Logger {\n  log(_message: string): Promise<void> {\n    return Promise.resolve();\n  }\n}\n";
const THROWING_LOGGER = QUIET_LOGGER.replace(
  '  log(_message: string): Promise<void> {\n    return Promise.resolve();\n  }',
  '  async log(message: string): Promise<void> {\n    throw new Error(message);\n  }',
);

/** Messages of the log, one per line (a worker's console output may arrive as one chunk of several lines). */
/**
 * Asks `probe` until it answers, with a pause between asks (each ask is a request the server must be left idle after),
 * within the event budget.
 */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + EVENT_BUDGET_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${EVENT_BUDGET_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `body` with a server of its own, which must then shut down cleanly; the process is killed whatever happens. */
async function inSession(
  options: Parameters<typeof LspSession.start>[0],
  body: (session: LspSession) => Promise<void>,
): Promise<void> {
  const { session } = await LspSession.start(options);
  try {
    await body(session);
    assert.equal(await session.shutdown(), 0);
  } finally {
    session.kill();
  }
}

function logLines(session: LspSession): string[] {
  return session.logs.flatMap((log) => log.message.split('\n'));
}

/** A floating promise and 300 identifiers, on each of which `lsp/slow-nodes` takes 20 ms when the marker asks. */
function slowNodes(marker: string): string {
  return `// slow nodes ${marker}\n${FLOATING}declare const x: number;\nexport const xs = [${'x, '.repeat(300)}];\n`;
}

const FLOATING_RANGE = { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } };

describe('loopguard-language-server (over stdio)', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  describe('with the built-in config', () => {
    let session: LspSession;
    let root: string;

    before(async () => {
      root = createTempProject({
        'tsconfig.json': TSCONFIG,
        'work.ts': FLOATING,
        'a.ts': LOAD_SYNC,
        'middle.ts': MIDDLE,
        'b.ts': CALLER,
        'c.ts': CALLER_THROUGH_MIDDLE,
        'settings.ts': FLOATING,
        'settings-asked.ts': FLOATING,
        'globals.d.ts': 'declare function legacyLoad(): number;\n',
        'legacy.ts': 'export function run() {\n  legacyLoad();\n}\n',
        'b-first/a.ts': LOAD_SYNC,
        'b-first/b.ts': CALLER_AND_SAVE,
        'a-first/a.ts': LOAD_SYNC,
        'a-first/b.ts': CALLER_AND_SAVE,
        'no-tsconfig/plain.js':
          'async function save() {}\nasync function run() {\n  save();\n}\nrun();\n',
        'impl/logger.ts': 'export interface Logger {\n  log(message: string): Promise<void>;\n}\n',
        'impl/quiet-logger.ts': QUIET_LOGGER,
        'impl/service.ts':
          "import type { Logger } from './logger.js';\nexport function report(logger: Logger) {\n  logger.log('x');\n}\n",
        'proxy/api.ts': PROXY_API,
        'proxy/session.ts': CATCHING_SESSION,
        'proxy/caller.ts': PROXY_CALLER,
        'pause.ts':
          'export function pause(ms: number): void {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n}\n',
        'retry.ts':
          "import { pause } from './pause.js';\nexport async function retry() {\n  pause(100);\n}\n",
      });
      ({ session } = await LspSession.start({ folders: [root] }));
    });
    after(() => session.kill());

    it('publishes a diagnostic for the unsaved buffer on open, with the rule, its docs and the document version', async () => {
      const uri = await session.open(path.join(root, 'work.ts'));
      const published = await session.nextDiagnostics(uri, 0);
      assert.deepEqual(published, {
        uri,
        version: 1,
        diagnostics: [
          {
            range: { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } },
            severity: DiagnosticSeverity.Error,
            source: 'loopguard',
            message:
              'This promise is not awaited, returned, or handled. Nothing waits for it to finish, and if it rejects the error is lost.',
            code: RULE,
            codeDescription: { href: DOCS },
          },
        ],
      });
      // The worker reuses the syntax of unchanged code between versions (it logs when it cannot).
      assert.deepEqual(
        session.logs.filter((log) => log.message.includes('Converting each version')),
        [],
      );
    });

    it('offers each suggestion, the disable comments and the docs as code actions, each with its edit', async () => {
      const uri = uriOf(path.join(root, 'work.ts'));
      const actions = await session.codeActions(uri, {
        start: { line: 2, character: 4 },
        end: { line: 2, character: 4 },
      });
      assert.deepEqual(
        actions.map((action) => [action.title, action.kind, action.isPreferred === true]),
        [
          ['Add `await`', 'quickfix', true],
          ['Return the promise to the caller', 'quickfix', false],
          ['Add `.catch(…)` that logs the error', 'quickfix', false],
          ['Mark as intentionally not awaited with `void`', 'quickfix', false],
          [`Disable ${RULE} for this line`, 'quickfix', false],
          [`Disable ${RULE} for this file`, 'quickfix', false],
          [`Show documentation for ${RULE}`, 'quickfix', false],
        ],
      );
      const results = actions.map((action) =>
        action.edit ? applyTextEdits(FLOATING, action.edit.changes?.[uri] ?? []) : action.command,
      );
      assert.deepEqual(results, [
        AWAITED,
        FLOATING.replace('  save();', '  return save();'),
        FLOATING.replace('  save();', '  save().catch((error) => { console.error(error); });'),
        FLOATING.replace('  save();', '  void save();'),
        FLOATING.replace('  save();', `  // eslint-disable-next-line ${RULE}\n  save();`),
        `/* eslint-disable ${RULE} */\n${FLOATING}`,
        {
          title: `Show documentation for ${RULE}`,
          command: 'loopguard.showRuleDocs',
          arguments: [DOCS],
        },
      ]);
      assert.equal(actions[0]?.diagnostics?.[0]?.code, RULE);
    });

    it('offers no actions away from a finding, and no fix-all when nothing is auto-fixable', async () => {
      const uri = uriOf(path.join(root, 'work.ts'));
      assert.deepEqual(await session.codeActions(uri, ORIGIN), []);
      assert.deepEqual(await session.codeActions(uri, FLOATING_RANGE, ['source.fixAll']), []);
    });

    it('lints the new text on change, and clears the diagnostic once the quick fix is applied', async () => {
      const uri = uriOf(path.join(root, 'work.ts'));
      const seen = session.diagnosticsCount(uri);
      const version = await session.change(uri, AWAITED);
      assert.deepEqual(await session.nextDiagnostics(uri, seen), { uri, version, diagnostics: [] });
    });

    it('re-lints an open importer when an unsaved edit makes an imported function async, and again when it is reverted', async () => {
      const a = await session.open(path.join(root, 'a.ts'));
      const b = await session.open(path.join(root, 'b.ts'));
      const c = await session.open(path.join(root, 'c.ts'));
      assert.deepEqual((await session.nextDiagnostics(b, 0)).diagnostics, []);
      assert.deepEqual((await session.nextDiagnostics(c, 0)).diagnostics, []);
      await session.nextDiagnostics(a, 0);

      await session.change(a, LOAD_ASYNC);
      const direct = await session.nextDiagnostics(b, 1);
      assert.deepEqual(codesOf(direct.diagnostics), [RULE], 'b.ts imports a.ts');
      assert.equal(direct.version, 1, 'b.ts itself did not change');
      const transitive = await session.nextDiagnostics(c, 1);
      assert.deepEqual(
        codesOf(transitive.diagnostics),
        [RULE],
        'c.ts imports a.ts through middle.ts (not open)',
      );

      await session.change(a, LOAD_SYNC);
      assert.deepEqual((await session.nextDiagnostics(b, 2)).diagnostics, []);
      assert.deepEqual((await session.nextDiagnostics(c, 2)).diagnostics, []);
    });

    // Regression: opening a file and editing it at once merged the two lints into one "open" lint, which did not look
    // for importers, so an open importer kept its stale findings until it was edited itself.
    for (const order of ['b-first', 'a-first'] as const) {
      it(`re-lints an open importer after an unsaved edit made right after opening the imported file (${order})`, async () => {
        const aFile = path.join(root, order, 'a.ts');
        const bFile = path.join(root, order, 'b.ts');
        let b: string;
        if (order === 'b-first') {
          b = await session.open(bFile);
          assert.equal((await session.nextDiagnostics(b, 0)).diagnostics.length, 1);
        } else {
          b = uriOf(bFile);
        }
        const a = await session.open(aFile);
        await session.change(a, LOAD_ASYNC);
        if (order === 'a-first') b = await session.open(bFile);
        const twice = await session.diagnosticsMatching(
          b,
          0,
          'two findings in b.ts',
          (params) => params.diagnostics.length === 2,
        );
        assert.deepEqual(codesOf(twice.diagnostics), [RULE, RULE]);
        assert.deepEqual(
          twice.diagnostics.map((diagnostic) => diagnostic.range.start.line),
          [3, 4],
        );
        await session.close(a);
        await session.close(b);
      });
    }

    it('re-lints an open importer when an imported file that is not open changes on disk', async () => {
      const b = uriOf(path.join(root, 'b.ts'));
      const a = uriOf(path.join(root, 'a.ts'));
      // Closing a.ts puts its importers back on the disk's a.ts, so they are linted again (3rd publication of b.ts).
      await session.close(a);
      assert.deepEqual((await session.nextDiagnostics(b, 3)).diagnostics, []);
      fs.writeFileSync(path.join(root, 'a.ts'), LOAD_ASYNC);
      await session.filesChanged([{ uri: a, type: FileChangeType.Changed }]);
      assert.deepEqual(codesOf((await session.nextDiagnostics(b, 4)).diagnostics), [RULE]);
    });

    it('re-lints the files of the program when an unsaved edit changes a global declaration file', async () => {
      const declarations = await session.open(path.join(root, 'globals.d.ts'));
      const legacy = await session.open(path.join(root, 'legacy.ts'));
      assert.deepEqual((await session.nextDiagnostics(legacy, 0)).diagnostics, []);
      await session.change(declarations, 'declare function legacyLoad(): Promise<number>;\n');
      assert.deepEqual(codesOf((await session.nextDiagnostics(legacy, 1)).diagnostics), [RULE]);
      assert.equal(session.diagnosticsCount(declarations), 0, 'a declaration file is not linted');
      await session.close(declarations);
      assert.deepEqual((await session.nextDiagnostics(legacy, 2)).diagnostics, []);
      await session.close(legacy);
    });

    // The rules answer a call of an interface method from the classes implementing it, and a call on a type a
    // `Proxy` is declared as from its traps: code the caller does not import, whose edits still reach it.
    for (const { folder, answering, edited } of [
      { folder: 'impl', answering: 'quiet-logger.ts', edited: THROWING_LOGGER },
      {
        folder: 'proxy',
        answering: 'session.ts',
        edited: REJECTING_SESSION,
      },
    ]) {
      it(`re-lints an open caller when an unsaved edit changes code it does not import that answers its calls (${folder})`, async () => {
        const caller = await session.open(
          path.join(root, folder, folder === 'impl' ? 'service.ts' : 'caller.ts'),
        );
        assert.deepEqual((await session.nextDiagnostics(caller, 0)).diagnostics, []);
        const answer = await session.open(path.join(root, folder, answering));
        await session.nextDiagnostics(answer, 0);
        await session.change(answer, edited);
        assert.deepEqual(codesOf((await session.nextDiagnostics(caller, 1)).diagnostics), [RULE]);
        await session.close(answer);
        await session.close(caller);
      });
    }

    it('lints a JavaScript file outside every tsconfig in the inferred project', async () => {
      const uri = await session.open(path.join(root, 'no-tsconfig', 'plain.js'), 'javascript');
      const published = await session.nextDiagnostics(uri, 0);
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
        [
          [RULE, 2],
          [RULE, 4],
        ],
      );
    });

    it('sends the chain of a finding through a helper in another file as relatedInformation', async () => {
      const uri = await session.open(path.join(root, 'retry.ts'));
      const published = await session.nextDiagnostics(uri, 0);
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => [
          diagnostic.code,
          diagnostic.range,
          messageText(diagnostic.message),
          diagnostic.relatedInformation,
        ]),
        [
          [
            'loopguard/no-blocking-in-async',
            { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } },
            "'pause' blocks the event loop inside async code. It busy-waits on the clock (pause.ts:3). Make it async with the promise API and await it here, or call it before the async work starts.",
            [
              {
                location: {
                  uri: uriOf(path.join(root, 'pause.ts')),
                  range: { start: { line: 2, character: 2 }, end: { line: 2, character: 26 } },
                },
                message: "'pause' busy-waits on the clock here",
              },
            ],
          ],
        ],
      );
      await session.close(uri);
    });

    it("asks for a document's settings once, not before each lint, and again once it is reopened", async () => {
      const file = path.join(root, 'settings-asked.ts');
      const uri = await session.open(file);
      await session.nextDiagnostics(uri, 0);
      const askedForIt = () => session.settingsAsked.filter((scope) => scope === uri).length;
      assert.equal(askedForIt(), 1);
      await session.change(uri, `${fs.readFileSync(file, 'utf8')}\n`);
      await session.nextDiagnostics(uri, 1);
      assert.equal(askedForIt(), 1, 'an edit is linted with the settings already read');
      const seen = session.diagnosticsCount(uri);
      await session.close(uri);
      await session.nextDiagnostics(uri, seen);
      await session.open(file);
      await session.nextDiagnostics(uri, seen + 1);
      assert.equal(askedForIt(), 2, 'a reopened document is asked for again');
      await session.close(uri);
    });

    it('follows the settings: severity overrides, `enable`, and `run: onSave`', async () => {
      const uri = await session.open(path.join(root, 'settings.ts'));
      await session.nextDiagnostics(uri, 0);

      await session.changeSettings({ rules: { [RULE]: 'warn' } });
      const warned = await session.nextDiagnostics(uri, 1);
      assert.deepEqual(
        warned.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        [[RULE, DiagnosticSeverity.Warning]],
      );

      await session.changeSettings({ rules: { [RULE]: 'off' } });
      assert.deepEqual((await session.nextDiagnostics(uri, 2)).diagnostics, []);

      await session.changeSettings({ enable: false });
      assert.deepEqual((await session.nextDiagnostics(uri, 3)).diagnostics, []);

      await session.changeSettings({ run: 'onSave' });
      assert.deepEqual(codesOf((await session.nextDiagnostics(uri, 4)).diagnostics), [RULE]);
      await session.change(uri, AWAITED);
      // With `onSave` a change is not linted; a code action request is answered after the change was handled, and
      // no diagnostics for it may have been published by then.
      await session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: ORIGIN,
        context: { diagnostics: [] },
      });
      assert.equal(session.diagnosticsCount(uri), 5);

      await session.changeSettings({
        rules: { 'loopguard/no-such-rule': 'warn' },
        lintTimeBudgetMs: 'soon',
      });
      await session.nextDiagnostics(uri, 5);
      const warnings = session.logs
        .filter((log) => log.type === MessageType.Warning)
        .map((log) => log.message);
      assert.ok(
        warnings.includes(
          'loopguard.lintTimeBudgetMs: expected a whole number of at least 500, got "soon"; using 10000.',
        ),
        warnings.join('\n'),
      );
      assert.ok(
        warnings.includes(
          "loopguard.rules: no rule 'loopguard/no-such-rule' in the lint config; its setting is ignored.",
        ),
        warnings.join('\n'),
      );
      await session.changeSettings({});
      // Every settings change re-lints: wait for this one, so the next test counts from here.
      await session.nextDiagnostics(uri, 6);
    });

    it('clears the diagnostics of a closed document', async () => {
      const uri = uriOf(path.join(root, 'settings.ts'));
      const seen = session.diagnosticsCount(uri);
      await session.close(uri);
      assert.deepEqual(await session.nextDiagnostics(uri, seen), { uri, diagnostics: [] });
    });

    it('shows the rule docs link when the client cannot open documents itself', async () => {
      await session.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'loopguard.showRuleDocs',
        arguments: [DOCS],
      });
      const shown = await session.waitFor('a shown message', () => session.shownMessages.at(-1));
      assert.deepEqual(shown, { type: MessageType.Info, message: `Documentation: ${DOCS}` });
    });

    it('reports a broken tsconfig on the files it claims, and recovers when it is fixed', async () => {
      const uri = uriOf(path.join(root, 'work.ts'));
      const tsconfig = path.join(root, 'tsconfig.json');
      const seen = session.diagnosticsCount(uri);
      fs.writeFileSync(tsconfig, '{ "extends": "./missing-base.json" }');
      await session.filesChanged([{ uri: uriOf(tsconfig), type: FileChangeType.Changed }]);
      const broken = await session.diagnosticsMatching(
        uri,
        seen,
        'the tsconfig problem',
        (params) => params.diagnostics.length === 1,
      );
      assert.match(
        messageText(broken.diagnostics[0]?.message),
        /^Loopguard cannot lint this file: .*tsconfig\.json: .*missing-base\.json/,
      );
      const brokenAt =
        session.diagnostics.filter((params) => params.uri === uri).indexOf(broken) + 1;
      fs.writeFileSync(tsconfig, TSCONFIG);
      await session.filesChanged([{ uri: uriOf(tsconfig), type: FileChangeType.Changed }]);
      await session.diagnosticsMatching(
        uri,
        brokenAt,
        'diagnostics without the problem',
        (params) => params.diagnostics.length === 0,
      );
    });

    it('shuts down and exits with code 0 when asked', async () => {
      assert.equal(await session.shutdown(), 0);
    });
  });

  describe('with a workspace eslint.config.mjs', () => {
    let session: LspSession;
    let root: string;
    let gate: string;
    // The held lints below wait on the gate for as long as the test's own steps take; on a busy machine that can
    // exceed the default budget (10 s), which would stop them and restart the worker mid-test. Tests of the budget
    // set their own on top of this.
    const SETTINGS = { lintTimeBudgetMs: 300_000 };

    // A test that fails after opening the gate must not leave it open for the next one, which would then never hold.
    afterEach(() => fs.rmSync(gate, { force: true }));

    before(async () => {
      root = createTempProject({
        'tsconfig.json': TSCONFIG,
        'fix.ts': 'var n = 1;\n' + FLOATING.replace('}\n', '  return n;\n}\n'),
      });
      gate = path.join(root, 'gate');
      fs.writeFileSync(path.join(root, 'eslint.config.mjs'), fixtureConfig(gate));
      fs.mkdirSync(path.join(root, 'crash'));
      fs.writeFileSync(path.join(root, 'crash', 'crash.ts'), FLOATING);
      fs.writeFileSync(path.join(root, 'held.ts'), `// hold\n${FLOATING}`);
      fs.writeFileSync(path.join(root, 'stuck.ts'), `// hold\n${FLOATING}`);
      fs.writeFileSync(path.join(root, 'after.ts'), FLOATING);
      ({ session } = await LspSession.start({ folders: [root], settings: { ...SETTINGS } }));
    });

    it('lints with the config: its rules and their autofixes', async () => {
      const uri = await session.open(path.join(root, 'fix.ts'));
      const published = await session.nextDiagnostics(uri, 0);
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => [
          diagnostic.code,
          diagnostic.severity,
          diagnostic.range.start.line,
        ]),
        [
          ['fixtures/prefer-let', DiagnosticSeverity.Warning, 0],
          [RULE, DiagnosticSeverity.Error, 3],
        ],
      );
      const actions = await session.codeActions(uri, ORIGIN);
      assert.deepEqual(actions[0]?.title, 'Fix this fixtures/prefer-let problem');
      assert.equal(
        applyTextEdits(
          fs.readFileSync(path.join(root, 'fix.ts'), 'utf8'),
          actions[0]?.edit?.changes?.[uri] ?? [],
        ).slice(0, 10),
        'let n = 1;',
      );
    });

    it('fix-all applies the autofixes only, and with `fixAll.includeSuggestions` the preferred suggestions too', async () => {
      const uri = uriOf(path.join(root, 'fix.ts'));
      const text = fs.readFileSync(path.join(root, 'fix.ts'), 'utf8');
      const safe = await session.codeActions(uri, ORIGIN, ['source.fixAll']);
      assert.deepEqual(
        safe.map((action) => [action.title, action.kind]),
        [['Fix all auto-fixable Loopguard problems', 'source.fixAll.loopguard']],
      );
      assert.equal(
        applyTextEdits(text, safe[0]?.edit?.changes?.[uri] ?? []),
        text.replace('var n', 'let n'),
      );

      await session.changeSettings({ ...SETTINGS, fixAll: { includeSuggestions: true } });
      const unsafe = await session.codeActions(uri, ORIGIN, ['source.fixAll.loopguard']);
      assert.deepEqual(
        unsafe.map((action) => action.title),
        ['Fix all Loopguard problems (autofixes and preferred suggestions)'],
      );
      assert.equal(
        applyTextEdits(text, unsafe[0]?.edit?.changes?.[uri] ?? []),
        text.replace('var n', 'let n').replace('  save();', '  await save();'),
      );
      await session.changeSettings({ ...SETTINGS });
    });

    it('answers a plain code-action request with quick fixes only, without a fix-all, whatever the settings', async () => {
      const uri = uriOf(path.join(root, 'fix.ts'));
      await session.changeSettings({ ...SETTINGS, fixAll: { includeSuggestions: true } });
      const menu = await session.codeActions(uri, ORIGIN);
      assert.ok(menu.length > 0);
      assert.deepEqual(
        [...new Set(menu.map((action) => action.kind))],
        ['quickfix'],
        'a menu request is not a fix-all request',
      );
      await session.changeSettings({ ...SETTINGS });
    });

    it('drops cancelled fix-all requests: they do not run, and the next request does not wait for them', async () => {
      const file = path.join(root, 'held-cancel.ts');
      const text = '// hold\nvar n = 1;\nexport { n };\n';
      fs.writeFileSync(file, text);
      const uri = await session.open(file);
      await session.waitFor('the held lint', () =>
        logLines(session).find((line) => line === `hold-until-gate: holding ${file}`),
      );
      const runs = (held: string): number =>
        logLines(session).filter((line) => line === `hold-until-gate: released ${held}`).length;
      const params = {
        textDocument: { uri },
        range: ORIGIN,
        context: { diagnostics: [], only: ['source.fixAll'] },
      };
      // Five fix-all requests wait behind the held lint; each is cancelled, as an editor does when the user moves on.
      const cancelled = Array.from({ length: 5 }, () => {
        const source = new CancellationTokenSource();
        const answer = session.connection
          .sendRequest(CodeActionRequest.type, params, source.token)
          .then(
            () => 'answered',
            () => 'cancelled',
          );
        source.cancel();
        return answer;
      });
      const sixth = session.codeActions(uri, ORIGIN, ['source.fixAll']);
      // A cancelled request leaves the queue and is answered at once, while the lint is still held. Opening the gate
      // before those answers came would let the server, on a busy machine, read a request only after the worker had
      // become free, and run it before reading its cancellation.
      const answeredWhileHeld = await Promise.race([
        Promise.all(cancelled).then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000).unref()),
      ]);
      fs.writeFileSync(gate, '');
      assert.ok(answeredWhileHeld, 'the cancelled requests were answered while the lint was held');
      const actions = await sixth;
      assert.deepEqual(
        actions.map((action) => action.kind),
        ['source.fixAll.loopguard'],
      );
      assert.equal(
        applyTextEdits(text, actions[0]?.edit?.changes?.[uri] ?? []),
        text.replace('var n', 'let n'),
      );
      // The same lint and one fix-all on a copy show how many runs of the rule they take.
      const reference = path.join(root, 'held-reference.ts');
      fs.writeFileSync(reference, text);
      const referenceUri = await session.open(reference);
      await session.nextDiagnostics(referenceUri, 0);
      await session.codeActions(referenceUri, ORIGIN, ['source.fixAll']);
      // The worker's console reaches the log on its own stream, after its answers: a last lint marks its end.
      const sentinel = path.join(root, 'held-sentinel.ts');
      fs.writeFileSync(sentinel, text);
      const sentinelUri = await session.open(sentinel);
      await session.waitFor('the last lint in the log', () =>
        logLines(session).find((line) => line === `hold-until-gate: released ${sentinel}`),
      );
      assert.equal(
        runs(file),
        runs(reference),
        'the lint and the sixth fix-all ran; none of the five cancelled requests did',
      );
      await session.close(referenceUri);
      await session.close(sentinelUri);
      fs.rmSync(gate);
      await session.close(uri);
    });

    it("reports a throwing rule to the log and still publishes the other rules' findings", async () => {
      const uri = await session.open(path.join(root, 'crash', 'crash.ts'));
      const published = await session.nextDiagnostics(uri, 0);
      assert.deepEqual(codesOf(published.diagnostics), ['fixtures/crash', RULE]);
      assert.match(
        messageText(published.diagnostics[0]?.message),
        /^Rule 'fixtures\/crash' crashed on this file and was skipped: .*fixture rule exploded/,
      );
      const logged = session.logs.find(
        (log) =>
          log.type === MessageType.Error && log.message.includes("Rule 'fixtures/crash' crashed"),
      );
      assert.ok(logged, 'the crash is logged as an error');
      assert.match(logged.message, /fixture rule exploded/);
    });

    it('never publishes diagnostics for a version that a newer change superseded', async () => {
      const held = path.join(root, 'held.ts');
      const uri = await session.open(held);
      // The lint of version 1 is held by the fixture rule until the gate opens; versions 2 and 3 arrive meanwhile.
      await session.waitFor('the held lint', () =>
        logLines(session).find((line) => line === `hold-until-gate: holding ${held}`),
      );
      await session.change(uri, `// hold\n${AWAITED}`);
      const newest = await session.change(uri, `// hold\nconst x = 1;\n${FLOATING}`);
      // Requests are answered in order, so once this one is, the server has taken both changes.
      await session.codeActions(uri, ORIGIN);
      fs.writeFileSync(gate, '');
      const published = await session.nextDiagnostics(uri, 0);
      assert.equal(published.version, newest);
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
        [
          ['lsp/hold-until-gate', 0],
          [RULE, 4],
        ],
      );
      // Nothing was published for version 1, whose lint finished first.
      assert.deepEqual(
        session.diagnostics.filter((params) => params.uri === uri).map((params) => params.version),
        [newest],
      );
      fs.rmSync(gate);
      await session.close(uri);
    });

    // Regression: fix-all on save asks right after the last edit, before that version's findings are published; an
    // answer from the published findings alone was empty then, and the save went through unfixed.
    it('answers fix-all for a version whose lint has not finished, from the current text', async () => {
      const file = path.join(root, 'held-fix.ts');
      fs.writeFileSync(file, '// hold\nvar n = 1;\nexport { n };\n');
      const uri = await session.open(file);
      await session.waitFor('the held lint', () =>
        logLines(session).find((line) => line === `hold-until-gate: holding ${file}`),
      );
      const text = '// hold\nvar m = 2;\nexport { m };\n';
      const version = await session.change(uri, text);
      const fixAll = session.codeActions(uri, ORIGIN, ['source.fixAll']);
      fs.writeFileSync(gate, '');
      const actions = await fixAll;
      assert.deepEqual(
        actions.map((action) => action.kind),
        ['source.fixAll.loopguard'],
      );
      assert.equal(
        applyTextEdits(text, actions[0]?.edit?.changes?.[uri] ?? []),
        text.replace('var m', 'let m'),
      );
      // The gate stays open until the new version's own lint is done, or that lint would hold the worker.
      await session.diagnosticsMatching(
        uri,
        0,
        'the lint of the new version',
        (params) => params.version === version,
      );
      fs.rmSync(gate);
      await session.close(uri);
    });

    it('abandons a lint over its time budget, reports it, restarts the worker and keeps serving', async () => {
      session.settings = { ...SETTINGS, lintTimeBudgetMs: 1_500 };
      const stuck = await session.open(path.join(root, 'stuck.ts'));
      const slow = await session.waitFor('a slow-lint notification', () =>
        session.slowLints.find((params) => params.uri === stuck),
      );
      assert.equal(slow.abandoned, true);
      assert.equal(slow.budgetMs, 1_500);
      assert.equal(slow.version, 1);
      assert.ok(slow.durationMs >= 1_500);
      assert.ok(
        session.logs.some(
          (log) =>
            log.type === MessageType.Error &&
            log.message.includes('went over its time budget (1500 ms)'),
        ),
      );
      assert.equal(session.diagnosticsCount(stuck), 0);
      session.settings = { ...SETTINGS };
      await session.close(stuck);
      // The fresh worker lints the next document.
      const next = await session.open(path.join(root, 'after.ts'));
      assert.deepEqual(codesOf((await session.nextDiagnostics(next, 0)).diagnostics), [RULE]);
      assert.equal(
        session.slowLints.filter((params) => params.abandoned && params.uri === stuck).length,
        1,
        'the stuck lint ran once',
      );
    });

    it('stops the running lint of an older version at its next safe point and lints the newer one', async () => {
      const file = path.join(root, 'typing.ts');
      fs.writeFileSync(file, slowNodes('always'));
      const uri = await session.open(file);
      await session.waitFor('the slow lint of version 1', () =>
        logLines(session).find((line) => line === `slow-nodes: started ${file}`),
      );
      const version = await session.change(uri, FLOATING);
      const published = await session.diagnosticsMatching(
        uri,
        0,
        'the lint of the newer version',
        (params) => params.version === version,
      );
      assert.deepEqual(codesOf(published.diagnostics), [RULE]);
      assert.ok(
        logLines(session).includes(`Stopped a lint of ${file} at a safe point, as asked.`),
        'the worker stopped the older lint',
      );
      assert.ok(
        !logLines(session).includes(`slow-nodes: finished ${file}`),
        'the older lint did not run to its end',
      );
      assert.deepEqual(
        session.diagnostics.filter((params) => params.uri === uri).map((params) => params.version),
        [version],
      );
      await session.close(uri);
    });

    it('tries a lint over budget again with its program kept and tells the user', async () => {
      const file = path.join(root, 'large.ts');
      fs.writeFileSync(file, slowNodes('once'));
      const before = await session.status();
      session.settings = { ...SETTINGS, lintTimeBudgetMs: 500 };
      const uri = await session.open(file);
      const published = await session.nextDiagnostics(uri, 0);
      session.settings = { ...SETTINGS };
      assert.equal(published.version, 1);
      assert.deepEqual(codesOf(published.diagnostics), [RULE]);
      const shown = session.shownMessages.find((message) =>
        message.message.includes('linting large.ts went over its time budget'),
      );
      assert.deepEqual(shown, {
        type: MessageType.Error,
        message:
          'Loopguard: linting large.ts went over its time budget (500 ms); linting it again with its TypeScript program kept (budget 1000 ms). Findings follow when it is done.',
      });
      assert.ok(
        logLines(session).includes(
          `Linting ${uri} went over its time budget (500 ms) and was stopped, its TypeScript program kept; linting it again with a budget of 1000 ms.`,
        ),
      );
      assert.ok(!logLines(session).includes(`slow-nodes: finished ${file}`));
      assert.equal((await session.status()).workersStarted, before.workersStarted);
      await session.close(uri);
    });

    it('reloads the config when it changes', async () => {
      const uri = uriOf(path.join(root, 'fix.ts'));
      const seen = session.diagnosticsCount(uri);
      await session.change(uri, 'var n = 1;\nexport { n };\n');
      assert.deepEqual(codesOf((await session.nextDiagnostics(uri, seen)).diagnostics), [
        'fixtures/prefer-let',
      ]);
      const configPath = path.join(root, 'eslint.config.mjs');
      fs.writeFileSync(
        configPath,
        fixtureConfig(gate).replace(
          "'fixtures/prefer-let': 'warn'",
          "'fixtures/prefer-let': 'off'",
        ),
      );
      await session.filesChanged([{ uri: uriOf(configPath), type: FileChangeType.Changed }]);
      assert.deepEqual((await session.nextDiagnostics(uri, seen + 1)).diagnostics, []);
    });

    after(async () => {
      try {
        assert.equal(await session.shutdown(), 0);
      } finally {
        session.kill();
      }
    });
  });

  it('loads no workspace config in an untrusted workspace', async () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'fix.ts': `var n = 1;\n${FLOATING}`,
    });
    fs.writeFileSync(path.join(root, 'eslint.config.mjs'), fixtureConfig(path.join(root, 'gate')));
    await inSession(
      {
        folders: [root],
        initializationOptions: { untrustedWorkspace: true },
      },
      async (session) => {
        const uri = await session.open(path.join(root, 'fix.ts'));
        assert.deepEqual(codesOf((await session.nextDiagnostics(uri, 0)).diagnostics), [RULE]);
        assert.ok(session.logs.some((log) => log.message.includes('not trusted')));
      },
    );
  });

  it('says in the log when the workspace config turns on none of Loopguard’s rules', async () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': FLOATING,
      'eslint.config.mjs': "export default [{ files: ['**/*.js'], rules: {} }];\n",
    });
    await inSession({ folders: [root] }, async (session) => {
      const uri = await session.open(path.join(root, 'a.ts'));
      assert.deepEqual(codesOf((await session.nextDiagnostics(uri, 0)).diagnostics), []);
      const warning = `${path.join(root, 'eslint.config.mjs')} turns on none of Loopguard's rules`;
      const warned = session.logs.filter(
        (log) => log.type === MessageType.Warning && log.message.includes(warning),
      );
      assert.equal(warned.length, 1, logLines(session).join('\n'));
    });
  });

  it('re-lints an open importer when a file not saved yet opens, and again when it closes', async () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'b.ts': CALLER });
    await inSession({ folders: [root] }, async (session) => {
      const b = await session.open(path.join(root, 'b.ts'));
      // `./a.js` does not resolve yet: `load()` is of no known type, so nothing is reported.
      assert.deepEqual((await session.nextDiagnostics(b, 0)).diagnostics, []);
      const a = await session.openUnsaved(path.join(root, 'a.ts'), LOAD_ASYNC);
      const found = await session.nextDiagnostics(b, 1);
      assert.deepEqual(codesOf(found.diagnostics), [RULE]);
      assert.equal(found.version, 1, 'b.ts itself did not change');
      await session.close(a);
      assert.deepEqual((await session.nextDiagnostics(b, 2)).diagnostics, []);
    });
  });

  it('empties the lint worker’s young generation once it is idle after a lint, and not before a lint', async () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'work.ts': FLOATING });
    await inSession({ folders: [root] }, async (session) => {
      // Asked before any lint, the worker owes no collection.
      assert.equal((await session.status()).idleCollections, 0);
      const uri = await session.open(path.join(root, 'work.ts'));
      assert.deepEqual(codesOf((await session.nextDiagnostics(uri, 0)).diagnostics), [RULE]);
      // Each status request puts the collection off until it is answered; asked again after a pause longer than the
      // worker's quiet time, the count shows it ran once, and only once for one lint.
      const collected = await eventually('idle collection after the first lint', async () => {
        const { idleCollections } = await session.status();
        return idleCollections !== null && idleCollections > 0 ? idleCollections : undefined;
      });
      assert.equal(collected, 1);
      // Status requests are no lints: answered, and idle again after each, the worker owes no second collection.
      for (let ask = 0; ask < 3; ask++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal((await session.status()).idleCollections, 1, `ask ${ask}`);
      }
      await session.change(uri, AWAITED);
      assert.deepEqual(codesOf((await session.nextDiagnostics(uri, 1)).diagnostics), []);
      assert.equal(
        await eventually('idle collection after the second lint', async () => {
          const { idleCollections } = await session.status();
          return idleCollections !== null && idleCollections > 1 ? idleCollections : undefined;
        }),
        2,
      );
    });
  });

  it('keeps the warm program across severity changes: the next lints build none and show the new severity', async () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'work.ts': FLOATING });
    await inSession({ folders: [root] }, async (session) => {
      const severities = (params: PublishDiagnosticsParams) =>
        params.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]);
      const uri = await session.open(path.join(root, 'work.ts'));
      assert.deepEqual(severities(await session.nextDiagnostics(uri, 0)), [
        [RULE, DiagnosticSeverity.Error],
      ]);
      const built = (await session.status()).programsBuilt;
      assert.ok(built !== null && built > 0, `programs built after the first lint: ${built}`);

      await session.changeSettings({ rules: { [RULE]: 'warn' } });
      assert.deepEqual(severities(await session.nextDiagnostics(uri, 1)), [
        [RULE, DiagnosticSeverity.Warning],
      ]);
      assert.equal((await session.status()).programsBuilt, built, 'no program built for `warn`');

      await session.changeSettings({});
      assert.deepEqual(severities(await session.nextDiagnostics(uri, 2)), [
        [RULE, DiagnosticSeverity.Error],
      ]);
      assert.equal((await session.status()).programsBuilt, built, 'no program built going back');

      // The counter counts: an edit makes the next lint build a program.
      await session.change(uri, AWAITED);
      assert.deepEqual(severities(await session.nextDiagnostics(uri, 3)), []);
      const after = await session.status();
      assert.equal(after.programsBuilt, built + 1);
      assert.equal(after.workersStarted, 1, 'the same worker served every lint');
    });
  });

  it('serves a multi-root workspace, each folder with its own project', async () => {
    const first = createTempProject({ 'tsconfig.json': TSCONFIG, 'one.ts': FLOATING });
    const second = createTempProject({
      'package.json': '{ "type": "module" }',
      'two.mjs': 'async function save() {}\nexport async function run() {\n  save();\n}\n',
    });
    await inSession({ folders: [first, second] }, async (session) => {
      const one = await session.open(path.join(first, 'one.ts'));
      const two = await session.open(path.join(second, 'two.mjs'), 'javascript');
      assert.deepEqual(codesOf((await session.nextDiagnostics(one, 0)).diagnostics), [RULE]);
      assert.deepEqual(codesOf((await session.nextDiagnostics(two, 0)).diagnostics), [RULE]);
    });
  });
});
