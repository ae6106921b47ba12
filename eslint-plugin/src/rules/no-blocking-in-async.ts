// Reports code that blocks the event loop inside async functions: synchronous I/O, child processes, compression and
// key derivation, `Atomics.wait`, busy-wait loops, and calls to the project's own sync helpers that do any of these,
// however deep (within a limit). Calls are identified by their resolved declaration, never by name.
import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as path from 'node:path';
import * as ts from 'typescript';

import { guardStatementStart } from '../util/asi';
import { canAwaitAt } from '../util/await-context';
import {
  type AllowedCall,
  type BlockingCall,
  type ConfiguredBlockingCall,
  FS_PROMISE_FORMS,
  isAllowedCall,
  matchBlockingCall,
} from '../util/blocking-calls';
import { type BusyWait, busyWaitOf, sleepOf } from '../util/busy-wait';
import {
  type AnalyzableFunction,
  calleeDisplayName,
  type CallSite,
  getCallGraph,
  isAnalyzableFunction,
  type Reach,
  type ReachQuery,
  type Site,
} from '../util/call-graph';
import { createRule } from '../util/create-rule';
import { createImportPlan, type TextEdit } from '../util/imports';
import { recordRelatedLocations, type RelatedLocation } from '../util/related-locations';

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

/** What blocks, as the call-graph search reports it. */
type Blocking = { kind: 'call'; call: BlockingCall } | { kind: 'busy-wait'; wait: BusyWait };

/** Options of `child_process.exec`/`execFile` that mean the same for their sync forms; others (`input`, `stdio`) do not. */
const EXEC_OPTIONS = new Set(['cwd', 'env', 'timeout', 'maxBuffer', 'killSignal', 'shell', 'uid', 'gid', 'windowsHide', 'windowsVerbatimArguments', 'encoding']);

/**
 * Crypto functions whose promisified form keeps its type only through a cast, with the cast and the types it names.
 * (`promisify` picks the last overload of a callback function, which for these loses the result type.)
 */
const PROMISIFY_CASTS: Record<string, { cast: string; types: string[] }> = {
  scrypt: {
    cast: '(password: BinaryLike, salt: BinaryLike, keylen: number, options?: ScryptOptions) => Promise<Buffer>',
    types: ['BinaryLike', 'ScryptOptions'],
  },
  checkPrime: { cast: '(candidate: LargeNumberLike, options?: CheckPrimeOptions) => Promise<boolean>', types: ['LargeNumberLike', 'CheckPrimeOptions'] },
};

const FILE_HANDLE_ADVICE = "the promise API of 'node:fs/promises' (`open()` gives a `FileHandle` with async methods)";

/** Crypto functions whose promisified form resolves to what the sync form returns. */
const PROMISIFIABLE = new Set(['pbkdf2', 'generateKeyPair', 'scrypt', 'checkPrime']);

export default createRule<Options, MessageIds>({
  name: 'no-blocking-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow calls that block the event loop inside async functions, directly or through sync helpers',
      requiresTypeChecking: true,
      recommended: 'error',
      strict: 'error',
    },
    hasSuggestions: true,
    messages: {
      blockingCall: "'{{name}}' blocks the event loop inside async code: nothing else runs until it returns. Use {{alternative}} instead.",
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
                module: { type: 'string', description: 'The module specifier (`bcrypt`, `node:fs`).' },
                name: { type: 'string', description: 'The exported function that blocks.' },
                replacement: { type: 'string', description: 'An exported async function of the same module taking the same arguments.' },
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
            description: 'How many sync helper functions deep to follow calls from an async function (default 5).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ blockingCalls: [], allow: [], maxDepth: 5 }],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const { program } = services;
    const checker = program.getTypeChecker();
    const { sourceCode } = context;
    const graph = getCallGraph(program);
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
      follow: (target, site) => !target.isAsync && !target.isGenerator && !(site.callee && isAllowedCall(site.callee, allowed)),
    };

    const esNode = (node: ts.Node): TSESTree.Node => services.tsNodeToESTreeNodeMap.get(node);

    function checkFunction(node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void {
      if (!node.async) return;
      const fn = services.esTreeNodeToTSNodeMap.get(node) as ts.Node;
      if (!isAnalyzableFunction(fn)) return;
      for (const site of graph.summarize(fn).sites) {
        if (site.context === 'deferred') continue;
        const found = query.match(site, graph.summarize(fn));
        if (found?.kind === 'call' && site.kind === 'call') reportCall(site, found.call);
        else if (found?.kind === 'busy-wait') reportBusyWait(site, found.wait);
        else if (site.kind === 'call' && site.target) checkHelperCall(site, site.target);
      }
    }

    // --- direct findings ------------------------------------------------------------------------------------

    function reportCall(site: CallSite, blocking: BlockingCall): void {
      const call = esNode(site.node) as TSESTree.CallExpression | TSESTree.NewExpression;
      const inCallback = site.context === 'sync-callback';
      const suggest =
        !inCallback && call.type === AST_NODE_TYPES.CallExpression && !call.optional && canAwaitAt(call, services)
          ? suggestionsFor(call, blocking)
          : [];
      const [first] = call.arguments;
      const usesDescriptor = blocking.family === 'fs' && first !== undefined && isNumberLike(first);
      context.report({
        loc: call.callee.loc,
        messageId: inCallback ? 'blockingCallInCallback' : 'blockingCall',
        data: { name: blocking.displayName, alternative: usesDescriptor ? FILE_HANDLE_ADVICE : alternativeFor(blocking) },
        suggest,
      });
    }

    function reportBusyWait(site: Site, wait: BusyWait): void {
      const loop = esNode(wait.loop) as TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;
      const inCallback = site.context === 'sync-callback';
      context.report({
        loc: loopHeadLoc(loop),
        messageId: inCallback ? 'busyWaitInCallback' : 'busyWait',
        suggest: !inCallback && canAwaitAt(loop, services) ? busyWaitSuggestions(loop, wait) : [],
      });
    }

    function loopHeadLoc(loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement): TSESTree.SourceLocation {
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
      const call = esNode(site.node) as TSESTree.CallExpression | TSESTree.NewExpression;
      const name = calleeDisplayName(site);
      const steps = chainSteps(name, reach);
      context.report({
        loc: call.callee.loc,
        messageId: 'blockingHelper',
        data: { name, chain: `it ${steps.map((step) => `${step.text} (${describeLocation(step.location)})`).join(', which ')}` },
      });
      recordRelatedLocations(context, call.callee.loc.start, steps.map((step) => step.location));
    }

    /** One step per function of the chain: what it calls next, or the blocking call or loop at its end. */
    function chainSteps(helperName: string, reach: Reach<Blocking>): Array<{ text: string; location: RelatedLocation }> {
      const steps: Array<{ text: string; location: RelatedLocation }> = [];
      let caller = helperName;
      for (const step of reach.path) {
        const callee = calleeDisplayName(step);
        steps.push({ text: `calls '${callee}'`, location: locationOf(step.node.expression, `'${caller}' calls '${callee}' here`) });
        caller = callee;
      }
      const { finding } = reach;
      if (finding.kind === 'call') {
        const name = finding.call.displayName;
        const callNode = (reach.site as CallSite).node.expression;
        steps.push({ text: `calls '${name}'`, location: locationOf(callNode, `'${caller}' calls '${name}' here, which blocks the event loop`) });
      } else {
        steps.push({ text: 'busy-waits on the clock', location: locationOf(finding.wait.loop, `'${caller}' busy-waits on the clock here`) });
      }
      return steps;
    }

    function locationOf(node: ts.Node, message: string): RelatedLocation {
      const sourceFile = node.getSourceFile();
      const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      const endPosition = ts.isIterationStatement(node, false) ? loopHeadEnd(node as ts.WhileStatement) : node.getEnd();
      const end = sourceFile.getLineAndCharacterOfPosition(endPosition);
      return {
        filePath: sourceFile.fileName,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        message,
      };
    }

    /** The end of a loop's header, the `)` after its condition. */
    function loopHeadEnd(loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement): number {
      const text = loop.getSourceFile().text;
      const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
      return condition ? text.indexOf(')', condition.getEnd()) + 1 : loop.getEnd();
    }

    /**
     * `line 12` in the linted file, else the path from the linted file's folder (`config.ts:12`, `../lib/io.ts:5`),
     * which reads like the import that leads there and does not depend on where the linter runs.
     */
    function describeLocation(location: RelatedLocation): string {
      if (path.resolve(location.filePath) === path.resolve(context.physicalFilename)) return `line ${location.line}`;
      const relative = path.relative(path.dirname(context.physicalFilename), location.filePath).split(path.sep).join('/');
      return `${relative}:${location.line}`;
    }

    // --- suggestions ----------------------------------------------------------------------------------------

    function suggestionsFor(call: TSESTree.CallExpression, blocking: BlockingCall): Suggestion[] {
      switch (blocking.family) {
        case 'fs':
          return fsSuggestions(call, blocking.name);
        case 'child_process':
          return blocking.name === 'spawnSync' ? [] : execSuggestions(call, blocking.name === 'execSync' ? 'exec' : 'execFile');
        case 'zlib':
          return promisifiedSuggestions(call, 'node:zlib', withoutSync(blocking.name));
        case 'crypto':
          return PROMISIFIABLE.has(withoutSync(blocking.name)) ? promisifiedSuggestions(call, 'node:crypto', withoutSync(blocking.name)) : [];
        case 'atomics':
          return atomicsSuggestions(call);
        case 'configured':
          return blocking.replacement && blocking.module ? configuredSuggestions(call, blocking.module, blocking.replacement) : [];
      }
    }

    function fsSuggestions(call: TSESTree.CallExpression, name: string): Suggestion[] {
      const asyncName = name === 'existsSync' ? 'access' : withoutSync(name);
      if (!FS_PROMISE_FORMS.has(asyncName) || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [];
      const [first, second] = call.arguments;
      // A numeric descriptor has no promise form outside `FileHandle`; `throwIfNoEntry` has none at all.
      if (first && isNumberLike(first)) return [];
      if ((name === 'statSync' || name === 'lstatSync') && second && !isObjectLiteralWithout(second, 'throwIfNoEntry')) return [];
      const check = name === 'existsSync';
      return [
        {
          messageId: check ? 'useAccess' : 'useAsyncApi',
          data: { name: asyncName, module: 'node:fs/promises' },
          fix(fixer) {
            const plan = createImportPlan(context, services, call);
            const callee = unwrapCallee(call.callee);
            let reference: string;
            if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && hasProperty(callee.object, 'promises')) {
              reference = `${sourceCode.getText(callee.object)}.promises.${asyncName}`;
            } else {
              if (callee.type === AST_NODE_TYPES.Identifier) plan.dropBindingIfOnlyUsedIn(callee, call);
              reference = plan.named('node:fs/promises', asyncName, {
                aliases: [`${asyncName}Async`],
                via: [{ module: 'node:fs', member: 'promises' }],
              });
            }
            const invocation = `${reference}${argumentsText(call)}`;
            const replacement = check ? awaited(call, `${invocation}.then(() => true, () => false)`) : awaited(call, invocation);
            return plan.fixes(fixer, [replacement]);
          },
        },
      ];
    }

    function execSuggestions(call: TSESTree.CallExpression, asyncName: 'exec' | 'execFile'): Suggestion[] {
      const args = call.arguments;
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [];
      let optionsIndex: number | undefined;
      if (asyncName === 'exec') {
        if (args.length > 2) return [];
        if (args.length === 2) optionsIndex = 1;
      } else {
        if (args.length > 3) return [];
        if (args.length === 3) optionsIndex = 2;
        else if (args.length === 2 && args[1]?.type === AST_NODE_TYPES.ObjectExpression) optionsIndex = 1;
        else if (args.length === 2 && !isArrayLike(args[1]!)) return [];
      }
      const options = optionsIndex === undefined ? undefined : args[optionsIndex];
      if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return [];
      let hasEncoding = false;
      for (const property of options?.properties ?? []) {
        const key = property.type === AST_NODE_TYPES.Property ? propertyKey(property) : undefined;
        if (key === undefined || !EXEC_OPTIONS.has(key)) return [];
        if (key !== 'encoding') continue;
        const value = (property as TSESTree.Property).value;
        if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string') return [];
        hasEncoding = true;
      }
      const valueUsed = call.parent.type !== AST_NODE_TYPES.ExpressionStatement;
      return [
        {
          messageId: 'usePromisified',
          data: { name: asyncName },
          fix(fixer) {
            const plan = createImportPlan(context, services, call);
            const callee = unwrapCallee(call.callee);
            if (callee.type === AST_NODE_TYPES.Identifier) plan.dropBindingIfOnlyUsedIn(callee, call);
            const local = plan.promisified('node:child_process', asyncName);
            // The sync forms return a Buffer unless given an encoding; the promisified ones default to strings.
            const texts = args.map((argument) => sourceCode.getText(argument));
            if (valueUsed && !hasEncoding) {
              if (options && optionsIndex !== undefined) {
                const brace = sourceCode.getFirstToken(options)!;
                texts[optionsIndex] = `{ encoding: 'buffer',${sourceCode.text.slice(brace.range[1], options.range[1])}`.replace(/,\s*}$/, ' }');
              } else {
                texts.push("{ encoding: 'buffer' }");
              }
            }
            const invocation = `${local}(${texts.join(', ')})`;
            const replacement = valueUsed ? replaceWith(call, `(await ${invocation}).stdout`) : awaited(call, invocation);
            return plan.fixes(fixer, [replacement]);
          },
        },
      ];
    }

    function promisifiedSuggestions(call: TSESTree.CallExpression, module: string, asyncName: string): Suggestion[] {
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [];
      return [
        {
          messageId: 'usePromisified',
          data: { name: asyncName },
          fix(fixer) {
            const plan = createImportPlan(context, services, call);
            const callee = unwrapCallee(call.callee);
            if (callee.type === AST_NODE_TYPES.Identifier) plan.dropBindingIfOnlyUsedIn(callee, call);
            // The function itself first, so that a dropped import of its sync form is reused for it.
            plan.named(module, asyncName);
            const cast = PROMISIFY_CASTS[asyncName];
            let castText: string | undefined;
            if (cast && plan.typescript) {
              castText = cast.types.reduce((text, type) => text.replace(new RegExp(`\\b${type}\\b`, 'g'), plan.named(module, type, { type: true })), cast.cast);
            }
            const local = plan.promisified(module, asyncName, castText === undefined ? undefined : { local: `${asyncName}Async`, cast: castText });
            return plan.fixes(fixer, [awaited(call, `${local}${argumentsText(call)}`)]);
          },
        },
      ];
    }

    function configuredSuggestions(call: TSESTree.CallExpression, module: string, replacement: string): Suggestion[] {
      return [
        {
          messageId: 'useAsyncApi',
          data: { name: replacement, module },
          fix(fixer) {
            const plan = createImportPlan(context, services, call);
            const callee = unwrapCallee(call.callee);
            let reference: string;
            if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && hasProperty(callee.object, replacement)) {
              reference = `${sourceCode.getText(callee.object)}.${replacement}`;
            } else {
              if (callee.type === AST_NODE_TYPES.Identifier) plan.dropBindingIfOnlyUsedIn(callee, call);
              reference = plan.named(module, replacement, { aliases: [`${replacement}Async`] });
            }
            return plan.fixes(fixer, [awaited(call, `${reference}${argumentsText(call)}`)]);
          },
        },
      ];
    }

    function atomicsSuggestions(call: TSESTree.CallExpression): Suggestion[] {
      const suggestions: Suggestion[] = [];
      const args = call.arguments;
      const timeout = args[3];
      if (call.parent.type === AST_NODE_TYPES.ExpressionStatement && args.length === 4 && timeout && isFreshSleepBuffer(args)) {
        suggestions.push({
          messageId: 'useSleep',
          data: { duration: sourceCode.getText(timeout) },
          fix(fixer) {
            const plan = createImportPlan(context, services, call);
            const sleep = plan.named('node:timers/promises', 'setTimeout', { aliases: ['sleep', 'delay'] });
            return plan.fixes(fixer, [awaited(call, `${sleep}(${sourceCode.getText(timeout)})`)]);
          },
        });
      }
      const callee = unwrapCallee(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && hasProperty(callee.object, 'waitAsync')) {
        suggestions.push({
          messageId: 'useWaitAsync',
          fix: (fixer) => fixer.replaceText(call, awaitedText(call, `${sourceCode.getText(callee.object)}.waitAsync${argumentsText(call)}.value`)),
        });
      }
      return suggestions;
    }

    /** `Atomics.wait(new Int32Array(new SharedArrayBuffer(n)), i, 0, ms)`: nobody else holds the buffer, so it only sleeps. */
    function isFreshSleepBuffer(args: TSESTree.CallExpressionArgument[]): boolean {
      const [buffer, index, value] = args;
      if (buffer?.type !== AST_NODE_TYPES.NewExpression || buffer.arguments.length !== 1) return false;
      const shared = buffer.arguments[0]!;
      if (shared.type !== AST_NODE_TYPES.NewExpression) return false;
      const isGlobal = (node: TSESTree.Expression, name: string): boolean =>
        node.type === AST_NODE_TYPES.Identifier && node.name === name && isGlobalValue(node);
      return (
        isGlobal(buffer.callee, 'Int32Array') &&
        isGlobal(shared.callee, 'SharedArrayBuffer') &&
        index?.type === AST_NODE_TYPES.Literal &&
        value?.type === AST_NODE_TYPES.Literal &&
        value.value === 0
      );
    }

    function busyWaitSuggestions(loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement, wait: BusyWait): Suggestion[] {
      const sleep = sleepOf(program, wait);
      if (!sleep) return [];
      const declaration = esNode(sleep.declaration) as TSESTree.VariableDeclaration;
      const [declarator] = declaration.declarations;
      if (!declarator) return [];
      const duration = sourceCode.getText(esNode(sleep.duration));
      const [variable] = sourceCode.getDeclaredVariables(declarator);
      const usedElsewhere = variable?.references.some(
        (reference) => !reference.init && (reference.identifier.range[0] < loop.range[0] || reference.identifier.range[1] > loop.range[1]),
      );
      const semicolon = sourceCode.getLastToken(declaration)?.value === ';' ? ';' : '';
      return [
        {
          messageId: 'useSleep',
          data: { duration },
          fix(fixer) {
            const plan = createImportPlan(context, services, loop);
            const setTimeoutName = plan.named('node:timers/promises', 'setTimeout', { aliases: ['sleep', 'delay'] });
            const range: [number, number] = usedElsewhere !== false ? loop.range : [declaration.range[0], loop.range[1]];
            return plan.fixes(fixer, [{ range, text: `await ${setTimeoutName}(${duration})${semicolon}` }]);
          },
        },
      ];
    }

    // --- text helpers ---------------------------------------------------------------------------------------

    /** The call's arguments with their parentheses, as written (`(p, 'utf8')`). */
    function argumentsText(call: TSESTree.CallExpression): string {
      const open = sourceCode.getTokenAfter(call.typeArguments ?? call.callee, (token) => token.value === '(')!;
      return sourceCode.text.slice(open.range[0], call.range[1]);
    }

    /** Replaces `call` with `await <text>`, in parentheses where the surrounding expression needs them. */
    function awaited(call: TSESTree.CallExpression, text: string): TextEdit {
      return replaceWith(call, awaitedText(call, text));
    }

    function awaitedText(call: TSESTree.CallExpression, text: string): string {
      return awaitNeedsParentheses(call) ? `(await ${text})` : `await ${text}`;
    }

    /** Replaces `node`, guarding a replacement that starts with `(` at the start of a statement against ASI. */
    function replaceWith(node: TSESTree.Node, text: string): TextEdit {
      let statement: TSESTree.Node = node;
      while (statement.parent && statement.parent.range[0] === node.range[0] && statement.type !== AST_NODE_TYPES.ExpressionStatement) {
        statement = statement.parent;
      }
      const guarded = statement.type === AST_NODE_TYPES.ExpressionStatement ? guardStatementStart(sourceCode, statement, text) : text;
      return { range: node.range, text: guarded };
    }

    function isNumberLike(node: TSESTree.Node): boolean {
      return (checker.getBaseTypeOfLiteralType(services.getTypeAtLocation(node)).flags & ts.TypeFlags.NumberLike) !== 0;
    }

    function isArrayLike(node: TSESTree.Node): boolean {
      const type = services.getTypeAtLocation(node);
      return checker.isArrayType(type) || checker.isTupleType(type) || checker.isArrayLikeType(type);
    }

    function isObjectLiteralWithout(node: TSESTree.Node, key: string): boolean {
      return (
        node.type === AST_NODE_TYPES.ObjectExpression &&
        node.properties.every((property) => property.type === AST_NODE_TYPES.Property && propertyKey(property) !== undefined && propertyKey(property) !== key)
      );
    }

    function hasProperty(node: TSESTree.Node, name: string): boolean {
      return services.getTypeAtLocation(node).getProperty(name) !== undefined;
    }

    function isGlobalValue(node: TSESTree.Identifier): boolean {
      const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(node));
      const declaration = symbol?.getDeclarations()?.[0];
      return declaration !== undefined && program.isSourceFileDefaultLibrary(declaration.getSourceFile());
    }

    return {
      FunctionDeclaration: checkFunction,
      FunctionExpression: checkFunction,
      ArrowFunctionExpression: checkFunction,
    };
  },
});

function withoutSync(name: string): string {
  return name.endsWith('Sync') ? name.slice(0, -'Sync'.length) : name;
}

function unwrapCallee(callee: TSESTree.Expression): TSESTree.Expression {
  let current = callee;
  while (current.type === AST_NODE_TYPES.TSNonNullExpression || current.type === AST_NODE_TYPES.TSAsExpression) current = current.expression;
  return current;
}

function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.computed || property.kind !== 'init' || property.method) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

/** What to use instead of a blocking call, for messages. */
function alternativeFor(call: BlockingCall): string {
  const asyncName = withoutSync(call.name);
  switch (call.family) {
    case 'fs':
      if (call.name === 'existsSync') return "`access` from 'node:fs/promises' (it rejects when the path is missing)";
      if (FS_PROMISE_FORMS.has(asyncName)) return `\`${asyncName}\` from 'node:fs/promises'`;
      return FILE_HANDLE_ADVICE;
    case 'child_process':
      if (call.name === 'spawnSync') return "`spawn` from 'node:child_process', awaiting its end with `once(child, 'close')` from 'node:events'";
      return `the promisified \`${asyncName}\` (\`promisify(${asyncName})\` from 'node:util')`;
    case 'zlib':
    case 'crypto':
      return `the promisified \`${asyncName}\` (\`promisify(${asyncName})\` from 'node:util')`;
    case 'atomics':
      return "`Atomics.waitAsync`, or `await setTimeout(ms)` from 'node:timers/promises' to sleep";
    case 'configured':
      return call.replacement ? `\`${call.replacement}\` from '${call.module}'` : `an asynchronous alternative from '${call.module}'`;
  }
}

/** Whether `await <call>` needs parentheses where `call` stands. */
function awaitNeedsParentheses(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.SwitchStatement:
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.JSXExpressionContainer:
      return false;
    case AST_NODE_TYPES.Property:
      return parent.value !== node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    default:
      return true;
  }
}

