// The lint worker thread: it owns the engines and runs every lint, so that the thread serving the LSP connection
// never blocks on `Linter.verify` (which is synchronous) and can end this thread when a lint goes over budget.
// Messages are handled one at a time, in the order they arrive.
// First: it chooses the TypeScript every module of this thread loads.
import { typescriptChoice } from './typescript-prelude';

import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

import {
  type Engine,
  enableSyntaxReuse,
  type FileOutcome,
  leanTraversalOff,
  LintStopped,
  type RuleMeta,
} from '../../engine';
import type {
  FixAllReply,
  ImportersReply,
  LintReply,
  StatusReply,
  WorkerInbound,
  WorkerData,
  WorkerOutbound,
  WorkerRequest,
} from '../worker-protocol';
import { WorkspaceEngines } from './workspace-engines';

const port = parentPort;
if (!port) throw new Error('lint-worker.js runs as a worker thread of the language server');

const post = (message: WorkerOutbound): void => port.postMessage(message);
const data = workerData as WorkerData;
const workspace = new WorkspaceEngines(data, (level, message) =>
  post({ kind: 'log', level, message }),
);
const stopSignal = new Int32Array(data.stopSignal);

/** Whether the connection thread asked to stop request `id` (a newer version arrived, or it is over budget). */
function stopAsked(id: number): () => boolean {
  return () => Atomics.load(stopSignal, 0) === id;
}

if (typescriptChoice.message !== undefined)
  post({ kind: 'log', level: 'warning', message: typescriptChoice.message });

// Each edit re-lints a file whose syntax is mostly unchanged: keep what the last conversion made (`syntax-reuse.ts`).
const reuseOff = enableSyntaxReuse();
if (reuseOff !== undefined)
  post({
    kind: 'log',
    level: 'info',
    message: `Converting each version of a file in full (slower typing in large files): ${reuseOff}.`,
  });

// Each edit inside one function body re-lints only what it can reach (`region-reuse.ts`); `LOOPGUARD_REGION_REUSE=off`
// lints every version whole, for comparing the two in `npm run bench`.
const reuseRegions = process.env.LOOPGUARD_REGION_REUSE !== 'off';

let queue: Promise<void> = Promise.resolve();
/** Messages received and not yet handled. */
let waiting = 0;
port.on('message', (message: WorkerInbound) => {
  waiting++;
  cancelIdleCollection();
  queue = queue
    .then(() => handle(message))
    .finally(() => {
      waiting--;
      collectWhenIdle();
    });
});

/**
 * Quiet time after a lint's answer before the young generation is emptied: an edit that follows at once (the next
 * keystroke of a fast typist, a bench sending edits back to back) is not kept waiting behind the collection.
 */
const IDLE_COLLECTION_DELAY_MS = 20;
const collectYoung = youngCollector();
let idleCollection: NodeJS.Timeout | undefined;
/** Whether a lint ran since the last idle collection. */
let collectionOwed = false;
let idleCollections = 0;

/**
 * Once a lint has answered and the thread stays idle, empties the young generation: what the lint allocated is
 * garbage by then, and the collection copies only what is kept for the next version. Without it, the scavenges of
 * the next lint copy the working set that lint builds, on the path the user waits on (bench/README, "Emptying the
 * young generation between edits"). A message arriving first puts it off until that message is handled.
 */
function collectWhenIdle(): void {
  if (!collectYoung || !collectionOwed || waiting > 0) return;
  cancelIdleCollection();
  idleCollection = setTimeout(() => {
    idleCollection = undefined;
    if (waiting > 0) return;
    collectionOwed = false;
    collectYoung();
    idleCollections++;
  }, IDLE_COLLECTION_DELAY_MS);
}

function cancelIdleCollection(): void {
  if (idleCollection === undefined) return;
  clearTimeout(idleCollection);
  idleCollection = undefined;
}

/**
 * V8's collection of the young generation alone, `gc({ type: 'minor' })` as `--expose-gc` offers it: the flag is set
 * only while a new context is made to take the function from, and cleared again unless the process started with it.
 * `LOOPGUARD_IDLE_GC=off` turns it off, for comparing the two in `npm run bench`.
 */
function youngCollector(): (() => void) | undefined {
  if (process.env.LOOPGUARD_IDLE_GC === 'off') return undefined;
  try {
    const startedWith = typeof (globalThis as { gc?: unknown }).gc === 'function';
    if (!startedWith) setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as ((options: { type: 'minor' }) => void) | undefined;
    if (!startedWith) setFlagsFromString('--no-expose-gc');
    if (typeof gc !== 'function') return undefined;
    return () => gc({ type: 'minor' });
  } catch {
    return undefined;
  }
}

async function handle(message: WorkerInbound): Promise<void> {
  switch (message.kind) {
    case 'setDocument':
      workspace.setDocument(message.file, message.text, message.version);
      return;
    case 'closeDocument':
      workspace.closeDocument(message.file);
      return;
    case 'fileChanged':
      workspace.fileChanged(message.file);
      return;
    case 'resetProjects':
      workspace.resetProjects();
      return;
    default:
      try {
        if (message.kind === 'lint' || message.kind === 'fixAll') collectionOwed = true;
        post({ kind: 'reply', id: message.id, ok: true, value: await answer(message) });
      } catch (error) {
        if (error instanceof LintStopped) {
          post({ kind: 'stopped', id: message.id });
          return;
        }
        post({
          kind: 'reply',
          id: message.id,
          ok: false,
          error: (error as Error)?.stack ?? String(error),
        });
      }
  }
}

async function answer(
  request: WorkerRequest,
): Promise<LintReply | FixAllReply | ImportersReply | StatusReply> {
  switch (request.kind) {
    case 'lint': {
      const started = performance.now();
      const shouldStop = stopAsked(request.id);
      const engine = await workspace.engineFor(request.file, request.ruleSeverities);
      if (shouldStop()) throw new LintStopped();
      prepareProgram(engine, request);
      const version = workspace.documentVersion(request.file);
      const outcome = engine.lintFile(request.file, 'none', {
        maxFileBytes: request.maxFileBytes,
        shouldStop,
        reuseUnchangedRegions: reuseRegions,
      });
      reportLeanTraversalOff();
      const suppressed =
        outcome.kind === 'linted'
          ? workspace.suppressedRules(request.file, outcome.result.messages)
          : new Set<string>();
      const reply = toLintReply(outcome, version, engine.rulesMeta(), suppressed);
      const findImporters =
        request.findImporters || (request.opened && workspace.unlikeDisk(request.file));
      reply.importers = findImporters ? workspace.importersOf([request.file]) : [];
      reply.durationMs = performance.now() - started;
      return reply;
    }
    case 'fixAll': {
      const engine = await workspace.engineFor(request.file, request.ruleSeverities);
      if (stopAsked(request.id)()) throw new LintStopped();
      prepareProgram(engine, request);
      const version = workspace.documentVersion(request.file);
      const outcome = engine.lintFile(request.file, request.mode, {
        maxFileBytes: request.maxFileBytes,
        shouldStop: stopAsked(request.id),
      });
      if (outcome.kind !== 'linted') return { version, text: '', output: undefined };
      return { version, text: outcome.source, output: outcome.result.output };
    }
    case 'importers':
      return { importers: workspace.importersOf(request.changed) };
    case 'status':
      // `gc` exists only when the process runs with --expose-gc (workers inherit the flag).
      if (request.collectGarbage) (globalThis as { gc?: () => void }).gc?.();
      return {
        heapUsed: getHeapStatistics().used_heap_size,
        programsBuilt: workspace.programsBuilt(),
        idleCollections,
      };
  }
}

let leanOffReported = false;

/** Says once in the log when lints stopped walking the tree the lean way (`region-skipping.ts`), and why. */
function reportLeanTraversalOff(): void {
  const reason = leanTraversalOff();
  if (leanOffReported || reason === undefined) return;
  leanOffReported = true;
  post({
    kind: 'log',
    level: 'info',
    message: `Walking each file's whole syntax tree as ESLint does (slower typing in large files): ${reason}.`,
  });
}

/**
 * Builds the program of the request's file (which a cold start or a changed project makes slow) before the rules
 * run, then tells the connection thread that the lint itself starts, so its time budget counts from there.
 */
function prepareProgram(engine: Engine, request: { id: number; file: string }): void {
  try {
    engine.projectOf(request.file)?.getProgram();
  } catch {
    // The lint reports it: a program that cannot be built is a message on the file.
  }
  post({ kind: 'linting', id: request.id });
}

function toLintReply(
  outcome: FileOutcome,
  version: number | null,
  rulesMeta: Record<string, RuleMeta>,
  suppressedRules: ReadonlySet<string>,
): LintReply {
  const base = {
    version,
    text: '',
    findings: [],
    docs: {},
    crashes: [],
    importers: [],
    durationMs: 0,
  };
  if (outcome.kind === 'ignored') return { kind: 'ignored', ...base };
  if (outcome.kind === 'config-problem')
    return { kind: 'config-problem', ...base, problem: outcome.problem };
  const docs: Record<string, string> = {};
  for (const { message } of outcome.findings) {
    const url = message.ruleId ? rulesMeta[message.ruleId]?.docs?.url : undefined;
    if (message.ruleId && url) docs[message.ruleId] = url;
  }
  return {
    kind: 'linted',
    ...base,
    text: outcome.source,
    findings: outcome.findings.map((finding) =>
      finding.message.ruleId && suppressedRules.has(finding.message.ruleId)
        ? { ...finding, suppressed: true }
        : finding,
    ),
    docs,
    crashes: outcome.crashes,
  };
}
