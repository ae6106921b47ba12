// Reports code that blocks the event loop inside async functions: synchronous I/O, child processes, compression and
// key derivation, `Atomics.wait`, busy-wait loops, and calls to the project's own sync helpers that do any of these,
// however deep (within a limit). Calls are identified by their resolved declaration, never by name.
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import {
  createAsyncReplacements,
  type Replacement,
  type ReplacementKind,
} from '../fixes/async-replacements';
import { canAwaitAt } from '../analysis/await-context';
import {
  type AllowedCall,
  type BlockingCall,
  type ConfiguredBlockingCall,
  FS_PROMISE_FORMS,
  isAllowedCall,
  matchBlockingCall,
  withoutSync,
} from '../analysis/blocking-calls';
import { type BusyWait, busyWaitOf } from '../analysis/busy-wait';
import {
  type AnalyzableFunction,
  calleeDisplayName,
  type CallSite,
  getCallGraph,
  isAnalyzableFunction,
  type Reach,
  type ReachQuery,
  type Site,
} from '../analysis/call-graph';
import { createRule } from '../util/create-rule';
import {
  describeLocation as describeLocationIn,
  recordRelatedLocations,
  type RelatedLocation,
  relatedLocationOf,
} from '../util/related-locations';

export type Options = [
  {
    blockingCalls?: ConfiguredBlockingCall[];
    allow?: AllowedCall[];
    maxDepth?: number;
  },
];

export type MessageIds =
  | 'blockingCall'
  | 'blockingCallInCallback'
  | 'busyWait'
  | 'busyWaitInCallback'
  | 'blockingHelper'
  | 'useAsyncApi'
  | 'useAccess'
  | 'usePromisified'
  | 'useSleep'
  | 'useWaitAsync';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

const SUGGESTION_MESSAGES: Record<ReplacementKind, MessageIds> = {
  asyncApi: 'useAsyncApi',
  access: 'useAccess',
  promisified: 'usePromisified',
  sleep: 'useSleep',
  waitAsync: 'useWaitAsync',
};

/** What blocks, as the call-graph search reports it. */
type Blocking = { kind: 'call'; call: BlockingCall } | { kind: 'busy-wait'; wait: BusyWait };

const FILE_HANDLE_ADVICE =
  "the promise API of 'node:fs/promises' (`open()` gives a `FileHandle` with async methods)";

export default createRule<Options, MessageIds>({
  name: 'no-blocking-in-async',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow calls that block the event loop inside async functions, directly or through sync helpers',
      requiresTypeChecking: true,
      recommended: 'error',
      strict: 'error',
    },
    hasSuggestions: true,
    messages: {
      blockingCall:
        "'{{name}}' blocks the event loop inside async code: nothing else runs until it returns. Use {{alternative}} instead.",
      blockingCallInCallback:
        "'{{name}}' blocks the event loop in a callback that runs synchronously inside async code. Make the callback async and await the results (`await Promise.all(items.map(async …))`, or a `for…of` loop with `await`), using {{alternative}}.",
      busyWait:
        "This loop busy-waits on the clock inside async code and blocks the event loop until its deadline. Use `await setTimeout(ms)` from 'node:timers/promises' instead (when polling, await it between checks).",
      busyWaitInCallback:
        "This loop busy-waits on the clock in a callback that runs synchronously inside async code and blocks the event loop until its deadline. Make the callback async and use `await setTimeout(ms)` from 'node:timers/promises' instead.",
      blockingHelper:
        "'{{name}}' blocks the event loop inside async code: {{chain}}. Make it async with the promise API and await it here, or call it before the async work starts.",
      useAsyncApi: "Use `await {{name}}(…)` from '{{module}}'",
      useAccess: "Use `await access(…)` from 'node:fs/promises', resolving to true or false",
      usePromisified: 'Use the promisified `{{name}}` with `await`',
      useSleep: "Replace with `await setTimeout({{duration}})` from 'node:timers/promises'",
      useWaitAsync: 'Use `await Atomics.waitAsync(…).value`',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          blockingCalls: {
            type: 'array',
            description:
              "More calls that block, by module and exported name, with the module's async function to suggest instead (`{ module: 'bcrypt', name: 'hashSync', replacement: 'hash' }`).",
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['module', 'name'],
              properties: {
                module: {
                  type: 'string',
                  description: 'The module specifier (`bcrypt`, `node:fs`).',
                },
                name: { type: 'string', description: 'The exported function that blocks.' },
                replacement: {
                  type: 'string',
                  description:
                    'An exported async function of the same module taking the same arguments.',
                },
              },
            },
          },
          allow: {
            type: 'array',
            description:
              "Calls that may block: a function name (`existsSync`, or a project helper such as `loadConfigOnce`), or `{ module, name }` for one module's function.",
            items: {
              oneOf: [
                { type: 'string' },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['module', 'name'],
                  properties: { module: { type: 'string' }, name: { type: 'string' } },
                },
              ],
            },
          },
          maxDepth: {
            type: 'integer',
            minimum: 1,
            maximum: 20,
            description:
              'How many sync helper functions deep to follow calls from an async function (default 5).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ blockingCalls: [], allow: [], maxDepth: 5 }],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const { program } = services;
    const { sourceCode } = context;
    const graph = getCallGraph(program);
    const replacements = createAsyncReplacements(context, services);
    const configured = options.blockingCalls ?? [];
    const allowed = options.allow ?? [];

    const query: ReachQuery<Blocking> = {
      key: `no-blocking-in-async ${JSON.stringify([configured, allowed, options.maxDepth])}`,
      contexts: ['body', 'sync-callback'],
      maxDepth: options.maxDepth ?? 5,
      match(site) {
        if (site.kind === 'loop') {
          const wait = busyWaitOf(program, site.node);
          return wait ? { kind: 'busy-wait', wait } : undefined;
        }
        const call = site.callee && matchBlockingCall(site.callee, configured, allowed);
        return call ? { kind: 'call', call } : undefined;
      },
      // An async helper's own blocking calls are reported inside it; a generator's body runs only when iterated.
      follow: (target, site) =>
        !target.isAsync &&
        !target.isGenerator &&
        !(site.callee && isAllowedCall(site.callee, allowed)),
    };

    const esNode = (node: ts.Node): TSESTree.Node => services.tsNodeToESTreeNodeMap.get(node);

    function checkFunction(
      node:
        | TSESTree.FunctionDeclaration
        | TSESTree.FunctionExpression
        | TSESTree.ArrowFunctionExpression,
    ): void {
      if (!node.async) return;
      const fn = services.esTreeNodeToTSNodeMap.get(node) as ts.Node;
      if (!isAnalyzableFunction(fn)) return;
      const summary = graph.summarize(fn);
      for (const site of summary.sites) {
        if (site.context === 'deferred') continue;
        const found = query.match(site, summary);
        if (found?.kind === 'call' && site.kind === 'call') reportCall(site, found.call);
        else if (found?.kind === 'busy-wait') reportBusyWait(site, found.wait);
        else if (site.kind === 'call' && site.target) checkHelperCall(site, site.target);
      }
    }

    // --- direct findings ------------------------------------------------------------------------------------

    /** The ESTree call of a call site (an optional call maps to its `ChainExpression`). */
    function esCall(site: CallSite): TSESTree.CallExpression | TSESTree.NewExpression {
      const node = esNode(site.node);
      const call = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
      return call as TSESTree.CallExpression | TSESTree.NewExpression;
    }

    function reportCall(site: CallSite, blocking: BlockingCall): void {
      const call = esCall(site);
      const inCallback = site.context === 'sync-callback';
      const suggest =
        !inCallback &&
        call.type === AST_NODE_TYPES.CallExpression &&
        !call.optional &&
        canAwaitAt(call, services)
          ? suggestionsOf(replacements.forCall(call, blocking))
          : [];
      const usesDescriptor = blocking.family === 'fs' && replacements.usesFileDescriptor(call);
      context.report({
        loc: call.callee.loc,
        messageId: inCallback ? 'blockingCallInCallback' : 'blockingCall',
        data: {
          name: blocking.displayName,
          alternative: usesDescriptor ? FILE_HANDLE_ADVICE : alternativeFor(blocking),
        },
        suggest,
      });
    }

    function reportBusyWait(site: Site, wait: BusyWait): void {
      const loop = esNode(wait.loop) as
        TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;
      const inCallback = site.context === 'sync-callback';
      context.report({
        loc: loopHeadLoc(loop),
        messageId: inCallback ? 'busyWaitInCallback' : 'busyWait',
        suggest:
          !inCallback && canAwaitAt(loop, services)
            ? suggestionsOf(replacements.forBusyWait(loop, wait))
            : [],
      });
    }

    function loopHeadLoc(
      loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement,
    ): TSESTree.SourceLocation {
      if (loop.type !== AST_NODE_TYPES.DoWhileStatement) {
        return { start: loop.loc.start, end: sourceCode.getTokenBefore(loop.body)!.loc.end };
      }
      const whileKeyword = sourceCode.getTokenAfter(loop.body)!;
      const last = sourceCode.getLastToken(loop)!;
      const end = last.value === ';' ? sourceCode.getTokenBefore(last)! : last;
      return { start: whileKeyword.loc.start, end: end.loc.end };
    }

    // --- findings through helpers ---------------------------------------------------------------------------

    function checkHelperCall(site: CallSite, target: AnalyzableFunction): void {
      if (!query.follow(graph.summarize(target), site)) return;
      const [reach] = graph.search(target, query);
      if (!reach) return;
      const call = esCall(site);
      const name = calleeDisplayName(site);
      const steps = chainSteps(name, reach);
      context.report({
        loc: call.callee.loc,
        messageId: 'blockingHelper',
        data: {
          name,
          chain: `it ${steps.map((step) => `${step.text} (${describeLocation(step.location)})`).join(', which ')}`,
        },
      });
      recordRelatedLocations(
        context,
        call.callee.loc.start,
        steps.map((step) => step.location),
      );
    }

    /** One step per function of the chain: what it calls next, or the blocking call or loop at its end. */
    function chainSteps(
      helperName: string,
      reach: Reach<Blocking>,
    ): Array<{ text: string; location: RelatedLocation }> {
      const steps: Array<{ text: string; location: RelatedLocation }> = [];
      let caller = helperName;
      for (const step of reach.path) {
        const callee = calleeDisplayName(step);
        steps.push({
          text: `calls '${callee}'`,
          location: locationOf(step.node.expression, `'${caller}' calls '${callee}' here`),
        });
        caller = callee;
      }
      const { finding } = reach;
      if (finding.kind === 'call') {
        const name = finding.call.displayName;
        const callNode = (reach.site as CallSite).node.expression;
        steps.push({
          text: `calls '${name}'`,
          location: locationOf(
            callNode,
            `'${caller}' calls '${name}' here, which blocks the event loop`,
          ),
        });
      } else {
        steps.push({
          text: 'busy-waits on the clock',
          location: locationOf(finding.wait.loop, `'${caller}' busy-waits on the clock here`),
        });
      }
      return steps;
    }

    function locationOf(node: ts.Node, message: string): RelatedLocation {
      const end = ts.isIterationStatement(node, false)
        ? loopHeadEnd(node as ts.WhileStatement)
        : node.getEnd();
      return relatedLocationOf(node, message, end);
    }

    /** The end of a loop's header, the `)` after its condition. */
    function loopHeadEnd(loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement): number {
      const text = loop.getSourceFile().text;
      const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
      return condition ? text.indexOf(')', condition.getEnd()) + 1 : loop.getEnd();
    }

    const describeLocation = (location: RelatedLocation): string =>
      describeLocationIn(context, location);

    // --- suggestions ----------------------------------------------------------------------------------------

    return {
      FunctionDeclaration: checkFunction,
      FunctionExpression: checkFunction,
      ArrowFunctionExpression: checkFunction,
    };
  },
});

function suggestionsOf(found: readonly Replacement[]): Suggestion[] {
  return found.map((replacement) => ({
    messageId: SUGGESTION_MESSAGES[replacement.kind],
    data: replacement.data,
    fix: replacement.fix,
  }));
}

/** What to use instead of a blocking call, for messages. */
function alternativeFor(call: BlockingCall): string {
  const asyncName = withoutSync(call.name);
  switch (call.family) {
    case 'fs':
      if (call.name === 'existsSync')
        return "`access` from 'node:fs/promises' (it rejects when the path is missing)";
      if (FS_PROMISE_FORMS.has(asyncName)) return `\`${asyncName}\` from 'node:fs/promises'`;
      return FILE_HANDLE_ADVICE;
    case 'child_process':
      if (call.name === 'spawnSync')
        return "`spawn` from 'node:child_process', awaiting its end with `once(child, 'close')` from 'node:events'";
      return `the promisified \`${asyncName}\` (\`promisify(${asyncName})\` from 'node:util')`;
    case 'zlib':
    case 'crypto':
      return `the promisified \`${asyncName}\` (\`promisify(${asyncName})\` from 'node:util')`;
    case 'atomics':
      return "`Atomics.waitAsync`, or `await setTimeout(ms)` from 'node:timers/promises' to sleep";
    case 'configured':
      return call.replacement
        ? `\`${call.replacement}\` from '${call.module}'`
        : `an asynchronous alternative from '${call.module}'`;
  }
}
