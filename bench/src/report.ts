// The benchmark's output: a timing table with ratios against ESLint, tsc and oxlint, findings per rule side by side,
// the targets with their verdicts, and the machine and versions, as Markdown for the terminal and for RESULTS.md.
import * as os from 'node:os';

import type { EditKind } from './edit-plan';
import { type LanguageServerResult, percentile } from './language-server';
import type { TsServerResult } from './tsserver';
import { median } from './measure';
import type { ScenarioKey, ScenarioResult } from './scenarios';
import { packageVersion } from './tools';

export interface RunDescription {
  project: string;
  files: number;
  lines: number | undefined;
  rounds: number;
  loadBefore: readonly number[];
  loadAfter: readonly number[];
}

interface Summary {
  wallMs: number;
  minMs: number;
  maxMs: number;
  rssKb: number;
  cpuMs: number | undefined;
}

function summarize(result: ScenarioResult | undefined): Summary | undefined {
  if (!result || result.failure || result.runs.length === 0) return undefined;
  const walls = result.runs.map((run) => run.wallMs);
  return {
    wallMs: median(walls),
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    rssKb: median(result.runs.map((run) => run.peakRssKb)),
    cpuMs: result.runs.every((run) => run.cpuMs !== undefined)
      ? median(result.runs.map((run) => run.cpuMs!))
      : undefined,
  };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const megabytes = (kb: number): string => (kb > 0 ? String(Math.round(kb / 1024)) : 'n/a');

/** Wall-time ratio, with the CPU-time ratio after it when both are known. */
function ratio(value: Summary | undefined, base: Summary | undefined): string {
  if (!value || !base) return 'n/a';
  const wall = `${(value.wallMs / base.wallMs).toFixed(2)}×`;
  return value.cpuMs !== undefined && base.cpuMs
    ? `${wall} (CPU ${(value.cpuMs / base.cpuMs).toFixed(2)}×)`
    : wall;
}

export function renderReport(
  results: readonly ScenarioResult[],
  languageServer: LanguageServerResult | undefined,
  description: RunDescription,
): string {
  const lines = [
    `Project: ${description.project}: ${description.files} files${description.lines ? `, ${description.lines.toLocaleString('en-US')} lines` : ''}.`,
  ];
  if (results.length > 0) lines.push('', ...renderCommandLine(results, description));
  if (languageServer) lines.push('', ...renderLanguageServer(languageServer));

  lines.push('', 'Machine and versions:', '');
  const cpus = os.cpus();
  lines.push(
    `- ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
    `- load average (1 min) before/after: ${description.loadBefore[0]?.toFixed(2)} / ${description.loadAfter[0]?.toFixed(2)} (the cores are shared; a load well above 0 means other work ran alongside)`,
    `- loopguard ${packageVersion('loopguard')}, eslint-plugin-loopguard ${packageVersion('eslint-plugin-loopguard')}, typescript ${packageVersion('typescript')}, eslint ${packageVersion('eslint')}, typescript-eslint ${packageVersion('typescript-eslint')}, eslint-plugin-n ${packageVersion('eslint-plugin-n')}, oxlint ${packageVersion('oxlint')}, oxlint-tsgolint ${packageVersion('oxlint-tsgolint')}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The command-line table: every tool's times, findings per rule, and the targets. */
function renderCommandLine(
  results: readonly ScenarioResult[],
  description: RunDescription,
): string[] {
  const byKey = new Map<ScenarioKey, ScenarioResult>(results.map((result) => [result.key, result]));
  const summaries = new Map<ScenarioKey, Summary | undefined>(
    results.map((result) => [result.key, summarize(result)]),
  );
  const eslint = summaries.get('eslint');
  const tsc = summaries.get('tsc');
  const oxlint = summaries.get('oxlint');

  const lines = [
    `Command line, median of ${description.rounds} runs after a warm-up:`,
    '',
    '| tool | wall time, median (min–max) | CPU time | peak RSS | findings | × ESLint | × tsc | × oxlint |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const result of results) {
    const summary = summaries.get(result.key);
    if (!summary) {
      lines.push(`| ${result.label} | failed: ${result.failure ?? 'no runs'} | | | | | | |`);
      continue;
    }
    const total = [...result.findings.values()].reduce((sum, count) => sum + count, 0);
    lines.push(
      `| ${result.label} | ${seconds(summary.wallMs)} s (${seconds(summary.minMs)}–${seconds(summary.maxMs)}) | ${summary.cpuMs === undefined ? 'n/a' : `${seconds(summary.cpuMs)} s`} | ${megabytes(summary.rssKb)} MB | ${total} | ${ratio(summary, eslint)} | ${ratio(summary, tsc)} | ${ratio(summary, oxlint)} |`,
    );
  }

  lines.push('', 'Findings per rule:', '', '| tool | rule | findings |', '|---|---|---|');
  for (const result of results) {
    if (result.failure) continue;
    const rules = [...result.findings.entries()].sort(([a], [b]) => a.localeCompare(b));
    if (rules.length === 0) lines.push(`| ${result.label} | (none) | 0 |`);
    for (const [rule, count] of rules) lines.push(`| ${result.label} | \`${rule}\` | ${count} |`);
  }

  const cold = summaries.get('loopguard-cold');
  const unchanged = summaries.get('loopguard-warm-unchanged');
  const coldFindings = byKey.get('loopguard-cold')?.findings;
  lines.push('', 'Targets:', '');
  lines.push(target('cold `loopguard lint` ≤ 0.5× ESLint + typescript-eslint', cold, eslint, 0.5));
  lines.push(target('cold `loopguard lint` ≤ 1.0× `tsc --noEmit`', cold, tsc, 1.0));
  lines.push(target('`--cache`, nothing changed ≤ 0.1× cold', unchanged, cold, 0.1));
  if (cold && eslint) {
    const met = cold.rssKb <= eslint.rssKb;
    lines.push(
      `- peak RSS of cold \`loopguard lint\` ≤ ESLint's: ${megabytes(cold.rssKb)} MB vs ${megabytes(eslint.rssKb)} MB, ${met ? 'met' : 'not met'}`,
    );
  }
  for (const key of ['loopguard-warm-changed', 'loopguard-warm-unchanged'] as const) {
    const warm = byKey.get(key);
    if (!warm || warm.failure || !coldFindings) continue;
    const same = warm.runs.at(-1)?.stdout === byKey.get('loopguard-cold')?.runs.at(-1)?.stdout;
    lines.push(
      `- output of "${warm.label}" identical to the cold run's (\`--format json\`, byte for byte): ${same ? 'yes' : 'NO'}`,
    );
  }
  return lines;
}

const EDIT_KINDS: ReadonlyArray<[EditKind, string]> = [
  ['typing', 'typing a statement into a function body, a few characters per change'],
  ['undo', 'deleting the typed statement'],
  ['import', 'removing or restoring a named import'],
  ['signature', 'adding or removing a parameter of a function'],
];

/** p50/p95/max of latencies, in milliseconds. */
function latencies(values: readonly number[]): string {
  if (values.length === 0) return 'n/a';
  const ms = (value: number): string => `${Math.round(value)} ms`;
  return `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.95))} / ${ms(Math.max(...values))}`;
}

function renderLanguageServer(result: LanguageServerResult): string[] {
  const lines = [
    `Language server (\`loopguard-language-server --stdio\` driven over stdio by an LSP client; edits sent as incremental changes, each waiting for the diagnostics published for its version${result.pauseMs > 0 ? `, then ${result.pauseMs} ms before the next` : ''}) on \`${result.file}\` (${result.lines.toLocaleString('en-US')} lines):`,
    '',
  ];
  if (result.failure) return [...lines, `Failed: ${result.failure}`];
  const cliMs = median(result.cli.map((run) => run.wallMs));
  const cliCpu = result.cli.every((run) => run.cpuMs !== undefined)
    ? median(result.cli.map((run) => run.cpuMs!))
    : undefined;
  const openMs = median(result.openMs);
  const editMs = result.edits.map((edit) => edit.ms);
  lines.push(
    '| measure | median, or p50 / p95 / max |',
    '|---|---|',
    `| server start (spawn → \`initialize\` answered) | ${seconds(median(result.startMs))} s |`,
    `| \`didOpen\` → first diagnostics (${result.openFindings} findings) | ${seconds(openMs)} s (${result.openMs.map(seconds).join(', ')}) |`,
    `| cold \`loopguard lint ${result.file}\` (whole process) | ${seconds(cliMs)} s${cliCpu === undefined ? '' : ` (CPU ${seconds(cliCpu)} s)`} |`,
    `| \`didChange\` → diagnostics of that version, ${editMs.length} edits after ${result.warmupEdits} warm-up edits | ${latencies(editMs)} |`,
  );
  for (const [kind, description] of EDIT_KINDS) {
    const ofKind = result.edits.filter((edit) => edit.kind === kind).map((edit) => edit.ms);
    if (ofKind.length > 0)
      lines.push(`| … ${description} (${ofKind.length}) | ${latencies(ofKind)} |`);
  }
  lines.push(
    `| server RSS after the edits (peak during the session) | ${megabytes(result.rssKb)} MB (${megabytes(result.peakRssKb)} MB) |`,
  );
  const p95 = percentile(editMs, 0.95);
  const tsserver = result.tsserver;
  const tsP95 =
    tsserver && !tsserver.failure
      ? percentile(
          tsserver.edits.map((edit) => edit.ms),
          0.95,
        )
      : undefined;
  if (tsserver) lines.push('', ...renderSideBySide(result, tsserver));
  lines.push(
    '',
    'Targets:',
    '',
    `- p95 \`didChange\` → diagnostics ≤ 150 ms after warm-up: ${Math.round(p95)} ms, ${p95 <= 150 ? 'met' : 'not met'}`,
    tsP95 === undefined
      ? "- p95 ≤ tsserver's p95 on the same edits: not measured"
      : `- p95 ≤ tsserver's p95 on the same edits: ${Math.round(p95)} ms vs ${Math.round(tsP95)} ms (${(p95 / tsP95).toFixed(2)}×), ${p95 <= tsP95 ? 'met' : 'not met'}`,
    `- \`didOpen\` → first diagnostics ≤ the cold CLI on that one file: ${seconds(openMs)} s vs ${seconds(cliMs)} s, ${openMs <= cliMs ? 'met' : 'not met'}`,
    `- memory: ${megabytes(result.rssKb)} MB resident after the edits, ${megabytes(result.peakRssKb)} MB at the peak (reported, no target)`,
  );
  return lines;
}

/** The language server next to tsserver on the same edits: p50 and p95 of each, and their ratio. */
function renderSideBySide(result: LanguageServerResult, tsserver: TsServerResult): string[] {
  const lines = [
    `Side by side with TypeScript's own \`tsserver\` (same file, same edits${result.pauseMs > 0 ? ` with the same ${result.pauseMs} ms pause` : ''}, one after the other on the same machine; each edit a \`change\`, timed to the answer of \`semanticDiagnosticsSync\` for the file):`,
    '',
  ];
  if (tsserver.failure) return [...lines, `tsserver failed: ${tsserver.failure}`];
  const row = (label: string, ours: readonly number[], theirs: readonly number[]): string => {
    if (ours.length === 0 || theirs.length === 0) return `| ${label} | n/a | n/a | n/a | n/a |`;
    const [o50, o95, t50, t95] = [
      percentile(ours, 0.5),
      percentile(ours, 0.95),
      percentile(theirs, 0.5),
      percentile(theirs, 0.95),
    ];
    return `| ${label} | ${Math.round(o50)} / ${Math.round(o95)} ms | ${Math.round(t50)} / ${Math.round(t95)} ms | ${(o50 / t50).toFixed(2)}× | ${(o95 / t95).toFixed(2)}× |`;
  };
  lines.push(
    '| edits (p50 / p95) | language server | tsserver | ratio p50 | ratio p95 |',
    '|---|---|---|---|---|',
    row(
      `all ${result.edits.length}`,
      result.edits.map((edit) => edit.ms),
      tsserver.edits.map((edit) => edit.ms),
    ),
  );
  for (const [kind] of EDIT_KINDS) {
    const ours = result.edits.filter((edit) => edit.kind === kind).map((edit) => edit.ms);
    const theirs = tsserver.edits.filter((edit) => edit.kind === kind).map((edit) => edit.ms);
    if (ours.length > 0) lines.push(row(`… ${kind} (${ours.length})`, ours, theirs));
  }
  lines.push(
    '',
    `Open → first diagnostics: language server ${seconds(median(result.openMs))} s, tsserver ${seconds(tsserver.openMs)} s (${tsserver.openDiagnostics} semantic diagnostics). RSS after the edits (peak): language server ${megabytes(result.rssKb)} MB (${megabytes(result.peakRssKb)} MB), tsserver ${megabytes(tsserver.rssKb)} MB (${megabytes(tsserver.peakRssKb)} MB).`,
  );
  return lines;
}

function target(
  name: string,
  value: Summary | undefined,
  base: Summary | undefined,
  limit: number,
): string {
  if (!value || !base) return `- ${name}: not measured`;
  const measured = value.wallMs / base.wallMs;
  const cpu =
    value.cpuMs !== undefined && base.cpuMs
      ? ` (CPU time: ${(value.cpuMs / base.cpuMs).toFixed(2)}×)`
      : '';
  return `- ${name}: ${measured.toFixed(2)}× wall time${cpu}, ${measured <= limit ? 'met' : 'not met'}`;
}
