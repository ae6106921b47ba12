// Linting one repository with the CLI of the current checkout: `loopguard lint --strict --format json` over the
// manifest's paths (every rule of `strict`), or, when only some rules are selected, a generated config that is
// `strict` with the other rules off. ESLint's `TIMING=all` gives each rule's time; the run's wall time, CPU time
// and peak memory are measured from outside, as `npm run bench` does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { measure } from '../measure';
import { REPO_ROOT } from '../tools';
import { parseLintOutput, parseRuleTimes, type ParsedLintOutput } from './findings';
import type { RepoSpec } from './manifest';

const CLI = path.join(REPO_ROOT, 'server/bin/loopguard.js');
/** Room for the largest repositories' programs; the limit changes no finding. */
const NODE_ARGS = ['--max-old-space-size=8192'];

export interface LintRun extends ParsedLintOutput {
  wallMs: number;
  cpuMs: number | undefined;
  peakRssKb: number;
  ruleTimesMs: Record<string, number>;
  status: number | null;
  /** What the CLI wrote to stderr (config errors, files not written), trimmed. */
  stderr: string;
}

export interface LintOptions {
  /** The folder to lint in: the checkout, or its scratch copy for the fix run. */
  root: string;
  repo: RepoSpec;
  /** A generated config for a subset of the rules; `undefined` runs the built-in `strict` config. */
  configPath: string | undefined;
  fixUnsafe: boolean;
}

export async function lintRepo(options: LintOptions): Promise<LintRun> {
  const args = [
    ...NODE_ARGS,
    CLI,
    'lint',
    '--format',
    'json',
    ...(options.configPath ? ['--config', options.configPath] : ['--strict']),
    ...(options.fixUnsafe ? ['--fix-unsafe'] : []),
    ...options.repo.lint,
  ];
  const run = await measure({
    program: process.execPath,
    args,
    cwd: options.root,
    env: { ...process.env, TIMING: 'all' },
  });
  // The JSON report is the first line (JSON.stringify escapes line breaks); ESLint's timing table follows it.
  const newline = run.stdout.indexOf('\n');
  const json = newline === -1 ? run.stdout : run.stdout.slice(0, newline);
  if (!json.startsWith('['))
    throw new Error(
      `${options.repo.name}: loopguard lint printed no JSON report (exit ${run.status}):\n${run.stderr.trim().split('\n').slice(-20).join('\n')}`,
    );
  return {
    ...parseLintOutput(json, options.root, options.repo.name),
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRssKb: run.peakRssKb,
    ruleTimesMs: parseRuleTimes(run.stdout.slice(json.length)),
    status: run.status,
    stderr: run.stderr.trim(),
  };
}

/**
 * Writes a flat config that reproduces the built-in `strict` config with only `rules` on: the same files, parser
 * and linter options as the engine's built-in configs, then every object of the plugin's `strict` config, then the
 * other rules turned off. It goes in the corpus folder itself, above every checkout and scratch copy, because a
 * config's patterns only match files below its own folder.
 */
export function writeRuleSubsetConfig(corpusRoot: string, rules: readonly string[]): string {
  const resolveFromServer = (specifier: string): string =>
    pathToFileURL(require.resolve(specifier, { paths: [path.join(REPO_ROOT, 'server')] })).href;
  const configPath = path.join(corpusRoot, `strict-only-${rules.join('+')}.mjs`);
  fs.mkdirSync(corpusRoot, { recursive: true });
  fs.writeFileSync(
    configPath,
    [
      "// Written by `npm run corpus`: Loopguard's `strict` config with only some rules on.",
      `import parser from ${JSON.stringify(resolveFromServer('@typescript-eslint/parser'))};`,
      `import loopguard from ${JSON.stringify(resolveFromServer('eslint-plugin-loopguard'))};`,
      `const selected = new Set(${JSON.stringify(rules)});`,
      "const ALL_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];",
      'const off = Object.fromEntries(',
      '  Object.keys(loopguard.rules).filter((id) => !selected.has(id)).map((id) => [`loopguard/${id}`, "off"]),',
      ');',
      'export default [',
      "  { files: ALL_FILES, linterOptions: { reportUnusedDisableDirectives: 'off' },",
      "    languageOptions: { parser, sourceType: 'module' }, plugins: { loopguard } },",
      '  ...[loopguard.configs.strict].flat(),',
      "  { files: ['**/*.{cts,cjs}'], languageOptions: { sourceType: 'commonjs' } },",
      '  { files: ALL_FILES, rules: off },',
      '];',
      '',
    ].join('\n'),
  );
  return configPath;
}
