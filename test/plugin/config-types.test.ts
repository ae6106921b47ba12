// The plugin's configs in a TypeScript `eslint.config.ts`, as users write one: passed to ESLint's `defineConfig`
// and to `tseslint.config`, `extends`ed, and the plugin itself under `plugins` (fixtures/config-types).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import * as ts from 'typescript';

import { FIXTURES } from '../support/paths';

describe('eslint-plugin-loopguard types', () => {
  it('type-checks in an eslint.config.ts with defineConfig(...) and tseslint.config(...)', function () {
    this.timeout(120_000);
    const tsconfig = path.join(FIXTURES, 'config-types', 'tsconfig.json');
    const read = ts.getParsedCommandLineOfConfigFile(
      tsconfig,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) =>
          assert.fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
      },
    );
    assert.ok(read);
    const program = ts.createProgram({ rootNames: read.fileNames, options: read.options });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) =>
      ts.formatDiagnostic(diagnostic, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => path.dirname(tsconfig),
        getNewLine: () => '\n',
      }),
    );
    assert.deepEqual(diagnostics, []);
    assert.ok(
      program
        .getSourceFiles()
        .some((file) => file.fileName.includes('/eslint-plugin/dist/index.d.ts')),
      "the plugin's own declarations were checked",
    );
  });
});
