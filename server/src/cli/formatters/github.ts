// `--format github`: one GitHub Actions workflow command per finding (`::error file=…,line=…::message`), which the
// runner turns into an annotation on the pull request's diff, titled with the rule id. Paths are relative to the
// working directory, which in a workflow is the repository's root.
import * as path from 'node:path';

import type { LintResult } from '../../engine';

export function formatGithub(results: readonly LintResult[], cwd: string): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      const properties: Array<[string, string | number | undefined]> = [
        ['file', file],
        ['line', message.line],
        ['endLine', message.endLine],
        ['col', message.column],
        ['endColumn', message.endColumn],
        ['title', message.ruleId ?? (message.fatal ? 'Parsing error' : 'loopguard')],
      ];
      const written = properties
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
        .join(',');
      const command = message.severity === 2 ? 'error' : 'warning';
      lines.push(`::${command} ${written}::${escapeData(message.message)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The escaping the runner undoes in a command's message (`@actions/core`'s `escapeData`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping the runner undoes in a command's properties (`@actions/core`'s `escapeProperty`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
