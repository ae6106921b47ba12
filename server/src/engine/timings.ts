// Where a run's time goes, by phase, when `LOOPGUARD_TIMINGS=1` is set: the CLI prints the totals to stderr at the
// end. Off by default, and then each measurement costs one branch. Kept in module state on purpose: a process runs
// one lint at a time, and the totals are for that process.
const enabled = process.env.LOOPGUARD_TIMINGS === '1';
const totals = new Map<string, { ms: number; count: number }>();

/** Whether phases are being timed. */
export function timingsEnabled(): boolean {
  return enabled;
}

/** Runs `work`, adding its wall time to `phase` when timings are on. */
export function timed<T>(phase: string, work: () => T): T {
  if (!enabled) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    addTiming(phase, performance.now() - started);
  }
}

/** Adds `ms` to `phase` (once more counted). */
export function addTiming(phase: string, ms: number): void {
  if (!enabled) return;
  const entry = totals.get(phase) ?? { ms: 0, count: 0 };
  entry.ms += ms;
  entry.count++;
  totals.set(phase, entry);
}

/** The totals so far, one phase a line in the order first seen, or `''` when timings are off. */
export function timingsReport(): string {
  if (!enabled) return '';
  const lines = [...totals].map(
    ([phase, { ms, count }]) =>
      `  ${phase.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(8)} s  (${count}×)`,
  );
  return `loopguard timings:\n${lines.join('\n')}\n`;
}
