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
    // Read from declarations and declared types, without the checker's narrowing of the callee (resolve-callee.ts).
    {
      name: 'a const arrow function, called by name',
      code: 'const helper = (n: number) => n + 1; helper(1);',
      errors: [at('project - -.helper')],
    },
    {
      name: 'a method of this in a class',
      code: 'export class Job {\n  run() {\n    this.step();\n  }\n  step() {}\n}',
      errors: [at('project - Job.step')],
    },
    {
      name: 'a function property of an intersection-typed value (a guard library)',
      code: 'declare const is: ((value: unknown) => string) & { string(value: unknown): value is string };\ndeclare const x: unknown;\nif (is.string(x)) is(x);',
      errors: [at('project - -.string'), at('project - -.is')],
    },
    {
      name: 'a method of a global object, and a parameter holding a function',
      code: 'Promise.resolve(1);\nexport function settle(resolve: (value: number) => void) {\n  resolve(1);\n}',
      errors: [at('global - PromiseConstructor.resolve'), at('project - -.resolve')],
    },
    {
      name: 'a receiver of a union type goes to the checker, which narrows it',
      code: 'class A {\n  m() {}\n}\nclass B {\n  m() {}\n}\nexport function f(x: A | B) {\n  if (x instanceof A) x.m();\n}',
      errors: [at('project - A.m')],
    },
    {
      name: "a receiver narrowed to a subclass by instanceof: the declared type's method is read",
      code: 'class A {\n  m() {}\n}\nclass B extends A {\n  override m() {}\n}\nexport function f(x: A) {\n  if (x instanceof B) x.m();\n}',
      errors: [at('project - A.m')],
    },
  ],
});
