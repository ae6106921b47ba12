// Pure conversion of the engine's findings into LSP diagnostics: positions, severity, the rule as `code` with a link to
// its docs, and the other places of a multi-location finding as `relatedInformation`.
import { pathToFileURL } from 'node:url';

import {
  type Diagnostic,
  type DiagnosticRelatedInformation,
  DiagnosticSeverity,
  type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

import type { ConfigProblem, Finding, LintMessage, RelatedLocation } from '../engine';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'loopguard';

/** The documentation of rules, by rule id as it appears in results (from the rules' metadata, when it has one). */
export type RuleDocs = Readonly<Record<string, string>>;

export function toDiagnostics(
  findings: readonly Finding[],
  text: string,
  docs: RuleDocs,
): Diagnostic[] {
  const document = TextDocument.create('file:///', 'typescript', 0, text);
  return findings.map((finding) => toDiagnostic(finding, document, docs));
}

export function toDiagnostic(
  { message, related, suppressed }: Finding,
  document: TextDocument,
  docs: RuleDocs,
): Diagnostic {
  const docsUrl = message.ruleId ? docs[message.ruleId] : undefined;
  const diagnostic: Diagnostic = {
    range: messageRange(message, document),
    // A finding that eslint-suppressions.json suppresses is a hint: visible where it is, never a problem to count.
    severity: suppressed
      ? DiagnosticSeverity.Hint
      : message.severity === 2
        ? DiagnosticSeverity.Error
        : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: message.message,
  };
  if (message.ruleId) diagnostic.code = message.ruleId;
  if (message.ruleId && docsUrl) diagnostic.codeDescription = { href: docsUrl };
  if (related.length > 0) diagnostic.relatedInformation = related.map(toRelatedInformation);
  return diagnostic;
}

/** A tsconfig the file's settings come from could not be read: one diagnostic at the top of the file says so. */
export function configProblemDiagnostic(problem: ConfigProblem): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: `Loopguard cannot lint this file: ${problem.configPath}: ${problem.message}`,
  };
}

/**
 * ESLint's 1-based lines and columns, which count UTF-16 code units as LSP does by default. A message without an
 * end (a parsing error) covers the rest of its line, so that every client shows something to point at.
 */
export function messageRange(message: LintMessage, document: TextDocument): Range {
  const start = clampPosition(document, message.line - 1, message.column - 1);
  if (message.endLine === undefined || message.endColumn === undefined) {
    const text = document.getText();
    const startOffset = document.offsetAt(start);
    let endOffset = document.offsetAt({ line: start.line + 1, character: 0 });
    while (
      endOffset > startOffset &&
      (text[endOffset - 1] === '\n' || text[endOffset - 1] === '\r')
    )
      endOffset--;
    return { start, end: document.positionAt(endOffset) };
  }
  return { start, end: clampPosition(document, message.endLine - 1, message.endColumn - 1) };
}

function clampPosition(
  document: TextDocument,
  line: number,
  character: number,
): { line: number; character: number } {
  return document.positionAt(
    document.offsetAt({ line: Math.max(0, line), character: Math.max(0, character) }),
  );
}

function toRelatedInformation(location: RelatedLocation): DiagnosticRelatedInformation {
  return {
    location: {
      uri: pathToFileURL(location.filePath).href,
      range: {
        start: { line: location.line - 1, character: location.column - 1 },
        end: { line: location.endLine - 1, character: location.endColumn - 1 },
      },
    },
    message: location.message,
  };
}
