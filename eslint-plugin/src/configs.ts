// The shipped flat configs, generated from each rule's `meta.docs` so that the configs and the docs cannot disagree.
import type { TSESLint } from '@typescript-eslint/utils';

import { rules } from './rules';
import type { ConfigEntry } from './util/create-rule';

export type ConfigName = 'recommended' | 'strict';

/** The `rules` block of a shipped config, with rule ids prefixed by the plugin namespace. */
export function configRules(name: ConfigName): Record<string, TSESLint.SharedConfig.RuleEntry> {
  const entries: Record<string, TSESLint.SharedConfig.RuleEntry> = {};
  for (const [id, rule] of Object.entries(rules)) {
    const entry: ConfigEntry | undefined = rule.meta.docs?.[name];
    if (entry === undefined) continue;
    entries[`loopguard/${id}`] = typeof entry === 'string' ? entry : [entry[0], entry[1]];
  }
  return entries;
}
