// Names a module exports by a separate statement (`export { task }`, `export default task`), not at their declaration.
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';

/** `export { task }` reads nothing, but the importer may; such variables are consumed elsewhere. */
export function isExportedByName(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  return (
    sourceCode.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
        statement.source === null &&
        statement.specifiers.some(
          (specifier) =>
            specifier.local.type === AST_NODE_TYPES.Identifier && specifier.local.name === name,
        ),
    ) ||
    sourceCode.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ExportDefaultDeclaration &&
        statement.declaration.type === AST_NODE_TYPES.Identifier &&
        statement.declaration.name === name,
    )
  );
}
