// The footprint of a piece of code (`footprints.ts`) with the calls it makes followed into the project's own functions,
// `this` mapped to each call's receiver, so that `this.load()` and `this.orders.find()` are told apart by what `load`
// touches. Each function's own accesses (`code-accesses.ts`) are read once per TypeScript program.
import ts from 'typescript';

import { type AnalyzableFunction, type CallGraph, getCallGraph } from './call-graph';
import { type CodeAccesses, type CodeCall, readAccesses } from './code-accesses';
import {
  type Access,
  type AccessPath,
  addResource,
  type Footprint,
  rebase,
  type Resource,
  type ResourceUse,
} from './footprints';
import { mayChangeReceiver, readsByName } from './resource-use';

export interface SharedStateOptions {
  /** How many functions deep to follow calls into the project's own functions (1: only the code itself). */
  maxDepth: number;
}

const analyses = new WeakMap<ts.Program, Map<string, SharedStateAnalysis>>();

/** The analysis for `program`, shared by every file linted against it. */
export function getSharedStateAnalysis(
  program: ts.Program,
  options: SharedStateOptions,
): SharedStateAnalysis {
  let byOptions = analyses.get(program);
  if (!byOptions) {
    byOptions = new Map();
    analyses.set(program, byOptions);
  }
  const key = String(options.maxDepth);
  let analysis = byOptions.get(key);
  if (!analysis) {
    analysis = new SharedStateAnalysis(program, options);
    byOptions.set(key, analysis);
  }
  return analysis;
}

export class SharedStateAnalysis {
  private readonly graph: CallGraph;
  private readonly functionAccesses = new Map<AnalyzableFunction, CodeAccesses>();
  private readonly symbolIds = new Map<ts.Symbol, number>();

  constructor(
    private readonly program: ts.Program,
    private readonly options: SharedStateOptions,
  ) {
    this.graph = getCallGraph(program);
  }

  /**
   * What `code` touches of the state outside `scope` (bindings declared inside `scope` are its own, and a fresh
   * value every time it runs), following the calls it makes.
   */
  footprintOf(code: ts.Node, scope: ts.Node): Footprint {
    const read = readAccesses(this.program, this.graph, code, scope, true);
    const accesses = [...read.accesses];
    const resources = new Map(read.resources);
    const receivers: AccessPath[] = [];
    for (const call of read.calls) {
      if (call.receiver !== undefined && call.receiver !== 'private') receivers.push(call.receiver);
      this.follow(call, call.receiver, 1, new Set(), accesses, resources);
    }
    return { accesses, receivers, resources };
  }

  /**
   * Adds what `call` touches: the accesses of the function it runs, with that function's `this` replaced by the
   * call's receiver, and so on down to `maxDepth`; a call the analysis cannot read changes its receiver.
   */
  private follow(
    call: CodeCall,
    receiver: AccessPath | 'private' | undefined,
    depth: number,
    visited: Set<string>,
    accesses: Access[],
    resources: Map<Resource, ResourceUse>,
  ): void {
    const target = call.target;
    if (!target || depth >= this.options.maxDepth) {
      if (receiver !== undefined && receiver !== 'private')
        accesses.push({ path: receiver, change: mayChangeReceiver(call.node, call.callee) });
      // Deeper than the analysis follows: judged by its name, like code it cannot read.
      if (target)
        addResource(resources, 'unknown', readsByName(call.callee?.name ?? '') ? 'read' : 'write');
      return;
    }
    const key = `${target.pos}:${target.getSourceFile().fileName}:${receiver === undefined || receiver === 'private' ? '' : this.pathKey(receiver)}`;
    if (visited.has(key)) return;
    visited.add(key);
    const read = this.accessesOf(target);
    for (const access of read.accesses) {
      const path = access.path.root === 'this' ? rebase(access.path, receiver) : access.path;
      if (path) accesses.push({ path, change: access.change });
    }
    for (const [resource, use] of read.resources) addResource(resources, resource, use);
    for (const inner of read.calls) {
      const innerReceiver =
        inner.receiver !== undefined &&
        inner.receiver !== 'private' &&
        inner.receiver.root === 'this'
          ? (rebase(inner.receiver, receiver) ?? 'private')
          : inner.receiver;
      this.follow(inner, innerReceiver, depth + 1, visited, accesses, resources);
    }
  }

  /** What a function's own code touches (read once). */
  private accessesOf(fn: AnalyzableFunction): CodeAccesses {
    let read = this.functionAccesses.get(fn);
    if (!read) {
      read = readAccesses(this.program, this.graph, fn, fn, !ts.isArrowFunction(fn));
      this.functionAccesses.set(fn, read);
    }
    return read;
  }

  /** A key for a path that tells apart symbols of the same name, for the set of functions already followed. */
  private pathKey(path: AccessPath): string {
    let root = 'this';
    if (path.root !== 'this') {
      let id = this.symbolIds.get(path.root);
      if (id === undefined) {
        id = this.symbolIds.size + 1;
        this.symbolIds.set(path.root, id);
      }
      root = `#${id}`;
    }
    return [root, ...path.properties].join('.');
  }
}
