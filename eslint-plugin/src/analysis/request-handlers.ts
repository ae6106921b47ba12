// Whether an async function serves requests or events: it runs once per request, message or event, so anything it
// does once per run multiplies with the traffic. Told by what the function is given (a parameter named or typed as a
// request, a context or an event) or by where it is registered (`app.get(path, handler)`, `server.on('request', …)`).
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
    if (ts.isIdentifier(parameter.name) && REQUEST_PARAMETER_NAME.test(parameter.name.text))
      return true;
    const type = checker.getTypeAtLocation(parameter);
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
