// Reports fan-out over a collection of unknown size, `Promise.all(urls.map(fetchUrl))` and its kin, whose tasks can
// wait on something outside the process (the network, files, processes, a database, or async code it cannot see):
// a large input starts them all at once. The fan-out is `fan-out.ts`, its size `collection-size.ts`, what its tasks
// reach `task-effects.ts`. Suggests the bounded rewrite (`bounded-map.ts`): p-map, p-limit, or a dependency-free
// worker pool; or the limit a library call already has (`library-limits.ts`).
import * as path from 'node:path';

import {
  ESLintUtils,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { describeSteps } from '../analysis/call-chains';
import { type CallGraph, getCallGraph, type ReachQuery } from '../analysis/call-graph';
import { CollectionOrigins, type Origin } from '../analysis/collection-origin';
import { SizeBounds } from '../analysis/collection-size';
import {
  type FanOut,
  FanOutFinder,
  loopBound,
  type TaskSource,
  taskCountBound,
  taskCountOrigin,
} from '../analysis/fan-out';
import { fanOutRestarts, fanOutTaskReach, unseenFanOutReach } from '../analysis/fan-out-reach';
import { sharedClientOf } from '../analysis/shared-client';
import {
  createTaskQuery,
  reachSteps,
  type TaskFinding,
  type TaskReach,
} from '../analysis/task-effects';
import { BoundedMaps } from '../fixes/bounded-map';
import { fanOutRewrites, type FanOutRewriteKind, projectFolder } from '../fixes/fan-out-rewrites';
import { HELPER_MODULE_PATTERN } from '../fixes/helper-module';
import { createRule } from '../util/create-rule';
import {
  recordRelatedLocations,
  type RelatedLocation,
  relatedLocationOf,
} from '../util/related-locations';

export type Options = [
  {
    externalOnly?: boolean;
    concurrency?: number;
    maxBoundedSize?: number;
    limiters?: string[];
    boundedTypes?: string[];
    reportUnknownSizes?: boolean;
    maxDepth?: number;
    helperModule?: string;
  },
];

export type MessageIds =
  | 'unboundedFanOut'
  | 'unboundedFanOutInMemory'
  | 'usePMap'
  | 'usePLimit'
  | 'useHelper'
  | 'useHelperModule'
  | 'useConcurrencyOption'
  | 'useLimitedVariant';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

const REWRITE_MESSAGES: Record<FanOutRewriteKind, MessageIds> = {
  'p-map': 'usePMap',
  'p-limit': 'usePLimit',
  helper: 'useHelper',
  helperModule: 'useHelperModule',
  concurrencyOption: 'useConcurrencyOption',
  limitedVariant: 'useLimitedVariant',
  limitEach: 'usePLimit',
};

/** What the checks of one file share. */
interface FileScope {
  context: Context;
  services: ParserServicesWithTypeInformation;
  graph: CallGraph;
  finder: FanOutFinder;
  sizes: SizeBounds;
  origins: CollectionOrigins;
  reportUnknownSizes: boolean;
  query: ReachQuery<TaskFinding>;
  externalOnly: boolean;
  concurrency: number;
  boundedMaps: (concurrency: number) => BoundedMaps;
  /** The `helperModule` option as written, for messages. */
  helperModule: string | undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-concurrency',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow starting one task per element of a collection of unbounded size all at once',
      requiresTypeChecking: true,
      recommended: 'warn',
      strict: 'error',
      testFiles: { recommended: 'off', strict: 'off' },
    },
    hasSuggestions: true,
    messages: {
      unboundedFanOut:
        '{{name}} {{tasks}}, with no limit on how many. {{origin}}Each task {{reach}}: a large input overwhelms what the tasks call, so limit how many run at a time{{advice}}.',
      unboundedFanOutInMemory:
        '{{name}} {{tasks}}, with no limit on how many. {{origin}}Limit how many run at a time{{advice}}.',
      usePMap: "Run at most {{concurrency}} at a time with `{{callee}}` from 'p-map'",
      usePLimit:
        "Run at most {{concurrency}} at a time through a `pLimit({{concurrency}})` limiter from 'p-limit'",
      useHelper:
        'Run at most {{concurrency}} at a time with a `{{callee}}` helper in this file (no dependency)',
      useHelperModule: 'Run at most {{concurrency}} at a time with `{{callee}}` from `{{module}}`',
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
              'Type names (aliases, interfaces, classes) of collections, or of their elements, that are small by declaration: a branded `SmallArray`, or `DataSource` for `DataSource[]`, `readonly DataSource[]` and `Map<string, DataSource>`.',
          },
          reportUnknownSizes: {
            type: 'boolean',
            description:
              'Also report collections whose origin says nothing about their size (class state, values built elsewhere); by default only those that come from input (query and API results, request bodies, parsed input, directory listings, globs, streams) or from the callers of a public function are.',
          },
          maxDepth: {
            type: 'integer',
            minimum: 1,
            maximum: 20,
            description:
              'How many functions deep to follow what a task calls (default 5); a call beyond counts as external.',
          },
          helperModule: {
            type: 'string',
            pattern: HELPER_MODULE_PATTERN,
            description:
              "A module of the project (`src/lib/map-with-concurrency.ts`, relative to the folder of the file's tsconfig) that holds the dependency-free helper: rewrites import it from there instead of pasting a copy into each file, and `loopguard lint --fix-unsafe` writes it when the fixes it applies import it and it does not exist.",
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
      reportUnknownSizes: false,
      maxDepth: 5,
    },
  ],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const { program } = services;
    const concurrency = options.concurrency ?? 8;
    const helperModule = options.helperModule;
    const boundedMaps = new Map<number, BoundedMaps>();
    const file: FileScope = {
      context,
      services,
      graph: getCallGraph(program),
      finder: new FanOutFinder(context, services),
      // A batch no larger than the configured concurrency is bounded too, so the rule's own rewrites stay quiet.
      sizes: new SizeBounds(context, services, {
        maxBoundedSize: Math.max(options.maxBoundedSize ?? 16, concurrency),
        boundedTypes: options.boundedTypes ?? [],
      }),
      origins: new CollectionOrigins(program),
      reportUnknownSizes: options.reportUnknownSizes ?? false,
      query: createTaskQuery(program, {
        limiters: options.limiters ?? [],
        maxDepth: options.maxDepth ?? 5,
      }),
      externalOnly: options.externalOnly ?? true,
      concurrency,
      helperModule: options.helperModule,
      boundedMaps: (limit) => {
        let maps = boundedMaps.get(limit);
        if (!maps)
          boundedMaps.set(
            limit,
            (maps = new BoundedMaps(context, services, {
              concurrency: limit,
              helperModule:
                helperModule && path.resolve(projectFolder(program, context.cwd), helperModule),
            })),
          );
        return maps;
      },
    };
    return { CallExpression: (call) => checkFanOut(file, call) };
  },
});

function checkFanOut(file: FileScope, call: TSESTree.CallExpression): void {
  const fanOut = file.finder.fanOutOf(call);
  if (!fanOut) return;
  for (const source of fanOut.sources) {
    if (file.sizes.isBounded(taskCountBound(file.sizes, source))) continue;
    // Not provably small is not yet large: where the collection comes from decides.
    let origin = taskCountOrigin(file.origins, file.sizes, source, (node) =>
      file.services.esTreeNodeToTSNodeMap.get(node),
    );
    if (origin.kind === 'unknown' && fanOutRestarts(file.graph, file.services, fanOut, source))
      origin = RECURSIVE;
    if (origin.kind === 'bounded' || (origin.kind === 'unknown' && !file.reportUnknownSizes))
      continue;
    const reach = source.task
      ? fanOutTaskReach(file.graph, file.query, file.services, source)
      : unseenFanOutReach(file.services, source);
    // Work started through a limiter is bounded however large the collection, in either mode.
    if (reach === 'limited' || (file.externalOnly && !reach)) continue;
    reportFanOut(file, fanOut, source, reach, origin);
    return;
  }
}

const RECURSIVE: Origin = {
  kind: 'unbounded',
  description: 'a recursive walk: each task can start this fan-out again',
};

// --- the report -------------------------------------------------------------------------------------------------

function reportFanOut(
  file: FileScope,
  fanOut: FanOut,
  source: TaskSource,
  reach: TaskReach | undefined,
  origin: Origin,
): void {
  const { context } = file;
  // One client for every task: "8 at a time" would still queue on it, so the rewrite runs them one at a time.
  const client =
    source.kind === 'map'
      ? sharedClientOf(
          file.services.program,
          file.services.esTreeNodeToTSNodeMap.get(source.task) as ts.Expression,
        )
      : undefined;
  const suggestions = fanOutRewrites(
    {
      context: file.context,
      services: file.services,
      concurrency: file.concurrency,
      boundedMaps: file.boundedMaps,
      helperModule: file.helperModule,
      sharedClient: client !== undefined,
    },
    fanOut,
    source,
  ).map((rewrite): Suggestion => ({
    messageId: REWRITE_MESSAGES[rewrite.kind],
    data: rewrite.data,
    fix: rewrite.fix,
  }));
  const steps = reach ? reachSteps(reach) : [];
  const related = [...loopLocation(file, source), ...steps.map((step) => step.location)];
  const loc = fanOut.call.callee.loc;
  const data = {
    name: `\`${fanOut.name}\``,
    tasks: describeTasks(file, source),
    origin: describeOrigin(origin),
    reach: reach ? `${describeSteps(context, steps)}, ${reach.effect.description}` : '',
    advice: client
      ? `: one, since every task goes through one client, \`${client}\`, which serves one request at a time anyway${suggestions.length > 0 ? '' : ' (a `for…of` loop with `await`)'}`
      : suggestions.length > 0
        ? ''
        : adviceFor(fanOut, source),
  };
  context.report({
    loc,
    messageId: reach ? 'unboundedFanOut' : 'unboundedFanOutInMemory',
    data,
    suggest: suggestions,
  });
  recordRelatedLocations(context, loc.start, related);
}

/** Where the tasks' input comes from, as a sentence after the opening one (which stays short). */
function describeOrigin(origin: Origin): string {
  return origin.kind === 'unbounded' ? `Its input is ${origin.description}. ` : '';
}

function describeTasks(file: FileScope, source: TaskSource): string {
  if (source.kind !== 'loop')
    return `starts a task per element of ${code(file, source.collection)} at once`;
  const [innermost] = source.loops;
  const line = innermost ? innermost.loop.loc.start.line : source.push.loc.start.line;
  const loop = source.loops.find(
    (candidate) => !file.sizes.isBounded(loopBound(file.sizes, candidate)),
  );
  if (loop?.collection)
    return `awaits a task per element of ${code(file, loop.collection)} (loop at line ${line})`;
  if (loop?.count)
    return `awaits a task per turn of the loop at line ${line} (${code(file, loop.count)} turns)`;
  if (loop?.callback)
    return `awaits a task per call back of ${code(file, loop.callback.callee)} (line ${line})`;
  return `awaits a task per turn of the loop at line ${line}`;
}

function code(file: FileScope, node: TSESTree.Node): string {
  const text = file.context.sourceCode.getText(node).replace(/\s+/g, ' ');
  return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
}

function loopLocation(file: FileScope, source: TaskSource): RelatedLocation[] {
  if (source.kind !== 'loop') return [];
  const push = file.services.esTreeNodeToTSNodeMap.get(source.push);
  return [relatedLocationOf(push, 'each turn of the loop starts a task here')];
}

function adviceFor(fanOut: FanOut, source: TaskSource): string {
  if (fanOut.kind === 'promise' && (fanOut.combinator === 'race' || fanOut.combinator === 'any')) {
    return ` (to keep \`${fanOut.name}\`'s semantics, start each task through a limiter, such as p-limit's \`limit(() => task)\`)`;
  }
  if (source.kind === 'loop')
    return " (push each task through a limiter, such as p-limit's `limit(() => task)`, or map the inputs with p-map and its `concurrency`)";
  return " (p-map's `concurrency`, a p-limit limiter, or a worker pool)";
}
