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
    assert.deepEqual(
      Object.keys(plugin.configs.strict.rules ?? {}).sort(),
      ids.map((id) => `loopguard/${id}`).sort(),
    );
    for (const entry of Object.values(plugin.configs.strict.rules ?? {})) {
      assert.equal(Array.isArray(entry) ? entry[0] : entry, 'error');
    }
    assert.equal(plugin.configs.recommended.rules?.['loopguard/no-floating-promises'], 'error');
    assert.equal(
      plugin.configs.recommended.rules?.['loopguard/no-unhandled-task-rejection'],
      'error',
    );
    assert.equal(
      plugin.configs.recommended.rules?.['loopguard/require-timeout'],
      undefined,
      'require-timeout is strict-only',
    );
    assert.equal(plugin.configs.recommended.plugins?.loopguard, plugin);
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
