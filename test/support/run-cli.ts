// Runs the real `loopguard` binary in a child process, as a user would: to completion, or in the background for
// tests that act while it runs (waiting on lines it prints, never on time).
import { spawn, type SpawnOptions, spawnSync } from 'node:child_process';

import { CLI_BIN } from './paths';
import { PROCESS_BUDGET_MS } from './budgets';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the binary to completion; `options` may add to its environment or pipe text to its standard input. */
export function runCli(
  args: readonly string[],
  cwd: string,
  options: { env?: Record<string, string | undefined>; input?: string } = {},
): CliRun {
  const child = spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
    timeout: PROCESS_BUDGET_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

export interface RunningCli {
  /** Resolves with the first line of stdout that `matches`, or rejects when the run ends without one. */
  lineMatching(matches: RegExp): Promise<string>;
  /** The finished run. */
  done: Promise<CliRun>;
  kill(): void;
}

/** Starts the binary without waiting for it; `options` may run it as another user (`uid`, `gid`). */
export function startCli(
  args: readonly string[],
  cwd: string,
  options: Pick<SpawnOptions, 'uid' | 'gid'> = {},
): RunningCli {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ matches: RegExp; resolve: (line: string) => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      const line = stdout.split('\n').find((candidate) => waiter.matches.test(candidate));
      if (line === undefined) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
  return {
    lineMatching: (matches) =>
      new Promise<string>((resolve, reject) => {
        const line = stdout.split('\n').find((candidate) => matches.test(candidate));
        if (line !== undefined) return resolve(line);
        waiters.push({ matches, resolve });
        void done.then((run) =>
          reject(
            new Error(
              `the run ended without a line matching ${matches}:\n${run.stdout}\n${run.stderr}`,
            ),
          ),
        );
      }),
    done,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}
