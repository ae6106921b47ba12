// Which documents wait for a lint, and why. A document waits at most once: typing ten characters while a lint runs
// queues one more lint, of the newest version, not ten.

/** Why a document is linted; `change` is the only reason a `run: onSave` setting skips. */
export type LintReason = 'open' | 'change' | 'save' | 'dependency' | 'settings' | 'config';

/** What a waiting lint is for: why it runs, and whether the text changed since the last lint (its importers care). */
export interface PendingLint {
  reason: LintReason;
  /** A change was among the merged reasons: an open followed at once by an edit still re-lints the importers. */
  textChanged: boolean;
}

export class LintQueue {
  private readonly pending = new Map<string, PendingLint>();
  private draining = false;

  constructor(private readonly lintOne: (uri: string, lint: PendingLint) => Promise<void>) {}

  schedule(uri: string, reason: LintReason): void {
    const queued = this.pending.get(uri);
    // Any reason but a plain change makes the lint happen whatever `run` says, so it wins when both are queued.
    this.pending.set(uri, {
      reason: queued === undefined || queued.reason === 'change' ? reason : queued.reason,
      textChanged: queued?.textChanged === true || reason === 'change',
    });
    void this.drain();
  }

  /** Whether a lint of the document waits to run (a newer version than the one being linted, for instance). */
  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (
        let next = this.pending.entries().next();
        !next.done;
        next = this.pending.entries().next()
      ) {
        const [uri, lint] = next.value;
        this.pending.delete(uri);
        await this.lintOne(uri, lint);
      }
    } finally {
      this.draining = false;
    }
  }
}
