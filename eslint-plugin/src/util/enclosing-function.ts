// Finding the function a node runs in: the function whose own run executes it, or the module at the top level.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * Where `node` runs: the nearest enclosing function, `'module'` at the top level, or `'other'` for places that are
 * evaluated as their own hidden function (class field initializers, static blocks, parameter defaults), where
 * neither the outer function's `await` nor top-level `await` is valid.
 */
export function findEnclosingFunction(node: TSESTree.Node): FunctionNode | 'module' | 'other' {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      return current.params.includes(child as TSESTree.Parameter) ? 'other' : current;
    }
    if (
      current.type === AST_NODE_TYPES.StaticBlock ||
      ((current.type === AST_NODE_TYPES.PropertyDefinition ||
        current.type === AST_NODE_TYPES.AccessorProperty) &&
        current.value === child)
    ) {
      return 'other';
    }
  }
  return 'module';
}

/** The function, or the module, whose own run executes a node (see `findEnclosingFunction`). */
export type CodeOwner = FunctionNode | TSESTree.Program;

/** The function or module (`sourceCode.ast`) whose run executes `node`; none where it runs as its own hidden function. */
export function ownerOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): CodeOwner | undefined {
  const owner = findEnclosingFunction(node);
  if (owner === 'other') return undefined;
  return owner === 'module' ? sourceCode.ast : owner;
}
