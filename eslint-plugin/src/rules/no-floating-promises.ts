// Reports promises whose outcome nobody observes: dropped expression statements, promises stored in a variable that
// is never read, and async callbacks handed to callers (such as `forEach`) that ignore the promise they return.
import {
  type TypeOrValueSpecifier,
  typeMatchesSomeSpecifier,
  typeOrValueSpecifiersSchema,
  valueMatchesSomeSpecifier,
} from '@typescript-eslint/type-utils';
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { guardStatementStart } from '../fixes/asi';
import { canAwaitAt } from '../analysis/await-context';
import { createRule } from '../util/create-rule';
import { isFunctionNode } from '../util/enclosing-function';
import { operandText, prefixOperandText } from '../fixes/parentheses';
import { isRejectionHandled } from '../analysis/promise-handlers';
import {
  isArrayOfPromises,
  isPromiseEveryway,
  isPromiseLikeType,
  type PromiseTypeContext,
} from '../analysis/promise-types';
import { containsNode } from '../util/traverse';

export type Options = [
  {
    ignoreVoid?: boolean;
    checkThenables?: boolean;
    checkAllVoidCallbacks?: boolean;
    allow?: TypeOrValueSpecifier[];
  },
];

export type MessageIds =
  | 'floatingPromise'
  | 'floatingPromiseArray'
  | 'unusedPromiseVariable'
  | 'ignoredAsyncCallback'
  | 'addAwait'
  | 'addAwaitAll'
  | 'returnPromise'
  | 'addCatch'
  | 'addVoid'
  | 'rewriteForOf'
  | 'rewritePromiseAllMap';

/**
 * `node:test`'s suite and test functions return promises that the runner itself tracks; awaiting them is optional
 * and reporting them is the best-known false alarm of this kind of rule.
 */
const NODE_TEST_CALLS: TypeOrValueSpecifier[] = [
  { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
];
const NODE_TEST_MODIFIERS = new Set(['only', 'skip', 'todo']);

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** What an expression statement leaves unhandled: one promise, or an array of them. */
interface Unhandled {
  node: TSESTree.Expression;
  kind: 'promise' | 'array';
}

export default createRule<Options, MessageIds>({
  name: 'no-floating-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises to be awaited, returned, or handled, and never dropped',
      requiresTypeChecking: true,
      recommended: 'error',
      strict: 'error',
    },
    hasSuggestions: true,
    messages: {
      floatingPromise:
        'This promise is not awaited, returned, or handled: nothing waits for it to finish, and if it rejects the error is lost.',
      floatingPromiseArray:
        'These promises are not awaited, returned, or handled: nothing waits for them to finish, and if one rejects the error is lost.',
      unusedPromiseVariable:
        "The promise in '{{name}}' is never awaited, returned, passed on, or handled: nothing waits for it, and if it rejects the error is lost.",
      ignoredAsyncCallback:
        "'{{callee}}' ignores the promise this callback returns: the calls run concurrently, nothing waits for them, and their errors are lost.",
      addAwait: 'Add `await`',
      addAwaitAll: 'Await them all with `await Promise.all(…)`',
      returnPromise: 'Return the promise to the caller',
      addCatch: 'Add `.catch(…)` that logs the error',
      addVoid: 'Mark as intentionally not awaited with `void`',
      rewriteForOf:
        'Rewrite as a `for…of` loop with `await` (the callbacks then run one after another)',
      rewritePromiseAllMap:
        'Rewrite as `await Promise.all(….map(…))` (runs them concurrently and waits for all)',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreVoid: {
            type: 'boolean',
            description:
              'Treat `void promise` as an intentional decision not to wait (default true).',
          },
          checkThenables: {
            type: 'boolean',
            description:
              'Report any object with a callable `then` (such as `Thenable`), not only promises (default false).',
          },
          checkAllVoidCallbacks: {
            type: 'boolean',
            description:
              'Report async callbacks passed to any parameter typed to return `void` (event handlers, `setTimeout`), not only to `forEach` (default false).',
          },
          allow: {
            ...typeOrValueSpecifiersSchema,
            description:
              'Calls (by function name) or promise types that are safe to leave floating, as typescript-eslint type-or-value specifiers.',
          },
        },
      },
    ],
  },
  defaultOptions: [
    { ignoreVoid: true, checkThenables: false, checkAllVoidCallbacks: false, allow: [] },
  ],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const { program } = services;
    const checker = program.getTypeChecker();
    const { sourceCode } = context;
    const typeContext: PromiseTypeContext = {
      checker,
      program,
      checkThenables: options.checkThenables === true,
    };
    const userAllow = options.allow ?? [];
    const allAllow = [...NODE_TEST_CALLS, ...userAllow];

    const tsNodeOf = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);
    const typeOf = (node: TSESTree.Node): ts.Type => services.getTypeAtLocation(node);

    function isAllowed(node: TSESTree.Expression, type: ts.Type): boolean {
      if (typeMatchesSomeSpecifier(type, userAllow, program)) return true;
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const { callee } = node;
      if (callee.type === AST_NODE_TYPES.Identifier) {
        return valueMatchesSomeSpecifier(callee, allAllow, program, typeOf(callee));
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return false;
      if (
        callee.property.type === AST_NODE_TYPES.Identifier &&
        NODE_TEST_MODIFIERS.has(callee.property.name) &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        valueMatchesSomeSpecifier(callee.object, allAllow, program, typeOf(callee.object))
      ) {
        return true;
      }
      return valueMatchesSomeSpecifier(callee.property, userAllow, program, typeOf(callee));
    }

    function isFloatingPromise(node: TSESTree.Expression): boolean {
      const type = typeOf(node);
      return isPromiseLikeType(typeContext, tsNodeOf(node), type) && !isAllowed(node, type);
    }

    /** The part of `node` whose promise nobody handles, or `undefined` when every promise in it is handled. */
    function findUnhandled(node: TSESTree.Expression): Unhandled | undefined {
      switch (node.type) {
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.AssignmentExpression:
        case AST_NODE_TYPES.YieldExpression:
          return undefined;
        case AST_NODE_TYPES.UnaryExpression:
          if (node.operator !== 'void' || options.ignoreVoid !== false) return undefined;
          return findUnhandled(node.argument);
        case AST_NODE_TYPES.SequenceExpression:
          for (const part of node.expressions) {
            const found = findUnhandled(part);
            if (found) return found;
          }
          return undefined;
        case AST_NODE_TYPES.ConditionalExpression:
          return findUnhandled(node.consequent) || findUnhandled(node.alternate)
            ? { node, kind: 'promise' }
            : undefined;
        case AST_NODE_TYPES.LogicalExpression:
          return findUnhandled(node.left) || findUnhandled(node.right)
            ? { node, kind: 'promise' }
            : undefined;
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSTypeAssertion: {
          const inner = node.expression;
          if (inner.type === AST_NODE_TYPES.CallExpression && isHandlerCall(inner))
            return findUnhandledInHandlerCall(inner, node);
          const found = findUnhandled(inner);
          return found ? { node, kind: found.kind } : undefined;
        }
        case AST_NODE_TYPES.CallExpression:
          if (isHandlerCall(node)) return findUnhandledInHandlerCall(node, node);
          break;
        default:
          break;
      }
      if (isFloatingPromise(node)) return { node, kind: 'promise' };
      if (isArrayOfPromises(typeContext, tsNodeOf(node), typeOf(node)))
        return { node, kind: 'array' };
      return undefined;
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

    /** `.catch(fn)` and `.then(a, fn)` handle rejections; `.finally(fn)` passes the rejection on. */
    function findUnhandledInHandlerCall(
      call: TSESTree.CallExpression,
      reported: TSESTree.Expression,
    ): Unhandled | undefined {
      if (isRejectionHandled(call, (node) => typeOf(node))) return undefined;
      const callee = call.callee as TSESTree.MemberExpression;
      if ((callee.property as TSESTree.Identifier).name === 'finally') {
        return findUnhandled(callee.object) ? { node: reported, kind: 'promise' } : undefined;
      }
      return isFloatingPromise(call) ? { node: reported, kind: 'promise' } : undefined;
    }

    // --- suggestions -----------------------------------------------------------------------------------------

    function hasConsole(node: TSESTree.Node): boolean {
      return (
        checker.resolveName('console', tsNodeOf(node), ts.SymbolFlags.Value, false) !== undefined
      );
    }

    const CATCH_HANDLER = '(error) => { console.error(error); }';

    /** Suggestions that replace `target` (an expression statement or a declaration) with a statement about `found`. */
    function statementSuggestions(
      target: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration,
      found: Unhandled,
      allowReturn: boolean,
    ): Suggestion[] {
      const suggestions: Suggestion[] = [];
      const asArray = found.kind === 'array';
      const all = `Promise.all(${sourceCode.getText(found.node)})`;
      const replace = (messageId: MessageIds, text: string): void => {
        suggestions.push({ messageId, fix: (fixer) => replaceStatement(fixer, target, text) });
      };
      if (canAwaitAt(target, services)) {
        replace(
          asArray ? 'addAwaitAll' : 'addAwait',
          asArray ? `await ${all}` : `await ${prefixOperandText(sourceCode, found.node)}`,
        );
      }
      if (allowReturn && canReturnFrom(target)) {
        replace('returnPromise', `return ${asArray ? all : sourceCode.getText(found.node)}`);
      }
      // `.catch` exists on real promises only, not on every thenable, so this check ignores `checkThenables`.
      const catchable =
        asArray ||
        isPromiseEveryway(
          { ...typeContext, checkThenables: false },
          tsNodeOf(found.node),
          typeOf(found.node),
          found.node.type === AST_NODE_TYPES.ChainExpression,
        );
      if (catchable && hasConsole(target)) {
        replace(
          'addCatch',
          `${asArray ? all : operandText(sourceCode, found.node)}.catch(${CATCH_HANDLER})`,
        );
      }
      if (options.ignoreVoid !== false) {
        replace('addVoid', `void ${prefixOperandText(sourceCode, found.node)}`);
      }
      return suggestions;
    }

    /** Replaces a statement, keeping its semicolon (or its absence) and guarding the start against ASI. */
    function replaceStatement(
      fixer: TSESLint.RuleFixer,
      statement: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration,
      text: string,
    ): TSESLint.RuleFix {
      const semicolon = sourceCode.getLastToken(statement)?.value === ';' ? ';' : '';
      return fixer.replaceText(
        statement,
        guardStatementStart(sourceCode, statement, text) + semicolon,
      );
    }

    /**
     * `return promise` is offered only where it cannot break the function's type: the last statement of a function
     * with no declared return type, no other value returned, and that is not a constructor, getter or setter.
     */
    function canReturnFrom(statement: TSESTree.Node): boolean {
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

    // --- async callbacks whose promise the caller ignores ------------------------------------------------------

    function returnsPromise(fn: TSESTree.Expression): boolean {
      const tsNode = tsNodeOf(fn);
      return typeOf(fn)
        .getCallSignatures()
        .some((signature) => isPromiseLikeType(typeContext, tsNode, signature.getReturnType()));
    }

    /** True when the parameter that receives `argument` is a function type returning `void`. */
    function expectsVoidCallback(argument: TSESTree.Expression): boolean {
      const contextual = checker.getContextualType(tsNodeOf(argument) as ts.Expression);
      if (!contextual) return false;
      const signatures = contextual.getCallSignatures();
      return (
        signatures.length > 0 &&
        signatures.every((signature) => (signature.getReturnType().flags & ts.TypeFlags.Void) !== 0)
      );
    }

    function callbackHeadLoc(argument: TSESTree.Expression): TSESTree.SourceLocation {
      if (
        argument.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
        argument.type !== AST_NODE_TYPES.FunctionExpression
      ) {
        return argument.loc;
      }
      const beforeBody = sourceCode.getTokenBefore(argument.body)!;
      return { start: argument.loc.start, end: beforeBody.loc.end };
    }

    function forEachSuggestions(
      call: TSESTree.CallExpression,
      callback: TSESTree.Expression,
    ): Suggestion[] {
      const statement = call.parent;
      const callee = call.callee;
      if (
        statement?.type !== AST_NODE_TYPES.ExpressionStatement ||
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        callee.optional ||
        !canAwaitAt(statement, services)
      ) {
        return [];
      }
      const receiverType = checker.getApparentType(typeOf(callee.object));
      if (!checker.isArrayType(receiverType) && !checker.isTupleType(receiverType)) return [];
      const receiver = operandText(sourceCode, callee.object);
      const suggestions: Suggestion[] = [];
      const loop = call.arguments.length === 1 ? forOfText(receiver, callback) : undefined;
      if (loop !== undefined) {
        suggestions.push({
          messageId: 'rewriteForOf',
          fix: (fixer) =>
            fixer.replaceText(statement, guardStatementStart(sourceCode, statement, loop)),
        });
      }
      const openParen = sourceCode.getTokenAfter(callee)!;
      const argumentsText = sourceCode.text.slice(openParen.range[1], call.range[1] - 1);
      suggestions.push({
        messageId: 'rewritePromiseAllMap',
        fix: (fixer) =>
          replaceStatement(
            fixer,
            statement,
            `await Promise.all(${receiver}.map(${argumentsText}))`,
          ),
      });
      return suggestions;
    }

    /**
     * `for (const x of xs) { body }` for a callback with one plain parameter, whose body neither returns (a
     * `return` would leave the loop) nor depends on its own `this`/`arguments`.
     */
    function forOfText(receiver: string, callback: TSESTree.Expression): string | undefined {
      if (
        callback.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
        callback.type !== AST_NODE_TYPES.FunctionExpression
      ) {
        return undefined;
      }
      const [param] = callback.params;
      if (callback.params.length !== 1 || !param || callback.generator) return undefined;
      if (
        param.type !== AST_NODE_TYPES.Identifier &&
        param.type !== AST_NODE_TYPES.ObjectPattern &&
        param.type !== AST_NODE_TYPES.ArrayPattern
      ) {
        return undefined;
      }
      const body = callback.body;
      if (body.type === AST_NODE_TYPES.BlockStatement) {
        if (containsNode(sourceCode, body, (node) => node.type === AST_NODE_TYPES.ReturnStatement))
          return undefined;
      }
      if (
        callback.type === AST_NODE_TYPES.FunctionExpression &&
        containsNode(
          sourceCode,
          body,
          (node) =>
            node.type === AST_NODE_TYPES.ThisExpression ||
            (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments'),
          (fn) => fn.type === AST_NODE_TYPES.ArrowFunctionExpression,
        )
      ) {
        return undefined;
      }
      const binding = param.typeAnnotation
        ? sourceCode.text.slice(param.range[0], param.typeAnnotation.range[0]).trimEnd()
        : sourceCode.getText(param);
      const reassigned = sourceCode
        .getDeclaredVariables(callback)
        .some((variable) => variable.references.some((reference) => reference.isWrite()));
      const keyword = reassigned ? 'let' : 'const';
      const loopBody =
        body.type === AST_NODE_TYPES.BlockStatement
          ? sourceCode.getText(body)
          : `{ await ${prefixOperandText(sourceCode, body)}; }`;
      return `for (${keyword} ${binding} of ${receiver}) ${loopBody}`;
    }

    function checkCallbacks(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const callee = call.callee;
      const isForEach =
        call.type === AST_NODE_TYPES.CallExpression &&
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.property.name === 'forEach';
      if (!isForEach && options.checkAllVoidCallbacks !== true) return;
      const candidates = isForEach ? call.arguments.slice(0, 1) : call.arguments;
      for (const argument of candidates) {
        if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
        if (!returnsPromise(argument) || !expectsVoidCallback(argument)) continue;
        const calleeName =
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.property.type === AST_NODE_TYPES.Identifier
            ? callee.property.name
            : sourceCode.getText(callee);
        context.report({
          loc: callbackHeadLoc(argument),
          messageId: 'ignoredAsyncCallback',
          data: { callee: calleeName },
          suggest:
            isForEach && call.type === AST_NODE_TYPES.CallExpression
              ? forEachSuggestions(call, argument)
              : [],
        });
      }
    }

    // --- promises stored and never read ---------------------------------------------------------------------

    function checkDeclarator(declarator: TSESTree.VariableDeclarator): void {
      const declaration = declarator.parent;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return;
      if (declaration.kind === 'using' || declaration.kind === 'await using' || declaration.declare)
        return;
      if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return;
      const [variable] = sourceCode.getDeclaredVariables(declarator);
      if (!variable || variable.references.some((reference) => reference.isRead())) return;
      if (isExportedByName(variable.name)) return;
      const found = findUnhandled(declarator.init);
      if (!found) return;
      const onlyInitialized =
        variable.references.length === 1 && variable.references[0]?.init === true;
      const standsAlone =
        declaration.declarations.length === 1 &&
        onlyInitialized &&
        !declarator.id.typeAnnotation &&
        isInStatementList(declaration);
      const nameStart = declarator.id.loc.start;
      context.report({
        loc: {
          start: nameStart,
          end: { line: nameStart.line, column: nameStart.column + variable.name.length },
        },
        messageId: 'unusedPromiseVariable',
        data: { name: variable.name },
        suggest: standsAlone ? statementSuggestions(declaration, found, false) : [],
      });
    }

    /** `export { task }` reads nothing, but the importer may; such variables are consumed elsewhere. */
    function isExportedByName(name: string): boolean {
      return (
        sourceCode.ast.body.some(
          (statement) =>
            statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
            statement.source === null &&
            statement.specifiers.some(
              (specifier) =>
                specifier.local.type === AST_NODE_TYPES.Identifier && specifier.local.name === name,
            ),
        ) ||
        sourceCode.ast.body.some(
          (statement) =>
            statement.type === AST_NODE_TYPES.ExportDefaultDeclaration &&
            statement.declaration.type === AST_NODE_TYPES.Identifier &&
            statement.declaration.name === name,
        )
      );
    }

    function isInStatementList(statement: TSESTree.Node): boolean {
      const parent = statement.parent;
      return (
        parent?.type === AST_NODE_TYPES.Program ||
        parent?.type === AST_NODE_TYPES.BlockStatement ||
        parent?.type === AST_NODE_TYPES.StaticBlock ||
        parent?.type === AST_NODE_TYPES.SwitchCase ||
        parent?.type === AST_NODE_TYPES.TSModuleBlock
      );
    }

    return {
      ExpressionStatement(node) {
        if (node.directive !== undefined) return;
        const found = findUnhandled(node.expression);
        if (!found) return;
        const whole = found.node === node.expression || isVoidOf(node.expression, found.node);
        context.report({
          node: found.node,
          messageId: found.kind === 'array' ? 'floatingPromiseArray' : 'floatingPromise',
          suggest: whole ? statementSuggestions(node, found, true) : [],
        });
      },
      VariableDeclarator: checkDeclarator,
      CallExpression: checkCallbacks,
      NewExpression: checkCallbacks,
    };
  },
});

function isVoidOf(expression: TSESTree.Expression, inner: TSESTree.Expression): boolean {
  return (
    expression.type === AST_NODE_TYPES.UnaryExpression &&
    expression.operator === 'void' &&
    expression.argument === inner
  );
}
