// Reports a task (a promise stored in a variable) that has no rejection handler while its function waits on
// something else: `const a = f(); const b = g(); await a; await b;` crashes Node if `b` rejects while `a` is pending.
// Which variables hold tasks is `task-variables.ts`; the fixes (a handler where it starts, awaiting the tasks
// together, settling them first) are `task-rejection-fixes.ts`.
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { isStandardLibraryGlobal } from '../analysis/globals';
import { cannotReject } from '../analysis/rejections';
import {
  describeSuspension,
  firstSuspensionBetween,
  type SuspensionPoint,
  suspensionPoints,
} from '../analysis/suspension-points';
import { firstReadOf, type Task, TaskVariables } from '../analysis/task-variables';
import {
  awaitTasksTogether,
  handleWhereStarted,
  settleAllFirst,
  type TaskFixScope,
} from '../fixes/task-rejection-fixes';
import { createRule } from '../util/create-rule';
import { ownerOf } from '../util/enclosing-function';
import { recordRelatedLocations } from '../util/related-locations';

export type Options = [];

export type MessageIds =
  'unhandledTask' | 'handleWhereStarted' | 'awaitTogether' | 'settleAllFirst';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** What the checks of one file share. */
interface FileScope extends TaskFixScope {
  context: Context;
}

interface Fixes {
  exact: TSESLint.ReportFixFunction | null;
  suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[];
}

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
      testFiles: { recommended: 'off', strict: 'off' },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unhandledTask:
        "'{{name}}' has no rejection handler during `{{waitingAt}}` (line {{line}}). If it rejects then, Node reports an unhandled rejection and by default exits, although the code handles it later.",
      handleWhereStarted:
        'Mark the rejection as handled where the task starts (`{{name}}.catch(() => {})`). `await {{name}}` still throws it',
      awaitTogether:
        'Await the tasks together with `Promise.all`. The statements between the awaits then run after all of them settle',
      settleAllFirst:
        'Settle the tasks first with `await Promise.allSettled([…])`. Each failure is still handled where it is now',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { program } = services;
    const file: FileScope = {
      context,
      sourceCode: context.sourceCode,
      services,
      tasks: new TaskVariables(context.sourceCode, services),
      typeContext: { checker: program.getTypeChecker(), program, checkThenables: false },
    };
    return { VariableDeclarator: (declarator) => checkTask(file, declarator) };
  },
});

function checkTask(file: FileScope, declarator: TSESTree.VariableDeclarator): void {
  const { context, sourceCode } = file;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return;
  const [variable] = sourceCode.getDeclaredVariables(declarator);
  if (!variable) return;
  // Cheap syntactic checks first: most variables are read before the function suspends, or never suspend.
  const owner = ownerOf(sourceCode, declarator);
  if (!owner) return;
  const points = suspensionPoints(sourceCode, owner);
  if (points.length === 0) return;
  const firstRead = firstReadOf(variable);
  if (!firstRead) return;
  const waitingAt = firstSuspensionBetween(points, declarator.range[1], firstRead.range[0]);
  if (!waitingAt) return;
  const task = file.tasks.taskOf(variable);
  if (!task) return;
  // A task that cannot reject has no rejection to lose (`rejections.ts` says which promises count).
  if (!task.reassigned && cannotReject(file.services.program, tsExpression(file, declarator.init)))
    return;

  const fixes = buildFixes(file, task, waitingAt);
  context.report({
    node: declarator.id,
    messageId: 'unhandledTask',
    data: {
      name: variable.name,
      waitingAt: describeSuspension(sourceCode, waitingAt),
      line: waitingAt.node.loc.start.line,
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

function tsExpression(file: FileScope, node: TSESTree.Expression): ts.Node {
  return file.services.esTreeNodeToTSNodeMap.get(node);
}

function buildFixes(file: FileScope, task: Task, waitingAt: SuspensionPoint): Fixes {
  const fixes: Fixes = { exact: null, suggestions: [] };
  const declarator = file.services.esTreeNodeToTSNodeMap.get(task.declarator);
  if (!isStandardLibraryGlobal(file.services.program, 'Promise', declarator)) return fixes;
  // The handler where the task starts keeps every statement where it is, so it comes first: awaiting the tasks
  // together or settling them first moves a wait ahead of statements that may be what lets a task settle
  // (`const done = once(emitter, 'done'); await other; emitter.emit('done'); await done;` would hang).
  const handler = handleWhereStarted(file, task);
  if (handler)
    fixes.suggestions.push({
      messageId: 'handleWhereStarted',
      data: { name: task.variable.name },
      fix: handler,
    });
  const together = awaitTasksTogether(file, task, waitingAt);
  if (together?.exact) fixes.exact = together.fix;
  else if (together) fixes.suggestions.push({ messageId: 'awaitTogether', fix: together.fix });
  const settle = settleAllFirst(file, task, waitingAt);
  if (settle) fixes.suggestions.push({ messageId: 'settleAllFirst', fix: settle });
  return fixes;
}
