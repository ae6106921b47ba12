// Whether a declaration is one of its module's exports, under its own name or through an `export { x as y }`.
import ts from 'typescript';

/** True when the declaration named `name` is among the exports of the module it is declared in. */
export function isExportedName(checker: ts.TypeChecker, name: ts.Identifier): boolean {
  const symbol = checker.getSymbolAtLocation(name);
  const moduleSymbol = checker.getSymbolAtLocation(name.getSourceFile());
  if (!symbol || !moduleSymbol) return false;
  return checker
    .getExportsOfModule(moduleSymbol)
    .some(
      (exported) =>
        exported === symbol ||
        (exported.flags & ts.SymbolFlags.Alias && checker.getAliasedSymbol(exported) === symbol),
    );
}
