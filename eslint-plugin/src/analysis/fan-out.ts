// Finding fan-out: a call that starts or awaits one task per element of a collection. `Promise.all`/`allSettled`/
// `any`/`race` over `xs.map(f)`, `Array.from(xs, f)`, `xs.flatMap(f)`, spreads of those, or an array filled with
// promises in a loop over `xs`; and libraries that run a function per element with no limit by default (`pMap`
// without `concurrency`, `async.map` where `async.mapLimit` exists). Calls are identified by declaration.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { propertyKey } from '../util/property-keys';
import { encloses } from '../util/ranges';
import { isReassigned, soleDeclarator, variableOf } from '../util/variables';
import { combineOrigins, type CollectionOrigins, type Origin } from './collection-origin';
import type { SizeBound, SizeBounds } from './collection-size';
import { isArrayOfPromises, isPromiseLikeType, type PromiseTypeContext } from './promise-types';
import { resolveCallee } from './resolve-callee';

export type Combinator = 'all' | 'allSettled' | 'any' | 'race';

/** One way tasks are started, one per element of `collection`. */
export type TaskSource =
  /** `collection.map(task)`, `collection.flatMap(task)`, `Array.from(collection, task)`. */
  | {
      kind: 'map';
      method: 'map' | 'flatMap' | 'from';
      call: TSESTree.CallExpression;
      collection: TSESTree.Expression;
      task: TSESTree.Expression;
    }
  /** `tasks.push(task)` inside loops (innermost first) between the array's declaration and the push. */
  | {
      kind: 'loop';
      push: TSESTree.CallExpression;
      loops: EnclosingLoop[];
      task: TSESTree.Expression;
    }
  /** `pMap(collection, task)`, `async.map(collection, task)`. */
  | {
      kind: 'library';
      call: TSESTree.CallExpression;
      collection: TSESTree.Expression;
      task: TSESTree.Expression | undefined;
    };

export type FanOut =
  | {
      kind: 'promise';
      call: TSESTree.CallExpression;
      combinator: Combinator;
      /** `Promise.all`, as written in messages. */
      name: string;
      sources: TaskSource[];
      /** The argument is exactly one `map`-kind source (`xs.map(f)`, `[...xs.map(f)]`): the whole call can be rewritten. */
      single: Extract<TaskSource, { kind: 'map' }> | undefined;
    }
  | {
      kind: 'p-map';
      call: TSESTree.CallExpression;
      name: string;
      sources: TaskSource[];
      /** Where `concurrency` goes: the options object literal, if there is one. */
      options: TSESTree.ObjectExpression | undefined;
    }
  | {
      kind: 'async';
      call: TSESTree.CallExpression;
      name: string;
      sources: TaskSource[];
      /** The export with a limit (`mapLimit`) of the function called (`map`). */
      limited: string;
    };

/** The loop or callback a `push` runs in, and the collection it goes over. */
export interface EnclosingLoop {
  loop: TSESTree.Node;
  collection: TSESTree.Expression | undefined;
  /** For `for (let i = 0; i < n; i++)`: the bound `n` (a number), instead of a collection. */
  count: TSESTree.Expression | undefined;
  /** For a callback that an awaited call runs (`await globForFiles(files, onFile)`): that call. */
  callback?: TSESTree.CallExpression;
}

const COMBINATORS = new Set<string>(['all', 'allSettled', 'any', 'race']);
const ARRAY_CALLBACK_METHODS = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'some',
  'every',
  'reduce',
  'reduceRight',
  'find',
  'findIndex',
]);
/** Array methods whose result keeps the tasks of their receiver (`xs.map(f).filter(Boolean)` started them all). */
const TASK_PRESERVING_METHODS = new Set([
  'filter',
  'slice',
  'sort',
  'toSorted',
  'reverse',
  'toReversed',
  'flat',
  'concat',
]);
const MAX_STEPS = 8;

/** The fan-out calls of one file. */
export class FanOutFinder {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly checker: ts.TypeChecker;
  private readonly typeContext: PromiseTypeContext;
  /** Whether the file imports p-map or async, whose calls are fan-out whatever their shape. */
  private readonly importsLibrary: boolean;

  constructor(
    context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
    private readonly services: ParserServicesWithTypeInformation,
  ) {
    const { program } = services;
    this.sourceCode = context.sourceCode;
    this.checker = program.getTypeChecker();
    this.typeContext = { checker: this.checker, program, checkThenables: true };
    // Resolving a callee asks the type checker, so calls that cannot be a fan-out by their shape are skipped first:
    // only `X.all`-like member calls, and any call at all in a file that imports p-map or async.
    const tsSourceFile = services.esTreeNodeToTSNodeMap.get(this.sourceCode.ast);
    this.importsLibrary = tsSourceFile.statements.some((statement) => {
      const specifier =
        ts.isImportDeclaration(statement) ||
        ts.isImportEqualsDeclaration(statement) ||
        ts.isVariableStatement(statement)
          ? statement.getText(tsSourceFile)
          : '';
      return /['"](p-map|async)['"]/.test(specifier);
    });
  }

  private mayBeFanOut(call: TSESTree.CallExpression): boolean {
    if (this.importsLibrary) return true;
    const callee = call.callee;
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      COMBINATORS.has(callee.property.name)
    );
  }

  /** The fan-out `call` is, or `undefined`. */
  fanOutOf(call: TSESTree.CallExpression): FanOut | undefined {
    if (!this.mayBeFanOut(call)) return undefined;
    const callee = resolveCallee(this.services, call);
    if (!callee) return undefined;
    const [first, second, third] = call.arguments;
    if (
      callee.origin === 'global' &&
      callee.container === 'PromiseConstructor' &&
      COMBINATORS.has(callee.name)
    ) {
      if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const sources = this.sourcesOf(first, 0);
      if (sources.length === 0) return undefined;
      return {
        kind: 'promise',
        call,
        combinator: callee.name as Combinator,
        name: `Promise.${callee.name}`,
        sources,
        single: singleMapSource(first, sources),
      };
    }
    if (callee.origin !== 'module') return undefined;
    if (callee.module === 'p-map' && (callee.name === 'pMap' || callee.name === 'pMapSettled')) {
      if (
        !first ||
        first.type === AST_NODE_TYPES.SpreadElement ||
        second?.type === AST_NODE_TYPES.SpreadElement
      )
        return undefined;
      if (third && (third.type !== AST_NODE_TYPES.ObjectExpression || setsConcurrency(third)))
        return undefined;
      return {
        kind: 'p-map',
        call,
        name: this.sourceCode.getText(call.callee),
        sources: [{ kind: 'library', call, collection: first, task: second }],
        options: third,
      };
    }
    if (callee.module === 'async') {
      // `mapSeries` is declared as `typeof map`: the export's own name tells the two apart.
      const limited = `${this.exportedName(call.callee) ?? callee.name}Limit`;
      if (!this.moduleExports(callee.declarations[0], limited)) return undefined;
      if (
        !first ||
        first.type === AST_NODE_TYPES.SpreadElement ||
        second?.type === AST_NODE_TYPES.SpreadElement
      )
        return undefined;
      return {
        kind: 'async',
        call,
        name: this.sourceCode.getText(call.callee),
        sources: [{ kind: 'library', call, collection: first, task: second }],
        limited,
      };
    }
    return undefined;
  }

  /** The ways `expression` (an array of tasks) had its tasks started. */
  private sourcesOf(expression: TSESTree.Expression, steps: number): TaskSource[] {
    if (steps > MAX_STEPS) return [];
    const next = steps + 1;
    switch (expression.type) {
      case AST_NODE_TYPES.ArrayExpression:
        return expression.elements.flatMap((element) =>
          element?.type === AST_NODE_TYPES.SpreadElement
            ? this.sourcesOf(element.argument, next)
            : [],
        );
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        return this.sourcesOf(expression.expression, next);
      case AST_NODE_TYPES.ConditionalExpression:
        return [
          ...this.sourcesOf(expression.consequent, next),
          ...this.sourcesOf(expression.alternate, next),
        ];
      case AST_NODE_TYPES.CallExpression: {
        const mapSource = this.mapSourceOf(expression);
        if (mapSource) return [mapSource];
        const callee = expression.callee;
        if (
          callee.type !== AST_NODE_TYPES.MemberExpression ||
          callee.computed ||
          callee.property.type !== AST_NODE_TYPES.Identifier
        )
          return [];
        if (
          !TASK_PRESERVING_METHODS.has(callee.property.name) ||
          !this.isArrayMethodCall(expression)
        )
          return [];
        const fromArguments =
          callee.property.name === 'concat'
            ? expression.arguments.flatMap((argument) =>
                this.sourcesOf(
                  argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument,
                  next,
                ),
              )
            : [];
        return [...this.sourcesOf(callee.object, next), ...fromArguments];
      }
      case AST_NODE_TYPES.Identifier:
        return this.sourcesOfVariable(expression, next);
      default:
        return [];
    }
  }

  /** `xs.map(task)`, `xs.flatMap(task)`, `Array.from(xs, task)`, when the tasks are promises. */
  private mapSourceOf(
    call: TSESTree.CallExpression,
  ): Extract<TaskSource, { kind: 'map' }> | undefined {
    const resolved = resolveCallee(this.services, call);
    if (!resolved || resolved.origin !== 'global') return undefined;
    const [first, second] = call.arguments;
    let source: Extract<TaskSource, { kind: 'map' }> | undefined;
    if (
      (resolved.container === 'Array' || resolved.container === 'ReadonlyArray') &&
      (resolved.name === 'map' || resolved.name === 'flatMap')
    ) {
      const callee =
        call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
      if (
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        !first ||
        first.type === AST_NODE_TYPES.SpreadElement
      )
        return undefined;
      source = { kind: 'map', method: resolved.name, call, collection: callee.object, task: first };
    } else if (resolved.container === 'ArrayConstructor' && resolved.name === 'from') {
      if (
        !first ||
        !second ||
        first.type === AST_NODE_TYPES.SpreadElement ||
        second.type === AST_NODE_TYPES.SpreadElement
      )
        return undefined;
      source = { kind: 'map', method: 'from', call, collection: first, task: second };
    }
    if (!source) return undefined;
    const node = this.services.esTreeNodeToTSNodeMap.get(call);
    return isArrayOfPromises(this.typeContext, node, this.checker.getTypeAtLocation(node))
      ? source
      : undefined;
  }

  /**
   * The tasks of an array variable: its initializer's, and those pushed into it (`tasks.push(fetch(u))`), which
   * form a loop source when the push runs in a loop.
   */
  private sourcesOfVariable(identifier: TSESTree.Identifier, steps: number): TaskSource[] {
    const variable = variableOf(this.sourceCode, identifier);
    if (!variable) return [];
    const declarator = soleDeclarator(variable);
    if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init)
      return [];
    if (isReassigned(variable)) return [];
    const sources = this.sourcesOf(declarator.init, steps);
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      if (
        member?.type !== AST_NODE_TYPES.MemberExpression ||
        member.object !== reference.identifier ||
        member.computed
      )
        continue;
      if (
        member.property.type !== AST_NODE_TYPES.Identifier ||
        !['push', 'unshift'].includes(member.property.name)
      )
        continue;
      const push = member.parent;
      if (push.type !== AST_NODE_TYPES.CallExpression || push.callee !== member) continue;
      for (const argument of push.arguments) {
        if (argument.type === AST_NODE_TYPES.SpreadElement) {
          sources.push(...this.sourcesOf(argument.argument, steps));
          continue;
        }
        const argumentNode = this.services.esTreeNodeToTSNodeMap.get(argument);
        const type = this.checker.getTypeAtLocation(argumentNode);
        // A value typed `unknown` or `any` (a walk whose step returns `unknown`) is waited on like a task too:
        // the array goes to the combinator.
        const untyped = (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
        if (!untyped && !isPromiseLikeType(this.typeContext, argumentNode, type)) continue;
        const loops = this.enclosingLoops(push, declarator);
        if (loops.length > 0) sources.push({ kind: 'loop', push, loops, task: argument });
      }
    }
    return sources;
  }

  /** The loops around `node` that do not also hold `stopAt` (the array's declaration), innermost first. */
  enclosingLoops(node: TSESTree.Node, stopAt: TSESTree.Node): EnclosingLoop[] {
    const loops: EnclosingLoop[] = [];
    let child: TSESTree.Node = node;
    for (
      let current = node.parent;
      current && !encloses(current, stopAt);
      child = current, current = current.parent
    ) {
      switch (current.type) {
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
          if (child === current.body)
            loops.push({ loop: current, collection: current.right, count: undefined });
          break;
        case AST_NODE_TYPES.ForStatement:
          if (child === current.body)
            loops.push({
              loop: current,
              collection: undefined,
              count: this.countingBound(current),
            });
          break;
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
          if (child === current.body)
            loops.push({ loop: current, collection: undefined, count: undefined });
          break;
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.FunctionExpression:
        case AST_NODE_TYPES.FunctionDeclaration: {
          // A callback an array method calls once per element is a loop, and so is one passed to a call awaited
          // right there (`await globForFiles(files, (file) => tasks.push(…))`): it runs during that call, any
          // number of times. Any other function runs at some other time, and nothing is known about how often.
          const call = current.parent;
          if (call?.type !== AST_NODE_TYPES.CallExpression) return loops;
          if (
            call.arguments.includes(current as TSESTree.CallExpressionArgument) &&
            isAwaited(call)
          ) {
            loops.push({ loop: call, collection: undefined, count: undefined, callback: call });
            break;
          }
          if (call.arguments[0] !== current) return loops;
          const callee = call.callee;
          if (
            callee.type !== AST_NODE_TYPES.MemberExpression ||
            callee.computed ||
            callee.property.type !== AST_NODE_TYPES.Identifier
          )
            return loops;
          if (!ARRAY_CALLBACK_METHODS.has(callee.property.name) || !this.isArrayMethodCall(call))
            return loops;
          loops.push({ loop: call, collection: callee.object, count: undefined });
          break;
        }
        default:
          break;
      }
    }
    return loops;
  }

  /** `n` in `for (let i = 0; i < n; i++)` (also `i <= n`, `n > i`). */
  private countingBound(loop: TSESTree.ForStatement): TSESTree.Expression | undefined {
    const test = loop.test;
    if (
      test?.type !== AST_NODE_TYPES.BinaryExpression ||
      test.left.type === AST_NODE_TYPES.PrivateIdentifier
    )
      return undefined;
    if (
      (test.operator === '<' || test.operator === '<=') &&
      test.left.type === AST_NODE_TYPES.Identifier
    )
      return test.right;
    if (
      (test.operator === '>' || test.operator === '>=') &&
      test.right.type === AST_NODE_TYPES.Identifier
    )
      return test.left;
    return undefined;
  }

  private isArrayMethodCall(call: TSESTree.CallExpression): boolean {
    const resolved = resolveCallee(this.services, call);
    return (
      resolved?.origin === 'global' &&
      (resolved.container === 'Array' || resolved.container === 'ReadonlyArray')
    );
  }

  private exportedName(callee: TSESTree.Expression): string | undefined {
    const node = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    let symbol = this.checker.getSymbolAtLocation(this.services.esTreeNodeToTSNodeMap.get(node));
    if (symbol && symbol.flags & ts.SymbolFlags.Alias)
      symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.getName();
  }

  /** True when `export` is among the exports of the module declaring `declaration` (`mapLimit` of `async`). */
  private moduleExports(declaration: ts.Declaration | undefined, name: string): boolean {
    if (!declaration) return false;
    const sourceFile = declaration.getSourceFile();
    const moduleSymbol = this.checker.getSymbolAtLocation(sourceFile);
    if (moduleSymbol)
      return this.checker
        .getExportsOfModule(moduleSymbol)
        .some((symbol) => symbol.getName() === name);
    // `declare module 'async' { … }`
    const moduleDeclaration = ts.findAncestor(declaration, ts.isModuleDeclaration);
    const symbol = moduleDeclaration && this.checker.getSymbolAtLocation(moduleDeclaration.name);
    return symbol
      ? this.checker.getExportsOfModule(symbol).some((exported) => exported.getName() === name)
      : false;
  }
}

/** How many tasks a source starts: the collection's size, or the product of its loops' sizes. */
export function taskCountBound(sizes: SizeBounds, source: TaskSource): SizeBound {
  if (source.kind !== 'loop') return sizes.ofCollection(source.collection);
  let size = 1;
  for (const loop of source.loops) {
    const bound = loopBound(sizes, loop);
    if (bound.kind === 'unbounded') return bound;
    size *= bound.size;
  }
  return { kind: 'at-most', size, written: false };
}

/**
 * Where the collections a source goes over come from (`collection-origin.ts`): for a loop, the loops that the code
 * itself does not bound; `unknown` for a loop with neither a collection nor a count (`while`).
 */
export function taskCountOrigin(
  origins: CollectionOrigins,
  sizes: SizeBounds,
  source: TaskSource,
  toTs: (node: TSESTree.Node) => ts.Node,
): Origin {
  const originOf = (node: TSESTree.Expression): Origin => origins.of(toTs(node) as ts.Expression);
  if (source.kind !== 'loop') return originOf(source.collection);
  return combineOrigins(
    source.loops
      .filter((loop) => !sizes.isBounded(loopBound(sizes, loop)))
      .map((loop): Origin => {
        if (loop.callback) return origins.ofCallbacks(toTs(loop.callback) as ts.CallExpression);
        const counted = loop.collection ?? loop.count ?? whileTest(loop.loop);
        return counted ? originOf(counted) : { kind: 'unknown' };
      }),
  );
}

/** True when `call` is the operand of an `await`. */
function isAwaited(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (
    node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent?.type === AST_NODE_TYPES.TSNonNullExpression
  )
    node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.AwaitExpression;
}

/** `queue.length > 0` of `while (queue.length > 0)`: what a loop without a collection or count runs on. */
function whileTest(loop: TSESTree.Node): TSESTree.Expression | undefined {
  return loop.type === AST_NODE_TYPES.WhileStatement ||
    loop.type === AST_NODE_TYPES.DoWhileStatement
    ? loop.test
    : undefined;
}

/** How many turns a loop around a push runs: its collection's size, or its counting bound. */
export function loopBound(sizes: SizeBounds, loop: EnclosingLoop): SizeBound {
  if (loop.collection) return sizes.ofCollection(loop.collection);
  return loop.count ? sizes.ofNumber(loop.count) : { kind: 'unbounded' };
}

/** The one map source that is the whole argument (`xs.map(f)` or `[...xs.map(f)]`), for rewriting. */
function singleMapSource(
  argument: TSESTree.Expression,
  sources: readonly TaskSource[],
): Extract<TaskSource, { kind: 'map' }> | undefined {
  const [source] = sources;
  if (sources.length !== 1 || source?.kind !== 'map') return undefined;
  if (argument === source.call) return source;
  if (argument.type === AST_NODE_TYPES.ArrayExpression && argument.elements.length === 1) {
    const [element] = argument.elements;
    if (element?.type === AST_NODE_TYPES.SpreadElement && element.argument === source.call)
      return source;
  }
  return undefined;
}

function setsConcurrency(options: TSESTree.ObjectExpression): boolean {
  return options.properties.some((property) => {
    if (property.type === AST_NODE_TYPES.SpreadElement) return true;
    if (propertyKey(property) !== 'concurrency') return false;
    // `concurrency: Infinity` is p-map's default: no limit.
    return !(
      property.value.type === AST_NODE_TYPES.Identifier && property.value.name === 'Infinity'
    );
  });
}
