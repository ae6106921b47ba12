// Reports promises whose outcome nobody observes: dropped expression statements, promises stored in a variable that
// is never read, and async callbacks handed to callers (such as `forEach`) that ignore the promise they return.
// What counts as unhandled is `floating-promises.ts`; the fixes are `promise-handling.ts` and `for-each-rewrite.ts`.
import {
  type TypeOrValueSpecifier,
  typeOrValueSpecifiersSchema,
} from '@typescript-eslint/type-utils';
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { isAssertionChain, mayHoldAssertion } from '../analysis/assertions';
import { FloatingPromises, isIife, type Unhandled } from '../analysis/floating-promises';
import { forEachRewrites } from '../fixes/for-each-rewrite';
import { type HandlingKind, promiseHandlings } from '../fixes/promise-handling';
import { createRule } from '../util/create-rule';
import { guardRecursion } from '../util/recursion-guard';
import { ForeignSuppressions } from '../util/foreign-suppressions';
import { callbackHeadLoc, expressionHeadLoc } from '../util/heads';

export type Options = [
  {
    ignoreVoid?: boolean;
    ignoreIIFE?: boolean;
    checkThenables?: boolean;
    checkAllVoidCallbacks?: boolean;
    allow?: TypeOrValueSpecifier[];
    honorTypescriptEslintComments?: boolean;
    testCode?: boolean;
    reportNonRejecting?: boolean;
  },
];

export type MessageIds =
  | 'floatingPromise'
  | 'floatingPromiseArray'
  | 'awaitedArray'
  | 'floatingNonRejecting'
  | 'unusedPromiseVariable'
  | 'ignoredAsyncCallback'
  | 'addAwait'
  | 'addAwaitAll'
  | 'returnPromise'
  | 'addCatch'
  | 'addVoid'
  | 'rewriteForOf'
  | 'rewritePromiseAllMap';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

const HANDLING_MESSAGES: Record<HandlingKind, MessageIds> = {
  await: 'addAwait',
  awaitAll: 'addAwaitAll',
  return: 'returnPromise',
  catch: 'addCatch',
  void: 'addVoid',
};

/** What the checks of one file share. */
interface FileScope {
  context: Context;
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
  promises: FloatingPromises;
  ignoreVoid: boolean;
  ignoreIIFE: boolean;
  checkAllVoidCallbacks: boolean;
  /** Test code: only floating assertions and ignored async callbacks are reported. */
  testCode: boolean;
  /** Promises that cannot reject get the ordering-only message instead of none. */
  reportNonRejecting: boolean;
  /** Disable comments for typescript-eslint's `no-floating-promises` (and `no-misused-promises` for callbacks). */
  suppressedFloating: ForeignSuppressions;
  suppressedCallbacks: ForeignSuppressions;
}

/** typescript-eslint's rules that report what this rule reports; their disable comments also silence it. */
const FLOATING_EQUIVALENT = '@typescript-eslint/no-floating-promises';
const CALLBACK_EQUIVALENT = '@typescript-eslint/no-misused-promises';

export default createRule<Options, MessageIds>({
  name: 'no-floating-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises to be awaited, returned, or handled, and never dropped',
      requiresTypeChecking: true,
      recommended: 'error',
      strict: 'error',
      testFiles: {
        recommended: ['error', { testCode: true }],
        strict: ['error', { testCode: true }],
      },
    },
    hasSuggestions: true,
    messages: {
      floatingPromise:
        'This promise is not awaited, returned, or handled. Nothing waits for it to finish, and if it rejects the error is lost.',
      floatingPromiseArray:
        'These promises are not awaited, returned, or handled. Nothing waits for them to finish, and if one rejects the error is lost.',
      awaitedArray:
        '`await` on an array waits for none of the promises in it. Nothing waits for them to finish, and if one rejects the error is lost.',
      floatingNonRejecting:
        'Nothing waits for this promise. It cannot reject (its function handles every error), so only the order is at stake: await it if what follows needs it finished.',
      unusedPromiseVariable:
        "The promise in '{{name}}' is never awaited, returned, passed on, or handled. Nothing waits for it, and if it rejects the error is lost.",
      ignoredAsyncCallback:
        "'{{callee}}' ignores the promise this callback returns. The calls run concurrently, nothing waits for them, and their errors are lost.",
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
          ignoreIIFE: {
            type: 'boolean',
            description:
              'Do not report a function expression called where it is written, as a statement: `(async () => { … })();` (default false).',
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
          honorTypescriptEslintComments: {
            type: 'boolean',
            description:
              "Treat disable comments for typescript-eslint's `no-floating-promises` (and `no-misused-promises` for async callbacks) as disabling this rule too (default true).",
          },
          reportNonRejecting: {
            type: 'boolean',
            description:
              'Also report promises from project functions that provably cannot reject, with a message about ordering only (default false: a promise with no error to lose is not reported).',
          },
          testCode: {
            type: 'boolean',
            description:
              'The file is test code, whose runner reports unhandled rejections as failures: report only floating assertions (`expect(…)`, `assert.rejects(…)`) and async callbacks the caller ignores (default false; the shipped configs set it for test files).',
          },
        },
      },
    ],
  },
  defaultOptions: [
    {
      ignoreVoid: true,
      ignoreIIFE: false,
      checkThenables: false,
      checkAllVoidCallbacks: false,
      allow: [],
      honorTypescriptEslintComments: true,
      testCode: false,
      reportNonRejecting: false,
    },
  ],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const ignoreVoid = options.ignoreVoid !== false;
    const file: FileScope = {
      context,
      sourceCode: context.sourceCode,
      services,
      promises: new FloatingPromises(services, {
        ignoreVoid,
        checkThenables: options.checkThenables === true,
        allow: options.allow ?? [],
      }),
      ignoreVoid,
      ignoreIIFE: options.ignoreIIFE === true,
      checkAllVoidCallbacks: options.checkAllVoidCallbacks === true,
      testCode: options.testCode === true,
      reportNonRejecting: options.reportNonRejecting === true,
      ...honoredSuppressions(context, options.honorTypescriptEslintComments !== false),
    };
    return {
      ExpressionStatement(node) {
        if (node.directive !== undefined) return;
        if (file.ignoreIIFE && isIife(node.expression)) return;
        // In test code only assertions are reported: a statement without one needs no types.
        if (file.testCode && !mayHoldAssertion(file.sourceCode, node.expression)) return;
        if (file.testCode && file.promises.isNoAssertionPromise(node.expression)) return;
        if (file.promises.isDeclaredNoPromiseCall(node.expression)) return;
        if (node.expression.type === AST_NODE_TYPES.AwaitExpression) {
          checkAwaitedArray(file, node.expression);
          return;
        }
        const found = file.promises.unhandledIn(node.expression);
        const verdict = found && reportable(file, node, found);
        if (!found || !verdict) return;
        const { nonRejecting } = verdict;
        // `await yield x` does not parse: a yielded promise gets the message alone.
        const whole =
          found.node.type !== AST_NODE_TYPES.YieldExpression &&
          (found.node === node.expression || isVoidOf(node.expression, found.node));
        context.report({
          loc: expressionHeadLoc(file.sourceCode, found.node),
          messageId: messageFor(found, nonRejecting),
          suggest: whole
            ? statementSuggestions(file, node, found, true).filter(
                // A handler for a rejection that cannot happen is noise.
                (suggestion) => !nonRejecting || suggestion.messageId !== 'addCatch',
              )
            : [],
        });
      },
      ArrowFunctionExpression(node) {
        // `() => void save()` with `ignoreVoid: false`: the arrow's value is the `void`, so it drops the promise as
        // a statement would. (No suggestion: `await` needs an async arrow, and the caller ignores the value anyway.)
        const { body } = node;
        if (file.ignoreVoid || body.type !== AST_NODE_TYPES.UnaryExpression) return;
        if (body.operator !== 'void') return;
        if (file.testCode && !mayHoldAssertion(file.sourceCode, body)) return;
        const found = file.promises.unhandledIn(body);
        const verdict = found && reportable(file, body, found);
        if (!found || !verdict) return;
        context.report({
          loc: expressionHeadLoc(file.sourceCode, body),
          messageId: messageFor(found, verdict.nonRejecting),
        });
      },
      VariableDeclarator: (declarator) => checkDeclarator(file, declarator),
      CallExpression: (call) => checkCallbacks(file, call),
      NewExpression: (call) => checkCallbacks(file, call),
    };
  },
});

/**
 * `await tasks;` where `tasks` is an array of promises: `await` on an array waits for nothing, so the promises in it
 * float. The suggestion waits for them all, `await Promise.all(tasks)`.
 */
function checkAwaitedArray(file: FileScope, expression: TSESTree.AwaitExpression): void {
  if (file.testCode && file.promises.isNoAssertionArray(expression.argument)) return;
  const found = file.promises.unawaitedArrayIn(expression);
  if (!found || !reportable(file, expression, found)) return;
  const argument = found.node;
  const text = file.sourceCode.getText(argument);
  const operand = argument.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
  file.context.report({
    loc: expressionHeadLoc(file.sourceCode, argument),
    messageId: 'awaitedArray',
    suggest: [
      {
        messageId: 'addAwaitAll',
        fix: (fixer) => fixer.replaceText(argument, `Promise.all(${operand})`),
      },
    ],
  });
}

/**
 * Whether a promise found at `site` (a statement, or an arrow's body) is reported: not under a typescript-eslint
 * disable comment, an assertion in test code, and able to reject unless `reportNonRejecting` asks for those too.
 */
function reportable(
  file: FileScope,
  site: TSESTree.Node,
  found: Unhandled,
): { nonRejecting: boolean } | undefined {
  // typescript-eslint reports the statement, ours the promise in it: a comment on the line of either counts.
  if (file.suppressedFloating.coversEither(site, found.node)) return undefined;
  if (file.testCode && !isAssertionChain(found.node)) return undefined;
  const nonRejecting = file.promises.cannotReject(found);
  return nonRejecting && !file.reportNonRejecting ? undefined : { nonRejecting };
}

function messageFor(found: Unhandled, nonRejecting: boolean): MessageIds {
  if (nonRejecting) return 'floatingNonRejecting';
  return found.kind === 'array' ? 'floatingPromiseArray' : 'floatingPromise';
}

function honoredSuppressions(
  context: Context,
  honored: boolean,
): Pick<FileScope, 'suppressedFloating' | 'suppressedCallbacks'> {
  const names = (...rules: string[]): string[] => (honored ? rules : []);
  return {
    suppressedFloating: new ForeignSuppressions(context.sourceCode, names(FLOATING_EQUIVALENT)),
    suppressedCallbacks: new ForeignSuppressions(
      context.sourceCode,
      names(FLOATING_EQUIVALENT, CALLBACK_EQUIVALENT),
    ),
  };
}

/** Suggestions that replace `target` (an expression statement or a declaration) with a statement about `found`. */
function statementSuggestions(
  file: FileScope,
  target: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration,
  found: Unhandled,
  allowReturn: boolean,
): Suggestion[] {
  const handlings = guardRecursion(
    () =>
      promiseHandlings(file.sourceCode, file.services, {
        target,
        found,
        allowReturn,
        allowVoid: file.ignoreVoid,
      }),
    () => [],
  );
  return handlings.map((handling) => ({
    messageId: HANDLING_MESSAGES[handling.kind],
    fix: handling.fix,
  }));
}

// --- async callbacks whose promise the caller ignores ------------------------------------------------------------

function checkCallbacks(
  file: FileScope,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): void {
  const { context, sourceCode } = file;
  for (const { argument, calleeName, isForEach } of file.promises.ignoredCallbacksOf(
    sourceCode,
    call,
    file.checkAllVoidCallbacks,
  )) {
    const loc = callbackHeadLoc(sourceCode, argument);
    if (file.suppressedCallbacks.covers(loc.start)) continue;
    context.report({
      loc,
      messageId: 'ignoredAsyncCallback',
      data: { callee: calleeName },
      suggest:
        isForEach && call.type === AST_NODE_TYPES.CallExpression
          ? forEachRewrites(sourceCode, file.services, call, argument).map((rewrite) => ({
              messageId: rewrite.kind === 'for-of' ? 'rewriteForOf' : 'rewritePromiseAllMap',
              fix: rewrite.fix,
            }))
          : [],
    });
  }
}

// --- promises stored and never read ------------------------------------------------------------------------------

function checkDeclarator(file: FileScope, declarator: TSESTree.VariableDeclarator): void {
  if (file.testCode && (!declarator.init || !mayHoldAssertion(file.sourceCode, declarator.init)))
    return;
  const unread = file.promises.unreadPromiseOf(file.sourceCode, declarator);
  if (!unread) return;
  const { variable, found } = unread;
  const nameStart = declarator.id.loc.start;
  if (file.suppressedFloating.covers(nameStart)) return;
  if (file.testCode && !isAssertionChain(found.node)) return;
  if (!file.reportNonRejecting && file.promises.cannotReject(found)) return;
  file.context.report({
    loc: {
      start: nameStart,
      end: { line: nameStart.line, column: nameStart.column + variable.name.length },
    },
    messageId: 'unusedPromiseVariable',
    data: { name: variable.name },
    suggest: unread.standsAlone ? statementSuggestions(file, declarator.parent, found, false) : [],
  });
}

function isVoidOf(expression: TSESTree.Expression, inner: TSESTree.Expression): boolean {
  return (
    expression.type === AST_NODE_TYPES.UnaryExpression &&
    expression.operator === 'void' &&
    expression.argument === inner
  );
}
