// Values written as literals in the source.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** `null` or `undefined`, as written. */
export function isNullishLiteral(expression: TSESTree.Node): boolean {
  return (
    (expression.type === AST_NODE_TYPES.Literal && expression.value === null) ||
    (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined')
  );
}
