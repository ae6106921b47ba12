// The tools the benchmark compares, each as a command line plus a reader that turns its output into findings per
// rule. Configs for ESLint and oxlint are written into the benchmark's work folder, never into the linted project.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Command } from './measure';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');

/** Findings per rule id, as each tool names its rules. */
export type Findings = Map<string, number>;

export interface Tool {
  /** Row label in the table. */
  label: string;
  command: Command;
  /** Exit codes that mean "ran fine" (linters exit 1 when they find something). */
  okStatus: readonly number[];
  findings: (stdout: string) => Findings;
}

/** The rules a user would enable in ESLint + typescript-eslint instead of Loopguard. */
const ESLINT_RULES = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
  'n/no-sync': 'error',
  'no-await-in-loop': 'error',
};

/** oxlint's names for the same rules (its typescript-eslint ports run in tsgolint). */
const OXLINT_RULES = {
  'typescript/no-floating-promises': 'error',
  'typescript/no-misused-promises': 'error',
  'typescript/await-thenable': 'error',
  'node/no-sync': 'error',
  'eslint/no-await-in-loop': 'error',
};

const TS_FILES = '**/*.{ts,tsx,mts,cts}';
const IGNORED = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/coverage/**',
  '**/*.d.ts',
];

export interface LoopguardOptions {
  cache?: { location: string };
  /** What to lint, relative to `root` (default: everything, `.`). */
  paths?: readonly string[];
}

/** The flat config names ESLint looks up, which Loopguard loads. */
const ESLINT_CONFIG_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs'];

export function loopguard(root: string, label: string, options: LoopguardOptions = {}): Tool {
  const cacheArgs = options.cache ? ['--cache', '--cache-location', options.cache.location] : [];
  // The CLI looks for a config up to the file system's root, the language server only up to its workspace folder,
  // the project root here. A project without a config of its own (the generated ones, which live inside this
  // repository) would otherwise be linted by the CLI with this repository's config, which ignores them; with
  // the built-in config instead, both front ends lint with the same one.
  const configArgs = ESLINT_CONFIG_NAMES.some((name) => fs.existsSync(path.join(root, name)))
    ? []
    : ['--no-config-lookup'];
  return {
    label,
    command: {
      program: process.execPath,
      args: [
        path.join(REPO_ROOT, 'server/bin/loopguard.js'),
        'lint',
        '--format',
        'json',
        ...configArgs,
        ...cacheArgs,
        ...(options.paths ?? ['.']),
      ],
      cwd: root,
    },
    okStatus: [0, 1],
    findings: eslintJsonFindings,
  };
}

export function eslint(root: string, workDir: string): Tool {
  const configPath = path.join(workDir, 'eslint.config.mjs');
  const importOf = (specifier: string): string =>
    JSON.stringify(pathToFileURL(require.resolve(specifier, { paths: [REPO_ROOT] })).href);
  fs.writeFileSync(
    configPath,
    [
      '// Written by the benchmark: the closest ESLint + typescript-eslint setup to Loopguard, typed through the project service.',
      `import tseslint from ${importOf('typescript-eslint')};`,
      `import n from ${importOf('eslint-plugin-n')};`,
      'export default [',
      `  { basePath: ${JSON.stringify(root)}, ignores: ${JSON.stringify(IGNORED)} },`,
      '  {',
      `    basePath: ${JSON.stringify(root)},`,
      `    files: [${JSON.stringify(TS_FILES)}],`,
      `    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(root)} } },`,
      "    plugins: { '@typescript-eslint': tseslint.plugin, n },",
      `    rules: ${JSON.stringify(ESLINT_RULES)},`,
      '  },',
      '];',
      '',
    ].join('\n'),
  );
  return {
    label: 'ESLint + typescript-eslint',
    command: {
      program: process.execPath,
      args: [
        path.join(NODE_MODULES, 'eslint/bin/eslint.js'),
        '--config',
        configPath,
        '--format',
        'json',
        '.',
      ],
      cwd: root,
    },
    okStatus: [0, 1],
    findings: eslintJsonFindings,
  };
}

export function tsc(root: string, tsconfig: string): Tool {
  return {
    label: 'tsc --noEmit',
    command: {
      program: process.execPath,
      args: [
        path.join(NODE_MODULES, 'typescript/bin/tsc'),
        '--noEmit',
        '--pretty',
        'false',
        '-p',
        tsconfig,
      ],
      cwd: root,
    },
    okStatus: [0, 1, 2],
    findings: (stdout) => {
      const errors = stdout.split('\n').filter((line) => /\berror TS\d+:/.test(line)).length;
      return new Map([['type errors', errors]]);
    },
  };
}

export function oxlint(root: string, workDir: string): Tool {
  const configPath = path.join(workDir, 'oxlintrc.json');
  const config = {
    plugins: ['typescript', 'node', 'eslint'],
    categories: { correctness: 'off' },
    ignorePatterns: IGNORED,
    rules: OXLINT_RULES,
  };
  fs.writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  return {
    label: 'oxlint --type-aware',
    command: {
      program: path.join(NODE_MODULES, '.bin/oxlint'),
      args: ['--type-aware', '--config', configPath, '--format', 'json', '.'],
      cwd: root,
      env: { ...process.env, OXLINT_TSGOLINT_PATH: path.join(NODE_MODULES, '.bin/tsgolint') },
    },
    okStatus: [0, 1],
    findings: (stdout) => {
      const report = JSON.parse(stdout) as { diagnostics: Array<{ code?: string }> };
      return countBy(report.diagnostics.map((diagnostic) => diagnostic.code ?? '(no rule)'));
    },
  };
}

function eslintJsonFindings(stdout: string): Findings {
  const results = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>;
  return countBy(
    results.flatMap((result) => result.messages.map((message) => message.ruleId ?? 'parse errors')),
  );
}

function countBy(keys: readonly string[]): Findings {
  const counts: Findings = new Map();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The version of an installed package, for RESULTS.md. */
export function packageVersion(name: string): string {
  try {
    const manifest = require.resolve(`${name}/package.json`, { paths: [REPO_ROOT] });
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}
