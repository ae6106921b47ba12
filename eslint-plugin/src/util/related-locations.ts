// The documented side channel for findings that span places (a blocking call at the end of a chain of helpers):
// ESLint's messages carry one location, so a rule records the others here, keyed by the message it reports, and
// the Loopguard engine takes them after linting a file (the language server turns them into `relatedInformation`,
// SARIF into `relatedLocations`). Recording is off unless an engine turns it on, so plain ESLint runs keep nothing.
import * as path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

/** A place related to a finding. Lines and columns are 1-based, as in ESLint's messages. */
export interface RelatedLocation {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

let enabled = false;
const pending = new Map<string, RelatedLocation[]>();

/** The key of a reported message: its file, rule id and 1-based start position. */
export function relatedLocationKey(
  filePath: string,
  ruleId: string,
  line: number,
  column: number,
): string {
  return `${filePath}\0${ruleId}\0${line}\0${column}`;
}

/** Turns recording on (the engine does, once); returns the previous state. */
export function enableRelatedLocations(on = true): boolean {
  const previous = enabled;
  enabled = on;
  if (!on) pending.clear();
  return previous;
}

/** Called by a rule right after `context.report` with the start of the reported location (0-based column, as in `loc`). */
export function recordRelatedLocations(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  reportStart: TSESTree.Position,
  locations: readonly RelatedLocation[],
): void {
  if (!enabled || locations.length === 0) return;
  pending.set(
    relatedLocationKey(context.filename, context.id, reportStart.line, reportStart.column + 1),
    [...locations],
  );
}

/** Takes, and forgets, everything recorded for one file. */
export function takeRelatedLocations(filePath: string): Map<string, RelatedLocation[]> {
  const taken = new Map<string, RelatedLocation[]>();
  const prefix = `${filePath}\0`;
  for (const [key, locations] of pending) {
    if (!key.startsWith(prefix)) continue;
    taken.set(key, locations);
    pending.delete(key);
  }
  return taken;
}

/** The place of a TypeScript node (in any file of the program), ending at `end` when given. */
export function relatedLocationOf(
  node: ts.Node,
  message: string,
  end = node.getEnd(),
): RelatedLocation {
  const sourceFile = node.getSourceFile();
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const last = sourceFile.getLineAndCharacterOfPosition(end);
  return {
    filePath: sourceFile.fileName,
    line: start.line + 1,
    column: start.character + 1,
    endLine: last.line + 1,
    endColumn: last.character + 1,
    message,
  };
}

/**
 * How a message names a place: `line 12` in the linted file, else the path from the linted file's folder
 * (`config.ts:12`, `../lib/io.ts:5`), which reads like the import that leads there and does not depend on where
 * the linter runs.
 */
export function describeLocation(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  location: RelatedLocation,
): string {
  if (path.resolve(location.filePath) === path.resolve(context.physicalFilename))
    return `line ${location.line}`;
  const relative = path
    .relative(path.dirname(context.physicalFilename), location.filePath)
    .split(path.sep)
    .join('/');
  return `${relative}:${location.line}`;
}
