// The benchmark's output: a timing table with ratios against ESLint, tsc and oxlint, findings per rule side by side,
// the targets with their verdicts, and the machine and versions, as Markdown for the terminal and for RESULTS.md.
import * as os from 'node:os';

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
    cpuMs: result.runs.every((run) => run.cpuMs !== undefined) ? median(result.runs.map((run) => run.cpuMs!)) : undefined,
  };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const megabytes = (kb: number): string => (kb > 0 ? String(Math.round(kb / 1024)) : 'n/a');

/** Wall-time ratio, with the CPU-time ratio after it when both are known. */
function ratio(value: Summary | undefined, base: Summary | undefined): string {
  if (!value || !base) return 'n/a';
  const wall = `${(value.wallMs / base.wallMs).toFixed(2)}×`;
  return value.cpuMs !== undefined && base.cpuMs ? `${wall} (CPU ${(value.cpuMs / base.cpuMs).toFixed(2)}×)` : wall;
}

export function renderReport(results: readonly ScenarioResult[], description: RunDescription): string {
  const byKey = new Map<ScenarioKey, ScenarioResult>(results.map((result) => [result.key, result]));
  const summaries = new Map<ScenarioKey, Summary | undefined>(results.map((result) => [result.key, summarize(result)]));
  const eslint = summaries.get('eslint');
  const tsc = summaries.get('tsc');
  const oxlint = summaries.get('oxlint');

  const lines = [
    `Project: ${description.project}: ${description.files} files${description.lines ? `, ${description.lines.toLocaleString('en-US')} lines` : ''}; median of ${description.rounds} runs after a warm-up.`,
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
    lines.push(`- peak RSS of cold \`loopguard lint\` ≤ ESLint's: ${megabytes(cold.rssKb)} MB vs ${megabytes(eslint.rssKb)} MB, ${met ? 'met' : 'not met'}`);
  }
  for (const key of ['loopguard-warm-changed', 'loopguard-warm-unchanged'] as const) {
    const warm = byKey.get(key);
    if (!warm || warm.failure || !coldFindings) continue;
    const same = warm.runs.at(-1)?.stdout === byKey.get('loopguard-cold')?.runs.at(-1)?.stdout;
    lines.push(`- output of "${warm.label}" identical to the cold run's (\`--format json\`, byte for byte): ${same ? 'yes' : 'NO'}`);
  }

  lines.push('', 'Machine and versions:', '');
  const cpus = os.cpus();
  lines.push(
    `- ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
    `- load average (1 min) before/after: ${description.loadBefore[0]?.toFixed(2)} / ${description.loadAfter[0]?.toFixed(2)} (the cores are shared; a load well above 0 means other work ran alongside)`,
    `- loopguard ${packageVersion('loopguard')}, eslint-plugin-loopguard ${packageVersion('eslint-plugin-loopguard')}, typescript ${packageVersion('typescript')}, eslint ${packageVersion('eslint')}, typescript-eslint ${packageVersion('typescript-eslint')}, eslint-plugin-n ${packageVersion('eslint-plugin-n')}, oxlint ${packageVersion('oxlint')}, oxlint-tsgolint ${packageVersion('oxlint-tsgolint')}`,
  );
  return `${lines.join('\n')}\n`;
}

function target(name: string, value: Summary | undefined, base: Summary | undefined, limit: number): string {
  if (!value || !base) return `- ${name}: not measured`;
  const measured = value.wallMs / base.wallMs;
  const cpu = value.cpuMs !== undefined && base.cpuMs ? ` (CPU time: ${(value.cpuMs / base.cpuMs).toFixed(2)}×)` : '';
  return `- ${name}: ${measured.toFixed(2)}× wall time${cpu}, ${measured <= limit ? 'met' : 'not met'}`;
}
