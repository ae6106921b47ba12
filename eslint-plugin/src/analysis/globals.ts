// The standard library's globals at a place in the code: whether a name there means the default library's value
// (`Promise`, not a project's own class of that name), and whether such a global has a member (`Promise.allSettled`,
// `AbortSignal.timeout`) in the libraries the program is compiled with.
import ts from 'typescript';

/** True when the value `name` means at `at` is declared by the default library, in each of its declarations. */
export function isStandardLibraryGlobal(program: ts.Program, name: string, at: ts.Node): boolean {
  const symbol = program.getTypeChecker().resolveName(name, at, ts.SymbolFlags.Value, false);
  const declarations = symbol?.getDeclarations() ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) =>
      program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
    )
  );
}

/** True when the identifier's value is one the default library declares (by its first declaration). */
export function isStandardLibraryValue(program: ts.Program, identifier: ts.Node): boolean {
  const symbol = program.getTypeChecker().getSymbolAtLocation(identifier);
  const declaration = symbol?.getDeclarations()?.[0];
  return (
    declaration !== undefined && program.isSourceFileDefaultLibrary(declaration.getSourceFile())
  );
}

/** True when the value `name` means at `at` has a property `member` (`AbortSignal.any` only in newer libraries). */
export function globalHasMember(
  checker: ts.TypeChecker,
  name: string,
  member: string,
  at: ts.Node,
): boolean {
  const symbol = checker.resolveName(name, at, ts.SymbolFlags.Value, false);
  return symbol !== undefined && checker.getTypeOfSymbol(symbol).getProperty(member) !== undefined;
}
