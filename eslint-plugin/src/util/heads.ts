// The head of a loop or a function (`for (const id of ids)`, `async (url) =>`): what a report underlines when the
// body is too long to, and where a related location ends.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

/** From the loop's keyword to the `)` after its condition; for `do … while`, the `while (…)` at its end. */
export function loopHeadLoc(
  sourceCode: Readonly<TSESLint.SourceCode>,
  loop:
    | TSESTree.WhileStatement
    | TSESTree.DoWhileStatement
    | TSESTree.ForStatement
    | TSESTree.ForOfStatement,
): TSESTree.SourceLocation {
  if (loop.type !== AST_NODE_TYPES.DoWhileStatement) {
    return { start: loop.loc.start, end: sourceCode.getTokenBefore(loop.body)!.loc.end };
  }
  const whileKeyword = sourceCode.getTokenAfter(loop.body)!;
  const last = sourceCode.getLastToken(loop)!;
  const end = last.value === ';' ? sourceCode.getTokenBefore(last)! : last;
  return { start: whileKeyword.loc.start, end: end.loc.end };
}

/** From the function's start to the token before its body (`=>`, or the `)` of its parameters). */
export function functionHeadLoc(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
): TSESTree.SourceLocation {
  return { start: fn.loc.start, end: sourceCode.getTokenBefore(fn.body)!.loc.end };
}

/** In TypeScript's tree, the end of a loop's header: the `)` after its condition. */
export function loopHeadEnd(loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement): number {
  const text = loop.getSourceFile().text;
  const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
  return condition ? text.indexOf(')', condition.getEnd()) + 1 : loop.getEnd();
}

/**
 * Where a report about an expression underlines it: the whole expression when it fits on one line, else its tokens on
 * its first line (`(async () => {`, `client.request(`, `new Promise((resolve) => {`), so that one finding about a
 * 60-line IIFE is not 60 lines of red.
 */
export function expressionHeadLoc(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): TSESTree.SourceLocation {
  if (node.loc.start.line === node.loc.end.line) return node.loc;
  const tokens = sourceCode.getTokens(node);
  // A first token that spans lines (a template literal) is the head by itself.
  let end = tokens[0]?.loc.end ?? node.loc.end;
  for (const token of tokens.slice(1)) {
    if (token.loc.end.line !== node.loc.start.line) break;
    end = token.loc.end;
  }
  return { start: node.loc.start, end };
}

/** A callback's head (`async (x) =>`), or the whole argument when it is not written as a function. */
export function callbackHeadLoc(
  sourceCode: Readonly<TSESLint.SourceCode>,
  argument: TSESTree.Expression,
): TSESTree.SourceLocation {
  if (
    argument.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    argument.type !== AST_NODE_TYPES.FunctionExpression
  ) {
    return argument.loc;
  }
  return functionHeadLoc(sourceCode, argument);
}
