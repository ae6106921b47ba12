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
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
