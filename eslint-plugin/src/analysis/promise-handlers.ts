// Recognising the callbacks a promise runs: calls that attach a rejection handler (`.catch(fn)`,
// `.then(onFulfilled, fn)`), and the reactions `.then`, `.catch` and `.finally` run once the promise settles.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { isPromiseLikeType } from './promise-types';

/**
 * True when `call` is `p.catch(handler)` or `p.then(a, handler)` with a handler that can actually run:
 * `.catch(undefined)` and `.then(f, null)` leave the rejection unhandled.
 */
export function isRejectionHandled(
  call: TSESTree.CallExpression,
  typeOf: (node: TSESTree.Node) => ts.Type,
): boolean {
  const { callee } = call;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier
  ) {
    return false;
  }
  const handlerIndex =
    callee.property.name === 'catch' ? 0 : callee.property.name === 'then' ? 1 : -1;
  if (handlerIndex < 0) return false;
  // After a spread (`.then(...args, onRejected)`) no argument's position is known.
  const before = call.arguments.slice(0, handlerIndex + 1);
  if (before.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const handler = call.arguments[handlerIndex];
  if (!handler || handler.type === AST_NODE_TYPES.SpreadElement) return false;
  return isCallable(typeOf(handler));
}

/**
 * A handler only handles if it is a function: `.then(f, undefined)` or `.then(f, maybe)` with
 * `maybe: string | (() => void)` passes the rejection on. A type the checker cannot tell (`any`, `unknown`) counts
 * as a function, as in plain JavaScript.
 */
function isCallable(type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  return tsutils
    .unionConstituents(type)
    .every(
      (part) =>
        !(part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) &&
        (part.getCallSignatures().length > 0 || isCallableConstraint(part)),
    );
}

/** A type parameter whose constraint is a function (`T extends () => void`). */
function isCallableConstraint(type: ts.Type): boolean {
  const constraint = type.isTypeParameter() ? type.getConstraint() : undefined;
  return constraint !== undefined && isCallable(constraint);
}

/** The argument positions of the callbacks each reaction method takes. */
const REACTIONS = new Map<string, readonly number[]>([
  ['then', [0, 1]],
  ['catch', [0]],
  ['finally', [0]],
]);

/**
 * The call that registers `fn` as a reaction of a promise or thenable (`load().then((data) => …)`, `.catch(fn)`,
 * `.finally(fn)`), or `undefined`. The reaction runs on the event loop once the promise settles: async code of its
 * own, like the rest of an async function after an `await`.
 */
export function reactionCallOf(
  program: ts.Program,
  fn: ts.ArrowFunction | ts.FunctionExpression,
): ts.CallExpression | undefined {
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression))
    return undefined;
  const positions = REACTIONS.get(call.expression.name.text);
  if (!positions?.some((position) => call.arguments[position] === node)) return undefined;
  const receiver = call.expression.expression;
  const checker = program.getTypeChecker();
  const context = { checker, program, checkThenables: true };
  return isPromiseLikeType(context, receiver, checker.getTypeAtLocation(receiver))
    ? call
    : undefined;
}
