// The main thread's handle on the lint worker: requests go to it one at a time, each with a time budget; a request
// over budget ends the worker, a fresh one starts and is given the open documents again. Document updates are
// posted at once and reach the worker in order with the requests. The budget counts from the moment the worker starts
// running rules: loading a config and building a program (seconds on a large project, longer in a fresh worker) have
// a budget of their own, so that a lint is not abandoned for the time a cold start takes.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

import type {
  WorkerLog,
  WorkerNotice,
  WorkerOutbound,
  WorkerRequest,
  WorkerSetup,
} from './worker-protocol';

type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

export type WorkerOutcome<T> =
  | { kind: 'done'; value: T; durationMs: number }
  /** Over budget and abandoned: while `preparing` (loading the config, building the program) or while `linting`. */
  | { kind: 'timeout'; durationMs: number; phase: 'preparing' | 'linting' }
  | { kind: 'failed'; error: string }
  /** The caller cancelled the request: taken out of the queue, or its answer dropped. */
  | { kind: 'cancelled' };

/** What a request may be cancelled with; LSP's `CancellationToken` is one. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface LintWorkerHooks {
  log(level: WorkerLog['level'], message: string): void;
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

export class LintWorker {
  private worker: Worker;
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
   * Runs a request in the worker. Cancelled while it waits, it leaves the queue at once; cancelled while it runs, its
   * answer is dropped (a synchronous lint cannot be interrupted without ending the thread and its warm programs).
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
        queued.resolve({ kind: 'cancelled' });
      });
      const queued: QueuedRequest = {
        body,
        budgetMs,
        resolve: (outcome) => {
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
    const worker = new Worker(this.script, { workerData: this.setup, stdout: true, stderr: true });
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
      if (!running || running.id !== message.id) return;
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
    running.resolve(
      message.ok
        ? { kind: 'done', value: message.value, durationMs }
        : { kind: 'failed', error: message.error },
    );
    this.pump();
  }

  private pump(): void {
    if (this.running || this.disposed || this.broken) return;
    const next = this.queue.shift();
    if (!next) return;
    const id = this.nextId++;
    const started = performance.now();
    const timer = setTimeout(() => this.timeOut(id), preparationBudgetMs(next.budgetMs));
    this.running = { ...next, id, started, timer, phase: 'preparing' };
    const request: WorkerRequest = { ...next.body, id };
    this.worker.postMessage(request);
  }

  private timeOut(id: number): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    this.running = undefined;
    const durationMs = performance.now() - running.started;
    // The only way to stop a synchronous lint: end its thread. The fresh worker rebuilds its programs on demand.
    void this.worker.terminate();
    this.worker = this.start();
    running.resolve({ kind: 'timeout', durationMs, phase: running.phase });
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
