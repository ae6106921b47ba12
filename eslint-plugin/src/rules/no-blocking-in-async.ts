// Reports code that blocks the event loop inside async functions: synchronous I/O, child processes, compression and
// key derivation, `Atomics.wait`, busy-wait loops, and calls to the project's own sync helpers that do any of these,
// however deep (within a limit). Calls are identified by their resolved declaration, never by name; what blocks is
// `blocking-code.ts`, and the async forms offered instead are `async-replacements.ts`.
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { canAwaitAt } from '../analysis/await-context';
import {
  type AllowedCall,
  type BlockingCall,
  type ConfiguredBlockingCall,
  isOneEntryCall,
} from '../analysis/blocking-calls';
import {
  type Blocking,
  chainSteps,
  createBlockingQuery,
  isInLoop,
  isOneOffFileSystemCall,
  type OneOffPolicy,
  runsOnceInItsFunction,
} from '../analysis/blocking-code';
import { runsOncePerCacheKey } from '../analysis/cached-results';
import { reactionCallOf } from '../analysis/promise-handlers';
import { isRequestHandler } from '../analysis/request-handlers';
import { isStartupFunction } from '../analysis/startup-code';
import type { BusyWait } from '../analysis/busy-wait';
import { describeSteps } from '../analysis/call-chains';
import {
  type AnalyzableFunction,
  calleeDisplayName,
  type CallGraph,
  type CallSite,
  getCallGraph,
  isAnalyzableFunction,
  type ReachQuery,
  type Site,
} from '../analysis/call-graph';
import {
  alternativeFor,
  AsyncReplacements,
  FILE_HANDLE_ADVICE,
  type Replacement,
  type ReplacementKind,
} from '../fixes/async-replacements';
import { createRule } from '../util/create-rule';
import type { FunctionNode } from '../util/enclosing-function';
import { loopHeadLoc } from '../util/heads';
import {
  describeLocation,
  recordRelatedLocations,
  relatedLocationOf,
} from '../util/related-locations';

export type Options = [
  {
    blockingCalls?: ConfiguredBlockingCall[];
    allow?: AllowedCall[];
    checkStartup?: boolean;
    checkOneOffFileSystem?: boolean;
    /** The former name of `checkOneOffFileSystem`, still read. */
    checkOneOffMetadata?: boolean;
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

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;
type LoopStatement = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

const SUGGESTION_MESSAGES: Record<ReplacementKind, MessageIds> = {
  asyncApi: 'useAsyncApi',
  access: 'useAccess',
  promisified: 'usePromisified',
  sleep: 'useSleep',
  waitAsync: 'useWaitAsync',
};

/** What the checks of one file share. */
interface FileScope {
  context: Context;
  services: ParserServicesWithTypeInformation;
  graph: CallGraph;
  query: ReachQuery<Blocking>;
  replacements: AsyncReplacements;
  checkStartup: boolean;
  checkOneOffFileSystem: boolean;
}

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
      testFiles: { recommended: 'off', strict: 'off' },
    },
    hasSuggestions: true,
    messages: {
      blockingCall:
        "'{{name}}' blocks the event loop inside async code. Nothing else runs until it returns; use {{alternative}} instead.",
      blockingCallInCallback:
        "'{{name}}' blocks the event loop in a synchronous callback inside async code. Make the callback async and await the results (`await Promise.all(items.map(async …))`, or a `for…of` loop with `await`), using {{alternative}}.",
      busyWait:
        "This loop busy-waits on the clock inside async code, blocking the event loop. Use `await setTimeout(ms)` from 'node:timers/promises' instead (when polling, await it between checks).",
      busyWaitInCallback:
        "This loop busy-waits on the clock in a synchronous callback inside async code. It blocks the event loop until its deadline: make the callback async and use `await setTimeout(ms)` from 'node:timers/promises' instead.",
      blockingHelper:
        "'{{name}}' blocks the event loop inside async code. {{chain}}. Make it async with the promise API and await it here, or call it before the async work starts.",
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
              "More calls that block, by module and exported name, with the module's async function to suggest instead (`{ module: '@node-rs/argon2', name: 'hashSync', replacement: 'hash' }`).",
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
          checkStartup: {
            type: 'boolean',
            description:
              'Also report blocking calls made once while the program starts (in `main`, a top-level async IIFE, and functions only they call), outside loops and per-item callbacks (default false).',
          },
          checkOneOffFileSystem: {
            type: 'boolean',
            description:
              "Also report a file-system call of one entry (`existsSync`, `mkdirSync`, `readFileSync` of one file, `writeFileSync`, a folder's `readdirSync`) that an async function makes once (outside loops and per-item callbacks, not in a request or event handler) or only to fill a cache that outlives it (default false).",
          },
          checkOneOffMetadata: {
            type: 'boolean',
            description: 'The former name of `checkOneOffFileSystem`; `true` there means the same.',
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
  defaultOptions: [
    {
      blockingCalls: [],
      allow: [],
      checkStartup: false,
      checkOneOffFileSystem: false,
      maxDepth: 5,
    },
  ],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const file: FileScope = {
      context,
      services,
      graph: getCallGraph(services.program),
      query: createBlockingQuery(services.program, {
        configured: options.blockingCalls ?? [],
        allowed: options.allow ?? [],
        maxDepth: options.maxDepth,
      }),
      replacements: new AsyncReplacements(context, services),
      checkStartup: options.checkStartup ?? false,
      checkOneOffFileSystem:
        (options.checkOneOffFileSystem ?? false) || (options.checkOneOffMetadata ?? false),
    };
    const check = (node: FunctionNode): void => checkFunction(file, node);
    return {
      FunctionDeclaration: check,
      FunctionExpression: check,
      ArrowFunctionExpression: check,
    };
  },
});

function checkFunction(file: FileScope, node: FunctionNode): void {
  const fn = file.services.esTreeNodeToTSNodeMap.get(node) as ts.Node;
  if (!isAnalyzableFunction(fn)) return;
  // An async function, or a promise's reaction (`.then(…)`, `.catch(…)`, `.finally(…)`): both run on the event loop
  // between other tasks.
  if (!node.async && !(isReactionCandidate(fn) && reactionCallOf(file.services.program, fn)))
    return;
  const summary = file.graph.summarize(fn);
  let startup: boolean | undefined;
  // Blocking once while the program starts holds up nothing yet; in a loop or a per-item callback it multiplies.
  const runsOnceAtStartup = (site: Site): boolean =>
    !file.checkStartup &&
    site.context === 'body' &&
    !isInLoop(site.node, fn) &&
    (startup ??= isStartupFunction(file.services.program, fn));
  let handler: boolean | undefined;
  // A file-system call of one entry (`existsSync`, `mkdirSync`, reading one file, writing one) made once per run
  // costs a system call or a few; per request, per item or per turn of a loop it multiplies, and stays reported,
  // unless it only fills a cache (once per key, however often the code around it runs).
  const checker = file.services.program.getTypeChecker();
  const oneOff: OneOffPolicy = {
    runsOncePerRun: (site) =>
      !file.checkOneOffFileSystem &&
      runsOnceInItsFunction(site) &&
      !(handler ??= isRequestHandler(checker, fn)),
    runsOncePerCacheKey: (call) =>
      !file.checkOneOffFileSystem && runsOncePerCacheKey(checker, call),
  };
  for (const site of summary.sites) {
    if (site.context === 'deferred' || runsOnceAtStartup(site)) continue;
    const found = file.query.match(site, summary);
    if (found?.kind === 'call' && site.kind === 'call') {
      const oneOffCall =
        isOneEntryCall(found.call, site.node) &&
        (oneOff.runsOncePerCacheKey(site.node) || oneOff.runsOncePerRun(site));
      if (!oneOffCall) reportCall(file, site, found.call);
    } else if (found?.kind === 'busy-wait') reportBusyWait(file, site, found.wait);
    else if (site.kind === 'call' && site.target) checkHelperCall(file, site, site.target, oneOff);
    else if (site.kind === 'call') checkImplementations(file, site, oneOff);
  }
}

function isReactionCandidate(fn: ts.Node): fn is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(fn) || ts.isFunctionExpression(fn);
}

// --- direct findings ------------------------------------------------------------------------------------------

/** The ESTree call of a call site (an optional call maps to its `ChainExpression`). */
function esCall(file: FileScope, site: CallSite): TSESTree.CallExpression | TSESTree.NewExpression {
  const node = file.services.tsNodeToESTreeNodeMap.get(site.node);
  const call = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  return call as TSESTree.CallExpression | TSESTree.NewExpression;
}

function reportCall(file: FileScope, site: CallSite, blocking: BlockingCall): void {
  const { services, replacements } = file;
  const call = esCall(file, site);
  const inCallback = site.context === 'sync-callback';
  const suggest =
    !inCallback &&
    call.type === AST_NODE_TYPES.CallExpression &&
    !call.optional &&
    canAwaitAt(call, services)
      ? suggestionsOf(replacements.forCall(call, blocking))
      : [];
  const usesDescriptor = blocking.family === 'fs' && replacements.usesFileDescriptor(call);
  file.context.report({
    loc: call.callee.loc,
    messageId: inCallback ? 'blockingCallInCallback' : 'blockingCall',
    data: {
      name: blocking.displayName,
      alternative: usesDescriptor ? FILE_HANDLE_ADVICE : alternativeFor(blocking),
    },
    suggest,
  });
}

function reportBusyWait(file: FileScope, site: Site, wait: BusyWait): void {
  const loop = file.services.tsNodeToESTreeNodeMap.get<LoopStatement>(wait.loop);
  const inCallback = site.context === 'sync-callback';
  file.context.report({
    loc: loopHeadLoc(file.context.sourceCode, loop),
    messageId: inCallback ? 'busyWaitInCallback' : 'busyWait',
    suggest:
      !inCallback && canAwaitAt(loop, file.services)
        ? suggestionsOf(file.replacements.forBusyWait(loop, wait))
        : [],
  });
}

// --- findings through helpers ---------------------------------------------------------------------------------

function checkHelperCall(
  file: FileScope,
  site: CallSite,
  target: AnalyzableFunction,
  oneOff: OneOffPolicy,
  implementation?: string,
): boolean {
  const { context, graph, query } = file;
  if (!query.follow(graph.summarize(target), site)) return false;
  // The first chain that blocks more than a one-off file-system call does (see `checkOneOffFileSystem`).
  const reach = graph
    .search(target, query)
    .find((found) => !isOneOffFileSystemCall(found, site, oneOff));
  if (!reach) return false;
  const call = esCall(file, site);
  const name = calleeDisplayName(site);
  const steps = chainSteps(implementation ?? name, reach);
  // Through an interface: `its implementation 'FileLogger.log' (logger.ts:9) calls 'appendFileSync' (logger.ts:10)`.
  const runs = implementation
    ? relatedLocationOf(
        ts.isMethodDeclaration(target) ? target.name : target,
        `'${name}' runs '${implementation}'`,
      )
    : undefined;
  const chain = runs
    ? `Its implementation '${implementation}' (${describeLocation(context, runs)}) ${describeSteps(context, steps)}`
    : `It ${describeSteps(context, steps)}`;
  context.report({
    loc: call.callee.loc,
    messageId: 'blockingHelper',
    data: { name, chain },
  });
  recordRelatedLocations(context, call.callee.loc.start, [
    ...(runs ? [runs] : []),
    ...steps.map((step) => step.location),
  ]);
  return true;
}

/** A call of an interface or abstract method: the first of its project implementations that blocks. */
function checkImplementations(file: FileScope, site: CallSite, oneOff: OneOffPolicy): void {
  for (const implementation of site.implementations) {
    const owner = implementation.parent;
    const className = ts.isClassLike(owner) && owner.name ? `${owner.name.text}.` : '';
    const name = `${className}${calleeDisplayName(site)}`;
    if (checkHelperCall(file, site, implementation, oneOff, name)) return;
  }
}

function suggestionsOf(found: readonly Replacement[]): Suggestion[] {
  return found.map((replacement) => ({
    messageId: SUGGESTION_MESSAGES[replacement.kind],
    data: replacement.data,
    fix: replacement.fix,
  }));
}
