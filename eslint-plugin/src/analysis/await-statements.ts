// Statements that await one operand, `await x;` or `const|let|var binding = await x;`: the unit that
// `prefer-concurrent-awaits` groups and `no-unhandled-task-rejection` awaits together, and whether code elsewhere can
// read such a statement's binding before the awaits around it have settled.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type DeclarationKind = 'const' | 'let' | 'var';

/** `await x;` or `const|let|var binding = await x;`: one statement that awaits one operand. */
export interface AwaitStatement {
  statement: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration;
  kind: DeclarationKind | undefined;
  binding: TSESTree.Identifier | TSESTree.ObjectPattern | TSESTree.ArrayPattern | undefined;
  awaitNode: TSESTree.AwaitExpression;
  /** What is awaited (`awaitNode.argument`). */
  operand: TSESTree.Expression;
}

/** The await statement `statement` is, if it is one (a declaration has one declarator and is not `declare`). */
export function awaitStatementAt(statement: TSESTree.Node): AwaitStatement | undefined {
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    const expression = statement.expression;
    if (expression.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
    return {
      statement,
      kind: undefined,
      binding: undefined,
      awaitNode: expression,
      operand: expression.argument,
    };
  }
  if (
    statement.type !== AST_NODE_TYPES.VariableDeclaration ||
    statement.declarations.length !== 1 ||
    statement.declare
  ) {
    return undefined;
  }
  const { kind } = statement;
  if (kind !== 'const' && kind !== 'let' && kind !== 'var') return undefined;
  const [declarator] = statement.declarations;
  const init = declarator?.init;
  if (!declarator || init?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const binding = declarator.id;
  if (
    binding.type !== AST_NODE_TYPES.Identifier &&
    binding.type !== AST_NODE_TYPES.ObjectPattern &&
    binding.type !== AST_NODE_TYPES.ArrayPattern
  ) {
    return undefined;
  }
  return { statement, kind, binding, awaitNode: init, operand: init.argument };
}

/** The await statement whose await is `awaitNode`, when the await is the whole statement or declaration. */
export function awaitStatementOf(awaitNode: TSESTree.AwaitExpression): AwaitStatement | undefined {
  const holder = awaitNode.parent;
  const statement =
    holder.type === AST_NODE_TYPES.ExpressionStatement
      ? holder
      : holder.type === AST_NODE_TYPES.VariableDeclarator
        ? holder.parent
        : undefined;
  if (!statement) return undefined;
  const found = awaitStatementAt(statement);
  return found?.awaitNode === awaitNode ? found : undefined;
}

/**
 * True when code other than the member's own statement can see its binding before every task of the group has
 * settled: a reference before `before` (a closure created earlier), or one in a function declaration under `within`
 * (hoisted, so it may have been handed out already). After the rewrite, the binding is set only once all settle.
 */
export function isBindingObservable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  member: AwaitStatement,
  before: number,
  within: TSESTree.Node,
): boolean {
  if (member.statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return sourceCode.getDeclaredVariables(member.statement.declarations[0]).some((variable) =>
    variable.references.some((reference) => {
      if (reference.init) return false;
      if (reference.identifier.range[0] < before) return true;
      for (
        let node: TSESTree.Node | undefined = reference.identifier.parent;
        node && node !== within;
        node = node.parent
      ) {
        if (node.type === AST_NODE_TYPES.FunctionDeclaration) return true;
      }
      return false;
    }),
  );
}
