// Awaits that run one after another although none needs what another produces or changes: awaits of calls in a row,
// grouped so that no call of a group touches what another changes, and `for…of` loops whose turns each await and do
// not depend on each other. Conservative: a delay, a write outside the process or a cleanup waiting for the work keeps
// the awaits in order, and calls on one connection (the same receiver, or the same transaction handed to each) are
// not grouped.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { type CodeOwner, ownerOf } from '../util/enclosing-function';
import { containsNode } from '../util/traverse';
import { type AwaitStatement, awaitStatementAt, isBindingObservable } from './await-statements';
import { isOrderedByCleanup } from './cleanup-order';
import {
  type AccessPath,
  conflictBetween,
  type Footprint,
  isDelay,
  selfConflictOf,
  writtenResource,
} from './footprints';
import { type Accumulator, accumulatorOf, type LoopTurn, printsOutput, turnOf } from './loop-turns';
import { isPromiseLikeType, type PromiseTypeContext } from './promise-types';
import { resolveCallee } from './resolve-callee';
import { clientsPassedTo } from './shared-client';
import { getSharedStateAnalysis, type SharedStateAnalysis } from './shared-state';

/** A statement that awaits one call: `await f();` or `const|let|var binding = await f();`. */
export interface AwaitedCall extends AwaitStatement {
  call: TSESTree.CallExpression;
}

export interface IndependentAwait extends AwaitedCall {
  footprint: Footprint;
  /** Code outside the statement (a closure made earlier, a hoisted function) may read its binding. */
  bindingObservable: boolean;
}

/** A loop whose turns could run at the same time. */
export interface IndependentLoop {
  loop: TSESTree.ForOfStatement;
  turn: LoopTurn;
  /** The turn's first await. */
  first: TSESTree.AwaitExpression;
  accumulator: Accumulator | undefined;
}

/** The questions of one file, answered with the program's shared-state analysis. */
export class IndependentAwaits {
  private readonly checker: ts.TypeChecker;
  private readonly typeContext: PromiseTypeContext;
  private readonly analysis: SharedStateAnalysis;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly services: ParserServicesWithTypeInformation,
    /** How deep to follow calls into the project's own functions. */
    maxDepth: number,
  ) {
    const { program } = services;
    this.checker = program.getTypeChecker();
    this.typeContext = { checker: this.checker, program, checkThenables: true };
    this.analysis = getSharedStateAnalysis(program, { maxDepth });
  }

  /** The groups of at least `minAwaits` awaits in a row among `statements` that could run together, in order. */
  groupsIn(statements: readonly TSESTree.Node[], minAwaits: number): IndependentAwait[][] {
    const groups: IndependentAwait[][] = [];
    let run: AwaitedCall[] = [];
    for (const statement of statements) {
      const candidate = awaitedCallAt(this.sourceCode, statement);
      if (candidate) {
        run.push(candidate);
        continue;
      }
      groups.push(...this.groupsOfRun(run, minAwaits));
      run = [];
    }
    groups.push(...this.groupsOfRun(run, minAwaits));
    return groups;
  }

  /** The loop, when its turns each await work and none needs what another produces or changes. */
  independentLoop(loop: TSESTree.ForOfStatement): IndependentLoop | undefined {
    if (loop.await) return undefined;
    const declaration = loop.left;
    if (
      declaration.type !== AST_NODE_TYPES.VariableDeclaration ||
      (declaration.kind !== 'const' && declaration.kind !== 'let')
    )
      return undefined;
    const owner = ownerOf(this.sourceCode, loop);
    if (!owner) return undefined;
    const turn = turnOf(this.sourceCode, loop);
    const first = turn?.awaits[0];
    if (!turn || !first) return undefined;
    if (isOrderedByCleanup(loop, owner) || printsOutput(this.sourceCode, loop.body))
      return undefined;
    if (!turn.awaits.every((awaitNode) => this.isAwaitedWork(awaitNode, loop))) return undefined;
    const accumulator = accumulatorOf(this.sourceCode, this.services, loop);
    const footprint = this.analysis.footprintOf(this.tsNode(loop.body), this.tsNode(loop));
    const accumulatorSymbol = accumulator
      ? this.checker.getSymbolAtLocation(this.tsNode(accumulator.array))
      : undefined;
    const ignore = (path: AccessPath): boolean =>
      path.root === accumulatorSymbol && path.properties.length === 0;
    if (selfConflictOf(footprint, ignore)) return undefined;
    return { loop, turn, first, accumulator };
  }

  /** Splits a run of consecutive await statements into groups that can run together. */
  private groupsOfRun(run: readonly AwaitedCall[], minAwaits: number): IndependentAwait[][] {
    if (run.length < minAwaits) return [];
    const owner = ownerOf(this.sourceCode, run[0]!.statement);
    if (!owner || isOrderedByCleanup(run[0]!.statement, owner)) return [];
    const groups: IndependentAwait[][] = [];
    let group: IndependentAwait[] = [];
    for (const [index, candidate] of run.entries()) {
      // No group can outgrow the current one plus the awaits left (a conflict starts a new group of one): once that
      // is under `minAwaits`, nothing more can be reported, so the rest is not analyzed.
      if (group.length + run.length - index < minAwaits) break;
      const analyzed = this.analyze(candidate, owner);
      if (!analyzed) {
        groups.push(group);
        group = [];
      } else if (
        group.some(
          (member) =>
            member.bindingObservable || conflictBetween(member.footprint, analyzed.footprint),
        )
      ) {
        groups.push(group);
        group = [analyzed];
      } else {
        group.push(analyzed);
      }
    }
    groups.push(group);
    return groups.filter((found) => found.length >= minAwaits);
  }

  private analyze(candidate: AwaitedCall, owner: CodeOwner): IndependentAwait | undefined {
    const call = this.tsNode(candidate.call);
    if (!isPromiseLikeType(this.typeContext, call, this.checker.getTypeAtLocation(call)))
      return undefined;
    if (this.isTick(candidate.call)) return undefined;
    const operand = this.tsNode(candidate.operand);
    const footprint = this.analysis.footprintOf(operand, operand);
    // A delay orders what comes after it on purpose. A write to the world outside keeps its place too: what
    // follows may rely on it having succeeded (a confirmation after a save), and what precedes it may be the check
    // it relies on (a save after a permission check); reads that fail only waste work.
    if (isDelay(footprint) || writtenResource(footprint)) return undefined;
    const declared = this.declaredSymbols(candidate);
    // A client of one connection handed to the call (`{ transaction }`) counts as its receiver: two calls given the
    // same one run one query at a time on it, so starting them together gains nothing.
    const clients = clientsPassedTo(this.checker, call as ts.CallExpression);
    return {
      ...candidate,
      footprint: {
        ...footprint,
        receivers: [
          ...footprint.receivers,
          ...clients.map((root) => ({ root, properties: [] as string[] })),
        ],
        accesses: [
          ...footprint.accesses,
          ...declared.map((root) => ({ path: { root, properties: [] }, change: true })),
        ],
      },
      bindingObservable: isBindingObservable(
        this.sourceCode,
        candidate,
        candidate.statement.range[0],
        owner,
      ),
    };
  }

  /** An await of a call's promise that is work, not a tick of the event loop or a delay on purpose. */
  private isAwaitedWork(
    awaitNode: TSESTree.AwaitExpression,
    loop: TSESTree.ForOfStatement,
  ): boolean {
    const call = unwrapCall(awaitNode.argument);
    if (!call) return false;
    const tsCall = this.tsNode(call);
    if (!isPromiseLikeType(this.typeContext, tsCall, this.checker.getTypeAtLocation(tsCall)))
      return false;
    if (this.isTick(call)) return false;
    return !isDelay(this.analysis.footprintOf(this.tsNode(awaitNode.argument), this.tsNode(loop)));
  }

  /** `await Promise.resolve()`: a deliberate turn of the event loop, not work. */
  private isTick(call: TSESTree.CallExpression): boolean {
    const callee = resolveCallee(this.services, call);
    return (
      callee?.origin === 'global' &&
      callee.container === 'PromiseConstructor' &&
      (callee.name === 'resolve' || callee.name === 'reject')
    );
  }

  private declaredSymbols(candidate: AwaitedCall): ts.Symbol[] {
    if (candidate.statement.type !== AST_NODE_TYPES.VariableDeclaration) return [];
    return this.sourceCode
      .getDeclaredVariables(candidate.statement.declarations[0])
      .flatMap((variable) => {
        const identifier = variable.identifiers[0];
        const symbol = identifier
          ? this.checker.getSymbolAtLocation(this.tsNode(identifier))
          : undefined;
        return symbol ? [symbol] : [];
      });
  }

  private tsNode(node: TSESTree.Node): ts.Node {
    return this.services.esTreeNodeToTSNodeMap.get(node);
  }
}

/** The await statement at `statement` when what it awaits is one call with no ordering of its own inside. */
function awaitedCallAt(
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
): AwaitedCall | undefined {
  const found = awaitStatementAt(statement);
  if (!found) return undefined;
  if (
    found.statement.type === AST_NODE_TYPES.VariableDeclaration &&
    found.statement.declarations[0].definite
  )
    return undefined;
  const call = unwrapCall(found.operand);
  if (!call || hasOrderingInside(sourceCode, found.operand)) return undefined;
  return { ...found, call };
}

function unwrapCall(expression: TSESTree.Expression): TSESTree.CallExpression | undefined {
  const inner =
    expression.type === AST_NODE_TYPES.ChainExpression ? expression.expression : expression;
  return inner.type === AST_NODE_TYPES.CallExpression ? inner : undefined;
}

/**
 * An operand with an assignment or update anywhere in it (callbacks included) is treated as dependent, and one
 * with an `await` or `yield` of its own suspends in the middle of the statement.
 */
function hasOrderingInside(
  sourceCode: Readonly<TSESLint.SourceCode>,
  operand: TSESTree.Node,
): boolean {
  const suspends = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression;
  const assigns = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.AssignmentExpression ||
    node.type === AST_NODE_TYPES.UpdateExpression ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete');
  return (
    containsNode(sourceCode, operand, suspends) ||
    containsNode(sourceCode, operand, assigns, () => true)
  );
}
