// The one module that owns the LSP connection: it answers the client, keeps the open documents, asks for settings
// per document, and publishes what the lint worker finds. Everything it computes comes from pure converters
// (`diagnostics.ts`, `code-actions.ts`) or from the worker; nothing here lints.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

import {
  type CancellationToken,
  CancellationTokenSource,
  type CodeAction,
  type CodeActionParams,
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type DidChangeWatchedFilesParams,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  NotificationType,
  RequestType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { isLintableFile, LINTABLE_EXTENSIONS, normalizePath } from '../engine/file-names';
import {
  fixAllAction,
  hasFixAllCandidates,
  isFixAllRequested,
  isKindRequested,
  quickFixActions,
} from './code-actions';
import type { Finding } from '../engine';
import { configProblemDiagnostic, type RuleDocs, toDiagnostics } from './diagnostics';
import { type LintReason, LintQueue, type PendingLint } from './lint-queue';
import { LintWorker, type WorkerOutcome } from './lint-worker-client';
import {
  FIX_ALL_KIND,
  type InitializationOptions,
  SHOW_RULE_DOCS_COMMAND,
  SLOW_LINT_METHOD,
  SLOW_LINT_MS,
  type SlowLintParams,
  STATUS_METHOD,
  type StatusParams,
  type StatusResult,
} from './protocol';
import { readSettings, type Settings, SETTINGS_SECTION } from './settings';
import { WATCHED_GLOBS, watchedFileKind } from './watched-files';
import type {
  FixAllReply,
  ImportersReply,
  LintReply,
  StatusReply,
  WorkerSetup,
} from './worker-protocol';

const SlowLintNotification = new NotificationType<SlowLintParams>(SLOW_LINT_METHOD);

/**
 * Tries of one version's lint over budget: each stops at a safe point with the program kept, and the next has twice
 * the budget (a cold project's first lint pays for type-checking what the rules ask about; the checker keeps it).
 */
const MAX_LINT_TRIES = 3;
const StatusRequest = new RequestType<StatusParams | undefined, StatusResult, void>(STATUS_METHOD);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version: serverVersion } = require('../../package.json') as { version: string };

/** What a published lint leaves behind for code actions: the findings of one version of a document. */
interface PublishedLint {
  version: number;
  text: string;
  findings: Finding[];
  docs: RuleDocs;
}

interface ClientAbilities {
  configuration: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  showDocument: boolean;
  workspaceFolders: boolean;
}

export interface RunningServer {
  /** Whether the client asked for `shutdown` (a clean exit then has code 0). */
  shutdownReceived(): boolean;
}

export function startServer(connection: Connection): RunningServer {
  const documents = new TextDocuments(TextDocument);
  const published = new Map<string, PublishedLint>();
  const opened = new Set<string>();
  const loggedProblems = new Set<string>();
  let abilities: ClientAbilities = {
    configuration: false,
    watchedFilesRegistration: false,
    configurationRegistration: false,
    showDocument: false,
    workspaceFolders: false,
  };
  let setup: WorkerSetup = { folders: [], untrusted: false };
  let clientShowsSlowLints = false;
  /** The lint running for each document, and its version: a newer version stops it (see `lint-worker-client.ts`). */
  const lintsRunning = new Map<string, { version: number; cancel: CancellationTokenSource }>();
  /** Documents whose user was told that a lint went over budget, until one is linted within budget again. */
  const toldOverBudget = new Set<string>();
  /** Settings a client pushed with `workspace/didChangeConfiguration`, for clients that cannot be asked. */
  let pushedSettings: unknown;
  let worker: LintWorker | undefined;

  const log = {
    error: (message: string) => connection.console.error(message),
    warning: (message: string) => connection.console.warn(message),
    info: (message: string) => connection.console.info(message),
    log: (message: string) => connection.console.log(message),
  };

  /** Runs a promise whose failure must not end the server (a notification on a closing connection, a client refusing a registration). */
  function settle(promise: Promise<unknown>, what: string): void {
    promise.catch((error: unknown) =>
      log.warning(`${what} failed: ${(error as Error)?.message ?? String(error)}`),
    );
  }

  function filePathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return normalizePath(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  /** The client's own URI for an open file, so diagnostics go to the document it knows. */
  function uriOfOpenFile(file: string): string | undefined {
    for (const document of documents.all())
      if (filePathOf(document.uri) === file) return document.uri;
    return undefined;
  }

  function isTypeScriptOrJavaScript(file: string): boolean {
    return (LINTABLE_EXTENSIONS as readonly string[]).includes(path.extname(file));
  }

  function* openDocuments(): Iterable<{ file: string; text: string; version: number }> {
    for (const document of documents.all()) {
      const file = filePathOf(document.uri);
      if (file && isTypeScriptOrJavaScript(file))
        yield { file, text: document.getText(), version: document.version };
    }
  }

  /**
   * Each document's settings as the client answered `workspace/configuration`, asked once per document instead of
   * before every lint (a round trip per keystroke), and again after `workspace/didChangeConfiguration` (which clients
   * send when settings change), a change of workspace folders, or the document closing.
   */
  const askedSettings = new Map<string, Promise<Settings>>();

  function settingsFor(uri: string): Promise<Settings> {
    if (!abilities.configuration) return Promise.resolve(readAndReport(pushedSettings));
    let settings = askedSettings.get(uri);
    if (!settings) {
      settings = askSettings(uri);
      askedSettings.set(uri, settings);
    }
    return settings;
  }

  async function askSettings(uri: string): Promise<Settings> {
    try {
      const section = (await connection.workspace.getConfiguration({
        scopeUri: uri,
        section: SETTINGS_SECTION,
      })) as unknown;
      return readAndReport(section);
    } catch (error) {
      // Not kept: the next lint asks again.
      askedSettings.delete(uri);
      log.warning(
        `Could not read the loopguard settings: ${(error as Error).message}. Using the defaults.`,
      );
      return readAndReport(undefined);
    }
  }

  function readAndReport(section: unknown): Settings {
    const { settings, problems } = readSettings(section);
    for (const problem of problems) {
      if (loggedProblems.has(problem)) continue;
      loggedProblems.add(problem);
      log.warning(problem);
    }
    return settings;
  }

  function publish(
    uri: string,
    version: number | undefined,
    findings: readonly Finding[],
    docs: RuleDocs,
    text: string,
  ): void {
    settle(
      connection.sendDiagnostics({
        uri,
        version,
        diagnostics: toDiagnostics(findings, text, docs),
      }),
      'Publishing diagnostics',
    );
  }

  function clear(uri: string): void {
    published.delete(uri);
    settle(connection.sendDiagnostics({ uri, diagnostics: [] }), 'Publishing diagnostics');
  }

  function reportSlowLint(
    uri: string,
    version: number,
    durationMs: number,
    budgetMs: number,
  ): void {
    log.warning(`Linting ${uri} took ${(durationMs / 1000).toFixed(1)} s.`);
    notifySlowLint({ uri, version, durationMs, budgetMs, abandoned: false });
  }

  function notifySlowLint(params: SlowLintParams): void {
    settle(
      connection.sendNotification(SlowLintNotification, {
        ...params,
        durationMs: Math.round(params.durationMs),
      }),
      'Reporting a slow lint',
    );
  }

  /**
   * A lint over budget, in the log and, once until the document is linted within budget again, with
   * `window/showMessage` as an error: the one channel every editor shows (Neovim, Vim with ALE, eglot, lsp-mode,
   * VS Code), so that nobody takes a file without findings for a clean one.
   */
  function reportOverBudget(
    uri: string,
    version: number,
    outcome: { durationMs: number; phase: 'preparing' | 'linting'; workerRestarted: boolean },
    budgetMs: number,
    { tries, next }: { tries: number; next?: { budgetMs: number } },
  ): void {
    const seconds = (outcome.durationMs / 1000).toFixed(1);
    const name = path.basename(filePathOf(uri) ?? uri);
    let logged: string;
    let shown: string;
    if (outcome.workerRestarted) {
      logged =
        outcome.phase === 'linting'
          ? `Linting ${uri} went over its time budget (${budgetMs} ms) and was abandoned; the lint worker was restarted.`
          : `Linting ${uri} was abandoned: loading its lint config and building its TypeScript program took over ${seconds} s; the lint worker was restarted.`;
      shown = `Loopguard: linting ${name} went over its time budget (${budgetMs} ms) and did not stop, so its findings are not shown; the lint worker was restarted. It is linted again on the next change.`;
    } else if (next) {
      logged = `Linting ${uri} went over its time budget (${budgetMs} ms) and was stopped, its TypeScript program kept; linting it again with a budget of ${next.budgetMs} ms.`;
      shown = `Loopguard: linting ${name} went over its time budget (${budgetMs} ms); linting it again with its TypeScript program kept (budget ${next.budgetMs} ms). Findings follow when it is done.`;
    } else {
      const overBudget =
        tries === 1
          ? `went over its time budget (${budgetMs} ms)`
          : `went over its time budget ${tries} times (the last ${budgetMs} ms)`;
      logged = `Linting ${uri} ${overBudget} and was stopped; it is linted again on the next change.`;
      shown = `Loopguard: linting ${name} ${overBudget}, so its findings are not shown; it is linted again on the next change. Raise loopguard.lintTimeBudgetMs for large files.`;
    }
    log.error(logged);
    if (!next) notifySlowLint({ uri, version, ...outcome, budgetMs, abandoned: true });
    if (clientShowsSlowLints || toldOverBudget.has(uri)) return;
    toldOverBudget.add(uri);
    settle(
      connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Error,
        message: shown,
      }),
      'Showing a lint over budget',
    );
  }

  async function lintOne(uri: string, { reason, textChanged }: PendingLint): Promise<void> {
    const file = filePathOf(uri);
    if (!file || !worker) return;
    // A declaration file is not linted, but an unsaved edit of it changes the types of the files that import it.
    if (!isLintableFile(file)) {
      if (textChanged) await scheduleImporters([file]);
      return;
    }
    const settings = await settingsFor(uri);
    // Asking for settings took a round trip: the document may have been closed meanwhile.
    const document = documents.get(uri);
    if (!document) return;
    if (!settings.enable) {
      clear(uri);
      return;
    }
    if (reason === 'change' && settings.run === 'onSave') return;
    // A lint started for an earlier change (or the open) already saw this version (the worker had it by then); it may
    // not have looked for importers, which this change's types reach.
    if (reason === 'change' && published.get(uri)?.version === document.version) {
      if (textChanged) await scheduleImporters([file]);
      return;
    }
    // A newer version of the document stops this lint at its next safe point (`documents.onDidChangeContent`).
    const cancel = new CancellationTokenSource();
    lintsRunning.set(uri, { version: document.version, cancel });
    let outcome: WorkerOutcome<LintReply>;
    try {
      let budgetMs = settings.lintTimeBudgetMs;
      for (let tries = 1; ; tries++) {
        outcome = await worker.request<LintReply>(
          {
            kind: 'lint',
            file,
            ruleSeverities: settings.rules,
            maxFileBytes: settings.maxFileSizeKb * 1024,
            findImporters: textChanged || reason === 'save',
            opened: reason === 'open',
          },
          budgetMs,
          cancel.token,
        );
        if (outcome.kind !== 'timeout') break;
        const tryAgain =
          !outcome.workerRestarted &&
          tries < MAX_LINT_TRIES &&
          documents.get(uri)?.version === document.version;
        reportOverBudget(uri, document.version, outcome, budgetMs, {
          tries,
          ...(tryAgain ? { next: { budgetMs: budgetMs * 2 } } : {}),
        });
        if (!tryAgain) return;
        budgetMs *= 2;
      }
    } finally {
      if (lintsRunning.get(uri)?.cancel === cancel) lintsRunning.delete(uri);
      cancel.dispose();
    }
    if (outcome.kind === 'cancelled') {
      // The newer version's lint is queued; it also does what this one was for (an open lints whatever `run` says).
      if (reason !== 'change' && documents.get(uri)) queue.schedule(uri, reason);
      return;
    }
    if (outcome.kind === 'failed') {
      log.error(`Linting ${uri} failed: ${outcome.error}`);
      return;
    }
    const reply = outcome.value;
    const current = documents.get(uri);
    // A newer version is queued (its change scheduled it): these results describe text the editor no longer has.
    if (!current || reply.version !== current.version) return;
    for (const crash of reply.crashes) {
      log.error(
        `Rule '${crash.ruleId}' crashed on ${uri} and was skipped; the other rules' findings are shown. ${crash.message}`,
      );
    }
    if (reply.kind === 'config-problem' && reply.problem) {
      published.delete(uri);
      settle(
        connection.sendDiagnostics({
          uri,
          version: current.version,
          diagnostics: [configProblemDiagnostic(reply.problem)],
        }),
        'Publishing diagnostics',
      );
    } else {
      published.set(uri, {
        version: current.version,
        text: reply.text,
        findings: reply.findings,
        docs: reply.docs,
      });
      publish(uri, current.version, reply.findings, reply.docs, reply.text);
    }
    if (outcome.durationMs <= settings.lintTimeBudgetMs) toldOverBudget.delete(uri);
    if (outcome.durationMs > SLOW_LINT_MS)
      reportSlowLint(uri, current.version, outcome.durationMs, settings.lintTimeBudgetMs);
    for (const importer of reply.importers) {
      const importerUri = uriOfOpenFile(importer);
      if (importerUri) queue.schedule(importerUri, 'dependency');
    }
  }

  const queue = new LintQueue(async (uri, lint) => {
    try {
      await lintOne(uri, lint);
    } catch (error) {
      log.error(`Linting ${uri} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  });

  function relintAll(reason: LintReason): void {
    for (const document of documents.all()) queue.schedule(document.uri, reason);
  }

  async function scheduleImporters(changed: string[]): Promise<void> {
    if (!worker || changed.length === 0) return;
    const outcome = await worker.request<ImportersReply>({ kind: 'importers', changed }, 10_000);
    if (outcome.kind !== 'done') return;
    for (const importer of outcome.value.importers) {
      const uri = uriOfOpenFile(importer);
      if (uri) queue.schedule(uri, 'dependency');
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    abilities = {
      configuration: capabilities.workspace?.configuration === true,
      watchedFilesRegistration:
        capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      configurationRegistration:
        capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      showDocument: capabilities.window?.showDocument?.support === true,
      workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    };
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const folderUris =
      params.workspaceFolders?.map((folder) => folder.uri) ??
      (params.rootUri ? [params.rootUri] : []);
    setup = {
      folders: folderUris
        .map(filePathOf)
        .filter((folder): folder is string => folder !== undefined),
      untrusted: options.untrustedWorkspace === true,
    };
    clientShowsSlowLints = options.showsSlowLints === true;
    worker = new LintWorker(setup, { log: (level, message) => log[level](message), openDocuments });
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: false,
        },
        executeCommandProvider: { commands: [SHOW_RULE_DOCS_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'loopguard', version: serverVersion },
    };
  });

  connection.onInitialized(() => {
    if (setup.untrusted)
      log.info(
        'The workspace is not trusted: linting with the built-in config only, loading no workspace code.',
      );
    if (abilities.watchedFilesRegistration) {
      settle(
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
        }),
        'Registering file watchers',
      );
    }
    if (abilities.configurationRegistration) {
      settle(
        connection.client.register(DidChangeConfigurationNotification.type, {
          section: SETTINGS_SECTION,
        }),
        'Registering for settings changes',
      );
    }
    if (abilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)));
        const added = event.added
          .map((folder) => filePathOf(folder.uri))
          .filter((folder): folder is string => folder !== undefined);
        setup = {
          ...setup,
          folders: [...setup.folders.filter((folder) => !removed.has(folder)), ...added],
        };
        worker?.restart(setup);
        // A document's settings can come from the folder it now belongs to.
        askedSettings.clear();
        relintAll('config');
      });
    }
  });

  // Fires on open as well as on change; `opened` tells the two apart (an open is linted whatever `run` says).
  documents.onDidChangeContent((event) => {
    const { uri } = event.document;
    const file = filePathOf(uri);
    if (!file || !isTypeScriptOrJavaScript(file)) return;
    worker?.notify({
      kind: 'setDocument',
      file,
      text: event.document.getText(),
      version: event.document.version,
    });
    const reason = opened.has(uri) ? 'change' : 'open';
    opened.add(uri);
    const running = lintsRunning.get(uri);
    if (running && running.version !== event.document.version) running.cancel.cancel();
    queue.schedule(uri, reason);
  });

  documents.onDidSave((event) => queue.schedule(event.document.uri, 'save'));

  documents.onDidClose((event) => {
    const file = filePathOf(event.document.uri);
    askedSettings.delete(event.document.uri);
    opened.delete(event.document.uri);
    queue.forget(event.document.uri);
    lintsRunning.get(event.document.uri)?.cancel.cancel();
    toldOverBudget.delete(event.document.uri);
    clear(event.document.uri);
    if (!file || !isTypeScriptOrJavaScript(file)) return;
    worker?.notify({ kind: 'closeDocument', file });
    // Unsaved edits are gone with the buffer: files importing it now see the disk again.
    settle(scheduleImporters([file]), 'Finding the importers of a closed file');
  });

  connection.onDidChangeConfiguration((change) => {
    const section = (change.settings as Record<string, unknown> | null | undefined)?.[
      SETTINGS_SECTION
    ];
    if (section !== undefined) pushedSettings = section;
    askedSettings.clear();
    relintAll('settings');
  });

  connection.onDidChangeWatchedFiles((params: DidChangeWatchedFilesParams) => {
    let restartWorker = false;
    let resetProjects = false;
    const changedSources: string[] = [];
    for (const change of params.changes) {
      const file = filePathOf(change.uri);
      if (!file) continue;
      const kind = watchedFileKind(path.basename(file));
      if (kind === 'lint-config') restartWorker = true;
      else if (kind === 'project-config') resetProjects = true;
      else if (kind === 'source') {
        if (change.type !== FileChangeType.Changed) resetProjects = true;
        // An open file's types come from its buffer, not the disk, so a save changes nothing for its importers.
        else if (!uriOfOpenFile(file)) {
          worker?.notify({ kind: 'fileChanged', file });
          changedSources.push(file);
        }
      }
    }
    if (restartWorker) {
      // A fresh thread has fresh module caches, so the changed config (and what it imports) is loaded anew.
      log.info('A lint config changed: reloading.');
      worker?.restart();
      relintAll('config');
    } else if (resetProjects) {
      worker?.notify({ kind: 'resetProjects' });
      relintAll('config');
    } else {
      settle(scheduleImporters(changedSources), 'Finding the importers of changed files');
    }
  });

  // A quick-fix request (the lightbulb, a code-action menu) answers from the published lint of the document's version
  // and never waits for the worker; only a request that names `source.fixAll` (fix-on-save, the fix-all command) asks
  // the worker for a fix-all. A cancelled request leaves the worker's queue, and its answer is dropped.
  connection.onCodeAction(
    async (params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      const file = filePathOf(uri);
      if (!document || !file || !isTypeScriptOrJavaScript(file)) return [];
      // Findings of another version would put edits in the wrong places.
      const lint =
        published.get(uri)?.version === document.version ? published.get(uri) : undefined;
      const only = params.context.only;
      const actions =
        lint && isKindRequested(CodeActionKind.QuickFix, only)
          ? quickFixActions({
              uri,
              text: lint.text,
              findings: lint.findings,
              docs: lint.docs,
              range: params.range,
            })
          : [];
      if (!isFixAllRequested(only) || !worker) return actions;
      const settings = await settingsFor(uri);
      if (!settings.enable || token.isCancellationRequested) return actions;
      const withSuggestions = settings['fixAll.includeSuggestions'];
      if (lint && !hasFixAllCandidates(lint.findings, withSuggestions)) return actions;
      // Without findings of this version (fix-on-save right after an edit), the worker lints the current text itself:
      // it has every change by now.
      const outcome = await worker.request<FixAllReply>(
        {
          kind: 'fixAll',
          file,
          mode: withSuggestions ? 'unsafe' : 'safe',
          ruleSeverities: settings.rules,
          maxFileBytes: settings.maxFileSizeKb * 1024,
        },
        settings.lintTimeBudgetMs,
        token,
      );
      if (outcome.kind === 'timeout')
        reportOverBudget(uri, document.version, outcome, settings.lintTimeBudgetMs, { tries: 1 });
      if (outcome.kind !== 'done' || outcome.value.version !== documents.get(uri)?.version)
        return actions;
      const fixAll = fixAllAction(uri, outcome.value.text, outcome.value.output, withSuggestions);
      return fixAll ? [...actions, fixAll] : actions;
    },
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_RULE_DOCS_COMMAND) return;
    const url: unknown = params.arguments?.[0];
    if (typeof url !== 'string') return;
    if (abilities.showDocument) {
      const shown = await connection.window
        .showDocument({ uri: url, external: true })
        .catch(() => ({ success: false }));
      if (shown.success) return;
    }
    // A notification, not `showInformationMessage` (a request some clients do not implement).
    settle(
      connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: `Documentation: ${url}`,
      }),
      'Showing the docs link',
    );
  });

  connection.onRequest(StatusRequest, async (params): Promise<StatusResult> => {
    const collectGarbage = params?.collectGarbage === true;
    // `gc` exists only when the process runs with --expose-gc.
    if (collectGarbage) (globalThis as { gc?: () => void }).gc?.();
    const outcome = worker
      ? await worker.request<StatusReply>({ kind: 'status', collectGarbage }, 10_000)
      : undefined;
    return {
      version: serverVersion,
      openDocuments: documents.all().length,
      memory: {
        rss: process.memoryUsage().rss,
        connectionHeapUsed: getHeapStatistics().used_heap_size,
        workerHeapUsed: outcome?.kind === 'done' ? outcome.value.heapUsed : null,
      },
      workersStarted: worker?.workersStarted ?? 0,
      programsBuilt: outcome?.kind === 'done' ? outcome.value.programsBuilt : null,
      idleCollections: outcome?.kind === 'done' ? outcome.value.idleCollections : null,
    };
  });

  let shutdownReceived = false;
  connection.onShutdown(async () => {
    shutdownReceived = true;
    await worker?.dispose();
  });

  connection.onExit(() => {
    void worker?.dispose();
  });

  // Last line of defence: a failure nobody awaited is logged; it must not end the server and lose the editor's state.
  process.on('unhandledRejection', (reason: unknown) =>
    log.error(`Unexpected failure: ${(reason as Error)?.stack ?? String(reason)}`),
  );

  documents.listen(connection);
  connection.listen();
  return { shutdownReceived: () => shutdownReceived };
}
