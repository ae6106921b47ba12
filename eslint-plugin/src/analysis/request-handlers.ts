// Whether an async function serves requests or events: it runs once per request, message or event, so anything it
// does once per run multiplies with the traffic. Told by what the function is given (a parameter named or typed as a
// request, a context or an event) or by where it is registered (`app.get(path, handler)`, `server.on('request', …)`).
// A parameter named like a request but typed as a string or number (`message: string`, `event: 'save'`) is text to
// show or a name to match, not a request: it says nothing about how often the function runs.
import ts from 'typescript';

const REQUEST_PARAMETER_NAME = /^(req|request|ctx|context|event|message|msg)$/i;
const REQUEST_PARAMETER_TYPE = /(Request|IncomingMessage|Context|Event|Message)$/;
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
export function isRequestHandler(checker: ts.TypeChecker, fn: ts.SignatureDeclaration): boolean {
  if (isRegisteredCallback(fn)) return true;
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
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let node: ts.Node = fn;
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
