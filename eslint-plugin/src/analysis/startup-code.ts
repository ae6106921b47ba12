// Code that runs once, while a program starts or ends: a function named `main`, an async IIFE at a module's top
// level, the handler of a command-line command (`cli-commands.ts`), a function that starts a server listening (and
// the callback it gives `listen`), a handler of the process's termination signals, a promise reaction registered by
// such code or at the top level (`main().then(…)`), and a function of the module that only such code calls (`await init()` in `main`). Blocking there holds up nothing else yet (or any more), so
// `no-blocking-in-async` leaves it alone, except in loops and per-item callbacks, which multiply it.
import ts from 'typescript';

import type { AnalyzableFunction } from './call-graph';
import { isCommandHandler } from './cli-commands';
import { callOfUse, enclosingFunction, moduleLocalUsesOf, nameOf } from './module-uses';
import { reactionCallOf } from './promise-handlers';
import { classify, resolveCalleeNode } from './resolve-callee';

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
  if (startsListening(program, fn)) return true;
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    // `(async () => { … })()` at the top level of a module.
    const call = immediateCall(fn);
    if (call) return enclosingFunction(call) === 'top-level';
    const argument = outermostParentheses(fn);
    if (isShutdownRegistration(program, argument) || isListenCallback(program, argument))
      return true;
    // `main().then(() => …)` at the top level, or in start-up code: runs once, when that promise settles.
    const reaction = reactionCallOf(program, fn);
    if (reaction) {
      const caller = enclosingFunction(reaction);
      return (
        caller === 'top-level' || (caller !== 'class' && decide(program, caller, known, visiting))
      );
    }
  }
  const name = nameOf(fn);
  if (!name) return false;
  if (name.text === 'main' && !ts.isMethodDeclaration(fn)) return true;
  // Every use in its module is a call made at the top level or by start-up code.
  const uses = moduleLocalUsesOf(checker, fn);
  if (!uses || uses.length === 0) return false;
  return uses.every((use) => {
    if (isShutdownRegistration(program, use)) return true;
    const call = callOfUse(use);
    if (!call) return false;
    const caller = enclosingFunction(call);
    if (caller === 'top-level') return true;
    return caller !== 'class' && decide(program, caller, known, visiting);
  });
}

/** Events after which the process ends: its termination signals, and the loop running out of work. */
const SHUTDOWN_EVENTS = new Set([
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGBREAK',
  'beforeExit',
]);
const LISTENER_REGISTRATIONS = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
]);

/** `process.on('SIGTERM', argument)`: the handler that runs as the process is told to stop. */
function isShutdownRegistration(program: ts.Program, argument: ts.Node): boolean {
  const call = argument.parent;
  if (!ts.isCallExpression(call) || call.arguments[1] !== argument) return false;
  const [event] = call.arguments;
  const callee = call.expression;
  if (
    !event ||
    !ts.isStringLiteralLike(event) ||
    !SHUTDOWN_EVENTS.has(event.text) ||
    !ts.isPropertyAccessExpression(callee) ||
    !LISTENER_REGISTRATIONS.has(callee.name.text) ||
    !ts.isIdentifier(callee.expression) ||
    callee.expression.text !== 'process'
  )
    return false;
  // Node's own `process`, not a variable of the project that shadows it.
  const symbol = program.getTypeChecker().getSymbolAtLocation(callee.expression);
  const declarations = symbol?.getDeclarations() ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => classify(program, declaration).origin !== 'project')
  );
}

/**
 * True when `fn` itself (not a function inside it) tells a server of a package to listen (`server.listen(port)`,
 * `app.listen(3000)`): a server starts once per process, so the function that starts it is start-up code.
 */
function startsListening(program: ts.Program, fn: AnalyzableFunction): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node) && isPackageListen(program, node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return found;
}

/** The callback a server's `listen` runs once, when the server is listening. */
function isListenCallback(program: ts.Program, argument: ts.Node): boolean {
  const call = argument.parent;
  return (
    ts.isCallExpression(call) &&
    call.arguments.some((candidate) => candidate === argument) &&
    isPackageListen(program, call)
  );
}

function isPackageListen(program: ts.Program, call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'listen') return false;
  const resolved = resolveCalleeNode(program, call);
  return resolved?.origin === 'module' && resolved.name === 'listen';
}

/** A node with the parentheses around it, as an argument or callee sees it. */
function outermostParentheses(node: ts.Node): ts.Node {
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return node;
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
