// Writing a type the checker computed as source text at a place in a file, for fixes that must spell out a type the
// code left to inference (a tuple annotation that gains elements whose bindings had none). Only a type whose every
// name resolves at that place is written; otherwise there is no text, and the fix is not offered.
import ts from 'typescript';

const BUILDER_FLAGS =
  ts.NodeBuilderFlags.NoTruncation |
  ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope |
  ts.NodeBuilderFlags.IgnoreErrors;
const FORMAT_FLAGS =
  ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

/** `type` as it would be written at `at`, or `undefined` when it cannot be written there by name. */
export function typeTextAt(
  checker: ts.TypeChecker,
  type: ts.Type,
  at: ts.Node,
): string | undefined {
  const node = checker.typeToTypeNode(type, at, BUILDER_FLAGS);
  if (!node || !namesResolve(checker, node, at)) return undefined;
  return checker.typeToString(type, at, FORMAT_FLAGS);
}

function namesResolve(checker: ts.TypeChecker, root: ts.Node, at: ts.Node): boolean {
  let resolves = true;
  const visit = (node: ts.Node): void => {
    if (!resolves) return;
    if (ts.isImportTypeNode(node) || node.kind === ts.SyntaxKind.UniqueKeyword) {
      resolves = false;
      return;
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = leftmost(node.typeName);
      resolves =
        checker.resolveName(
          name,
          at,
          ts.SymbolFlags.Type | ts.SymbolFlags.Namespace | ts.SymbolFlags.Alias,
          false,
        ) !== undefined;
    } else if (ts.isTypeQueryNode(node)) {
      resolves =
        checker.resolveName(
          leftmost(node.exprName),
          at,
          ts.SymbolFlags.Value | ts.SymbolFlags.Alias,
          false,
        ) !== undefined;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return resolves;
}

function leftmost(name: ts.EntityName): string {
  let current = name;
  while (ts.isQualifiedName(current)) current = current.left;
  return ts.idText(current);
}
