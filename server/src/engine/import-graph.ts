// Who imports whom, read from the engine's TypeScript programs: the reverse of the import graph, so that a change
// to one file (an unsaved buffer or the disk) can re-lint every file whose types may depend on it, directly or
// through a chain of imports. Typed findings go stale otherwise: `b.ts` calls `load()` from `a.ts`, and `a.ts`
// making `load` async changes what is reported in `b.ts`.
import * as path from 'node:path';

import * as ts from 'typescript';

import { declaresAbstractMethods, proxyDeclaredType } from './file-reads';
import { normalizePath } from './file-names';

/**
 * The files a source file imports as resolved on disk, and the module names that found no file there; kept per
 * `SourceFile` object, which programs reuse while a file is unchanged.
 */
interface ResolvedImports {
  files: readonly string[];
  unresolved: ReadonlyArray<{ name: string; mode: ts.ResolutionMode }>;
}

let resolvedImportsCache = new WeakMap<ts.SourceFile, ResolvedImports>();

/**
 * `Program.getResolvedModule`, a member of every TypeScript from 5.5 to 6.0 that the API does not declare: how the
 * program itself resolved a module name, through the engine's host, which knows unsaved buffers.
 */
type WithResolvedModules = ts.Program & {
  getResolvedModule?(
    sourceFile: ts.SourceFile,
    moduleName: string,
    mode: ts.ResolutionMode,
  ): ts.ResolvedModuleWithFailedLookupLocations | undefined;
};

/**
 * Hands a file's new version the imports its previous one resolved to, for a caller that knows the edit between them
 * touched no module specifier (`region-reuse.ts`): finding them means reading the whole syntax tree again.
 */
export function carryResolvedImports(from: ts.SourceFile, to: ts.SourceFile): boolean {
  const known = resolvedImportsCache.get(from);
  if (known && !resolvedImportsCache.has(to)) resolvedImportsCache.set(to, known);
  return known !== undefined;
}

/** Forgets every resolved import, for when files were created or deleted (an import may now resolve elsewhere). */
export function forgetResolvedImports(): void {
  resolvedImportsCache = new WeakMap();
}

/**
 * The files among `candidates` that import one of `changed`, directly or transitively, in any of `programs`; when a
 * changed file declares globals (a script, or a module with `declare global`), every candidate of its program.
 * A changed file is not its own dependent unless an import cycle leads back to it (or it declares globals).
 */
export function findImporters(
  programs: Iterable<ts.Program>,
  changed: Iterable<string>,
  candidates: ReadonlySet<string>,
): Set<string> {
  const changedFiles = [...changed].map(normalizePath);
  const importers = new Map<string, Set<string>>();
  const reached = new Set<string>();
  // Files whose importers a change reaches without importing the changed file (see `readThrough`).
  const through = new Set<string>();
  for (const program of programs) {
    addReverseEdges(program, importers);
    for (const file of changedFiles)
      for (const declaring of readThrough(program, program.getSourceFile(file)))
        through.add(declaring);
    // A script or a `declare global` changes what every file of its program sees, with no import to follow.
    const affected = [...changedFiles, ...through];
    if (affected.some((file) => declaresGlobals(program.getSourceFile(file)))) {
      for (const sourceFile of program.getSourceFiles())
        reached.add(normalizePath(sourceFile.fileName));
    }
  }
  for (const file of through) if (!changedFiles.includes(file)) reached.add(file);
  const queue = [...changedFiles, ...through];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const importer of importers.get(file) ?? []) {
      if (reached.has(importer)) continue;
      reached.add(importer);
      queue.push(importer);
    }
  }
  return new Set([...reached].filter((file) => candidates.has(file)));
}

/**
 * The files declaring the types that code in `sourceFile` answers calls of without being imported by the callers:
 * the interfaces and classes with abstract methods its classes name in `implements` and `extends` (the rules follow
 * a call of an interface or abstract method into its implementations, and nothing else of a supertype into a
 * subclass), and the types its `new Proxy(…)` expressions are declared as (the
 * rules answer a call on such a type from the proxy's traps). A change of `sourceFile` reaches the importers of those
 * files too, as the lint cache's read tracing has it (`file-reads.ts`).
 */
function readThrough(program: ts.Program, sourceFile: ts.SourceFile | undefined): string[] {
  if (!sourceFile || sourceFile.isDeclarationFile) return [];
  const names: Array<{ name: ts.Node; supertype: boolean }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node))
      for (const clause of node.heritageClauses ?? [])
        for (const type of clause.types) names.push({ name: type.expression, supertype: true });
    const declared = proxyDeclaredType(node);
    if (declared && ts.isTypeReferenceNode(declared))
      names.push({ name: declared.typeName, supertype: false });
    ts.forEachChild(node, visit);
  };
  if (/\b(implements|extends)\b|Proxy\(/.test(sourceFile.text)) visit(sourceFile);
  if (names.length === 0) return [];
  const checker = program.getTypeChecker();
  const files = new Set<string>();
  for (const { name, supertype } of names) {
    let symbol = checker.getSymbolAtLocation(
      ts.isQualifiedName(name)
        ? name.right
        : ts.isPropertyAccessExpression(name)
          ? name.name
          : name,
    );
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const declaration of symbol?.declarations ?? []) {
      if (supertype && !(ts.isStatement(declaration) && declaresAbstractMethods(declaration)))
        continue;
      const declaringFile = declaration.getSourceFile();
      // Library types are never followed into implementations: only the project's own declarations count.
      if (
        !program.isSourceFileDefaultLibrary(declaringFile) &&
        !program.isSourceFileFromExternalLibrary(declaringFile)
      )
        files.add(normalizePath(declaringFile.fileName));
    }
  }
  return [...files];
}

function declaresGlobals(sourceFile: ts.SourceFile | undefined): boolean {
  if (!sourceFile) return false;
  if (!ts.isExternalModule(sourceFile)) return true;
  return sourceFile.statements.some(
    (statement) =>
      ts.isModuleDeclaration(statement) &&
      (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0,
  );
}

/**
 * The project files that import `file`, directly or transitively (`importers`), and those `file` imports so
 * (`imported`), by `program`'s import graph; libraries and `node_modules` are left out of both.
 */
export function importNeighbourhood(
  program: ts.Program,
  file: string,
): { importers: Set<string>; imported: Set<string> } {
  const reverse = new Map<string, Set<string>>();
  addReverseEdges(program, reverse);
  const walk = (next: (file: string) => Iterable<string>): Set<string> => {
    const reached = new Set<string>();
    const queue = [normalizePath(file)];
    for (let current = queue.pop(); current !== undefined; current = queue.pop())
      for (const neighbour of next(current))
        if (!reached.has(neighbour)) {
          reached.add(neighbour);
          queue.push(neighbour);
        }
    reached.delete(normalizePath(file));
    return reached;
  };
  const cache = ts.createModuleResolutionCache(
    program.getCurrentDirectory(),
    (name) => name,
    program.getCompilerOptions(),
  );
  return {
    importers: walk((current) => reverse.get(current) ?? []),
    imported: walk((current) => {
      const sourceFile = program.getSourceFile(current);
      if (
        !sourceFile ||
        program.isSourceFileDefaultLibrary(sourceFile) ||
        program.isSourceFileFromExternalLibrary(sourceFile)
      )
        return [];
      return resolvedImportsOf(program, sourceFile, cache);
    }),
  };
}

function addReverseEdges(program: ts.Program, importers: Map<string, Set<string>>): void {
  const resolutionCache = ts.createModuleResolutionCache(
    program.getCurrentDirectory(),
    (name) => name,
    program.getCompilerOptions(),
  );
  for (const sourceFile of program.getSourceFiles()) {
    if (
      program.isSourceFileDefaultLibrary(sourceFile) ||
      program.isSourceFileFromExternalLibrary(sourceFile)
    )
      continue;
    const importer = normalizePath(sourceFile.fileName);
    for (const imported of resolvedImportsOf(program, sourceFile, resolutionCache)) {
      let set = importers.get(imported);
      if (!set) importers.set(imported, (set = new Set()));
      set.add(importer);
    }
  }
}

function resolvedImportsOf(
  program: ts.Program,
  sourceFile: ts.SourceFile,
  cache: ts.ModuleResolutionCache,
): readonly string[] {
  const known = resolvedImportsCache.get(sourceFile) ?? resolveOnDisk(program, sourceFile, cache);
  if (known.unresolved.length === 0) return known.files;
  // A name that found no file on disk may name an unsaved buffer (a new file not saved yet): the program's own
  // resolution, which is a lookup, says.
  const files = new Set(known.files);
  for (const { name, mode } of known.unresolved) {
    const resolved = (program as WithResolvedModules).getResolvedModule?.(sourceFile, name, mode);
    const fileName = resolved?.resolvedModule?.resolvedFileName;
    if (fileName) files.add(normalizePath(fileName));
  }
  return [...files];
}

function resolveOnDisk(
  program: ts.Program,
  sourceFile: ts.SourceFile,
  cache: ts.ModuleResolutionCache,
): ResolvedImports {
  const options = program.getCompilerOptions();
  const resolved = new Set<string>();
  const unresolved: Array<{ name: string; mode: ts.ResolutionMode }> = [];
  for (const specifier of moduleSpecifiersOf(sourceFile)) {
    const mode = program.getModeForUsageLocation(sourceFile, specifier);
    const result = ts.resolveModuleName(
      specifier.text,
      sourceFile.fileName,
      options,
      ts.sys,
      cache,
      undefined,
      mode,
    );
    const fileName = result.resolvedModule?.resolvedFileName;
    if (fileName) resolved.add(normalizePath(fileName));
    else unresolved.push({ name: specifier.text, mode });
  }
  for (const reference of sourceFile.referencedFiles) {
    resolved.add(
      normalizePath(path.resolve(path.dirname(sourceFile.fileName), reference.fileName)),
    );
  }
  const imports = { files: [...resolved], unresolved };
  resolvedImportsCache.set(sourceFile, imports);
  return imports;
}

/**
 * The module names a file refers to: `import`/`export … from`, `import x = require()`, `require()` and `import()`
 * calls, and `import('…')` types.
 */
function moduleSpecifiersOf(sourceFile: ts.SourceFile): ts.StringLiteralLike[] {
  const specifiers: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteralLike(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteralLike(node.expression)) {
      specifiers.push(node.expression);
    } else if (
      ts.isCallExpression(node) &&
      isRequireOrImportCall(node) &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0]);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteralLike(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return specifiers;
}

function isRequireOrImportCall(node: ts.CallExpression): boolean {
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return (
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1
  );
}
