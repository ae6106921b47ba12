// Which packages the program's own files import or require, read from their syntax trees (never the file system),
// with the exports each package has as the program resolves it. A rewrite uses a package only when the project does.
import ts from 'typescript';

import { isRequireCall } from './module-system';

export interface PackageUse {
  /** Export names of the package as the program resolves it. */
  exports: ReadonlySet<string>;
}

const packageUses = new WeakMap<ts.Program, Map<string, PackageUse | null>>();

/**
 * How the program uses `packageName`: `undefined` when no source file of the project imports or requires it.
 * Read from the program's syntax trees, not the file system, and cached per program.
 */
export function programPackageUse(
  program: ts.Program,
  packageName: string,
): PackageUse | undefined {
  let byName = packageUses.get(program);
  if (!byName) {
    byName = new Map();
    packageUses.set(program, byName);
  }
  const known = byName.get(packageName);
  if (known !== undefined) return known ?? undefined;
  const use = findPackageUse(program, packageName);
  byName.set(packageName, use ?? null);
  return use;
}

function findPackageUse(program: ts.Program, packageName: string): PackageUse | undefined {
  for (const sourceFile of program.getSourceFiles()) {
    if (
      sourceFile.isDeclarationFile ||
      program.isSourceFileFromExternalLibrary(sourceFile) ||
      sourceFile.fileName.includes('/node_modules/')
    )
      continue;
    const specifier = moduleSpecifiersOf(sourceFile).get(packageName);
    if (!specifier) continue;
    const checker = program.getTypeChecker();
    const symbol = checker.getSymbolAtLocation(specifier);
    const exports = symbol
      ? checker.getExportsOfModule(symbol).map((exported) => exported.getName())
      : [];
    return { exports: new Set(exports) };
  }
  return undefined;
}

const fileSpecifiers = new WeakMap<ts.SourceFile, ReadonlyMap<string, ts.StringLiteralLike>>();

/**
 * The modules a file's top-level statements import or require, each with its first specifier. Syntax only, so it is
 * kept per syntax tree: the language server's programs share the trees of unchanged files, and a changed file gets
 * a new tree.
 */
function moduleSpecifiersOf(sourceFile: ts.SourceFile): ReadonlyMap<string, ts.StringLiteralLike> {
  let specifiers = fileSpecifiers.get(sourceFile);
  if (!specifiers) {
    const found = new Map<string, ts.StringLiteralLike>();
    for (const statement of sourceFile.statements) {
      const specifier = moduleSpecifierOf(statement);
      if (specifier && !found.has(specifier.text)) found.set(specifier.text, specifier);
    }
    specifiers = found;
    fileSpecifiers.set(sourceFile, specifiers);
  }
  return specifiers;
}

function moduleSpecifierOf(statement: ts.Statement): ts.StringLiteralLike | undefined {
  if (
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
    statement.moduleSpecifier &&
    ts.isStringLiteralLike(statement.moduleSpecifier)
  ) {
    return statement.moduleSpecifier;
  }
  if (
    ts.isImportEqualsDeclaration(statement) &&
    ts.isExternalModuleReference(statement.moduleReference)
  ) {
    const expression = statement.moduleReference.expression;
    return ts.isStringLiteralLike(expression) ? expression : undefined;
  }
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      let initializer = declaration.initializer;
      if (!initializer || !isRequireCall(initializer)) continue;
      while (ts.isPropertyAccessExpression(initializer)) initializer = initializer.expression;
      const [argument] = (initializer as ts.CallExpression).arguments;
      if (argument && ts.isStringLiteralLike(argument)) return argument;
    }
  }
  return undefined;
}
