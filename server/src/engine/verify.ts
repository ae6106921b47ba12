// One `Linter.verify` call that survives a rule that throws: the crash becomes a message on the file, and the file
// is linted again without that rule so the other rules' findings still arrive.
import { Linter } from 'eslint';

import type { ResolvedLintConfig } from './lint-config';
import { LintStopped } from './stop-points';

export interface RuleCrash {
  ruleId: string;
  message: string;
}

export interface VerifyOutcome {
  messages: Linter.LintMessage[];
  suppressedMessages: Linter.SuppressedLintMessage[];
  crashes: RuleCrash[];
}

/** A file that no config object matches (outside a user config's `files`, or ignored by it). */
const NO_MATCHING_CONFIG = /^No matching configuration found for /;

export function verifyGuarded(
  linter: Linter,
  text: string,
  config: ResolvedLintConfig,
  filePath: string,
): VerifyOutcome | 'ignored' {
  const crashes: RuleCrash[] = [];
  let configs = config.configs;
  for (;;) {
    try {
      const messages = linter.verify(text, configs, { filename: filePath });
      if (
        messages.length === 1 &&
        messages[0]?.ruleId === null &&
        NO_MATCHING_CONFIG.test(messages[0].message)
      ) {
        return 'ignored';
      }
      return { messages, suppressedMessages: suppressedMessagesOf(linter), crashes };
    } catch (error) {
      // A stop is not a crash: it unwinds the whole lint.
      if (error instanceof LintStopped) throw error;
      const ruleId = (error as { ruleId?: unknown }).ruleId;
      if (typeof ruleId !== 'string' || crashes.some((crash) => crash.ruleId === ruleId))
        throw error;
      crashes.push({ ruleId, message: firstLine((error as Error).message) });
      configs = [...configs, { rules: { [ruleId]: 'off' } }];
    }
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

/** `Linter#getSuppressedMessages` exists at run time but is missing from ESLint's type declarations. */
function suppressedMessagesOf(linter: Linter): Linter.SuppressedLintMessage[] {
  return (
    linter as Linter & { getSuppressedMessages(): Linter.SuppressedLintMessage[] }
  ).getSuppressedMessages();
}
