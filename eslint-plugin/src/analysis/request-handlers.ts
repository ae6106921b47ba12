// Whether an async function serves requests or events: it runs once per request, message, event or queued job, so
// anything it does once per run multiplies with the traffic. Told by what the function is given (a parameter named or
// typed as a request, a context, an event or a job), by where it is registered (`app.get(path, handler)`,
// `server.on('request', …)`), or by a route decorator on a method (`@Get()` of NestJS, `@Query()` of a GraphQL
// resolver).
// A parameter named like a request but typed as a string or number (`message: string`, `event: 'save'`) is text to
// show or a name to match, not a request: it says nothing about how often the function runs. A function of the
// module, not exported, that a handler calls runs per request too (`await render('home')` in a route).
import ts from 'typescript';

import type { AnalyzableFunction } from './call-graph';
import { callOfUse, enclosingFunction, moduleLocalUsesOf } from './module-uses';

const REQUEST_PARAMETER_NAME = /^(req|request|ctx|context|event|message|msg|job)$/i;
const REQUEST_PARAMETER_TYPE = /(Request|IncomingMessage|Context|Event|Message|Job)$/;
/** Decorators that make a method a route or a message handler (NestJS, its GraphQL and microservice packages). */
const ROUTE_DECORATORS = new Set([
  'Get',
  'Post',
  'Put',
  'Patch',
  'Delete',
  'All',
  'Head',
  'Options',
  'Query',
  'Mutation',
  'Subscription',
  'ResolveField',
  'MessagePattern',
  'EventPattern',
  'SubscribeMessage',
]);
/** Methods that register a callback run once per request or event. */
const REGISTRATION_METHODS = new Set([
  'on',
  'once',
  'addListener',
  'addEventListener',
  'handle',
  'use',
  'all',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'route',
  'subscribe',
  'createServer',
]);

/** True when `fn` runs per request or event rather than once. */
export function isRequestHandler(checker: ts.TypeChecker, fn: AnalyzableFunction): boolean {
  return runsPerRequest(checker, fn, new Set());
}

function runsPerRequest(
  checker: ts.TypeChecker,
  fn: AnalyzableFunction,
  visiting: Set<AnalyzableFunction>,
): boolean {
  if (isRegisteredCallback(fn) || hasRouteDecorator(fn) || takesRequest(checker, fn)) return true;
  if (visiting.has(fn)) return false;
  visiting.add(fn);
  // Registered by its module (`app.get('/', home)`), or called by a handler of its module: `async function
  // render(name) { … }` called in `app.get('/', async () => …)`.
  return (moduleLocalUsesOf(checker, fn) ?? []).some((use) => {
    if (isRegistered(use)) return true;
    const call = callOfUse(use);
    const caller = call && enclosingFunction(call);
    return (
      caller !== undefined &&
      typeof caller !== 'string' &&
      runsPerRequest(checker, caller, visiting)
    );
  });
}

/** `@Get(':id') async find(…)`: a method a framework runs per request. */
function hasRouteDecorator(fn: AnalyzableFunction): boolean {
  if (!ts.isMethodDeclaration(fn)) return false;
  return (ts.getDecorators(fn) ?? []).some((decorator) => {
    const expression = ts.isCallExpression(decorator.expression)
      ? decorator.expression.expression
      : decorator.expression;
    const name = ts.isIdentifier(expression)
      ? expression.text
      : ts.isPropertyAccessExpression(expression)
        ? expression.name.text
        : undefined;
    return name !== undefined && ROUTE_DECORATORS.has(name);
  });
}

/** A parameter named or typed as a request, a context, an event, a message or a job. */
function takesRequest(checker: ts.TypeChecker, fn: ts.SignatureDeclaration): boolean {
  return fn.parameters.some((parameter) => {
    const type = checker.getTypeAtLocation(parameter);
    if (ts.isIdentifier(parameter.name) && REQUEST_PARAMETER_NAME.test(parameter.name.text))
      return !isPrimitive(type);
    const typeName = type.aliasSymbol?.getName() ?? type.getSymbol()?.getName() ?? '';
    return REQUEST_PARAMETER_TYPE.test(typeName);
  });
}

/** `app.get('/x', async (req, res) => …)`, `server.on('request', async function () { … })`. */
function isRegisteredCallback(fn: ts.SignatureDeclaration): boolean {
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && isRegistered(fn);
}

/** `expression` given to a method that registers a callback: `app.get('/x', expression)`. */
function isRegistered(expression: ts.Node): boolean {
  let node: ts.Node = expression;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return false;
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : undefined;
  return name !== undefined && REGISTRATION_METHODS.has(name);
}

const PRIMITIVE_FLAGS =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null;

/** `string`, `'save' | 'close'`, `number | undefined`: a value that cannot be a request, context or event object. */
function isPrimitive(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isPrimitive);
  return (type.flags & PRIMITIVE_FLAGS) !== 0;
}
