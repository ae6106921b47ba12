// The ways to handle a promise that a statement drops, as replacements of the statement: `await` it (an array of them
// through `Promise.all`), `return` it to the caller, add a `.catch` that logs, or mark it intended with `void`.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { canAwaitAt } from '../analysis/await-context';
import type { Unhandled } from '../analysis/floating-promises';
import { mayWaitOnLaterCode } from '../analysis/later-dependencies';
import { isPromiseEveryway } from '../analysis/promise-types';
import { isFunctionNode } from '../util/enclosing-function';
import { containsNode } from '../util/traverse';
import { replaceStatement } from './asi';
import { operandText, prefixOperandText } from './parentheses';

export type HandlingKind = 'await' | 'awaitAll' | 'return' | 'catch' | 'void';

export interface Handling {
  kind: HandlingKind;
  fix: TSESLint.ReportFixFunction;
}

export interface HandlingRequest {
  /** The statement that drops the promise (an expression statement, or the declaration of an unread variable). */
  target: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration;
  found: Unhandled;
  /** Offer `return` (where it cannot change the function's type). */
  allowReturn: boolean;
  /** Offer `void`. */
  allowVoid: boolean;
}

const CATCH_HANDLER = '(error) => { console.error(error); }';

/**
 * The handlings that fit where the statement stands, the preferred first: `await` where awaiting cannot wait on
 * code that runs later in the function, otherwise the ones that keep the timing (`.catch`, then `void`).
 */
export function promiseHandlings(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  { target, found, allowReturn, allowVoid }: HandlingRequest,
): Handling[] {
  const { program } = services;
  const checker = program.getTypeChecker();
  const handlings: Handling[] = [];
  const asArray = found.kind === 'array';
  const all = `Promise.all(${sourceCode.getText(found.node)})`;
  const replace = (kind: HandlingKind, text: string): void => {
    handlings.push({ kind, fix: (fixer) => replaceStatement(sourceCode, fixer, target, text) });
  };
  if (canAwaitAt(target, services)) {
    replace(
      asArray ? 'awaitAll' : 'await',
      asArray ? `await ${all}` : `await ${prefixOperandText(sourceCode, found.node)}`,
    );
  }
  if (allowReturn && canReturnFrom(sourceCode, target)) {
    replace('return', `return ${asArray ? all : sourceCode.getText(found.node)}`);
  }
  // `.catch` exists on real promises only, not on every thenable.
  const catchable =
    asArray ||
    isPromiseEveryway(
      { checker, program, checkThenables: false },
      services.esTreeNodeToTSNodeMap.get(found.node),
      services.getTypeAtLocation(found.node),
      found.node.type === AST_NODE_TYPES.ChainExpression,
    );
  const hasConsole =
    checker.resolveName(
      'console',
      services.esTreeNodeToTSNodeMap.get(target),
      ts.SymbolFlags.Value,
      false,
    ) !== undefined;
  if (catchable && hasConsole) {
    replace(
      'catch',
      `${asArray ? all : operandText(sourceCode, found.node)}.catch(${CATCH_HANDLER})`,
    );
  }
  if (allowVoid) replace('void', `void ${prefixOperandText(sourceCode, found.node)}`);
  if (!mayWaitOnLaterCode(sourceCode, target, found.node)) return handlings;
  const waiting = new Set<HandlingKind>(['await', 'awaitAll', 'return']);
  return [
    ...handlings.filter((handling) => !waiting.has(handling.kind)),
    ...handlings.filter((handling) => waiting.has(handling.kind)),
  ];
}

/**
 * `return promise` is offered only where it cannot break the function's type: the last statement of a function
 * with no declared return type, no other value returned, and that is not a constructor, getter or setter.
 */
function canReturnFrom(
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
): boolean {
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement || block.body.at(-1) !== statement)
    return false;
  const fn = block.parent;
  if (!fn || !isFunctionNode(fn) || fn.body !== block || fn.returnType || fn.generator)
    return false;
  const owner = fn.parent;
  if (owner?.type === AST_NODE_TYPES.MethodDefinition && owner.kind !== 'method') return false;
  if (owner?.type === AST_NODE_TYPES.Property && owner.kind !== 'init') return false;
  return !containsNode(
    sourceCode,
    block,
    (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null,
  );
}
