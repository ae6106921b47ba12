// Busy-wait loops: a loop that spins, without ever awaiting, until the clock passes a deadline
// (`while (Date.now() < end) {}`, `while (!ready() && Date.now() < end) {}`). It holds the thread for the whole
// wait, as a blocking sleep would. A loop whose body calls something does work until the deadline (time slicing,
// as schedulers do between yields), which is not a wait.
import ts from 'typescript';

import { skipTsWrappers } from '../util/wrappers';
import { resolveCalleeNode } from './resolve-callee';

export type LoopNode = ts.WhileStatement | ts.DoStatement | ts.ForStatement;

/** Which clock a loop reads: `Date.now()` and `performance.now()` give milliseconds; `new Date()` a date. */
export type ClockKind = 'Date.now' | 'performance.now' | 'new Date';

export interface BusyWait {
  loop: LoopNode;
  /** The clock read in the loop's condition. */
  clock: ts.Expression;
  clockKind: ClockKind;
}

/** A busy wait used as a sleep: the loop waits for a fixed number of milliseconds and does nothing else. */
export interface Sleep {
  /** The expression for the milliseconds waited, from the deadline's declaration (`ms` in `Date.now() + ms`). */
  duration: ts.Expression;
  /** The statement just before the loop that declares the deadline or the start time. */
  declaration: ts.VariableStatement;
  /** The variable it declares. */
  variable: ts.Identifier;
}

/**
 * The busy wait `loop` is, or `undefined`: its condition compares a clock read, it never awaits, and its body
 * calls nothing but the clock.
 */
export function busyWaitOf(program: ts.Program, loop: LoopNode): BusyWait | undefined {
  const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
  if (!condition || containsAwait(loop) || bodyDoesWork(program, loop.statement)) return undefined;
  for (const comparison of comparisonsIn(condition)) {
    for (const side of [comparison.left, comparison.right]) {
      const clock = findClockRead(program, side);
      if (clock) return { loop, clock: clock.node, clockKind: clock.kind };
    }
  }
  return undefined;
}

/**
 * The sleep a busy wait stands for, when its body is empty and the statement just before it fixes the wait:
 * `const end = Date.now() + ms; while (Date.now() < end) {}` or
 * `const start = Date.now(); while (Date.now() - start < ms) {}`.
 */
export function sleepOf(program: ts.Program, wait: BusyWait): Sleep | undefined {
  const { loop } = wait;
  if (wait.clockKind === 'new Date' || !isEmptyStatement(loop.statement)) return undefined;
  if (ts.isForStatement(loop) && (loop.initializer || loop.incrementor)) return undefined;
  const declaration = previousStatement(loop);
  if (!declaration || !ts.isVariableStatement(declaration)) return undefined;
  if (
    !(declaration.declarationList.flags & ts.NodeFlags.Const) ||
    declaration.declarationList.declarations.length !== 1
  )
    return undefined;
  const [declarator] = declaration.declarationList.declarations;
  if (!declarator || !ts.isIdentifier(declarator.name) || !declarator.initializer) return undefined;
  const variable = declarator.name;
  const init = skipTsWrappers(declarator.initializer, ['parentheses']);
  const condition = skipTsWrappers(ts.isForStatement(loop) ? loop.condition! : loop.expression, [
    'parentheses',
  ]);
  if (!ts.isBinaryExpression(condition)) return undefined;
  const ordered = orderAsLess(condition);
  if (!ordered) return undefined;
  const [smaller, larger] = ordered;

  // `Date.now() < end` with `const end = Date.now() + ms`.
  if (
    isClock(program, smaller, wait.clockKind) &&
    isVariable(larger, variable) &&
    ts.isBinaryExpression(init)
  ) {
    if (init.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
    if (isClock(program, init.left, wait.clockKind))
      return { duration: init.right, declaration, variable };
    if (isClock(program, init.right, wait.clockKind))
      return { duration: init.left, declaration, variable };
    return undefined;
  }
  // `Date.now() - start < ms` with `const start = Date.now()`.
  const elapsed = skipTsWrappers(smaller, ['parentheses']);
  if (
    ts.isBinaryExpression(elapsed) &&
    elapsed.operatorToken.kind === ts.SyntaxKind.MinusToken &&
    isClock(program, elapsed.left, wait.clockKind) &&
    isVariable(elapsed.right, variable) &&
    isClock(program, init, wait.clockKind)
  ) {
    return { duration: larger, declaration, variable };
  }
  return undefined;
}

function comparisonsIn(condition: ts.Expression): ts.BinaryExpression[] {
  const found: ts.BinaryExpression[] = [];
  const visit = (node: ts.Expression): void => {
    const bare = skipTsWrappers(node, ['parentheses']);
    if (ts.isPrefixUnaryExpression(bare) && bare.operator === ts.SyntaxKind.ExclamationToken) {
      visit(bare.operand);
    } else if (ts.isBinaryExpression(bare)) {
      const operator = bare.operatorToken.kind;
      if (
        operator === ts.SyntaxKind.AmpersandAmpersandToken ||
        operator === ts.SyntaxKind.BarBarToken
      ) {
        visit(bare.left);
        visit(bare.right);
      } else if (isRelational(operator)) {
        found.push(bare);
      }
    }
  };
  visit(condition);
  return found;
}

function isRelational(operator: ts.SyntaxKind): boolean {
  return (
    operator === ts.SyntaxKind.LessThanToken ||
    operator === ts.SyntaxKind.LessThanEqualsToken ||
    operator === ts.SyntaxKind.GreaterThanToken ||
    operator === ts.SyntaxKind.GreaterThanEqualsToken
  );
}

/** `[a, b]` for `a < b`, `a <= b`, `b > a` and `b >= a`. */
function orderAsLess(comparison: ts.BinaryExpression): [ts.Expression, ts.Expression] | undefined {
  switch (comparison.operatorToken.kind) {
    case ts.SyntaxKind.LessThanToken:
    case ts.SyntaxKind.LessThanEqualsToken:
      return [comparison.left, comparison.right];
    case ts.SyntaxKind.GreaterThanToken:
    case ts.SyntaxKind.GreaterThanEqualsToken:
      return [comparison.right, comparison.left];
    default:
      return undefined;
  }
}

/** A clock read anywhere in `expression` (`Date.now() - start`, `new Date().getTime()`), outside nested functions. */
function findClockRead(
  program: ts.Program,
  expression: ts.Expression,
): { node: ts.Expression; kind: ClockKind } | undefined {
  let found: { node: ts.Expression; kind: ClockKind } | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const kind = clockKindOf(program, node);
      if (kind) {
        found = { node, kind };
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function clockKindOf(
  program: ts.Program,
  node: ts.CallExpression | ts.NewExpression,
): ClockKind | undefined {
  if (ts.isNewExpression(node) && (node.arguments?.length ?? 0) > 0) return undefined;
  const callee = resolveCalleeNode(program, node);
  if (!callee) return undefined;
  if (ts.isNewExpression(node))
    return callee.origin === 'global' && callee.name === 'Date' ? 'new Date' : undefined;
  if (node.arguments.length > 0 || callee.name !== 'now') return undefined;
  if (callee.origin === 'global' && callee.container === 'DateConstructor') return 'Date.now';
  if (
    callee.container === 'Performance' &&
    (callee.origin === 'global' || callee.module === 'perf_hooks')
  )
    return 'performance.now';
  return undefined;
}

function isClock(program: ts.Program, expression: ts.Expression, kind: ClockKind): boolean {
  const bare = skipTsWrappers(expression, ['parentheses']);
  return ts.isCallExpression(bare) && clockKindOf(program, bare) === kind;
}

function isVariable(expression: ts.Expression, variable: ts.Identifier): boolean {
  const bare = skipTsWrappers(expression, ['parentheses']);
  return ts.isIdentifier(bare) && bare.text === variable.text;
}

function containsAwait(loop: LoopNode): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (
      ts.isAwaitExpression(node) ||
      (ts.isForOfStatement(node) && node.awaitModifier) ||
      ts.isYieldExpression(node)
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(loop, visit);
  return found;
}

function bodyDoesWork(program: ts.Program, body: ts.Statement): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !clockKindOf(program, node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

function isEmptyStatement(statement: ts.Statement): boolean {
  return (
    ts.isEmptyStatement(statement) || (ts.isBlock(statement) && statement.statements.length === 0)
  );
}

function previousStatement(statement: ts.Statement): ts.Statement | undefined {
  const parent = statement.parent;
  if (!ts.isBlock(parent) && !ts.isSourceFile(parent) && !ts.isCaseOrDefaultClause(parent))
    return undefined;
  const index = parent.statements.indexOf(statement);
  return index > 0 ? parent.statements[index - 1] : undefined;
}
