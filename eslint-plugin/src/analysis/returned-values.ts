// Whether a promise is handed to the caller of the function that makes it: returned (`return p`, `return await p`, an
// arrow whose body is `p`), directly, through a promise made from it by one of its methods (`p.then(…)`, got's
// `p.json()`), a branch of a conditional, or a variable holding it or its awaited value that is returned. Then the
// caller decides how long to wait for it. A value made from the awaited result (`(await p).json()`) is not `p`.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { type FunctionNode, findEnclosingFunction } from '../util/enclosing-function';
import { isReassigned, variableOf } from '../util/variables';
import { isPromiseLikeType } from './promise-types';

/**
 * The function whose callers get `expression`'s value (or a promise of it), when that function is called by code of
 * the project: a function passed as an argument (`items.map(x => fetch(x))`, `retry(() => got(url))`) or called on
 * the spot is called by code that does not know what it returns, so a value returned from it counts as not handed on.
 */
export function functionReturning(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  expression: TSESTree.Expression,
): FunctionNode | undefined {
  const returning = returningFunction(sourceCode, services, expression, false, 0);
  return returning && !isCalledInPlace(returning) ? returning : undefined;
}

function returningFunction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  expression: TSESTree.Expression,
  awaited: boolean,
  depth: number,
): FunctionNode | undefined {
  let node: TSESTree.Node = expression;
  let isAwaited = awaited;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        node = parent;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
        isAwaited = true;
        node = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return undefined;
        node = parent;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.left === node && parent.operator !== '??') return undefined;
        node = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression: {
        // `x.then(…)`, `x.json()`: a call of a method of the value that gives a promise carries its outcome on.
        const call: TSESTree.Node | undefined = parent.parent;
        if (
          isAwaited ||
          parent.object !== node ||
          call?.type !== AST_NODE_TYPES.CallExpression ||
          call.callee !== parent ||
          !isPromiseLikeType(
            {
              checker: services.program.getTypeChecker(),
              program: services.program,
              checkThenables: true,
            },
            services.esTreeNodeToTSNodeMap.get(call),
            services.getTypeAtLocation(call),
          )
        )
          return undefined;
        node = call;
        continue;
      }
      case AST_NODE_TYPES.ReturnStatement: {
        const owner = findEnclosingFunction(parent);
        return typeof owner === 'string' ? undefined : owner;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === node ? parent : undefined;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node && depth < 4
          ? returnedVariableOwner(sourceCode, services, parent, isAwaited, depth)
          : undefined;
      default:
        return undefined;
    }
  }
}

/** The function that declares `declarator`'s variable and returns it, when it is never assigned again. */
function returnedVariableOwner(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  declarator: TSESTree.VariableDeclarator,
  awaited: boolean,
  depth: number,
): FunctionNode | undefined {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(sourceCode, declarator.id);
  if (!variable || isReassigned(variable)) return undefined;
  const owner = findEnclosingFunction(declarator);
  if (typeof owner === 'string') return undefined;
  for (const reference of variable.references) {
    if (reference.init || reference.identifier.type !== AST_NODE_TYPES.Identifier) continue;
    const returning = returningFunction(
      sourceCode,
      services,
      reference.identifier,
      awaited,
      depth + 1,
    );
    if (returning === owner) return owner;
  }
  return undefined;
}

/** True for a function passed as an argument, or called where it is written. */
function isCalledInPlace(fn: FunctionNode): boolean {
  let node: TSESTree.Node = fn;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      node.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  )
    node = node.parent;
  const { parent } = node;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression)
    return parent.callee === node || parent.arguments.includes(node as TSESTree.Expression);
  // A handler in JSX (`onClick={() => fetch(url)}`) is called by the framework.
  return parent.type === AST_NODE_TYPES.JSXExpressionContainer;
}
