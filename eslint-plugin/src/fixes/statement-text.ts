// The layout of statements in fix text: the indentation of a statement's line, whether it ends with `;`, the range a
// removed statement takes with it, and the comments of a replaced range, set again in front of the new text.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The whitespace that starts the line of `node`, up to the node. */
export function indentOf(sourceCode: SourceCode, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line.slice(0, node.loc.start.column))?.[0] ?? '';
}

export function endsWithSemicolon(sourceCode: SourceCode, statement: TSESTree.Node): boolean {
  return sourceCode.getLastToken(statement)?.value === ';';
}

/** Where a statement that ends with `;` ends without it (and without the space or line break before it). */
export function endBeforeSemicolon(sourceCode: SourceCode, statement: TSESTree.Node): number {
  const semicolon = sourceCode.getLastToken(statement)!;
  return sourceCode.getTokenBefore(semicolon, { includeComments: true })!.range[1];
}

/**
 * The text a removed statement takes with it: from the end of the token before it. When that token is not a `;`
 * (a file without semicolons), the statement's own `;` stays, since it may guard the next line (`;[a].forEach(…)`).
 */
export function removalRange(sourceCode: SourceCode, statement: TSESTree.Node): TSESLint.AST.Range {
  const previous = sourceCode.getTokenBefore(statement);
  const start = previous ? previous.range[1] : statement.range[0];
  const keepSemicolon =
    endsWithSemicolon(sourceCode, statement) && previous !== null && previous.value !== ';';
  return [start, keepSemicolon ? endBeforeSemicolon(sourceCode, statement) : statement.range[1]];
}

/** The comments that lie within `range`. */
export function commentsIn(sourceCode: SourceCode, range: TSESLint.AST.Range): TSESTree.Comment[] {
  return sourceCode
    .getAllComments()
    .filter((comment) => comment.range[0] >= range[0] && comment.range[1] <= range[1]);
}

/** `text` preceded by `comments`, each on its own line at the indentation of `anchor`. */
export function withComments(
  sourceCode: SourceCode,
  comments: readonly TSESTree.Comment[],
  text: string,
  anchor: TSESTree.Node,
): string {
  const indent = indentOf(sourceCode, anchor);
  return comments.map((comment) => `${sourceCode.getText(comment)}\n${indent}`).join('') + text;
}
