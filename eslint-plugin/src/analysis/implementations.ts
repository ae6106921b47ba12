// The project's implementations of a method declared without a body: `logger.log(…)` on a `Logger` interface runs
// the `log` of whichever class implements `Logger`, and `store.save(…)` on an abstract class runs its subclasses'.
// The classes of the program's own source files are indexed once per program by the interfaces and classes they
// name in `implements` and `extends`; a call is followed into each implementation, up to a few.
import ts from 'typescript';

import type { ResolvedCallee } from './resolve-callee';

/** More implementations than this say the call is a plug-in point: none is followed. */
const MAX_IMPLEMENTATIONS = 4;

type MethodWithBody = ts.MethodDeclaration & { body: ts.Block; parent: ts.ClassLikeDeclaration };

const indexes = new WeakMap<ts.Program, Map<ts.Symbol, ts.ClassLikeDeclaration[]>>();

/**
 * The project methods with bodies that a call of `callee` can run when `callee` is an interface method or an abstract
 * method of a project class; empty for anything else, and when there are more than a few.
 */
export function implementationsOf(
  program: ts.Program,
  callee: ResolvedCallee | undefined,
): MethodWithBody[] {
  if (!callee || callee.origin !== 'project') return [];
  const declaration = callee.declarations[0];
  if (!declaration || !isBodilessMethod(declaration)) return [];
  const owner = declaration.parent;
  if (!ts.isInterfaceDeclaration(owner) && !ts.isClassDeclaration(owner)) return [];
  return implementationsByName(program, owner, callee.name);
}

/**
 * The classes declaring the methods that calls of `owner`'s bodiless methods are followed into (`implementationsOf`
 * for each of them): what code reading `owner` can reach that nothing it reads names. The lint cache reads them.
 */
export function implementingClasses(
  program: ts.Program,
  owner: ts.InterfaceDeclaration | ts.ClassDeclaration,
): ts.ClassLikeDeclaration[] {
  const checker = program.getTypeChecker();
  const classes = new Set<ts.ClassLikeDeclaration>();
  for (const member of owner.members) {
    if (!isBodilessMethod(member) || !member.name) continue;
    // A call names the method as `resolve-callee.ts` does (an identifier's text, else its symbol's name); the
    // implementations match by the name as written. Each spelling is asked, so none is missed.
    const names = new Set([member.name.getText()]);
    const symbolName = checker.getSymbolAtLocation(member.name)?.getName();
    if (symbolName !== undefined) names.add(symbolName);
    for (const name of names)
      for (const method of implementationsByName(program, owner, name)) classes.add(method.parent);
  }
  return [...classes];
}

function implementationsByName(
  program: ts.Program,
  owner: ts.InterfaceDeclaration | ts.ClassDeclaration,
  name: string,
): MethodWithBody[] {
  const checker = program.getTypeChecker();
  const ownerSymbol = owner.name && checker.getSymbolAtLocation(owner.name);
  if (!ownerSymbol) return [];
  const index = indexOf(program);
  const found: MethodWithBody[] = [];
  const seen = new Set<ts.Node>();
  const queue = [...(index.get(ownerSymbol) ?? [])];
  for (let cls = queue.shift(); cls; cls = queue.shift()) {
    if (seen.has(cls)) continue;
    seen.add(cls);
    const method = methodOf(checker, cls, name);
    if (method && !found.includes(method)) found.push(method);
    if (found.length > MAX_IMPLEMENTATIONS) return [];
    // Subclasses inherit or override it.
    const symbol = cls.name && checker.getSymbolAtLocation(cls.name);
    if (symbol) queue.push(...(index.get(symbol) ?? []));
  }
  return found;
}

function isBodilessMethod(declaration: ts.Declaration): boolean {
  if (ts.isMethodSignature(declaration)) return true;
  return (
    ts.isMethodDeclaration(declaration) &&
    declaration.body === undefined &&
    ts.isClassDeclaration(declaration.parent)
  );
}

/** The method `name` a class runs: its own, or one it inherits from a project class, with a body. */
function methodOf(
  checker: ts.TypeChecker,
  cls: ts.ClassLikeDeclaration,
  name: string,
): MethodWithBody | undefined {
  const own = cls.members.find(
    (member): member is MethodWithBody =>
      ts.isMethodDeclaration(member) && member.body !== undefined && member.name.getText() === name,
  );
  if (own) return own;
  const type = cls.name && checker.getTypeAtLocation(cls.name);
  const property = type?.getProperty(name);
  return property
    ?.getDeclarations()
    ?.find(
      (declaration): declaration is MethodWithBody =>
        ts.isMethodDeclaration(declaration) &&
        declaration.body !== undefined &&
        !declaration.getSourceFile().isDeclarationFile,
    );
}

/** Each interface or class of the program's source files, with the project classes that name it in a heritage clause. */
function indexOf(program: ts.Program): Map<ts.Symbol, ts.ClassLikeDeclaration[]> {
  let index = indexes.get(program);
  if (index) return index;
  index = new Map();
  const checker = program.getTypeChecker();
  for (const sourceFile of program.getSourceFiles()) {
    if (
      sourceFile.isDeclarationFile ||
      program.isSourceFileFromExternalLibrary(sourceFile) ||
      sourceFile.fileName.includes('/node_modules/')
    )
      continue;
    for (const cls of classesOf(sourceFile)) {
      for (const clause of cls.heritageClauses ?? []) {
        for (const type of clause.types) {
          let symbol = checker.getSymbolAtLocation(type.expression);
          if (symbol && symbol.flags & ts.SymbolFlags.Alias)
            symbol = checker.getAliasedSymbol(symbol);
          if (!symbol) continue;
          const list = index.get(symbol) ?? [];
          list.push(cls);
          index.set(symbol, list);
        }
      }
    }
  }
  indexes.set(program, index);
  return index;
}

/** The classes declared at a file's top level or in its namespaces (not those inside functions). */
function classesOf(node: ts.Node): ts.ClassLikeDeclaration[] {
  const found: ts.ClassLikeDeclaration[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isClassDeclaration(child)) found.push(child);
    else if (ts.isModuleDeclaration(child) && child.body) visit(child.body);
    else if (ts.isModuleBlock(child)) child.statements.forEach(visit);
  };
  if (ts.isSourceFile(node)) node.statements.forEach(visit);
  return found;
}
