// What a chain of calls and member accesses returns, read from declarations alone: the root's declared type, its
// members, and the generic (uninstantiated) signatures of each call. Where that shows the value is no promise, a rule
// need not ask the checker for the type of the whole expression, which would infer every generic on the way (in test
// code full of inferred ORM and HTTP types, and in code calling heavily overloaded emitters, most of a lint's time).
// Anything declarations cannot settle answers `false`, and the caller asks the checker as before.
import ts from 'typescript';

/**
 * True when the declarations along a call chain show that its value is no promise, nor an array of them, for any
 * type of its arguments: `this.emit('done')` where `emit` is declared to return `boolean`, or an assertion
 * `expect(rows).toEqual([…])` where `expect` is declared as
 * `<T>(actual: T) => Matchers<void, T>` and `toEqual` returns `void`. The type of the whole call would first infer
 * `T` from `rows`, which in test code full of inferred ORM and HTTP types is most of the rule's time. The chain is
 * read from the root's declared type through members and the generic (uninstantiated) signatures of each call; it
 * answers only when every type on the way is a plain object type and every result is a primitive, `void`, or an
 * object without `then` and without a numeric index. Anything else (a conditional type such as Playwright's
 * matchers, a type parameter, a union, `any`, an overload whose result could be a promise) says `false`, and the
 * caller asks the checker as before.
 */
export function isDeclaredNoPromise(checker: ts.TypeChecker, call: ts.CallExpression): boolean {
  const results = valueTypes(checker, call, 0);
  return results !== undefined && results.every((type) => isSurelyNoPromise(checker, type));
}

/**
 * True when the declarations along a call chain show that its value is no array or tuple (of promises or
 * anything else), read as `isDeclaredNoPromise` reads them: `await expect(p).rejects.toThrow()` awaits a
 * `Promise<void>`, not an array whose promises `await` would leave floating.
 */
export function isDeclaredNoArray(checker: ts.TypeChecker, call: ts.CallExpression): boolean {
  const results = valueTypes(checker, call, 0);
  return results !== undefined && results.every((type) => isSurelyNoArray(checker, type));
}

/** The types the chain's value can have, one per overload followed; `undefined` where declarations do not tell. */
function valueTypes(
  checker: ts.TypeChecker,
  node: ts.Expression,
  depth: number,
): ts.Type[] | undefined {
  if (depth > 12) return undefined;
  if (ts.isIdentifier(node)) {
    const root = rootType(checker, node);
    return root && [root];
  }
  if (node.kind === ts.SyntaxKind.ThisKeyword) {
    // In a class, `this` is the class's polymorphic `this` type, whose constraint holds its declared members.
    const type = checker.getTypeAtLocation(node);
    const declared = type.isTypeParameter() ? checker.getBaseConstraintOfType(type) : type;
    return declared && isObject(declared) ? [declared] : undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    if (ts.isPrivateIdentifier(node.name) || node.questionDotToken) return undefined;
    const owners = valueTypes(checker, node.expression, depth + 1);
    if (!owners) return undefined;
    const members: ts.Type[] = [];
    for (const owner of owners) {
      if (!isObject(owner)) return undefined;
      const property = owner.getProperty(node.name.text);
      if (!property) return undefined;
      members.push(checker.getTypeOfSymbol(property));
    }
    return members;
  }
  if (ts.isCallExpression(node)) {
    if (node.questionDotToken) return undefined;
    const callees = valueTypes(checker, node.expression, depth + 1);
    if (!callees) return undefined;
    const results: ts.Type[] = [];
    for (const callee of callees) {
      if (!isObject(callee)) return undefined;
      const signatures = callee.getCallSignatures();
      const [first] = signatures;
      if (!first) return undefined;
      // Overloads are tried in order: a first one that takes any arguments is the one chosen (Vitest's
      // `expect<T>(actual: T)` before Chai's), whatever the others return, unless type arguments are written.
      const chosen =
        !node.typeArguments && acceptsAnyArguments(checker, first, node.arguments)
          ? [first]
          : signatures;
      for (const signature of chosen) results.push(checker.getReturnTypeOfSignature(signature));
    }
    return results;
  }
  return undefined;
}

/**
 * Whether `signature` applies to any values of these arguments: their number fits, none is spread, and each
 * parameter they fill is typed `any`, `unknown` or an unconstrained type parameter.
 */
function acceptsAnyArguments(
  checker: ts.TypeChecker,
  signature: ts.Signature,
  args: ts.NodeArray<ts.Expression>,
): boolean {
  if (args.some(ts.isSpreadElement)) return false;
  const parameters = signature.getParameters();
  if (args.length > parameters.length) return false;
  return parameters.every((parameter, index) => {
    const declaration = parameter.valueDeclaration;
    if (!declaration || !ts.isParameter(declaration) || declaration.dotDotDotToken) return false;
    if (index >= args.length)
      return declaration.questionToken !== undefined || !!declaration.initializer;
    const type = checker.getTypeOfSymbol(parameter);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    return type.isTypeParameter() && type.getConstraint() === undefined;
  });
}

/**
 * The declared type of the chain's first name, when nothing but a type guard could narrow it: a function, a `const`
 * with a type annotation or a function as its value, or an ambient variable with a type annotation (Jest's and
 * Vitest's global `expect`), imported or not.
 */
function rootType(checker: ts.TypeChecker, name: ts.Identifier): ts.Type | undefined {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  if (!symbol) return undefined;
  const declarations = symbol.getDeclarations() ?? [];
  if (declarations.length === 0) return undefined;
  const fixed = declarations.every(
    (declaration) =>
      ts.isFunctionDeclaration(declaration) ||
      ts.isModuleDeclaration(declaration) ||
      (ts.isVariableDeclaration(declaration) &&
        ts.isVariableDeclarationList(declaration.parent) &&
        (isAmbient(declaration)
          ? declaration.type !== undefined
          : (declaration.parent.flags & ts.NodeFlags.Const) !== 0 &&
            (declaration.type !== undefined ||
              (declaration.initializer !== undefined &&
                (ts.isArrowFunction(declaration.initializer) ||
                  ts.isFunctionExpression(declaration.initializer)))))),
  );
  return fixed ? checker.getTypeOfSymbol(symbol) : undefined;
}

/** Declared in a declaration file, or under `declare` (`declare const x: T`, `declare global { var x: T }`). */
function isAmbient(node: ts.Node): boolean {
  if (node.getSourceFile().isDeclarationFile) return true;
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    const modifiers = ts.canHaveModifiers(current) ? ts.getModifiers(current) : undefined;
    if (modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

/**
 * An object type or an intersection of them, to look up a member or a call signature in. A mapped type counts
 * (Vitest's `rejects` is `Promisify<Assertion<T>>`): a member its mapping leaves unresolved is simply not found.
 */
function isObject(type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.every(isObject);
  return (type.flags & ts.TypeFlags.Object) !== 0;
}

/**
 * An object type (or an intersection of them) whose members are all known, to tell that a member is absent: not a
 * mapped type, whose members over a type parameter stay unresolved.
 */
function isPlainObject(type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.every(isPlainObject);
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  return !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped);
}

const NEVER_PROMISE =
  ts.TypeFlags.Void |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null |
  ts.TypeFlags.Never |
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.ESSymbolLike;

function isSurelyNoPromise(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (!isSurelyNoArray(checker, type)) return false;
  return (type.flags & NEVER_PROMISE) !== 0 || !type.getProperty('then');
}

function isSurelyNoArray(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.flags & NEVER_PROMISE) return true;
  if (!isPlainObject(type)) return false;
  if (checker.isArrayType(type) || checker.isTupleType(type)) return false;
  return !type.getNumberIndexType();
}
