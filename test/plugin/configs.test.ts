// The plugin as users meet it: its configs in a real `eslint.config.*` (ESM and CommonJS) next to typescript-eslint,
// and the clear failure when type information is missing.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import { ESLint, Linter } from 'eslint';
import plugin from 'eslint-plugin-loopguard';

import { FIXTURES } from '../support/paths';

describe('eslint-plugin-loopguard configs', () => {
  for (const kind of ['esm', 'cjs']) {
    it(`works from a ${kind === 'esm' ? 'ES module' : 'CommonJS'} eslint.config next to tseslint.configs.recommendedTypeChecked`, async () => {
      const cwd = path.join(FIXTURES, `eslint-config-${kind}`);
      const eslint = new ESLint({ cwd });
      const [result] = await eslint.lintFiles(['src/index.ts']);
      const findings = result!.messages.map((message) => [
        message.ruleId,
        message.line,
        message.column,
      ]);
      assert.deepEqual(findings, [['loopguard/no-floating-promises', 4, 3]]);
    });
  }

  it('puts every rule in strict as an error and derives recommended from the rules', () => {
    const ids = Object.keys(plugin.rules);
    const [strict] = plugin.configs.strict;
    const [recommended] = plugin.configs.recommended;
    assert.deepEqual(
      Object.keys(strict?.rules ?? {}).sort(),
      ids.map((id) => `loopguard/${id}`).sort(),
    );
    for (const entry of Object.values(strict?.rules ?? {})) {
      assert.equal(Array.isArray(entry) ? entry[0] : entry, 'error');
    }
    assert.equal(recommended?.rules?.['loopguard/no-floating-promises'], 'error');
    assert.equal(recommended?.rules?.['loopguard/no-unhandled-task-rejection'], 'error');
    assert.equal(
      recommended?.rules?.['loopguard/require-timeout'],
      undefined,
      'require-timeout is strict-only',
    );
    assert.equal(recommended?.plugins?.loopguard, plugin);
  });

  describe('test files', () => {
    /** The rules ESLint resolves for `file` under `config`, as `loopguard/<id>` → [severity, options?]. */
    async function rulesFor(config: Linter.Config[], file: string) {
      const eslint = new ESLint({
        cwd: FIXTURES,
        overrideConfigFile: true,
        overrideConfig: config,
      });
      const resolved = (await eslint.calculateConfigForFile(file)) as
        { rules?: Record<string, unknown[]> } | undefined;
      return resolved?.rules ?? {};
    }

    it('recommended and strict know the common test globs and change three rules there', async () => {
      const files = [
        'src/orders.test.ts',
        'src/orders.spec.tsx',
        'packages/api/test/orders.ts',
        'tests/e2e/orders.mts',
        'src/__tests__/orders.js',
      ] as const;
      const resolved = await Promise.all(
        files.map(async (file) => ({
          file,
          recommended: await rulesFor(plugin.configs.recommended, file),
          strict: await rulesFor(plugin.configs.strict, file),
        })),
      );
      for (const { file, recommended, strict } of resolved) {
        assert.deepEqual(
          recommended['loopguard/no-floating-promises'],
          [2, { testCode: true }],
          file,
        );
        assert.deepEqual(recommended['loopguard/no-unhandled-task-rejection'], [0], file);
        assert.deepEqual(strict['loopguard/require-timeout'], [0], file);
        assert.deepEqual(strict['loopguard/no-blocking-in-async'], [2], file);
      }
      const production = await rulesFor(plugin.configs.strict, 'src/testing.ts');
      assert.deepEqual(production['loopguard/no-floating-promises'], [2]);
      assert.deepEqual(production['loopguard/no-unhandled-task-rejection'], [2]);
      assert.deepEqual(production['loopguard/require-timeout'], [2]);
    });

    it('never switches a rule on for a file the configs do not lint', async () => {
      const rules = await rulesFor(plugin.configs.strict, 'test/fixtures/data.json');
      assert.deepEqual(
        Object.keys(rules).filter((id) => id.startsWith('loopguard/')),
        [],
      );
    });

    it('takes other test globs through configsWithTestFiles', async () => {
      const { recommended } = plugin.configsWithTestFiles(['e2e/**']);
      assert.deepEqual(
        (await rulesFor(recommended, 'e2e/login.ts'))['loopguard/no-unhandled-task-rejection'],
        [0],
      );
      assert.deepEqual(
        (await rulesFor(recommended, 'src/orders.test.ts'))[
          'loopguard/no-unhandled-task-rejection'
        ],
        [2],
      );
      assert.deepEqual(plugin.testFiles, [
        '**/*.test.*',
        '**/*.spec.*',
        '**/test/**',
        '**/tests/**',
        '**/__tests__/**',
      ]);
      assert.throws(
        () => plugin.configsWithTestFiles('test/**' as unknown as string[]),
        /testFiles must be an array of glob strings/,
      );
    });
  });

  it("fails with typescript-eslint's 'requires type information' error when there is none", () => {
    const linter = new Linter({ configType: 'flat' });
    assert.throws(
      () =>
        linter.verify('async function f() {} f();', [
          {
            plugins: {
              loopguard: plugin as unknown as NonNullable<Linter.Config['plugins']>[string],
            },
            rules: { 'loopguard/no-floating-promises': 'error' },
          },
        ]),
      /requires type information/,
    );
  });
});
