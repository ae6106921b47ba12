// Where an identifier stands in an access chain, and what the code does with the chain (`a.b.c = v` changes it,
// `a.b.c()` calls a method on it, `f(a.b)` passes it, anything else reads it), in TypeScript's tree.
import ts from 'typescript';

import { skipTsWrappers, TYPE_ASSERTIONS } from '../util/wrappers';

/** Syntax that holds types only, or imports and exports: no value is read there. */
export function isTypeOnly(node: ts.Node): boolean {
  return (
    (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeParameterDeclaration(node) ||
    ts.isImportDeclaration(node) ||
    ts.isExportDeclaration(node)
  );
}

/** An identifier that refers to a binding, not one that declares it or names a property or a label. */
export function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if (ts.isQualifiedName(parent) && parent.right === identifier) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === identifier) return false;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isModuleDeclaration(parent) ||
      ts.isImportEqualsDeclaration(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isImportClause(parent) ||
      ts.isJsxAttribute(parent)) &&
    parent.name === identifier
  ) {
    return false;
  }
  return !(
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isMetaProperty(parent)
  );
}

/** An expression without parentheses and type assertions around it. */
export function skipOuter(expression: ts.Expression): ts.Expression {
  return skipTsWrappers(expression, ['parentheses', ...TYPE_ASSERTIONS]);
}

/** The outermost member access of the chain that starts at `node` (`a.b.c` for `a`); a computed key ends it. */
export function chainTop(node: ts.Expression): ts.Expression {
  let current: ts.Expression = node;
  for (;;) {
    let parent = current.parent;
    let inner: ts.Node = current;
    while (
      ts.isParenthesizedExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isTypeAssertionExpression(parent)
    ) {
      inner = parent;
      parent = parent.parent;
    }
    if (
      (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
      parent.expression === inner
    ) {
      // After a computed key (`a[k]`) the path ends at `a`, but the chain goes on: `a[k] = v` changes `a`.
      current = parent;
      continue;
    }
    return current;
  }
}

/** What code does with an access chain. */
export type Role = 'change' | 'call' | 'argument' | 'read';

export function roleOf(top: ts.Expression): Role {
  let node: ts.Node = top;
  while (
    ts.isParenthesizedExpression(node.parent) ||
    ts.isNonNullExpression(node.parent) ||
    ts.isAsExpression(node.parent) ||
    ts.isSatisfiesExpression(node.parent) ||
    ts.isTypeAssertionExpression(node.parent)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (isAssignmentTarget(node)) return 'change';
  if (
    (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
    (parent.operator === ts.SyntaxKind.PlusPlusToken ||
      parent.operator === ts.SyntaxKind.MinusMinusToken)
  ) {
    return 'change';
  }
  if (ts.isDeleteExpression(parent)) return 'change';
  if (ts.isCallExpression(parent) && parent.expression === node) return 'call';
  if (
    (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
    parent.arguments?.some((argument) => argument === node)
  )
    return 'argument';
  return 'read';
}

/** The target of an assignment: `x = …`, `x += …`, `[x] = …`, `({ x } = …)`, `for (x of …)`. */
function isAssignmentTarget(node: ts.Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (ts.isBinaryExpression(parent)) {
      return (
        parent.left === current &&
        parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      );
    }
    if (
      (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) &&
      parent.initializer === current
    )
      return true;
    if (
      ts.isArrayLiteralExpression(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent) ||
      ts.isParenthesizedExpression(parent)
    ) {
      current = parent;
      continue;
    }
    if (
      ts.isShorthandPropertyAssignment(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === current)
    ) {
      current = parent.parent;
      continue;
    }
    return false;
  }
}
