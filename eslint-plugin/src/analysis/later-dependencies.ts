// Whether awaiting a promise where it is made could wait on code that runs later in the same function: the promise
// was made from objects that later code still uses (`page.goto(url); await page.click(...)`,
// `const done = once(emitter, 'done'); emitter.emit('done')`), so that later code may be what lets it settle.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from '../util/enclosing-function';
import { encloses } from '../util/ranges';
import { containsNode, traverse } from '../util/traverse';
import { variableOf } from '../util/variables';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * True when `statement`, which makes the promise `made`, shares an object with code that runs after it in the
 * same function (later statements, or the rest of an enclosing loop): a variable read in `made` other than a
 * function it calls directly, or `this`. Awaiting at `statement` could then wait for something that only that
 * later code does, so `await` is not the behaviour-keeping choice there.
 */
export function mayWaitOnLaterCode(
  sourceCode: SourceCode,
  statement: TSESTree.Node,
  made: TSESTree.Node,
): boolean {
  const scope = enclosingScopeNode(statement);
  const variables = new Set<TSESLint.Scope.Variable>();
  let readsThis = false;
  traverse(sourceCode, made, (node) => {
    if (
      node !== made &&
      isFunctionNode(node) &&
      node.type !== AST_NODE_TYPES.ArrowFunctionExpression
    )
      return false;
    if (node.type === AST_NODE_TYPES.ThisExpression) readsThis = true;
    if (node.type !== AST_NODE_TYPES.Identifier || isDirectCallee(node)) return true;
    const variable = variableOf(sourceCode, node);
    if (variable && variable.defs.length > 0) variables.add(variable);
    return true;
  });
  const loop = enclosingLoop(statement, scope);
  const method = calledMethodOf(made);
  const runsLater = (node: TSESTree.Node): boolean =>
    encloses(scope, node) &&
    !(method !== undefined && calledMethodOf(node.parent) === method) &&
    !encloses(statement, node) &&
    (node.range[0] >= statement.range[1] || (loop !== undefined && encloses(loop, node)));
  for (const variable of variables) {
    if (variable.references.some((reference) => runsLater(reference.identifier))) return true;
  }
  if (!readsThis) return false;
  return containsNode(
    sourceCode,
    scope,
    (node) => node.type === AST_NODE_TYPES.ThisExpression && runsLater(node),
    (fn) => fn.type === AST_NODE_TYPES.ArrowFunctionExpression,
  );
}

/**
 * `m` in `x.m(...)` when `node` is that member access or the call: making the same call again later (`db.save();
 * await db.save();`) is not what lets the first one settle.
 */
function calledMethodOf(node: TSESTree.Node | undefined): string | undefined {
  let member = node;
  if (member?.type === AST_NODE_TYPES.CallExpression) member = member.callee;
  if (
    member?.type !== AST_NODE_TYPES.MemberExpression ||
    member.computed ||
    member.property.type !== AST_NODE_TYPES.Identifier ||
    member.parent.type !== AST_NODE_TYPES.CallExpression ||
    member.parent.callee !== member
  )
    return undefined;
  return member.property.name;
}

/** `f` in `f(...)`: calling the same function again later shares nothing by itself. */
function isDirectCallee(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  return (
    (parent.type === AST_NODE_TYPES.CallExpression ||
      parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee === identifier
  );
}

function enclosingScopeNode(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node = node;
  while (current.parent) {
    current = current.parent;
    if (isFunctionNode(current)) return current;
  }
  return current;
}

function enclosingLoop(node: TSESTree.Node, scope: TSESTree.Node): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  for (let current = node.parent; current && current !== scope; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        found = current;
    }
  }
  return found;
}
