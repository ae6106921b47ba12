// Comparing nodes by where they stand in the source.
import type { TSESTree } from '@typescript-eslint/utils';

/** True when `inner` lies within `outer` (or is it). */
export function encloses(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
