// What a call the analysis cannot read does outside the process, and to the object it is called on: judged by its
// module (`fs` by function, an HTTP client by method, `fetch` by its options), else by its name (`getUser` reads;
// `send`, `getOrCreate` may write).
import ts from 'typescript';

import { skipTsWrappers } from '../util/wrappers';
import type { Resource, ResourceUse } from './footprints';
import {
  DATABASE_PACKAGES,
  HTTP_CLIENT_PACKAGES,
  NETWORK_MODULES,
  NODE_MODULES,
  PROCESS_MODULES,
} from './module-catalog';
import { type ResolvedCallee, writtenName } from './resolve-callee';

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

/** The resource outside the process a library call uses, and how; none for calls that stay in memory. */
export function resourceUseOf(
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
  if (DATABASE_PACKAGES.has(module)) {
    const statement = SQL_RUNNERS.has(name) ? sqlStatementOf(call) : undefined;
    if (statement !== undefined) return ['database', SQL_READS.has(statement) ? 'read' : 'write'];
    return ['database', readsByName(name) ? 'read' : 'write'];
  }
  if (HTTP_CLIENT_PACKAGES.has(module))
    return ['network', HTTP_READ_METHODS.has(name) ? 'read' : 'write'];
  if (NODE_MODULES.has(module)) return undefined;
  return ['unknown', readsByName(name) ? 'read' : 'write'];
}

/** Methods of database clients that run the SQL text they are given: what it says tells a read from a write. */
const SQL_RUNNERS = new Set(['query', 'execute']);

/** Statements that only read (`WITH` may lead to any statement, so it is not one). */
const SQL_READS = new Set(['select', 'show', 'explain', 'describe']);

/**
 * The first keyword of the SQL text written as the call's first argument (`'DELETE FROM …'`, a template's head),
 * lower-cased; `undefined` when the text is not written there or starts with no word.
 */
function sqlStatementOf(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const first = call.arguments?.[0];
  if (!first) return undefined;
  const text = ts.isStringLiteralLike(first)
    ? first.text
    : ts.isTemplateExpression(first)
      ? first.head.text
      : undefined;
  if (text === undefined) return undefined;
  const keyword = /^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/|\()*([A-Za-z]+)/.exec(text)?.[1];
  return keyword?.toLowerCase();
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

/**
 * True when a call the analysis cannot read may change the object it is called on: a standard-library method that
 * mutates (`push`, `set`, `setHours`), or any other method whose name does not read.
 */
export function mayChangeReceiver(
  call: ts.CallExpression | ts.NewExpression,
  callee: ResolvedCallee | undefined,
): boolean {
  const name = callee?.name ?? writtenCalleeName(call);
  if (callee?.origin === 'global')
    return name !== undefined && (MUTATING_LIBRARY_METHODS.has(name) || /^set[A-Z]/.test(name));
  return name === undefined || !readsByName(name);
}
