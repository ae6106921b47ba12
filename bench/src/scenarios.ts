// What one benchmark run consists of: the command-line scenarios (Loopguard cold and warm, ESLint, tsc, oxlint),
// each measured after a warm-up for the same number of rounds, interleaved so that a burst of load on the shared
// machine spreads over every tool instead of falling on one.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type CommandRun, measure } from './measure';
import { eslint, type Findings, loopguard, oxlint, type Tool, tsc } from './tools';

export type ScenarioKey =
  | 'loopguard-cold'
  | 'loopguard-warm-changed'
  | 'loopguard-warm-unchanged'
  | 'eslint'
  | 'tsc'
  | 'oxlint';

export interface Scenario {
  key: ScenarioKey;
  tool: Tool;
  /** Runs before each measured (and warm-up) run; `round` counts from 0 (the warm-up). */
  before?: (round: number) => void;
  /** Runs after each run, also when it failed. */
  after?: () => void;
}

export interface ScenarioResult {
  key: ScenarioKey;
  label: string;
  runs: CommandRun[];
  findings: Findings;
  /** Set when the tool did not run as expected (bad exit code, unreadable output). */
  failure?: string;
}

export interface Target {
  root: string;
  /** The tsconfig `tsc` checks; without one the tsc row is left out. */
  tsconfig: string | undefined;
  /** The file the "one file changed" runs edit (restored after each run). */
  changedFile: string;
  workDir: string;
}

export function createScenarios(
  target: Target,
  only: ReadonlySet<ScenarioKey> | undefined,
): Scenario[] {
  const { root, workDir, changedFile } = target;
  fs.mkdirSync(workDir, { recursive: true });
  const original = fs.readFileSync(changedFile, 'utf8');
  const scenarios: Scenario[] = [
    { key: 'loopguard-cold', tool: loopguard(root, 'loopguard lint (cold)') },
    {
      key: 'loopguard-warm-changed',
      tool: loopguard(root, 'loopguard lint --cache, 1 file changed', {
        cache: { location: path.join(workDir, 'cache-changed.json') },
      }),
      // A different comment each round, so that every run sees one file differ from what the cache holds.
      before: (round) => fs.writeFileSync(changedFile, `${original}// benchmark edit ${round}\n`),
      after: () => fs.writeFileSync(changedFile, original),
    },
    {
      key: 'loopguard-warm-unchanged',
      tool: loopguard(root, 'loopguard lint --cache, nothing changed', {
        cache: { location: path.join(workDir, 'cache-unchanged.json') },
      }),
    },
    { key: 'eslint', tool: eslint(root, workDir) },
    ...(target.tsconfig ? [{ key: 'tsc' as const, tool: tsc(root, target.tsconfig) }] : []),
    { key: 'oxlint', tool: oxlint(root, workDir) },
  ];
  for (const file of ['cache-changed.json', 'cache-unchanged.json'])
    fs.rmSync(path.join(workDir, file), { force: true });
  return only ? scenarios.filter((scenario) => only.has(scenario.key)) : scenarios;
}

/** One warm-up round, then `rounds` measured rounds, each running every scenario once. */
export async function runScenarios(
  scenarios: readonly Scenario[],
  rounds: number,
  log: (line: string) => void,
): Promise<ScenarioResult[]> {
  const results = new Map<ScenarioKey, ScenarioResult>(
    scenarios.map((scenario) => [
      scenario.key,
      { key: scenario.key, label: scenario.tool.label, runs: [], findings: new Map() },
    ]),
  );
  for (let round = 0; round <= rounds; round++) {
    for (const scenario of scenarios) {
      const result = results.get(scenario.key)!;
      if (result.failure) continue;
      scenario.before?.(round);
      let run: CommandRun;
      try {
        run = await measure(scenario.tool.command);
      } finally {
        scenario.after?.();
      }
      const label = round === 0 ? 'warm-up' : `round ${round}/${rounds}`;
      const cpu = run.cpuMs === undefined ? '' : `, CPU ${(run.cpuMs / 1000).toFixed(2)} s`;
      log(
        `  ${label.padEnd(12)} ${scenario.tool.label.padEnd(42)} ${(run.wallMs / 1000).toFixed(2).padStart(7)} s${cpu}, ${Math.round(run.peakRssKb / 1024)} MB`,
      );
      if (!scenario.tool.okStatus.includes(run.status ?? -1)) {
        result.failure = `exited with ${run.status}: ${firstLines(run.stderr || run.stdout)}`;
        continue;
      }
      try {
        result.findings = scenario.tool.findings(run.stdout);
      } catch (error) {
        result.failure = `unreadable output (${(error as Error).message}): ${firstLines(run.stderr || run.stdout)}`;
        continue;
      }
      if (round === 0) continue;
      // Only the last output is kept (warm and cold outputs are compared); earlier ones would only take memory.
      for (const earlier of result.runs) earlier.stdout = '';
      result.runs.push(run);
    }
  }
  return [...results.values()];
}

function firstLines(text: string): string {
  return text.split('\n').slice(0, 5).join(' | ');
}
