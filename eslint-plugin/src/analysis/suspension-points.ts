// The places where a function gives up control to the event loop (`await`, `for await`, and `yield` in an async
// generator), in source order, so that a rule can ask "does this function suspend between these two places?".
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode } from '../util/enclosing-function';
import { traverse } from '../util/traverse';

export interface SuspensionPoint {
  /** The `await` or `yield` expression, or the `for await` statement. */
  node: TSESTree.AwaitExpression | TSESTree.YieldExpression | TSESTree.ForOfStatement;
  /** Where the suspension's own code starts: code before this offset ran before it. */
  start: number;
  /**
   * The offset at which the function suspends: the end of the awaited operand (for `for await`, of the iterated
   * expression). Code that ends before it has run when the function is waiting here.
   */
  suspendsAt: number;
}

// Per lint: a host may hand the next version of a file the same node objects at new offsets.
const caches = new WeakMap<object, WeakMap<TSESTree.Node, SuspensionPoint[]>>();

/**
 * The suspension points of `owner`'s own body (nested functions suspend only themselves), sorted by `suspendsAt`.
 * A `Program` owner gives the top-level awaits of a module.
 */
export function suspensionPoints(
  sourceCode: Readonly<TSESLint.SourceCode>,
  owner: FunctionNode | TSESTree.Program,
): readonly SuspensionPoint[] {
  let cache = caches.get(sourceCode);
  if (!cache) {
    cache = new WeakMap();
    caches.set(sourceCode, cache);
  }
  const cached = cache.get(owner);
  if (cached) return cached;
  const points: SuspensionPoint[] = [];
  const asyncGenerator = owner.type !== AST_NODE_TYPES.Program && owner.async && owner.generator;
  traverse(sourceCode, owner, (node) => {
    if (node !== owner && isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      points.push({ node, start: node.range[0], suspendsAt: node.range[1] });
    } else if (node.type === AST_NODE_TYPES.YieldExpression && asyncGenerator) {
      points.push({ node, start: node.range[0], suspendsAt: node.range[1] });
    } else if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) {
      points.push({ node, start: node.range[0], suspendsAt: node.right.range[1] });
    }
    return true;
  });
  points.sort((a, b) => a.suspendsAt - b.suspendsAt);
  cache.set(owner, points);
  return points;
}

/** The first point at which `owner` suspends after `from` and before the code at `to` runs. */
export function firstSuspensionBetween(
  points: readonly SuspensionPoint[],
  from: number,
  to: number,
): SuspensionPoint | undefined {
  return points.find((point) => point.start >= from && point.suspendsAt <= to);
}

/** A short text naming a suspension point in a message: `await loadUser(id)`, `for await (… of lines)`. */
export function describeSuspension(
  sourceCode: Readonly<TSESLint.SourceCode>,
  point: SuspensionPoint,
): string {
  const text =
    point.node.type === AST_NODE_TYPES.ForOfStatement
      ? `for await (… of ${sourceCode.getText(point.node.right)})`
      : sourceCode.getText(point.node);
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}
