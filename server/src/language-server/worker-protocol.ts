// The messages between the language server's main thread (which owns the LSP connection) and its lint worker
// thread (which owns the engines). Everything here crosses `postMessage`, so it is plain data.
import type { ConfigProblem, Finding, RuleCrash } from '../engine';
import type { RuleDocs } from './diagnostics';
import type { RuleSeveritySetting } from './settings';

/** Given to the worker when it starts (`workerData`). */
export interface WorkerSetup {
  /** Workspace folders, as normalized paths. A file belongs to the innermost folder that contains it. */
  folders: string[];
  /** In an untrusted workspace no `eslint.config.*` is loaded: the built-in config only. */
  untrusted: boolean;
}

export type RuleSeverities = Partial<Record<string, RuleSeveritySetting>>;

/** Messages the worker answers with a `WorkerReply` carrying the same `id`. */
/**
 * `workerData`: the setup plus the stop signal, a shared `Int32Array` of one element. The connection thread stores a
 * request's id there to stop that request at its next safe point (see `engine/stop-points.ts`); the worker then
 * answers with `WorkerStopped`, keeping its programs.
 */
export interface WorkerData extends WorkerSetup {
  stopSignal: SharedArrayBuffer;
}

export type WorkerRequest =
  | {
      kind: 'lint';
      id: number;
      file: string;
      ruleSeverities: RuleSeverities;
      maxFileBytes: number;
      findImporters: boolean;
      /**
       * The first lint since the document opened: its importers are looked for if the buffer is unlike the file on
       * disk (a file not saved yet, or changed since), whose text they were linted with.
       */
      opened: boolean;
    }
  | {
      kind: 'fixAll';
      id: number;
      file: string;
      mode: 'safe' | 'unsafe';
      ruleSeverities: RuleSeverities;
      maxFileBytes: number;
    }
  | { kind: 'importers'; id: number; changed: string[] }
  | { kind: 'status'; id: number; collectGarbage: boolean };

/** Messages the worker acts on without answering; they are handled in order with the requests. */
export type WorkerNotice =
  | { kind: 'setDocument'; file: string; text: string; version: number }
  | { kind: 'closeDocument'; file: string }
  /** A file changed on disk. */
  | { kind: 'fileChanged'; file: string }
  /** A tsconfig, jsconfig or package.json changed, or files were created or deleted: rebuild every project. */
  | { kind: 'resetProjects' };

export type WorkerInbound = WorkerRequest | WorkerNotice;

export interface LintReply {
  kind: 'linted' | 'ignored' | 'config-problem';
  /** The version of the document that was linted (the worker's copy), or null when it had no open document. */
  version: number | null;
  /** The text that was linted, which fix ranges refer to. */
  text: string;
  findings: Finding[];
  /** The documentation of the rules in `findings`. */
  docs: RuleDocs;
  crashes: RuleCrash[];
  problem?: ConfigProblem;
  /** Open documents that import the linted file, directly or transitively (when asked for). */
  importers: string[];
  /** How long the lint took inside the worker, in milliseconds. */
  durationMs: number;
}

export interface FixAllReply {
  version: number | null;
  text: string;
  /** The fixed text; undefined when no fix applies. */
  output: string | undefined;
}

export interface ImportersReply {
  importers: string[];
}

export interface StatusReply {
  /** The worker's JavaScript heap in use, in bytes. */
  heapUsed: number;
  /** TypeScript programs this worker has built (see `StatusResult.programsBuilt`). */
  programsBuilt: number;
  /** Young-generation collections run while idle after a lint (see `StatusResult.idleCollections`). */
  idleCollections: number;
}

export type WorkerReply =
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string };

/** A request stopped at a safe point, as the stop signal asked: no result, warm programs kept. */
export interface WorkerStopped {
  kind: 'stopped';
  id: number;
}

/** Things the worker wants the client's log to show (a config that failed to load, an ignored setting). */
export interface WorkerLog {
  kind: 'log';
  level: 'error' | 'warning' | 'info';
  message: string;
}

/** The worker has the config and the program of a request's file and starts running rules: its time budget starts. */
export interface WorkerLinting {
  kind: 'linting';
  id: number;
}

export type WorkerOutbound = WorkerReply | WorkerStopped | WorkerLog | WorkerLinting;
