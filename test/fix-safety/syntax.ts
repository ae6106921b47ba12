// Parsing for the fix-safety test: TypeScript's own parser for the generator's syntax work, and the check that a
// text parses both for TypeScript and for ESLint's parser (what the engine lints with).
import * as path from 'node:path';

import { parse } from '@typescript-eslint/parser';
import * as ts from 'typescript';

export function scriptKindOf(fileName: string): ts.ScriptKind {
  switch (path.extname(fileName)) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.cjs':
    case '.mjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

export function isJavaScript(fileName: string): boolean {
  return /\.[cm]?jsx?$/.test(fileName);
}

/** Whether Node runs the file as CommonJS (in the check project, whose package.json says `"type": "module"`). */
export function isCommonJs(fileName: string): boolean {
  return /\.c[jt]s$/.test(fileName);
}

/** A syntax tree with parent pointers, for finding and editing nodes. */
export function parseTree(fileName: string, code: string): ts.SourceFile {
  return ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
}

/** The first parsing error of `code` as the file `fileName`, by TypeScript's parser or ESLint's; undefined if none. */
export function parseError(fileName: string, code: string): string | undefined {
  const tree = parseTree(fileName, code);
  // `parseDiagnostics` is not in TypeScript's public declarations, but every SourceFile has it.
  const diagnostics =
    (tree as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first) {
    const where = first.start === undefined ? '' : ` (${positionText(tree, first.start)})`;
    return `TypeScript: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}${where}`;
  }
  try {
    parse(code, {
      filePath: fileName,
      sourceType: isCommonJs(fileName) ? 'commonjs' : 'module',
      range: true,
      loc: true,
    });
  } catch (error) {
    return `ESLint's parser: ${(error as Error).message}`;
  }
  return undefined;
}

function positionText(tree: ts.SourceFile, offset: number): string {
  const { line, character } = tree.getLineAndCharacterOfPosition(offset);
  return `${line + 1}:${character + 1}`;
}
