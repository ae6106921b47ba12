// Reports a task (a promise stored in a variable) that has no rejection handler while its function waits on
// something else: `const a = f(); const b = g(); await a; await b;` crashes Node if `b` rejects while `a` is pending.
import {
  AST_NODE_TYPES,
  ASTUtils,
  ESLintUtils,
  TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { createRule } from '../util/create-rule';
import {
  findEnclosingFunction,
  type FunctionNode,
  isFunctionNode,
} from '../util/enclosing-function';
import { isRejectionHandled } from '../analysis/promise-handlers';
import {
  isPromiseEveryway,
  isPromiseLikeType,
  type PromiseTypeContext,
} from '../analysis/promise-types';
import { recordRelatedLocations } from '../util/related-locations';
import { containsNode } from '../util/traverse';
import {
  describeSuspension,
  firstSuspensionBetween,
  type SuspensionPoint,
  suspensionPoints,
} from '../analysis/suspension-points';

export type Options = [];

export type MessageIds = 'unhandledTask' | 'awaitTogether' | 'settleAllFirst';

type Owner = FunctionNode | TSESTree.Program;
type Variable = TSESLint.Scope.Variable;

/** A promise stored in a variable: where it is declared and where it is first read. */
interface Task {
  variable: Variable;
  declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  owner: Owner;
  firstRead: TSESTree.Identifier;
  /** Assigned again after its declaration. */
  reassigned: boolean;
}

/** `await x;` or `const|let|var binding = await x;`: one statement that awaits one operand. */
interface AwaitStatement {
  statement: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration;
  kind: 'const' | 'let' | 'var' | undefined;
  binding: TSESTree.Identifier | TSESTree.ObjectPattern | TSESTree.ArrayPattern | undefined;
  awaitNode: TSESTree.AwaitExpression;
  operand: TSESTree.Expression;
}

type StatementList =
  TSESTree.BlockStatement | TSESTree.Program | TSESTree.StaticBlock | TSESTree.SwitchCase;

export default createRule<Options, MessageIds>({
  name: 'no-unhandled-task-rejection',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow tasks that have no rejection handler while their function awaits something else',
      requiresTypeChecking: true,
      recommended: 'error',
      strict: 'error',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unhandledTask:
        "'{{name}}' has no rejection handler while the function waits at `{{waitingAt}}` (line {{line}}): if it rejects then, Node reports an unhandled rejection and by default exits, although the code handles it later.",
      awaitTogether:
        'Await the tasks together with `Promise.all` (the statements between the awaits then run after all of them settle)',
      settleAllFirst:
        'Settle the tasks first with `await Promise.allSettled([…])` (each failure is still handled where it is now)',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    const { sourceCode } = context;
    const typeContext: PromiseTypeContext = {
      checker,
      program: services.program,
      checkThenables: false,
    };
    const tsNodeOf = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);
    const typeOf = (node: TSESTree.Node): ts.Type => services.getTypeAtLocation(node);

    // --- which variables hold tasks ----------------------------------------------------------------------------

    const tasks = new Map<Variable, Task | null>();

    function taskOf(variable: Variable): Task | undefined {
      const known = tasks.get(variable);
      if (known !== undefined) return known ?? undefined;
      const task = findTask(variable);
      tasks.set(variable, task ?? null);
      return task;
    }

    function findTask(variable: Variable): Task | undefined {
      const [definition] = variable.defs;
      if (variable.defs.length !== 1 || definition?.type !== TSESLint.Scope.DefinitionType.Variable)
        return undefined;
      const declarator = definition.node;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
      const declaration = declarator.parent;
      if (declaration.kind === 'using' || declaration.kind === 'await using' || declaration.declare)
        return undefined;
      // An exported binding may be read by importers at any time.
      if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
      const owner = findEnclosingFunction(declarator);
      if (owner === 'other') return undefined;
      const ownerNode = owner === 'module' ? sourceCode.ast : owner;
      const firstRead = firstReadOf(variable);
      // A read before the declaration (a `var` read in an earlier loop turn) makes source order meaningless.
      if (!firstRead || firstRead.range[0] < declarator.range[1]) return undefined;
      if (!isPromiseLikeType(typeContext, tsNodeOf(declarator.init), typeOf(declarator.init)))
        return undefined;
      if (isHandledAtStart(declarator.init)) return undefined;
      const reassigned = variable.references.some(
        (reference) => reference.isWrite() && !reference.init,
      );
      return {
        variable,
        declarator: declarator as Task['declarator'],
        owner: ownerNode,
        firstRead,
        reassigned,
      };
    }

    /** The value read of `variable` that comes first in the source. */
    function firstReadOf(variable: Variable): TSESTree.Identifier | undefined {
      let first: TSESTree.Identifier | undefined;
      for (const reference of variable.references) {
        if (!reference.isValueReference || !reference.isRead()) continue;
        const identifier = reference.identifier;
        if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
        if (!first || identifier.range[0] < first.range[0]) first = identifier;
      }
      return first;
    }

    /**
     * `f().catch(…)` and `Promise.allSettled(…)` are started with their rejections already taken care of, and a
     * `new Promise(resolve => …)` whose executor takes no `reject` (a latch that a callback resolves) can fail only
     * while it is being created, before any wait.
     */
    function isHandledAtStart(init: TSESTree.Expression): boolean {
      const expression = init.type === AST_NODE_TYPES.ChainExpression ? init.expression : init;
      if (expression.type === AST_NODE_TYPES.NewExpression) return isResolveOnlyPromise(expression);
      if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
      if (isRejectionHandled(expression, typeOf)) return true;
      const { callee } = expression;
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.property.name === 'allSettled' &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'Promise' &&
        isGlobalPromise(callee.object)
      );
    }

    function isResolveOnlyPromise(construction: TSESTree.NewExpression): boolean {
      const [executor] = construction.arguments;
      if (
        construction.callee.type !== AST_NODE_TYPES.Identifier ||
        construction.callee.name !== 'Promise'
      )
        return false;
      if (!isGlobalPromise(construction.callee)) return false;
      if (executor?.type === AST_NODE_TYPES.ArrowFunctionExpression)
        return executor.params.length < 2;
      if (executor?.type !== AST_NODE_TYPES.FunctionExpression || executor.params.length >= 2)
        return false;
      // `arguments[1]` is the reject function even when no parameter names it.
      return !containsNode(
        sourceCode,
        executor.body,
        (node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments',
      );
    }

    function isGlobalPromise(at: TSESTree.Node): boolean {
      const symbol = checker.resolveName('Promise', tsNodeOf(at), ts.SymbolFlags.Value, false);
      const declarations = symbol?.getDeclarations() ?? [];
      return (
        declarations.length > 0 &&
        declarations.every((declaration) =>
          services.program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
        )
      );
    }

    function variableOf(identifier: TSESTree.Identifier): Variable | undefined {
      return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) ?? undefined;
    }

    // --- the report -----------------------------------------------------------------------------------------------

    function check(declarator: TSESTree.VariableDeclarator): void {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return;
      const [variable] = sourceCode.getDeclaredVariables(declarator);
      if (!variable) return;
      // Cheap syntactic checks first: most variables are read before the function suspends, or never suspend.
      const owner = findEnclosingFunction(declarator);
      if (owner === 'other') return;
      const points = suspensionPoints(sourceCode, owner === 'module' ? sourceCode.ast : owner);
      if (points.length === 0) return;
      const firstRead = firstReadOf(variable);
      if (!firstRead) return;
      const waitingAt = firstSuspensionBetween(points, declarator.range[1], firstRead.range[0]);
      if (!waitingAt) return;
      const task = taskOf(variable);
      if (!task) return;

      const fixes = buildFixes(task, waitingAt);
      const waitLine = waitingAt.node.loc.start.line;
      context.report({
        node: declarator.id,
        messageId: 'unhandledTask',
        data: {
          name: variable.name,
          waitingAt: describeSuspension(sourceCode, waitingAt),
          line: waitLine,
        },
        fix: fixes.exact,
        suggest: fixes.suggestions,
      });
      recordRelatedLocations(context, declarator.id.loc.start, [
        {
          filePath: context.filename,
          line: waitingAt.node.loc.start.line,
          column: waitingAt.node.loc.start.column + 1,
          endLine: waitingAt.node.loc.end.line,
          endColumn: waitingAt.node.loc.end.column + 1,
          message: `'${variable.name}' has no rejection handler while the function waits here.`,
        },
      ]);
    }

    // --- fixes --------------------------------------------------------------------------------------------------

    interface Fixes {
      exact: TSESLint.ReportFixFunction | null;
      suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[];
    }

    function buildFixes(task: Task, waitingAt: SuspensionPoint): Fixes {
      const fixes: Fixes = { exact: null, suggestions: [] };
      if (!isGlobalPromise(task.declarator)) return fixes;
      const together = awaitTogether(task, waitingAt);
      if (together?.exact) fixes.exact = together.fix;
      else if (together) fixes.suggestions.push({ messageId: 'awaitTogether', fix: together.fix });
      const settle = settleAllFirst(task, waitingAt);
      if (settle) fixes.suggestions.push({ messageId: 'settleAllFirst', fix: settle });
      return fixes;
    }

    /**
     * `const [a, b] = await Promise.all([ta, tb]);` in place of the statements that await each task, when the task's
     * first read is `await task` in a statement of the same list as the statement that holds the waiting point.
     *
     * The rewrite is exact (an autofix) when nothing runs between the awaits; see the rule's doc for the argument.
     */
    function awaitTogether(
      task: Task,
      waitingAt: SuspensionPoint,
    ): { fix: TSESLint.ReportFixFunction; exact: boolean } | undefined {
      if (task.reassigned || !isNativePromise(task.declarator.init!)) return undefined;
      const last = awaitStatementOf(task.firstRead);
      if (!last) return undefined;
      const list = last.statement.parent;
      if (!isStatementList(list)) return undefined;
      const statements = statementsOf(list);
      const lastIndex = statements.indexOf(last.statement);
      const firstIndex = statements.findIndex((statement) => contains(statement, waitingAt.node));
      if (firstIndex < 0 || firstIndex >= lastIndex) return undefined;
      const first = awaitStatementAt(statements[firstIndex]!);
      // The group's first await must be where the task starts waiting; an await inside its operand would still
      // run before `Promise.all` attaches the handlers.
      if (first?.awaitNode !== waitingAt.node) return undefined;

      const members: AwaitStatement[] = [first];
      const between: TSESTree.Node[] = [];
      for (const statement of statements.slice(firstIndex + 1, lastIndex)) {
        const candidate = awaitStatementAt(statement);
        if (candidate && isLaterMember(candidate, task.owner, first.statement))
          members.push(candidate);
        else between.push(statement);
      }
      if (task.declarator.range[1] > first.statement.range[0]) return undefined;
      members.push(last);
      // Tasks awaited right after this one join the group, so that every report in a run of awaits gets the same fix.
      for (const statement of statements.slice(lastIndex + 1)) {
        const candidate = awaitStatementAt(statement);
        if (!candidate || !isLaterMember(candidate, task.owner, first.statement)) break;
        members.push(candidate);
      }
      const end = members.at(-1)!.statement;

      const kinds = new Set(
        members.map((member) => member.kind).filter((kind) => kind !== undefined),
      );
      if (kinds.size > 1) return undefined;
      const [kind] = [...kinds];
      // Adjacent members are replaced up to the last one's `;`, which stays where it is (in a file without semicolons
      // it may guard the next line, `;[a, b].forEach(…)`); the combined statement has the first member's `;` otherwise.
      const keptSemicolon = between.length === 0 && endsWithSemicolon(end);
      const text = combinedStatement(
        members,
        kind,
        !keptSemicolon && endsWithSemicolon(first.statement),
      );
      if (text === undefined) return undefined;

      const exact =
        between.length === 0 &&
        kind !== 'var' &&
        members.every(
          (member) =>
            member.binding === undefined || member.binding.type === AST_NODE_TYPES.Identifier,
        ) &&
        members.every((member) => bindingIsUnobservedUntil(member, end));

      if (between.length === 0) {
        const range: TSESLint.AST.Range = [
          first.statement.range[0],
          keptSemicolon ? endBeforeSemicolon(end) : end.range[1],
        ];
        const moved = commentsIn(range);
        return {
          exact,
          fix: (fixer) => fixer.replaceTextRange(range, withComments(moved, text, first.statement)),
        };
      }
      const removals = members.slice(1).map((member) => removalRange(member.statement));
      const moved = [
        ...commentsIn(first.statement.range),
        ...removals.flatMap((range) => commentsIn(range)),
      ];
      return {
        exact,
        fix: (fixer) => [
          fixer.replaceText(first.statement, withComments(moved, text, first.statement)),
          ...removals.map((range) => fixer.removeRange(range)),
        ],
      };
    }

    /** A statement that awaits another task (not the first of the group): `await t;` whose `t` is first read there. */
    function isLaterMember(
      candidate: AwaitStatement,
      owner: Owner,
      firstStatement: TSESTree.Node,
    ): boolean {
      if (candidate.operand.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = variableOf(candidate.operand);
      const other = variable ? taskOf(variable) : undefined;
      return (
        other !== undefined &&
        other.owner === owner &&
        other.firstRead === candidate.operand &&
        !other.reassigned &&
        other.declarator.range[1] <= firstStatement.range[0] &&
        isNativePromise(other.declarator.init!)
      );
    }

    function isNativePromise(expression: TSESTree.Expression): boolean {
      return isPromiseEveryway(typeContext, tsNodeOf(expression), typeOf(expression), false);
    }

    /** The text of the combined statement, or `undefined` when the bindings' types cannot be kept. */
    function combinedStatement(
      members: readonly AwaitStatement[],
      kind: AwaitStatement['kind'],
      withSemicolon: boolean,
    ): string | undefined {
      const operands = members.map((member) =>
        member.operand.type === AST_NODE_TYPES.SequenceExpression
          ? `(${sourceCode.getText(member.operand)})`
          : sourceCode.getText(member.operand),
      );
      const call = `await Promise.all([${operands.join(', ')}])`;
      const semicolon = withSemicolon ? ';' : '';
      if (kind === undefined) return `${call}${semicolon}`;

      const names = members.map((member) => (member.binding ? bindingText(member.binding) : ''));
      while (names.at(-1) === '') names.pop();
      const annotated = members.some((member) => member.binding?.typeAnnotation);
      let annotation = '';
      if (annotated) {
        const types: string[] = [];
        for (const member of members) {
          const declared = member.binding?.typeAnnotation?.typeAnnotation;
          if (declared) types.push(sourceCode.getText(declared));
          else if (!member.binding) types.push('unknown');
          else if (member.operand.type === AST_NODE_TYPES.Identifier)
            types.push(`Awaited<typeof ${member.operand.name}>`);
          else return undefined;
        }
        annotation = `: [${types.join(', ')}]`;
      }
      return `${kind} [${names.join(', ')}]${annotation} = ${call}${semicolon}`;
    }

    function bindingText(binding: NonNullable<AwaitStatement['binding']>): string {
      if (!binding.typeAnnotation) return sourceCode.getText(binding);
      return sourceCode.text.slice(binding.range[0], binding.typeAnnotation.range[0]).trimEnd();
    }

    /**
     * True when nothing can read or write `member`'s binding before every task of the group has settled: no
     * reference sits before the group (a closure created earlier) or in a hoisted function declaration (which may
     * have been handed out before the group ran). Otherwise such code could see the binding set by the original
     * one-by-one awaits but still uninitialized after the rewrite.
     */
    function bindingIsUnobservedUntil(
      member: AwaitStatement,
      lastStatement: TSESTree.Node,
    ): boolean {
      if (member.binding?.type !== AST_NODE_TYPES.Identifier) return true;
      const declarator = (member.statement as TSESTree.VariableDeclaration).declarations[0];
      if (!declarator) return false;
      const [variable] = sourceCode.getDeclaredVariables(declarator);
      if (!variable) return false;
      return variable.references.every((reference) => {
        if (reference.init) return true;
        if (reference.identifier.range[0] < lastStatement.range[1]) return false;
        for (
          let node: TSESTree.Node | undefined = reference.identifier.parent;
          node && node !== declarator.parent.parent;
          node = node.parent
        ) {
          if (node.type === AST_NODE_TYPES.FunctionDeclaration) return false;
        }
        return true;
      });
    }

    /**
     * `await Promise.allSettled([…]);` before the statement that waits, for tasks whose failures the code handles
     * one by one (`try { await b } catch …` apart from the wait, or `b.catch(…)`): every task then has a handler at
     * once, and the existing code still sees each result or error in turn.
     */
    function settleAllFirst(
      task: Task,
      waitingAt: SuspensionPoint,
    ): TSESLint.ReportFixFunction | undefined {
      if (!handlesFailureSeparately(task.firstRead, waitingAt.node, task.owner)) return undefined;
      const list = innermostStatementListOf(waitingAt.node, task.firstRead, task.owner);
      if (!list) return undefined;
      const before = statementsOf(list).find((statement) => contains(statement, waitingAt.node));
      if (!before || task.declarator.range[1] > before.range[0]) return undefined;
      const pending = pendingTasksAt(task.owner, before);
      if (!pending.includes(task)) return undefined;
      if (!hasPromiseMember(before, 'allSettled')) return undefined;
      // Without a `;`, a statement starting with `(` or `[` after the inserted line would continue it.
      const semicolon =
        endsWithSemicolon(task.declarator.parent) || /^[([`+\-/]/.test(sourceCode.getText(before))
          ? ';'
          : '';
      const names = pending.map((pendingTask) => pendingTask.variable.name).join(', ');
      const text = `await Promise.allSettled([${names}])${semicolon}\n${indentOf(before)}`;
      return (fixer) => fixer.insertTextBefore(before, text);
    }

    /** The first read is in a `try` with a `catch` that does not also cover the wait, or is `task.catch(…)`. */
    function handlesFailureSeparately(
      read: TSESTree.Identifier,
      waiting: TSESTree.Node,
      owner: Owner,
    ): boolean {
      const member = read.parent;
      if (
        member.type === AST_NODE_TYPES.MemberExpression &&
        member.object === read &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member &&
        isRejectionHandled(member.parent, typeOf)
      ) {
        return true;
      }
      let child: TSESTree.Node = read;
      for (let node = read.parent; node !== owner; child = node, node = node.parent!) {
        if (isFunctionNode(node)) return false;
        if (node.type === AST_NODE_TYPES.TryStatement && node.block === child && node.handler) {
          return !contains(node, waiting);
        }
      }
      return false;
    }

    /** Tasks of `owner` declared before `statement` and first read at or after its start, in declaration order. */
    function pendingTasksAt(owner: Owner, statement: TSESTree.Node): Task[] {
      const found: Task[] = [];
      const visit = (scope: TSESLint.Scope.Scope): void => {
        for (const variable of scope.variables) {
          const candidate = taskOf(variable);
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
        sourceCode.scopeManager?.acquire(owner, true) ?? sourceCode.getScope(owner);
      visit(ownerScope);
      return found.sort((a, b) => a.declarator.range[0] - b.declarator.range[0]);
    }

    function hasPromiseMember(at: TSESTree.Node, name: string): boolean {
      const symbol = checker.resolveName('Promise', tsNodeOf(at), ts.SymbolFlags.Value, false);
      return (
        symbol !== undefined && checker.getTypeOfSymbol(symbol).getProperty(name) !== undefined
      );
    }

    // --- statements and text --------------------------------------------------------------------------------------

    function awaitStatementOf(read: TSESTree.Identifier): AwaitStatement | undefined {
      const awaitNode = read.parent;
      if (awaitNode.type !== AST_NODE_TYPES.AwaitExpression || awaitNode.argument !== read)
        return undefined;
      const holder = awaitNode.parent;
      const statement =
        holder.type === AST_NODE_TYPES.ExpressionStatement
          ? holder
          : holder.type === AST_NODE_TYPES.VariableDeclarator
            ? holder.parent
            : undefined;
      if (!statement) return undefined;
      const found = awaitStatementAt(statement);
      return found?.awaitNode === awaitNode ? found : undefined;
    }

    function awaitStatementAt(statement: TSESTree.Node): AwaitStatement | undefined {
      if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
        const expression = statement.expression;
        if (expression.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
        return {
          statement,
          kind: undefined,
          binding: undefined,
          awaitNode: expression,
          operand: expression.argument,
        };
      }
      if (
        statement.type !== AST_NODE_TYPES.VariableDeclaration ||
        statement.declarations.length !== 1 ||
        statement.declare
      ) {
        return undefined;
      }
      const { kind } = statement;
      if (kind !== 'const' && kind !== 'let' && kind !== 'var') return undefined;
      const [declarator] = statement.declarations;
      const init = declarator?.init;
      if (!declarator || init?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
      const binding = declarator.id;
      if (
        binding.type !== AST_NODE_TYPES.Identifier &&
        binding.type !== AST_NODE_TYPES.ObjectPattern &&
        binding.type !== AST_NODE_TYPES.ArrayPattern
      ) {
        return undefined;
      }
      return { statement, kind, binding, awaitNode: init, operand: init.argument };
    }

    function isStatementList(node: TSESTree.Node | undefined): node is StatementList {
      return (
        node?.type === AST_NODE_TYPES.BlockStatement ||
        node?.type === AST_NODE_TYPES.Program ||
        node?.type === AST_NODE_TYPES.StaticBlock ||
        node?.type === AST_NODE_TYPES.SwitchCase
      );
    }

    function statementsOf(list: StatementList): readonly TSESTree.Node[] {
      return list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body;
    }

    /** The innermost statement list of `owner` that holds both nodes. */
    function innermostStatementListOf(
      a: TSESTree.Node,
      b: TSESTree.Node,
      owner: Owner,
    ): StatementList | undefined {
      for (let node: TSESTree.Node | undefined = a.parent; node; node = node.parent) {
        if (isFunctionNode(node) && node !== owner) return undefined;
        if (isStatementList(node) && contains(node, b)) return node;
        if (node === owner) return undefined;
      }
      return undefined;
    }

    function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
      return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
    }

    /** A statement with the whitespace and comments before it, up to the previous token. */
    /**
     * The text a removed statement takes with it: from the end of the token before it. When that token is not a `;`
     * (a file without semicolons), the statement's own `;` stays, since it may guard the next line (`;[a].forEach(…)`).
     */
    function removalRange(statement: TSESTree.Node): TSESLint.AST.Range {
      const previous = sourceCode.getTokenBefore(statement);
      const start = previous ? previous.range[1] : statement.range[0];
      const keepSemicolon =
        endsWithSemicolon(statement) && previous !== null && previous.value !== ';';
      return [start, keepSemicolon ? endBeforeSemicolon(statement) : statement.range[1]];
    }

    function endsWithSemicolon(statement: TSESTree.Node): boolean {
      return sourceCode.getLastToken(statement)?.value === ';';
    }

    /** Where a statement that ends with `;` ends without it (and without the space or line break before it). */
    function endBeforeSemicolon(statement: TSESTree.Node): number {
      const semicolon = sourceCode.getLastToken(statement)!;
      return sourceCode.getTokenBefore(semicolon, { includeComments: true })!.range[1];
    }

    function commentsIn(range: TSESLint.AST.Range): TSESTree.Comment[] {
      return sourceCode
        .getAllComments()
        .filter((comment) => comment.range[0] >= range[0] && comment.range[1] <= range[1]);
    }

    /** `text` preceded by `comments`, each on its own line at the indentation of `anchor`. */
    function withComments(
      comments: readonly TSESTree.Comment[],
      text: string,
      anchor: TSESTree.Node,
    ): string {
      const indent = indentOf(anchor);
      return comments.map((comment) => `${sourceCode.getText(comment)}\n${indent}`).join('') + text;
    }

    function indentOf(node: TSESTree.Node): string {
      const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
      return /^\s*/.exec(line.slice(0, node.loc.start.column))?.[0] ?? '';
    }

    return { VariableDeclarator: check };
  },
});
