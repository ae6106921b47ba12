// Time limits of the tests that run real processes (the CLI, the language server, a lint worker). They tell a hang
// from slow progress, nothing more, so they hold on a busy machine: at a load average of 20 on two cores a run takes
// ten times as long as on a quiet one. No test's outcome depends on how fast anything is; `bench/` measures that.

/** One awaited event: a diagnostic, a response, a line of output (a first lint builds its program). */
export const EVENT_BUDGET_MS = 180_000;

/** One run of a child process to completion (the CLI over a project, a probe script). */
export const PROCESS_BUDGET_MS = 600_000;

/** One test that runs processes or awaits events, a few of them in a row (mocha's `this.timeout`). */
export const TEST_BUDGET_MS = 1_200_000;
