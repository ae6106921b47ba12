// Code that a cleanup waits for: the `try` block of a `try … finally`, and the statements after a `using`
// declaration. Run together with other work, a failure there reaches the cleanup while that work still runs (a
// connection closed, a lock released, a folder deleted under it).
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { CodeOwner } from '../util/enclosing-function';

/** True when `node` runs before a cleanup of `owner` that waits for it (see above). */
export function isOrderedByCleanup(node: TSESTree.Node, owner: CodeOwner): boolean {
  let child: TSESTree.Node = node;
  for (
    let parent = node.parent;
    parent && child !== owner;
    child = parent, parent = parent.parent
  ) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.finalizer)
      return true;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      const before = parent.body.slice(0, parent.body.indexOf(child as TSESTree.ProgramStatement));
      if (
        before.some(
          (statement) =>
            statement.type === AST_NODE_TYPES.VariableDeclaration &&
            (statement.kind === 'using' || statement.kind === 'await using'),
        )
      ) {
        return true;
      }
    }
    if (parent === owner) break;
  }
  return false;
}
