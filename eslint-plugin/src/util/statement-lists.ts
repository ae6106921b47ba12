// Nodes that hold a list of statements run in order (blocks, a module, a static block, a `case`), and their lists.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type StatementList =
  TSESTree.BlockStatement | TSESTree.Program | TSESTree.StaticBlock | TSESTree.SwitchCase;

export function isStatementList(node: TSESTree.Node | undefined): node is StatementList {
  return (
    node?.type === AST_NODE_TYPES.BlockStatement ||
    node?.type === AST_NODE_TYPES.Program ||
    node?.type === AST_NODE_TYPES.StaticBlock ||
    node?.type === AST_NODE_TYPES.SwitchCase
  );
}

export function statementsOf(list: StatementList): readonly TSESTree.Node[] {
  return list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body;
}
