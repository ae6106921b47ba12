// Whether a function written in place runs before the expression around it finishes: the callbacks of array
// methods (`xs.map(p => …)`), a `new Promise` executor, and a function called where it is written. Code in such a
// callback belongs to the enclosing function's synchronous run; code in other callbacks runs later, if at all.
import ts from 'typescript';

import { resolveCalleeNode } from './resolve-callee';

/** Interfaces of the standard library whose methods call their callbacks before returning. */
const SYNC_CALLBACK_OWNERS = new Set([
  'Array',
  'ReadonlyArray',
  'ArrayConstructor',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'Map',
  'ReadonlyMap',
  'MapConstructor',
  'Set',
  'ReadonlySet',
  'ObjectConstructor',
  'String',
]);

const SYNC_CALLBACK_METHODS = new Set([
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'from',
  'groupBy',
  'map',
  'reduce',
  'reduceRight',
  'replace',
  'replaceAll',
  'some',
  'sort',
  'toSorted',
]);

export type InlineFunction = ts.ArrowFunction | ts.FunctionExpression;

/**
 * True when `fn` runs during the evaluation of the expression it is written in: it is called in place (an IIFE),
 * passed to a standard-library method that calls it before returning, or is the executor of `new Promise`.
 * Callbacks passed to the project's own functions count as deferred, since nothing tells when those call them.
 */
export function runsDuringEnclosingCall(program: ts.Program, fn: InlineFunction): boolean {
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.expression === node) return true;
  if (!ts.isCallExpression(parent) && !ts.isNewExpression(parent)) return false;
  const argumentIndex = parent.arguments?.indexOf(node as ts.Expression) ?? -1;
  if (argumentIndex < 0) return false;
  const callee = resolveCalleeNode(program, parent);
  if (!callee || callee.origin !== 'global') return false;
  if (ts.isNewExpression(parent)) return callee.name === 'Promise' && argumentIndex === 0;
  return (
    callee.container !== undefined &&
    SYNC_CALLBACK_OWNERS.has(callee.container) &&
    SYNC_CALLBACK_METHODS.has(callee.name)
  );
}

export function isInlineFunction(node: ts.Node): node is InlineFunction {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}
