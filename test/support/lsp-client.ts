// A real LSP client (vscode-languageserver-protocol over the server's stdin/stdout) driving the real
// `loopguard-language-server` process, with waits that end on events (a notification arrives) within a time budget.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  type CodeAction,
  CodeActionRequest,
  type Command,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type FileEvent,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type LogMessageParams,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Range,
  RegistrationRequest,
  ShowMessageNotification,
  type ShowMessageParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

import {
  SLOW_LINT_METHOD,
  type SlowLintParams,
  STATUS_METHOD,
  type StatusResult,
} from 'loopguard/protocol';

import { REPO_ROOT } from './paths';
import { EVENT_BUDGET_MS } from './budgets';

export const SERVER_BIN = path.join(REPO_ROOT, 'server', 'bin', 'loopguard-language-server.js');

export { EVENT_BUDGET_MS };

export interface SessionOptions {
  /** Workspace folders; the first is the root. */
  folders: string[];
  /** The `loopguard` settings section the client answers `workspace/configuration` with (mutable between requests). */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** The server's script; the repository's `loopguard-language-server` unless a test runs another build (the extension's bundle). */
  server?: string;
  /** Node flags for the server process (`--expose-gc`, so that `status` can collect garbage first). */
  execArgv?: string[];
}

interface Waiter {
  check(): boolean;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export class LspSession {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly shownMessages: ShowMessageParams[] = [];
  /** What the server wrote to stderr (nothing, unless it crashed). */
  stderr = '';
  readonly slowLints: SlowLintParams[] = [];
  /** The `scopeUri` of each `workspace/configuration` item the server asked for, in order. */
  readonly settingsAsked: Array<string | undefined> = [];
  settings: Record<string, unknown>;
  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  /** The server's exit code once it has exited (null when a signal ended it). */
  readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: SessionOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) =>
      this.record(() => this.diagnostics.push(params)),
    );
    connection.onNotification(LogMessageNotification.type, (params) =>
      this.record(() => this.logs.push(params)),
    );
    connection.onNotification(ShowMessageNotification.type, (params) =>
      this.record(() => this.shownMessages.push(params)),
    );
    connection.onNotification(SLOW_LINT_METHOD, (params: SlowLintParams) =>
      this.record(() => this.slowLints.push(params)),
    );
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.settingsAsked.push(item.scopeUri);
        return this.settings;
      }),
    );
    connection.onRequest(RegistrationRequest.type, () => {});
  }

  static async start(
    options: SessionOptions,
  ): Promise<{ session: LspSession; initialize: InitializeResult }> {
    const child = spawn(
      process.execPath,
      [...(options.execArgv ?? []), options.server ?? SERVER_BIN, '--stdio'],
      { cwd: options.folders[0], stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const session = new LspSession(child, connection, options);
    connection.listen();
    const initialize = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(options.folders[0]!),
      workspaceFolders: options.folders.map((folder) => ({
        uri: uriOf(folder),
        name: path.basename(folder),
      })),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        textDocument: {
          publishDiagnostics: {
            relatedInformation: true,
            versionSupport: true,
            codeDescriptionSupport: true,
          },
        },
      },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { session, initialize };
  }

  /** Resolves with the first value `probe` returns that is not undefined, checked now and after every notification. */
  waitFor<T>(what: string, probe: () => T | undefined, budgetMs = EVENT_BUDGET_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(value);
          return true;
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `no ${what} within ${budgetMs} ms; logs:\n${this.logs.map((log) => log.message).join('\n')}\nstderr:\n${this.stderr}`,
          ),
        );
      }, budgetMs);
      if (!waiter.check()) this.waiters.add(waiter);
    });
  }

  /** The next diagnostics published for `uri` after the `seen`-th one (counting from the session's start). */
  nextDiagnostics(
    uri: string,
    seen = this.diagnosticsCount(uri),
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      `diagnostics for ${path.basename(uri)}`,
      () => this.diagnostics.filter((params) => params.uri === uri)[seen],
    );
  }

  /** The first diagnostics for `uri`, after the `seen`-th, that satisfy `test` (others may arrive first: re-lints of other triggers). */
  diagnosticsMatching(
    uri: string,
    seen: number,
    what: string,
    test: (params: PublishDiagnosticsParams) => boolean,
    budgetMs = EVENT_BUDGET_MS,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      what,
      () =>
        this.diagnostics
          .filter((params) => params.uri === uri)
          .slice(seen)
          .find(test),
      budgetMs,
    );
  }

  diagnosticsCount(uri: string): number {
    return this.diagnostics.filter((params) => params.uri === uri).length;
  }

  async open(file: string, languageId = 'typescript'): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text: fs.readFileSync(file, 'utf8') },
    });
    return uri;
  }

  /** Opens `file` with `text` in its buffer instead of what is on disk (a file not saved yet, say). */
  async openUnsaved(file: string, text: string): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'typescript', version: 1, text },
    });
    return uri;
  }

  /** Replaces the whole text of an open document (unsaved); returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** Sends incremental changes to an open document, as editors do while typing; returns the new version. */
  async edit(uri: string, contentChanges: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { loopguard: settings },
    });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });
    return (result ?? []).filter((action): action is CodeAction => !isCommand(action));
  }

  /** The server's `loopguard/status`, after a garbage collection in both threads when asked (and possible). */
  status(collectGarbage = false): Promise<StatusResult> {
    return this.connection.sendRequest<StatusResult>(STATUS_METHOD, { collectGarbage });
  }

  /** Writes bytes to the server's stdin as they are, for input that is not a well-formed message. */
  writeRaw(bytes: string): void {
    this.process.stdin!.write(bytes);
  }

  /** Sends `shutdown` and `exit` and resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the server process if a test failed before shutting it down. */
  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
    this.connection.dispose();
  }

  private record(push: () => void): void {
    push();
    for (const waiter of [...this.waiters]) waiter.check();
  }
}

function isCommand(value: CodeAction | Command): value is Command {
  return typeof (value as Command).command === 'string' && !('kind' in value) && !('edit' in value);
}

/** Applies LSP text edits (non-overlapping, as a server sends them) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++)
    if (text[index] === '\n') lineStarts.push(index + 1);
  const offsetOf = (position: { line: number; character: number }): number =>
    (lineStarts[position.line] ?? text.length) + position.character;
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let result = text;
  for (const edit of sorted)
    result =
      result.slice(0, offsetOf(edit.range.start)) +
      edit.newText +
      result.slice(offsetOf(edit.range.end));
  return result;
}
