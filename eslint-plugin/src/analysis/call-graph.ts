// What a function does when it runs, as far as the type checker can tell: the calls it makes (resolved to their
// declarations) and the loops it runs, and searches that follow those calls through the project's own functions,
// in the same file or others, never into `node_modules`, with a depth limit and safe on recursion. Everything is
// computed once per TypeScript program and kept until the program goes: a linter run builds one program, and the
// language server gets a new one whenever code changes, so answers never outlive the code they describe.
import ts from 'typescript';

import { isLibraryOrPackageFile } from '../util/declaration-origins';
import { skipTsWrappers } from '../util/wrappers';
import {
  CALLEE_WRAPPERS,
  resolveCalleeNode,
  type ResolvedCallee,
  writtenName,
} from './resolve-callee';
import { implementationsOf } from './implementations';
import { isInlineFunction, runsDuringEnclosingCall } from './sync-callbacks';

/** A function whose body the analysis can read. */
export type AnalyzableFunction =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

/**
 * When a site's code runs relative to its function: `body` during the function's own run; `sync-callback` in a
 * callback that runs before the expression around it finishes (`xs.map(p => …)`), so still during the run;
 * `deferred` in any other nested function (a `setTimeout` callback, an async callback, a function declared inside),
 * which may run later or never.
 */
export type SiteContext = 'body' | 'sync-callback' | 'deferred';

export interface CallSite {
  kind: 'call';
  node: ts.CallExpression | ts.NewExpression;
  context: SiteContext;
  /** What the callee resolves to, or `undefined` when the checker cannot tell (an `any` value). */
  callee: ResolvedCallee | undefined;
  /**
   * The project function the call runs, when the analysis can read its body. `undefined` for library and Node
   * functions, functions declared without a body (`.d.ts` files, interfaces, overload lists), and anything in
   * `node_modules`: an analysis that asks what a call can do must treat those as unknown.
   */
  target: AnalyzableFunction | undefined;
  /**
   * Without a `target`, for a call of an interface or abstract method: the project's implementations of it
   * (`implementations.ts`), each of which the call can run; searches follow every one.
   */
  implementations: readonly AnalyzableFunction[];
}

export interface LoopSite {
  kind: 'loop';
  node: ts.WhileStatement | ts.DoStatement | ts.ForStatement;
  context: SiteContext;
}

export type Site = CallSite | LoopSite;

export interface FunctionSummary {
  /** The function read; for `searchExpression`, the expression searched, whose sites stand for a function's. */
  fn: AnalyzableFunction | ts.Expression;
  /** `async function`, async arrow, async method (async generators included). */
  isAsync: boolean;
  /** A generator's body runs when its iterator is consumed, not when it is called. */
  isGenerator: boolean;
  /** Calls and loops in source order, each with the context it runs in. */
  sites: readonly Site[];
}

export interface ReachQuery<T> {
  /** Identifies the question and every option it depends on: answers are cached per program under this key. */
  key: string;
  /** Sites in these contexts count; a question about the synchronous run leaves out `deferred`. */
  contexts: readonly SiteContext[];
  /** How many functions deep to look, counting the one searched: 1 reads only its own body. */
  maxDepth: number;
  /** What a site is, when it is what the question looks for; a matched call is not followed further. */
  match(site: Site, summary: FunctionSummary): T | undefined;
  /** Whether to look into the function a call runs (say, only into sync functions). */
  follow(target: FunctionSummary, site: CallSite): boolean;
  /**
   * What a call counts as when the depth limit keeps the search from entering its target. Without it, such calls
   * are left out; a question that must prove something about everything reachable treats them as unknown.
   */
  beyondDepth?(site: CallSite): T | undefined;
}

export interface Reach<T> {
  finding: T;
  /** Where the finding is. */
  site: Site;
  /** The calls from the searched function down to the function that holds `site`; empty when it holds it itself. */
  path: readonly CallSite[];
}

export interface CallGraph {
  readonly program: ts.Program;
  /** The calls and loops of one function (cached). */
  summarize(fn: AnalyzableFunction): FunctionSummary;
  /** The project function `call` runs, as a call site's `target` says (cached). */
  targetOf(call: ts.CallExpression | ts.NewExpression): AnalyzableFunction | undefined;
  /** Without a `targetOf`, the project's implementations of the interface or abstract method called (a few at most). */
  implementationsOf(call: ts.CallExpression | ts.NewExpression): readonly AnalyzableFunction[];
  /**
   * Everything `query` matches in `fn` and in the project functions it calls, breadth first, so each finding
   * comes with its shortest path and nearer findings come first. Each function is read at most once per search,
   * so recursion ends. Cached per function and `query.key`.
   */
  search<T>(fn: AnalyzableFunction, query: ReachQuery<T>): readonly Reach<T>[];
  /**
   * `search` from an expression instead of a function: what evaluating `expression` can reach (`fetch(url)` pushed
   * into an array, `limit(() => save(x))`). Its own calls count as `body`, functions written inside it as usual.
   */
  searchExpression<T>(expression: ts.Expression, query: ReachQuery<T>): readonly Reach<T>[];
}

const graphs = new WeakMap<ts.Program, CallGraph>();

/** The call graph of `program`, shared by every rule and every file linted against that program. */
export function getCallGraph(program: ts.Program): CallGraph {
  let graph = graphs.get(program);
  if (!graph) {
    graph = createCallGraph(program);
    graphs.set(program, graph);
  }
  return graph;
}

export function isAnalyzableFunction(node: ts.Node): node is AnalyzableFunction {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The function `node` is written in, if any. */
export function enclosingAnalyzableFunction(node: ts.Node): AnalyzableFunction | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (isAnalyzableFunction(current)) return current;
  return undefined;
}

/** The name a call site uses for its callee (`loadConfig`, `read` in `this.read()`), for messages. */
export function calleeDisplayName(site: CallSite): string {
  const expression = skipTsWrappers(site.node.expression, CALLEE_WRAPPERS);
  return writtenName(expression) ?? site.callee?.name ?? expression.getText();
}

/** What a call resolves to, computed once per call node and shared by every summary that holds the call. */
interface ResolvedCall {
  callee: ResolvedCallee | undefined;
  target: AnalyzableFunction | undefined;
  implementations: readonly AnalyzableFunction[];
}

interface SiteReader {
  program: ts.Program;
  resolve(call: ts.CallExpression | ts.NewExpression): ResolvedCall;
}

function createCallGraph(program: ts.Program): CallGraph {
  const summaries = new Map<AnalyzableFunction, FunctionSummary>();
  // A call inside a nested function belongs to the outer function's summary and to the nested one's, and a
  // searched expression's calls to their function's too: each is resolved once.
  const resolvedCalls = new Map<ts.Node, ResolvedCall>();
  const reader: SiteReader = {
    program,
    resolve(call) {
      let resolved = resolvedCalls.get(call);
      if (!resolved) {
        const callee = resolveCalleeNode(program, call);
        const target = readableTarget(program, call, callee);
        const implementations = target ? [] : implementationsOf(program, callee);
        resolved = { callee, target, implementations };
        resolvedCalls.set(call, resolved);
      }
      return resolved;
    },
  };
  const answers = new Map<string, Map<ts.Node, readonly Reach<unknown>[]>>();

  function summarize(fn: AnalyzableFunction): FunctionSummary {
    let summary = summaries.get(fn);
    if (!summary) {
      summary = readFunction(reader, fn);
      summaries.set(fn, summary);
    }
    return summary;
  }

  function search<T>(root: AnalyzableFunction, query: ReachQuery<T>): readonly Reach<T>[] {
    return cachedSearch(root, query, () => breadthFirst(query, summarize(root), new Set([root])));
  }

  function searchExpression<T>(
    expression: ts.Expression,
    query: ReachQuery<T>,
  ): readonly Reach<T>[] {
    return cachedSearch(expression, query, () => {
      const sites: Site[] = [];
      collectSites(reader, expression, 'body', sites);
      return breadthFirst(
        query,
        { fn: expression, isAsync: false, isGenerator: false, sites },
        new Set(),
      );
    });
  }

  function cachedSearch<T>(
    root: ts.Node,
    query: ReachQuery<T>,
    compute: () => Reach<T>[],
  ): readonly Reach<T>[] {
    let byRoot = answers.get(query.key);
    if (!byRoot) {
      byRoot = new Map();
      answers.set(query.key, byRoot);
    }
    const cached = byRoot.get(root);
    if (cached) return cached as readonly Reach<T>[];
    const reaches = compute();
    byRoot.set(root, reaches);
    return reaches;
  }

  function breadthFirst<T>(
    query: ReachQuery<T>,
    first: FunctionSummary,
    visited: Set<AnalyzableFunction>,
  ): Reach<T>[] {
    const reaches: Reach<T>[] = [];
    const queue: Array<{ summary: FunctionSummary; path: readonly CallSite[] }> = [
      { summary: first, path: [] },
    ];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { summary, path } = next;
      for (const site of summary.sites) {
        if (!query.contexts.includes(site.context)) continue;
        const finding = query.match(site, summary);
        if (finding !== undefined) {
          reaches.push({ finding, site, path });
          continue;
        }
        if (site.kind !== 'call') continue;
        const targets = (site.target ? [site.target] : site.implementations).filter(
          (fn) => !visited.has(fn),
        );
        if (targets.length === 0) continue;
        if (path.length + 2 > query.maxDepth) {
          const beyond = query.beyondDepth?.(site);
          if (beyond !== undefined) reaches.push({ finding: beyond, site, path });
          continue;
        }
        for (const fn of targets) {
          const target = summarize(fn);
          if (!query.follow(target, site)) continue;
          visited.add(fn);
          queue.push({ summary: target, path: [...path, site] });
        }
      }
    }
    return reaches;
  }

  const targetOf = (call: ts.CallExpression | ts.NewExpression) => reader.resolve(call).target;
  const implementationsOfCall = (call: ts.CallExpression | ts.NewExpression) =>
    reader.resolve(call).implementations;

  return {
    program,
    summarize,
    targetOf,
    implementationsOf: implementationsOfCall,
    search,
    searchExpression,
  };
}

function readFunction(reader: SiteReader, fn: AnalyzableFunction): FunctionSummary {
  const sites: Site[] = [];
  // Parameter defaults run when the function is called, before its body; decorators and types never do.
  for (const parameter of fn.parameters) {
    if (parameter.initializer) collectSites(reader, parameter.initializer, 'body', sites);
  }
  if (fn.body) collectSites(reader, fn.body, 'body', sites);
  const modifiers = ts.canHaveModifiers(fn) ? ts.getModifiers(fn) : undefined;
  return {
    fn,
    isAsync: modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) ?? false,
    isGenerator: 'asteriskToken' in fn && fn.asteriskToken !== undefined,
    sites,
  };
}

/** Appends the calls and loops of `root` and everything in it to `sites`, in source order. */
function collectSites(
  reader: SiteReader,
  root: ts.Node,
  rootContext: SiteContext,
  sites: Site[],
): void {
  const { program } = reader;
  const visit = (node: ts.Node, context: SiteContext): void => {
    if (isAnalyzableFunction(node) || ts.isClassLike(node)) {
      ts.forEachChild(node, (child) => visit(child, nestedContext(program, node, context)));
      return;
    }
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && isOrdinaryCall(node)) {
      sites.push(new LazyCallSite(reader, node, context));
    } else if (ts.isWhileStatement(node) || ts.isDoStatement(node) || ts.isForStatement(node)) {
      sites.push({ kind: 'loop', node, context });
    }
    ts.forEachChild(node, (child) => visit(child, context));
  };
  visit(root, rootContext);
}

/**
 * A call site whose callee is resolved when first asked for. Resolving asks the type checker, which is most of what a
 * summary costs, and many sites are never asked about: a question about the synchronous run of a function skips
 * its `deferred` sites.
 */
class LazyCallSite implements CallSite {
  readonly kind = 'call';
  private resolved: ResolvedCall | undefined;

  constructor(
    private readonly reader: SiteReader,
    readonly node: ts.CallExpression | ts.NewExpression,
    readonly context: SiteContext,
  ) {}

  get callee(): ResolvedCallee | undefined {
    return (this.resolved ??= this.reader.resolve(this.node)).callee;
  }

  get target(): AnalyzableFunction | undefined {
    return (this.resolved ??= this.reader.resolve(this.node)).target;
  }

  get implementations(): readonly AnalyzableFunction[] {
    return (this.resolved ??= this.reader.resolve(this.node)).implementations;
  }
}

/** The context of code inside `nested`, a function or class written inside a function whose code runs in `outer`. */
function nestedContext(
  program: ts.Program,
  nested: AnalyzableFunction | ts.ClassLikeDeclaration,
  outer: SiteContext,
): SiteContext {
  if (outer === 'deferred' || !isInlineFunction(nested)) return 'deferred';
  const isAsync =
    ts.getModifiers(nested)?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) ??
    false;
  if (isAsync || nested.asteriskToken) return 'deferred';
  return runsDuringEnclosingCall(program, nested) ? 'sync-callback' : 'deferred';
}

/** `super(…)` and `import(…)` are calls in the syntax tree but run no function of their own. */
function isOrdinaryCall(node: ts.CallExpression | ts.NewExpression): boolean {
  return (
    node.expression.kind !== ts.SyntaxKind.SuperKeyword &&
    node.expression.kind !== ts.SyntaxKind.ImportKeyword
  );
}

function readableTarget(
  program: ts.Program,
  call: ts.CallExpression | ts.NewExpression,
  callee: ResolvedCallee | undefined,
): AnalyzableFunction | undefined {
  // A function called where it is written is read as part of the caller (a `sync-callback` context).
  if (isInlineFunction(skipTsWrappers(call.expression, ['parentheses']))) return undefined;
  return readableFunctionOf(program, callee, ts.isNewExpression(call));
}

/**
 * The project function with a body that `callee` denotes, or `undefined` when the analysis cannot read one. For
 * a callee of `new` (`asConstructor`), the class's constructor. Also answers for a function passed by reference
 * (`xs.map(fetchUrl)`), given `resolveFunctionNode`'s answer for `fetchUrl`.
 */
export function readableFunctionOf(
  program: ts.Program,
  callee: ResolvedCallee | undefined,
  asConstructor = false,
): AnalyzableFunction | undefined {
  if (!callee || callee.origin !== 'project') return undefined;
  for (const declaration of callee.declarations) {
    const body = functionWithBody(declaration, asConstructor);
    if (body && isProjectSource(program, body.getSourceFile())) return body;
  }
  return undefined;
}

function functionWithBody(
  declaration: ts.Declaration,
  asConstructor: boolean,
): AnalyzableFunction | undefined {
  if (isAnalyzableFunction(declaration)) return declaration.body ? declaration : undefined;
  if (ts.isClassLike(declaration) && asConstructor) {
    return declaration.members.find(
      (member): member is ts.ConstructorDeclaration =>
        ts.isConstructorDeclaration(member) && member.body !== undefined,
    );
  }
  if (
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer &&
    isInlineFunction(declaration.initializer)
  ) {
    return declaration.initializer;
  }
  return undefined;
}

function isProjectSource(program: ts.Program, sourceFile: ts.SourceFile): boolean {
  return !sourceFile.isDeclarationFile && !isLibraryOrPackageFile(program, sourceFile);
}
