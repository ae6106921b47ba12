// What an expression is under the wrappers that leave its value alone: parentheses, TypeScript's assertions (`as`,
// `satisfies`, `<T>x`, `x!`) and, in ESTree, the `ChainExpression` around an optional chain. Each analysis names the
// wrappers it looks through, in ESTree (`skipWrappers`) and in TypeScript's own tree (`skipTsWrappers`).
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

export type Wrapper =
  | 'parentheses'
  | 'as'
  | 'satisfies'
  | 'type-assertion'
  | 'non-null'
  | 'chain'
  /** `await x`, for a value that is the same module or object once awaited (`await import('fs')`). */
  | 'await';

/** `as`, `satisfies`, `<T>x` and `x!`: the assertions that change a value's type and nothing else. */
export const TYPE_ASSERTIONS: readonly Wrapper[] = [
  'as',
  'satisfies',
  'type-assertion',
  'non-null',
];

/** `expression` without the ESTree wrappers listed (ESTree keeps no parentheses). */
export function skipWrappers(
  expression: TSESTree.Expression,
  wrappers: readonly Wrapper[],
): TSESTree.Expression {
  let current = expression;
  for (;;) {
    const inner = esWrapped(current, wrappers);
    if (!inner) return current;
    current = inner;
  }
}

function esWrapped(
  expression: TSESTree.Expression,
  wrappers: readonly Wrapper[],
): TSESTree.Expression | undefined {
  switch (expression.type) {
    case AST_NODE_TYPES.TSAsExpression:
      return wrappers.includes('as') ? expression.expression : undefined;
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return wrappers.includes('satisfies') ? expression.expression : undefined;
    case AST_NODE_TYPES.TSTypeAssertion:
      return wrappers.includes('type-assertion') ? expression.expression : undefined;
    case AST_NODE_TYPES.TSNonNullExpression:
      return wrappers.includes('non-null') ? expression.expression : undefined;
    case AST_NODE_TYPES.ChainExpression:
      return wrappers.includes('chain') ? expression.expression : undefined;
    case AST_NODE_TYPES.AwaitExpression:
      return wrappers.includes('await') ? expression.argument : undefined;
    default:
      return undefined;
  }
}

/** `expression` without the TypeScript wrappers listed. */
export function skipTsWrappers(
  expression: ts.Expression,
  wrappers: readonly Wrapper[],
): ts.Expression {
  let current = expression;
  for (;;) {
    const inner = tsWrapped(current, wrappers);
    if (!inner) return current;
    current = inner;
  }
}

function tsWrapped(
  expression: ts.Expression,
  wrappers: readonly Wrapper[],
): ts.Expression | undefined {
  if (ts.isParenthesizedExpression(expression))
    return wrappers.includes('parentheses') ? expression.expression : undefined;
  if (ts.isAsExpression(expression))
    return wrappers.includes('as') ? expression.expression : undefined;
  if (ts.isSatisfiesExpression(expression))
    return wrappers.includes('satisfies') ? expression.expression : undefined;
  if (ts.isTypeAssertionExpression(expression))
    return wrappers.includes('type-assertion') ? expression.expression : undefined;
  if (ts.isNonNullExpression(expression))
    return wrappers.includes('non-null') ? expression.expression : undefined;
  if (ts.isAwaitExpression(expression))
    return wrappers.includes('await') ? expression.expression : undefined;
  return undefined;
}
