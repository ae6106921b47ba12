// What the engine finds in a file, next to ESLint's result: each message with the other places that belong to it
// (the steps of a chain of calls), which rules hand over through the plugin's related-locations channel. The CLI's
// SARIF writer and the language server's converters take these.
import type loopguard from 'eslint-plugin-loopguard';

import type { LintMessage } from './results';

/** A place related to a finding, with an absolute path; lines and columns are 1-based, as in ESLint's messages. */
export type RelatedLocation = loopguard.RelatedLocation;

/** One message of a file's result and what the engine knows about it besides ESLint's message. */
export interface Finding {
  message: LintMessage;
  /** Other places that belong to the finding, in the order the rule gave them; empty for most. */
  related: readonly RelatedLocation[];
  /** Suppressed by the workspace's `eslint-suppressions.json` (the language server shows it as a hint). */
  suppressed?: boolean;
}

/**
 * The related locations that copies of the plugin published while one file was verified, by the message they belong
 * to: a record names its message by file, rule id and 1-based start.
 */
export function relatedByMessage(
  file: string,
  messages: readonly LintMessage[],
  records: readonly loopguard.RelatedLocationsRecord[],
): Map<LintMessage, readonly RelatedLocation[]> {
  const byKey = new Map<string, readonly RelatedLocation[]>();
  for (const record of records) {
    if (record.filePath !== file || record.locations.length === 0) continue;
    byKey.set(messageKey(record.ruleId, record.line, record.column), record.locations);
  }
  const related = new Map<LintMessage, readonly RelatedLocation[]>();
  if (byKey.size === 0) return related;
  for (const message of messages) {
    const locations =
      message.ruleId && byKey.get(messageKey(message.ruleId, message.line, message.column));
    if (locations) related.set(message, locations);
  }
  return related;
}

function messageKey(ruleId: string, line: number, column: number): string {
  return `${ruleId}\0${line}\0${column}`;
}
