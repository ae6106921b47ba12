// Objects built by a `Proxy` and typed as an interface: a protocol client written as
// `new Proxy({}, { get: (_, domain) => new Proxy({}, { get: (_, method) => (params) => this.send(…) }) }) as Api`
// has no method bodies for the checker to resolve (`api.Debugger.enable({})` resolves to a signature in a `.d.ts`),
// yet the code that answers every such call is written out in the `get` traps. The project's own source files are
// indexed once per program for `new Proxy(…)` expressions whose type is declared as an interface or type literal
// (`as Api`, a declared return type, a typed `const`), and a call is matched to them when its callee is reached from a
// value of that type through members that are all declared as signatures (so nothing else can implement them).
// What the traps return is read by the analyses that ask (`rejections.ts`).
import ts from 'typescript';

import { skipTsWrappers } from '../util/wrappers';

/** A call answered by `Proxy` traps: the proxies built for the receiver's type, and how many names lead to the call. */
export interface ProxyCall {
  /** Every `new Proxy(…)` written in the project whose value is declared as that type. */
  proxies: readonly ts.NewExpression[];
  /** How many `get` traps the call goes through: 2 for `api.Debugger.enable()` when `api` is the proxy. */
  depth: number;
}

const indexes = new WeakMap<ts.Program, Map<ts.Symbol, ts.NewExpression[]>>();

/** The proxies that answer `call`, when its callee is a member path from a value of a type only a `Proxy` builds. */
export function proxyCallOf(program: ts.Program, call: ts.CallExpression): ProxyCall | undefined {
  const index = proxyIndex(program);
  if (index.size === 0) return undefined;
  const checker = program.getTypeChecker();
  let member = skipTsWrappers(call.expression, ['parentheses', 'non-null']);
  let depth = 0;
  while (ts.isPropertyAccessExpression(member)) {
    if (!isDeclaredBySignaturesOnly(checker.getSymbolAtLocation(member.name))) return undefined;
    depth += 1;
    const receiver = skipTsWrappers(member.expression, ['parentheses', 'non-null']);
    const symbol = typeSymbol(checker.getTypeAtLocation(receiver).getNonNullableType());
    const proxies = symbol && index.get(symbol);
    if (proxies) return { proxies, depth };
    member = receiver;
  }
  return undefined;
}

/** True for `new Proxy(…)` of the global `Proxy`. */
export function isProxyConstruction(node: ts.Node): node is ts.NewExpression {
  return (
    ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Proxy'
  );
}

/** The function written as the `get` trap of a proxy's handler object literal, if there is one. */
export function getTrapOf(proxy: ts.NewExpression): ts.FunctionLikeDeclaration | undefined {
  const handler = proxy.arguments?.[1];
  if (!handler) return undefined;
  const literal = skipTsWrappers(handler, ['parentheses', 'as', 'satisfies']);
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  for (const property of literal.properties) {
    if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== 'get') continue;
    if (ts.isMethodDeclaration(property)) return property;
    if (ts.isPropertyAssignment(property)) {
      const value = skipTsWrappers(property.initializer, ['parentheses']);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    }
    return undefined;
  }
  return undefined;
}

function proxyIndex(program: ts.Program): Map<ts.Symbol, ts.NewExpression[]> {
  let index = indexes.get(program);
  if (index) return index;
  index = new Map();
  indexes.set(program, index);
  const checker = program.getTypeChecker();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    if (!file.text.includes('Proxy(')) continue;
    const visit = (node: ts.Node): void => {
      if (isProxyConstruction(node) && isGlobalProxy(checker, node.expression, program)) {
        const typeNode = declaredTypeOf(node);
        const symbol = typeNode && typeSymbol(checker.getTypeFromTypeNode(typeNode));
        if (symbol && isDeclaredBySignaturesOnly(symbol, true)) {
          const proxies = index.get(symbol);
          if (proxies) proxies.push(node);
          else index.set(symbol, [node]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return index;
}

/** The type the code declares for the proxy's value: `new Proxy(…) as T`, `(): T => new Proxy(…)`, `const x: T = …`. */
function declaredTypeOf(proxy: ts.NewExpression): ts.TypeNode | undefined {
  let node: ts.Node = proxy;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)) return parent.type;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) return parent.type;
  if (ts.isArrowFunction(parent) && parent.body === node) return parent.type;
  if (ts.isReturnStatement(parent)) {
    for (let current: ts.Node = parent; current; current = current.parent)
      if (ts.isFunctionLike(current)) return current.type;
  }
  return undefined;
}

function isGlobalProxy(checker: ts.TypeChecker, name: ts.Expression, program: ts.Program): boolean {
  const declarations = checker.getSymbolAtLocation(name)?.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) =>
      program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
    )
  );
}

function typeSymbol(type: ts.Type): ts.Symbol | undefined {
  return type.aliasSymbol ?? type.getSymbol();
}

/**
 * True when every declaration of `symbol` is a signature: a member of an interface or type literal (or, with `type`,
 * an interface or type alias itself), never something with a body a class or object could supply.
 */
function isDeclaredBySignaturesOnly(symbol: ts.Symbol | undefined, type = false): boolean {
  const declarations = symbol?.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) =>
      type
        ? ts.isInterfaceDeclaration(declaration) ||
          ts.isTypeAliasDeclaration(declaration) ||
          ts.isTypeLiteralNode(declaration)
        : (ts.isPropertySignature(declaration) || ts.isMethodSignature(declaration)) &&
          (ts.isInterfaceDeclaration(declaration.parent) ||
            ts.isTypeLiteralNode(declaration.parent)),
    )
  );
}
