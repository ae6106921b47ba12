// `resolveCallee` identifies calls by declaration, whatever the import style. A test-only rule reports what each
// call resolves to, as `origin module container.name`.
import { ESLintUtils } from '@typescript-eslint/utils';
import { resolveCallee } from 'eslint-plugin-loopguard/internal/resolve-callee';

import { createTypedRuleTester } from '../support/rule-tester';

const describeCallee = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', messages: { callee: '{{what}}' }, schema: [] },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    return {
      CallExpression(node) {
        const callee = resolveCallee(services, node);
        const what = callee
          ? `${callee.origin} ${callee.module ?? '-'} ${callee.container ?? '-'}.${callee.name}`
          : 'unresolved';
        context.report({ node: node.callee, messageId: 'callee', data: { what } });
      },
    };
  },
});

const ruleTester = createTypedRuleTester();
const at = (what: string) => ({ messageId: 'callee' as const, data: { what } });

ruleTester.run('resolveCallee', describeCallee, {
  valid: [],
  invalid: [
    {
      code: "import * as fs from 'node:fs'; fs.readFileSync('x');",
      errors: [at('module fs -.readFileSync')],
    },
    {
      code: "import { readFileSync as r } from 'fs'; r('x');",
      errors: [at('module fs -.readFileSync')],
    },
    { code: "import fs from 'node:fs'; fs.statSync('x');", errors: [at('module fs -.statSync')] },
    {
      code: "import * as fs from 'node:fs'; fs.promises.readFile('x');",
      errors: [at('module fs/promises -.readFile')],
    },
    {
      code: "import { execSync } from 'node:child_process'; execSync('ls');",
      errors: [at('module child_process -.execSync')],
    },
    {
      name: 'require with destructuring in CommonJS JavaScript',
      filename: 'script.js',
      code: "const { readFileSync } = require('fs'); readFileSync('x');",
      errors: [at('global - -.require'), at('module fs -.readFileSync')],
    },
    {
      name: 'a local alias of a function value',
      code: "import * as zlib from 'node:zlib'; const gz = zlib.gzipSync; gz('x');",
      errors: [at('module zlib -.gzipSync')],
    },
    {
      code: 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);',
      errors: [at('global - Atomics.wait')],
    },
    { code: "fetch('https://example.com');", errors: [at('global - -.fetch')] },
    { code: 'function helper() {} helper();', errors: [at('project - -.helper')] },
    { code: 'const o = { m() {} }; o.m();', errors: [at('project - -.m')] },
    { code: 'declare const x: any; x();', errors: [at('unresolved')] },
  ],
});
