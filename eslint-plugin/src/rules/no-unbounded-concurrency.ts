// Reports fan-out over a collection of unknown size, `Promise.all(urls.map(fetchUrl))` and its kin, whose tasks can
// reach something outside the process (the network, files, processes, a database, or code the analysis cannot see):
// a large input starts them all at once. Suggests the bounded rewrite (`bounded-map.ts`): p-map, p-limit, or a
// dependency-free worker pool.
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { type BoundedMapPlan, createBoundedMaps, itemsKindOf } from '../fixes/bounded-map';
import { calleeDisplayName, getCallGraph, readableFunctionOf } from '../analysis/call-graph';
import { createSizeBounds, type SizeBound } from '../analysis/collection-size';
import { createRule } from '../util/create-rule';
import { createFanOutFinder, type FanOut, type TaskSource } from '../analysis/fan-out';
import { createImportPlan } from '../fixes/imports';
import {
  describeLocation,
  recordRelatedLocations,
  type RelatedLocation,
  relatedLocationOf,
} from '../util/related-locations';
import { resolveFunctionNode } from '../analysis/resolve-callee';
import { createTaskQuery, externalReachOf, type TaskReach } from '../analysis/task-effects';

export type Options = [
  {
    externalOnly?: boolean;
    concurrency?: number;
    maxBoundedSize?: number;
    limiters?: string[];
    boundedTypes?: string[];
    maxDepth?: number;
  },
];

export type MessageIds =
  | 'unboundedFanOut'
  | 'unboundedFanOutInMemory'
  | 'usePMap'
  | 'usePLimit'
  | 'useHelper'
  | 'useConcurrencyOption'
  | 'useLimitedVariant';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

const STRATEGY_MESSAGES: Record<BoundedMapPlan['strategy'], MessageIds> = {
  'p-map': 'usePMap',
  'p-limit': 'usePLimit',
  helper: 'useHelper',
};

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-concurrency',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow starting one task per element of a collection of unbounded size all at once',
      requiresTypeChecking: true,
      recommended: 'warn',
      strict: ['error', { externalOnly: false }],
    },
    hasSuggestions: true,
    messages: {
      unboundedFanOut:
        '{{name}} {{tasks}}, and nothing bounds how many; each task {{reach}}. A large input overwhelms what the tasks call: limit how many run at a time{{advice}}.',
      unboundedFanOutInMemory:
        '{{name}} {{tasks}}, and nothing bounds how many. Limit how many run at a time{{advice}}.',
      usePMap: "Run at most {{concurrency}} at a time with `{{callee}}` from 'p-map'",
      usePLimit:
        "Run at most {{concurrency}} at a time through a `pLimit({{concurrency}})` limiter from 'p-limit'",
      useHelper:
        'Run at most {{concurrency}} at a time with a `{{callee}}` helper in this file (no dependency)',
      useConcurrencyOption: 'Pass `concurrency: {{concurrency}}` to `{{name}}`',
      useLimitedVariant: 'Use `{{limited}}` with a limit of {{concurrency}}',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          externalOnly: {
            type: 'boolean',
            description:
              'Report only fan-out whose tasks can reach the network, the file system, child processes, a database or HTTP client, or code the analysis cannot see (default true; `strict` sets false).',
          },
          concurrency: {
            type: 'integer',
            minimum: 1,
            description: 'The limit the suggested rewrite uses (default 8).',
          },
          maxBoundedSize: {
            type: 'integer',
            minimum: 1,
            description:
              'The largest constant size that counts as bounded: `.slice(i, i + N)`, `Array.from({ length: N }, …)` (default 16; at least `concurrency`).',
          },
          limiters: {
            type: 'array',
            items: { type: 'string' },
            description:
              "The project's own limiters, by name (`withSlot`) or class and method (`Semaphore.acquire`): functions passed to one run under its limit, and after a call without a function (`await semaphore.acquire()`) the rest of the task does.",
          },
          boundedTypes: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Type names (aliases, interfaces, classes) of collections that are small by declaration, such as a branded `SmallArray`.',
          },
          maxDepth: {
            type: 'integer',
            minimum: 1,
            maximum: 20,
            description:
              'How many functions deep to follow what a task calls (default 5); a call beyond counts as external.',
          },
        },
      },
    ],
  },
  defaultOptions: [
    {
      externalOnly: true,
      concurrency: 8,
      maxBoundedSize: 16,
      limiters: [],
      boundedTypes: [],
      maxDepth: 5,
    },
  ],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const { program } = services;
    const { sourceCode } = context;
    const checker = program.getTypeChecker();
    const graph = getCallGraph(program);
    const concurrency = options.concurrency ?? 8;
    const externalOnly = options.externalOnly ?? true;
    const limiters = options.limiters ?? [];
    const finder = createFanOutFinder(context, services);
    // A batch no larger than the configured concurrency is bounded too, so the rule's own rewrites stay quiet.
    const sizes = createSizeBounds(context, services, {
      maxBoundedSize: Math.max(options.maxBoundedSize ?? 16, concurrency),
      boundedTypes: options.boundedTypes ?? [],
    });
    const query = createTaskQuery(program, { limiters, maxDepth: options.maxDepth ?? 5 });
    const tsNode = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);
    let boundedMaps: ReturnType<typeof createBoundedMaps> | undefined;

    function check(call: TSESTree.CallExpression): void {
      const fanOut = finder.fanOutOf(call);
      if (!fanOut) return;
      for (const source of fanOut.sources) {
        const bound = boundOf(source);
        if (sizes.isBounded(bound)) continue;
        const reach = source.task ? reachOf(source) : unknownTaskReach(source);
        // Work started through a limiter is bounded however large the collection, in either mode.
        if (reach === 'limited' || (externalOnly && !reach)) continue;
        report(fanOut, source, reach);
        return;
      }
    }

    function boundOf(source: TaskSource): SizeBound {
      if (source.kind !== 'loop') return sizes.ofCollection(source.collection);
      let size = 1;
      for (const loop of source.loops) {
        const bound = loop.collection
          ? sizes.ofCollection(loop.collection)
          : loop.count
            ? sizes.ofNumber(loop.count)
            : ({ kind: 'unbounded' } as const);
        if (bound.kind === 'unbounded') return bound;
        size *= bound.size;
      }
      return { kind: 'at-most', size, written: false };
    }

    function reachOf(source: TaskSource): TaskReach | 'limited' | undefined {
      const task = source.task!;
      const node = tsNode(task) as ts.Expression;
      return externalReachOf(
        graph,
        query,
        { kind: source.kind === 'loop' ? 'promise' : 'function', node },
        (expression) => resolveFunctionNode(program, expression),
        (callee) => readableFunctionOf(program, callee),
      );
    }

    /** `async.parallel(tasks)`: the tasks are the collection's own functions, which nothing here shows. */
    function unknownTaskReach(source: TaskSource): TaskReach {
      const node = tsNode(
        source.kind === 'loop' ? source.task : source.collection,
      ) as ts.Expression;
      return {
        effect: { kind: 'unknown', description: 'whose body the analysis cannot see' },
        chain: [],
        reference: { node, name: node.getText() },
      };
    }

    // --- the report -------------------------------------------------------------------------------------------

    function report(fanOut: FanOut, source: TaskSource, reach: TaskReach | undefined): void {
      const suggestions = suggestionsFor(fanOut, source);
      const steps = reach ? reachSteps(reach) : [];
      const related = [...loopLocation(source), ...steps.map((step) => step.location)];
      const loc = fanOut.call.callee.loc;
      const data = {
        name: `\`${fanOut.name}\``,
        tasks: describeTasks(source),
        reach: reach ? reachText(reach, steps) : '',
        advice: suggestions.length > 0 ? '' : adviceFor(fanOut, source),
      };
      context.report({
        loc,
        messageId: reach ? 'unboundedFanOut' : 'unboundedFanOutInMemory',
        data,
        suggest: suggestions,
      });
      recordRelatedLocations(context, loc.start, related);
    }

    function describeTasks(source: TaskSource): string {
      if (source.kind !== 'loop')
        return `starts a task for every element of ${code(source.collection)} at once`;
      const [innermost] = source.loops;
      const line = innermost ? innermost.loop.loc.start.line : source.push.loc.start.line;
      const loop = source.loops.find(
        (candidate) =>
          !sizes.isBounded(
            candidate.collection
              ? sizes.ofCollection(candidate.collection)
              : candidate.count
                ? sizes.ofNumber(candidate.count)
                : { kind: 'unbounded' },
          ),
      );
      if (loop?.collection)
        return `awaits a task for every element of ${code(loop.collection)}, all started in the loop at line ${line}`;
      if (loop?.count)
        return `awaits a task for each of ${code(loop.count)} turns of the loop at line ${line}, all started at once`;
      return `awaits a task for each turn of the loop at line ${line}, all started at once`;
    }

    function code(node: TSESTree.Node): string {
      const text = sourceCode.getText(node).replace(/\s+/g, ' ');
      return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
    }

    interface Step {
      text: string;
      location: RelatedLocation;
    }

    /** One step per call from the task to the effect: `calls 'getJson' (line 3)`, then `calls 'fetch' (api.ts:40)`. */
    function reachSteps(reach: TaskReach): Step[] {
      const steps: Step[] = [];
      let caller = 'each task';
      if (reach.reference) {
        const name = reach.reference.name;
        steps.push({
          text: `calls \`${name}\``,
          location: relatedLocationOf(reach.reference.node, `each task calls '${name}'`),
        });
        caller = `'${name}'`;
      }
      for (const site of reach.chain) {
        const callee = calleeDisplayName(site);
        steps.push({
          text: `calls \`${callee}\``,
          location: relatedLocationOf(site.node.expression, `${caller} calls '${callee}' here`),
        });
        caller = `'${callee}'`;
      }
      return steps;
    }

    function reachText(reach: TaskReach, steps: readonly Step[]): string {
      const chain = steps
        .map((step) => `${step.text} (${describeLocation(context, step.location)})`)
        .join(', which ');
      return `${chain}, ${reach.effect.description}`;
    }

    function loopLocation(source: TaskSource): RelatedLocation[] {
      if (source.kind !== 'loop') return [];
      return [relatedLocationOf(tsNode(source.push), 'each turn of the loop starts a task here')];
    }

    function adviceFor(fanOut: FanOut, source: TaskSource): string {
      if (
        fanOut.kind === 'promise' &&
        (fanOut.combinator === 'race' || fanOut.combinator === 'any')
      ) {
        return ` (to keep \`${fanOut.name}\`'s semantics, start each task through a limiter, such as p-limit's \`limit(() => task)\`)`;
      }
      if (source.kind === 'loop')
        return " (push each task through a limiter, such as p-limit's `limit(() => task)`, or map the inputs with p-map and its `concurrency`)";
      return " (p-map's `concurrency`, a p-limit limiter, or a worker pool)";
    }

    // --- suggestions --------------------------------------------------------------------------------------------

    function suggestionsFor(fanOut: FanOut, source: TaskSource): Suggestion[] {
      const data = { concurrency: String(concurrency), name: fanOut.name };
      if (fanOut.kind === 'p-map') {
        return [
          {
            messageId: 'useConcurrencyOption',
            data,
            fix: (fixer) => concurrencyOption(fixer, fanOut),
          },
        ];
      }
      if (fanOut.kind === 'async') {
        const fix = limitedVariant(fanOut);
        return fix
          ? [{ messageId: 'useLimitedVariant', data: { ...data, limited: fanOut.limited }, fix }]
          : [];
      }
      if (source.kind === 'loop') return limitEachPush(source);
      const single = fanOut.single;
      if (!single || single !== source || single.method === 'flatMap') return [];
      if (single.call.arguments.length !== (single.method === 'from' ? 2 : 1)) return [];
      boundedMaps ??= createBoundedMaps(context, services, { concurrency });
      const plan = boundedMaps.plan({
        replaced: fanOut.call,
        items: single.collection,
        itemsKind:
          single.method === 'map'
            ? 'array'
            : itemsKindOf(checker, services.getTypeAtLocation(single.collection)),
        task: { kind: 'node', node: single.task },
        combinator: fanOut.combinator,
      });
      if (!plan) return [];
      return [
        {
          messageId: STRATEGY_MESSAGES[plan.strategy],
          data: { ...data, callee: plan.callee },
          fix: (fixer) => plan.fix(fixer),
        },
      ];
    }

    function limitEachPush(source: Extract<TaskSource, { kind: 'loop' }>): Suggestion[] {
      boundedMaps ??= createBoundedMaps(context, services, { concurrency });
      const outermost = source.loops.at(-1)!.loop;
      const loopStatement =
        outermost.type === AST_NODE_TYPES.CallExpression ? outermost.parent : outermost;
      const plan = boundedMaps.limitEach({ task: source.task, before: loopStatement });
      if (!plan) return [];
      return [
        {
          messageId: 'usePLimit',
          data: { concurrency: String(concurrency) },
          fix: (fixer) => plan.fix(fixer),
        },
      ];
    }

    function concurrencyOption(
      fixer: TSESLint.RuleFixer,
      fanOut: Extract<FanOut, { kind: 'p-map' }>,
    ): TSESLint.RuleFix {
      const option = `concurrency: ${concurrency}`;
      if (!fanOut.options) {
        const last = fanOut.call.arguments.at(-1)!;
        return fixer.insertTextAfter(last, `, { ${option} }`);
      }
      const infinite = fanOut.options.properties.find(
        (property): property is TSESTree.Property =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'concurrency',
      );
      if (infinite) return fixer.replaceText(infinite.value, String(concurrency));
      const [first] = fanOut.options.properties;
      return first
        ? fixer.insertTextBefore(first, `${option}, `)
        : fixer.replaceText(fanOut.options, `{ ${option} }`);
    }

    function limitedVariant(
      fanOut: Extract<FanOut, { kind: 'async' }>,
    ): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
      const callee = fanOut.call.callee;
      const [, task] = fanOut.call.arguments;
      if (!task) return undefined;
      return (fixer) => {
        const insertLimit = fixer.insertTextBefore(task, `${concurrency}, `);
        if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
          return [fixer.replaceText(callee.property, fanOut.limited), insertLimit];
        }
        if (callee.type !== AST_NODE_TYPES.Identifier) return [];
        const imports = createImportPlan(context, services, fanOut.call);
        // Dropped first, so that the new name can take the old one's place in the import.
        imports.dropBindingIfOnlyUsedIn(callee, callee);
        const limited = imports.named('async', fanOut.limited);
        return imports.fixes(fixer, [
          { range: callee.range, text: limited },
          { range: [task.range[0], task.range[0]], text: `${concurrency}, ` },
        ]);
      };
    }

    return { CallExpression: check };
  },
});
