// A one-line progress indicator on stderr in a terminal, naming the phase the run is in (loading, finding files,
// building the program, linting N/M), so that a long run never looks stuck. Each phase is drawn as it starts, since
// the work that follows is synchronous and nothing could be drawn during it; the line is cleared at the end. Silent
// when stderr is not a terminal (CI logs, pipes).
import * as path from 'node:path';

/** What progress needs of the command's I/O (the CLI's `CliIo` has it). */
export interface ProgressOutput {
  cwd: string;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal; progress is drawn only there. */
  interactive: boolean;
  /** The terminal's width: a longer line would wrap and could not be redrawn in place. */
  columns?: number | undefined;
}

const REDRAW_EVERY_MS = 100;

export class Progress {
  private lastDrawn = 0;
  private shown = false;
  private linted = 0;
  private total = 0;

  constructor(private readonly io: ProgressOutput) {}

  /** Starts a phase: drawn at once, because what follows may hold the thread for seconds. */
  phase(label: string): void {
    this.draw(label);
  }

  /** Starts linting `total` files; `advance` then counts them. */
  startLinting(total: number): void {
    this.total = total;
    this.linted = 0;
  }

  /**
   * A file is about to be linted. The first file's lint builds its project's program, so the phase drawn before it
   * (building the program) stays until the second file.
   */
  advance(file: string): void {
    this.linted++;
    if (this.linted === 1) return;
    if (this.linted > 2 && Date.now() - this.lastDrawn < REDRAW_EVERY_MS) return;
    this.draw(`Linting ${this.linted}/${this.total} ${path.relative(this.io.cwd, file)}`);
  }

  done(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
    this.shown = false;
  }

  private draw(text: string): void {
    if (!this.io.interactive) return;
    this.lastDrawn = Date.now();
    this.shown = true;
    // A pseudo-terminal may report no width (0): assume the usual 80 columns.
    const columns = this.io.columns !== undefined && this.io.columns >= 20 ? this.io.columns : 80;
    const width = columns - 1;
    const line = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    this.io.stderr(`\r\x1b[K${line}`);
  }
}
