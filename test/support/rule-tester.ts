// The typed rule tester every rule table runs on: a real TypeScript project on disk (test/fixtures/typed) whose
// files `file.ts`, `react.tsx`, `file.cts`, `file.mts` and `script.js` take each case's code.
import * as path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';
import tseslint from 'typescript-eslint';

/** The fixture project the typed tester resolves types in; the source tree, not the compiled test folder. */
export const TYPED_FIXTURES = path.resolve(__dirname, '../../fixtures/typed');

/**
 * Parser options for linting a text that is not the file's text on disk with the typed fixture project. Under
 * `CI=true` typescript-estree would otherwise infer a "single run" and type-check the disk text instead, so the
 * rules would see types that do not belong to the linted text.
 */
export const LINTED_TEXT_PARSER_OPTIONS = {
  project: './tsconfig.json',
  tsconfigRootDir: TYPED_FIXTURES,
  disallowAutomaticSingleRunInference: true,
};

// Mocha names its hook `after`; the tester looks for `afterAll`.
RuleTester.afterAll = after;

/**
 * `withTypescriptEslint` defines typescript-eslint's plugin (none of its rules on), as in a user's config next to
 * Loopguard, so that disable comments naming its rules are known to ESLint rather than reported as undefined, and
 * keeps ESLint from calling them unused (their rule is off), as the migration in no-floating-promises' doc does.
 */
export function createTypedRuleTester({ withTypescriptEslint = false } = {}): RuleTester {
  return new RuleTester({
    ...(withTypescriptEslint
      ? {
          plugins: { '@typescript-eslint': tseslint.plugin },
          linterOptions: { reportUnusedDisableDirectives: 'off' as const },
        }
      : {}),
    languageOptions: {
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: TYPED_FIXTURES,
      },
    },
  });
}
