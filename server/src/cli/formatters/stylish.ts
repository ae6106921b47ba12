// `--format stylish`, ESLint's layout made readable in a 100-column terminal. ESLint's own pads every message to the
// longest in the file (a 300-character message pushes every rule id far to the right, and each finding wraps over
// several lines). Here a finding's first line is its position, severity, first sentence (what is wrong, kept short
// by the rules) and rule id; the rest of the message (the why, the advice) follows, wrapped under it. The summary
// also counts what `--fix-unsafe` would apply.
import * as path from 'node:path';

import type { LintMessage, LintResult } from '../../engine';

/** Lines are wrapped to this many columns (a terminal's usual width, and what the issue tracker's users read). */
const WIDTH = 100;

export interface StylishOptions {
  cwd: string;
  color: boolean;
}

export function formatStylish(results: readonly LintResult[], options: StylishOptions): string {
  const style = styler(options.color);
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let suggestible = 0;
  let output = '';
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const file = path.relative(options.cwd, result.filePath) || result.filePath;
    output += `\n${style.underline(file.startsWith('..') ? result.filePath : file)}\n`;
    const positionWidth = Math.max(...result.messages.map((message) => position(message).length));
    const severityWidth = result.messages.some((message) => !isError(message)) ? 7 : 5;
    for (const message of result.messages) {
      if (isError(message)) errors++;
      else warnings++;
      if (message.fix) fixable++;
      else if ((message.suggestions?.length ?? 0) > 0) suggestible++;
      const indent = 2 + positionWidth + 2 + severityWidth + 2;
      const severity = isError(message) ? style.red('error') : style.yellow('warning');
      const [first, rest] = splitFirstSentence(message.message);
      const rule = message.ruleId ? `  ${style.dim(message.ruleId)}` : '';
      output += `  ${style.dim(position(message).padStart(positionWidth))}  ${severity}${' '.repeat(severityWidth - (isError(message) ? 5 : 7))}  ${first}${rule}\n`;
      if (rest) {
        for (const line of wrap(rest, WIDTH - indent)) output += `${' '.repeat(indent)}${line}\n`;
      }
    }
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summaryStyle = errors > 0 ? style.boldRed : style.boldYellow;
  output += `\n${summaryStyle(`✖ ${total} ${plural('problem', total)} (${errors} ${plural('error', errors)}, ${warnings} ${plural('warning', warnings)})`)}\n`;
  const fixes: string[] = [];
  if (fixable > 0) fixes.push(`${fixable} fixable with \`--fix\``);
  if (suggestible > 0)
    fixes.push(
      `${fixable > 0 ? `${fixable + suggestible} with` : `${suggestible} fixable with`} \`--fix-unsafe\` (it applies each finding's preferred suggestion: review the diff)`,
    );
  if (fixes.length > 0) output += `  ${fixes.join('; ')}.\n`;
  return output;
}

function isError(message: LintMessage): boolean {
  return message.fatal === true || message.severity === 2;
}

function position(message: LintMessage): string {
  return `${message.line || 0}:${message.column || 0}`;
}

/**
 * The message's first sentence (without its period, as ESLint's stylish drops a final one) and the rest. A period
 * inside backticks or a file name (`config.ts:12`) does not end a sentence: only one followed by a space does.
 */
function splitFirstSentence(message: string): [string, string] {
  const end = /\.\s/.exec(message);
  if (!end) return [message.replace(/([^ ])\.$/, '$1'), ''];
  return [message.slice(0, end.index), message.slice(end.index + 2).trim()];
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

function styler(color: boolean) {
  const sgr =
    (open: string, close: string) =>
    (text: string): string =>
      color ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  const bold = sgr('1', '22');
  const red = sgr('31', '39');
  const yellow = sgr('33', '39');
  return {
    underline: sgr('4', '24'),
    dim: sgr('2', '22'),
    red,
    yellow,
    boldRed: (text: string) => red(bold(text)),
    boldYellow: (text: string) => yellow(bold(text)),
  };
}
