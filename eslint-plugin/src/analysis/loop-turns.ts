// What one turn of a `for…of` loop does, for asking whether its turns could run at the same time: the awaits that
// belong to the turn itself, its `continue`s, whether a turn can end the loop or reach into the next one (`break`,
// `return`, `yield`, a `var`), the array the turns push their results into, and whether a turn prints.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { isFunctionNode } from '../util/enclosing-function';
import { encloses } from '../util/ranges';
import { containsNode, traverse } from '../util/traverse';
import { isGlobalReference, variableOf } from '../util/variables';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface LoopTurn {
  /** The awaits that belong to the loop's own turn (not to a nested loop or function). */
  awaits: TSESTree.AwaitExpression[];
  /** `continue` statements of this loop, which a rewrite of the turn as a function turns into `return`. */
  continues: TSESTree.ContinueStatement[];
}

/** The loop's own awaits and `continue`s, or `undefined` when a turn can end the loop or leak into the next. */
export function turnOf(
  sourceCode: SourceCode,
  loop: TSESTree.ForOfStatement,
): LoopTurn | undefined {
  const awaits: TSESTree.AwaitExpression[] = [];
  const continues: TSESTree.ContinueStatement[] = [];
  const ownLabel =
    loop.parent.type === AST_NODE_TYPES.LabeledStatement ? loop.parent.label.name : undefined;
  let independent = true;
  const nested = (node: TSESTree.Node): boolean =>
    isLoop(node) || node.type === AST_NODE_TYPES.SwitchStatement;
  const walk = (
    node: TSESTree.Node,
    depth: { loops: number; breakable: number; labels: string[] },
  ): void => {
    traverse(sourceCode, node, (child) => {
      if (!independent) return false;
      if (child === node) return true;
      if (
        isFunctionNode(child) ||
        child.type === AST_NODE_TYPES.ClassDeclaration ||
        child.type === AST_NODE_TYPES.ClassExpression
      )
        return false;
      switch (child.type) {
        case AST_NODE_TYPES.AwaitExpression:
          if (depth.loops === 0) awaits.push(child);
          return true;
        case AST_NODE_TYPES.YieldExpression:
        case AST_NODE_TYPES.ReturnStatement:
          independent = false;
          return false;
        case AST_NODE_TYPES.VariableDeclaration:
          // A `var` is shared by every turn; `using` is disposed of at the end of each turn, which is fine.
          if (child.kind === 'var') independent = false;
          return independent;
        case AST_NODE_TYPES.BreakStatement:
          if (child.label ? !depth.labels.includes(child.label.name) : depth.breakable === 0)
            independent = false;
          return false;
        case AST_NODE_TYPES.ContinueStatement:
          if (child.label ? child.label.name === ownLabel : depth.loops === 0)
            continues.push(child);
          else if (child.label && !depth.labels.includes(child.label.name)) independent = false;
          return false;
        case AST_NODE_TYPES.LabeledStatement:
          walk(child, { ...depth, labels: [...depth.labels, child.label.name] });
          return false;
        default:
          break;
      }
      if (nested(child)) {
        walk(child, {
          loops: depth.loops + (isLoop(child) ? 1 : 0),
          breakable: depth.breakable + 1,
          labels: depth.labels,
        });
        return false;
      }
      return true;
    });
  };
  walk(loop.body, { loops: 0, breakable: 0, labels: [] });
  return independent ? { awaits, continues } : undefined;
}

/** The statements of a loop's turn: its block's, or the one statement that is its body. */
export function turnStatements(loop: TSESTree.ForOfStatement): readonly TSESTree.Statement[] {
  return loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
}

export interface Accumulator {
  /** `results` in `results.push(value)`. */
  array: TSESTree.Identifier;
  push: TSESTree.ExpressionStatement;
  value: TSESTree.Expression;
}

/**
 * `results.push(value)` as the last statement of the turn, into an array declared outside the loop and not
 * otherwise used in it: a rewrite can return `value` from each turn and push the results in order at the end.
 */
export function accumulatorOf(
  sourceCode: SourceCode,
  services: ParserServicesWithTypeInformation,
  loop: TSESTree.ForOfStatement,
): Accumulator | undefined {
  const push = turnStatements(loop).at(-1);
  if (push?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const call = push.expression;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.optional || call.arguments.length !== 1)
    return undefined;
  const [value] = call.arguments;
  const callee = call.callee;
  if (!value || value.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.optional ||
    callee.property.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  if (callee.property.name !== 'push' || callee.object.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const array = callee.object;
  const checker = services.program.getTypeChecker();
  if (!checker.isArrayType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(array))))
    return undefined;
  const variable = variableOf(sourceCode, array);
  if (!variable) return undefined;
  const declaredOutside = variable.defs.every(
    (definition) =>
      definition.node.range[1] <= loop.range[0] || definition.node.range[0] >= loop.range[1],
  );
  if (!declaredOutside) return undefined;
  const usedElsewhere = variable.references.some(
    (reference) => reference.identifier !== array && encloses(loop, reference.identifier),
  );
  return usedElsewhere ? undefined : { array, push, value };
}

/**
 * True when the turn writes to the console or the process's standard streams: the lines come out in the order
 * of the turns, which running them together would shuffle (a command-line tool printing a result per file).
 */
export function printsOutput(sourceCode: SourceCode, body: TSESTree.Statement): boolean {
  return containsNode(
    sourceCode,
    body,
    (node) => {
      if (
        node.type !== AST_NODE_TYPES.CallExpression ||
        node.callee.type !== AST_NODE_TYPES.MemberExpression
      )
        return false;
      const object = node.callee.object;
      if (object.type === AST_NODE_TYPES.Identifier)
        return object.name === 'console' && isGlobalReference(sourceCode, object);
      return (
        object.type === AST_NODE_TYPES.MemberExpression &&
        object.object.type === AST_NODE_TYPES.Identifier &&
        object.object.name === 'process' &&
        isGlobalReference(sourceCode, object.object) &&
        object.property.type === AST_NODE_TYPES.Identifier &&
        (object.property.name === 'stdout' || object.property.name === 'stderr')
      );
    },
    () => true,
  );
}

function isLoop(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}
