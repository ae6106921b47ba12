// The test table of `require-timeout`, shared by the rule test (run with type information from test/fixtures/typed),
// the test that type-checks every case and output, and the fix-safety test.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type loopguard from 'eslint-plugin-loopguard';

type Options = loopguard.RuleOptions['require-timeout'];
type MessageIds = loopguard.RuleMessageIds['require-timeout'];

const SIGNAL = 'signal: AbortSignal.timeout(10000)';

/**
 * A finding on the one `fetch(…)` of `code` that has no signal, whose suggestion adds one: as a new init object
 * (`fetch(url)`), or merged into a one-property init object (`fetch(url, { method })`).
 */
function unboundedFetch(
  name: string,
  code: string,
  at: { line: number; column: number },
  options?: Options[0],
): InvalidTestCase<MessageIds, Options> {
  const output = code
    .replace(/fetch\(([^,()]+)\)/, `fetch($1, { ${SIGNAL} })`)
    .replace(/fetch\(([^,()]+), \{ (\w+) \}\)/, `fetch($1, { $2, ${SIGNAL} })`);
  return {
    name,
    code,
    ...(options ? { options: [options] } : {}),
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        ...at,
        endColumn: at.column + 'fetch'.length,
        suggestions: [{ messageId: 'addSignalTimeout', output }],
      },
    ],
  };
}

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'fetch with AbortSignal.timeout',
    code: 'export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) });',
  },
  {
    name: 'a signal from AbortSignal.timeout in a constant',
    code: 'export async function load(url: string) {\n  const signal = AbortSignal.timeout(5000);\n  return fetch(url, { signal });\n}',
  },
  {
    name: 'AbortSignal.any with a timeout among its signals',
    code: 'export async function load(url: string) {\n  const controller = new AbortController();\n  return fetch(url, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(5000)]) });\n}',
  },
  {
    name: 'an AbortController aborted by setTimeout in the same function',
    code: 'export async function load(url: string) {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 5000);\n  try {\n    return await fetch(url, { signal: controller.signal });\n  } finally {\n    clearTimeout(timer);\n  }\n}',
  },
  {
    name: 'an AbortController aborted through setTimeout(controller.abort.bind(controller))',
    code: 'export async function load(url: string) {\n  const controller = new AbortController();\n  setTimeout(controller.abort.bind(controller), 5000);\n  return fetch(url, { signal: controller.signal });\n}',
  },
  {
    name: "an AbortController aborted after node:timers/promises' setTimeout",
    code: "import { setTimeout as sleep } from 'node:timers/promises';\nexport async function load(url: string) {\n  const controller = new AbortController();\n  void sleep(5000).then(() => controller.abort());\n  return fetch(url, { signal: controller.signal });\n}",
  },
  {
    name: 'a signal passed in by the caller',
    code: 'export const load = (url: string, signal: AbortSignal) => fetch(url, { signal });',
  },
  {
    name: "a signal from the caller's options",
    code: 'export const load = (url: string, options: { signal: AbortSignal }) => fetch(url, { method: "GET", signal: options.signal });',
  },
  {
    name: 'a signal destructured from a parameter',
    code: 'export const load = (url: string, { signal }: { signal?: AbortSignal }) => fetch(url, { signal });',
  },
  {
    name: 'an init object passed in by the caller may hold a signal',
    code: 'export const load = (url: string, init?: RequestInit) => fetch(url, init);',
  },
  {
    name: 'a spread whose type can hold a signal',
    code: "export const load = (url: string, init: RequestInit) => fetch(url, { ...init, method: 'POST' });",
  },
  {
    name: 'fetch(request): the Request carries its own signal',
    code: 'export const load = (request: Request) => fetch(request);',
  },
  {
    name: 'a signal of unknown origin (a field) is not second-guessed',
    code: 'export class Client {\n  constructor(private readonly signal: AbortSignal) {}\n  load(url: string) {\n    return fetch(url, { signal: this.signal });\n  }\n}',
  },
  {
    name: "undici's request with a signal",
    code: "import { request } from 'undici';\nexport const load = (url: string) => request(url, { signal: AbortSignal.timeout(5000) });",
  },
  {
    name: "undici's fetch with a signal",
    code: "import { fetch } from 'undici';\nexport const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) });",
  },
  {
    name: 'http.get with a signal',
    code: "import * as http from 'node:http';\nexport const load = (url: string) => http.get(url, { signal: AbortSignal.timeout(5000) }, (res) => res.resume());",
  },
  {
    name: "the timeout option with a 'timeout' handler that destroys the request",
    code: "import * as https from 'node:https';\nexport function load(url: string) {\n  const req = https.request(url, { timeout: 5000 });\n  req.on('timeout', () => req.destroy(new Error('timed out')));\n  req.end();\n}",
  },
  {
    name: 'request.setTimeout(ms, handler) chained on the call',
    code: "import * as http from 'node:http';\nexport function load(url: string) {\n  http.get(url, (res) => res.resume()).setTimeout(5000, function (this: http.ClientRequest) {\n    this.destroy();\n  });\n}",
  },
  {
    name: 'axios with a timeout',
    code: "import axios from 'axios';\nexport const load = (url: string) => axios.get(url, { timeout: 5000 });",
  },
  {
    name: 'axios with a signal',
    code: "import axios from 'axios';\nexport const save = (url: string, body: unknown) => axios.post(url, body, { signal: AbortSignal.timeout(5000) });",
  },
  {
    name: 'an axios instance created with a timeout',
    code: "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });\nexport const load = (path: string) => api.get(path);",
  },
  {
    name: 'an axios instance whose defaults get a timeout',
    code: "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.example.com' });\napi.defaults.timeout = 5000;\nexport const load = (path: string) => api(path);",
  },
  {
    name: 'axios.defaults.timeout set in the same file',
    code: "import axios from 'axios';\naxios.defaults.timeout = 5000;\nexport const load = (url: string) => axios.get(url);",
  },
  {
    name: 'an axios instance the rule cannot trace (a parameter) is not reported',
    code: "import type { AxiosInstance } from 'axios';\nexport const load = (api: AxiosInstance, path: string) => api.get(path);",
  },
  {
    name: "axios's cancelToken counts as a deadline the code manages",
    code: "import axios, { type CancelToken } from 'axios';\nexport const load = (url: string, cancelToken: CancelToken) => axios.get(url, { cancelToken });",
  },
  {
    name: 'got with a signal',
    code: "import got from 'got';\nexport const load = (url: string) => got(url, { signal: AbortSignal.timeout(5000) });",
  },
  {
    name: "got.get with got's own request timeout",
    code: "import got from 'got';\nexport const load = (url: string) => got.get(url, { timeout: { request: 5000 } });",
  },
  {
    name: 'a got instance made with extend: its defaults are not traced, so it is not reported',
    code: "import got from 'got';\nconst client = got.extend({ prefixUrl: 'https://api.example.com' });\nexport const load = (path: string) => client.get(path);",
  },
  {
    name: 'got.extend itself makes no request',
    code: "import got from 'got';\nexport const client = got.extend({ timeout: {} });",
  },
  {
    name: 'ky without options: ky aborts after 10 seconds by default',
    code: "import ky from 'ky';\nexport const load = (url: string) => ky.get(url).json();",
  },
  {
    name: 'ky called directly with a timeout of its own',
    code: "import ky from 'ky';\nexport const load = (url: string) => ky(url, { timeout: 5000 });",
  },
  {
    name: 'a ky instance made with create is not reported',
    code: "import ky from 'ky';\nconst api = ky.create({ prefixUrl: 'https://api.example.com', timeout: false });\nexport const load = (path: string) => api.get(path);",
  },
  {
    name: 'node-fetch with a signal',
    code: "import fetch from 'node-fetch';\nexport const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) });",
  },
  {
    name: 'a request returned to the caller: an arrow whose body is the request',
    code: 'export const load = (url: string) => fetch(url);',
  },
  {
    name: 'a request returned from a function: the caller sets the deadline',
    code: "import got from 'got';\nexport function load(url: string) {\n  return got(url);\n}",
  },
  {
    name: 'a request returned from a method through an axios instance without a timeout',
    code: "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.example.com' });\nexport class Users {\n  load(id: string) {\n    return api.get(`/users/${id}`);\n  }\n}",
  },
  {
    name: 'a request awaited where it is returned',
    code: 'export async function load(url: string) {\n  return await fetch(url);\n}',
  },
  {
    name: 'a request kept in a variable that is returned',
    code: "export async function load(url: string) {\n  const pending = fetch(url);\n  console.log('loading', url);\n  return pending;\n}",
  },
  {
    name: 'a response awaited into a variable that is returned',
    code: 'export async function load(url: string) {\n  const response = await fetch(url);\n  console.log(response.status);\n  return response;\n}',
  },
  {
    name: 'a promise chained on the request with then is returned',
    code: 'export const loadJson = (url: string) => fetch(url).then((response) => response.json());',
  },
  {
    name: "got's json() on the request's own promise is returned",
    code: "import got from 'got';\nexport const loadJson = (url: string) => got(url).json<unknown>();",
  },
  {
    name: 'either branch of a conditional is returned',
    code: "export const load = (url: string, post: boolean) => (post ? fetch(url, { method: 'POST' }) : fetch(url));",
  },
  {
    name: "node:http's request object returned to the caller, who can set its timeout",
    code: "import * as http from 'node:http';\nexport function open(url: string) {\n  return http.get(url);\n}",
  },
  {
    name: 'a function of the project named fetch',
    code: 'declare function fetch(url: string): Promise<string>;\nexport const load = (url: string) => fetch(url);\nexport {};',
    filename: 'file.mts',
  },
  {
    name: 'a get method that is not a network call',
    code: 'const cache = new Map<string, number>();\nexport const read = (key: string) => cache.get(key);',
  },
  {
    name: 'browser code: a page that reads document fetches in front of a person',
    code: "export async function showImage(url: string) {\n  const response = await fetch(url);\n  const image = document.createElement('img');\n  image.src = URL.createObjectURL(await response.blob());\n  document.body.append(image);\n}",
  },
  {
    name: 'browser code: window read anywhere in the file, outside the function with the request',
    code: 'export const scrollTop = () => window.scrollTo(0, 0);\nexport async function load(url: string) {\n  const response = await fetch(url);\n  return (await response.json()) as unknown;\n}',
  },
  {
    name: "browser code: a handler of the page's DragEvent, with no DOM global named",
    code: "export function onDrop(event: DragEvent, insert: (image: Blob) => void) {\n  const url = event.dataTransfer?.getData('text/uri-list');\n  if (url) void fetch(url).then(async (response) => insert(await response.blob()));\n}",
  },
  {
    name: "browser code: the page's KeyboardEvent, also declared by a package's empty stand-in",
    code: "import type {} from 'page-stand-ins';\nexport async function onKey(event: KeyboardEvent, url: string) {\n  if (event.key === 'Enter') await fetch(url);\n}",
  },
  {
    name: 'browser code: an element type of the page',
    code: 'export async function size(image: HTMLImageElement) {\n  const response = await fetch(image.src);\n  return (await response.blob()).size;\n}',
  },
  {
    name: "browser code: the window's localStorage and an axios call",
    code: "import axios from 'axios';\nexport async function restore() {\n  const { data } = await axios.get<string>('/api/session');\n  window.localStorage.setItem('session', data);\n}",
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  unboundedFetch(
    'browser code with checkBrowserCode: reported as anywhere else',
    'export async function showImage(url: string) {\n  const response = await fetch(url);\n  document.title = response.statusText;\n}',
    { line: 2, column: 26 },
    { checkBrowserCode: true },
  ),
  unboundedFetch(
    'only a typeof check of window: code shared with a server is not browser code',
    "export async function load(url: string) {\n  const response = await fetch(url);\n  return typeof window === 'undefined' ? response.status : 0;\n}",
    { line: 2, column: 26 },
  ),
  unboundedFetch(
    "a project's own type named Element is not the page's",
    'interface Element {\n  url: string;\n}\nexport async function load(element: Element) {\n  const response = await fetch(element.url);\n  return response.status;\n}',
    { line: 5, column: 26 },
  ),
  unboundedFetch(
    'types a server shares with the DOM library (Response, RequestInit) are not browser code',
    "export async function load(url: string, method: RequestInit['method']) {\n  const response: Response = await fetch(url, { method });\n  return response.status;\n}",
    { line: 2, column: 36 },
  ),
  unboundedFetch(
    'navigator alone is not browser code: Node has its own (hardwareConcurrency)',
    'export async function load(url: string) {\n  const response = await fetch(url);\n  return navigator.hardwareConcurrency + response.status;\n}',
    { line: 2, column: 26 },
  ),
  unboundedFetch(
    'a variable of the project named document is not the DOM',
    "const document = { title: '' };\nexport async function load(url: string) {\n  const response = await fetch(url);\n  document.title = response.statusText;\n}",
    { line: 3, column: 26 },
  ),
  {
    name: 'fetch without options: an init object is added',
    code: 'export const load = async (url: string) => { await fetch(url); };',
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'fetch' },
        line: 1,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export const load = async (url: string) => { await fetch(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'an init object without a signal: the signal is merged into it',
    code: "export const save = async (url: string) => { await fetch(url, { method: 'POST' }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 1,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export const save = async (url: string) => { await fetch(url, { method: 'POST', ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'a multi-line init object gets the signal on a line of its own',
    code: "export const save = async (url: string, body: string) => {\n  await fetch(url, {\n    method: 'POST',\n    body,\n  });\n};",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 9,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export const save = async (url: string, body: string) => {\n  await fetch(url, {\n    method: 'POST',\n    body,\n    ${SIGNAL},\n  });\n};`,
          },
        ],
      },
    ],
  },
  {
    name: 'an empty init object',
    code: 'export const load = async (url: string) => { await fetch(url, {}); };',
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 1,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export const load = async (url: string) => { await fetch(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'an init constant without a signal: spread into a new object',
    code: "const init = { method: 'DELETE' };\nexport const remove = async (url: string) => { await fetch(url, init); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 54,
        endColumn: 59,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `const init = { method: 'DELETE' };\nexport const remove = async (url: string) => { await fetch(url, { ...init, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'a spread whose type has no signal',
    code: "const base = { method: 'GET' };\nexport const load = async (url: string) => { await fetch(url, { ...base }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `const base = { method: 'GET' };\nexport const load = async (url: string) => { await fetch(url, { ...base, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'signal: undefined is replaced',
    code: 'export const load = async (url: string) => { await fetch(url, { signal: undefined }); };',
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 1,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export const load = async (url: string) => { await fetch(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'a controller that no timer aborts: the signal is combined with a deadline',
    code: 'export async function load(url: string) {\n  const controller = new AbortController();\n  await fetch(url, { signal: controller.signal });\n}',
    output: null,
    errors: [
      {
        messageId: 'signalWithoutTimer',
        data: { callee: 'fetch' },
        line: 3,
        column: 9,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'combineWithTimeout',
            output:
              'export async function load(url: string) {\n  const controller = new AbortController();\n  await fetch(url, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10000)]) });\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a shorthand signal property is written out when combined',
    code: 'export async function load(url: string) {\n  const controller = new AbortController();\n  const signal = controller.signal;\n  await fetch(url, { signal });\n}',
    output: null,
    errors: [
      {
        messageId: 'signalWithoutTimer',
        line: 4,
        column: 9,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'combineWithTimeout',
            output:
              'export async function load(url: string) {\n  const controller = new AbortController();\n  const signal = controller.signal;\n  await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(10000)]) });\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'a controller aborted by an event, not a timer',
    code: "import { EventEmitter } from 'node:events';\nexport async function load(url: string, shutdown: EventEmitter) {\n  const controller = new AbortController();\n  shutdown.once('close', () => controller.abort());\n  await fetch(url, { signal: controller.signal });\n}",
    output: null,
    errors: [
      {
        messageId: 'signalWithoutTimer',
        line: 5,
        column: 9,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'combineWithTimeout',
            output:
              "import { EventEmitter } from 'node:events';\nexport async function load(url: string, shutdown: EventEmitter) {\n  const controller = new AbortController();\n  shutdown.once('close', () => controller.abort());\n  await fetch(url, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10000)]) });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'the signal of a controller created in place',
    code: 'export const load = async (url: string) => { await fetch(url, { signal: new AbortController().signal }); };',
    output: null,
    errors: [
      {
        messageId: 'signalWithoutTimer',
        line: 1,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'combineWithTimeout',
            output:
              'export const load = async (url: string) => { await fetch(url, { signal: AbortSignal.any([new AbortController().signal, AbortSignal.timeout(10000)]) }); };',
          },
        ],
      },
    ],
  },
  {
    name: 'AbortSignal.any without a timed signal',
    code: 'export async function load(url: string) {\n  const controller = new AbortController();\n  await fetch(url, { signal: AbortSignal.any([controller.signal]) });\n}',
    output: null,
    errors: [
      {
        messageId: 'signalWithoutTimer',
        line: 3,
        column: 9,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'combineWithTimeout',
            output:
              'export async function load(url: string) {\n  const controller = new AbortController();\n  await fetch(url, { signal: AbortSignal.any([AbortSignal.any([controller.signal]), AbortSignal.timeout(10000)]) });\n}',
          },
        ],
      },
    ],
  },
  {
    name: 'globalThis.fetch is the same global fetch',
    code: 'export const load = async (url: string) => { await globalThis.fetch(url); };',
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'globalThis.fetch' },
        line: 1,
        column: 52,
        endColumn: 68,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export const load = async (url: string) => { await globalThis.fetch(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: "undici's fetch under another name",
    code: "import { fetch as get } from 'undici';\nexport const load = async (url: string) => { await get(url); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'get' },
        line: 2,
        column: 52,
        endColumn: 55,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import { fetch as get } from 'undici';\nexport const load = async (url: string) => { await get(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: "undici's request without options",
    code: "import { request } from 'undici';\nexport const load = async (url: string) => { await request(url); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 52,
        endColumn: 59,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import { request } from 'undici';\nexport const load = async (url: string) => { await request(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: "undici's request through the namespace, with options but no signal",
    code: "import * as undici from 'undici';\nexport const load = async (url: string) => { await undici.request(url, { method: 'GET' }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'undici.request' },
        line: 2,
        column: 52,
        endColumn: 66,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import * as undici from 'undici';\nexport const load = async (url: string) => { await undici.request(url, { method: 'GET', ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'http.get(url, callback): options go between them',
    code: "import * as http from 'node:http';\nexport const load = (url: string) => { http.get(url, (res) => res.resume()); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'http.get' },
        line: 2,
        column: 40,
        endColumn: 48,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import * as http from 'node:http';\nexport const load = (url: string) => { http.get(url, { ${SIGNAL} }, (res) => res.resume()); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'http.request with an options object',
    code: "import http from 'node:http';\nexport const send = () => { http.request({ host: 'example.com', method: 'POST' }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 29,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import http from 'node:http';\nexport const send = () => { http.request({ host: 'example.com', method: 'POST', ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: "node:http's timeout: 0 turns the timeout off (the message says so, not that it only emits an event)",
    code: "import * as https from 'node:https';\nexport const load = (url: string) => { https.get(url, { timeout: 0 }); };",
    output: null,
    errors: [
      {
        messageId: 'timeoutDisabled',
        data: { callee: 'https.get', value: '0' },
        line: 2,
        column: 40,
        endColumn: 49,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import * as https from 'node:https';\nexport const load = (url: string) => { https.get(url, { timeout: 0, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: "https' timeout option alone only emits an event",
    code: "import * as https from 'node:https';\nexport const load = (url: string) => { https.get(url, { timeout: 5000 }); };",
    output: null,
    errors: [
      {
        messageId: 'timeoutOptionOnly',
        data: { callee: 'https.get' },
        line: 2,
        column: 40,
        endColumn: 49,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import * as https from 'node:https';\nexport const load = (url: string) => { https.get(url, { timeout: 5000, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: "a 'timeout' listener without a timeout set never fires",
    code: "import * as http from 'node:http';\nexport function load(url: string) {\n  const req = http.get(url);\n  req.on('timeout', () => req.destroy());\n}",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 3,
        column: 15,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import * as http from 'node:http';\nexport function load(url: string) {\n  const req = http.get(url, { ${SIGNAL} });\n  req.on('timeout', () => req.destroy());\n}`,
          },
        ],
      },
    ],
  },
  {
    name: "axios.get: axios's own timeout first, then a signal",
    code: "import axios from 'axios';\nexport const load = async (url: string) => { await axios.get(url); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'axios.get' },
        line: 2,
        column: 52,
        endColumn: 61,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nexport const load = async (url: string) => { await axios.get(url, { timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nexport const load = async (url: string) => { await axios.get(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios.post without data: the skipped data argument becomes undefined',
    code: "import axios from 'axios';\nexport const ping = async (url: string) => { await axios.post(url); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 52,
        endColumn: 62,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nexport const ping = async (url: string) => { await axios.post(url, undefined, { timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nexport const ping = async (url: string) => { await axios.post(url, undefined, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios.put with a config object',
    code: "import axios from 'axios';\nexport const save = async (url: string, body: unknown) => { await axios.put(url, body, { headers: { 'x-id': '1' } }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 67,
        endColumn: 76,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nexport const save = async (url: string, body: unknown) => { await axios.put(url, body, { headers: { 'x-id': '1' }, timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nexport const save = async (url: string, body: unknown) => { await axios.put(url, body, { headers: { 'x-id': '1' }, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios called directly with a URL',
    code: "import axios from 'axios';\nexport const load = async (url: string) => { await axios(url); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'axios' },
        line: 2,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nexport const load = async (url: string) => { await axios(url, { timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nexport const load = async (url: string) => { await axios(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios called directly with a config',
    code: "import axios from 'axios';\nexport const load = async (url: string) => { await axios({ url, method: 'GET' }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nexport const load = async (url: string) => { await axios({ url, method: 'GET', timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nexport const load = async (url: string) => { await axios({ url, method: 'GET', ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios.request with a config',
    code: "import axios from 'axios';\nexport const load = async (url: string) => { await axios.request({ url }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 52,
        endColumn: 65,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nexport const load = async (url: string) => { await axios.request({ url, timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nexport const load = async (url: string) => { await axios.request({ url, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'timeout: 0 means no timeout in axios',
    code: "import axios from 'axios';\nexport const load = async (url: string) => { await axios.get(url, { timeout: 0 }); };",
    output: null,
    errors: [
      {
        messageId: 'timeoutDisabled',
        line: 2,
        column: 52,
        endColumn: 61,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nexport const load = async (url: string) => { await axios.get(url, { timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nexport const load = async (url: string) => { await axios.get(url, { timeout: 0, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'an axios instance created without a timeout',
    code: "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.example.com' });\nexport const load = async (path: string) => { await api.get(path); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'api.get' },
        line: 3,
        column: 53,
        endColumn: 60,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.example.com' });\nexport const load = async (path: string) => { await api.get(path, { timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.example.com' });\nexport const load = async (path: string) => { await api.get(path, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'an axios instance without a timeout, called directly',
    code: "import axios from 'axios';\nconst api = axios.create();\nexport const load = async (path: string) => { await api(path); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'api' },
        line: 3,
        column: 53,
        endColumn: 56,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios from 'axios';\nconst api = axios.create();\nexport const load = async (path: string) => { await api(path, { timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios from 'axios';\nconst api = axios.create();\nexport const load = async (path: string) => { await api(path, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: "axios from a CommonJS module (axios' own .d.cts types)",
    filename: 'file.cts',
    code: "import axios = require('axios');\nexport const load = async (url: string) => { await axios.get(url); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 52,
        endColumn: 61,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "import axios = require('axios');\nexport const load = async (url: string) => { await axios.get(url, { timeout: 10000 }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import axios = require('axios');\nexport const load = async (url: string) => { await axios.get(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios required in plain JavaScript',
    filename: 'script.js',
    code: "const axios = require('axios');\nasync function load(url) {\n  await axios.get(url);\n}\nmodule.exports = { load };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 3,
        column: 9,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'addAxiosTimeout',
            output:
              "const axios = require('axios');\nasync function load(url) {\n  await axios.get(url, { timeout: 10000 });\n}\nmodule.exports = { load };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `const axios = require('axios');\nasync function load(url) {\n  await axios.get(url, { ${SIGNAL} });\n}\nmodule.exports = { load };`,
          },
        ],
      },
    ],
  },
  {
    name: 'a request in a callback passed to another function is not returned to code that sets a deadline',
    code: 'export const loadAll = (urls: string[]) => Promise.all(urls.map((url) => fetch(url)));',
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 1,
        column: 74,
        endColumn: 79,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export const loadAll = (urls: string[]) => Promise.all(urls.map((url) => fetch(url, { ${SIGNAL} })));`,
          },
        ],
      },
    ],
  },
  {
    name: 'the body of an awaited response is returned, not the request: reported',
    code: 'export async function loadJson(url: string) {\n  const response = await fetch(url);\n  return response.json();\n}',
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 26,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export async function loadJson(url: string) {\n  const response = await fetch(url, { ${SIGNAL} });\n  return response.json();\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'the timeoutMs option sets the inserted deadline',
    code: 'export const load = async (url: string) => { await fetch(url); };',
    options: [{ timeoutMs: 2500 }],
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 1,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            data: { ms: '2500' },
            output:
              'export const load = async (url: string) => { await fetch(url, { signal: AbortSignal.timeout(2500) }); };',
          },
        ],
      },
    ],
  },
  {
    name: 'plain JavaScript',
    filename: 'script.js',
    code: 'async function load(url) {\n  const response = await fetch(url);\n  return response.json();\n}\nmodule.exports = { load };',
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 2,
        column: 26,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `async function load(url) {\n  const response = await fetch(url, { ${SIGNAL} });\n  return response.json();\n}\nmodule.exports = { load };`,
          },
        ],
      },
    ],
  },
  {
    name: 'fetch inside a loop of retries still needs a deadline per call',
    code: 'export async function load(url: string) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    const response = await fetch(url, { cache: "no-store" });\n    if (response.ok) return response.json();\n  }\n  throw new Error("failed");\n}',
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        line: 3,
        column: 28,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `export async function load(url: string) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    const response = await fetch(url, { cache: "no-store", ${SIGNAL} });\n    if (response.ok) return response.json();\n  }\n  throw new Error("failed");\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'got without options: got has no timeout of its own',
    code: "import got from 'got';\nexport const load = async (url: string) => { await got(url); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'got' },
        line: 2,
        column: 52,
        endColumn: 55,
        suggestions: [
          {
            messageId: 'addGotTimeout',
            output:
              "import got from 'got';\nexport const load = async (url: string) => { await got(url, { timeout: { request: 10000 } }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import got from 'got';\nexport const load = async (url: string) => { await got(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'got.post with options but no timeout',
    code: "import got from 'got';\nexport const save = async (url: string, body: unknown) => { await got.post(url, { json: body }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'got.post' },
        line: 2,
        column: 67,
        endColumn: 75,
        suggestions: [
          {
            messageId: 'addGotTimeout',
            output:
              "import got from 'got';\nexport const save = async (url: string, body: unknown) => { await got.post(url, { json: body, timeout: { request: 10000 } }); };",
          },
          {
            messageId: 'addSignalTimeout',
            output: `import got from 'got';\nexport const save = async (url: string, body: unknown) => { await got.post(url, { json: body, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: "got 11, whose options have no signal: only got's own timeout is suggested",
    filename: 'got11/file.ts',
    code: "import got from 'got';\nexport const load = async (url: string) => { await got(url, { headers: {} }); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'got' },
        line: 2,
        column: 52,
        endColumn: 55,
        suggestions: [
          {
            messageId: 'addGotTimeout',
            output:
              "import got from 'got';\nexport const load = async (url: string) => { await got(url, { headers: {}, timeout: { request: 10000 } }); };",
          },
        ],
      },
    ],
  },
  {
    name: "ky's timeout: false turns its default deadline off",
    code: "import ky from 'ky';\nexport const load = async (url: string) => { await ky.get(url, { timeout: false }); };",
    output: null,
    errors: [
      {
        messageId: 'timeoutDisabled',
        data: { callee: 'ky.get', value: 'false' },
        line: 2,
        column: 52,
        endColumn: 58,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import ky from 'ky';\nexport const load = async (url: string) => { await ky.get(url, { timeout: false, ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
  {
    name: 'node-fetch without options',
    code: "import fetch from 'node-fetch';\nexport const load = async (url: string) => { await fetch(url); };",
    output: null,
    errors: [
      {
        messageId: 'noTimeout',
        data: { callee: 'fetch' },
        line: 2,
        column: 52,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'addSignalTimeout',
            output: `import fetch from 'node-fetch';\nexport const load = async (url: string) => { await fetch(url, { ${SIGNAL} }); };`,
          },
        ],
      },
    ],
  },
];
