// Promises whose outcome nobody observes: the part of an expression that leaves a promise (or an array of them)
// without `await`, `return`, a rejection handler or `void`, and async callbacks passed where the callee ignores what
// they return (`forEach`, a parameter typed to return `void`).
import {
  type TypeOrValueSpecifier,
  typeMatchesSomeSpecifier,
  valueMatchesSomeSpecifier,
} from '@typescript-eslint/type-utils';
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { isExportedByName } from '../util/module-exports';
import { guardRecursion } from '../util/recursion-guard';
import { isStatementList } from '../util/statement-lists';
import { isAssertionChain } from './assertions';
import { isDeclaredNoArray, isDeclaredNoPromise } from './declared-results';
import { isRejectionHandled } from './promise-handlers';
import { isArrayOfPromises, isPromiseLikeType, type PromiseTypeContext } from './promise-types';
import { isNonRejectingCall } from './rejections';

/** What an expression leaves unhandled: one promise, or an array of them. */
export interface Unhandled {
  node: TSESTree.Expression;
  kind: 'promise' | 'array';
}

/** A promise stored in a variable nobody reads. */
export interface UnreadPromise {
  variable: TSESLint.Scope.Variable;
  found: Unhandled;
  /** The declaration may be replaced by a statement: one declarator, no type annotation, in a statement list. */
  standsAlone: boolean;
}

/** An async callback passed where the callee ignores the promise it returns. */
export interface IgnoredCallback {
  argument: TSESTree.Expression;
  /** The called method's name (`forEach`), else the callee as written. */
  calleeName: string;
  /** The callee is `forEach`, which the rewrites know. */
  isForEach: boolean;
}

export interface FloatingPromiseOptions {
  /** `void promise` marks a promise as intentionally not awaited. */
  ignoreVoid: boolean;
  /** Any object with a callable `then` counts, not only promises. */
  checkThenables: boolean;
  /** Calls and promise types that may float. */
  allow: TypeOrValueSpecifier[];
}

/**
 * `node:test`'s suite and test functions return promises that the runner itself tracks; awaiting them is optional
 * and reporting them is the best-known false alarm of this kind of rule.
 */
const NODE_TEST_CALLS: TypeOrValueSpecifier[] = [
  { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
];
const NODE_TEST_MODIFIERS = new Set(['only', 'skip', 'todo']);

export class FloatingPromises {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;
  private readonly typeContext: PromiseTypeContext;
  private readonly allowedCalls: TypeOrValueSpecifier[];

  constructor(
    private readonly services: ParserServicesWithTypeInformation,
    private readonly options: FloatingPromiseOptions,
  ) {
    this.program = services.program;
    this.checker = this.program.getTypeChecker();
    this.typeContext = {
      checker: this.checker,
      program: this.program,
      checkThenables: options.checkThenables,
    };
    this.allowedCalls = [...NODE_TEST_CALLS, ...options.allow];
  }

  /** The part of `node` whose promise nobody handles, or `undefined` when every promise in it is handled. */
  unhandledIn(node: TSESTree.Expression): Unhandled | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.AssignmentExpression:
        return undefined;
      case AST_NODE_TYPES.YieldExpression:
        // What the generator is sent back (`yield x` in a `Generator<…, …, Promise<T>>`), or a delegate's result.
        return this.isFloatingPromise(node) ? { node, kind: 'promise' } : undefined;
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator !== 'void' || this.options.ignoreVoid) return undefined;
        return this.unhandledIn(node.argument);
      case AST_NODE_TYPES.SequenceExpression:
        for (const part of node.expressions) {
          const found = this.unhandledIn(part);
          if (found) return found;
        }
        return undefined;
      case AST_NODE_TYPES.ConditionalExpression:
        return this.unhandledIn(node.consequent) || this.unhandledIn(node.alternate)
          ? { node, kind: 'promise' }
          : undefined;
      case AST_NODE_TYPES.LogicalExpression:
        return this.unhandledIn(node.left) ||
          (this.unhandledIn(node.right) && this.rightOperandRuns(node))
          ? { node, kind: 'promise' }
          : undefined;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion: {
        const inner = node.expression;
        if (inner.type === AST_NODE_TYPES.CallExpression && isHandlerCall(inner))
          return this.unhandledInHandlerCall(inner, node);
        const found = this.unhandledIn(inner);
        if (found) return { node, kind: found.kind };
        // `value as Promise<number>;`: the assertion itself says it is a promise.
        return node.type !== AST_NODE_TYPES.ChainExpression &&
          node.type !== AST_NODE_TYPES.TSNonNullExpression &&
          this.isFloatingPromise(node)
          ? { node, kind: 'promise' }
          : undefined;
      }
      case AST_NODE_TYPES.CallExpression:
        if (isHandlerCall(node)) return this.unhandledInHandlerCall(node, node);
        break;
      default:
        break;
    }
    if (this.isFloatingPromise(node)) return { node, kind: 'promise' };
    if (this.isArrayOfPromises(node, this.typeOf(node))) return { node, kind: 'array' };
    return undefined;
  }

  /**
   * Whether a statement of test code (where only assertions are reported) is surely no floating assertion, told
   * without the type of the whole statement: a call that is no assertion chain, or an assertion whose declarations
   * show it returns no promise (`isDeclaredNoPromise`). `false` means: ask `unhandledIn`.
   */
  isNoAssertionPromise(expression: TSESTree.Expression): boolean {
    if (expression.type !== AST_NODE_TYPES.CallExpression || isHandlerCall(expression))
      return false;
    if (!isAssertionChain(expression)) return true;
    const call = this.services.esTreeNodeToTSNodeMap.get(expression);
    // A type too deeply recursive to read says nothing; the checker is asked instead.
    return guardRecursion(
      () => isDeclaredNoPromise(this.checker, call),
      () => false,
    );
  }

  /**
   * Whether a call statement is surely no floating promise, told from declarations alone (`isDeclaredNoPromise`):
   * `this.emit('close')` where `emit` returns `boolean`. Saves the checker inferring the call's instantiated type,
   * which for heavily overloaded or generic APIs is most of the rule's time. `false` means: ask `unhandledIn`.
   */
  isDeclaredNoPromiseCall(expression: TSESTree.Expression): boolean {
    if (expression.type !== AST_NODE_TYPES.CallExpression || isHandlerCall(expression))
      return false;
    const call = this.services.esTreeNodeToTSNodeMap.get(expression);
    return guardRecursion(
      () => isDeclaredNoPromise(this.checker, call),
      () => false,
    );
  }

  /**
   * Whether the operand of an `await` statement in test code is surely no floating assertion array, told without
   * its type: no assertion chain, or one whose declarations show it is no array (`isDeclaredNoArray`).
   */
  isNoAssertionArray(operand: TSESTree.Expression): boolean {
    if (!isAssertionChain(operand)) return true;
    if (operand.type !== AST_NODE_TYPES.CallExpression) return false;
    const call = this.services.esTreeNodeToTSNodeMap.get(operand);
    return guardRecursion(
      () => isDeclaredNoArray(this.checker, call),
      () => false,
    );
  }

  /** The operand of `await array` when it is an array of promises, which `await` does not wait for. */
  unawaitedArrayIn(expression: TSESTree.AwaitExpression): Unhandled | undefined {
    const operand = expression.argument;
    return this.isArrayOfPromises(operand, this.typeOf(operand))
      ? { node: operand, kind: 'array' }
      : undefined;
  }

  /** An array or tuple with promises among its elements, other than promises of a type in `allow`. */
  private isArrayOfPromises(node: TSESTree.Node, type: ts.Type): boolean {
    const { allow } = this.options;
    if (typeMatchesSomeSpecifier(type, allow, this.program)) return false;
    return isArrayOfPromises(this.typeContext, this.tsNode(node), type, (element) =>
      typeMatchesSomeSpecifier(element, allow, this.program),
    );
  }

  /**
   * The promise a declarator stores in a variable that is never read, exported or used: `const task = start();`
   * (`using` declarations and exported bindings are read elsewhere).
   */
  unreadPromiseOf(
    sourceCode: Readonly<TSESLint.SourceCode>,
    declarator: TSESTree.VariableDeclarator,
  ): UnreadPromise | undefined {
    const declaration = declarator.parent;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
    if (declaration.kind === 'using' || declaration.kind === 'await using' || declaration.declare)
      return undefined;
    if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
    const [variable] = sourceCode.getDeclaredVariables(declarator);
    if (!variable || variable.references.some((reference) => reference.isRead())) return undefined;
    if (isExportedByName(sourceCode, variable.name)) return undefined;
    const found = this.unhandledIn(declarator.init);
    if (!found) return undefined;
    const onlyInitialized =
      variable.references.length === 1 && variable.references[0]?.init === true;
    const standsAlone =
      declaration.declarations.length === 1 &&
      onlyInitialized &&
      !declarator.id.typeAnnotation &&
      (isStatementList(declaration.parent) ||
        declaration.parent.type === AST_NODE_TYPES.TSModuleBlock);
    return { variable, found, standsAlone };
  }

  /** The async callbacks of `call` whose promise the callee ignores: `forEach`'s, or with `all`, any `void` one. */
  ignoredCallbacksOf(
    sourceCode: Readonly<TSESLint.SourceCode>,
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    all: boolean,
  ): IgnoredCallback[] {
    const callee = call.callee;
    const isForEach =
      call.type === AST_NODE_TYPES.CallExpression &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      callee.property.name === 'forEach';
    if (!isForEach && !all) return [];
    const candidates = isForEach ? call.arguments.slice(0, 1) : call.arguments;
    const ignored = candidates.filter(
      (argument): argument is TSESTree.Expression =>
        argument.type !== AST_NODE_TYPES.SpreadElement && this.isIgnoredAsyncCallback(argument),
    );
    if (ignored.length === 0) return [];
    const calleeName =
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : sourceCode.getText(callee);
    return ignored.map((argument) => ({ argument, calleeName, isForEach }));
  }

  /** A promise from a call of a project function that provably cannot reject (`rejections.ts`). */
  cannotReject(found: Unhandled): boolean {
    return (
      found.kind === 'promise' &&
      guardRecursion(
        () =>
          isNonRejectingCall(this.program, this.tsNode(found.node), {
            untrackedThenables: !this.options.checkThenables,
          }),
        () => false,
      )
    );
  }

  /** True when `argument` is an async callback whose promise the parameter receiving it ignores (returns `void`). */
  isIgnoredAsyncCallback(argument: TSESTree.Expression): boolean {
    return this.returnsPromise(argument) && this.expectsVoidCallback(argument);
  }

  /** `.catch(fn)` and `.then(a, fn)` handle rejections; `.finally(fn)` passes the rejection on. */
  private unhandledInHandlerCall(
    call: TSESTree.CallExpression,
    reported: TSESTree.Expression,
  ): Unhandled | undefined {
    if (isRejectionHandled(call, (node) => this.typeOf(node))) return undefined;
    const callee = call.callee as TSESTree.MemberExpression;
    if ((callee.property as TSESTree.Identifier).name === 'finally') {
      return this.unhandledIn(callee.object) ? { node: reported, kind: 'promise' } : undefined;
    }
    return this.isFloatingPromise(call) ? { node: reported, kind: 'promise' } : undefined;
  }

  /**
   * Whether the right operand of `a && b`, `a || b` or `a ?? b` can run, by the left operand's type: not in
   * `false && save()`, `true || save()`, or `name ?? save()` with a `name` that is never nullish.
   */
  private rightOperandRuns(node: TSESTree.LogicalExpression): boolean {
    const parts = tsutils.unionConstituents(this.typeOf(node.left));
    switch (node.operator) {
      case '&&':
        return !parts.every(isFalsyOnly);
      case '||':
        return !parts.every(isTruthyOnly);
      default:
        return parts.some((part) => (part.flags & NULLISH_OR_UNKNOWN) !== 0);
    }
  }

  private isFloatingPromise(node: TSESTree.Expression): boolean {
    // An async function called where it is written returns a native promise, whatever its type prints as.
    if (isAsyncIife(node)) return true;
    const type = this.typeOf(node);
    return (
      isPromiseLikeType(this.typeContext, this.tsNode(node), type) && !this.isAllowed(node, type)
    );
  }

  private isAllowed(node: TSESTree.Expression, type: ts.Type): boolean {
    const { program, options } = this;
    if (typeMatchesSomeSpecifier(type, options.allow, program)) return true;
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const { callee } = node;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      return valueMatchesSomeSpecifier(callee, this.allowedCalls, program, this.typeOf(callee));
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return false;
    if (
      callee.property.type === AST_NODE_TYPES.Identifier &&
      NODE_TEST_MODIFIERS.has(callee.property.name) &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      valueMatchesSomeSpecifier(
        callee.object,
        this.allowedCalls,
        program,
        this.typeOf(callee.object),
      )
    ) {
      return true;
    }
    return valueMatchesSomeSpecifier(callee.property, options.allow, program, this.typeOf(callee));
  }

  private returnsPromise(fn: TSESTree.Expression): boolean {
    const tsNode = this.tsNode(fn);
    return this.typeOf(fn)
      .getCallSignatures()
      .some((signature) => isPromiseLikeType(this.typeContext, tsNode, signature.getReturnType()));
  }

  /** True when the parameter that receives `argument` is a function type returning `void`. */
  private expectsVoidCallback(argument: TSESTree.Expression): boolean {
    const contextual = this.checker.getContextualType(this.tsNode(argument) as ts.Expression);
    if (!contextual) return false;
    const signatures = contextual.getCallSignatures();
    return (
      signatures.length > 0 &&
      signatures.every((signature) => (signature.getReturnType().flags & ts.TypeFlags.Void) !== 0)
    );
  }

  private tsNode(node: TSESTree.Node): ts.Node {
    return this.services.esTreeNodeToTSNodeMap.get(node);
  }

  private typeOf(node: TSESTree.Node): ts.Type {
    return guardRecursion(
      () => this.services.getTypeAtLocation(node),
      () => this.checker.getUnknownType(),
    );
  }
}

/** Types whose values may be `null` or `undefined`, or about which the checker knows nothing. */
const NULLISH_OR_UNKNOWN =
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null |
  ts.TypeFlags.Void |
  ts.TypeFlags.Any |
  ts.TypeFlags.Unknown |
  ts.TypeFlags.TypeVariable |
  ts.TypeFlags.Index |
  ts.TypeFlags.IndexedAccess |
  ts.TypeFlags.Conditional |
  ts.TypeFlags.Substitution;

/** A type all of whose values are falsy: `false`, `undefined`, `null`, `void`, `0`, `''`, `0n`. */
function isFalsyOnly(type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) return true;
  if (tsutils.isFalseLiteralType(type)) return true;
  if (type.isStringLiteral()) return type.value === '';
  if (type.isNumberLiteral()) return type.value === 0;
  if (type.flags & ts.TypeFlags.BigIntLiteral)
    return (type as ts.BigIntLiteralType).value.base10Value === '0';
  return false;
}

/**
 * A type all of whose values are truthy: `true`, a symbol, a non-empty literal. Object types are left out: `{}`
 * and `Object` also admit `''` and `0`.
 */
function isTruthyOnly(type: ts.Type): boolean {
  if (tsutils.isTrueLiteralType(type) || type.flags & ts.TypeFlags.ESSymbolLike) return true;
  if (type.isStringLiteral()) return type.value !== '';
  if (type.isNumberLiteral()) return type.value !== 0;
  if (type.flags & ts.TypeFlags.BigIntLiteral)
    return (type as ts.BigIntLiteralType).value.base10Value !== '0';
  return false;
}

/** A function expression called where it is written: `(async () => { … })()`, `(function () { … })()`. */
export function isIife(expression: TSESTree.Expression): boolean {
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    (expression.callee.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      expression.callee.type === AST_NODE_TYPES.FunctionExpression)
  );
}

function isAsyncIife(node: TSESTree.Expression): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const { callee } = node;
  return (
    (callee.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      callee.type === AST_NODE_TYPES.FunctionExpression) &&
    callee.async &&
    !callee.generator
  );
}

function isHandlerCall(call: TSESTree.CallExpression): boolean {
  const { callee } = call;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    ['catch', 'then', 'finally'].includes(callee.property.name)
  );
}
