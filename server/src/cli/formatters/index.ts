// Turning lint results into the text `loopguard lint` prints: ESLint's own `stylish` and `json` formatters (so the
// output is what ESLint users know and their tools parse), our SARIF writer and GitHub Actions annotations.
import { ESLint } from 'eslint';

import type { Finding, LintMessage, LintResult, RuleMeta } from '../../engine';
import type { OutputFormat } from '../arguments';
import { formatGithub } from './github';
import { formatSarif } from './sarif';

export interface FormatContext {
  cwd: string;
  rulesMeta: Record<string, RuleMeta>;
  toolVersion: string;
  /** The engine's findings by their message (with the other places that belong to them, which only SARIF carries). */
  findings: ReadonlyMap<LintMessage, Finding>;
}

export async function formatResults(
  format: OutputFormat,
  results: LintResult[],
  context: FormatContext,
): Promise<string> {
  if (format === 'sarif') return formatSarif(results, context);
  if (format === 'github') return formatGithub(results, context.cwd);
  const eslint = new ESLint({ cwd: context.cwd, overrideConfigFile: true });
  const formatter = await eslint.loadFormatter(format);
  // ESLint's CLI hands formatters `cwd` and `rulesMeta` too, though `LoadedFormatter`'s type only names `ResultsMeta`.
  const data = { cwd: context.cwd, rulesMeta: context.rulesMeta } as unknown as ESLint.ResultsMeta;
  return formatter.format(results, data);
}
