// Whether every task of a fan-out goes through one client: the same receiver (`db.query(…)` on one `Client`,
// `queryRunner.query(…)`, one connection or session) in each. A single connection runs one query at a time (pg
// queues them and deprecates concurrent queries on one client), so running the tasks "N at a time" gains nothing:
// the right rewrite is one after another. The receiver comes from the same analysis `prefer-concurrent-awaits` uses
// to tell dependent turns of a loop (`shared-state.ts`, `selfConflictOf`), kept to receivers that are clients.
import ts from 'typescript';

import { pathText, selfConflictOf } from './footprints';
import { getSharedStateAnalysis } from './shared-state';

/** Type names of one connection; a pool hands out many. */
const CLIENT_TYPE = /(Client|Connection|QueryRunner|Session|Transaction|EntityManager|Socket)$/;
const CLIENT_NAME =
  /^(db|client|conn|connection|queryRunner|runner|tx|trx|transaction|session|em)$/i;
const POOL = /Pool/;

/** The text of the one client every run of `task` calls a method of (`db`, `this.queryRunner`), if any. */
export function sharedClientOf(program: ts.Program, task: ts.Expression): string | undefined {
  const fn = skipParentheses(task);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const checker = program.getTypeChecker();
  const clients = clientReceivers(checker, fn.body);
  if (clients.size === 0) return undefined;
  const footprint = getSharedStateAnalysis(program, { maxDepth: 1 }).footprintOf(fn.body, fn);
  // Each run calls a method of the same object, declared outside the task, and that object is a client.
  const conflict = selfConflictOf(
    { ...footprint, accesses: [], resources: new Map() },
    (path) => !clients.has(pathText(path)),
  );
  return conflict?.kind === 'same-receiver' ? pathText(conflict.path) : undefined;
}

/** The receivers, as text, of the method calls in `body` whose receiver is a client by its type or name. */
function clientReceivers(checker: ts.TypeChecker, body: ts.Node): Set<string> {
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const receiver = skipParentheses(node.expression.expression);
      const type = checker.getTypeAtLocation(receiver);
      const typeName = type.aliasSymbol?.getName() ?? type.getSymbol()?.getName() ?? '';
      const name = ts.isPropertyAccessExpression(receiver)
        ? receiver.name.text
        : ts.isIdentifier(receiver)
          ? receiver.text
          : '';
      const isClient =
        (CLIENT_TYPE.test(typeName) || CLIENT_NAME.test(name)) && !POOL.test(typeName);
      if (isClient) found.add(receiver.getText().replace(/\s+/g, ''));
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/**
 * The clients of one connection a call hands to its callee, by their variables: an argument, or a property of an
 * object literal argument (`Model.findAll({ where, transaction })`), that is a client by its type (a `Transaction`,
 * a `QueryRunner`, an `EntityManager`; not a pool). Two calls given the same one run on that one connection, one
 * query at a time, whatever the code awaits.
 */
export function clientsPassedTo(checker: ts.TypeChecker, call: ts.CallExpression): ts.Symbol[] {
  const found = new Set<ts.Symbol>();
  const consider = (expression: ts.Expression): void => {
    const value = skipParentheses(expression);
    if (!ts.isIdentifier(value) || !isOneConnection(checker.getTypeAtLocation(value))) return;
    const symbol = checker.getSymbolAtLocation(value);
    if (symbol) found.add(symbol);
  };
  for (const argument of call.arguments) {
    const value = skipParentheses(argument);
    if (!ts.isObjectLiteralExpression(value)) {
      consider(value);
      continue;
    }
    for (const property of value.properties)
      if (ts.isShorthandPropertyAssignment(property)) {
        const symbol = checker.getShorthandAssignmentValueSymbol(property);
        if (symbol && isOneConnection(checker.getTypeOfSymbolAtLocation(symbol, property)))
          found.add(symbol);
      } else if (ts.isPropertyAssignment(property)) consider(property.initializer);
  }
  return [...found];
}

/** A client of one connection by its type's name (not a pool). */
function isOneConnection(type: ts.Type): boolean {
  const typeName = type.aliasSymbol?.getName() ?? type.getSymbol()?.getName() ?? '';
  return CLIENT_TYPE.test(typeName) && !POOL.test(typeName);
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}
