// Where a collection (or a count) comes from, as evidence of how large it can grow: data read from outside the process
// (query and API results, response and request bodies, parsed input, directory listings and globs, streams) and the
// arrays callers pass to a public function are unbounded; literals, configuration, enums and registries (handlers,
// plugins, the configured connections) are bounded; anything else (class state, values built elsewhere) says nothing.
// Read from TypeScript's own syntax tree and checker, following variables to their values and, a few calls deep,
// project functions to what they return. `collection-size.ts` answers the other question: does the code fix a size.
import ts from 'typescript';

import { skipTsWrappers } from '../util/wrappers';
import { isExportedName } from './exports';
import { getCallGraph, type ReachQuery, readableFunctionOf } from './call-graph';
import {
  DATABASE_PACKAGES,
  FILE_SYSTEM_MODULES,
  HTTP_CLIENT_PACKAGES,
  NETWORK_MODULES,
  NODE_MODULES,
  PROCESS_MODULES,
} from './module-catalog';
import { isPromiseLikeType, type PromiseTypeContext } from './promise-types';
import { resolveCalleeNode, type ResolvedCallee } from './resolve-callee';

export type Origin =
  /**
   * Can grow with the input: `description` says from what (`a directory listing (\`readdir\`)`); `caller` when the
   * evidence is only that a caller passes it (a parameter of a public function), which a name can outweigh.
   */
  | { kind: 'unbounded'; description: string; caller?: boolean }
  /** Small by nature: `description` says why (`configuration`, `an enum`). */
  | { kind: 'bounded'; description: string }
  | { kind: 'unknown' };

const UNKNOWN: Origin = { kind: 'unknown' };
const MAX_STEPS = 16;
/** How many project functions deep to follow a call to what it returns. */
const MAX_CALL_DEPTH = 3;

/** Packages whose functions list files by pattern. */
const GLOB_PACKAGES: ReadonlySet<string> = new Set([
  'glob',
  'glob-stream',
  'fast-glob',
  'globby',
  'tinyglobby',
  'fdir',
  'readdirp',
]);
/** `node:fs` functions that list a directory. */
const DIRECTORY_LISTINGS: ReadonlySet<string> = new Set([
  'readdir',
  'readdirSync',
  'opendir',
  'opendirSync',
  'glob',
  'globSync',
]);
/** Names of configuration: a handful of entries someone wrote. */
const CONFIGURATION_NAME = /^(config|configuration|configs|options|opts|settings|env|argv)$/i;
const CONFIGURATION_TYPE = /(Options|Config|Configuration|Settings)$/;
/** Names of registries: what a program registers at start-up, a handful by nature. */
const REGISTRY_NAME =
  /(handlers|listeners|subscribers|plugins|providers|participants|sinks|hooks|middlewares?|extensions|launchers|replicas|connections|drivers|folders|dataSources)$/i;
const ELEMENT_CALLBACK_METHODS = new Set([
  'map',
  'flatMap',
  'forEach',
  'filter',
  'some',
  'every',
  'find',
]);
/** Properties of a request that hold what its sender wrote. */
const REQUEST_INPUT = new Set(['body', 'query', 'files']);
const REQUEST_NAME = /^(req|request|ctx|context|event)$/i;

/** The origins of one program's collections. */
export class CollectionOrigins {
  private readonly checker: ts.TypeChecker;
  private readonly typeContext: PromiseTypeContext;

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
    this.typeContext = { checker: this.checker, program, checkThenables: true };
  }

  /** Where the collection (or number) `expression` comes from. */
  of(expression: ts.Expression): Origin {
    return this.origin(expression, NEW_WALK());
  }

  /**
   * How often an awaited call runs the callbacks it is given: once per file found when it lists a directory or
   * globs (itself, or through the project functions it calls), else unknown.
   */
  ofCallbacks(call: ts.CallExpression): Origin {
    const callee = resolveCalleeNode(this.program, call);
    const direct = callee?.origin === 'module' ? listingOf(callee) : undefined;
    if (direct) return { kind: 'unbounded', description: direct };
    const target = readableFunctionOf(this.program, callee);
    if (!target) return UNKNOWN;
    const [reach] = getCallGraph(this.program).search(target, LISTING_QUERY);
    return reach ? { kind: 'unbounded', description: reach.finding } : UNKNOWN;
  }

  private origin(node: ts.Expression, walk: Walk): Origin {
    if (walk.steps > MAX_STEPS) return UNKNOWN;
    const next: Walk = { ...walk, steps: walk.steps + 1 };
    const expression = skipTsWrappers(node, ['parentheses', 'as', 'non-null', 'satisfies']);
    if (this.isAsyncIterable(expression)) return { kind: 'unbounded', description: 'a stream' };
    if (ts.isAwaitExpression(expression)) return this.origin(expression.expression, next);
    if (ts.isArrayLiteralExpression(expression)) {
      const spreads = expression.elements.filter(ts.isSpreadElement);
      if (spreads.length === 0) return { kind: 'bounded', description: 'written out' };
      return combineOrigins(spreads.map((spread) => this.origin(spread.expression, next)));
    }
    if (ts.isConditionalExpression(expression))
      return combineOrigins([
        this.origin(expression.whenTrue, next),
        this.origin(expression.whenFalse, next),
      ]);
    if (ts.isBinaryExpression(expression)) return this.binaryOrigin(expression, next);
    if (ts.isIdentifier(expression)) return this.identifierOrigin(expression, next);
    if (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression))
      return this.memberOrigin(expression, next);
    if (ts.isCallExpression(expression) || ts.isNewExpression(expression))
      return this.callOrigin(expression, next);
    if (ts.isNumericLiteral(expression)) return { kind: 'bounded', description: 'a constant' };
    if (ts.isObjectLiteralExpression(expression)) {
      // An array-like, `{ length: n }`: as large as its length.
      const length = expression.properties.find(
        (property): property is ts.PropertyAssignment =>
          ts.isPropertyAssignment(property) && property.name.getText() === 'length',
      );
      return length ? this.origin(length.initializer, next) : UNKNOWN;
    }
    return UNKNOWN;
  }

  private binaryOrigin(expression: ts.BinaryExpression, walk: Walk): Origin {
    switch (expression.operatorToken.kind) {
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.AsteriskToken:
        return combineOrigins([
          this.origin(expression.left, walk),
          this.origin(expression.right, walk),
        ]);
      // `queue.length > 0`, `i < n`: a loop test runs as long as its collection or count says.
      case ts.SyntaxKind.GreaterThanToken:
      case ts.SyntaxKind.GreaterThanEqualsToken:
      case ts.SyntaxKind.LessThanToken:
      case ts.SyntaxKind.LessThanEqualsToken:
      case ts.SyntaxKind.ExclamationEqualsEqualsToken:
        return combineOrigins([
          this.origin(expression.left, walk),
          this.origin(expression.right, walk),
        ]);
      case ts.SyntaxKind.AmpersandAmpersandToken:
        return this.origin(expression.right, walk);
      default:
        return UNKNOWN;
    }
  }

  private identifierOrigin(identifier: ts.Identifier, walk: Walk): Origin {
    let symbol = this.checker.getSymbolAtLocation(identifier);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias)
      symbol = this.checker.getAliasedSymbol(symbol);
    if (!symbol) return UNKNOWN;
    if (symbol.flags & ts.SymbolFlags.Enum) return { kind: 'bounded', description: 'an enum' };
    const declaration = symbol.valueDeclaration;
    if (!declaration || walk.seen.has(declaration)) return UNKNOWN;
    walk.seen.add(declaration);
    const found = this.declarationOrigin(declaration, identifier.text, walk);
    // A value read from outside the process is large whatever its name; a caller's array named like configuration
    // or a registry is taken at its word.
    if ((found.kind === 'unbounded' && found.caller) || found.kind === 'unknown')
      return boundedByName(identifier.text, this.checker.getTypeAtLocation(identifier)) ?? found;
    return found;
  }

  private declarationOrigin(declaration: ts.Declaration, name: string, walk: Walk): Origin {
    if (ts.isParameter(declaration)) {
      if (!ts.isIdentifier(declaration.name)) return UNKNOWN;
      // Inside a function followed from a call, a parameter is what that call passes.
      const argument = walk.arguments.get(declaration);
      if (argument) return this.origin(argument, walk);
      if (walk.calls > 0) return UNKNOWN;
      const owner = declaration.parent;
      const publicName = publicFunctionName(this.checker, owner);
      if (publicName) {
        return {
          kind: 'unbounded',
          description: `a parameter of the ${publicName}, filled by its callers`,
          caller: true,
        };
      }
      // `xs.map((x) => …)`: an element of `xs`, a part of what `xs` comes from when that is input.
      const elements = elementsOfCallback(owner, declaration);
      if (!elements) return UNKNOWN;
      const collection = this.origin(elements, walk);
      return collection.kind === 'unbounded' ? collection : UNKNOWN;
    }
    if (ts.isBindingElement(declaration)) {
      // `const { items } = await load()`: a part of what the whole comes from.
      let root: ts.Node = declaration;
      while (
        ts.isBindingElement(root) ||
        ts.isObjectBindingPattern(root) ||
        ts.isArrayBindingPattern(root)
      )
        root = root.parent;
      if (ts.isVariableDeclaration(root) && root.initializer)
        return this.origin(root.initializer, walk);
      if (ts.isParameter(root)) return this.declarationOrigin(root, name, walk);
      return UNKNOWN;
    }
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name))
      return UNKNOWN;
    const list = declaration.parent;
    if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent)) {
      // An element of a collection: a part of what the collection comes from, when that is input.
      const collection = this.origin(list.parent.expression, walk);
      return collection.kind === 'unbounded' ? collection : UNKNOWN;
    }
    const values: Origin[] = [];
    if (declaration.initializer) values.push(this.origin(declaration.initializer, walk));
    const scope = scopeOf(declaration);
    if (scope) values.push(...this.laterValues(declaration, scope, walk));
    return values.length > 0 ? combineOrigins(values) : UNKNOWN;
  }

  /**
   * What a variable is given after its declaration: assigned values, and elements pushed in loops (an array filled
   * in a loop over `xs` is as large as `xs`).
   */
  private laterValues(declaration: ts.VariableDeclaration, scope: ts.Node, walk: Walk): Origin[] {
    const symbol = this.checker.getSymbolAtLocation(declaration.name);
    if (!symbol) return [];
    const values: Origin[] = [];
    const isVariable = (node: ts.Node): boolean =>
      ts.isIdentifier(node) && this.checker.getSymbolAtLocation(node) === symbol;
    const visit = (node: ts.Node): void => {
      if (values.length > 8) return;
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        isVariable(skipTsWrappers(node.left, ['parentheses']))
      ) {
        values.push(this.origin(node.right, walk));
      } else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ['push', 'unshift'].includes(node.expression.name.text) &&
        isVariable(skipTsWrappers(node.expression.expression, ['parentheses', 'non-null']))
      ) {
        const loop = this.enclosingLoopCollection(node, scope);
        if (loop) values.push(this.origin(loop, walk));
        for (const argument of node.arguments)
          if (ts.isSpreadElement(argument)) values.push(this.origin(argument.expression, walk));
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(scope, visit);
    return values;
  }

  /** The collection of the innermost `for … of` (or array-method callback) around `node` inside `scope`. */
  private enclosingLoopCollection(node: ts.Node, scope: ts.Node): ts.Expression | undefined {
    for (let current = node.parent; current && current !== scope; current = current.parent) {
      if (ts.isForOfStatement(current)) return current.expression;
      if (
        (ts.isArrowFunction(current) || ts.isFunctionExpression(current)) &&
        ts.isCallExpression(current.parent) &&
        ts.isPropertyAccessExpression(current.parent.expression) &&
        ['forEach', 'map', 'flatMap', 'filter'].includes(current.parent.expression.name.text)
      ) {
        return current.parent.expression.expression;
      }
      if (ts.isFunctionLike(current)) return undefined;
    }
    return undefined;
  }

  private memberOrigin(
    member: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    walk: Walk,
  ): Origin {
    const name = ts.isPropertyAccessExpression(member)
      ? member.name.text
      : ts.isStringLiteralLike(member.argumentExpression)
        ? member.argumentExpression.text
        : undefined;
    const object = skipTsWrappers(member.expression, ['parentheses', 'as', 'non-null']);
    if (name === 'length' || name === 'size') return this.origin(object, walk);
    const byName =
      name === undefined ? undefined : boundedByName(name, this.checker.getTypeAtLocation(member));
    if (byName) return byName;
    if (name !== undefined && REQUEST_INPUT.has(name) && this.isRequest(object))
      return { kind: 'unbounded', description: `a request's \`${name}\`` };
    // Class state says nothing by itself: a cache, the breakpoints set, the targets of one session.
    if (object.kind === ts.SyntaxKind.ThisKeyword) return UNKNOWN;
    // A part of data read from outside the process is such data too, a part of configuration is configuration, and
    // a part of a caller's value is the caller's; but a number read off a caller's object (`params.levels`) is a
    // setting more often than a size.
    const whole = this.origin(object, walk);
    const isNumber = (this.checker.getTypeAtLocation(member).flags & ts.TypeFlags.NumberLike) !== 0;
    return whole.kind === 'unbounded' && whole.caller && isNumber ? UNKNOWN : whole;
  }

  private isRequest(object: ts.Expression): boolean {
    if (ts.isIdentifier(object) && REQUEST_NAME.test(object.text)) return true;
    if (ts.isPropertyAccessExpression(object) && object.name.text === 'request') return true;
    const typeName = this.checker.getTypeAtLocation(object).getSymbol()?.getName() ?? '';
    return /Request$/.test(typeName);
  }

  private callOrigin(call: ts.CallExpression | ts.NewExpression, walk: Walk): Origin {
    const callee = resolveCalleeNode(this.program, call);
    const [first] = call.arguments ?? [];
    const receiver =
      ts.isPropertyAccessExpression(call.expression) ||
      ts.isElementAccessExpression(call.expression)
        ? call.expression.expression
        : undefined;
    if (callee?.origin === 'global') return this.globalCallOrigin(callee, receiver, first, walk);
    if (callee?.origin === 'module') {
      const input = inputOfModuleCall(callee);
      if (input) return { kind: 'unbounded', description: input };
      if (callee.module !== undefined && NODE_MODULES.has(callee.module)) return UNKNOWN;
      // An asynchronous API of another package: its answer is its server's data.
      return this.isAsync(call)
        ? {
            kind: 'unbounded',
            description: `what \`${callee.name}\` from '${callee.module}' returns`,
          }
        : UNKNOWN;
    }
    if (callee?.origin === 'project') return this.projectCallOrigin(call, callee, walk);
    return UNKNOWN;
  }

  private globalCallOrigin(
    callee: ResolvedCallee,
    receiver: ts.Expression | undefined,
    first: ts.Expression | undefined,
    walk: Walk,
  ): Origin {
    const { container, name } = callee;
    if (container === 'JSON' && name === 'parse')
      return { kind: 'unbounded', description: 'parsed input, `JSON.parse`' };
    if (
      (container === 'Body' || container === 'Response') &&
      (name === 'json' || name === 'formData')
    )
      return { kind: 'unbounded', description: 'a response body' };
    if (container === 'ObjectConstructor' && ['keys', 'values', 'entries'].includes(name) && first)
      return this.origin(first, walk);
    if (container === 'ArrayConstructor' && name === 'from' && first)
      return this.origin(first, walk);
    if ((container === 'SetConstructor' || container === 'MapConstructor') && first)
      return this.origin(first, walk);
    if (container === 'PromiseConstructor' && first) return this.origin(first, walk);
    if (container === 'Math' && name === 'min')
      return { kind: 'bounded', description: 'a minimum' };
    const isCollectionMethod = [
      'Array',
      'ReadonlyArray',
      'Set',
      'ReadonlySet',
      'Map',
      'ReadonlyMap',
      'String',
    ].includes(container ?? '');
    return isCollectionMethod && receiver ? this.origin(receiver, walk) : UNKNOWN;
  }

  /** What a project function returns, a few calls deep; a project function without a body that is asynchronous is an API. */
  private projectCallOrigin(
    call: ts.CallExpression | ts.NewExpression,
    callee: ResolvedCallee,
    walk: Walk,
  ): Origin {
    const target = readableFunctionOf(this.program, callee, ts.isNewExpression(call));
    if (!target) {
      return this.isAsync(call)
        ? { kind: 'unbounded', description: `what \`${callee.name}\` returns` }
        : UNKNOWN;
    }
    if (walk.calls >= MAX_CALL_DEPTH || walk.seen.has(target)) return UNKNOWN;
    walk.seen.add(target);
    const bound = new Map(walk.arguments);
    target.parameters.forEach((parameter, index) => {
      const argument = call.arguments?.[index];
      if (argument && !ts.isSpreadElement(argument) && !parameter.dotDotDotToken)
        bound.set(parameter, argument);
    });
    const inner: Walk = { ...walk, calls: walk.calls + 1, arguments: bound };
    const body = target.body;
    if (!body) return UNKNOWN;
    if (!ts.isBlock(body)) return this.origin(body, inner);
    const returned: Origin[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression)
        returned.push(this.origin(node.expression, inner));
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    return returned.length > 0 ? combineOrigins(returned) : UNKNOWN;
  }

  private isAsync(call: ts.CallExpression | ts.NewExpression): boolean {
    return isPromiseLikeType(this.typeContext, call, this.checker.getTypeAtLocation(call));
  }

  private isAsyncIterable(expression: ts.Expression): boolean {
    const type = this.checker.getApparentType(this.checker.getTypeAtLocation(expression));
    return type.getProperties().some((property) => property.getName() === '__@asyncIterator@');
  }
}

/** Finds a directory listing or a glob: what makes a callback run once per file. */
const LISTING_QUERY: ReachQuery<string> = {
  key: 'collection origin: listings v1',
  contexts: ['body', 'sync-callback', 'deferred'],
  maxDepth: 3,
  match: (site) =>
    site.kind === 'call' && site.callee?.origin === 'module' ? listingOf(site.callee) : undefined,
  follow: () => true,
};

function listingOf(callee: ResolvedCallee): string | undefined {
  const { module, name } = callee;
  if (module === undefined) return undefined;
  if (FILE_SYSTEM_MODULES.has(module) && DIRECTORY_LISTINGS.has(name))
    return `a directory listing, \`${name}\``;
  if (GLOB_PACKAGES.has(module)) return `the files a glob finds, \`${name}\` from '${module}'`;
  return undefined;
}

const NEW_WALK = (): Walk => ({ steps: 0, calls: 0, seen: new Set(), arguments: new Map() });

interface Walk {
  /** In a project function followed from a call: its parameters, as the call's arguments. */
  arguments: Map<ts.ParameterDeclaration, ts.Expression>;
  steps: number;
  /** How many project functions deep the walk is. */
  calls: number;
  /** Declarations and functions already entered: a value defined through itself says nothing. */
  seen: Set<ts.Node>;
}

/** What a call into a package reads from outside the process, or `undefined`. */
function inputOfModuleCall(callee: ResolvedCallee): string | undefined {
  const { module, name } = callee;
  if (module === undefined) return undefined;
  const listing = listingOf(callee);
  if (listing) return listing;
  if (FILE_SYSTEM_MODULES.has(module))
    return DIRECTORY_LISTINGS.has(name)
      ? `a directory listing, \`${name}\``
      : `the file system, \`${name}\``;
  if (DATABASE_PACKAGES.has(module)) return `a query result, \`${name}\` from '${module}'`;
  if (HTTP_CLIENT_PACKAGES.has(module)) return `a response, \`${name}\` from '${module}'`;
  if (NETWORK_MODULES.has(module)) return `the network, \`${name}\``;
  if (PROCESS_MODULES.has(module)) return `another process, \`${name}\``;
  if (module === 'readline') return `a stream of lines, \`${name}\``;
  return undefined;
}

/** Configuration and registries, told by their names or their type's. */
function boundedByName(name: string, type: ts.Type): Origin | undefined {
  const typeName = type.aliasSymbol?.getName() ?? type.getSymbol()?.getName() ?? '';
  if (CONFIGURATION_NAME.test(name) || CONFIGURATION_TYPE.test(typeName))
    return { kind: 'bounded', description: 'configuration' };
  if (REGISTRY_NAME.test(name)) return { kind: 'bounded', description: 'a registry' };
  return undefined;
}

/** Any unbounded origin makes the whole unbounded; it is bounded only when every part is. */
export function combineOrigins(origins: readonly Origin[]): Origin {
  const unbounded = origins.find((origin) => origin.kind === 'unbounded');
  if (unbounded) return unbounded;
  if (origins.length > 0 && origins.every((origin) => origin.kind === 'bounded'))
    return origins[0]!;
  return UNKNOWN;
}

/** For the first parameter of a callback an array method calls per element (`xs.map((x) => …)`): `xs`. */
function elementsOfCallback(
  fn: ts.SignatureDeclaration,
  parameter: ts.ParameterDeclaration,
): ts.Expression | undefined {
  if (fn.parameters[0] !== parameter) return undefined;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  return ELEMENT_CALLBACK_METHODS.has(call.expression.name.text)
    ? call.expression.expression
    : undefined;
}

/** The function or block a variable lives in, where its later values are looked for. */
function scopeOf(declaration: ts.VariableDeclaration): ts.Node | undefined {
  for (let node: ts.Node = declaration.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node) || ts.isSourceFile(node)) return node;
  }
  return undefined;
}

/**
 * `the exported function \`run\``, `the method \`subscribe\` of the exported class \`Broker\``: a function other
 * modules call with arrays of their own; `undefined` for any other function.
 */
function publicFunctionName(checker: ts.TypeChecker, fn: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name)
    return isExportedName(checker, fn.name) ? `exported function \`${fn.name.text}\`` : undefined;
  if (
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
    ts.isVariableDeclaration(fn.parent)
  ) {
    const name = fn.parent.name;
    return ts.isIdentifier(name) && isExportedName(checker, name)
      ? `exported function \`${name.text}\``
      : undefined;
  }
  if (
    (ts.isMethodDeclaration(fn) || ts.isConstructorDeclaration(fn)) &&
    ts.isClassDeclaration(fn.parent)
  ) {
    const modifiers = ts.getCombinedModifierFlags(fn);
    if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return undefined;
    if (fn.name && ts.isPrivateIdentifier(fn.name)) return undefined;
    const cls = fn.parent;
    if (!cls.name || !isExportedName(checker, cls.name)) return undefined;
    const method = ts.isConstructorDeclaration(fn)
      ? 'constructor'
      : `method \`${fn.name.getText()}\``;
    return `${method} of the exported class \`${cls.name.text}\``;
  }
  return undefined;
}
