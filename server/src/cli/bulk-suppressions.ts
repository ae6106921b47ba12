// The CLI's side of ESLint's bulk suppressions (`--suppress-all`, `--suppress-rule`, `--prune-suppressions`,
// `--suppressions-location`, `--pass-on-unpruned-suppressions`), in the order ESLint's CLI applies them: after the
// lint (and its fixes), record or prune, then hide what the file suppresses. The engine's `suppressions.ts` holds
// the format and the counting.
import * as fs from 'node:fs';

import {
  applySuppressions,
  type LintResult,
  pruneSuppressions,
  readSuppressions,
  resolveSuppressionsFile,
  suppress,
  type Suppressions,
  SuppressionsError,
  writeSuppressions,
} from '../engine';
import type { LintCommand } from './arguments';

export type SuppressionsPlan =
  | { kind: 'none' }
  | { kind: 'use'; file: string; current: Suppressions }
  | { kind: 'error'; message: string };

/** Reads the suppressions file before the lint, so that a missing or broken one stops the run before it starts. */
export function planSuppressions(command: LintCommand, cwd: string): SuppressionsPlan {
  const file = resolveSuppressionsFile(cwd, command.suppressionsLocation);
  const writing = command.suppressAll || command.suppressRules !== undefined;
  const exists = fs.existsSync(file);
  if (command.suppressionsLocation !== undefined && !exists && !writing)
    return {
      kind: 'error',
      message: `the suppressions file ${file} does not exist; create it with --suppress-all or --suppress-rule`,
    };
  if (!exists && !writing && !command.pruneSuppressions) return { kind: 'none' };
  try {
    return { kind: 'use', file, current: readSuppressions(file) };
  } catch (error) {
    if (!(error instanceof SuppressionsError)) throw error;
    return { kind: 'error', message: error.message };
  }
}

/**
 * Records or prunes as the command asks (writing the file), then hides the suppressed messages. `unused` is what
 * the file suppresses beyond what occurs in the linted files.
 */
export function runSuppressions(
  command: LintCommand,
  plan: Extract<SuppressionsPlan, { kind: 'use' }>,
  results: readonly LintResult[],
  cwd: string,
): { results: LintResult[]; unused: Suppressions } {
  let suppressions = plan.current;
  if (command.suppressAll || command.suppressRules !== undefined) {
    suppressions = suppress(suppressions, results, cwd, command.suppressRules);
    writeSuppressions(plan.file, suppressions);
  }
  if (command.pruneSuppressions) {
    suppressions = pruneSuppressions(suppressions, results, cwd);
    writeSuppressions(plan.file, suppressions);
  }
  return applySuppressions(results, suppressions, cwd);
}

export const UNUSED_SUPPRESSIONS_MESSAGE =
  'the suppressions file holds suppressions that no longer occur; run with --prune-suppressions to remove them, or with --pass-on-unpruned-suppressions to ignore them';
