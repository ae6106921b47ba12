// A three-file project around a protocol client built by a `Proxy` (as vscode-js-debug builds its CDP client): `api.ts`
// declares the interface, `session.ts` builds the client with a `send` that catches every error (so its requests
// cannot reject), and `caller.ts` makes a request it does not wait for, naming only the interface. The lint cache
// and the language server must both see an edit of `session.ts` reach `caller.ts`.

export const PROXY_API = [
  'export interface DebuggerApi {',
  '  enable(params: object): Promise<object | undefined>;',
  '}',
  'export interface Api {',
  '  Debugger: DebuggerApi;',
  '}',
  '',
].join('\n');

export const CATCHING_SESSION = [
  "import type { Api } from './api.js';",
  'declare function sendOrDie(method: string, params: object): Promise<object>;',
  'export class Session {',
  '  send(method: string, params: object): Promise<object | undefined> {',
  '    return sendOrDie(method, params).catch(() => undefined);',
  '  }',
  '  api(): Api {',
  '    return new Proxy(',
  '      {},',
  '      {',
  '        get: (_target, domain: string) =>',
  '          new Proxy(',
  '            {},',
  '            {',
  '              get: (_inner, method: string) => (params: object) =>',
  '                this.send(`${domain}.${method}`, params),',
  '            },',
  '          ),',
  '      },',
  '    ) as Api;',
  '  }',
  '}',
  '',
].join('\n');

/** `session.ts` after the edit: `send` no longer catches, so a request can reject. */
export const REJECTING_SESSION = CATCHING_SESSION.replace(
  'sendOrDie(method, params).catch(() => undefined)',
  'sendOrDie(method, params)',
);

export const PROXY_CALLER = [
  "import type { Api } from './api.js';",
  'export function enable(api: Api): void {',
  '  api.Debugger.enable({});',
  '}',
  '',
].join('\n');
