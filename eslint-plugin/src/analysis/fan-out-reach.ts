// What the tasks of a fan-out reach: something outside the process (through the call graph, `task-effects.ts`),
// nothing but a limiter, or the function that holds the fan-out again (a recursive walk).
import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import {
  type CallGraph,
  enclosingAnalyzableFunction,
  type ReachQuery,
  readableFunctionOf,
} from './call-graph';
import type { FanOut, TaskSource } from './fan-out';
import { resolveFunctionNode } from './resolve-callee';
import {
  externalReachOf,
  type TaskFinding,
  taskRestarts,
  type TaskReach,
  unseenTaskReach,
} from './task-effects';

/** Whether the tasks call the function that holds the fan-out: a walk, as large as everything it walks. */
export function fanOutRestarts(
  graph: CallGraph,
  services: ParserServicesWithTypeInformation,
  fanOut: FanOut,
  source: TaskSource,
): boolean {
  if (!source.task) return false;
  const { program, esTreeNodeToTSNodeMap } = services;
  const fn = enclosingAnalyzableFunction(esTreeNodeToTSNodeMap.get(fanOut.call));
  if (!fn) return false;
  const node = esTreeNodeToTSNodeMap.get(source.task) as ts.Expression;
  return taskRestarts(
    graph,
    { kind: source.kind === 'loop' ? 'promise' : 'function', node },
    fn,
    (expression) => readableFunctionOf(program, resolveFunctionNode(program, expression)),
  );
}

/** What the tasks reach outside the process, `'limited'` when they run under a limiter, else nothing. */
export function fanOutTaskReach(
  graph: CallGraph,
  query: ReachQuery<TaskFinding>,
  services: ParserServicesWithTypeInformation,
  source: TaskSource,
): TaskReach | 'limited' | undefined {
  const { program } = services;
  const node = services.esTreeNodeToTSNodeMap.get(source.task!) as ts.Expression;
  return externalReachOf(
    graph,
    query,
    { kind: source.kind === 'loop' ? 'promise' : 'function', node },
    (expression) => resolveFunctionNode(program, expression),
    (callee) => readableFunctionOf(program, callee),
  );
}

/** `async.parallel(tasks)`: the tasks are the collection's own functions, which nothing here shows. */
export function unseenFanOutReach(
  services: ParserServicesWithTypeInformation,
  source: TaskSource,
): TaskReach {
  const node = source.kind === 'loop' ? source.task : source.collection;
  return unseenTaskReach(services.esTreeNodeToTSNodeMap.get(node) as ts.Expression);
}
