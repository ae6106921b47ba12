// What blocks the event loop during a function's synchronous run: a call of the blocking catalogue
// (`blocking-calls.ts`) or a busy wait (`busy-wait.ts`), in the function's body, in callbacks that run before it
// returns, or in the sync helpers it calls, however deep (within a limit). Asked as a query of the call graph.
import ts from 'typescript';

import { loopHeadEnd } from '../util/heads';
import { relatedLocationOf } from '../util/related-locations';
import {
  type AllowedCall,
  type BlockingCall,
  type ConfiguredBlockingCall,
  isAllowedCall,
  isOneEntryCall,
  matchBlockingCall,
} from './blocking-calls';
import { type BusyWait, busyWaitOf } from './busy-wait';
import { callSteps, type ChainStep } from './call-chains';
import { calleeDisplayName, type CallSite, type Reach, type ReachQuery } from './call-graph';

/** What blocks, as the call-graph search reports it. */
export type Blocking = { kind: 'call'; call: BlockingCall } | { kind: 'busy-wait'; wait: BusyWait };

export interface BlockingOptions {
  /** Calls the user adds to the catalogue. */
  configured: readonly ConfiguredBlockingCall[];
  /** Calls the user allows to block. */
  allowed: readonly AllowedCall[];
  /** How many sync helpers deep to follow calls (default 5). */
  maxDepth: number | undefined;
}

/**
 * The query that finds blocking code. An async helper's own blocking calls are reported inside it, and a
 * generator's body runs only when iterated, so the search enters neither; nor an allowed helper.
 */
export function createBlockingQuery(
  program: ts.Program,
  { configured, allowed, maxDepth }: BlockingOptions,
): ReachQuery<Blocking> {
  return {
    key: `no-blocking-in-async ${JSON.stringify([configured, allowed, maxDepth])}`,
    contexts: ['body', 'sync-callback'],
    maxDepth: maxDepth ?? 5,
    match(site) {
      if (site.kind === 'loop') {
        const wait = busyWaitOf(program, site.node);
        return wait ? { kind: 'busy-wait', wait } : undefined;
      }
      const call = site.callee && matchBlockingCall(site.callee, configured, allowed);
      return call ? { kind: 'call', call } : undefined;
    },
    follow: (target, site) =>
      !target.isAsync &&
      !target.isGenerator &&
      !(site.callee && isAllowedCall(site.callee, allowed)),
  };
}

/** True when a call runs once each time its function runs: in its body, outside loops and callbacks. */
export function runsOnceInItsFunction(site: CallSite): boolean {
  if (site.context !== 'body') return false;
  for (let node: ts.Node = site.node; node.parent; node = node.parent) {
    if (ts.isFunctionLike(node.parent)) return true;
    if (repeatsWithLoop(node, node.parent)) return false;
  }
  return true;
}

/** True when `node` runs in a loop of `fn` (its own, not one of a function inside it). */
export function isInLoop(node: ts.Node, fn: ts.Node): boolean {
  for (let current = node; current.parent && current.parent !== fn; current = current.parent) {
    if (repeatsWithLoop(current, current.parent)) return true;
  }
  return false;
}

/**
 * True when `child` of `parent` runs on every turn of the loop `parent`: not the iterated expression of a
 * `for…of` or `for…in` (`for (const name of readdirSync(dir))` lists the folder once) or a `for` loop's initializer.
 */
function repeatsWithLoop(child: ts.Node, parent: ts.Node): boolean {
  if (!ts.isIterationStatement(parent, false)) return false;
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && child === parent.expression)
    return false;
  return !(ts.isForStatement(parent) && child === parent.initializer);
}

/** Where the rule leaves a file-system call of one entry unreported (see its `checkOneOffFileSystem`). */
export interface OneOffPolicy {
  /** The async function's own call `site` runs once per run of the function (outside loops, not per request). */
  runsOncePerRun(site: CallSite): boolean;
  /** The blocking `call` runs only on a miss of a cache that outlives it (`cached-results.ts`). */
  runsOncePerCacheKey(call: ts.Node): boolean;
}

/**
 * A file-system call of one entry made once: reached once per run of the async function, through calls made once,
 * outside loops; or, however often its caller runs, only to fill a cache.
 */
export function isOneOffFileSystemCall(
  reach: Reach<Blocking>,
  site: CallSite,
  policy: OneOffPolicy,
): boolean {
  if (reach.finding.kind !== 'call' || reach.site.kind !== 'call') return false;
  if (!isOneEntryCall(reach.finding.call, reach.site.node)) return false;
  if (policy.runsOncePerCacheKey(reach.site.node)) return true;
  return policy.runsOncePerRun(site) && [...reach.path, reach.site].every(runsOnceInItsFunction);
}

/** One step per function of the chain: what it calls next, or the blocking call or loop at its end. */
export function chainSteps(helperName: string, reach: Reach<Blocking>): ChainStep[] {
  const steps = callSteps(reach.path, `'${helperName}'`, (name) => `'${name}'`);
  const last = reach.path.at(-1);
  const caller = last ? calleeDisplayName(last) : helperName;
  const { finding } = reach;
  if (finding.kind === 'call') {
    const name = finding.call.displayName;
    const callNode = (reach.site as CallSite).node.expression;
    steps.push({
      text: `calls '${name}'`,
      location: relatedLocationOf(
        callNode,
        `'${caller}' calls '${name}' here, which blocks the event loop`,
      ),
    });
  } else {
    const loop = finding.wait.loop;
    steps.push({
      text: 'busy-waits on the clock',
      location: relatedLocationOf(
        loop,
        `'${caller}' busy-waits on the clock here`,
        loopHeadEnd(loop),
      ),
    });
  }
  return steps;
}
