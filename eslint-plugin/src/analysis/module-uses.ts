// Where a module uses one of its own functions: the function a node runs in, a function's name, and the uses of a
// function that is not exported, all within its module. Start-up code (`startup-code.ts`) and request handlers
// (`request-handlers.ts`) both judge a module-local function by where it is called.
import ts from 'typescript';

import { type AnalyzableFunction, isAnalyzableFunction } from './call-graph';
import { isExportedName } from './exports';

/** The function a node runs in, or the module's top level, or a class body (a field, a static block). */
export function enclosingFunction(node: ts.Node): AnalyzableFunction | 'top-level' | 'class' {
  for (let current = node.parent; current; current = current.parent) {
    if (isAnalyzableFunction(current)) return current;
    // A class field or static block runs when the class is used, not at start-up.
    if (ts.isClassLike(current)) return 'class';
  }
  return 'top-level';
}

/** The name a function is declared under: `function f`, a method `f()`, `const f = () => …`. */
export function nameOf(fn: AnalyzableFunction): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn))
    return fn.name && ts.isIdentifier(fn.name) ? fn.name : undefined;
  if (
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
    ts.isVariableDeclaration(fn.parent) &&
    ts.isIdentifier(fn.parent.name)
  )
    return fn.parent.name;
  return undefined;
}

/**
 * The uses of a function declared with `function` or `const` that its module does not export, found in its module
 * (nowhere else can name it); `undefined` for any other function, whose uses could be anywhere.
 */
export function moduleLocalUsesOf(
  checker: ts.TypeChecker,
  fn: AnalyzableFunction,
): ts.Identifier[] | undefined {
  const name = nameOf(fn);
  if (!name || ts.isMethodDeclaration(fn)) return undefined;
  if (!ts.isFunctionDeclaration(fn) && !ts.isVariableDeclaration(fn.parent)) return undefined;
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol || isExportedName(checker, name)) return undefined;
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      node !== name &&
      node.text === name.text &&
      checker.getSymbolAtLocation(node) === symbol
    )
      uses.push(node);
    ts.forEachChild(node, visit);
  };
  visit(name.getSourceFile());
  return uses;
}

/** `use` as the callee of a call: `use(…)`. */
export function callOfUse(use: ts.Identifier): ts.CallExpression | undefined {
  const call = use.parent;
  return ts.isCallExpression(call) && call.expression === use ? call : undefined;
}
