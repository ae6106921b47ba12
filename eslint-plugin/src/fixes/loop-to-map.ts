// A `for…of` loop whose turns do not depend on each other, rewritten as a bounded map over its iterable
// (`bounded-map.ts`): the turn becomes the task, `continue` becomes `return`, and a last `results.push(value)`
// becomes `return value`, with the results pushed in order once all turns are done.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { type Accumulator, type LoopTurn, turnStatements } from '../analysis/loop-turns';
import { encloses } from '../util/ranges';
import { containsNode, traverse } from '../util/traverse';
import { isReassigned, variableOf } from '../util/variables';
import { statementEndBefore } from './asi';
import {
  type BoundedMapPlan,
  type BoundedMaps,
  type BoundedTask,
  itemsKindOf,
} from './bounded-map';
import { indentOf } from './statement-text';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface LoopRewrite {
  loop: TSESTree.ForOfStatement;
  turn: LoopTurn;
  accumulator: Accumulator | undefined;
}

/** The bounded rewrite of the loop, or `undefined` when the loop cannot be written as a task per element. */
export function loopAsBoundedMap(
  sourceCode: SourceCode,
  services: ParserServicesWithTypeInformation,
  boundedMaps: () => BoundedMaps,
  { loop, turn, accumulator }: LoopRewrite,
): BoundedMapPlan | undefined {
  if (loop.parent.type === AST_NODE_TYPES.LabeledStatement) return undefined;
  if (accumulator && turn.continues.length > 0) return undefined;
  if (readsReassignedBinding(sourceCode, loop) || declaresFunction(sourceCode, loop))
    return undefined;
  const head = sourceCode.getTokenBefore(loop.body)!;
  if (sourceCode.getCommentsInside(loop).some((comment) => comment.range[1] <= head.range[1]))
    return undefined;
  const declarator = (loop.left as TSESTree.VariableDeclaration).declarations[0];
  const params = `(${sourceCode.getText(declarator.id)})`;
  const task = turnAsTask(sourceCode, { loop, turn, accumulator }, params);
  // The loop ends with `}`; the statement in its place needs a ';' before a next line starting with '(' or '['.
  const semicolon = statementEndBefore(sourceCode, loop, semicolonNear(sourceCode, loop));
  const checker = services.program.getTypeChecker();
  return boundedMaps().plan({
    replaced: loop,
    wrap: (expression) =>
      accumulator
        ? `${accumulator.array.name}.push(...(await ${expression}))${semicolon}`
        : `await ${expression}${semicolon}`,
    items: loop.right,
    itemsKind: itemsKindOf(
      checker,
      checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(loop.right)),
    ),
    task,
    combinator: 'all',
  });
}

/** The turn as a task: `(id) => getUser(id)` when it only awaits one call, else an async arrow with the loop's body. */
function turnAsTask(
  sourceCode: SourceCode,
  { loop, turn, accumulator }: LoopRewrite,
  params: string,
): Extract<BoundedTask, { kind: 'text' }> {
  const statements = turnStatements(loop);
  const only = statements.length === 1 ? statements[0] : undefined;
  const single = accumulator
    ? only === accumulator.push
      ? accumulator.value
      : undefined
    : only?.type === AST_NODE_TYPES.ExpressionStatement
      ? only.expression
      : undefined;
  if (
    single?.type === AST_NODE_TYPES.AwaitExpression &&
    turn.continues.length === 0 &&
    !hasCommentsOutside(sourceCode, loop.body, single)
  ) {
    return { kind: 'text', params, body: sourceCode.getText(single.argument), isAsync: false };
  }
  const edits: Array<{ range: TSESLint.AST.Range; text: string }> = turn.continues.map(
    (statement) => ({
      range: statement.range,
      text: sourceCode.getText(statement).endsWith(';') ? 'return;' : 'return',
    }),
  );
  if (accumulator) {
    const semicolon = sourceCode.getText(accumulator.push).endsWith(';') ? ';' : '';
    edits.push({
      range: accumulator.push.range,
      text: `return ${sourceCode.getText(accumulator.value)}${semicolon}`,
    });
  }
  const range: TSESLint.AST.Range = loop.body.range;
  let text = sourceCode.text.slice(range[0], range[1]);
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    text =
      text.slice(0, edit.range[0] - range[0]) + edit.text + text.slice(edit.range[1] - range[0]);
  }
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement) {
    const indent = indentOf(sourceCode, loop);
    text = `{\n${indent}  ${text}\n${indent}}`;
  }
  return { kind: 'text', params, body: text, isAsync: true };
}

/** True when `outer` holds a comment outside `kept`. */
function hasCommentsOutside(
  sourceCode: SourceCode,
  outer: TSESTree.Node,
  kept: TSESTree.Node,
): boolean {
  return sourceCode
    .getCommentsInside(outer)
    .some((comment) => comment.range[0] < kept.range[0] || comment.range[1] > kept.range[1]);
}

/** `;` or nothing, as the statements nearest to the loop end (its own turn's first, then the blocks around it). */
function semicolonNear(sourceCode: SourceCode, loop: TSESTree.ForOfStatement): string {
  const lists: TSESTree.Node[][] = [];
  if (loop.body.type === AST_NODE_TYPES.BlockStatement) lists.push(loop.body.body);
  for (let node: TSESTree.Node | undefined = loop.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program)
      lists.push(node.body);
  }
  for (const list of lists) {
    const sample = list.find(
      (statement) =>
        statement.type === AST_NODE_TYPES.ExpressionStatement ||
        statement.type === AST_NODE_TYPES.VariableDeclaration ||
        statement.type === AST_NODE_TYPES.ReturnStatement ||
        statement.type === AST_NODE_TYPES.ImportDeclaration,
    );
    if (sample) return sourceCode.getLastToken(sample)?.value === ';' ? ';' : '';
  }
  return ';';
}

/**
 * A binding from outside the loop that is assigned anywhere: inside the task's arrow, TypeScript may no longer
 * narrow it as it did in the loop, so the rewrite might not compile.
 */
function readsReassignedBinding(sourceCode: SourceCode, loop: TSESTree.ForOfStatement): boolean {
  let found = false;
  traverse(sourceCode, loop.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.Identifier || !mayReferToBinding(node)) return true;
    const variable = variableOf(sourceCode, node);
    if (!variable || variable.defs.every((definition) => encloses(loop, definition.node)))
      return true;
    if (isReassigned(variable)) found = true;
    return !found;
  });
  return found;
}

function declaresFunction(sourceCode: SourceCode, loop: TSESTree.ForOfStatement): boolean {
  return containsNode(
    sourceCode,
    loop.body,
    (node) => node.type === AST_NODE_TYPES.FunctionDeclaration,
  );
}

/** An identifier that may refer to a binding: not a property name, and not an object literal's plain key. */
function mayReferToBinding(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.property === identifier &&
    !parent.computed
  )
    return false;
  if (
    parent.type === AST_NODE_TYPES.Property &&
    parent.key === identifier &&
    !parent.computed &&
    !parent.shorthand
  )
    return false;
  return true;
}
