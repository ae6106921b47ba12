// What the Loopguard language server adds to LSP, declared once: its initialization options, its custom notification
// and request (with their directions) and its command. Clients (the VS Code extension, tests) import these, so the file
// imports nothing: each side builds its own typed messages from the method names with its own LSP library.

/** `initializationOptions` of the `initialize` request. */
export interface InitializationOptions {
  /**
   * The client says the workspace is not trusted: the server then loads no code from it (no `eslint.config.*`, no
   * plugins) and lints with the built-in `recommended` config only. Absent means trusted.
   */
  untrustedWorkspace?: boolean;
  /**
   * The client shows `loopguard/slowLint` to the user itself (the VS Code extension does): the server then does not
   * also say with `window/showMessage` that a lint went over its budget. Absent means it does.
   */
  showsSlowLints?: boolean;
}

/** Parameters of `loopguard/slowLint`. */
export interface SlowLintParams {
  uri: string;
  /** The document version that was being linted. */
  version: number;
  /** How long the lint took, or ran before it was abandoned. */
  durationMs: number;
  /** The document's `loopguard.lintTimeBudgetMs`. */
  budgetMs: number;
  /**
   * True when the lint went over budget and no findings were published for this version: it was stopped (tried again
   * with its program kept, with a doubled budget, and over it each time), or its worker did not stop and was restarted.
   */
  abandoned: boolean;
}

/**
 * Direction: server → client. Sent after a lint that took longer than `SLOW_LINT_MS`, and after a lint that went
 * over its time budget and was abandoned, so that an editor can show it (for instance in a status item).
 * The same event also goes to `window/logMessage`, and a lint over budget to `window/showMessage` (unless the client
 * says `showsSlowLints`), for clients that do not know this notification (they drop it, or log it as unknown).
 */
export const SLOW_LINT_METHOD = 'loopguard/slowLint';

/** A lint counts as slow past this many milliseconds. */
export const SLOW_LINT_MS = 1_000;

/** Parameters of `loopguard/status`. */
export interface StatusParams {
  /** Run a full garbage collection in both threads first (only possible when the server runs with `node --expose-gc`). */
  collectGarbage?: boolean;
}

/** The result of `loopguard/status`. */
export interface StatusResult {
  version: string;
  openDocuments: number;
  /** In bytes: the process's resident memory, and the JavaScript heap in use on the connection thread and in the lint worker. */
  memory: { rss: number; connectionHeapUsed: number; workerHeapUsed: number | null };
  /** Lint workers started since the server started: one, and one more for each restart. */
  workersStarted: number;
  /**
   * TypeScript programs the current lint worker has built since it started (a program is built when a file's project
   * first lints and again after a change; one kept because nothing changed does not count); null when the worker did
   * not answer. A restarted worker counts from zero.
   */
  programsBuilt: number | null;
  /**
   * Times the current lint worker emptied its young generation while idle after a lint (`lint-worker.ts`); null when
   * the worker did not answer.
   */
  idleCollections: number | null;
}

/**
 * Direction: client → server (a request). What the server holds now, for a status view and for measuring memory. The
 * worker's part is answered after the lints queued before it.
 */
export const STATUS_METHOD = 'loopguard/status';

/** `workspace/executeCommand`: opens a rule's documentation (arguments: `[url]`). */
export const SHOW_RULE_DOCS_COMMAND = 'loopguard.showRuleDocs';

/** The code action kind of "Fix all auto-fixable Loopguard problems". */
export const FIX_ALL_KIND = 'source.fixAll.loopguard';
