// Calls that go out over HTTP, identified by declaration: `fetch` (the global, undici's `fetch`/`request`, and
// node-fetch's), `node:http`/`https`'s `get`/`request`, axios (its methods, and instances called directly), got and
// ky (the packages' default exports and their methods), each with the index of the options argument that takes a
// deadline. Also the deadline an axios instance was created with (or given through `defaults`), and the handlers a
// `node:http` request gets for its timeout.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { skipTsWrappers, skipWrappers } from '../util/wrappers';
import { resolveCallee, resolveCallSignature, type ResolvedSignature } from './resolve-callee';

/** The libraries whose calls reach the network, and how each takes a deadline. */
export type HttpLibrary = 'fetch' | 'http' | 'axios' | 'got' | 'ky';

export interface HttpCall {
  library: HttpLibrary;
  /** Where the options object goes: `init` of fetch, `options` of undici and http, `config` of axios. */
  optionsIndex: number;
}

/** Whether an axios instance has a default deadline, or the rule cannot tell. */
export type AxiosDefaults = 'bounded' | 'unknown' | 'none';

const UNDICI = new Set(['undici', 'undici-types']);
const AXIOS_METHODS = new Set([
  'request',
  'get',
  'delete',
  'head',
  'options',
  'post',
  'put',
  'patch',
  'postForm',
  'putForm',
  'patchForm',
  'query',
]);
const AXIOS_CONTAINERS = new Set(['Axios', 'AxiosInstance', 'AxiosStatic']);
/** Method names worth resolving; any other member call is an axios instance called directly, found by its type. */
const CANDIDATE_NAMES = new Set(['fetch', ...AXIOS_METHODS]);
const OPTIONS_PARAMETERS = new Set(['init', 'options', 'config']);
const IN_AXIOS_PACKAGE = /[/\\]node_modules[/\\]axios[/\\]/;
/** Packages whose default export is the client itself, called directly or through its methods. */
const CLIENT_PACKAGES = new Set(['got', 'ky']);
const IN_CLIENT_PACKAGE = /[/\\]node_modules[/\\](?:got|ky|node-fetch)[/\\]/;
/** Methods of got and ky that make no request: they create instances or iterate pages through other calls. */
const NOT_REQUESTS = new Set(['extend', 'create', 'paginate', 'stop', 'retry']);

/** The HTTP calls of one file; what it learns about axios is kept for the file. */
export class HttpCalls {
  private axiosLoaded: boolean | undefined;
  private clientsLoaded: boolean | undefined;
  private readonly defaultsAssigned = new Map<ts.SourceFile, Map<ts.Symbol, boolean>>();
  private readonly checker: ts.TypeChecker;

  constructor(private readonly services: ParserServicesWithTypeInformation) {
    this.checker = services.program.getTypeChecker();
  }

  /** The HTTP call `call` is, with where its options go, or `undefined`. */
  httpCallOf(call: TSESTree.CallExpression): HttpCall | undefined {
    // Cheap filters first; resolving the overload is the expensive step. A plain name may be an alias
    // (`import { fetch as get } from 'undici'`), so it is filtered by the name it was declared with.
    const callee = skipWrappers(call.callee, ['chain']);
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? resolveCallee(this.services, call)?.name
        : calleeName(callee);
    if (
      (name === undefined || !CANDIDATE_NAMES.has(name)) &&
      !(
        this.isAxiosLoaded() && this.isAxiosInstanceType(this.services.getTypeAtLocation(callee))
      ) &&
      !(this.areClientsLoaded() && this.isPackageDefault(call))
    ) {
      return undefined;
    }
    const signature = resolveCallSignature(this.services, call);
    if (!signature) return undefined;
    const library = libraryOf(signature);
    if (!library) return undefined;
    if ((library === 'got' || library === 'ky') && name !== undefined && NOT_REQUESTS.has(name))
      return undefined;
    const optionsIndex = signature.parameters.findIndex((parameter) =>
      OPTIONS_PARAMETERS.has(parameter),
    );
    if (optionsIndex < 0) return undefined;
    return { library, optionsIndex };
  }

  /**
   * Whether the axios instance a call uses has a default deadline: `bounded` (created with `timeout`/`signal`, or
   * given one through `defaults`), `unknown` (an instance the rule cannot trace), or `none`.
   */
  axiosDefaultsOf(call: TSESTree.CallExpression): AxiosDefaults {
    const { checker } = this;
    const callee = skipWrappers(call.callee, ['chain']);
    const instance = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
    const tsInstance = this.services.esTreeNodeToTSNodeMap.get(instance);
    let symbol = checker.getSymbolAtLocation(
      ts.isPropertyAccessExpression(tsInstance) ? tsInstance.name : tsInstance,
    );
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (!symbol || !declaration || !ts.isVariableDeclaration(declaration)) return 'unknown';
    const declaringFile = declaration.getSourceFile();
    const callingFile = this.services.esTreeNodeToTSNodeMap.get(call).getSourceFile();
    if (this.assignsDefaults(callingFile, symbol)) return 'bounded';
    if (!declaringFile.isDeclarationFile && this.assignsDefaults(declaringFile, symbol))
      return 'bounded';
    if (IN_AXIOS_PACKAGE.test(declaringFile.fileName)) return 'none';
    const initializer = declaration.initializer && skipTsWrappers(declaration.initializer, OUTER);
    if (!initializer || !ts.isCallExpression(initializer)) return 'unknown';
    const created = checker.getResolvedSignature(initializer)?.getDeclaration();
    const createdName = created && ts.getNameOfDeclaration(created);
    if (
      !created ||
      !createdName ||
      !ts.isIdentifier(createdName) ||
      createdName.text !== 'create' ||
      !IN_AXIOS_PACKAGE.test(created.getSourceFile().fileName)
    ) {
      return 'unknown';
    }
    const [config] = initializer.arguments;
    return config ? configDeadline(config) : 'none';
  }

  /**
   * Whether a got or ky call goes through the package's default export (`got(…)`, `ky.get(…)`), whose defaults
   * this rule knows, rather than through an instance made elsewhere (`client.get(…)`), whose defaults it cannot see.
   */
  isPackageDefault(call: TSESTree.CallExpression): boolean {
    let root: TSESTree.Node = skipWrappers(call.callee, ['chain']);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    let symbol = this.checker.getSymbolAtLocation(this.services.esTreeNodeToTSNodeMap.get(root));
    if (symbol && symbol.flags & ts.SymbolFlags.Alias)
      symbol = this.checker.getAliasedSymbol(symbol);
    return (symbol?.getDeclarations() ?? []).some((declaration) =>
      IN_CLIENT_PACKAGE.test(declaration.getSourceFile().fileName),
    );
  }

  /** Whether the program has got's, ky's or node-fetch's declarations; without them no call can be theirs. */
  private areClientsLoaded(): boolean {
    this.clientsLoaded ??= this.services.program
      .getSourceFiles()
      .some((file) => IN_CLIENT_PACKAGE.test(file.fileName));
    return this.clientsLoaded;
  }

  /** Whether the program has axios's declarations at all; without them no value can be an axios instance. */
  private isAxiosLoaded(): boolean {
    this.axiosLoaded ??= this.services.program
      .getSourceFiles()
      .some((file) => IN_AXIOS_PACKAGE.test(file.fileName));
    return this.axiosLoaded;
  }

  private isAxiosInstanceType(type: ts.Type): boolean {
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    if (!symbol || !AXIOS_CONTAINERS.has(symbol.getName())) return false;
    return (symbol.getDeclarations() ?? []).some((declaration) =>
      IN_AXIOS_PACKAGE.test(declaration.getSourceFile().fileName),
    );
  }

  /** `instance.defaults.timeout = …` (or `.signal`) anywhere in `file`. */
  private assignsDefaults(file: ts.SourceFile, instance: ts.Symbol): boolean {
    let bySymbol = this.defaultsAssigned.get(file);
    if (!bySymbol) {
      bySymbol = new Map();
      this.defaultsAssigned.set(file, bySymbol);
    }
    const cached = bySymbol.get(instance);
    if (cached !== undefined) return cached;
    const { checker } = this;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        (node.left.name.text === 'timeout' || node.left.name.text === 'signal') &&
        ts.isPropertyAccessExpression(node.left.expression) &&
        node.left.expression.name.text === 'defaults'
      ) {
        let target = checker.getSymbolAtLocation(node.left.expression.expression);
        if (target && target.flags & ts.SymbolFlags.Alias)
          target = checker.getAliasedSymbol(target);
        if (target === instance) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    bySymbol.set(instance, found);
    return found;
  }
}

/** The wrappers around an axios instance's initializer and config. */
const OUTER = ['parentheses', 'as', 'satisfies', 'non-null'] as const;

/** What `axios.create(config)` gives its instance: a deadline (`timeout`, `signal`, `cancelToken`) or none. */
function configDeadline(config: ts.Expression): AxiosDefaults {
  const literal = skipTsWrappers(config, OUTER);
  if (!ts.isObjectLiteralExpression(literal)) return 'unknown';
  for (const property of literal.properties) {
    if (ts.isSpreadAssignment(property)) return 'unknown';
    const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
    if (name === 'timeout' && ts.isPropertyAssignment(property)) {
      const value = skipTsWrappers(property.initializer, OUTER);
      if (!(ts.isNumericLiteral(value) && value.text === '0')) return 'bounded';
    } else if (name === 'signal' || name === 'cancelToken') {
      return 'bounded';
    }
  }
  return 'none';
}

function libraryOf(signature: ResolvedSignature): HttpLibrary | undefined {
  const { name, module, origin, container } = signature;
  if (name === 'fetch' && origin === 'global') return 'fetch';
  if (origin !== 'module' || module === undefined) return undefined;
  if (UNDICI.has(module) && (name === 'fetch' || name === 'request') && container === undefined)
    return 'fetch';
  if (module === 'node-fetch' && name === 'fetch') return 'fetch';
  if (module !== undefined && CLIENT_PACKAGES.has(module)) return module as 'got' | 'ky';
  if ((module === 'http' || module === 'https') && (name === 'get' || name === 'request'))
    return 'http';
  if (module === 'axios' && container !== undefined && AXIOS_CONTAINERS.has(container)) {
    if (name === undefined || AXIOS_METHODS.has(name)) return 'axios';
  }
  return undefined;
}

/** The name a callee is written with: `fetch`, `get` in `axios.get`. */
function calleeName(callee: TSESTree.Expression): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier
  ) {
    return callee.property.name;
  }
  return undefined;
}

/**
 * True when a `node:http` request gets a handler that runs on timeout: `req.setTimeout(ms, onTimeout)` or, with the
 * `timeout` option set, `req.on('timeout', onTimeout)`, on the call's result or on the variable that holds it.
 */
export function hasTimeoutHandler(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  timeoutOption: boolean,
): boolean {
  const uses: TSESTree.Node[] = [call];
  const holder = call.parent;
  if (
    holder.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.init === call &&
    holder.id.type === AST_NODE_TYPES.Identifier
  ) {
    const [variable] = sourceCode.getDeclaredVariables(holder);
    for (const reference of variable?.references ?? [])
      if (!reference.init) uses.push(reference.identifier);
  }
  return uses.some((use) => {
    for (let object = use; ;) {
      const member = object.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== object)
        return false;
      const chained = member.parent;
      if (chained.type !== AST_NODE_TYPES.CallExpression || chained.callee !== member) return false;
      if (isTimeoutHandlerCall(chained, member, timeoutOption)) return true;
      // `req.on('error', …).on('timeout', …)`: emitter methods return the request.
      object = chained;
    }
  });
}

function isTimeoutHandlerCall(
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  timeoutOption: boolean,
): boolean {
  if (member.property.type !== AST_NODE_TYPES.Identifier) return false;
  const method = member.property.name;
  if (method === 'setTimeout') return call.arguments.length >= 2;
  const [event, handler] = call.arguments;
  // Without a timeout set, the 'timeout' event never fires.
  return (
    timeoutOption &&
    (method === 'on' || method === 'once') &&
    event?.type === AST_NODE_TYPES.Literal &&
    event.value === 'timeout' &&
    handler !== undefined
  );
}
