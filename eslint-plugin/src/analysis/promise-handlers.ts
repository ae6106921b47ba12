// Recognising calls that attach a rejection handler to a promise: `.catch(fn)` and `.then(onFulfilled, fn)`.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

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
  const nullish = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;
  return (typeOf(handler).flags & nullish) === 0;
}
