// `xs.forEach(async (x) => …)` rewritten so that the callbacks are awaited: a `for…of` loop with `await` (the
// callbacks then run one after another), or `await Promise.all(xs.map(…))` (together, waiting for all).
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { canAwaitAt } from '../analysis/await-context';
import { containsNode } from '../util/traverse';
import { guardStatementStart, replaceStatement } from './asi';
import { operandText, prefixOperandText } from './parentheses';

export interface ForEachRewrite {
  kind: 'for-of' | 'promise-all-map';
  fix: TSESLint.ReportFixFunction;
}

/** The rewrites of a `forEach` call that stands as a statement where `await` is valid, over an array or tuple. */
export function forEachRewrites(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
  callback: TSESTree.Expression,
): ForEachRewrite[] {
  const statement = call.parent;
  const callee = call.callee;
  if (
    statement?.type !== AST_NODE_TYPES.ExpressionStatement ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.optional ||
    !canAwaitAt(statement, services)
  ) {
    return [];
  }
  const checker = services.program.getTypeChecker();
  const receiverType = checker.getApparentType(services.getTypeAtLocation(callee.object));
  if (!checker.isArrayType(receiverType) && !checker.isTupleType(receiverType)) return [];
  const receiver = operandText(sourceCode, callee.object);
  const rewrites: ForEachRewrite[] = [];
  const loop = call.arguments.length === 1 ? forOfText(sourceCode, receiver, callback) : undefined;
  if (loop !== undefined) {
    rewrites.push({
      kind: 'for-of',
      fix: (fixer) =>
        fixer.replaceText(statement, guardStatementStart(sourceCode, statement, loop)),
    });
  }
  const openParen = sourceCode.getTokenAfter(callee)!;
  const argumentsText = sourceCode.text.slice(openParen.range[1], call.range[1] - 1);
  rewrites.push({
    kind: 'promise-all-map',
    fix: (fixer) =>
      replaceStatement(
        sourceCode,
        fixer,
        statement,
        `await Promise.all(${receiver}.map(${argumentsText}))`,
      ),
  });
  return rewrites;
}

/**
 * `for (const x of xs) { body }` for a callback with one plain parameter, whose body neither returns (a
 * `return` would leave the loop) nor depends on its own `this`/`arguments`.
 */
function forOfText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  receiver: string,
  callback: TSESTree.Expression,
): string | undefined {
  if (
    callback.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    callback.type !== AST_NODE_TYPES.FunctionExpression
  ) {
    return undefined;
  }
  const [param] = callback.params;
  if (callback.params.length !== 1 || !param || callback.generator) return undefined;
  if (
    param.type !== AST_NODE_TYPES.Identifier &&
    param.type !== AST_NODE_TYPES.ObjectPattern &&
    param.type !== AST_NODE_TYPES.ArrayPattern
  ) {
    return undefined;
  }
  const body = callback.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    if (containsNode(sourceCode, body, (node) => node.type === AST_NODE_TYPES.ReturnStatement))
      return undefined;
  }
  if (
    callback.type === AST_NODE_TYPES.FunctionExpression &&
    containsNode(
      sourceCode,
      body,
      (node) =>
        node.type === AST_NODE_TYPES.ThisExpression ||
        (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments'),
      (fn) => fn.type === AST_NODE_TYPES.ArrowFunctionExpression,
    )
  ) {
    return undefined;
  }
  const binding = param.typeAnnotation
    ? sourceCode.text.slice(param.range[0], param.typeAnnotation.range[0]).trimEnd()
    : sourceCode.getText(param);
  const reassigned = sourceCode
    .getDeclaredVariables(callback)
    .some((variable) => variable.references.some((reference) => reference.isWrite()));
  const keyword = reassigned ? 'let' : 'const';
  const loopBody =
    body.type === AST_NODE_TYPES.BlockStatement
      ? sourceCode.getText(body)
      : `{ await ${prefixOperandText(sourceCode, body)}; }`;
  return `for (${keyword} ${binding} of ${receiver}) ${loopBody}`;
}
