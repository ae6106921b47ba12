// The main thread's handle on the lint worker: requests go to it one at a time, each with a time budget. A request
// that is cancelled while it runs, or goes over its budget, is stopped at its next safe point through the shared stop
// signal (see `engine/stop-points.ts`): the worker keeps its programs, warm. Only a worker that does not reach a safe
// point within a grace period (a rule in an endless loop) is ended; a fresh one starts and is given the open documents
// again. Document updates are posted at once and reach the worker in order with the requests. The budget counts from
// the moment the worker starts running rules: loading a config and building a program (seconds on a large project,
// longer in a fresh worker) have a budget of their own.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

import type {
  WorkerData,
  WorkerLog,
  WorkerNotice,
  WorkerOutbound,
  WorkerRequest,
  WorkerSetup,
} from './worker-protocol';

/**
 * The lint worker's young generation, larger than a worker's default (48 MB): what each version's program and checker
 * build for a large file survives a scavenge or two and is copied each time. With 96 MB (semi-spaces of 32 MB), most
 * of a lint of the 2,000-line benchmark file fits in it, and the worker empties it once idle after each lint
 * (`lint-worker.ts`), so a lint seldom scavenges (bench/README, "Emptying the young generation between edits"). It
 * costs at most 32 MB more memory than 64 MB did.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

export type WorkerOutcome<T> =
  | { kind: 'done'; value: T; durationMs: number }
  /**
   * Over budget while `preparing` (loading the config, building the program) or while `linting`, and stopped: at a
   * safe point, keeping the worker and its programs, or, when it reached none in time, by ending the worker.
   */
  | {
      kind: 'timeout';
      durationMs: number;
      phase: 'preparing' | 'linting';
      workerRestarted: boolean;
    }
  | { kind: 'failed'; error: string }
  /** The caller cancelled the request: taken out of the queue, or its answer dropped. */
  | { kind: 'cancelled' };

/** What a request may be cancelled with; LSP's `CancellationToken` is one. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface LintWorkerHooks {
  /** `log`: for the client's log only when it shows everything (`window/logMessage` of type Log). */
  log(level: WorkerLog['level'] | 'log', message: string): void;
  /** The open documents, replayed into a fresh worker. */
  openDocuments(): Iterable<{ file: string; text: string; version: number }>;
}

interface QueuedRequest {
  body: RequestBody;
  budgetMs: number;
  resolve(outcome: WorkerOutcome<unknown>): void;
}

interface RunningRequest extends QueuedRequest {
  id: number;
  started: number;
  timer: NodeJS.Timeout;
  phase: 'preparing' | 'linting';
  /** Asked to stop at its next safe point: by its caller, or for going over budget (then `overBudgetMs` is set). */
  stopping: boolean;
  overBudgetMs?: number;
}

const WORKER_SCRIPT = path.join(__dirname, 'worker', 'lint-worker.js');
/** Failures in a row (the worker crashing, not a lint over budget) after which the server stops restarting it. */
const MAX_CONSECUTIVE_FAILURES = 3;

/**
 * How long loading a config and building a program may take before the request is abandoned anyway (a config that
 * never finishes loading): a minute, or six lint budgets when that is more.
 */
export function preparationBudgetMs(lintBudgetMs: number): number {
  return Math.max(60_000, lintBudgetMs * 6);
}

/**
 * How long a request over budget has to reach a safe point before its worker is ended: long enough for a slow rule
 * on a busy machine to reach the next node, short enough that a rule in an endless loop costs little.
 */
export function stopGraceMs(lintBudgetMs: number, phase: 'preparing' | 'linting'): number {
  return phase === 'preparing' ? preparationBudgetMs(lintBudgetMs) : Math.max(5_000, lintBudgetMs);
}

export class LintWorker {
  private worker: Worker;
  /** The current worker's stop signal: the id of the request to stop at its next safe point. */
  private stopSignal = new Int32Array(new SharedArrayBuffer(4));
  private readonly queue: QueuedRequest[] = [];
  private running: RunningRequest | undefined;
  private nextId = 1;
  private disposed = false;
  /** Crashes since the worker last answered; a worker that cannot even start must not be restarted forever. */
  private failures = 0;
  private broken: string | undefined;
  private started = 0;

  constructor(
    private setup: WorkerSetup,
    private readonly hooks: LintWorkerHooks,
    /** The worker's script; tests give one that fails. */
    private readonly script: string = WORKER_SCRIPT,
  ) {
    this.worker = this.start();
  }

  notify(notice: WorkerNotice): void {
    if (!this.disposed) this.worker.postMessage(notice);
  }

  /**
   * Runs a request in the worker. Cancelled while it waits, it leaves the queue at once; cancelled while it runs, it
   * resolves as cancelled at once and the worker stops it at its next safe point, then takes the next request.
   */
  request<T>(
    body: RequestBody,
    budgetMs: number,
    cancellation?: Cancellation,
  ): Promise<WorkerOutcome<T>> {
    if (this.disposed)
      return Promise.resolve({ kind: 'failed', error: 'the server is shutting down' });
    if (this.broken) return Promise.resolve({ kind: 'failed', error: this.broken });
    if (cancellation?.isCancellationRequested) return Promise.resolve({ kind: 'cancelled' });
    return new Promise<WorkerOutcome<T>>((resolve) => {
      const listener = cancellation?.onCancellationRequested(() => {
        const index = this.queue.indexOf(queued);
        if (index >= 0) this.queue.splice(index, 1);
        if (this.running?.resolve === queued.resolve) this.askToStop(this.running);
        queued.resolve({ kind: 'cancelled' });
      });
      let settled = false;
      const queued: QueuedRequest = {
        body,
        budgetMs,
        resolve: (outcome) => {
          if (settled) return;
          settled = true;
          listener?.dispose();
          (resolve as (outcome: WorkerOutcome<unknown>) => void)(outcome);
        },
      };
      this.queue.push(queued);
      this.pump();
    });
  }

  /** Ends the worker and starts a fresh one with the open documents (a new lint config, new workspace folders). */
  restart(setup: WorkerSetup = this.setup): void {
    this.setup = setup;
    this.failures = 0;
    this.broken = undefined;
    this.replaceWorker({ kind: 'failed', error: 'the lint worker was restarted' });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const pending = [...this.queue.splice(0), ...(this.running ? [this.running] : [])];
    if (this.running) clearTimeout(this.running.timer);
    this.running = undefined;
    for (const request of pending)
      request.resolve({ kind: 'failed', error: 'the server is shutting down' });
    await this.worker.terminate();
  }

  /** Workers started so far: the first, and one per restart. */
  get workersStarted(): number {
    return this.started;
  }

  private start(): Worker {
    this.started++;
    this.stopSignal = new Int32Array(new SharedArrayBuffer(4));
    const workerData: WorkerData = {
      ...this.setup,
      stopSignal: this.stopSignal.buffer,
    };
    const worker = new Worker(this.script, {
      workerData,
      stdout: true,
      stderr: true,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    // A rule that writes to the console must not reach stdout, which carries the LSP messages.
    worker.stdout.on('data', (chunk: Buffer) =>
      this.hooks.log('info', chunk.toString('utf8').trimEnd()),
    );
    worker.stderr.on('data', (chunk: Buffer) =>
      this.hooks.log('warning', chunk.toString('utf8').trimEnd()),
    );
    worker.on('message', (message: WorkerOutbound) => this.receive(worker, message));
    worker.on('error', (error) => {
      if (worker !== this.worker || this.disposed) return;
      this.crashed(`The lint worker failed: ${error.stack ?? error.message}`);
    });
    worker.on('exit', (code) => {
      if (worker !== this.worker || this.disposed) return;
      this.crashed(`The lint worker exited (code ${code})`);
    });
    for (const document of this.hooks.openDocuments())
      worker.postMessage({ kind: 'setDocument', ...document } satisfies WorkerNotice);
    return worker;
  }

  private receive(worker: Worker, message: WorkerOutbound): void {
    if (worker !== this.worker) return;
    if (message.kind === 'log') {
      this.hooks.log(message.level, message.message);
      return;
    }
    if (message.kind === 'linting') {
      const running = this.running;
      if (!running || running.id !== message.id || running.stopping) return;
      // From here on the lint's own budget applies.
      clearTimeout(running.timer);
      running.phase = 'linting';
      running.timer = setTimeout(() => this.timeOut(running.id), running.budgetMs);
      return;
    }
    const running = this.running;
    if (!running || running.id !== message.id) return;
    this.failures = 0;
    clearTimeout(running.timer);
    this.running = undefined;
    const durationMs = performance.now() - running.started;
    if (message.kind === 'stopped' && running.overBudgetMs === undefined)
      this.hooks.log(
        'log',
        `Stopped a ${running.body.kind === 'lint' ? 'lint' : 'fix-all'} of ${'file' in running.body ? running.body.file : '?'} at a safe point, as asked.`,
      );
    if (message.kind === 'stopped')
      running.resolve(
        running.overBudgetMs === undefined
          ? { kind: 'cancelled' }
          : { kind: 'timeout', durationMs, phase: running.phase, workerRestarted: false },
      );
    // A lint that finished during its grace period is as good as one within budget.
    else if (message.ok) running.resolve({ kind: 'done', value: message.value, durationMs });
    else running.resolve({ kind: 'failed', error: message.error });
    this.pump();
  }

  /** Asks the worker to stop the running request at its next safe point. */
  private askToStop(running: RunningRequest): void {
    running.stopping = true;
    Atomics.store(this.stopSignal, 0, running.id);
  }

  private pump(): void {
    if (this.running || this.disposed || this.broken) return;
    const next = this.queue.shift();
    if (!next) return;
    const id = this.nextId++;
    const started = performance.now();
    const timer = setTimeout(() => this.timeOut(id), preparationBudgetMs(next.budgetMs));
    this.running = { ...next, id, started, timer, phase: 'preparing', stopping: false };
    const request: WorkerRequest = { ...next.body, id };
    this.worker.postMessage(request);
  }

  private timeOut(id: number): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    if (running.overBudgetMs === undefined) {
      // First ask for a stop at the next safe point, which keeps the worker and its warm programs.
      running.overBudgetMs = performance.now() - running.started;
      this.askToStop(running);
      running.timer = setTimeout(
        () => this.timeOut(id),
        stopGraceMs(running.budgetMs, running.phase),
      );
      return;
    }
    this.running = undefined;
    const durationMs = performance.now() - running.started;
    // No safe point in time (a rule in an endless loop): the only way left is to end the thread. The fresh worker
    // rebuilds its programs on demand.
    void this.worker.terminate();
    this.worker = this.start();
    running.resolve({ kind: 'timeout', durationMs, phase: running.phase, workerRestarted: true });
    this.pump();
  }

  private crashed(what: string): void {
    this.failures++;
    if (this.failures < MAX_CONSECUTIVE_FAILURES) {
      this.hooks.log('error', `${what}. Restarting it.`);
      this.replaceWorker({ kind: 'failed', error: what });
      return;
    }
    this.broken = `${what}, ${this.failures} times in a row; linting is off until the server restarts`;
    this.hooks.log('error', `${this.broken}.`);
    const pending = [...this.queue.splice(0), ...(this.running ? [this.running] : [])];
    if (this.running) clearTimeout(this.running.timer);
    this.running = undefined;
    for (const request of pending) request.resolve({ kind: 'failed', error: this.broken });
  }

  private replaceWorker(outcome: WorkerOutcome<unknown>): void {
    const running = this.running;
    if (running) clearTimeout(running.timer);
    this.running = undefined;
    const old = this.worker;
    this.worker = this.start();
    void old.terminate();
    running?.resolve(outcome);
    this.pump();
  }
}
