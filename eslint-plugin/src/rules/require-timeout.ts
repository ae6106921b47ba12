// Reports network calls (fetch, undici, node:http/https, axios) that have no deadline: no abort signal that a timer
// ends, and for axios no `timeout`. A call that can hang forever holds its caller forever.
import {
  AST_NODE_TYPES,
  ASTUtils,
  ESLintUtils,
  TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { createRule } from '../util/create-rule';
import {
  resolveCallee,
  resolveCallSignature,
  type ResolvedSignature,
} from '../analysis/resolve-callee';

export type Options = [{ timeoutMs?: number }];

export type MessageIds =
  | 'noTimeout'
  | 'signalWithoutTimer'
  | 'timeoutOptionOnly'
  | 'addAxiosTimeout'
  | 'addSignalTimeout'
  | 'combineWithTimeout';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** The libraries whose calls reach the network, and how each takes a deadline. */
type Library = 'fetch' | 'http' | 'axios';

interface NetworkCall {
  library: Library;
  /** Where the options object goes: `init` of fetch, `options` of undici and http, `config` of axios. */
  optionsIndex: number;
}

/** What the options of a call say about its deadline. */
type Deadline =
  /** A timeout or a signal that a timer aborts, or one the caller owns. */
  | { kind: 'bounded' }
  /** Something the rule cannot see into (a spread, an options object from elsewhere): not reported. */
  | { kind: 'unknown' }
  /** Nothing: no signal, no timeout. `property` is an existing `signal: undefined` (or axios `timeout: 0`). */
  | { kind: 'missing'; property?: TSESTree.Property }
  /** A signal that nothing aborts on a timer. */
  | { kind: 'signalWithoutTimer'; property: TSESTree.Property }
  /** node:http's `timeout` option without a handler that aborts the request. */
  | { kind: 'timeoutOptionOnly' };

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

export default createRule<Options, MessageIds>({
  name: 'require-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require network calls to have a timeout or an abort signal',
      requiresTypeChecking: true,
      strict: 'error',
    },
    hasSuggestions: true,
    messages: {
      noTimeout:
        '`{{callee}}` has no timeout or abort signal: if the server never answers, the caller waits forever.',
      signalWithoutTimer:
        'The signal passed to `{{callee}}` is never aborted on a timer: if the server never answers, the caller waits forever.',
      timeoutOptionOnly:
        "The `timeout` option of `{{callee}}` only emits a 'timeout' event, and nothing here aborts the request: if the server never answers, the caller waits forever.",
      addAxiosTimeout: "Add axios's `timeout: {{ms}}` option",
      addSignalTimeout: 'Add `signal: AbortSignal.timeout({{ms}})`',
      combineWithTimeout:
        'Give the signal a deadline: `AbortSignal.any([…, AbortSignal.timeout({{ms}})])`',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          timeoutMs: {
            type: 'integer',
            minimum: 1,
            description:
              'The deadline, in milliseconds, that the suggestions insert (default 10000).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ timeoutMs: 10_000 }],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    const { sourceCode } = context;
    const ms = options.timeoutMs ?? 10_000;
    const tsNodeOf = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);
    const typeOf = (node: TSESTree.Node): ts.Type => services.getTypeAtLocation(node);

    // --- which calls reach the network --------------------------------------------------------------------------

    function networkCallOf(call: TSESTree.CallExpression): NetworkCall | undefined {
      // Cheap filters first; resolving the overload is the expensive step. A plain name may be an alias
      // (`import { fetch as get } from 'undici'`), so it is filtered by the name it was declared with.
      const callee =
        call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
      const name =
        callee.type === AST_NODE_TYPES.Identifier
          ? resolveCallee(services, call)?.name
          : calleeName(callee);
      if (
        (name === undefined || !CANDIDATE_NAMES.has(name)) &&
        !(axiosIsLoaded() && isAxiosInstanceType(typeOf(callee)))
      ) {
        return undefined;
      }
      const signature = resolveCallSignature(services, call);
      if (!signature) return undefined;
      const library = libraryOf(signature);
      if (!library) return undefined;
      const optionsIndex = signature.parameters.findIndex((parameter) =>
        OPTIONS_PARAMETERS.has(parameter),
      );
      if (optionsIndex < 0) return undefined;
      return { library, optionsIndex };
    }

    function libraryOf(signature: ResolvedSignature): Library | undefined {
      const { name, module, origin, container } = signature;
      if (name === 'fetch' && origin === 'global') return 'fetch';
      if (origin !== 'module' || module === undefined) return undefined;
      if (UNDICI.has(module) && (name === 'fetch' || name === 'request') && container === undefined)
        return 'fetch';
      if ((module === 'http' || module === 'https') && (name === 'get' || name === 'request'))
        return 'http';
      if (module === 'axios' && container !== undefined && AXIOS_CONTAINERS.has(container)) {
        if (name === undefined || AXIOS_METHODS.has(name)) return 'axios';
      }
      return undefined;
    }

    function calleeName(callee: TSESTree.Expression): string | undefined {
      const inner = callee.type === AST_NODE_TYPES.ChainExpression ? callee.expression : callee;
      if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
      if (
        inner.type === AST_NODE_TYPES.MemberExpression &&
        !inner.computed &&
        inner.property.type === AST_NODE_TYPES.Identifier
      ) {
        return inner.property.name;
      }
      return undefined;
    }

    let axiosLoaded: boolean | undefined;
    /** Whether the program has axios's declarations at all; without them no value can be an axios instance. */
    function axiosIsLoaded(): boolean {
      axiosLoaded ??= services.program
        .getSourceFiles()
        .some((file) => /[/\\]node_modules[/\\]axios[/\\]/.test(file.fileName));
      return axiosLoaded;
    }

    function isAxiosInstanceType(type: ts.Type): boolean {
      const symbol = type.getSymbol() ?? type.aliasSymbol;
      if (!symbol || !AXIOS_CONTAINERS.has(symbol.getName())) return false;
      return (symbol.getDeclarations() ?? []).some((declaration) =>
        /[/\\]node_modules[/\\]axios[/\\]/.test(declaration.getSourceFile().fileName),
      );
    }

    // --- what the options say -----------------------------------------------------------------------------------

    function deadlineOf(call: TSESTree.CallExpression, network: NetworkCall): Deadline {
      const { library, optionsIndex } = network;
      if (
        call.arguments
          .slice(0, optionsIndex + 1)
          .some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
      ) {
        return { kind: 'unknown' };
      }
      if (library === 'axios') {
        const axiosDeadline = axiosDefaultsOf(call);
        if (axiosDeadline !== 'none')
          return { kind: axiosDeadline === 'bounded' ? 'bounded' : 'unknown' };
      }
      // fetch(request) takes its signal from the Request object, which the rule cannot see into.
      if (library === 'fetch' && isRequestObject(call.arguments[0])) return { kind: 'unknown' };
      const argument = call.arguments[optionsIndex] as TSESTree.Expression | undefined;
      const keys = library === 'axios' ? ['signal', 'timeout', 'cancelToken'] : ['signal'];
      const deadline = optionsDeadline(argument, keys);
      if (library === 'http' && deadline.kind === 'missing' && !deadline.property) {
        const object = argument && objectLiteralOf(argument);
        const timeoutOption = object !== undefined && findProperty(object, 'timeout') !== undefined;
        if (hasTimeoutHandler(call, timeoutOption)) return { kind: 'bounded' };
        if (timeoutOption) return { kind: 'timeoutOptionOnly' };
      }
      return deadline;
    }

    function optionsDeadline(
      argument: TSESTree.Expression | undefined,
      keys: readonly string[],
    ): Deadline {
      if (!argument) return { kind: 'missing' };
      const object = objectLiteralOf(argument);
      if (!object) {
        // An options value the rule cannot see into: its type says whether it can hold a deadline at all.
        return typeHasAnyProperty(typeOf(argument), keys)
          ? { kind: 'unknown' }
          : { kind: 'missing' };
      }
      let found: Deadline | undefined;
      for (const key of keys) {
        const property = findProperty(object, key);
        if (!property) continue;
        const deadline = key === 'signal' ? signalDeadline(property) : timeoutDeadline(property);
        if (deadline.kind === 'bounded' || deadline.kind === 'unknown') return deadline;
        found ??= deadline;
      }
      const spreads = object.properties.filter(
        (property) => property.type === AST_NODE_TYPES.SpreadElement,
      );
      if (spreads.some((spread) => typeHasAnyProperty(typeOf(spread.argument), keys)))
        return { kind: 'unknown' };
      return found ?? { kind: 'missing' };
    }

    /** The object literal an options argument is, directly or through a `const` in this file. */
    function objectLiteralOf(argument: TSESTree.Expression): TSESTree.ObjectExpression | undefined {
      const expression = followConstant(argument);
      return expression.type === AST_NODE_TYPES.ObjectExpression ? expression : undefined;
    }

    function findProperty(
      object: TSESTree.ObjectExpression,
      key: string,
    ): TSESTree.Property | undefined {
      // The last one wins at run time.
      return object.properties.findLast(
        (property): property is TSESTree.Property =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          ((property.key.type === AST_NODE_TYPES.Identifier && property.key.name === key) ||
            (property.key.type === AST_NODE_TYPES.Literal && property.key.value === key)),
      );
    }

    function typeHasAnyProperty(type: ts.Type, keys: readonly string[]): boolean {
      const apparent = checker.getApparentType(type);
      if (apparent.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
      const parts = apparent.isUnion() ? apparent.types : [apparent];
      return parts.some((part) =>
        keys.some(
          (key) => checker.getPropertyOfType(checker.getApparentType(part), key) !== undefined,
        ),
      );
    }

    function isRequestObject(argument: TSESTree.CallExpressionArgument | undefined): boolean {
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
      const type = checker.getApparentType(typeOf(argument));
      const parts = type.isUnion() ? type.types : [type];
      return parts.some((part) => part.getSymbol()?.getName() === 'Request');
    }

    function isStringOrUrl(argument: TSESTree.CallExpressionArgument | undefined): boolean {
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
      const type = checker.getApparentType(typeOf(argument));
      const parts = type.isUnion() ? type.types : [type];
      return parts.every(
        (part) =>
          part.flags & ts.TypeFlags.StringLike ||
          part.getSymbol()?.getName() === 'URL' ||
          part.getSymbol()?.getName() === 'String',
      );
    }

    function timeoutDeadline(property: TSESTree.Property): Deadline {
      const value = followConstant(property.value as TSESTree.Expression);
      // axios treats 0 as "no timeout".
      if (isNullish(value) || (value.type === AST_NODE_TYPES.Literal && value.value === 0))
        return { kind: 'missing', property };
      return { kind: 'bounded' };
    }

    function signalDeadline(property: TSESTree.Property): Deadline {
      switch (signalKind(property.value as TSESTree.Expression, 0)) {
        case 'bounded':
          return { kind: 'bounded' };
        case 'unknown':
          return { kind: 'unknown' };
        case 'none':
          return { kind: 'missing', property };
        case 'untimed':
          return { kind: 'signalWithoutTimer', property };
      }
    }

    /**
     * What a signal expression is: `bounded` (ends on a timer, or comes from the caller), `untimed` (a controller
     * that no timer aborts), `none` (`undefined`), or `unknown`.
     */
    function signalKind(
      expression: TSESTree.Expression,
      depth: number,
    ): 'bounded' | 'untimed' | 'none' | 'unknown' {
      if (depth > 8) return 'unknown';
      const value = unwrap(expression);
      if (isNullish(value)) return 'none';
      if (value.type === AST_NODE_TYPES.Identifier) {
        if (isParameter(value)) return 'bounded';
        const followed = followConstant(value);
        return followed === value ? 'unknown' : signalKind(followed, depth + 1);
      }
      if (value.type === AST_NODE_TYPES.MemberExpression) {
        if (isRootedInParameter(value)) return 'bounded';
        if (
          value.computed ||
          value.property.type !== AST_NODE_TYPES.Identifier ||
          value.property.name !== 'signal'
        )
          return 'unknown';
        return controllerKind(value.object);
      }
      if (value.type === AST_NODE_TYPES.CallExpression) {
        const method = abortSignalMethod(value);
        if (method === 'timeout') return 'bounded';
        if (method === 'any') return anyKind(value, depth);
      }
      return 'unknown';
    }

    /** `AbortSignal.any([...])`: bounded if one of the signals is. */
    function anyKind(
      call: TSESTree.CallExpression,
      depth: number,
    ): 'bounded' | 'untimed' | 'unknown' {
      const [list] = call.arguments;
      if (list?.type !== AST_NODE_TYPES.ArrayExpression) return 'unknown';
      const kinds = list.elements.map((element) =>
        !element || element.type === AST_NODE_TYPES.SpreadElement
          ? 'unknown'
          : signalKind(element, depth + 1),
      );
      if (kinds.includes('bounded')) return 'bounded';
      if (kinds.includes('unknown')) return 'unknown';
      return 'untimed';
    }

    /** `controller.signal`: bounded when a timer aborts the controller, untimed when nothing on a timer does. */
    function controllerKind(object: TSESTree.Expression): 'bounded' | 'untimed' | 'unknown' {
      const target = unwrap(object);
      if (target.type === AST_NODE_TYPES.NewExpression)
        return isAbortControllerConstruction(target) ? 'untimed' : 'unknown';
      if (target.type !== AST_NODE_TYPES.Identifier) return 'unknown';
      const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
      const definition = variable?.defs[0];
      if (
        !variable ||
        variable.defs.length !== 1 ||
        definition?.type !== TSESLint.Scope.DefinitionType.Variable
      )
        return 'unknown';
      const init = definition.node.init;
      if (
        !init ||
        unwrap(init).type !== AST_NODE_TYPES.NewExpression ||
        !isAbortControllerConstruction(unwrap(init) as TSESTree.NewExpression)
      ) {
        return 'unknown';
      }
      if (variable.references.some((reference) => reference.isWrite() && !reference.init))
        return 'unknown';
      return variable.references.some((reference) => isAbortedOnTimer(reference.identifier))
        ? 'bounded'
        : 'untimed';
    }

    function isAbortControllerConstruction(node: TSESTree.NewExpression): boolean {
      return (
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === 'AbortController' &&
        isGlobalValue(node.callee)
      );
    }

    /**
     * `controller.abort` used inside a function that a timer runs: `setTimeout(() => controller.abort(), ms)`,
     * `setTimeout(controller.abort.bind(controller), ms)`, or `setTimeout(ms).then(() => controller.abort())` with
     * node:timers/promises.
     */
    function isAbortedOnTimer(identifier: TSESTree.Node): boolean {
      const member = identifier.parent;
      if (
        member?.type !== AST_NODE_TYPES.MemberExpression ||
        member.object !== identifier ||
        member.computed ||
        member.property.type !== AST_NODE_TYPES.Identifier ||
        member.property.name !== 'abort'
      ) {
        return false;
      }
      for (
        let child: TSESTree.Node = member, node: TSESTree.Node | undefined = member.parent;
        node;
        child = node, node = node.parent
      ) {
        if (
          node.type !== AST_NODE_TYPES.CallExpression ||
          !node.arguments.includes(child as TSESTree.CallExpressionArgument)
        )
          continue;
        if (isTimerCall(node)) return true;
        const callee = node.callee;
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.property.type === AST_NODE_TYPES.Identifier &&
          callee.property.name === 'then' &&
          callee.object.type === AST_NODE_TYPES.CallExpression &&
          isTimerCall(callee.object)
        ) {
          return true;
        }
      }
      return false;
    }

    function isTimerCall(call: TSESTree.CallExpression): boolean {
      const callee = resolveCallee(services, call);
      if (!callee || (callee.name !== 'setTimeout' && callee.name !== 'setInterval')) return false;
      return (
        callee.origin === 'global' ||
        callee.module === 'timers' ||
        callee.module === 'timers/promises'
      );
    }

    function abortSignalMethod(call: TSESTree.CallExpression): string | undefined {
      const { callee } = call;
      if (
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        callee.computed ||
        callee.property.type !== AST_NODE_TYPES.Identifier ||
        callee.object.type !== AST_NODE_TYPES.Identifier ||
        callee.object.name !== 'AbortSignal' ||
        !isGlobalValue(callee.object)
      ) {
        return undefined;
      }
      return callee.property.name;
    }

    function isGlobalValue(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      // Globals from lib files have no definitions in this file; a local declaration shadows them.
      return !variable || variable.defs.length === 0;
    }

    function isParameter(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      return (
        variable?.defs.some(
          (definition) => definition.type === TSESLint.Scope.DefinitionType.Parameter,
        ) ?? false
      );
    }

    function isRootedInParameter(member: TSESTree.MemberExpression): boolean {
      let object: TSESTree.Expression = member.object;
      while (object.type === AST_NODE_TYPES.MemberExpression) object = object.object;
      return object.type === AST_NODE_TYPES.Identifier && isParameter(object);
    }

    /** A `const` (or never reassigned `let`) of this file replaced by its initializer, once or more. */
    function followConstant(expression: TSESTree.Expression): TSESTree.Expression {
      let current = unwrap(expression);
      for (let depth = 0; depth < 8 && current.type === AST_NODE_TYPES.Identifier; depth++) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(current), current);
        const definition = variable?.defs[0];
        if (
          !variable ||
          variable.defs.length !== 1 ||
          definition?.type !== TSESLint.Scope.DefinitionType.Variable
        )
          break;
        const { node } = definition;
        if (node.id.type !== AST_NODE_TYPES.Identifier || !node.init) break;
        if (variable.references.some((reference) => reference.isWrite() && !reference.init)) break;
        current = unwrap(node.init);
      }
      return current;
    }

    function unwrap(expression: TSESTree.Expression): TSESTree.Expression {
      let current = expression;
      while (
        current.type === AST_NODE_TYPES.TSAsExpression ||
        current.type === AST_NODE_TYPES.TSNonNullExpression ||
        current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        current.type === AST_NODE_TYPES.TSTypeAssertion
      ) {
        current = current.expression;
      }
      return current;
    }

    function isNullish(expression: TSESTree.Node): boolean {
      return (
        (expression.type === AST_NODE_TYPES.Literal && expression.value === null) ||
        (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined')
      );
    }

    // --- node:http timeouts that do abort -----------------------------------------------------------------------

    /**
     * The request gets a handler that runs on timeout: `req.setTimeout(ms, onTimeout)` or, with the `timeout`
     * option, `req.on('timeout', onTimeout)`, on the call's result or on the variable that holds it.
     */
    function hasTimeoutHandler(call: TSESTree.CallExpression, timeoutOption: boolean): boolean {
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
          if (chained.type !== AST_NODE_TYPES.CallExpression || chained.callee !== member)
            return false;
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

    // --- axios instances and their defaults ---------------------------------------------------------------------

    /**
     * Whether the axios instance a call uses has a default deadline: `bounded` (created with `timeout`/`signal`, or
     * given one through `defaults`), `unknown` (an instance the rule cannot trace), or `none`.
     */
    function axiosDefaultsOf(call: TSESTree.CallExpression): 'bounded' | 'unknown' | 'none' {
      const callee =
        call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
      const instance = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
      const tsInstance = tsNodeOf(instance);
      let symbol = checker.getSymbolAtLocation(
        ts.isPropertyAccessExpression(tsInstance) ? tsInstance.name : tsInstance,
      );
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const declaration = symbol?.valueDeclaration;
      if (!symbol || !declaration || !ts.isVariableDeclaration(declaration)) return 'unknown';
      const declaringFile = declaration.getSourceFile();
      if (assignsDefaults(tsNodeOf(call).getSourceFile(), symbol)) return 'bounded';
      if (!declaringFile.isDeclarationFile && assignsDefaults(declaringFile, symbol))
        return 'bounded';
      if (/[/\\]node_modules[/\\]axios[/\\]/.test(declaringFile.fileName)) return 'none';
      const initializer = declaration.initializer && skipOuterExpressions(declaration.initializer);
      if (!initializer || !ts.isCallExpression(initializer)) return 'unknown';
      const created = checker.getResolvedSignature(initializer)?.getDeclaration();
      const createdName = created && ts.getNameOfDeclaration(created);
      if (
        !created ||
        !createdName ||
        !ts.isIdentifier(createdName) ||
        createdName.text !== 'create' ||
        !/[/\\]node_modules[/\\]axios[/\\]/.test(created.getSourceFile().fileName)
      ) {
        return 'unknown';
      }
      const [config] = initializer.arguments;
      if (!config) return 'none';
      const literal = skipOuterExpressions(config);
      if (!ts.isObjectLiteralExpression(literal)) return 'unknown';
      for (const property of literal.properties) {
        if (ts.isSpreadAssignment(property)) return 'unknown';
        const name =
          property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
        if (name === 'timeout' && ts.isPropertyAssignment(property)) {
          const value = skipOuterExpressions(property.initializer);
          if (!(ts.isNumericLiteral(value) && value.text === '0')) return 'bounded';
        } else if (name === 'signal' || name === 'cancelToken') {
          return 'bounded';
        }
      }
      return 'none';
    }

    /** `instance.defaults.timeout = …` (or `.signal`) anywhere in `file`. */
    const defaultsCache = new Map<ts.SourceFile, Map<ts.Symbol, boolean>>();
    function assignsDefaults(file: ts.SourceFile, instance: ts.Symbol): boolean {
      let bySymbol = defaultsCache.get(file);
      if (!bySymbol) {
        bySymbol = new Map();
        defaultsCache.set(file, bySymbol);
      }
      const cached = bySymbol.get(instance);
      if (cached !== undefined) return cached;
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

    function skipOuterExpressions(expression: ts.Expression): ts.Expression {
      let current = expression;
      while (
        ts.isParenthesizedExpression(current) ||
        ts.isAsExpression(current) ||
        ts.isSatisfiesExpression(current) ||
        ts.isNonNullExpression(current)
      ) {
        current = current.expression;
      }
      return current;
    }

    // --- suggestions --------------------------------------------------------------------------------------------

    function hasAbortSignalMethod(at: TSESTree.Node, method: string): boolean {
      const symbol = checker.resolveName('AbortSignal', tsNodeOf(at), ts.SymbolFlags.Value, false);
      return (
        symbol !== undefined && checker.getTypeOfSymbol(symbol).getProperty(method) !== undefined
      );
    }

    function suggestionsFor(
      call: TSESTree.CallExpression,
      network: NetworkCall,
      deadline: Deadline,
    ): Suggestion[] {
      const suggestions: Suggestion[] = [];
      const data = { ms: String(ms) };
      const signal = `AbortSignal.timeout(${ms})`;
      const canUseSignal = hasAbortSignalMethod(call, 'timeout');
      if (deadline.kind === 'signalWithoutTimer') {
        if (!canUseSignal || !hasAbortSignalMethod(call, 'any')) return [];
        const { property } = deadline;
        const current = sourceCode.getText(property.value);
        const combined = `AbortSignal.any([${current}, ${signal}])`;
        suggestions.push({
          messageId: 'combineWithTimeout',
          data,
          fix: (fixer) =>
            property.shorthand
              ? fixer.replaceText(property, `signal: ${combined}`)
              : fixer.replaceText(property.value, combined),
        });
        return suggestions;
      }
      if (network.library === 'axios') {
        const timeoutFix = optionFix(call, network, deadline, 'timeout', String(ms));
        if (timeoutFix) suggestions.push({ messageId: 'addAxiosTimeout', data, fix: timeoutFix });
      }
      if (canUseSignal) {
        const signalFix = optionFix(call, network, deadline, 'signal', signal);
        if (signalFix) suggestions.push({ messageId: 'addSignalTimeout', data, fix: signalFix });
      }
      return suggestions;
    }

    /** Sets option `key` to `value` in the call's options: a new argument, a new property, or a replaced value. */
    function optionFix(
      call: TSESTree.CallExpression,
      network: NetworkCall,
      deadline: Deadline,
      key: string,
      value: string,
    ): TSESLint.ReportFixFunction | undefined {
      const { optionsIndex } = network;
      const argument = call.arguments[optionsIndex] as TSESTree.Expression | undefined;
      const existing = deadline.kind === 'missing' ? deadline.property : undefined;
      if (
        existing &&
        argument &&
        argument.range[0] <= existing.range[0] &&
        existing.range[1] <= argument.range[1]
      ) {
        const name =
          existing.key.type === AST_NODE_TYPES.Identifier
            ? existing.key.name
            : String((existing.key as TSESTree.Literal).value);
        if (name === key)
          return (fixer) =>
            existing.shorthand
              ? fixer.replaceText(existing, `${key}: ${value}`)
              : fixer.replaceText(existing.value, value);
      }
      if (!argument) return insertArgument(call, optionsIndex, `{ ${key}: ${value} }`);
      if (argument.type === AST_NODE_TYPES.ObjectExpression)
        return addProperty(argument, `${key}: ${value}`);
      if (network.library === 'http' && isStringOrUrl(argument)) {
        // http.get(url, callback) → http.get(url, { signal }, callback): the (url, options, callback) overload.
        return (fixer) => fixer.insertTextAfter(argument, `, { ${key}: ${value} }`);
      }
      if (isObjectType(typeOf(argument))) {
        return (fixer) =>
          fixer.replaceText(argument, `{ ...${sourceCode.getText(argument)}, ${key}: ${value} }`);
      }
      return undefined;
    }

    function isObjectType(type: ts.Type): boolean {
      const parts = type.isUnion() ? type.types : [type];
      return parts.every((part) => (part.flags & ts.TypeFlags.Object) !== 0);
    }

    /** Inserts `text` as argument `index`, padding skipped optional parameters with `undefined`. */
    function insertArgument(
      call: TSESTree.CallExpression,
      index: number,
      text: string,
    ): TSESLint.ReportFixFunction | undefined {
      const padding = Array.from({ length: index - call.arguments.length }, () => 'undefined');
      const inserted = [...padding, text].join(', ');
      const last = call.arguments.at(-1);
      if (!last) {
        const closing = sourceCode.getLastToken(call);
        if (closing?.value !== ')') return undefined;
        return (fixer) => fixer.insertTextBefore(closing, inserted);
      }
      return (fixer) => fixer.insertTextAfter(last, `, ${inserted}`);
    }

    /** Adds a property to an object literal, on its own line when the object spans lines. */
    function addProperty(
      object: TSESTree.ObjectExpression,
      text: string,
    ): TSESLint.ReportFixFunction {
      const last = object.properties.at(-1);
      if (!last) return (fixer) => fixer.replaceText(object, `{ ${text} }`);
      const opening = sourceCode.getFirstToken(object)!;
      if (opening.loc.start.line === last.loc.start.line)
        return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
      const line = sourceCode.lines[last.loc.start.line - 1] ?? '';
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      return (fixer) => fixer.insertTextAfter(last, `,\n${indent}${text}`);
    }

    // --- the report ---------------------------------------------------------------------------------------------

    return {
      CallExpression(call) {
        const network = networkCallOf(call);
        if (!network) return;
        const deadline = deadlineOf(call, network);
        if (deadline.kind === 'bounded' || deadline.kind === 'unknown') return;
        const messageId: MessageIds =
          deadline.kind === 'signalWithoutTimer'
            ? 'signalWithoutTimer'
            : deadline.kind === 'timeoutOptionOnly'
              ? 'timeoutOptionOnly'
              : 'noTimeout';
        context.report({
          node: call.callee,
          messageId,
          data: { callee: calleeText(call.callee) },
          suggest: suggestionsFor(call, network, deadline),
        });
      },
    };

    function calleeText(callee: TSESTree.Expression): string {
      const text = sourceCode.getText(callee).replace(/\s+/g, '');
      return text.length > 40 ? `${text.slice(0, 39)}…` : text;
    }
  },
});
