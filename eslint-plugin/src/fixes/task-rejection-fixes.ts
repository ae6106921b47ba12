// The fixes for a task left without a rejection handler while its function waits on something else, preferred
// first: a handler where the task starts (every await stays where it is), the tasks awaited together with
// `Promise.all` (exact, an autofix, when nothing runs between the awaits), or settled first with
// `Promise.allSettled` when the code handles each failure on its own.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import {
  type AwaitStatement,
  awaitStatementAt,
  awaitStatementOf,
  isBindingObservable,
} from '../analysis/await-statements';
import { globalHasMember } from '../analysis/globals';
import { isRejectionHandled } from '../analysis/promise-handlers';
import { isPromiseEveryway, type PromiseTypeContext } from '../analysis/promise-types';
import type { SuspensionPoint } from '../analysis/suspension-points';
import type { Task, TaskVariables } from '../analysis/task-variables';
import { type CodeOwner, isFunctionNode } from '../util/enclosing-function';
import { encloses } from '../util/ranges';
import { isStatementList, type StatementList, statementsOf } from '../util/statement-lists';
import { variableOf } from '../util/variables';
import { continuesPreviousLine } from './asi';
import { awaitTogetherFix, declarationKindOf } from './await-together';
import { endsWithSemicolon, indentOf } from './statement-text';

/** What the fixes read of the file. */
export interface TaskFixScope {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
  tasks: TaskVariables;
  typeContext: PromiseTypeContext;
}

// --- handling the rejection where the task starts -------------------------------------------------------------

/**
 * `task.catch(() => {});` right after the declaration: the task has a handler from the start, every await stays
 * where it is, and `await task` still throws the error where the code already handles it. Offered when the task is
 * a native promise first read by `await task` and its declaration stands in a statement list.
 */
export function handleWhereStarted(
  file: TaskFixScope,
  task: Task,
): TSESLint.ReportFixFunction | undefined {
  const { sourceCode } = file;
  const declaration = task.declarator.parent;
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  if (!isStatementList(declaration.parent)) return undefined;
  if (task.reassigned || !isNativePromise(file, task.declarator.init!)) return undefined;
  const read = task.firstRead.parent;
  if (read.type !== AST_NODE_TYPES.AwaitExpression || read.argument !== task.firstRead)
    return undefined;
  const statements = statementsOf(declaration.parent);
  const next = statements[statements.indexOf(declaration) + 1];
  // Without a `;`, a next statement starting with `(` or `[` would continue the inserted line.
  const semicolon =
    endsWithSemicolon(sourceCode, declaration) ||
    (next !== undefined && continuesPreviousLine(sourceCode.getText(next)))
      ? ';'
      : '';
  const text = `\n${indentOf(sourceCode, declaration)}${task.variable.name}.catch(() => {})${semicolon}`;
  return (fixer) => fixer.insertTextAfter(declaration, text);
}

// --- awaiting the tasks together ------------------------------------------------------------------------------

/**
 * `const [a, b] = await Promise.all([ta, tb]);` in place of the statements that await each task, when the task's
 * first read is `await task` in a statement of the same list as the statement that holds the waiting point.
 *
 * The rewrite is exact (an autofix) when nothing runs between the awaits; see the rule's doc for the argument.
 */
export function awaitTasksTogether(
  file: TaskFixScope,
  task: Task,
  waitingAt: SuspensionPoint,
): { fix: TSESLint.ReportFixFunction; exact: boolean } | undefined {
  const { sourceCode } = file;
  if (task.reassigned || !isNativePromise(file, task.declarator.init!)) return undefined;
  const awaitNode = task.firstRead.parent;
  if (awaitNode.type !== AST_NODE_TYPES.AwaitExpression || awaitNode.argument !== task.firstRead)
    return undefined;
  const last = awaitStatementOf(awaitNode);
  if (!last) return undefined;
  const list = last.statement.parent;
  if (!isStatementList(list)) return undefined;
  const statements = statementsOf(list);
  const lastIndex = statements.indexOf(last.statement);
  const firstIndex = statements.findIndex((statement) => encloses(statement, waitingAt.node));
  if (firstIndex < 0 || firstIndex >= lastIndex) return undefined;
  const first = awaitStatementAt(statements[firstIndex]!);
  // The group's first await must be where the task starts waiting; an await inside its operand would still
  // run before `Promise.all` attaches the handlers.
  if (first?.awaitNode !== waitingAt.node) return undefined;

  const members: AwaitStatement[] = [first];
  let adjacent = true;
  for (const statement of statements.slice(firstIndex + 1, lastIndex)) {
    const candidate = awaitStatementAt(statement);
    if (candidate && isLaterMember(file, candidate, task.owner, first.statement))
      members.push(candidate);
    else adjacent = false;
  }
  if (task.declarator.range[1] > first.statement.range[0]) return undefined;
  members.push(last);
  // Tasks awaited right after this one join the group, so that every report in a run of awaits gets the same fix.
  for (const statement of statements.slice(lastIndex + 1)) {
    const candidate = awaitStatementAt(statement);
    if (!candidate || !isLaterMember(file, candidate, task.owner, first.statement)) break;
    members.push(candidate);
  }
  const end = members.at(-1)!.statement;

  const kind = declarationKindOf(members);
  if (kind === 'mixed') return undefined;
  const fix = awaitTogetherFix(sourceCode, members, {
    kind,
    inferredType: (member) =>
      member.operand.type === AST_NODE_TYPES.Identifier
        ? `Awaited<typeof ${member.operand.name}>`
        : undefined,
    movedComments: 'all',
    keepLastSemicolon: 'always',
  });
  if (!fix) return undefined;
  const exact =
    adjacent &&
    kind !== 'var' &&
    members.every(
      (member) => member.binding === undefined || member.binding.type === AST_NODE_TYPES.Identifier,
    ) &&
    members.every(
      (member) => !isBindingObservable(sourceCode, member, end.range[1], member.statement.parent),
    );
  return { fix, exact };
}

/** A statement that awaits another task (not the first of the group): `await t;` whose `t` is first read there. */
function isLaterMember(
  file: TaskFixScope,
  candidate: AwaitStatement,
  owner: CodeOwner,
  firstStatement: TSESTree.Node,
): boolean {
  if (candidate.operand.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(file.sourceCode, candidate.operand);
  const other = variable ? file.tasks.taskOf(variable) : undefined;
  return (
    other !== undefined &&
    other.owner === owner &&
    other.firstRead === candidate.operand &&
    !other.reassigned &&
    other.declarator.range[1] <= firstStatement.range[0] &&
    isNativePromise(file, other.declarator.init!)
  );
}

function isNativePromise(file: TaskFixScope, expression: TSESTree.Expression): boolean {
  const { services } = file;
  return isPromiseEveryway(
    file.typeContext,
    services.esTreeNodeToTSNodeMap.get(expression),
    services.getTypeAtLocation(expression),
    false,
  );
}

// --- settling the tasks first ---------------------------------------------------------------------------------

/**
 * `await Promise.allSettled([…]);` before the statement that waits, for tasks whose failures the code handles
 * one by one (`try { await b } catch …` apart from the wait, or `b.catch(…)`): every task then has a handler at
 * once, and the existing code still sees each result or error in turn.
 */
export function settleAllFirst(
  file: TaskFixScope,
  task: Task,
  waitingAt: SuspensionPoint,
): TSESLint.ReportFixFunction | undefined {
  const { sourceCode, services } = file;
  if (!handlesFailureSeparately(services, task.firstRead, waitingAt.node, task.owner))
    return undefined;
  const list = innermostStatementListOf(waitingAt.node, task.firstRead, task.owner);
  if (!list) return undefined;
  const before = statementsOf(list).find((statement) => encloses(statement, waitingAt.node));
  if (!before || task.declarator.range[1] > before.range[0]) return undefined;
  const pending = file.tasks.pendingAt(task.owner, before);
  if (!pending.includes(task)) return undefined;
  const checker = services.program.getTypeChecker();
  if (
    !globalHasMember(checker, 'Promise', 'allSettled', services.esTreeNodeToTSNodeMap.get(before))
  )
    return undefined;
  // Without a `;`, a statement starting with `(` or `[` after the inserted line would continue it.
  const semicolon =
    endsWithSemicolon(sourceCode, task.declarator.parent) ||
    continuesPreviousLine(sourceCode.getText(before))
      ? ';'
      : '';
  const names = pending.map((pendingTask) => pendingTask.variable.name).join(', ');
  const text = `await Promise.allSettled([${names}])${semicolon}\n${indentOf(sourceCode, before)}`;
  return (fixer) => fixer.insertTextBefore(before, text);
}

/** The first read is in a `try` with a `catch` that does not also cover the wait, or is `task.catch(…)`. */
function handlesFailureSeparately(
  services: ParserServicesWithTypeInformation,
  read: TSESTree.Identifier,
  waiting: TSESTree.Node,
  owner: CodeOwner,
): boolean {
  const member = read.parent;
  if (
    member.type === AST_NODE_TYPES.MemberExpression &&
    member.object === read &&
    member.parent.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member &&
    isRejectionHandled(member.parent, (node) => services.getTypeAtLocation(node))
  ) {
    return true;
  }
  let child: TSESTree.Node = read;
  for (let node = read.parent; node !== owner; child = node, node = node.parent!) {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.TryStatement && node.block === child && node.handler) {
      return !encloses(node, waiting);
    }
  }
  return false;
}

/** The innermost statement list of `owner` that holds both nodes. */
function innermostStatementListOf(
  a: TSESTree.Node,
  b: TSESTree.Node,
  owner: CodeOwner,
): StatementList | undefined {
  for (let node: TSESTree.Node | undefined = a.parent; node; node = node.parent) {
    if (isFunctionNode(node) && node !== owner) return undefined;
    if (isStatementList(node) && encloses(node, b)) return node;
    if (node === owner) return undefined;
  }
  return undefined;
}
