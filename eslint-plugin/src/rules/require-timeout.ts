// Reports network calls (fetch, undici, node-fetch, node:http/https, axios, got, ky) that have no deadline: no abort
// signal that a timer ends, and for axios, got and ky no `timeout`. A call that can hang forever holds its caller forever. Which calls go out over
// HTTP is `http-clients.ts`; what their options say about a deadline, `request-deadlines.ts`; a request returned to
// the caller (`returned-values.ts`) is left to the caller; browser code (`browser-code.ts`) only with
// `checkBrowserCode`.
import {
  ESLintUtils,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { isBrowserCode } from '../analysis/browser-code';
import { globalHasMember } from '../analysis/globals';
import { type HttpCall, HttpCalls } from '../analysis/http-clients';
import { type Deadline, RequestDeadlines } from '../analysis/request-deadlines';
import { functionReturning } from '../analysis/returned-values';
import { acceptsOption, setOptionFix } from '../fixes/call-options';
import { createRule } from '../util/create-rule';

export type Options = [{ timeoutMs?: number; checkBrowserCode?: boolean }];

export type MessageIds =
  | 'noTimeout'
  | 'signalWithoutTimer'
  | 'timeoutOptionOnly'
  | 'timeoutDisabled'
  | 'addAxiosTimeout'
  | 'addGotTimeout'
  | 'addSignalTimeout'
  | 'combineWithTimeout';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

export default createRule<Options, MessageIds>({
  name: 'require-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require network calls to have a timeout or an abort signal',
      requiresTypeChecking: true,
      strict: 'error',
      testFiles: { strict: 'off' },
    },
    hasSuggestions: true,
    messages: {
      noTimeout:
        '`{{callee}}` has no timeout or abort signal. If the server never answers, the caller waits forever.',
      signalWithoutTimer:
        'The signal passed to `{{callee}}` is never aborted on a timer. If the server never answers, the caller waits forever.',
      timeoutOptionOnly:
        "The `timeout` option of `{{callee}}` only emits a 'timeout' event and aborts nothing. If the server never answers, the caller waits forever.",
      timeoutDisabled:
        '`{{callee}}` has `timeout: {{value}}`, which turns the timeout off. If the server never answers, the caller waits forever.',
      addAxiosTimeout: "Add axios's `timeout: {{ms}}` option",
      addGotTimeout: "Add got's `timeout: { request: {{ms}} }` option",
      addSignalTimeout: 'Add `signal: AbortSignal.timeout({{ms}})`',
      combineWithTimeout:
        'Give the signal a deadline: `AbortSignal.any([…, AbortSignal.timeout({{ms}})])`',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          timeoutMs: {
            type: 'integer',
            minimum: 1,
            description:
              'The deadline, in milliseconds, that the suggestions insert (default 10000).',
          },
          checkBrowserCode: {
            type: 'boolean',
            description:
              'Also report requests in browser code: files that name the DOM globals `window` or `document`, or a type of the page (`HTMLElement`, `DragEvent`, …) (default false).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ timeoutMs: 10_000, checkBrowserCode: false }],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const calls = new HttpCalls(services);
    const deadlines = new RequestDeadlines(context.sourceCode, services, calls);
    const ms = options.timeoutMs ?? 10_000;
    const tsFile = services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast);
    return {
      CallExpression(call) {
        const httpCall = calls.httpCallOf(call);
        if (!httpCall) return;
        const deadline = deadlines.deadlineOf(call, httpCall);
        if (deadline.kind === 'bounded' || deadline.kind === 'unknown') return;
        // A request handed back to the caller gets its deadline there: the caller decides how long to wait.
        if (functionReturning(context.sourceCode, services, call)) return;
        // A page's request that hangs holds one tab in front of a person who can leave it, no server's resources.
        if (
          !options.checkBrowserCode &&
          isBrowserCode(context.sourceCode, services.program, tsFile)
        )
          return;
        const messageId: MessageIds =
          deadline.kind === 'signalWithoutTimer'
            ? 'signalWithoutTimer'
            : deadline.kind === 'timeoutOptionOnly'
              ? 'timeoutOptionOnly'
              : deadline.kind === 'timeoutDisabled'
                ? 'timeoutDisabled'
                : 'noTimeout';
        context.report({
          node: call.callee,
          messageId,
          data: {
            callee: calleeText(context, call.callee),
            value:
              deadline.kind === 'timeoutDisabled'
                ? context.sourceCode.getText(deadline.property.value)
                : '',
          },
          suggest: deadlineSuggestions(context, services, { call, httpCall, deadline }, ms),
        });
      },
    };
  },
});

interface Finding {
  call: TSESTree.CallExpression;
  httpCall: HttpCall;
  deadline: Exclude<Deadline, { kind: 'bounded' | 'unknown' }>;
}

/** `AbortSignal.timeout(ms)` as the signal, or in `AbortSignal.any` with the one there; axios's `timeout` too. */
function deadlineSuggestions(
  context: Context,
  services: ParserServicesWithTypeInformation,
  finding: Finding,
  ms: number,
): Suggestion[] {
  const { sourceCode } = context;
  const { call, httpCall, deadline } = finding;
  const at = services.esTreeNodeToTSNodeMap.get(call);
  const checker = services.program.getTypeChecker();
  const hasAbortSignal = (method: string): boolean =>
    globalHasMember(checker, 'AbortSignal', method, at);
  const suggestions: Suggestion[] = [];
  const data = { ms: String(ms) };
  const signal = `AbortSignal.timeout(${ms})`;
  const canUseSignal = hasAbortSignal('timeout');
  if (deadline.kind === 'signalWithoutTimer') {
    if (!canUseSignal || !hasAbortSignal('any')) return [];
    const { property } = deadline;
    const current = sourceCode.getText(property.value);
    const combined = `AbortSignal.any([${current}, ${signal}])`;
    suggestions.push({
      messageId: 'combineWithTimeout',
      data,
      fix: (fixer) =>
        property.shorthand
          ? fixer.replaceText(property, `signal: ${combined}`)
          : fixer.replaceText(property.value, combined),
    });
    return suggestions;
  }
  const existing =
    deadline.kind === 'missing' || deadline.kind === 'timeoutDisabled'
      ? deadline.property
      : undefined;
  if (httpCall.library === 'axios') {
    const timeoutFix = setOptionFix(sourceCode, services, {
      call,
      httpCall,
      existing,
      key: 'timeout',
      value: String(ms),
    });
    if (timeoutFix) suggestions.push({ messageId: 'addAxiosTimeout', data, fix: timeoutFix });
  }
  // got's own request deadline, in every got version; its options took `signal` only from version 12.
  if (
    httpCall.library === 'got' &&
    acceptsOption(services, call, httpCall.optionsIndex, 'timeout')
  ) {
    const timeoutFix = setOptionFix(sourceCode, services, {
      call,
      httpCall,
      existing,
      key: 'timeout',
      value: `{ request: ${ms} }`,
    });
    if (timeoutFix) suggestions.push({ messageId: 'addGotTimeout', data, fix: timeoutFix });
  }
  if (canUseSignal && acceptsOption(services, call, httpCall.optionsIndex, 'signal')) {
    const signalFix = setOptionFix(sourceCode, services, {
      call,
      httpCall,
      existing,
      key: 'signal',
      value: signal,
    });
    if (signalFix) suggestions.push({ messageId: 'addSignalTimeout', data, fix: signalFix });
  }
  return suggestions;
}

function calleeText(context: Context, callee: TSESTree.Expression): string {
  const text = context.sourceCode.getText(callee).replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
