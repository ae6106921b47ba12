// Calls whose result the code caches, so that they run once per cache key however often their function runs: the
// lazy-load idioms
//   let sql = cache.get(name); if (sql === undefined) { sql = readFileSync(…); cache.set(name, sql); }
//   if (!cache.has(name)) cache.set(name, readFileSync(…));
//   if (template === undefined) template = readFileSync(…);      (a module-level `let`, or `this.template`)
//   template ??= readFileSync(…);
// where the cache outlives the call: a module-level variable, or a property of `this` or of a class. Read from syntax
// and declarations only.
import ts from 'typescript';

import { skipTsWrappers } from '../util/wrappers';

/** True when `call` runs only on a cache miss of a cache that outlives its function (see the file's comment). */
export function runsOncePerCacheKey(checker: ts.TypeChecker, call: ts.Node): boolean {
  for (let node = call; node.parent && !ts.isFunctionLike(node); node = node.parent) {
    const parent = node.parent;
    if (
      ts.isBinaryExpression(parent) &&
      parent.right === node &&
      (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        parent.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken) &&
      isLongLived(checker, parent.left)
    )
      return true;
    if (
      ts.isIfStatement(parent) &&
      parent.thenStatement === node &&
      isCacheMiss(checker, parent.expression, parent.thenStatement)
    )
      return true;
  }
  return false;
}

/**
 * `!cache.has(key)` with `cache.set(…)` in the branch; `value === undefined` (`== null`, `!value`, …) where `value`
 * holds `cache.get(key)` and the branch calls `cache.set(…)`, or where `value` itself outlives the function and the
 * branch assigns it.
 */
function isCacheMiss(
  checker: ts.TypeChecker,
  condition: ts.Expression,
  branch: ts.Statement,
): boolean {
  const test = skipTsWrappers(condition, ['parentheses']);
  if (ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken) {
    const operand = skipTsWrappers(test.operand, ['parentheses']);
    const cache = methodReceiver(operand, 'has');
    if (cache) return isLongLived(checker, cache) && callsMethodOn(branch, cache, 'set');
    return unsetValueIsCached(checker, operand, branch);
  }
  if (ts.isBinaryExpression(test) && isEqualityOperator(test.operatorToken.kind)) {
    const [value, other] = isNothing(test.right)
      ? [test.left, test.right]
      : [test.right, test.left];
    return isNothing(other) && unsetValueIsCached(checker, value, branch);
  }
  return false;
}

/** `value` is unset: filled from a long-lived cache's `get` and stored back with `set`, or itself long-lived and assigned. */
function unsetValueIsCached(
  checker: ts.TypeChecker,
  value: ts.Expression,
  branch: ts.Statement,
): boolean {
  const inner = skipTsWrappers(value, ['parentheses', 'non-null']);
  if (isLongLived(checker, inner)) return assigns(branch, inner);
  if (!ts.isIdentifier(inner)) return false;
  const declaration = checker.getSymbolAtLocation(inner)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer)
    return false;
  const cache = methodReceiver(
    skipTsWrappers(declaration.initializer, ['parentheses', 'non-null', 'as']),
    'get',
  );
  return cache !== undefined && isLongLived(checker, cache) && callsMethodOn(branch, cache, 'set');
}

/** `x` in `x.<method>(…)`. */
function methodReceiver(expression: ts.Expression, method: string): ts.Expression | undefined {
  if (!ts.isCallExpression(expression)) return undefined;
  const callee = skipTsWrappers(expression.expression, ['parentheses', 'non-null']);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === method
    ? callee.expression
    : undefined;
}

/** Whether `root` contains a call `receiver.<method>(…)` with the same receiver as written. */
function callsMethodOn(root: ts.Node, receiver: ts.Expression, method: string): boolean {
  const text = receiver.getText();
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    const seen = ts.isExpression(node) ? methodReceiver(node, method) : undefined;
    if (seen && seen.getText() === text) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** Whether `root` assigns `target` (as written) with `=`. */
function assigns(root: ts.Node, target: ts.Expression): boolean {
  const text = target.getText();
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      skipTsWrappers(node.left, ['parentheses', 'non-null']).getText() === text
    )
      found = true;
    else ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** A module-level variable, or a property of `this` or of a class (`Loader.cache`): it outlives the call. */
function isLongLived(checker: ts.TypeChecker, expression: ts.Expression): boolean {
  const inner = skipTsWrappers(expression, ['parentheses', 'non-null']);
  if (ts.isPropertyAccessExpression(inner)) {
    const owner = skipTsWrappers(inner.expression, ['parentheses', 'non-null']);
    if (owner.kind === ts.SyntaxKind.ThisKeyword) return true;
    const declaration = checker.getSymbolAtLocation(owner)?.valueDeclaration;
    return declaration !== undefined && ts.isClassLike(declaration);
  }
  if (!ts.isIdentifier(inner)) return false;
  const declaration = checker.getSymbolAtLocation(inner)?.valueDeclaration;
  return (
    declaration !== undefined &&
    ts.isVariableDeclaration(declaration) &&
    ts.isVariableStatement(declaration.parent.parent) &&
    ts.isSourceFile(declaration.parent.parent.parent)
  );
}

function isEqualityOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken;
}

/** `undefined` or `null`. */
function isNothing(expression: ts.Expression): boolean {
  const inner = skipTsWrappers(expression, ['parentheses']);
  return (
    inner.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(inner) && inner.text === 'undefined')
  );
}
