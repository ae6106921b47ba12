// Stopping a lint that is no longer wanted (a newer version of the document arrived, or it went over its time
// budget) without ending its thread: `Linter.verify` is synchronous, so the engine checks a caller's `shouldStop` at
// safe points (before the rules run, and on every node the rules visit, through a rule of its own) and throws
// `LintStopped`, which unwinds the lint and leaves the programs and their checkers warm for the next one.
import type { Linter, Rule } from 'eslint';

/** Thrown at a safe point when the caller's `shouldStop` says so; callers catch it, nothing reports it. */
export class LintStopped extends Error {
  constructor() {
    super('The lint was stopped: it is no longer wanted.');
    this.name = 'LintStopped';
  }
}

const PLUGIN = 'loopguard-engine';
const RULE = 'stop-point';

/** A config entry whose rule checks `shouldStop` on every node the traversal enters. */
export function stopPointConfig(shouldStop: () => boolean): Linter.Config {
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: () => ({
      '*'() {
        if (shouldStop()) throw new LintStopped();
      },
    }),
  };
  return {
    plugins: { [PLUGIN]: { rules: { [RULE]: rule } } },
    rules: { [`${PLUGIN}/${RULE}`]: 'error' },
  };
}

export function throwIfStopped(shouldStop: (() => boolean) | undefined): void {
  if (shouldStop?.()) throw new LintStopped();
}
