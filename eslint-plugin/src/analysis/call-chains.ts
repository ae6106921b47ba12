// A path through the call graph told in a message and shown as related locations: one step per call, `calls
// 'getJson' (line 3)`, then `calls 'fetch' (api.ts:40)`, each step a place an editor or a SARIF viewer can show.
import type { TSESLint } from '@typescript-eslint/utils';

import {
  describeLocation,
  type RelatedLocation,
  relatedLocationOf,
} from '../util/related-locations';
import { calleeDisplayName, type CallSite } from './call-graph';

export interface ChainStep {
  /** `calls 'getJson'`. */
  text: string;
  location: RelatedLocation;
}

/**
 * One step per call of `path`, from the function it starts in (`caller`, as messages name it: `'loadAll'`, `each
 * task`): what each function calls next (its name written by `quote`), at the place where it calls it.
 */
export function callSteps(
  path: readonly CallSite[],
  caller: string,
  quote: (name: string) => string,
): ChainStep[] {
  const steps: ChainStep[] = [];
  let current = caller;
  for (const site of path) {
    const callee = calleeDisplayName(site);
    steps.push({
      text: `calls ${quote(callee)}`,
      location: relatedLocationOf(site.node.expression, `${current} calls '${callee}' here`),
    });
    current = `'${callee}'`;
  }
  return steps;
}

/** The steps as one phrase: `calls 'a' (line 3), which calls 'b' (lib.ts:9)`. */
export function describeSteps(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  steps: readonly ChainStep[],
): string {
  return steps
    .map((step) => `${step.text} (${describeLocation(context, step.location)})`)
    .join(', which ');
}
