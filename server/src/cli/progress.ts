// A one-line progress indicator on stderr for long runs in a terminal; silent when stderr is not a terminal
// (CI logs, pipes) and for runs that finish before it would be useful.
import * as path from 'node:path';

/** What progress needs of the command's I/O (the CLI's `CliIo` has it). */
export interface ProgressOutput {
  cwd: string;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal; progress is drawn only there. */
  interactive: boolean;
}

/** Runs shorter than this never show progress. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

export class Progress {
  private readonly started = Date.now();
  private done_ = 0;
  private lastDrawn = 0;
  private shown = false;

  constructor(
    private readonly io: ProgressOutput,
    private readonly total: number,
  ) {}

  advance(file: string): void {
    this.done_++;
    if (!this.io.interactive) return;
    const now = Date.now();
    if (now - this.started < SHOW_AFTER_MS || now - this.lastDrawn < REDRAW_EVERY_MS) return;
    this.lastDrawn = now;
    this.shown = true;
    const label = path.relative(this.io.cwd, file);
    this.io.stderr(`\r\x1b[KLinting ${this.done_}/${this.total} ${label}`);
  }

  done(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
  }
}
