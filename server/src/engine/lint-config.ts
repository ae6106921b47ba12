// The flat ESLint config a file is linted with: the built-in `recommended` config by default, or a user's
// `eslint.config.*` (with `--config`), in both cases handed the engine's own TypeScript program.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import loopguard from 'eslint-plugin-loopguard';
import type * as ts from 'typescript';

import type { IgnorePatterns } from './files';
import { regionAwarePlugin } from './region-skipping';

const ALL_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const COMMONJS_FILES = ['**/*.{cts,cjs}'];

export type ConfigName = 'recommended' | 'strict';

export type LintConfigSource =
  { kind: 'builtin'; name: ConfigName } | { kind: 'file'; path: string; configs: Linter.Config[] };

/** What `Linter.verify` needs: the config array and the folder its `files` patterns are relative to. */
export interface ResolvedLintConfig {
  cwd: string;
  configs: Linter.Config[];
}

export class ConfigLoadError extends Error {}

/** Loads a user's flat config file. Code in it runs: callers decide whether the workspace is trusted. */
export async function loadConfigFile(configPath: string): Promise<LintConfigSource> {
  const absolute = path.resolve(configPath);
  let exported: unknown;
  try {
    const module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
    exported = await module.default;
  } catch (error) {
    throw new ConfigLoadError(`could not load ${absolute}: ${(error as Error).message}`);
  }
  const configs: unknown[] = [exported].flat(Infinity);
  if (
    exported === undefined ||
    configs.some((config) => typeof config !== 'object' || config === null)
  ) {
    throw new ConfigLoadError(
      `${absolute} must export a flat config object or array as its default export`,
    );
  }
  return { kind: 'file', path: absolute, configs: configs as Linter.Config[] };
}

/**
 * Whether a config (with `overrides` last, the CLI's `--rule`) turns on any of Loopguard's rules: some object
 * registers the plugin (any copy: its `meta.name`) under a namespace, and some object sets a rule of that namespace
 * to anything but `off`. The objects' `files` are not read, so `false` means no file gets one.
 */
export function turnsOnLoopguardRules(
  configs: readonly Linter.Config[],
  overrides: Readonly<Record<string, Linter.RuleEntry>> = {},
): boolean {
  const namespaces = new Set<string>();
  for (const config of configs)
    for (const [namespace, plugin] of Object.entries(config.plugins ?? {}))
      if (plugin === loopguard || plugin.meta?.name === loopguard.meta.name)
        namespaces.add(namespace);
  const entries = [...configs.map((config) => config.rules ?? {}), overrides].flatMap((rules) =>
    Object.entries(rules),
  );
  return entries.some(([ruleId, entry]) => {
    const slash = ruleId.lastIndexOf('/');
    if (slash < 0 || !namespaces.has(ruleId.slice(0, slash))) return false;
    const severity = Array.isArray(entry) ? entry[0] : entry;
    return severity !== 'off' && severity !== 0;
  });
}

/** What the CLI and the language server say of a config that turns on none of Loopguard's rules. */
export function noLoopguardRulesMessage(configPath: string): string {
  return (
    `${configPath} turns on none of Loopguard's rules, so only the rules it turns on run: add Loopguard's ` +
    '`recommended` config to it (see the README).'
  );
}

/** Keys a flat config object may have and still be global ignores (ESLint: `ignores` and nothing else). */
const GLOBAL_IGNORES_KEYS = new Set(['ignores', 'name', 'basePath']);

/** A user config's global ignores, for the file search; patterns are relative to the config file's folder. */
export function globalIgnores(source: LintConfigSource): IgnorePatterns[] {
  if (source.kind === 'builtin') return [];
  const folder = path.dirname(source.path);
  return source.configs.flatMap((config) => {
    if (!Array.isArray(config.ignores)) return [];
    if (!Object.keys(config).every((key) => GLOBAL_IGNORES_KEYS.has(key))) return [];
    const basePath = (config as { basePath?: unknown }).basePath;
    return [
      {
        basePath: typeof basePath === 'string' ? path.resolve(folder, basePath) : folder,
        patterns: config.ignores.filter((pattern) => typeof pattern === 'string'),
        origin: source.path,
      },
    ];
  });
}

/**
 * The config array for one program. Built-in configs lint every JavaScript and TypeScript file; a user config
 * keeps its own `files` patterns, with `project`/`projectService` taken out (typescript-estree would prefer them to
 * `programs` and read the disk instead of the engine's program, bypassing unsaved edits).
 */
/**
 * The config ESLint computes for one file (what `--print-config` prints): the user's config file, or the built-in
 * config, with `overrides` (the CLI's `--rule`) last. `project`/`projectService` are left out, as the engine replaces
 * them with its own program.
 */
export async function calculateConfigForFile(
  source: LintConfigSource,
  filePath: string,
  overrides: Readonly<Record<string, Linter.RuleEntry>> = {},
): Promise<unknown> {
  const overrideConfig = Object.keys(overrides).length > 0 ? [{ rules: { ...overrides } }] : [];
  const eslint =
    source.kind === 'file'
      ? new ESLint({
          cwd: path.dirname(source.path),
          overrideConfigFile: source.path,
          overrideConfig,
        })
      : new ESLint({
          cwd: path.dirname(filePath),
          overrideConfigFile: true,
          overrideConfig: [...builtinConfigs(source.name, {}), ...overrideConfig],
        });
  const calculated: unknown = await eslint.calculateConfigForFile(filePath);
  if (calculated === undefined) return undefined;
  // Through JSON, as ESLint prints it: the calculated config's own `toJSON` names plugins and the parser.
  const config = JSON.parse(JSON.stringify(calculated)) as Linter.Config;
  const parserOptions = config.languageOptions?.parserOptions as
    Record<string, unknown> | undefined;
  if (parserOptions) {
    delete parserOptions.project;
    delete parserOptions.projectService;
  }
  return config;
}

/** The plugin the built-in configs run: its rules skip the regions a language-server lint reuses (`region-reuse.ts`). */
const builtinPlugin = regionAwarePlugin(loopguard) as unknown as NonNullable<
  Linter.Config['plugins']
>[string];

function builtinConfigs(name: ConfigName, parserOptions: Linter.ParserOptions): Linter.Config[] {
  return [
    {
      files: ALL_FILES,
      // Disable comments in user code name the rules of the user's own ESLint setup; the built-in config runs
      // only Loopguard's rules, so it neither judges those directives unused nor reports their rules missing
      // (see `isForeignDirectiveMessage` in the engine).
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: { parser: tsParser, parserOptions, sourceType: 'module' },
      plugins: { loopguard: builtinPlugin },
    },
    // The shipped config as users get it: its rules, then what changes in test files.
    ...loopguard.configs[name].map((config) =>
      config.plugins
        ? { ...config, plugins: { ...config.plugins, loopguard: builtinPlugin } }
        : config,
    ),
    { files: COMMONJS_FILES, languageOptions: { sourceType: 'commonjs' } },
  ];
}

export function resolveLintConfig(
  source: LintConfigSource,
  program: ts.Program,
  fileRoot: string,
): ResolvedLintConfig {
  if (source.kind === 'builtin') {
    return {
      cwd: fileRoot,
      // An explicit tsconfigRootDir: otherwise typescript-estree infers one from the typescript-eslint configs this
      // process has evaluated, and fails when there are two.
      configs: builtinConfigs(source.name, {
        programs: [program],
        tsconfigRootDir: program.getCurrentDirectory(),
      }),
    };
  }
  return {
    cwd: path.dirname(source.path),
    configs: source.configs.map((config) => withProgram(config, program)),
  };
}

function withProgram(config: Linter.Config, program: ts.Program): Linter.Config {
  const languageOptions = config.languageOptions;
  if (!languageOptions || (!languageOptions.parser && !languageOptions.parserOptions))
    return config;
  const {
    project: _project,
    projectService: _projectService,
    ...parserOptions
  } = (languageOptions.parserOptions ?? {}) as Record<string, unknown>;
  // Without a tsconfigRootDir, typescript-estree infers one from every typescript-eslint config evaluated in this
  // process, and fails once there are two (two workspace folders' configs, say).
  parserOptions.tsconfigRootDir ??= program.getCurrentDirectory();
  return {
    ...config,
    languageOptions: {
      ...languageOptions,
      parserOptions: { ...parserOptions, programs: [program] },
    },
  };
}
