// Questions about a variable that ESLint's scope analysis answers: which variable an identifier refers to, the one
// declarator it has, whether it is assigned again after that, what a `const` of the file stands for, and whether a
// name refers to a global (no binding of the file declares it).
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipWrappers, TYPE_ASSERTIONS } from './wrappers';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The variable `identifier` refers to, looked up from its scope outwards. */
export function variableOf(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | undefined {
  return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) ?? undefined;
}

/** The declarator of a variable declared exactly once, by `const`, `let` or `var`. */
export function soleDeclarator(
  variable: TSESLint.Scope.Variable,
): TSESTree.VariableDeclarator | undefined {
  const [definition] = variable.defs;
  if (variable.defs.length !== 1 || definition?.type !== TSESLint.Scope.DefinitionType.Variable)
    return undefined;
  return definition.node;
}

/** True when the variable is assigned anywhere but in its declaration. */
export function isReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/**
 * `expression` with a `const` (or never reassigned `let`) of this file replaced by its initializer, once or more, and
 * without type assertions.
 */
export function followConstant(
  sourceCode: SourceCode,
  expression: TSESTree.Expression,
): TSESTree.Expression {
  let current = skipWrappers(expression, TYPE_ASSERTIONS);
  for (let depth = 0; depth < 8 && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const variable = variableOf(sourceCode, current);
    if (!variable) break;
    const declarator = soleDeclarator(variable);
    if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) break;
    if (isReassigned(variable)) break;
    current = skipWrappers(declarator.init, TYPE_ASSERTIONS);
  }
  return current;
}

/** True when `identifier` refers to a global: lib files declare globals, and no declaration of this file shadows it. */
export function isGlobalReference(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): boolean {
  const variable = variableOf(sourceCode, identifier);
  return !variable || variable.defs.length === 0;
}

/** True when `identifier` refers to a parameter of a function around it. */
export function isParameterReference(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): boolean {
  return (
    variableOf(sourceCode, identifier)?.defs.some(
      (definition) => definition.type === TSESLint.Scope.DefinitionType.Parameter,
    ) ?? false
  );
}
