// Regression: typescript-estree infers `tsconfigRootDir` from every typescript-eslint config evaluated in the process
// and throws once there are two (a language server with two workspace folders, or this test run, which loads the
// fixtures' ESM and CommonJS configs). The engine passes the program's directory, so its lints do not depend on that.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import {
  addCandidateTSConfigRootDir,
  clearCandidateTSConfigRootDirs,
} from '@typescript-eslint/typescript-estree';
import { Engine } from 'loopguard';

import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

describe('Engine with several typescript-eslint configs loaded in the process', function () {
  this.timeout(60_000);
  after(() => {
    clearCandidateTSConfigRootDirs();
    removeTempProjects();
  });

  it('still lints: the tsconfigRootDir it passes is explicit', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': 'declare function f(): Promise<void>;\nexport async function g() {\n  f();\n}\n',
    });
    addCandidateTSConfigRootDir(path.join(root, 'one'));
    addCandidateTSConfigRootDir(path.join(root, 'two'));
    const outcome = new Engine({ root }).lintFile(
      path.join(root, 'a.ts').split(path.sep).join('/'),
    );
    assert.equal(outcome.kind, 'linted');
    const found =
      outcome.kind === 'linted'
        ? outcome.result.messages.map((message) => [message.ruleId, message.line])
        : [];
    assert.deepEqual(found, [['loopguard/no-floating-promises', 3]]);
  });
});
