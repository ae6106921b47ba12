// SARIF 2.1.0 output, as GitHub code scanning accepts it: one run, the rules that reported with their help links,
// one result per finding with a region (and the finding's other places as `relatedLocations`), and files that
// could not be linted as tool execution notifications.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Finding, LintMessage, LintResult, RuleMeta } from '../../engine';

export interface SarifContext {
  cwd: string;
  rulesMeta: Record<string, RuleMeta>;
  toolVersion: string;
  /** The engine's findings by their message: their related locations (the steps of a chain of calls). */
  findings?: ReadonlyMap<LintMessage, Finding>;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' };
  properties: { tags: string[] };
}

export function formatSarif(results: readonly LintResult[], context: SarifContext): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];

  for (const result of results) {
    const uri = relativeUri(context.cwd, result.filePath);
    for (const message of result.messages) {
      const level = message.severity === 2 ? 'error' : 'warning';
      const location = physicalLocation(uri, message);
      if (!message.ruleId || message.fatal) {
        notifications.push({
          level: 'error',
          message: { text: message.message },
          locations: [location],
        });
        continue;
      }
      let index = ruleIndex.get(message.ruleId);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(message.ruleId, index);
        rules.push(describeRule(message.ruleId, context.rulesMeta[message.ruleId], level));
      }
      const related = context.findings?.get(message)?.related ?? [];
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex: index,
        level,
        message: { text: message.message },
        locations: [location],
        ...(related.length > 0
          ? {
              relatedLocations: related.map((place, id) => ({
                id,
                message: { text: place.message },
                ...physicalLocation(relativeUri(context.cwd, place.filePath), place),
              })),
            }
          : {}),
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Loopguard',
            informationUri: 'https://github.com/loopguard/loopguard',
            version: context.toolVersion,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd + path.sep).href } },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** A SARIF location for a 1-based range (a message's, or a related place's). */
function physicalLocation(
  uri: string,
  range: {
    line: number;
    column: number;
    endLine?: number | undefined;
    endColumn?: number | undefined;
  },
): { physicalLocation: unknown } {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      region: {
        startLine: Math.max(range.line, 1),
        startColumn: Math.max(range.column, 1),
        ...(range.endLine !== undefined ? { endLine: range.endLine } : {}),
        ...(range.endColumn !== undefined ? { endColumn: range.endColumn } : {}),
      },
    },
  };
}

function describeRule(
  id: string,
  meta: RuleMeta | undefined,
  level: 'error' | 'warning',
): SarifRule {
  return {
    id,
    shortDescription: { text: meta?.docs?.description ?? id },
    ...(meta?.docs?.url ? { helpUri: meta.docs.url } : {}),
    defaultConfiguration: { level },
    properties: { tags: meta?.type ? [meta.type] : [] },
  };
}

/** A path relative to the run's folder with forward slashes, or a file URI for files outside it. */
function relativeUri(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return pathToFileURL(filePath).href;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
