// The shipped flat configs, generated from each rule's `meta.docs` so that the configs and the docs cannot disagree.
import type { Linter } from 'eslint';

import { rules } from './rules';
import type { ConfigEntry } from './util/create-rule';

export type ConfigName = 'recommended' | 'strict';

/** The files the shipped configs apply to: every JavaScript and TypeScript extension typescript-eslint parses. */
export const LINTED_FILES: readonly string[] = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/** The `rules` block of a shipped config, with rule ids prefixed by the plugin namespace. */
export function configRules(name: ConfigName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const entry: ConfigEntry | undefined = rule.meta.docs?.[name];
    if (entry === undefined) continue;
    entries[`loopguard/${id}`] = typeof entry === 'string' ? entry : [entry[0], entry[1]];
  }
  return entries;
}

/** Every rule turned off, for files without type information. */
export function disabledRules(): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const id of Object.keys(rules)) entries[`loopguard/${id}`] = 'off';
  return entries;
}
