// Turning lint results into the text `loopguard lint` prints: ESLint's own `json` formatter (so the output is what
// ESLint users' tools parse), and ours: `stylish` (ESLint's layout, readable at 100 columns), SARIF and GitHub
// Actions annotations.
import { ESLint } from 'eslint';

import type { Finding, LintMessage, LintResult, RuleMeta } from '../../engine';
import type { OutputFormat } from '../arguments';
import { formatGithub } from './github';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  cwd: string;
  rulesMeta: Record<string, RuleMeta>;
  toolVersion: string;
  /** The engine's findings by their message (with the other places that belong to them, which only SARIF carries). */
  findings: ReadonlyMap<LintMessage, Finding>;
  /** Whether to colour the stylish output. */
  color: boolean;
}

export async function formatResults(
  format: OutputFormat,
  results: LintResult[],
  context: FormatContext,
): Promise<string> {
  if (format === 'sarif') return formatSarif(results, context);
  if (format === 'github') return formatGithub(results, context.cwd);
  if (format === 'stylish')
    return formatStylish(results, { cwd: context.cwd, color: context.color });
  const eslint = new ESLint({ cwd: context.cwd, overrideConfigFile: true });
  const formatter = await eslint.loadFormatter(format);
  // ESLint's CLI hands formatters `cwd` and `rulesMeta` too, though `LoadedFormatter`'s type only names `ResultsMeta`.
  const data = { cwd: context.cwd, rulesMeta: context.rulesMeta } as unknown as ESLint.ResultsMeta;
  return formatter.format(results, data);
}
