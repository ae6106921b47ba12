// Tasks: promises stored in a variable (`const user = loadUser(id);`) for the code to read later, each with the
// function or module that runs it and its first read. A promise whose rejection is handled from the start
// (`f().catch(…)`, `Promise.allSettled(…)`, a `new Promise` without `reject`) is no task here.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { type CodeOwner, ownerOf } from '../util/enclosing-function';
import { containsNode } from '../util/traverse';
import { isReassigned, soleDeclarator } from '../util/variables';
import { isStandardLibraryGlobal } from './globals';
import { isRejectionHandled } from './promise-handlers';
import { isPromiseLikeType, type PromiseTypeContext } from './promise-types';

type Variable = TSESLint.Scope.Variable;

export interface Task {
  variable: Variable;
  declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  owner: CodeOwner;
  /** The value read of the variable that comes first in the source. */
  firstRead: TSESTree.Identifier;
  /** Assigned again after its declaration. */
  reassigned: boolean;
}

/** The tasks of one file, each found once. */
export class TaskVariables {
  private readonly known = new Map<Variable, Task | null>();
  private readonly typeContext: PromiseTypeContext;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly services: ParserServicesWithTypeInformation,
  ) {
    const { program } = services;
    this.typeContext = { checker: program.getTypeChecker(), program, checkThenables: false };
  }

  /** The task `variable` holds, if it holds one. */
  taskOf(variable: Variable): Task | undefined {
    const known = this.known.get(variable);
    if (known !== undefined) return known ?? undefined;
    const task = this.find(variable);
    this.known.set(variable, task ?? null);
    return task;
  }

  /** Tasks of `owner` declared before `statement` and first read at or after its start, in declaration order. */
  pendingAt(owner: CodeOwner, statement: TSESTree.Node): Task[] {
    const found: Task[] = [];
    const visit = (scope: TSESLint.Scope.Scope): void => {
      for (const variable of scope.variables) {
        const candidate = this.taskOf(variable);
        if (
          candidate &&
          candidate.owner === owner &&
          candidate.declarator.range[1] <= statement.range[0] &&
          candidate.firstRead.range[0] >= statement.range[0]
        ) {
          found.push(candidate);
        }
      }
      for (const child of scope.childScopes) {
        if (
          child.type !== TSESLint.Scope.ScopeType.function &&
          child.type !== TSESLint.Scope.ScopeType.class
        )
          visit(child);
      }
    };
    const ownerScope =
      this.sourceCode.scopeManager?.acquire(owner, true) ?? this.sourceCode.getScope(owner);
    visit(ownerScope);
    return found.sort((a, b) => a.declarator.range[0] - b.declarator.range[0]);
  }

  private find(variable: Variable): Task | undefined {
    const declarator = soleDeclarator(variable);
    if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init)
      return undefined;
    const declaration = declarator.parent;
    if (declaration.kind === 'using' || declaration.kind === 'await using' || declaration.declare)
      return undefined;
    // An exported binding may be read by importers at any time.
    if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
    const owner = ownerOf(this.sourceCode, declarator);
    if (!owner) return undefined;
    const firstRead = firstReadOf(variable);
    // A read before the declaration (a `var` read in an earlier loop turn) makes source order meaningless.
    if (!firstRead || firstRead.range[0] < declarator.range[1]) return undefined;
    const init = this.services.esTreeNodeToTSNodeMap.get(declarator.init);
    if (
      !isPromiseLikeType(this.typeContext, init, this.services.getTypeAtLocation(declarator.init))
    )
      return undefined;
    if (this.isHandledAtStart(declarator.init)) return undefined;
    return {
      variable,
      declarator: declarator as Task['declarator'],
      owner,
      firstRead,
      reassigned: isReassigned(variable),
    };
  }

  /**
   * `f().catch(…)` and `Promise.allSettled(…)` are started with their rejections already taken care of, and a
   * `new Promise(resolve => …)` whose executor takes no `reject` (a latch that a callback resolves) can fail only
   * while it is being created, before any wait.
   */
  private isHandledAtStart(init: TSESTree.Expression): boolean {
    const expression = init.type === AST_NODE_TYPES.ChainExpression ? init.expression : init;
    if (expression.type === AST_NODE_TYPES.NewExpression)
      return this.isResolveOnlyPromise(expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
    if (isRejectionHandled(expression, (node) => this.services.getTypeAtLocation(node)))
      return true;
    const { callee } = expression;
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      callee.property.name === 'allSettled' &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Promise' &&
      this.isGlobalPromise(callee.object)
    );
  }

  private isResolveOnlyPromise(construction: TSESTree.NewExpression): boolean {
    const [executor] = construction.arguments;
    if (
      construction.callee.type !== AST_NODE_TYPES.Identifier ||
      construction.callee.name !== 'Promise'
    )
      return false;
    if (!this.isGlobalPromise(construction.callee)) return false;
    if (executor?.type === AST_NODE_TYPES.ArrowFunctionExpression)
      return executor.params.length < 2;
    if (executor?.type !== AST_NODE_TYPES.FunctionExpression || executor.params.length >= 2)
      return false;
    // `arguments[1]` is the reject function even when no parameter names it.
    return !containsNode(
      this.sourceCode,
      executor.body,
      (node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments',
    );
  }

  private isGlobalPromise(at: TSESTree.Node): boolean {
    return isStandardLibraryGlobal(
      this.services.program,
      'Promise',
      this.services.esTreeNodeToTSNodeMap.get(at),
    );
  }
}

/** The value read of `variable` that comes first in the source. */
export function firstReadOf(variable: Variable): TSESTree.Identifier | undefined {
  let first: TSESTree.Identifier | undefined;
  for (const reference of variable.references) {
    if (!reference.isValueReference || !reference.isRead()) continue;
    const identifier = reference.identifier;
    if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
    if (!first || identifier.range[0] < first.range[0]) first = identifier;
  }
  return first;
}
