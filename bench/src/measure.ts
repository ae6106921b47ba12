// Runs one command and measures it from the outside: wall time from spawn to exit, and peak resident memory of the
// whole process tree. Memory comes from two sources and the larger wins: GNU time's maximum RSS (the largest single
// process, exact) and a sampled sum of VmRSS over the child and its descendants from /proc (which counts helper
// processes such as oxlint's tsgolint together with their parent).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CommandRun {
  wallMs: number;
  /** Kilobytes; 0 when neither source is available (not Linux and no GNU time). */
  peakRssKb: number;
  /**
   * User + system CPU time of the process tree from GNU time; `undefined` without it. Less sensitive than wall
   * time to other work on a shared machine (time spent waiting for a core is not counted).
   */
  cpuMs: number | undefined;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface Command {
  program: string;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

const GNU_TIME = '/usr/bin/time';
const SAMPLE_EVERY_MS = 20;
const hasGnuTime = fs.existsSync(GNU_TIME);
const hasProc = fs.existsSync('/proc/self/status');

export async function measure(command: Command): Promise<CommandRun> {
  const timeFile = path.join(os.tmpdir(), `loopguard-bench-time-${process.pid}.txt`);
  const [program, args] = hasGnuTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command.program, ...command.args]]
    : [command.program, [...command.args]];
  const started = process.hrtime.bigint();
  const child = spawn(program, args, {
    cwd: command.cwd,
    env: command.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let sampledPeakKb = 0;
  const sampler =
    hasProc && child.pid !== undefined
      ? setInterval(
          () => (sampledPeakKb = Math.max(sampledPeakKb, treeRssKb(child.pid!))),
          SAMPLE_EVERY_MS,
        )
      : undefined;
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (sampler) clearInterval(sampler);
  let timedPeakKb = 0;
  let cpuMs: number | undefined;
  if (hasGnuTime) {
    try {
      // The last line; GNU time writes "Command exited with non-zero status N" above it.
      const [maxRss, user, system] = (
        (await readFile(timeFile, 'utf8')).trim().split('\n').pop() ?? ''
      )
        .split(' ')
        .map(Number);
      timedPeakKb = maxRss || 0;
      cpuMs =
        user !== undefined && system !== undefined && !Number.isNaN(user + system)
          ? (user + system) * 1000
          : undefined;
      await rm(timeFile, { force: true });
    } catch {
      timedPeakKb = 0;
    }
  }
  return {
    wallMs,
    peakRssKb: Math.max(timedPeakKb, sampledPeakKb),
    cpuMs,
    status,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}

/** The summed VmRSS of a process and all its descendants, read from /proc. */
function treeRssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return 0;
  }
  const rss = new Map<number, number>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let status: string;
    try {
      status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
    } catch {
      continue;
    }
    const pid = Number(entry);
    const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
    const resident = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    rss.set(pid, resident);
    const siblings = children.get(parent) ?? [];
    siblings.push(pid);
    children.set(parent, siblings);
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** VmRSS and VmHWM of a process (its worker threads included), from /proc; zeros elsewhere. */
export function processMemory(pid: number | undefined): { rssKb: number; peakRssKb: number } {
  if (pid === undefined) return { rssKb: 0, peakRssKb: 0 };
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number =>
      Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssKb: field('VmRSS'), peakRssKb: field('VmHWM') };
  } catch {
    return { rssKb: 0, peakRssKb: 0 };
  }
}

/** Waits `ms` milliseconds between two edits (a typist's pause); none for 0. */
export function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
