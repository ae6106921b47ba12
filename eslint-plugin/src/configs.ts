// The shipped flat configs, generated from each rule's `meta.docs` so that the configs and the docs cannot disagree.
// Each of `recommended` and `strict` is two config objects: the rules for every linted file, then what changes in test
// files (`meta.docs.testFiles`), matched by `TEST_FILES` or by the globs a user passes to `configsWithTestFiles`.
import type { Linter } from 'eslint';

import { rules } from './rules';
import type { ConfigEntry, TestFilesEntry } from './util/create-rule';

export type ConfigName = 'recommended' | 'strict';

/** The files the shipped configs apply to: every JavaScript and TypeScript extension typescript-eslint parses. */
export const LINTED_FILES: readonly string[] = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/**
 * Test code, by the common conventions (Jest, Vitest, Mocha, node:test, Playwright): `*.test.*` and `*.spec.*` files,
 * and everything under a `test`, `tests` or `__tests__` folder.
 */
export const TEST_FILES: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
];

/** The `rules` block of a shipped config, with rule ids prefixed by the plugin namespace. */
export function configRules(name: ConfigName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const entry: ConfigEntry | undefined = rule.meta.docs?.[name];
    if (entry === undefined) continue;
    entries[`loopguard/${id}`] = ruleEntry(entry);
  }
  return entries;
}

/** The `rules` block a shipped config applies to test files on top of `configRules(name)`. */
export function testFileRules(name: ConfigName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const entry: TestFilesEntry | undefined = rule.meta.docs?.testFiles?.[name];
    if (entry === undefined || rule.meta.docs?.[name] === undefined) continue;
    entries[`loopguard/${id}`] = entry === 'off' ? 'off' : ruleEntry(entry);
  }
  return entries;
}

/**
 * `files` for the test-file block: each test glob together with `LINTED_FILES` (a nested array is an "and" in flat
 * config), so that a test folder's JSON or Markdown never gets a rule switched on.
 */
export function testFilePatterns(testFiles: readonly string[]): string[][] {
  return testFiles.map((glob) => [glob, ...LINTED_FILES]);
}

/** Every rule turned off, for files without type information. */
export function disabledRules(): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const id of Object.keys(rules)) entries[`loopguard/${id}`] = 'off';
  return entries;
}

function ruleEntry(entry: ConfigEntry): Linter.RuleEntry {
  return typeof entry === 'string' ? entry : [entry[0], entry[1]];
}
