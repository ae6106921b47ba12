// Guarding replacements against automatic semicolon insertion in files written without semicolons.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { TextEdit } from './text-edits';

/** A statement starting with one of these continues the previous line when that line has no semicolon. */
const CONTINUES_PREVIOUS_LINE = /^[([`+\-/]/;

/** True when a line starting with `text` would continue a previous line that has no `;` (`(`, `[`, `` ` ``, …). */
export function continuesPreviousLine(text: string): boolean {
  return CONTINUES_PREVIOUS_LINE.test(text);
}

const STATEMENT_LIST_OWNERS = new Set<string>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.ClassBody,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TSModuleBlock,
  AST_NODE_TYPES.TSInterfaceBody,
]);

/**
 * `replacement` prefixed with `;` when it would otherwise be read as a continuation of the statement before
 * `statement` (`foo()\n(a || b).catch(…)` calls `foo()`'s result).
 */
export function guardStatementStart(
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  replacement: string,
): string {
  if (!continuesPreviousLine(replacement)) return replacement;
  const previous = sourceCode.getTokenBefore(statement, { includeComments: false });
  if (!previous || previous.value === ';' || previous.value === '{' || previous.value === ':')
    return replacement;
  if (previous.value === '}') {
    const owner = sourceCode.getNodeByRangeIndex(previous.range[0]);
    // A function or class *expression* ends in `}` too, and `function () {}\n(x)` calls it.
    const endsAnExpression =
      owner?.parent?.type === AST_NODE_TYPES.FunctionExpression ||
      owner?.parent?.type === AST_NODE_TYPES.ClassExpression;
    if (owner && STATEMENT_LIST_OWNERS.has(owner.type) && !endsAnExpression) return replacement;
  }
  return `;${replacement}`;
}

/**
 * The end of a statement put in place of `replaced`: `semicolon` (the file's style), or `;` anyway when the next
 * token would continue it. A loop or block ends with `}`, after which a line may start with `(` or `[` unguarded;
 * the expression statement that replaces it would run into that line.
 */
export function statementEndBefore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  replaced: TSESTree.Node,
  semicolon: string,
): string {
  if (semicolon !== '') return semicolon;
  const next = sourceCode.getTokenAfter(replaced, { includeComments: false });
  return next !== null && continuesPreviousLine(next.value) ? ';' : '';
}

/** Replaces a statement with `text`, keeping its `;` (or its absence) and guarding the start against ASI. */
export function replaceStatement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  statement: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  const semicolon = sourceCode.getLastToken(statement)?.value === ';' ? ';' : '';
  return fixer.replaceText(statement, guardStatementStart(sourceCode, statement, text) + semicolon);
}

/** Replaces `node` with `text`, guarded against ASI when the node starts an expression statement. */
export function guardedReplacement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  text: string,
): TextEdit {
  let statement: TSESTree.Node = node;
  while (
    statement.parent &&
    statement.parent.range[0] === node.range[0] &&
    statement.type !== AST_NODE_TYPES.ExpressionStatement
  ) {
    statement = statement.parent;
  }
  const guarded =
    statement.type === AST_NODE_TYPES.ExpressionStatement
      ? guardStatementStart(sourceCode, statement, text)
      : text;
  return { range: node.range, text: guarded };
}
