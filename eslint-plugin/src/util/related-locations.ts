// What rules use for findings that span places (a blocking call at the end of a chain of helpers): the place of a
// TypeScript node, how a message names a place, and `recordRelatedLocations`, which hands a finding's other places to
// the Loopguard engine through the channel declared in `../related-locations-channel.ts` (the language server turns
// them into `relatedInformation`, SARIF into `relatedLocations`). Plain ESLint runs record nothing.
import * as path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import {
  activeRelatedLocationsCollector,
  type RelatedLocation,
} from '../related-locations-channel';

export type { RelatedLocation };

/** Called by a rule right after `context.report` with the start of the reported location (0-based column, as in `loc`). */
export function recordRelatedLocations(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  reportStart: TSESTree.Position,
  locations: readonly RelatedLocation[],
): void {
  const collector = activeRelatedLocationsCollector();
  if (!collector || locations.length === 0) return;
  collector({
    filePath: context.filename,
    ruleId: context.id,
    line: reportStart.line,
    column: reportStart.column + 1,
    locations: [...locations],
  });
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
