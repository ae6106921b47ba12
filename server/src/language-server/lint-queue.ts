// Which documents wait for a lint, and why. A document waits at most once: typing ten characters while a lint runs
// queues one more lint, of the newest version, not ten.

/** Why a document is linted; `change` is the only reason a `run: onSave` setting skips. */
export type LintReason = 'open' | 'change' | 'save' | 'dependency' | 'settings' | 'config';

export class LintQueue {
  private readonly pending = new Map<string, LintReason>();
  private draining = false;

  constructor(private readonly lintOne: (uri: string, reason: LintReason) => Promise<void>) {}

  schedule(uri: string, reason: LintReason): void {
    const queued = this.pending.get(uri);
    // Any reason but a plain change makes the lint happen whatever `run` says, so it wins when both are queued.
    this.pending.set(uri, queued === undefined || queued === 'change' ? reason : queued);
    void this.drain();
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
        const [uri, reason] = next.value;
        this.pending.delete(uri);
        await this.lintOne(uri, reason);
      }
    } finally {
      this.draining = false;
    }
  }
}
