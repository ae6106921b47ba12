// Calls that run work under a concurrency limit: p-limit's `limit(() => …)`, p-queue's `queue.add(…)`, Bottleneck's
// `schedule`/`wrap` (and the functions `wrap` returns), identified by where their signatures are declared, plus the
// project's own limiters, named by the user: a call whose function arguments run under the limit
// (`withSlot(() => fetch(url))`), or an acquire that limits the rest of its function (`await semaphore.acquire()`).
import ts from 'typescript';

import {
  resolveCalleeNode,
  resolveCallSignatureNode,
  signatureOriginOf,
  writtenName,
} from './resolve-callee';
import { isInlineFunction } from './sync-callbacks';

/** Packages whose functions and methods run the work given to them under a concurrency limit. */
export const LIMITER_MODULES: ReadonlySet<string> = new Set(['p-limit', 'p-queue', 'bottleneck']);

/**
 * What a limiter call limits: the functions passed to it (`limit(() => task())`), or, for a configured limiter
 * called without a function (`await semaphore.acquire()`), everything its function does after it.
 */
export type LimiterForm = 'arguments' | 'rest-of-function';

const answers = new WeakMap<ts.Program, Map<string, Map<ts.Node, LimiterForm | null>>>();

/**
 * How `call` limits concurrency, or `undefined` when it is no limiter. `configured` lists the project's own
 * limiters by name (`withSlot`) or by container and name (`Semaphore.acquire`).
 */
export function limiterFormOf(
  program: ts.Program,
  call: ts.CallExpression | ts.NewExpression,
  configured: readonly string[],
): LimiterForm | undefined {
  let byKey = answers.get(program);
  if (!byKey) {
    byKey = new Map();
    answers.set(program, byKey);
  }
  const key = configured.join('\0');
  let byNode = byKey.get(key);
  if (!byNode) {
    byNode = new Map();
    byKey.set(key, byNode);
  }
  const known = byNode.get(call);
  if (known !== undefined) return known ?? undefined;
  const form = computeLimiterForm(program, call, configured);
  byNode.set(call, form ?? null);
  return form;
}

function computeLimiterForm(
  program: ts.Program,
  call: ts.CallExpression | ts.NewExpression,
  configured: readonly string[],
): LimiterForm | undefined {
  if (ts.isCallExpression(call)) {
    const signature = resolveCallSignatureNode(program, call);
    if (signature?.module !== undefined && LIMITER_MODULES.has(signature.module))
      return 'arguments';
  }
  if (configured.length === 0) return undefined;
  const callee = resolveCalleeNode(program, call);
  const names = new Set<string>();
  const written = writtenName(call.expression);
  if (written) names.add(written);
  if (callee) {
    names.add(callee.name);
    if (callee.container) names.add(`${callee.container}.${callee.name}`);
  }
  if (!configured.some((name) => names.has(name))) return undefined;
  const checker = program.getTypeChecker();
  const takesFunction = (call.arguments ?? []).some(
    (argument) =>
      isInlineFunction(argument) ||
      checker.getTypeAtLocation(argument).getCallSignatures().length > 0,
  );
  return takesFunction ? 'arguments' : 'rest-of-function';
}

/**
 * True when calling the function value `expression` runs it under a limiter: a function made by one
 * (`limiter.wrap(fetchUrl)`, p-limit's `limitFunction(fn, …)`), passed along by reference.
 */
export function isLimitedFunctionValue(program: ts.Program, expression: ts.Expression): boolean {
  const origin = signatureOriginOf(program, program.getTypeChecker().getTypeAtLocation(expression));
  return origin?.module !== undefined && LIMITER_MODULES.has(origin.module);
}

/**
 * True when `node`, inside `root`, runs under a limiter: inside a function passed to a limiter call
 * (`limit(() => fetch(url))`), or after a configured acquire in the same function (`await sem.acquire(); …`).
 */
export function runsUnderLimiter(
  program: ts.Program,
  node: ts.Node,
  root: ts.Node,
  configured: readonly string[],
): boolean {
  let child: ts.Node = node;
  for (let parent = node.parent; parent && child !== root; child = parent, parent = parent.parent) {
    if (
      (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
      isInlineFunction(child) &&
      parent.arguments?.includes(child)
    ) {
      if (limiterFormOf(program, parent, configured) === 'arguments') return true;
    }
    if (configured.length > 0 && (ts.isBlock(parent) || ts.isSourceFile(parent))) {
      const statementIndex = parent.statements.indexOf(child as ts.Statement);
      if (
        statementIndex > 0 &&
        parent.statements
          .slice(0, statementIndex)
          .some((statement) => acquires(program, statement, configured))
      )
        return true;
    }
  }
  return false;
}

/** True when `statement` calls a configured acquire-style limiter outside nested functions. */
function acquires(
  program: ts.Program,
  statement: ts.Statement,
  configured: readonly string[],
): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (
      (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
      limiterFormOf(program, node, configured) === 'rest-of-function'
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}
