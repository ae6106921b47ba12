// The rewrites offered for an unbounded fan-out, preferred first: the limit a library already has (p-map's
// `concurrency` option, async's `…Limit` variants), a bounded map over the collection (`p-map`, `p-limit`, the
// dependency-free helper pasted once per file or imported from the project's helper module), or, for tasks pushed
// in a loop, a `p-limit` limiter around each one.
import * as path from 'node:path';

import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
} from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import type { FanOut, TaskSource } from '../analysis/fan-out';
import { type BoundedMapPlan, type BoundedMaps, itemsKindOf } from './bounded-map';
import { concurrencyOptionFix, limitedVariantFix } from './library-limits';

export type FanOutRewriteKind =
  | BoundedMapPlan['strategy']
  | 'helperModule'
  | 'concurrencyOption'
  | 'limitedVariant'
  | 'limitEach';

export interface FanOutRewrite {
  kind: FanOutRewriteKind;
  /** What the suggestion's message names: the limit, the fan-out, the callee and module it brings in. */
  data: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
}

export interface FanOutRewriteInput {
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
  services: ParserServicesWithTypeInformation;
  /** The `concurrency` option: the limit the rewrites write (one at a time over a shared client). */
  concurrency: number;
  boundedMaps: (concurrency: number) => BoundedMaps;
  /** The `helperModule` option as written, for messages. */
  helperModule: string | undefined;
  /** Every task goes through one client (a connection, a query runner). */
  sharedClient: boolean;
}

export function fanOutRewrites(
  input: FanOutRewriteInput,
  fanOut: FanOut,
  source: TaskSource,
): FanOutRewrite[] {
  const { services } = input;
  const concurrency = input.sharedClient ? 1 : input.concurrency;
  const data = { concurrency: String(concurrency), name: fanOut.name };
  if (fanOut.kind === 'p-map') {
    return [{ kind: 'concurrencyOption', data, fix: concurrencyOptionFix(fanOut, concurrency) }];
  }
  if (fanOut.kind === 'async') {
    const fix = limitedVariantFix(input.context, services, fanOut, concurrency);
    return fix ? [{ kind: 'limitedVariant', data: { ...data, limited: fanOut.limited }, fix }] : [];
  }
  if (source.kind === 'loop') return limitEachPush(input, source);
  const single = fanOut.single;
  if (!single || single !== source || single.method === 'flatMap') return [];
  if (single.call.arguments.length !== (single.method === 'from' ? 2 : 1)) return [];
  const checker = services.program.getTypeChecker();
  // `xs.map<Promise<Entry>>(…)`: the rewrite writes the type argument on the task instead of dropping it.
  const typeArguments = single.call.typeArguments?.params;
  if (typeArguments && (single.method !== 'map' || typeArguments.length !== 1)) return [];
  const plan = input.boundedMaps(concurrency).plan({
    replaced: fanOut.call,
    items: single.collection,
    itemsKind:
      single.method === 'map'
        ? 'array'
        : itemsKindOf(checker, services.getTypeAtLocation(single.collection)),
    task: { kind: 'node', node: single.task },
    combinator: fanOut.combinator,
    resultType: typeArguments?.[0] && input.context.sourceCode.getText(typeArguments[0]),
  });
  // One at a time through the worker pool would paste a second helper: the advice says how instead.
  if (!plan || (input.sharedClient && plan.strategy === 'helper')) return [];
  if (plan.helperModule !== undefined) {
    // `helperModule` in the data tells a host that applies the suggestion which module it imports (`--fix-unsafe`
    // writes a missing one); the message names it as the option does.
    return [
      {
        kind: 'helperModule',
        data: {
          ...data,
          callee: plan.callee,
          module: input.helperModule ?? plan.helperModule,
          helperModule: plan.helperModule,
        },
        fix: (fixer) => plan.fix(fixer),
      },
    ];
  }
  return [
    {
      kind: plan.strategy,
      data: { ...data, callee: plan.callee },
      fix: (fixer) => plan.fix(fixer),
    },
  ];
}

/**
 * The folder `helperModule` is relative to: the file's tsconfig's (a package of a monorepo gets its own module, not
 * an import across packages), else, for a file no tsconfig covers, the ESLint config's (`cwd`). TypeScript records
 * the tsconfig on the options it parsed from it (`configFilePath`, not in its declared types).
 */
export function projectFolder(program: ts.Program, cwd: string): string {
  const configFile = (program.getCompilerOptions() as { configFilePath?: unknown }).configFilePath;
  return typeof configFile === 'string' ? path.dirname(configFile) : cwd;
}

function limitEachPush(
  input: FanOutRewriteInput,
  source: Extract<TaskSource, { kind: 'loop' }>,
): FanOutRewrite[] {
  const outermost = source.loops.at(-1)!.loop;
  const loopStatement =
    outermost.type === AST_NODE_TYPES.CallExpression ? outermost.parent : outermost;
  const plan = input
    .boundedMaps(input.concurrency)
    .limitEach({ task: source.task, before: loopStatement });
  if (!plan) return [];
  return [
    {
      kind: 'limitEach',
      data: { concurrency: String(input.concurrency) },
      fix: (fixer) => plan.fix(fixer),
    },
  ];
}
