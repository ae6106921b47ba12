// TypeScript's own editor latency, for comparison with the language server's: the `tsserver` of the `typescript`
// package this repository builds with, driven over stdio with its own protocol, given the same file and the same
// edits. Each edit is a `change` followed by `semanticDiagnosticsSync` for the file, timed from sending the change
// to the answer: the program updated and the whole file type-checked, which is what an editor waits for before it
// shows TypeScript's errors (and the closest thing to a lint of the file with type information).
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

import { type EditKind, type PlannedEdit, positionOf } from './edit-plan';
import { pause, processMemory } from './measure';
import { encodeRequest, MessageFramer, type TsServerMessage } from './tsserver-protocol';

export interface TsServerEditTiming {
  kind: EditKind;
  ms: number;
  diagnostics: number;
}

export interface TsServerResult {
  /** `open` to the first semantic diagnostics of the file (the project loaded and checked). */
  openMs: number;
  openDiagnostics: number;
  edits: TsServerEditTiming[];
  rssKb: number;
  peakRssKb: number;
  failure?: string;
}

export interface TsServerOptions {
  root: string;
  file: string;
  text: string;
  plan: readonly PlannedEdit[];
  warmupEdits: number;
  /** Milliseconds between an edit's answer and the next edit (`LanguageServerOptions.pauseMs`). */
  pauseMs: number;
  /** Longest wait for one answer: a project load on a loaded machine is slow. */
  budgetMs: number;
}

const TSSERVER = require.resolve('typescript/lib/tsserver.js');

export async function measureTsServer(options: TsServerOptions): Promise<TsServerResult> {
  const result: TsServerResult = {
    openMs: 0,
    openDiagnostics: 0,
    edits: [],
    rssKb: 0,
    peakRssKb: 0,
  };
  const server = new TsServer(options.root, options.budgetMs);
  try {
    const file = path.resolve(options.file);
    const opened = performance.now();
    server.send('open', {
      file,
      fileContent: options.text,
      scriptKindName: 'TS',
      projectRootPath: options.root,
    });
    result.openDiagnostics = await server.semanticDiagnostics(file);
    result.openMs = performance.now() - opened;

    let current = options.text;
    for (const [index, edit] of options.plan.entries()) {
      if (index > 0) await pause(options.pauseMs);
      const start = positionOf(current, edit.start);
      const end = positionOf(current, edit.end);
      const sent = performance.now();
      server.send('change', {
        file,
        line: start.line + 1,
        offset: start.character + 1,
        endLine: end.line + 1,
        endOffset: end.character + 1,
        insertString: edit.text,
      });
      const diagnostics = await server.semanticDiagnostics(file);
      const ms = performance.now() - sent;
      current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
      if (index >= options.warmupEdits) result.edits.push({ kind: edit.kind, ms, diagnostics });
    }
    const memory = processMemory(server.process.pid);
    result.rssKb = memory.rssKb;
    result.peakRssKb = memory.peakRssKb;
  } catch (error) {
    result.failure = (error as Error).message.split('\n')[0];
  } finally {
    await server.close();
  }
  return result;
}

/** One tsserver process: requests numbered in order, answers matched to them by `request_seq`. */
class TsServer {
  readonly process: ChildProcess;
  private seq = 0;
  private readonly waiting = new Map<number, (message: TsServerMessage) => void>();
  private readonly exited: Promise<void>;
  private stderr = '';

  constructor(
    root: string,
    private readonly budgetMs: number,
  ) {
    // No typings installer (it would download), no diagnostic events (the requests ask for diagnostics).
    this.process = spawn(
      process.execPath,
      [
        TSSERVER,
        '--disableAutomaticTypingAcquisition',
        '--suppressDiagnosticEvents',
        '--locale',
        'en',
      ],
      { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const framer = new MessageFramer();
    this.process.stdout!.on('data', (chunk: Buffer) => {
      for (const message of framer.push(chunk)) {
        if (message.type !== 'response' || message.request_seq === undefined) continue;
        this.waiting.get(message.request_seq)?.(message);
      }
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.process.once('exit', () => resolve()));
  }

  /** Sends a request without waiting (`open` and `change` have no answer). */
  send(command: string, args: unknown): number {
    const seq = ++this.seq;
    this.process.stdin!.write(encodeRequest({ seq, type: 'request', command, arguments: args }));
    return seq;
  }

  /** The number of semantic diagnostics of `file`, once tsserver has answered. */
  async semanticDiagnostics(file: string): Promise<number> {
    const answer = await this.request('semanticDiagnosticsSync', { file });
    if (!answer.success)
      throw new Error(`tsserver: semanticDiagnosticsSync failed: ${answer.message ?? ''}`);
    return Array.isArray(answer.body) ? answer.body.length : 0;
  }

  private request(command: string, args: unknown): Promise<TsServerMessage> {
    return new Promise((resolve, reject) => {
      const seq = this.send(command, args);
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(
          new Error(
            `tsserver did not answer ${command} within ${this.budgetMs} ms${this.stderr ? `: ${this.stderr.slice(0, 300)}` : ''}`,
          ),
        );
      }, this.budgetMs);
      const exited = (): void => {
        clearTimeout(timer);
        reject(
          new Error(`tsserver exited before answering ${command}: ${this.stderr.slice(0, 300)}`),
        );
      };
      this.process.once('exit', exited);
      this.waiting.set(seq, (message) => {
        clearTimeout(timer);
        this.process.off('exit', exited);
        this.waiting.delete(seq);
        resolve(message);
      });
    });
  }

  /** Asks tsserver to exit, and kills it if it has not within a few seconds. */
  async close(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.send('exit', undefined);
      this.process.stdin!.end();
      const timer = setTimeout(() => this.process.kill(), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}
