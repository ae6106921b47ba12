// Running the external commands of the corpus (git, package managers, tsc) without a shell, one at a time.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Also append stdout and stderr to this file (install logs). */
  logFile?: string;
}

export async function runCommand(
  program: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  const started = process.hrtime.bigint();
  const child = spawn(program, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  log?.write(`$ ${[program, ...args].join(' ')}   (in ${options.cwd})\n`);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout.push(chunk);
    log?.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
    log?.write(chunk);
  });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (log) await new Promise<void>((resolve) => log.end(resolve));
  return {
    status,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    wallMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}

/** Runs a command and returns its stdout, or throws with its stderr when it fails. */
export async function runChecked(
  program: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<string> {
  const result = await runCommand(program, args, options);
  if (result.status !== 0)
    throw new Error(
      `\`${[program, ...args].join(' ')}\` failed (exit ${result.status}) in ${options.cwd}:\n${result.stderr.trim()}`,
    );
  return result.stdout;
}
