// Assertions that return a promise: `expect(p).rejects.toThrow()`, `assert.rejects(p)`, Playwright's
// `expect(locator).toBeVisible()`, chai-as-promised's `.should.eventually…`, AVA's `t.throwsAsync(…)`. Left floating,
// such an assertion runs after its test has passed, so it can never fail the test: in test code this is the floating
// promise that matters most. Recognised by the names along the call chain, since assertion libraries are many and
// their types often `any`.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

const ASSERTION_NAMES = new Set([
  'expect',
  'assert',
  'should',
  'rejects',
  'resolves',
  'eventually',
  'throwsAsync',
  'notThrowsAsync',
  'doesNotReject',
]);

/** True when a name along `node`'s chain of calls and member accesses is an assertion library's. */
export function isAssertionChain(node: TSESTree.Node): boolean {
  let current: TSESTree.Node | undefined = node;
  while (current) {
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
        return ASSERTION_NAMES.has(current.name);
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        current = current.callee;
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (
          !current.computed &&
          current.property.type === AST_NODE_TYPES.Identifier &&
          ASSERTION_NAMES.has(current.property.name)
        )
          return true;
        current = current.object;
        break;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        current = current.expression;
        break;
      default:
        return false;
    }
  }
  return false;
}

/**
 * False when no token of `node` is an assertion name, so that no chain inside it can be an assertion. A cheap test
 * to run before asking the checker for types in test code, where only assertions are reported.
 */
export function mayHoldAssertion(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  return sourceCode.getTokens(node).some((token) => ASSERTION_NAMES.has(token.value));
}
