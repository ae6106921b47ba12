// Whether a file is code for a browser page: it reads one of the DOM's own globals (`window`, `document`,
// `navigator`, `localStorage`, `sessionStorage`) as the global itself, not a variable or import of that name and
// not only under `typeof` (the check code shared with a server makes before touching the page).
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

const DOM_GLOBALS: ReadonlySet<string> = new Set([
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
]);

const answers = new WeakMap<TSESTree.Program, boolean>();

/** True when the file reads a DOM global: it runs in a browser page, in front of a person. */
export function isBrowserCode(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const known = answers.get(sourceCode.ast);
  if (known !== undefined) return known;
  const answer = readsDomGlobal(sourceCode);
  answers.set(sourceCode.ast, answer);
  return answer;
}

function readsDomGlobal(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  // A global the default library declares resolves to a variable without declarations in the code; one no library
  // declares is left unresolved, in the global scope's `through`.
  const references: TSESLint.Scope.Reference[] = [...globalScope.through];
  for (const name of DOM_GLOBALS) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0) references.push(...variable.references);
  }
  return references.some(
    ({ identifier }) =>
      DOM_GLOBALS.has(identifier.name) &&
      !(
        identifier.parent?.type === AST_NODE_TYPES.UnaryExpression &&
        identifier.parent.operator === 'typeof'
      ),
  );
}
