// Walking an ESTree subtree with the parser's visitor keys, for analyses that look inside a function body.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from './enclosing-function';

/**
 * Calls `enter` on `root` and every node below it, depth first. Returning `false` from `enter` skips that node's
 * children. Keys are taken from `sourceCode.visitorKeys`, so TypeScript-only nodes are visited too.
 */
export function traverse(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  enter: (node: TSESTree.Node) => boolean | void,
): void {
  const keys = sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    const childKeys = keys[node.type] ?? [];
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[childKeys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child: unknown = value[i];
          if (isNode(child)) stack.push(child);
        }
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** True when some node below `root` satisfies `test`; nested functions are entered only when `intoFunctions` says so. */
export function containsNode(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  test: (node: TSESTree.Node) => boolean,
  intoFunctions: (fn: TSESTree.Node) => boolean = () => false,
): boolean {
  let found = false;
  traverse(sourceCode, root, (node) => {
    if (found) return false;
    if (node !== root && test(node)) {
      found = true;
      return false;
    }
    if (node !== root && isFunctionNode(node) && !intoFunctions(node)) return false;
    return true;
  });
  return found;
}
