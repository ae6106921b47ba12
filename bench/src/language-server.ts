// The language server as an editor sees it: the real `loopguard-language-server --stdio`, driven over stdio by a real
// LSP client (the test suite's `LspSession`). Measured: time from `didOpen` to the first diagnostics, time from each
// `didChange` to the diagnostics published for that version (the server never publishes a stale version, and every
// wait matches the version it sent), and the server's resident memory after the edits. Next to it, the cold CLI on
// the same one file, which the first diagnostics on open are compared with.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { LspSession } from 'loopguard-test/lsp-client';
import {
  EDITS_PER_CYCLE,
  type EditKind,
  planEdits,
  type PlannedEdit,
  positionOf,
} from './edit-plan';
import { type CommandRun, measure, pause, processMemory } from './measure';
import { loopguard } from './tools';
import { measureTsServer, type TsServerResult } from './tsserver';

export interface LanguageServerOptions {
  root: string;
  /** The file opened and edited. */
  file: string;
  /** Edits whose latency is not counted, before the measured ones. */
  warmupEdits: number;
  edits: number;
  /** Sessions (each opens the file once) and cold CLI runs, after one warm-up of each. */
  rounds: number;
  /**
   * Milliseconds between an edit's answer and the next edit, for both servers: 0 sends each edit as soon as the last
   * one is answered; a typist leaves a pause.
   */
  pauseMs: number;
  /** Where each server writes its CPU profiles (Node's `--cpu-prof`), when given. */
  cpuProfileDir?: string | undefined;
  log: (line: string) => void;
}

export interface EditTiming {
  kind: EditKind;
  ms: number;
  findings: number;
}

export interface LanguageServerResult {
  file: string;
  lines: number;
  /** Spawn to the answer of `initialize`, per session. */
  startMs: number[];
  /** `didOpen` to the first diagnostics, per session. */
  openMs: number[];
  /** Findings in the first diagnostics. */
  openFindings: number;
  /** The cold `loopguard lint <file>` runs. */
  cli: CommandRun[];
  edits: EditTiming[];
  warmupEdits: number;
  pauseMs: number;
  /** The server process's resident memory after the edits (VmRSS), and its peak (VmHWM); 0 when unknown. */
  rssKb: number;
  peakRssKb: number;
  /** TypeScript's own `tsserver` given the same file and the same edits, after the language server's sessions. */
  tsserver?: TsServerResult;
  failure?: string;
}

/** Events the server must answer within: a program build of a large project on a loaded machine is slow. */
const OPEN_BUDGET_MS = 300_000;
const EDIT_BUDGET_MS = 60_000;

export async function measureLanguageServer(
  options: LanguageServerOptions,
): Promise<LanguageServerResult> {
  const text = fs.readFileSync(options.file, 'utf8');
  const result: LanguageServerResult = {
    file: path.relative(options.root, options.file),
    lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
    startMs: [],
    openMs: [],
    openFindings: 0,
    cli: [],
    edits: [],
    warmupEdits: options.warmupEdits,
    pauseMs: options.pauseMs,
    rssKb: 0,
    peakRssKb: 0,
  };
  try {
    const cli = loopguard(options.root, 'loopguard lint <file>', {
      paths: [path.relative(options.root, options.file)],
    });
    for (let round = 0; round <= options.rounds; round++) {
      const run = await measure(cli.command);
      if (!cli.okStatus.includes(run.status ?? -1))
        throw new Error(`loopguard lint exited with ${run.status}: ${run.stderr.slice(0, 500)}`);
      options.log(
        `  ${round === 0 ? 'warm-up' : `round ${round}/${options.rounds}`}      loopguard lint ${result.file}: ${seconds(run.wallMs)} s`,
      );
      run.stdout = '';
      if (round > 0) result.cli.push(run);
    }
    // Sessions that only open the file, then one that also edits it: the open is measured in each.
    for (let round = 0; round <= options.rounds; round++) {
      const editing = round === options.rounds;
      await session(options, text, result, round, editing);
    }
    options.log(`  tsserver     the same ${options.warmupEdits} + ${options.edits} edits`);
    result.tsserver = await measureTsServer({
      root: options.root,
      file: options.file,
      text,
      plan: planEdits(text, options.warmupEdits + options.edits),
      warmupEdits: options.warmupEdits,
      pauseMs: options.pauseMs,
      budgetMs: OPEN_BUDGET_MS,
    });
    const ts = result.tsserver;
    options.log(
      ts.failure
        ? `  tsserver     failed: ${ts.failure}`
        : `  tsserver     open → semantic diagnostics ${seconds(ts.openMs)} s (${ts.openDiagnostics}), ${ts.edits.length} edits measured`,
    );
  } catch (error) {
    result.failure = (error as Error).message.split('\n')[0];
  }
  return result;
}

async function session(
  options: LanguageServerOptions,
  text: string,
  result: LanguageServerResult,
  round: number,
  editing: boolean,
): Promise<void> {
  const spawned = performance.now();
  // A budget above the default 10 s: on a loaded machine the first lint of a large project can take longer, and an
  // abandoned lint would publish nothing to measure. The budget only abandons lints; it makes none faster.
  const { session } = await LspSession.start({
    folders: [options.root],
    settings: { lintTimeBudgetMs: OPEN_BUDGET_MS },
    execArgv: options.cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
      : undefined,
  });
  try {
    const startMs = performance.now() - spawned;
    const opened = performance.now();
    const uri = await session.open(options.file);
    const first = await session.waitFor(
      'the first diagnostics',
      () => session.diagnostics.find((params) => params.uri === uri),
      OPEN_BUDGET_MS,
    );
    const openMs = performance.now() - opened;
    const label = round === 0 ? 'warm-up' : `round ${round}/${options.rounds}`;
    options.log(
      `  ${label.padEnd(12)} language server: started in ${seconds(startMs)} s, didOpen → first diagnostics ${seconds(openMs)} s (${first.diagnostics.length} findings)`,
    );
    if (round > 0) {
      result.startMs.push(startMs);
      result.openMs.push(openMs);
      result.openFindings = first.diagnostics.length;
    }
    if (!editing) return;

    const plan = planEdits(text, options.warmupEdits + options.edits);
    let current = text;
    for (const [index, edit] of plan.entries()) {
      if (index > 0) await pause(options.pauseMs);
      const ms = await timeEdit(session, uri, current, edit);
      current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
      if (index >= options.warmupEdits)
        result.edits.push({ kind: edit.kind, ms: ms.elapsed, findings: ms.findings });
      if ((index + 1) % (EDITS_PER_CYCLE * 5) === 0)
        options.log(`  edits        ${index + 1}/${plan.length}, last ${ms.elapsed.toFixed(0)} ms`);
    }
    const memory = processMemory(session.process.pid);
    result.rssKb = memory.rssKb;
    result.peakRssKb = memory.peakRssKb;
  } finally {
    await shutDown(session);
  }
}

/** Sends one edit and waits for the diagnostics published for the version it made. */
async function timeEdit(
  session: LspSession,
  uri: string,
  text: string,
  edit: PlannedEdit,
): Promise<{ elapsed: number; findings: number }> {
  const seen = session.diagnosticsCount(uri);
  const range = { start: positionOf(text, edit.start), end: positionOf(text, edit.end) };
  const sent = performance.now();
  const version = await session.edit(uri, [{ range, text: edit.text }]);
  const published = await session.diagnosticsMatching(
    uri,
    seen,
    `diagnostics for version ${version}`,
    (params) => params.version === version,
    EDIT_BUDGET_MS,
  );
  const elapsed = performance.now() - sent;
  return { elapsed, findings: published.diagnostics.length };
}

async function shutDown(session: LspSession): Promise<void> {
  try {
    await Promise.race([
      session.shutdown(),
      new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
    ]);
  } finally {
    session.kill();
  }
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}
