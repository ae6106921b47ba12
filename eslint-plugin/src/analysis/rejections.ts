// Promises that cannot reject: a promise nobody waits for loses no error when it has none to lose. The analysis
// follows calls into the project's own functions (through the call graph, in any file) and proves "cannot reject"
// only from shapes written in the code, never from a name:
// - `x.catch(h)`, `x.then(f, h)` whose handlers cannot throw, and `x.then(f)` / `x.finally(f)` on a promise that
//   cannot reject, with a handler that cannot throw;
// - `Promise.allSettled(…)`, and `Promise.resolve(v)` of a value that is not a promise (or one that cannot reject);
// - `Promise.all(…)` and `Promise.race(…)` of an array literal whose elements cannot reject, or of an iterable whose
//   element type is not a promise (types are trusted: a `void` result counts as no promise);
// - a `const` whose initializer cannot reject;
// - `new Promise(executor)` whose executor is written inline, is not async, takes no `reject` parameter (or never
//   uses it) and has no `throw` of its own;
// - a call of a project function that is async and whose body is only `try { … } catch { … }` statements whose
//   catch and finally blocks do not throw (no `throw`, no `await` or `return` of a promise that can reject) and whose
//   try blocks return no promise that can reject without awaiting it, optionally followed by a `return` of a
//   constant (`return false`);
// - `c ? a : b` when neither branch can reject (a branch that is not a promise cannot);
// - a call of a project function that is not async and returns, on every path that returns a value, a promise that
//   cannot reject by these rules (`return this.send(m).catch(log)`);
// - a call of a project function that is async and whose body is an expression (`async (…) => await x`) that is a
//   promise that cannot reject, awaited or not;
// - a call of a project function that is async and whose body is only `await x;` statements of promises that cannot
//   reject (and `try` statements as above, and assignments of a constant to a variable or a property of `this`),
//   optionally followed by a `return` of a constant;
// - `a && b`, `a || b`, `a ?? b` when neither operand can reject (an operand that is not a promise cannot);
// - a call of an interface or abstract method whose project implementations (a few at most) all cannot reject;
// - a call answered by `Proxy` traps (`proxy-apis.ts`): `api.Debugger.enable({})` on an `Api` only ever built by
//   `new Proxy(…)`, when every function the traps can hand out at that depth cannot reject.
// A handler "cannot throw" when it is written inline, has no `throw` of its own, and is not async or is async with a
// body that cannot reject; calls inside handlers and executors are assumed not to throw.
// A rule that tracks only real promises (`checkThenables: false`) asks with `untrackedThenables`: then a thenable
// that is not a promise (VS Code's `Thenable`) loses no error the rule was asked about, so it counts as one that
// cannot reject, and so does an async wrapper that only awaits it (`async (k, v) => await commands.executeCommand(…)`).
import ts from 'typescript';

import { skipTsWrappers } from '../util/wrappers';
import { type AnalyzableFunction, type CallGraph, getCallGraph } from './call-graph';
import { isPromiseLikeType, type PromiseTypeContext } from './promise-types';
import { getTrapOf, isProxyConstruction, proxyCallOf } from './proxy-apis';
import { isInlineFunction } from './sync-callbacks';

export interface RejectionOptions {
  /** A thenable that is not a built-in promise counts as one that cannot reject (see the file's comment). */
  untrackedThenables: boolean;
}

const TRACK_ALL: RejectionOptions = { untrackedThenables: false };

/** Answers per program, one table for each `untrackedThenables` value (index 0 for `false`). */
const answers = new WeakMap<
  ts.Program,
  [Map<AnalyzableFunction, boolean>, Map<AnalyzableFunction, boolean>]
>();

/** True when the promise `expression` evaluates to provably cannot reject (see the file's comment). */
export function cannotReject(
  program: ts.Program,
  expression: ts.Node,
  options: RejectionOptions = TRACK_ALL,
): boolean {
  return (
    ts.isExpression(expression) && new RejectionAnalysis(program, options).expression(expression)
  );
}

/** True when `expression` is a call of a project function whose promise provably cannot reject. */
export function isNonRejectingCall(
  program: ts.Program,
  expression: ts.Node,
  options: RejectionOptions = TRACK_ALL,
): boolean {
  if (!ts.isExpression(expression)) return false;
  const inner = skipTsWrappers(expression, ['parentheses', 'non-null', 'as']);
  return ts.isCallExpression(inner) && new RejectionAnalysis(program, options).call(inner);
}

class RejectionAnalysis {
  readonly graph: CallGraph;
  private readonly checker: ts.TypeChecker;
  private readonly cache: Map<AnalyzableFunction, boolean>;
  private readonly promiseContext: PromiseTypeContext | undefined;
  /** The `const` declarations being followed, so that a cycle proves nothing. */
  private readonly following = new Set<ts.VariableDeclaration>();

  constructor(program: ts.Program, options: RejectionOptions) {
    this.graph = getCallGraph(program);
    this.checker = program.getTypeChecker();
    let tables = answers.get(program);
    if (!tables) {
      tables = [new Map(), new Map()];
      answers.set(program, tables);
    }
    this.cache = tables[options.untrackedThenables ? 1 : 0];
    this.promiseContext = options.untrackedThenables
      ? { checker: this.checker, program, checkThenables: false }
      : undefined;
  }

  expression(node: ts.Expression): boolean {
    const expression = skipTsWrappers(node, ['parentheses', 'non-null', 'as']);
    if (!this.isThenable(expression) || this.isUntracked(expression)) return true;
    if (ts.isAwaitExpression(expression)) return true;
    if (ts.isConditionalExpression(expression))
      return this.expression(expression.whenTrue) && this.expression(expression.whenFalse);
    if (ts.isBinaryExpression(expression) && isLogicalOperator(expression.operatorToken.kind))
      return this.expression(expression.left) && this.expression(expression.right);
    if (ts.isIdentifier(expression)) return this.constant(expression);
    if (ts.isNewExpression(expression)) return this.newPromise(expression);
    if (!ts.isCallExpression(expression)) return false;
    const callee = skipTsWrappers(expression.expression, ['parentheses', 'non-null']);
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      const args = expression.arguments;
      if (isPromiseConstructor(callee.expression)) {
        if (name === 'allSettled') return true;
        if (name === 'all' || name === 'race') return this.elementsCannotReject(args[0]);
        if (name === 'resolve') return args[0] === undefined || this.expression(args[0]);
        return false;
      }
      if (name === 'catch' && args.length >= 1) return this.handlerCannotThrow(args[0]);
      if (name === 'then' && args.length >= 2)
        return this.handlerCannotThrow(args[0], true) && this.handlerCannotThrow(args[1]);
      if ((name === 'then' || name === 'finally') && args.length === 1)
        return this.handlerCannotThrow(args[0]) && this.expression(callee.expression);
    }
    return this.call(expression);
  }

  /**
   * A call whose callee's code the analysis can read: a project function, the implementations of an interface
   * method, the `get` traps of a `Proxy`; and `.then(f)` / `.finally(f)` on such a call, with a handler that cannot
   * throw.
   */
  call(expression: ts.CallExpression): boolean {
    const target = this.graph.targetOf(expression);
    if (target) return this.function(target);
    const implementations = this.graph.implementationsOf(expression);
    if (implementations.length > 0) return implementations.every((fn) => this.function(fn));
    const proxied = proxyCallOf(this.graph.program, expression);
    if (proxied) return proxied.proxies.every((proxy) => this.trapResults(proxy, proxied.depth));
    const callee = skipTsWrappers(expression.expression, ['parentheses', 'non-null']);
    if (
      ts.isPropertyAccessExpression(callee) &&
      (callee.name.text === 'then' || callee.name.text === 'finally') &&
      expression.arguments.length === 1
    ) {
      const receiver = skipTsWrappers(callee.expression, ['parentheses', 'non-null', 'as']);
      return (
        ts.isCallExpression(receiver) &&
        this.isThenable(receiver) &&
        this.call(receiver) &&
        this.handlerCannotThrow(expression.arguments[0])
      );
    }
    return false;
  }

  /**
   * What the `get` trap of `proxy` hands out, `depth` traps deep, cannot make a rejecting promise when called: at the
   * last trap every value it returns is no function, or a function whose promise cannot reject; before it, every value
   * is another `new Proxy(…)` (read one trap deeper), a function, `this` of a class, or nothing.
   */
  private trapResults(proxy: ts.NewExpression, depth: number): boolean {
    const trap = getTrapOf(proxy);
    if (!trap?.body) return false;
    const results: Array<ts.Expression | undefined> = ts.isBlock(trap.body)
      ? ownReturns(trap.body).map((statement) => statement.expression)
      : [trap.body];
    return results.every((result) => {
      if (!result) return true;
      const value = skipTsWrappers(result, ['parentheses', 'as', 'satisfies']);
      if (isUndefined(value)) return true;
      if (isProxyConstruction(value)) return depth > 1 && this.trapResults(value, depth - 1);
      if (depth > 1) {
        if (isInlineFunction(value)) return true;
        return value.kind === ts.SyntaxKind.ThisKeyword && this.isClassInstance(value);
      }
      const fn = this.functionValue(value);
      if (fn) return this.function(fn);
      return this.checker.getTypeAtLocation(value).getCallSignatures().length === 0;
    });
  }

  /** The function `value` is, when it is written inline or names a function declaration or a `const` function. */
  private functionValue(value: ts.Expression): AnalyzableFunction | undefined {
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    if (!ts.isIdentifier(value)) return undefined;
    const declaration = this.checker.getSymbolAtLocation(value)?.valueDeclaration;
    if (!declaration) return undefined;
    if (ts.isFunctionDeclaration(declaration)) return declaration;
    if (
      ts.isVariableDeclaration(declaration) &&
      declaration.initializer &&
      ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
    ) {
      const initializer = skipTsWrappers(declaration.initializer, ['parentheses']);
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))
        return initializer;
    }
    return undefined;
  }

  private isClassInstance(expression: ts.Expression): boolean {
    const declarations = this.checker.getTypeAtLocation(expression).getSymbol()?.declarations ?? [];
    return declarations.length > 0 && declarations.every(ts.isClassLike);
  }

  function(fn: AnalyzableFunction): boolean {
    const known = this.cache.get(fn);
    if (known !== undefined) return known;
    // Recursion proves nothing: while a function is being decided, a call back into it counts as "can reject".
    this.cache.set(fn, false);
    const answer = this.decide(fn);
    this.cache.set(fn, answer);
    return answer;
  }

  private decide(fn: AnalyzableFunction): boolean {
    if (!fn.body || ('asteriskToken' in fn && fn.asteriskToken)) return false;
    if (isAsync(fn)) return this.asyncFunctionCannotReject(fn.body);
    if (!ts.isBlock(fn.body)) return this.expression(fn.body);
    const returns = ownReturns(fn.body);
    return (
      returns.length > 0 &&
      returns.every((statement) => !statement.expression || this.expression(statement.expression))
    );
  }

  /** The body of an async function (see the file's comment). */
  private asyncFunctionCannotReject(body: ts.ConciseBody): boolean {
    if (ts.isBlock(body)) return this.asyncBodyCannotReject(body);
    // `async (…) => await x` and `async (…) => x` settle as `x` does: it must be a promise that cannot reject.
    const value = skipTsWrappers(body, ['parentheses']);
    const promise = ts.isAwaitExpression(value) ? value.expression : value;
    return this.isThenable(promise) && this.expression(promise);
  }

  /**
   * Every statement is `try … catch` that cannot rethrow, `await x;` of a promise that cannot reject, an assignment of
   * a constant (`this.waiting = false;`), or a `return` of a constant (see the file's comment), and at least one is a
   * `try` or an `await`.
   */
  private asyncBodyCannotReject(body: ts.Block): boolean {
    return (
      body.statements.some(
        (statement) => ts.isTryStatement(statement) || isAwaitStatement(statement),
      ) && body.statements.every((statement) => this.asyncStatementCannotReject(statement))
    );
  }

  private asyncStatementCannotReject(statement: ts.Statement): boolean {
    if (isAwaitStatement(statement)) return this.expression(statement.expression.expression);
    if (isConstantAssignment(statement)) return true;
    if (ts.isReturnStatement(statement))
      return !statement.expression || isConstant(statement.expression);
    return (
      ts.isTryStatement(statement) &&
      statement.catchClause !== undefined &&
      ownReturns(statement.tryBlock).every(
        (ret) => !ret.expression || this.awaitedOrCannotReject(ret.expression),
      ) &&
      this.blockCannotThrow(statement.catchClause.block) &&
      (!statement.finallyBlock || this.blockCannotThrow(statement.finallyBlock))
    );
  }

  /** No `throw` of its own, and every `await` and `return` in it is of a promise that cannot reject. */
  private blockCannotThrow(block: ts.Block): boolean {
    let ok = true;
    forEachOwnNode(block, (node) => {
      if (!ok) return;
      if (ts.isThrowStatement(node)) ok = false;
      else if (ts.isAwaitExpression(node)) ok = this.expression(node.expression);
      else if (ts.isReturnStatement(node) && node.expression)
        ok = this.awaitedOrCannotReject(node.expression);
    });
    return ok;
  }

  /** In an async function, `return x` adopts `x`'s rejection; `return await x` is already in the block's awaits. */
  private awaitedOrCannotReject(expression: ts.Expression): boolean {
    const inner = skipTsWrappers(expression, ['parentheses']);
    return ts.isAwaitExpression(inner) || this.expression(inner);
  }

  /** A `const` holding the promise: the promise of its initializer. */
  private constant(name: ts.Identifier): boolean {
    const declaration = this.checker.getSymbolAtLocation(name)?.valueDeclaration;
    if (
      !declaration ||
      !ts.isVariableDeclaration(declaration) ||
      !declaration.initializer ||
      !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) ||
      this.following.has(declaration)
    )
      return false;
    this.following.add(declaration);
    try {
      return this.expression(declaration.initializer);
    } finally {
      this.following.delete(declaration);
    }
  }

  /**
   * The elements given to `Promise.all` or `Promise.race`: written out, each cannot reject; otherwise their type is not
   * a promise (`Promise.all(items.map((item) => item.dispose()))` with a `dispose(): void`).
   */
  private elementsCannotReject(argument: ts.Expression | undefined): boolean {
    if (!argument) return false;
    const inner = skipTsWrappers(argument, ['parentheses', 'as', 'satisfies']);
    if (ts.isArrayLiteralExpression(inner))
      return inner.elements.every((element) =>
        ts.isSpreadElement(element)
          ? this.elementTypeIsNotThenable(element.expression)
          : this.expression(element),
      );
    return this.elementTypeIsNotThenable(inner);
  }

  private elementTypeIsNotThenable(iterable: ts.Expression): boolean {
    const type = this.checker.getApparentType(this.checker.getTypeAtLocation(iterable));
    const element = this.checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    return (
      element !== undefined &&
      !(element.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) &&
      !isThenableType(element)
    );
  }

  /** `new Promise(executor)` with no reject path (see the file's comment). */
  private newPromise(expression: ts.NewExpression): boolean {
    if (!isPromiseConstructor(expression.expression)) return false;
    const executor = expression.arguments?.[0];
    if (!executor || !isInlineFunction(executor) || isAsync(executor)) return false;
    const reject = executor.parameters[1];
    if (reject && (!ts.isIdentifier(reject.name) || this.isUsed(reject.name, executor)))
      return false;
    if (!ts.isBlock(executor.body)) return true;
    let throws = false;
    forEachOwnNode(executor.body, (node) => {
      if (ts.isThrowStatement(node)) throws = true;
    });
    return !throws;
  }

  /** A rejection handler (or, with `fulfilment`, a fulfilment handler) that cannot throw. */
  private handlerCannotThrow(handler: ts.Expression | undefined, fulfilment = false): boolean {
    if (!handler) return true;
    const fn = skipTsWrappers(handler, ['parentheses']);
    if (fulfilment && isUndefined(fn)) return true;
    if (!isInlineFunction(fn)) return false;
    if (isAsync(fn)) return this.asyncFunctionCannotReject(fn.body);
    if (!ts.isBlock(fn.body)) return this.expression(fn.body);
    return this.blockCannotThrow(fn.body);
  }

  private isThenable(expression: ts.Expression): boolean {
    return isThenableType(this.checker.getTypeAtLocation(expression));
  }

  /** A thenable that is no built-in promise, when the asking rule tracks only those. */
  private isUntracked(expression: ts.Expression): boolean {
    return (
      this.promiseContext !== undefined &&
      !isPromiseLikeType(
        this.promiseContext,
        expression,
        this.checker.getTypeAtLocation(expression),
      )
    );
  }

  private isUsed(name: ts.Identifier, scope: ts.Node): boolean {
    const symbol = this.checker.getSymbolAtLocation(name);
    let used = false;
    const visit = (node: ts.Node): void => {
      if (used) return;
      if (ts.isIdentifier(node) && node !== name && node.text === name.text) {
        used = this.checker.getSymbolAtLocation(node) === symbol;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(scope, visit);
    return used;
  }
}

/** A promise-like type, or a union with one in it (`false | Promise<void>` from `ready && save()`). */
function isThenableType(type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).some((part) =>
    part
      .getNonNullableType()
      .getProperties()
      .some((property) => property.name === 'then'),
  );
}

function isLogicalOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.AmpersandAmpersandToken ||
    kind === ts.SyntaxKind.BarBarToken ||
    kind === ts.SyntaxKind.QuestionQuestionToken
  );
}

/** `name = constant;` or `this.name = constant;`: nothing in it can throw but a setter. */
function isConstantAssignment(statement: ts.Statement): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const expression = skipTsWrappers(statement.expression, ['parentheses']);
  return (
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    (ts.isIdentifier(expression.left) ||
      (ts.isPropertyAccessExpression(expression.left) &&
        expression.left.expression.kind === ts.SyntaxKind.ThisKeyword)) &&
    isConstant(expression.right)
  );
}

function isAwaitStatement(
  statement: ts.Statement,
): statement is ts.ExpressionStatement & { expression: ts.AwaitExpression } {
  return ts.isExpressionStatement(statement) && ts.isAwaitExpression(statement.expression);
}

function isAsync(fn: ts.Node): boolean {
  return (
    (ts.canHaveModifiers(fn) &&
      ts.getModifiers(fn)?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword)) ??
    false
  );
}

function isPromiseConstructor(expression: ts.Expression): boolean {
  return ts.isIdentifier(expression) && expression.text === 'Promise';
}

/** A literal that evaluating cannot throw: `true`, `0`, `'done'`, `null`, `undefined`, a template without `${}`. */
function isConstant(expression: ts.Expression): boolean {
  const inner = skipTsWrappers(expression, ['parentheses', 'as', 'satisfies']);
  return (
    inner.kind === ts.SyntaxKind.TrueKeyword ||
    inner.kind === ts.SyntaxKind.FalseKeyword ||
    ts.isNumericLiteral(inner) ||
    ts.isStringLiteral(inner) ||
    ts.isNoSubstitutionTemplateLiteral(inner) ||
    isUndefined(inner)
  );
}

function isUndefined(expression: ts.Expression): boolean {
  return (
    (ts.isIdentifier(expression) && expression.text === 'undefined') ||
    expression.kind === ts.SyntaxKind.NullKeyword
  );
}

/** The `return` statements of a function body, not of the functions written inside it. */
function ownReturns(body: ts.Block): ts.ReturnStatement[] {
  const returns: ts.ReturnStatement[] = [];
  forEachOwnNode(body, (node) => {
    if (ts.isReturnStatement(node)) returns.push(node);
  });
  return returns;
}

/** Visits `root` and its descendants, except those inside functions and classes written in it. */
function forEachOwnNode(root: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node);
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(root, walk);
}
