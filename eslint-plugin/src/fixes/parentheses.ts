// Wrapping an expression's text so that it can be the operand of `await`/`void` or the object of `.member`.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** Node types that bind tighter than any prefix operator or member access, so they never need parentheses. */
const TIGHT_BINDING = new Set<string>([
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.MetaProperty,
  AST_NODE_TYPES.Super,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.TSNonNullExpression,
]);

/** The text of `node`, in parentheses unless it binds tightly enough to stand as an operand. */
export function operandText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): string {
  const text = sourceCode.getText(node);
  if (TIGHT_BINDING.has(node.type)) return text;
  // `new X()` binds tightly; `new X` without arguments does not (`new X.catch` would mean something else).
  if (node.type === AST_NODE_TYPES.NewExpression && text.endsWith(')')) return text;
  return `(${text})`;
}

/** The text of `node`, in parentheses when it could not stand as the operand of a prefix operator such as `await`. */
export function prefixOperandText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): string {
  if (
    node.type === AST_NODE_TYPES.AwaitExpression ||
    node.type === AST_NODE_TYPES.UnaryExpression ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.ObjectExpression
  ) {
    return sourceCode.getText(node);
  }
  return operandText(sourceCode, node);
}
