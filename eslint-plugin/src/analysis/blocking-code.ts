// What blocks the event loop during a function's synchronous run: a call of the blocking catalogue
// (`blocking-calls.ts`) or a busy wait (`busy-wait.ts`), in the function's body, in callbacks that run before it
// returns, or in the sync helpers it calls, however deep (within a limit). Asked as a query of the call graph.
import type * as ts from 'typescript';

import {
  type AllowedCall,
  type BlockingCall,
  type ConfiguredBlockingCall,
  isAllowedCall,
  matchBlockingCall,
} from './blocking-calls';
import { type BusyWait, busyWaitOf } from './busy-wait';
import type { ReachQuery } from './call-graph';

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
