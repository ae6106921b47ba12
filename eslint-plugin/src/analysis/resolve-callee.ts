// Identifying what a call calls by its resolved declaration, not by the name at the call site: `r(p)` after
// `import { readFileSync as r } from 'node:fs'`, `fs.readFileSync` after `require('fs')`, and
// `const { readFileSync } = require('fs')` all resolve to `readFileSync` declared in module `fs`. Declarations and
// declared types answer first; the checker's type at the call site, which narrows by control flow and costs most of a
// resolution in code full of type guards, is asked only where they cannot.
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { normalizeModule } from '../util/module-specifiers';
import { skipTsWrappers, skipWrappers, type Wrapper } from '../util/wrappers';

export type CalleeOrigin =
  /** Declared in a module of a package or of Node (`declare module "fs"`, `node_modules/undici/…`). */
  | 'module'
  /** A global: TypeScript's lib files, or a `declare global` block such as Node's `fetch`. */
  | 'global'
  /** Declared in a file of the project being linted. */
  | 'project';

export interface ResolvedCallee {
  /** The name it was declared with (`readFileSync`, whatever the local alias). */
  name: string;
  /**
   * With origin `module`: the module specifier without a `node:` prefix (`fs`, `fs/promises`, `child_process`), or
   * the package name for declarations in `node_modules` (`undici`, `axios`, `p-map`; `@types/x` gives `x`).
   */
  module: string | undefined;
  origin: CalleeOrigin;
  /** For a method, the name of the interface or class declaring it (`Atomics`, `AxiosInstance`). */
  container: string | undefined;
  declarations: readonly ts.Declaration[];
}

/** What a callee is written as, under parentheses, `as` and `!` (`(api as Api).get`, `client!.send`). */
export const CALLEE_WRAPPERS: readonly Wrapper[] = ['parentheses', 'non-null', 'as'];

/** The name a call site writes for its callee: `loadConfig`, `read` in `this.read()`; none for other expressions. */
export function writtenName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** What the callee of `call` resolves to, or `undefined` when the checker cannot tell (an `any` value, say). */
export function resolveCallee(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): ResolvedCallee | undefined {
  return resolveFunction(services, skipWrappers(call.callee, ['non-null', 'chain', 'as']));
}

/** What a function-valued expression (a callee, or a callback passed along) resolves to. */
export function resolveFunction(
  services: ParserServicesWithTypeInformation,
  expression: TSESTree.Expression,
): ResolvedCallee | undefined {
  return resolveFunctionNode(services.program, services.esTreeNodeToTSNodeMap.get(expression));
}

/**
 * `resolveCallee` on TypeScript's own syntax tree, for analyses that look into files ESLint is not linting (the
 * bodies of helpers in other files).
 */
export function resolveCalleeNode(
  program: ts.Program,
  call: ts.CallExpression | ts.NewExpression,
): ResolvedCallee | undefined {
  return resolveFunctionNode(program, skipTsWrappers(call.expression, CALLEE_WRAPPERS));
}

/**
 * Answers per program and node: several analyses ask about the same call (the call graph for its target, the
 * synchronous-callback test for the call a callback is passed to, the fan-out rule for its mapper), and each
 * answer costs a symbol lookup and often a declared type.
 */
const resolutions = new WeakMap<ts.Program, WeakMap<ts.Node, ResolvedCallee | null>>();

/** `resolveFunction` on TypeScript's own syntax tree. */
export function resolveFunctionNode(
  program: ts.Program,
  tsNode: ts.Node,
): ResolvedCallee | undefined {
  let known = resolutions.get(program);
  if (!known) {
    known = new WeakMap();
    resolutions.set(program, known);
  }
  const cached = known.get(tsNode);
  if (cached !== undefined) return cached ?? undefined;
  const resolved = resolveUncached(program, tsNode);
  known.set(tsNode, resolved ?? null);
  return resolved;
}

function resolveUncached(program: ts.Program, tsNode: ts.Node): ResolvedCallee | undefined {
  const checker = program.getTypeChecker();
  const symbol = symbolByDeclaration(checker, tsNode) ?? checkedFunctionSymbol(checker, tsNode);
  const declarations = symbol?.getDeclarations() ?? [];
  const [declaration] = declarations;
  if (!symbol || !declaration) return undefined;
  const { origin, module } = classify(program, declaration);
  return {
    name: declaredName(symbol, declaration),
    module,
    origin,
    container: containerName(declaration),
    declarations,
  };
}

/** `functionSymbol` behind the check that the callee's type is not `any` (the checker then cannot tell). */
function checkedFunctionSymbol(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  if (checker.getTypeAtLocation(node).flags & ts.TypeFlags.Any) return undefined;
  return functionSymbol(checker, node);
}

/**
 * The function a callee denotes, read from declarations and declared types without asking the checker for the
 * callee's type at that point, which narrows it by control flow: in code full of type guards (`is.string(x)`), that
 * narrowing is most of the cost of resolving a call. Only where declarations answer alone: a name that is a function,
 * method or class (imported or not), or `receiver.name` whose receiver is `this` in a class, a variable, a parameter,
 * an import or a property of one of those, with a declared object type or an intersection of them (not a union or
 * a type parameter, which narrowing could change), and `name` a method or function of it. Anything else goes to
 * the checker as before. One difference: a receiver narrowed to a subclass (`if (x instanceof B) x.m()` with
 * `x: A`) resolves to the declared type's method, `A.m`.
 */
function symbolByDeclaration(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  if (ts.isIdentifier(node)) {
    const symbol = aliased(checker, checker.getSymbolAtLocation(node));
    if (!symbol) return undefined;
    if (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method)) return symbol;
    const onlyClass =
      symbol.flags & ts.SymbolFlags.Class && !(symbol.flags & ts.SymbolFlags.Variable);
    if (onlyClass) return symbol;
    return symbol.flags & ts.SymbolFlags.Variable ? functionOfValue(checker, symbol) : undefined;
  }
  if (!ts.isPropertyAccessExpression(node) || ts.isPrivateIdentifier(node.name)) return undefined;
  const receiver = declaredTypeOf(checker, node.expression, 0);
  const property = receiver && isPlainObjectType(receiver) && receiver.getProperty(node.name.text);
  if (!property) return undefined;
  if (property.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method)) return property;
  return property.flags & ts.SymbolFlags.Property ? functionOfValue(checker, property) : undefined;
}

/**
 * What `functionSymbol` answers for a variable or property, by its declared type: the function it holds
 * (`const f = () => …`, `{ string: (x) => … }`), else the variable or property itself (`new Promise(…)`).
 */
function functionOfValue(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol | undefined {
  const type = checker.getTypeOfSymbol(symbol);
  if (!isPlainObjectType(type)) return undefined;
  const held = type.getSymbol();
  return held && held.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method) ? held : symbol;
}

function aliased(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The declared type of a receiver expression, or `undefined` where only the checker can tell. */
function declaredTypeOf(
  checker: ts.TypeChecker,
  expression: ts.Expression,
  depth: number,
): ts.Type | undefined {
  if (depth > 4) return undefined;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) {
    const owner = thisClassOf(expression);
    const symbol = owner?.name && checker.getSymbolAtLocation(owner.name);
    return symbol ? checker.getDeclaredTypeOfSymbol(symbol) : undefined;
  }
  if (ts.isIdentifier(expression)) {
    const symbol = aliased(checker, checker.getSymbolAtLocation(expression));
    const valued =
      ts.SymbolFlags.Variable |
      ts.SymbolFlags.Property |
      ts.SymbolFlags.Function |
      ts.SymbolFlags.ValueModule;
    return symbol && symbol.flags & valued ? checker.getTypeOfSymbol(symbol) : undefined;
  }
  if (ts.isPropertyAccessExpression(expression) && !ts.isPrivateIdentifier(expression.name)) {
    const owner = declaredTypeOf(checker, expression.expression, depth + 1);
    if (!owner || !isPlainObjectType(owner)) return undefined;
    const property = owner.getProperty(expression.name.text);
    if (!property || !(property.flags & ts.SymbolFlags.Property)) return undefined;
    return checker.getTypeOfSymbol(property);
  }
  return undefined;
}

/** The class whose instance `this` is at `node`: the nearest class around it, through arrow functions only. */
function thisClassOf(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (
      ts.isMethodDeclaration(current) ||
      ts.isConstructorDeclaration(current) ||
      ts.isGetAccessorDeclaration(current) ||
      ts.isSetAccessorDeclaration(current) ||
      ts.isPropertyDeclaration(current)
    ) {
      if (current.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword))
        return undefined;
      return ts.isClassLike(current.parent) ? current.parent : undefined;
    }
    if (ts.isFunctionLike(current) || ts.isClassLike(current) || ts.isSourceFile(current))
      return undefined;
  }
  return undefined;
}

/** An object type or an intersection of them, not a union or type parameter: one that narrowing leaves as it is. */
function isPlainObjectType(type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.every(isPlainObjectType);
  return (type.flags & ts.TypeFlags.Object) !== 0;
}

/**
 * The symbol of the function a callee denotes. The symbol at the location resolves aliases (imports); the
 * *type's* symbol also sees through variables and destructuring (`const { readFileSync } = require('fs')`, whose
 * local symbol is the binding, while the type's symbol is the function declared in `fs`).
 */
function functionSymbol(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const location = ts.isPropertyAccessExpression(node) ? node.name : node;
  const symbol = aliased(checker, checker.getSymbolAtLocation(location));
  if (symbol && symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method)) return symbol;
  const typeSymbol = checker.getTypeAtLocation(node).getSymbol();
  if (typeSymbol && typeSymbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method))
    return typeSymbol;
  return symbol;
}

/** Where a declaration comes from: a module of a package or of Node (and which), a global, or the project. */
export function classify(
  program: ts.Program,
  declaration: ts.Declaration,
): { origin: CalleeOrigin; module: string | undefined } {
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (!ts.isModuleDeclaration(node)) continue;
    if (node.flags & ts.NodeFlags.GlobalAugmentation)
      return { origin: 'global', module: undefined };
    if (ts.isStringLiteral(node.name))
      return { origin: 'module', module: normalizeModule(node.name.text) };
  }
  const sourceFile = declaration.getSourceFile();
  if (program.isSourceFileDefaultLibrary(sourceFile))
    return { origin: 'global', module: undefined };
  const packageName = packageOf(sourceFile.fileName);
  if (packageName !== undefined) {
    return ts.isExternalModule(sourceFile)
      ? { origin: 'module', module: packageName }
      : { origin: 'global', module: undefined };
  }
  return { origin: 'project', module: undefined };
}

/** `node_modules/@types/node/fs.d.ts` → `node`; `node_modules/@scope/pkg/x.d.ts` → `@scope/pkg`. */
function packageOf(fileName: string): string | undefined {
  const marker = '/node_modules/';
  const index = fileName.lastIndexOf(marker);
  if (index < 0) return undefined;
  const parts = fileName.slice(index + marker.length).split('/');
  const [first, second] = parts;
  if (first === '@types' && second)
    return second.includes('__') ? `@${second.replace('__', '/')}` : second;
  if (first?.startsWith('@') && second) return `${first}/${second}`;
  return first;
}

function declaredName(symbol: ts.Symbol, declaration: ts.Declaration): string {
  const name = ts.getNameOfDeclaration(declaration);
  return name && ts.isIdentifier(name) ? name.text : symbol.getName();
}

function containerName(declaration: ts.Declaration): string | undefined {
  const parent = declaration.parent;
  if (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent)) return parent.name?.text;
  if (
    ts.isModuleBlock(parent) &&
    ts.isModuleDeclaration(parent.parent) &&
    ts.isIdentifier(parent.parent.name)
  ) {
    return parent.parent.name.text;
  }
  return undefined;
}

export interface ResolvedSignature {
  /** The declared name of the function or method; `undefined` for a call signature (`interface X { (a): R }`). */
  name: string | undefined;
  module: string | undefined;
  origin: CalleeOrigin;
  /** The interface or class declaring it (`Axios`, `AxiosInstance`). */
  container: string | undefined;
  /** The names of the overload's parameters, in order (`['url', 'config']`). */
  parameters: readonly string[];
  declaration: ts.Declaration;
}

/**
 * The overload that `call` resolves to, with where it is declared. Unlike `resolveCallee`, this also identifies
 * calls of callable values whose callee is a variable (`api(config)` with an axios instance), and it tells which
 * overload was chosen (`http.get(url, options)` versus `http.get(options)`).
 */
export function resolveCallSignature(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): ResolvedSignature | undefined {
  return resolveCallSignatureNode(services.program, services.esTreeNodeToTSNodeMap.get(call));
}

/** `resolveCallSignature` on TypeScript's own syntax tree. */
export function resolveCallSignatureNode(
  program: ts.Program,
  call: ts.CallLikeExpression,
): ResolvedSignature | undefined {
  const checker = program.getTypeChecker();
  const signature = checker.getResolvedSignature(call);
  const declaration = signature?.getDeclaration() as ts.Declaration | undefined;
  if (!signature || !declaration || ts.isJSDocSignature(declaration)) return undefined;
  const { origin, module } = classify(program, declaration);
  const name = ts.getNameOfDeclaration(declaration);
  return {
    name: name && ts.isIdentifier(name) ? name.text : undefined,
    module,
    origin,
    container: containerName(declaration),
    parameters: signature.getParameters().map((parameter) => parameter.getName()),
    declaration,
  };
}

/**
 * Where the call signatures of a function-valued type are declared (`undefined` when it has none, or they differ):
 * a function passed by reference whose type comes from a library (`limiter.wrap(fn)`'s result).
 */
export function signatureOriginOf(
  program: ts.Program,
  type: ts.Type,
): { origin: CalleeOrigin; module: string | undefined } | undefined {
  const [signature] = type.getCallSignatures();
  const declaration = signature?.getDeclaration() as ts.Declaration | undefined;
  if (!declaration || ts.isJSDocSignature(declaration)) return undefined;
  return classify(program, declaration);
}
