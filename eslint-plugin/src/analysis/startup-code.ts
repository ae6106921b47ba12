// Code that runs once, while a program starts: a function named `main`, an async IIFE at a module's top level, the
// handler of a command-line command (`cli-commands.ts`), and a function of the module that only such code calls
// (`await init()` in `main`). Blocking there holds up nothing else
// yet, so `no-blocking-in-async` leaves it alone, except in loops and per-item callbacks, which multiply it.
import ts from 'typescript';

import type { AnalyzableFunction } from './call-graph';
import { isCommandHandler } from './cli-commands';
import { isExportedName } from './exports';

const answers = new WeakMap<ts.Program, Map<ts.Node, boolean>>();

/** True when `fn` runs only while the program starts. */
export function isStartupFunction(program: ts.Program, fn: AnalyzableFunction): boolean {
  let byFunction = answers.get(program);
  if (!byFunction) {
    byFunction = new Map();
    answers.set(program, byFunction);
  }
  return decide(program, fn, byFunction, new Set());
}

function decide(
  program: ts.Program,
  fn: AnalyzableFunction,
  known: Map<ts.Node, boolean>,
  visiting: Set<ts.Node>,
): boolean {
  const cached = known.get(fn);
  if (cached !== undefined) return cached;
  // A function reached again while deciding is called from itself: that call decides nothing.
  if (visiting.has(fn)) return true;
  visiting.add(fn);
  const answer = startsUp(program, fn, known, visiting);
  visiting.delete(fn);
  known.set(fn, answer);
  return answer;
}

function startsUp(
  program: ts.Program,
  fn: AnalyzableFunction,
  known: Map<ts.Node, boolean>,
  visiting: Set<ts.Node>,
): boolean {
  if (isCommandHandler(program, fn)) return true;
  const checker = program.getTypeChecker();
  // `(async () => { … })()` at the top level of a module.
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    const call = immediateCall(fn);
    if (call) return enclosingFunction(call) === 'top-level';
  }
  const name = nameOf(fn);
  if (!name) return false;
  if (name.text === 'main' && !ts.isMethodDeclaration(fn)) return true;
  if (!ts.isFunctionDeclaration(fn) && !ts.isVariableDeclaration(fn.parent)) return false;
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol || isExportedName(checker, name)) return false;
  // Every use in its module is a call made at the top level or by start-up code.
  const uses = usesOf(checker, name.getSourceFile(), symbol, name);
  if (uses.length === 0) return false;
  return uses.every((use) => {
    const call = use.parent;
    if (!ts.isCallExpression(call) || call.expression !== use) return false;
    const caller = enclosingFunction(call);
    if (caller === 'top-level') return true;
    return caller !== 'class' && decide(program, caller, known, visiting);
  });
}

/** The call that runs `fn` where it is written: `(async () => …)()`. */
function immediateCall(
  fn: ts.ArrowFunction | ts.FunctionExpression,
): ts.CallExpression | undefined {
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  return ts.isCallExpression(call) && call.expression === node ? call : undefined;
}

function nameOf(fn: AnalyzableFunction): ts.Identifier | undefined {
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

/** The function a node runs in, or the module's top level, or a class body (a field, a static block). */
function enclosingFunction(node: ts.Node): AnalyzableFunction | 'top-level' | 'class' {
  for (let current = node.parent; current; current = current.parent) {
    if (
      ts.isFunctionDeclaration(current) ||
      ts.isMethodDeclaration(current) ||
      ts.isFunctionExpression(current) ||
      ts.isArrowFunction(current) ||
      ts.isConstructorDeclaration(current) ||
      ts.isGetAccessorDeclaration(current) ||
      ts.isSetAccessorDeclaration(current)
    )
      return current;
    // A class field or static block runs when the class is used, not at start-up.
    if (ts.isClassLike(current)) return 'class';
  }
  return 'top-level';
}

function usesOf(
  checker: ts.TypeChecker,
  sourceFile: ts.SourceFile,
  symbol: ts.Symbol,
  declarationName: ts.Identifier,
): ts.Identifier[] {
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      node !== declarationName &&
      node.text === declarationName.text &&
      checker.getSymbolAtLocation(node) === symbol
    )
      uses.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}
