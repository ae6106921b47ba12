// What the `loopguard` command reads and writes besides files, and the exit codes it answers with; shared by the
// light entry (`main.ts`) and the lint it loads on demand (`lint.ts`).

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal, so progress can be shown. */
  interactive: boolean;
  /** The terminal's width, when stderr is one. */
  columns?: number | undefined;
  /** Whether stdout is a terminal: stylish output is coloured there by default. */
  stdoutIsTerminal: boolean;
  /** The environment (`NO_COLOR`, `FORCE_COLOR`). */
  env: Readonly<Record<string, string | undefined>>;
  /** All of standard input, for `--stdin`. */
  readStdin: () => Buffer;
}

/**
 * Whether stylish output is coloured: as `--color`/`--no-color` say, else on a terminal unless `NO_COLOR` is set to
 * anything, or wherever `FORCE_COLOR` is set to anything but `0`/`false` (the conventions ESLint's output follows).
 */
export function useColor(
  flag: boolean | undefined,
  toTerminal: boolean,
  env: CliIo['env'],
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return toTerminal;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
