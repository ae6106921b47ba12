// What the tasks of a fan-out wait on outside the process: the network, the file system, child processes, a database
// or HTTP client (the catalogue in `module-catalog.ts`), or an asynchronous call whose body the analysis cannot see.
// A synchronous call it cannot read (a logger, `l10n.t`, `expect`, a method on `any`) is not I/O a limit would
// protect, so it does not count. Asked of the call graph (`call-graph.ts`) with every context and every project
// function followed; a catalogued call is preferred over an unseen one when both are reachable, so the message names
// the real I/O. Work run under a limiter does not count.
import ts from 'typescript';

import { relatedLocationOf } from '../util/related-locations';
import { skipTsWrappers } from '../util/wrappers';
import { callSteps, type ChainStep } from './call-chains';
import type { AnalyzableFunction, CallGraph, CallSite, Reach, ReachQuery } from './call-graph';
import { isLimitedFunctionValue, limiterFormOf, runsUnderLimiter } from './limiters';
import {
  DATABASE_PACKAGES,
  FILE_SYSTEM_MODULES,
  HTTP_CLIENT_PACKAGES,
  NETWORK_MODULES,
  NODE_MODULES,
  PROCESS_MODULES,
} from './module-catalog';
import { isPromiseLikeType } from './promise-types';
import { type ResolvedCallee, writtenName } from './resolve-callee';

export type EffectKind =
  'network' | 'file-system' | 'child-process' | 'database' | 'http-client' | 'unknown';

export interface Effect {
  kind: EffectKind;
  /** What the message says after the call and its place: `which uses the network`, `a database client ('pg')`. */
  description: string;
}

/** A finding of the task query: an external effect, or a call the depth limit kept the search from entering. */
export type TaskFinding = { kind: 'effect'; effect: Effect } | { kind: 'limited' };

export interface TaskQueryOptions {
  /** The project's own limiters, by name (see `limiters.ts`). */
  limiters: readonly string[];
  /** How many functions deep to follow calls, counting the task itself. */
  maxDepth: number;
}

/** Globals that talk to the network. */
const NETWORK_GLOBALS = new Set([
  'fetch',
  'WebSocket',
  'EventSource',
  'XMLHttpRequest',
  'sendBeacon',
]);

/** What calling `callee` does outside the process, or `undefined` when it stays in memory. */
export function effectOfCallee(callee: ResolvedCallee | undefined): Effect | undefined {
  if (!callee) return { kind: 'unknown', description: 'which the type checker cannot resolve' };
  const { module } = callee;
  switch (callee.origin) {
    case 'global':
      return NETWORK_GLOBALS.has(callee.name)
        ? { kind: 'network', description: 'which uses the network' }
        : undefined;
    case 'project':
      return { kind: 'unknown', description: 'whose body the analysis cannot see' };
    case 'module':
      if (module === undefined)
        return { kind: 'unknown', description: 'whose body the analysis cannot see' };
      if (NETWORK_MODULES.has(module))
        return { kind: 'network', description: `which uses the network ('node:${module}')` };
      if (FILE_SYSTEM_MODULES.has(module))
        return {
          kind: 'file-system',
          description: `which uses the file system ('node:${module}')`,
        };
      if (PROCESS_MODULES.has(module))
        return {
          kind: 'child-process',
          description: `which starts processes or threads ('node:${module}')`,
        };
      if (NODE_MODULES.has(module)) return undefined;
      if (DATABASE_PACKAGES.has(module))
        return { kind: 'database', description: `a database client ('${module}')` };
      if (HTTP_CLIENT_PACKAGES.has(module))
        return { kind: 'http-client', description: `an HTTP client ('${module}')` };
      return {
        kind: 'unknown',
        description: `from '${module}', whose effects the analysis cannot see`,
      };
  }
}

/** The query that finds what a task can reach outside the process; its answers are cached per program. */
export function createTaskQuery(
  program: ts.Program,
  options: TaskQueryOptions,
): ReachQuery<TaskFinding> {
  const checker = program.getTypeChecker();
  const typeContext = { checker, program, checkThenables: true };
  // An unseen call counts only when the task can wait on it: its result is a promise or thenable, or it is awaited
  // where its type is unknown (`await git.remoteTagExists(tag)` from a package without types).
  const waitsOn = (node: ts.CallExpression | ts.NewExpression): boolean => {
    if (!ts.isCallExpression(node)) return false;
    const type = checker.getTypeAtLocation(node);
    if (isPromiseLikeType(typeContext, node, type)) return true;
    return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 && isAwaited(node);
  };
  return {
    key: `task effects v3 ${JSON.stringify([options.limiters, options.maxDepth])}`,
    contexts: ['body', 'sync-callback', 'deferred'],
    maxDepth: options.maxDepth,
    match(site, summary) {
      if (site.kind !== 'call') return undefined;
      if (
        limiterFormOf(program, site.node, options.limiters) ||
        runsUnderLimiter(program, site.node, summary.fn, options.limiters)
      ) {
        return { kind: 'limited' };
      }
      // A project function, or an interface method with implementations in the project: the search reads them.
      if (site.target || site.implementations.length > 0) return undefined;
      const effect = effectOfCallee(site.callee);
      if (!effect || (effect.kind === 'unknown' && !waitsOn(site.node))) return undefined;
      return { kind: 'effect', effect };
    },
    follow: () => true,
    beyondDepth: () => ({
      kind: 'effect',
      effect: {
        kind: 'unknown',
        description: `which is deeper than the analysis follows (maxDepth ${options.maxDepth})`,
      },
    }),
  };
}

/** True when `node` is the operand of an `await`, through parentheses and type assertions. */
function isAwaited(node: ts.Expression): boolean {
  let current: ts.Node = node;
  while (
    ts.isParenthesizedExpression(current.parent) ||
    ts.isAsExpression(current.parent) ||
    ts.isNonNullExpression(current.parent) ||
    ts.isSatisfiesExpression(current.parent)
  )
    current = current.parent;
  return ts.isAwaitExpression(current.parent);
}

/** The nearest external effect a task reaches, with its chain; `undefined` when the task provably stays in memory. */
export interface TaskReach {
  effect: Effect;
  /** The calls from the task down to the call with the effect (the last one); empty when the task is that function. */
  chain: readonly CallSite[];
  /** For a task passed by reference (`urls.map(fetchJson)`): the reference and its name, the chain's first step. */
  reference?: { node: ts.Expression; name: string };
}

export type TaskRoot =
  /** A function run once per element (`async (url) => …`, `fetchUrl`, `limiter.wrap(fetchUrl)`). */
  | { kind: 'function'; node: ts.Expression }
  /** An expression evaluated once per element, whose promise is the task (`fetch(url)` pushed in a loop). */
  | { kind: 'promise'; node: ts.Expression };

/**
 * What each task of a fan-out reaches first outside the process; `limited` when its work runs under a limiter and
 * nothing of it reaches outside the process unlimited; `undefined` when it stays in memory.
 */
export function externalReachOf(
  graph: CallGraph,
  query: ReachQuery<TaskFinding>,
  root: TaskRoot,
  resolveFunction: (node: ts.Expression) => ResolvedCallee | undefined,
  readableFunction: (callee: ResolvedCallee | undefined) => AnalyzableFunction | undefined,
): TaskReach | 'limited' | undefined {
  const program = graph.program;
  const node = skipTsWrappers(root.node, ['parentheses', 'as', 'non-null', 'satisfies']);
  if (root.kind === 'promise') return firstEffect(graph.searchExpression(node, query));
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node))
    return firstEffect(graph.search(node, query));
  if (isLimitedFunctionValue(program, node)) return 'limited';
  if (ts.isCallExpression(node)) {
    // A function made by a call (`makeLoader(base)`): what the factory runs, the closures it returns included.
    return limiterFormOf(program, node, []) !== undefined
      ? 'limited'
      : firstEffect(graph.searchExpression(node, query));
  }
  const callee = resolveFunction(node);
  const reference = {
    node,
    name: writtenName(node) ?? callee?.name ?? node.getText(),
  };
  const target = readableFunction(callee);
  if (target) {
    const found = firstEffect(graph.search(target, query));
    return found && found !== 'limited' ? { ...found, reference } : found;
  }
  const effect = effectOfCallee(callee);
  if (!effect || (effect.kind === 'unknown' && !returnsPromise(program, node))) return undefined;
  return { effect, chain: [], reference };
}

/** Whether some call signature of the function value `node` returns a promise or thenable. */
function returnsPromise(program: ts.Program, node: ts.Expression): boolean {
  const checker = program.getTypeChecker();
  const context = { checker, program, checkThenables: true };
  return checker
    .getTypeAtLocation(node)
    .getCallSignatures()
    .some((signature) => isPromiseLikeType(context, node, signature.getReturnType()));
}

function firstEffect(reaches: readonly Reach<TaskFinding>[]): TaskReach | 'limited' | undefined {
  const effects = reaches.filter(
    (reach) => reach.finding.kind === 'effect' && reach.site.kind === 'call',
  );
  // The nearest catalogued I/O call, else the nearest unseen asynchronous call.
  const chosen =
    effects.find(
      (reach) => reach.finding.kind === 'effect' && reach.finding.effect.kind !== 'unknown',
    ) ?? effects[0];
  if (chosen && chosen.finding.kind === 'effect' && chosen.site.kind === 'call') {
    return { effect: chosen.finding.effect, chain: [...chosen.path, chosen.site] };
  }
  return reaches.some((reach) => reach.finding.kind === 'limited') ? 'limited' : undefined;
}

/**
 * True when a task can call `fn` again (a directory walk whose tasks walk the subdirectories): every task can start
 * the fan-out anew, so together they cover the whole structure walked, however small each level is.
 */
export function taskRestarts(
  graph: CallGraph,
  root: TaskRoot,
  fn: AnalyzableFunction,
  readableFunction: (node: ts.Expression) => AnalyzableFunction | undefined,
): boolean {
  const query: ReachQuery<true> = {
    key: `restarts ${fn.getSourceFile().fileName}:${fn.pos}`,
    contexts: ['body', 'sync-callback', 'deferred'],
    maxDepth: 4,
    match: (site) =>
      site.kind === 'call' && (site.target === fn || site.implementations.includes(fn))
        ? true
        : undefined,
    follow: () => true,
  };
  const node = skipTsWrappers(root.node, ['parentheses', 'as', 'non-null', 'satisfies']);
  const reference =
    root.kind === 'function' && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node)
      ? readableFunction(node)
      : undefined;
  if (reference === fn) return true;
  const found = reference ? graph.search(reference, query) : graph.searchExpression(node, query);
  return found.length > 0;
}

/** The reach of tasks the analysis cannot see (`async.parallel(tasks)` runs the collection's own functions). */
export function unseenTaskReach(node: ts.Expression): TaskReach {
  return {
    effect: { kind: 'unknown', description: 'whose body the analysis cannot see' },
    chain: [],
    reference: { node, name: node.getText() },
  };
}

/** One step per call from the task to the effect: `calls 'getJson' (line 3)`, then `calls 'fetch' (api.ts:40)`. */
export function reachSteps(reach: TaskReach): ChainStep[] {
  const steps: ChainStep[] = [];
  let caller = 'each task';
  if (reach.reference) {
    const name = reach.reference.name;
    steps.push({
      text: `calls \`${name}\``,
      location: relatedLocationOf(reach.reference.node, `each task calls '${name}'`),
    });
    caller = `'${name}'`;
  }
  return [...steps, ...callSteps(reach.chain, caller, (name) => `\`${name}\``)];
}
