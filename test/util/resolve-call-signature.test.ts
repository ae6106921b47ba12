// `resolveCallSignature` identifies the overload a call resolves to, also for callable values (an axios instance).
// A test-only rule reports what each call resolves to, as `origin module container.name(parameters)`.
import { ESLintUtils } from '@typescript-eslint/utils';
import { resolveCallSignature } from 'eslint-plugin-loopguard/internal/resolve-callee';

import { createTypedRuleTester } from '../support/rule-tester';

const describeSignature = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', messages: { signature: '{{what}}' }, schema: [] },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    return {
      CallExpression(node) {
        const resolved = resolveCallSignature(services, node);
        const what = resolved
          ? `${resolved.origin} ${resolved.module ?? '-'} ${resolved.container ?? '-'}.${resolved.name ?? '(call)'}(${resolved.parameters.join(', ')})`
          : 'unresolved';
        context.report({ node: node.callee, messageId: 'signature', data: { what } });
      },
    };
  },
});

const ruleTester = createTypedRuleTester();
const at = (what: string) => ({ messageId: 'signature' as const, data: { what } });

ruleTester.run('resolveCallSignature', describeSignature, {
  valid: [],
  invalid: [
    { code: "fetch('https://example.com');", errors: [at('global - global.fetch(input, init)')] },
    {
      name: 'the overload chosen decides the parameters',
      code: "import * as http from 'node:http'; http.get('u', () => {}); http.get('u', {}, () => {});",
      errors: [
        at('module http -.get(options, callback)'),
        at('module http -.get(url, options, callback)'),
      ],
    },
    {
      code: "import { request as r } from 'undici'; r('u');",
      errors: [at('module undici -.request(url, options)')],
    },
    {
      code: "import axios from 'axios'; axios.post('u');",
      errors: [at('module axios Axios.post(url, data, config)')],
    },
    {
      name: 'a callable value: an axios instance called directly',
      code: "import axios from 'axios'; const api = axios.create(); api('u');",
      errors: [
        at('module axios AxiosInstance.create(config)'),
        at('module axios AxiosInstance.(call)(url, config)'),
      ],
    },
    {
      code: 'function helper(a: number) { return a; } helper(1);',
      errors: [at('project - -.helper(a)')],
    },
    { code: 'declare const x: any; x();', errors: [at('unresolved')] },
  ],
});
