// The one rule factory every Loopguard rule is built with: it fixes the docs URL scheme and the shape of `meta.docs`.
import { ESLintUtils } from '@typescript-eslint/utils';

/** Where each rule's documentation lives; the language server and the CLI link to it. */
export const DOCS_BASE_URL =
  'https://github.com/loopguard/loopguard/blob/main/eslint-plugin/docs/rules/';

export function ruleDocsUrl(ruleName: string): string {
  return `${DOCS_BASE_URL}${ruleName}.md`;
}

export type Severity = 'error' | 'warn';

/**
 * A rule's place in the shipped configs. `recommended` may leave a rule out (`undefined`); `strict` has every rule.
 * An array entry carries options that differ from the rule's defaults in that config.
 */
export type ConfigEntry = Severity | readonly [Severity, Record<string, unknown>];

/**
 * A rule's place in a shipped config's block for test files (see `configs.ts`): `'off'`, or a severity with the
 * options that fit test code. Absent: tests get the same as the rest of the code.
 */
export type TestFilesEntry = 'off' | ConfigEntry;

export interface LoopguardRuleDocs {
  /** "Disallow …" / "Require …" / "Enforce …". */
  description: string;
  /** Every Loopguard rule needs type information; the flag is kept so docs and tools can say so. */
  requiresTypeChecking: true;
  recommended?: ConfigEntry;
  strict: ConfigEntry;
  /** What changes in test files, per config, with the reason the rule's doc gives. */
  testFiles?: { recommended?: TestFilesEntry; strict?: TestFilesEntry };
}

export const createRule = ESLintUtils.RuleCreator<LoopguardRuleDocs>(ruleDocsUrl);
