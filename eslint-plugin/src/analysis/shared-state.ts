// What a piece of code touches that other code may touch too, so that a rule can tell whether two awaited calls
// (or two turns of a loop) can run at the same time without one seeing the other's effects: the bindings and
// objects it reads and changes, as access paths (`this.cache`, `state.user`), the objects whose methods it calls,
// and the resources outside the process it reads or writes (files, processes, the network, a database, timers).
// Calls into the project's own functions are followed, with `this` mapped to the receiver of each call, so that
// `this.load()` and `this.orders.find()` are told apart by what `load` touches. A call the analysis cannot read (a
// package's function, a declaration without a body) is judged by its name: `getUser` and `findAll` read, anything
// else (`click`, `send`, `getOrCreate`) may write somewhere the analysis cannot see, and may change its receiver.
// Summaries of functions are computed once per TypeScript program.
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { skipTsWrappers, TYPE_ASSERTIONS } from '../util/wrappers';
import {
  type AnalyzableFunction,
  type CallSite,
  getCallGraph,
  isAnalyzableFunction,
  readableFunctionOf,
} from './call-graph';
import {
  DATABASE_PACKAGES,
  HTTP_CLIENT_PACKAGES,
  NETWORK_MODULES,
  NODE_MODULES,
  PROCESS_MODULES,
} from './module-catalog';
import { isRequireCall } from './module-system';
import { resolveCalleeNode, type ResolvedCallee, writtenName } from './resolve-callee';
import { isInlineFunction } from './sync-callbacks';

/** What a path starts at: a binding (a variable, a parameter, a class), or the `this` of the code analysed. */
export type Root = ts.Symbol | 'this';

/** `this.cache` is `{ root: 'this', properties: ['cache'] }`; a computed member ends the path (`a[k].b` is `a`). */
export interface AccessPath {
  root: Root;
  properties: readonly string[];
}

export interface Access {
  path: AccessPath;
  /** Assigned, updated, deleted, passed as a mutable object, or the receiver of a method that may change it. */
  change: boolean;
}

/** `unknown`: whatever code the analysis cannot read reaches, judged read or write by the function's name. */
export type Resource = 'file-system' | 'process' | 'network' | 'database' | 'time' | 'unknown';
export type ResourceUse = 'read' | 'write';

export interface Footprint {
  /** Shared state the code reads or changes: bindings and objects declared outside it, and its `this`. */
  accesses: readonly Access[];
  /** The objects whose methods the code itself calls (`db` in `await db.insert(row)`). */
  receivers: readonly AccessPath[];
  resources: ReadonlyMap<Resource, ResourceUse>;
}

export interface SharedStateOptions {
  /** How many functions deep to follow calls into the project's own functions (1: only the code itself). */
  maxDepth: number;
}

/** A call in summarized code, with the path of its receiver: `private` when it is a value of the code's own. */
interface SummarizedCall {
  node: ts.CallExpression | ts.NewExpression;
  callee: ResolvedCallee | undefined;
  target: AnalyzableFunction | undefined;
  receiver: AccessPath | 'private' | undefined;
}

interface Summary {
  accesses: Access[];
  calls: SummarizedCall[];
  resources: Map<Resource, ResourceUse>;
}

export interface SharedStateAnalysis {
  /**
   * What `code` touches of the state outside `scope` (bindings declared inside `scope` are its own, and a fresh
   * value every time it runs), following the calls it makes.
   */
  footprintOf(code: ts.Node, scope: ts.Node): Footprint;
}

const FILE_READS = new Set([
  'readFile',
  'readdir',
  'stat',
  'lstat',
  'fstat',
  'statfs',
  'access',
  'exists',
  'realpath',
  'readlink',
  'opendir',
  'createReadStream',
  'glob',
  'watch',
  'watchFile',
]);
const TIMER_MODULES = new Set(['timers', 'timers/promises']);
const TIMER_GLOBALS = new Set(['setTimeout', 'setInterval', 'setImmediate']);
const NETWORK_WRITE_GLOBALS = new Set(['WebSocket', 'EventSource', 'XMLHttpRequest', 'sendBeacon']);
const FETCH_BODY_CONTAINERS = new Set(['Body', 'BodyMixin', 'Response', 'Request']);
const HTTP_READ_METHODS = new Set(['get', 'head', 'options']);
/** First words of the names of functions that only read or compute (`getUser`, `findAll`, `parseConfig`). */
const READ_VERBS = new Set([
  'get',
  'fetch',
  'load',
  'read',
  'find',
  'list',
  'query',
  'count',
  'search',
  'lookup',
  'select',
  'scan',
  'has',
  'is',
  'exists',
  'check',
  'describe',
  'head',
  'stat',
  'download',
  'retrieve',
  'resolve',
  'compute',
  'calculate',
  'parse',
  'format',
  'render',
  'validate',
  'verify',
  'compare',
  'hash',
  'encode',
  'decode',
  'compress',
  'decompress',
  'convert',
  'peek',
  'inspect',
  'measure',
  'estimate',
  'preview',
  'summarize',
  'aggregate',
]);
/** Words that make a name a write even after a reading verb (`getOrCreate`, `fetchAndStore`). */
const WRITE_WORDS = new Set([
  'create',
  'update',
  'delete',
  'remove',
  'set',
  'put',
  'post',
  'patch',
  'save',
  'send',
  'write',
  'insert',
  'upsert',
  'add',
  'push',
  'append',
  'store',
  'publish',
  'emit',
  'enqueue',
  'dispatch',
  'submit',
  'commit',
  'reset',
  'clear',
  'mark',
  'lock',
  'unlock',
  'release',
  'acquire',
  'register',
  'connect',
  'disconnect',
  'close',
  'open',
  'start',
  'stop',
  'init',
  'mutate',
  'increment',
  'decrement',
  'move',
  'rename',
  'copy',
  'upload',
  'apply',
  'execute',
  'exec',
  'run',
  'trigger',
  'notify',
  'sync',
  'refresh',
  'invalidate',
  'login',
  'logout',
  'click',
  'type',
  'press',
  'fill',
  'drop',
]);
/** Standard-library methods that change the object they are called on; every other one only reads it. */
const MUTATING_LIBRARY_METHODS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
  'set',
  'add',
  'delete',
  'clear',
]);

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
    analysis = createSharedStateAnalysis(program, options);
    byOptions.set(key, analysis);
  }
  return analysis;
}

function createSharedStateAnalysis(
  program: ts.Program,
  options: SharedStateOptions,
): SharedStateAnalysis {
  const checker = program.getTypeChecker();
  const graph = getCallGraph(program);
  const functionSummaries = new Map<AnalyzableFunction, Summary>();
  const symbolIds = new Map<ts.Symbol, number>();

  /** A key for a path that tells apart symbols of the same name, for the set of functions already followed. */
  function pathKey(path: AccessPath): string {
    let root = 'this';
    if (path.root !== 'this') {
      let id = symbolIds.get(path.root);
      if (id === undefined) {
        id = symbolIds.size + 1;
        symbolIds.set(path.root, id);
      }
      root = `#${id}`;
    }
    return [root, ...path.properties].join('.');
  }

  function footprintOf(code: ts.Node, scope: ts.Node): Footprint {
    const summary = summarize(code, scope, true);
    const accesses = [...summary.accesses];
    const resources = new Map(summary.resources);
    const receivers: AccessPath[] = [];
    for (const call of summary.calls) {
      if (call.receiver !== undefined && call.receiver !== 'private') receivers.push(call.receiver);
      follow(call, call.receiver, 1, new Set(), accesses, resources);
    }
    return { accesses, receivers, resources };
  }

  /**
   * Adds what `call` touches: the accesses of the function it runs, with that function's `this` replaced by the
   * call's receiver, and so on down to `maxDepth`; a call the analysis cannot read changes its receiver.
   */
  function follow(
    call: SummarizedCall,
    receiver: AccessPath | 'private' | undefined,
    depth: number,
    visited: Set<string>,
    accesses: Access[],
    resources: Map<Resource, ResourceUse>,
  ): void {
    const target = call.target;
    if (!target || depth >= options.maxDepth) {
      if (receiver !== undefined && receiver !== 'private')
        accesses.push({ path: receiver, change: mayChangeReceiver(call) });
      // Deeper than the analysis follows: judged by its name, like code it cannot read.
      if (target)
        addResource(resources, 'unknown', readsByName(call.callee?.name ?? '') ? 'read' : 'write');
      return;
    }
    const key = `${target.pos}:${target.getSourceFile().fileName}:${receiver === undefined || receiver === 'private' ? '' : pathKey(receiver)}`;
    if (visited.has(key)) return;
    visited.add(key);
    const summary = functionSummary(target);
    for (const access of summary.accesses) {
      const path = access.path.root === 'this' ? rebase(access.path, receiver) : access.path;
      if (path) accesses.push({ path, change: access.change });
    }
    for (const [resource, use] of summary.resources) addResource(resources, resource, use);
    for (const inner of summary.calls) {
      const innerReceiver =
        inner.receiver !== undefined &&
        inner.receiver !== 'private' &&
        inner.receiver.root === 'this'
          ? (rebase(inner.receiver, receiver) ?? 'private')
          : inner.receiver;
      follow(inner, innerReceiver, depth + 1, visited, accesses, resources);
    }
  }

  function mayChangeReceiver(call: SummarizedCall): boolean {
    const name = call.callee?.name ?? writtenCalleeName(call.node);
    if (call.callee?.origin === 'global')
      return name !== undefined && (MUTATING_LIBRARY_METHODS.has(name) || /^set[A-Z]/.test(name));
    return name === undefined || !readsByName(name);
  }

  function functionSummary(fn: AnalyzableFunction): Summary {
    let summary = functionSummaries.get(fn);
    if (!summary) {
      summary = summarize(fn, fn, !ts.isArrowFunction(fn));
      functionSummaries.set(fn, summary);
    }
    return summary;
  }

  // --- reading one piece of code ------------------------------------------------------------------------------

  function summarize(code: ts.Node, scope: ts.Node, thisIsShared: boolean): Summary {
    const summary: Summary = { accesses: [], calls: [], resources: new Map() };
    const sourceFile = code.getSourceFile();
    // A function's calls are resolved once per program by the call graph, which other rules share.
    const sites = isAnalyzableFunction(code) ? callSitesOf(code) : undefined;
    const isOwn = (symbol: ts.Symbol): boolean =>
      (symbol.getDeclarations() ?? []).some(
        (declaration) =>
          declaration.getSourceFile() === sourceFile &&
          declaration.pos >= scope.pos &&
          declaration.end <= scope.end,
      );

    const visit = (node: ts.Node, thisVisible: boolean): void => {
      if (isTypeOnly(node)) return;
      if (node !== code && (ts.isFunctionLike(node) || ts.isClassLike(node))) {
        // An arrow shares its `this` with the code around it; other functions and classes have their own.
        const visible = ts.isArrowFunction(node) && thisVisible;
        ts.forEachChild(node, (child) => visit(child, visible));
        return;
      }
      if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword)
        record(node as ts.Identifier | ts.ThisExpression, thisVisible);
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) recordCall(node, thisVisible);
      ts.forEachChild(node, (child) => visit(child, thisVisible));
    };

    const record = (node: ts.Identifier | ts.ThisExpression, thisVisible: boolean): void => {
      // Names of properties are not references, so only the start of a chain is recorded, with the chain as its path.
      if (ts.isIdentifier(node) && !isReference(node)) return;
      const top = chainTop(node);
      const path = pathOf(top, thisVisible);
      if (!path || path === 'private') return;
      const role = roleOf(top);
      // What `db.insert(row)` does to `db` is decided with the call: the method's own accesses when it can be read.
      if (role === 'call') return;
      const change =
        role === 'change' ||
        (role === 'argument' && isMutableValue(checker.getTypeAtLocation(top)));
      summary.accesses.push({ path, change });
    };

    const recordCall = (call: ts.CallExpression | ts.NewExpression, thisVisible: boolean): void => {
      if (
        call.expression.kind === ts.SyntaxKind.SuperKeyword ||
        call.expression.kind === ts.SyntaxKind.ImportKeyword
      )
        return;
      const site = sites?.get(call);
      const callee = site ? site.callee : resolveCalleeNode(program, call);
      const calleeExpression = skipTsWrappers(call.expression, ['parentheses', 'non-null']);
      // A function called where it is written is read as part of this code.
      const target = site
        ? site.target
        : isInlineFunction(calleeExpression)
          ? undefined
          : readableFunctionOf(program, callee, ts.isNewExpression(call));
      const receiver =
        ts.isCallExpression(call) &&
        (ts.isPropertyAccessExpression(calleeExpression) ||
          ts.isElementAccessExpression(calleeExpression))
          ? pathOf(calleeExpression.expression, thisVisible)
          : undefined;
      summary.calls.push({ node: call, callee, target, receiver });
      if (!target && !isInlineFunction(calleeExpression)) {
        const use = resourceOf(call, callee);
        if (use) addResource(summary.resources, use[0], use[1]);
      }
    };

    /** The path `expression` denotes, `private` for the code's own values (and fresh ones), or none for a non-state value. */
    const pathOf = (
      expression: ts.Expression,
      thisVisible: boolean,
    ): AccessPath | 'private' | undefined => {
      const links: Array<ts.PropertyAccessExpression | ts.ElementAccessExpression> = [];
      let current = skipOuter(expression);
      while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
        links.unshift(current);
        current = skipOuter(current.expression);
      }
      let root: Root;
      let rest = links;
      if (
        current.kind === ts.SyntaxKind.ThisKeyword ||
        current.kind === ts.SyntaxKind.SuperKeyword
      ) {
        if (!thisVisible || !thisIsShared) return 'private';
        root = 'this';
      } else if (ts.isIdentifier(current)) {
        const symbol = valueSymbolOf(current);
        if (!symbol) return undefined;
        if (isModule(symbol)) {
          // `api.users.find()` after `import * as api`: the state is the export `users`, not the module.
          const [first, ...others] = links;
          if (!first || !ts.isPropertyAccessExpression(first) || !ts.isIdentifier(first.name))
            return undefined;
          const exported = valueSymbolOf(first.name);
          if (!exported || !isState(exported)) return undefined;
          root = exported;
          rest = others;
        } else {
          if (!isState(symbol)) return undefined;
          if (isOwn(symbol)) return 'private';
          root = symbol;
        }
      } else {
        return 'private';
      }
      const properties: string[] = [];
      for (const link of rest) {
        const name = ts.isPropertyAccessExpression(link)
          ? link.name.text
          : ts.isStringLiteralLike(link.argumentExpression) ||
              ts.isNumericLiteral(link.argumentExpression)
            ? link.argumentExpression.text
            : undefined;
        if (name === undefined) break;
        properties.push(name);
      }
      return { root, properties };
    };

    visit(code, true);
    return summary;
  }

  function callSitesOf(fn: AnalyzableFunction): Map<ts.Node, CallSite> {
    const sites = new Map<ts.Node, CallSite>();
    for (const site of graph.summarize(fn).sites)
      if (site.kind === 'call') sites.set(site.node, site);
    return sites;
  }

  function valueSymbolOf(identifier: ts.Identifier): ts.Symbol | undefined {
    const symbol = ts.isShorthandPropertyAssignment(identifier.parent)
      ? checker.getShorthandAssignmentValueSymbol(identifier.parent)
      : checker.getSymbolAtLocation(identifier);
    if (!symbol) return undefined;
    return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  }

  /**
   * A module namespace (`import * as fs`, `import fs from 'fs'`, `const fs = require('fs')`, `await import('fs')`)
   * holds no state of its own. Decided from the declaration: asking the checker for every identifier's type costs
   * more than the rest of the analysis.
   */
  function isModule(symbol: ts.Symbol): boolean {
    if (symbol.flags & ts.SymbolFlags.ValueModule) return true;
    const declaration = symbol.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer)
      return false;
    const initializer = skipTsWrappers(declaration.initializer, ['parentheses', 'await']);
    return (
      isRequireCall(initializer) ||
      (ts.isCallExpression(initializer) &&
        initializer.expression.kind === ts.SyntaxKind.ImportKeyword)
    );
  }

  /**
   * Variables, parameters and classes (static state) of the project; not functions, and not what the standard
   * library or a package declares (`console`, `JSON`, a package's exports), whose state the analysis cannot see.
   */
  function isState(symbol: ts.Symbol): boolean {
    if (!(symbol.flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.Class))) return false;
    const declarations = symbol.getDeclarations() ?? [];
    if (declarations.length === 0) return false;
    for (const declaration of declarations) {
      const sourceFile = declaration.getSourceFile();
      if (
        program.isSourceFileDefaultLibrary(sourceFile) ||
        program.isSourceFileFromExternalLibrary(sourceFile) ||
        sourceFile.fileName.includes('/node_modules/')
      ) {
        return false;
      }
      // `const load = async () => …` is a function, not state.
      if (
        ts.isVariableDeclaration(declaration) &&
        declaration.initializer &&
        ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
      ) {
        if (isInlineFunction(skipTsWrappers(declaration.initializer, ['parentheses'])))
          return false;
      }
    }
    return true;
  }

  /**
   * True when a value of this type can be changed by code it is passed to: objects and arrays with a property
   * that is not readonly. Primitives, functions, readonly arrays and tuples, and readonly objects cannot. An
   * `any` value is not counted: the analysis cannot tell, and in untyped code nearly everything is `any`.
   */
  function isMutableValue(type: ts.Type): boolean {
    for (const part of tsutils.unionConstituents(type)) {
      const flags = part.flags;
      if (
        flags &
        (ts.TypeFlags.Any |
          ts.TypeFlags.Unknown |
          ts.TypeFlags.StringLike |
          ts.TypeFlags.NumberLike |
          ts.TypeFlags.BigIntLike |
          ts.TypeFlags.BooleanLike |
          ts.TypeFlags.ESSymbolLike |
          ts.TypeFlags.VoidLike |
          ts.TypeFlags.Null |
          ts.TypeFlags.Never |
          ts.TypeFlags.EnumLike |
          ts.TypeFlags.TypeParameter)
      )
        continue;
      if (checker.isTupleType(part)) {
        if (!(part as ts.TupleTypeReference).target.readonly) return true;
        continue;
      }
      const name = part.getSymbol()?.getName();
      if (name === 'ReadonlyArray' || name === 'ReadonlyMap' || name === 'ReadonlySet') continue;
      if (checker.isArrayType(part)) return true;
      const properties = part.getProperties();
      if (properties.length === 0) {
        if (part.getCallSignatures().length > 0) continue;
        return true;
      }
      if (
        properties.some(
          (property) => !tsutils.isPropertyReadonlyInType(part, property.getEscapedName(), checker),
        )
      )
        return true;
    }
    return false;
  }

  return { footprintOf };
}

// --- conflicts ------------------------------------------------------------------------------------------------

/** Why two pieces of code cannot run at the same time without one seeing the other's effects, or none. */
export type Conflict =
  | { kind: 'same-receiver'; path: AccessPath }
  | { kind: 'shared-state'; path: AccessPath }
  | { kind: 'resource'; resource: Resource };

export function conflictBetween(a: Footprint, b: Footprint): Conflict | undefined {
  for (const receiver of a.receivers) {
    const same = b.receivers.find((other) => samePath(receiver, other));
    if (same) return { kind: 'same-receiver', path: receiver };
  }
  const shared = changedAndTouched(a, b) ?? changedAndTouched(b, a);
  if (shared) return { kind: 'shared-state', path: shared };
  for (const [resource, use] of a.resources) {
    if (resource === 'time') continue;
    const other = b.resources.get(resource);
    if (other && (use === 'write' || other === 'write')) return { kind: 'resource', resource };
  }
  return undefined;
}

/**
 * Why one piece of code cannot run concurrently with itself (the turns of a loop): it changes shared state, calls a
 * method of a shared object (each turn the same receiver), or writes to a resource outside the process.
 */
export function selfConflictOf(
  footprint: Footprint,
  ignore: (path: AccessPath) => boolean = () => false,
): Conflict | undefined {
  const receiver = footprint.receivers.find((path) => !ignore(path));
  if (receiver) return { kind: 'same-receiver', path: receiver };
  const change = footprint.accesses.find((access) => access.change && !ignore(access.path));
  if (change) return { kind: 'shared-state', path: change.path };
  for (const [resource, use] of footprint.resources) {
    if (resource !== 'time' && use === 'write') return { kind: 'resource', resource };
  }
  return undefined;
}

/** The resource outside the process the code writes to (a file, the network, a database, a process), if any. */
export function writtenResource(footprint: Footprint): Resource | undefined {
  for (const [resource, use] of footprint.resources)
    if (resource !== 'time' && use === 'write') return resource;
  return undefined;
}

/** True when the code waits on a timer and reaches nothing else outside the process: a delay on purpose. */
export function isDelay(footprint: Footprint): boolean {
  if (!footprint.resources.has('time')) return false;
  for (const [resource, use] of footprint.resources)
    if (resource !== 'time' && !(resource === 'unknown' && use === 'read')) return false;
  return true;
}

function changedAndTouched(changer: Footprint, other: Footprint): AccessPath | undefined {
  for (const access of changer.accesses) {
    if (!access.change) continue;
    if (other.accesses.some((candidate) => overlaps(access.path, candidate.path)))
      return access.path;
  }
  return undefined;
}

/** Same root, and one path is a prefix of the other: changing `a.b` changes what `a` and `a.b.c` see. */
export function overlaps(a: AccessPath, b: AccessPath): boolean {
  if (a.root !== b.root) return false;
  const length = Math.min(a.properties.length, b.properties.length);
  for (let index = 0; index < length; index++)
    if (a.properties[index] !== b.properties[index]) return false;
  return true;
}

export function samePath(a: AccessPath, b: AccessPath): boolean {
  return a.root === b.root && a.properties.length === b.properties.length && overlaps(a, b);
}

/** `this.cache` as text, for messages. */
export function pathText(path: AccessPath): string {
  const root = path.root === 'this' ? 'this' : path.root.getName();
  return [root, ...path.properties].join('.');
}

function rebase(
  path: AccessPath,
  receiver: AccessPath | 'private' | undefined,
): AccessPath | undefined {
  if (receiver === undefined || receiver === 'private') return undefined;
  return { root: receiver.root, properties: [...receiver.properties, ...path.properties] };
}

function addResource(
  resources: Map<Resource, ResourceUse>,
  resource: Resource,
  use: ResourceUse,
): void {
  if (resources.get(resource) !== 'write') resources.set(resource, use);
}

// --- what a library call does outside the process --------------------------------------------------------------

function resourceOf(
  call: ts.CallExpression | ts.NewExpression,
  callee: ResolvedCallee | undefined,
): [Resource, ResourceUse] | undefined {
  const name = callee?.name ?? writtenCalleeName(call) ?? '';
  if (callee?.origin === 'global') {
    if (name === 'fetch') return ['network', fetchUse(call)];
    if (TIMER_GLOBALS.has(name)) return ['time', 'read'];
    if (NETWORK_WRITE_GLOBALS.has(name)) return ['network', 'write'];
    return undefined;
  }
  // Constructing an object of a package is not taken as an effect; calling its methods is.
  if (ts.isNewExpression(call)) return undefined;
  // `response.json()` with Node's fetch (declared by undici-types): reading the body of a response.
  if (callee?.container !== undefined && FETCH_BODY_CONTAINERS.has(callee.container))
    return ['network', 'read'];
  const module = callee?.origin === 'module' ? callee.module : undefined;
  if (module === undefined) return ['unknown', readsByName(name) ? 'read' : 'write'];
  if (module === 'fs' || module === 'fs/promises')
    return ['file-system', FILE_READS.has(name.replace(/Sync$/, '')) ? 'read' : 'write'];
  if (PROCESS_MODULES.has(module)) return ['process', 'write'];
  if (NETWORK_MODULES.has(module))
    return ['network', name === 'get' || module.startsWith('dns') ? 'read' : 'write'];
  if (TIMER_MODULES.has(module)) return ['time', 'read'];
  if (DATABASE_PACKAGES.has(module)) return ['database', readsByName(name) ? 'read' : 'write'];
  if (HTTP_CLIENT_PACKAGES.has(module))
    return ['network', HTTP_READ_METHODS.has(name) ? 'read' : 'write'];
  if (NODE_MODULES.has(module)) return undefined;
  return ['unknown', readsByName(name) ? 'read' : 'write'];
}

/** `getUser`, `find_all`, `parse`: a name whose first word reads or computes and none of whose words writes. */
export function readsByName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_$]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const [first] = words;
  return (
    first !== undefined && READ_VERBS.has(first) && !words.some((word) => WRITE_WORDS.has(word))
  );
}

/** The callee's name as written, under parentheses and `!`, for judging a call the analysis cannot read by it. */
function writtenCalleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  return writtenName(skipTsWrappers(call.expression, ['parentheses', 'non-null']));
}

/** `fetch(url)` and `fetch(url, { signal })` read; a `method` other than GET or HEAD, or options not written out, may write. */
function fetchUse(call: ts.CallExpression | ts.NewExpression): ResourceUse {
  const [resource, init] = call.arguments ?? [];
  if (
    !resource ||
    !(
      ts.isStringLiteralLike(resource) ||
      ts.isTemplateExpression(resource) ||
      ts.isIdentifier(resource) ||
      ts.isPropertyAccessExpression(resource)
    )
  ) {
    return 'write';
  }
  if (!init) return 'read';
  if (!ts.isObjectLiteralExpression(init)) return 'write';
  for (const property of init.properties) {
    if (ts.isSpreadAssignment(property)) return 'write';
    const key =
      property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
        ? property.name.text
        : undefined;
    if (key !== 'method') continue;
    if (!ts.isPropertyAssignment(property) || !ts.isStringLiteralLike(property.initializer))
      return 'write';
    return /^(get|head)$/i.test(property.initializer.text) ? 'read' : 'write';
  }
  return 'read';
}

// --- syntax -------------------------------------------------------------------------------------------------------

function isTypeOnly(node: ts.Node): boolean {
  return (
    (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeParameterDeclaration(node) ||
    ts.isImportDeclaration(node) ||
    ts.isExportDeclaration(node)
  );
}

/** An identifier that refers to a binding, not one that declares it or names a property or a label. */
function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if (ts.isQualifiedName(parent) && parent.right === identifier) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === identifier) return false;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isModuleDeclaration(parent) ||
      ts.isImportEqualsDeclaration(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isImportClause(parent) ||
      ts.isJsxAttribute(parent)) &&
    parent.name === identifier
  ) {
    return false;
  }
  return !(
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isMetaProperty(parent)
  );
}

function skipOuter(expression: ts.Expression): ts.Expression {
  return skipTsWrappers(expression, ['parentheses', ...TYPE_ASSERTIONS]);
}

/** The outermost member access of the chain that starts at `node` (`a.b.c` for `a`); a computed key ends it. */
function chainTop(node: ts.Expression): ts.Expression {
  let current: ts.Expression = node;
  for (;;) {
    let parent = current.parent;
    let inner: ts.Node = current;
    while (
      ts.isParenthesizedExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isTypeAssertionExpression(parent)
    ) {
      inner = parent;
      parent = parent.parent;
    }
    if (
      (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
      parent.expression === inner
    ) {
      // After a computed key (`a[k]`) the path ends at `a`, but the chain goes on: `a[k] = v` changes `a`.
      current = parent;
      continue;
    }
    return current;
  }
}

type Role = 'change' | 'call' | 'argument' | 'read';

function roleOf(top: ts.Expression): Role {
  let node: ts.Node = top;
  while (
    ts.isParenthesizedExpression(node.parent) ||
    ts.isNonNullExpression(node.parent) ||
    ts.isAsExpression(node.parent) ||
    ts.isSatisfiesExpression(node.parent) ||
    ts.isTypeAssertionExpression(node.parent)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (isAssignmentTarget(node)) return 'change';
  if (
    (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
    (parent.operator === ts.SyntaxKind.PlusPlusToken ||
      parent.operator === ts.SyntaxKind.MinusMinusToken)
  ) {
    return 'change';
  }
  if (ts.isDeleteExpression(parent)) return 'change';
  if (ts.isCallExpression(parent) && parent.expression === node) return 'call';
  if (
    (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
    parent.arguments?.some((argument) => argument === node)
  )
    return 'argument';
  return 'read';
}

/** The target of an assignment: `x = …`, `x += …`, `[x] = …`, `({ x } = …)`, `for (x of …)`. */
function isAssignmentTarget(node: ts.Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (ts.isBinaryExpression(parent)) {
      return (
        parent.left === current &&
        parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      );
    }
    if (
      (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) &&
      parent.initializer === current
    )
      return true;
    if (
      ts.isArrayLiteralExpression(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent) ||
      ts.isParenthesizedExpression(parent)
    ) {
      current = parent;
      continue;
    }
    if (
      ts.isShorthandPropertyAssignment(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === current)
    ) {
      current = parent.parent;
      continue;
    }
    return false;
  }
}
