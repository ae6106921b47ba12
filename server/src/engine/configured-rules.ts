// What linting keeps per configuration, whatever the projects: the lint config with the rule-severity overrides on
// top, resolved once per program, the `Linter`s, and the metadata of the rules the config can run. A settings change
// in the language server makes a new one of these and keeps the projects.
import { Linter, type Rule } from 'eslint';
import loopguard from 'eslint-plugin-loopguard';
import type * as ts from 'typescript';

import { type LintConfigSource, resolveLintConfig, type ResolvedLintConfig } from './lint-config';

export type RuleMeta = Rule.RuleMetaData;

export class ConfiguredRules {
  readonly config: LintConfigSource;
  private readonly ruleSeverities: Readonly<Record<string, Linter.RuleEntry>> | undefined;
  private readonly linters = new Map<string, Linter>();
  private readonly resolvedConfigs = new WeakMap<ts.Program, ResolvedLintConfig>();
  private meta: Record<string, RuleMeta> | undefined;

  constructor(
    config: LintConfigSource | undefined,
    ruleSeverities: Readonly<Record<string, Linter.RuleEntry>> | undefined,
  ) {
    this.config = config ?? { kind: 'builtin', name: 'recommended' };
    this.ruleSeverities = ruleSeverities;
  }

  /** Whether only Loopguard's own rules run (the built-in configs). */
  get isBuiltin(): boolean {
    return this.config.kind === 'builtin';
  }

  /** The config array for one program, with the severity overrides appended; computed once per program. */
  resolve(program: ts.Program, fileRoot: string): ResolvedLintConfig {
    let config = this.resolvedConfigs.get(program);
    if (!config) {
      config = resolveLintConfig(this.config, program, fileRoot);
      if (this.ruleSeverities)
        config = { ...config, configs: [...config.configs, { rules: this.ruleSeverities }] };
      this.resolvedConfigs.set(program, config);
    }
    return config;
  }

  /** A `Linter` for a config's folder (its `files` patterns are relative to it). */
  linterFor(cwd: string): Linter {
    let linter = this.linters.get(cwd);
    if (!linter) {
      linter = new Linter({ configType: 'flat', cwd });
      this.linters.set(cwd, linter);
    }
    return linter;
  }

  /** The metadata of every rule the config can run, keyed by the rule id as it appears in results. */
  rulesMeta(): Record<string, RuleMeta> {
    if (this.meta) return this.meta;
    const plugins: Record<string, { rules?: Record<string, unknown> }>[] =
      this.config.kind === 'builtin'
        ? [{ loopguard }]
        : this.config.configs.map((config) => config.plugins ?? {});
    const meta: Record<string, RuleMeta> = {};
    for (const group of plugins) {
      for (const [namespace, plugin] of Object.entries(group)) {
        for (const [name, rule] of Object.entries(plugin.rules ?? {})) {
          const ruleMeta = (rule as { meta?: RuleMeta }).meta;
          if (ruleMeta) meta[`${namespace}/${name}`] = ruleMeta;
        }
      }
    }
    this.meta = meta;
    return meta;
  }
}
