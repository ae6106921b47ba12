// The language server and ESLint's bulk suppressions: a finding the workspace folder's `eslint-suppressions.json`
// suppresses is published as a hint (never an error or warning), and one more error of the rule in the file makes
// all of them problems again, as in `eslint` and `loopguard lint`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';

import { TEST_BUDGET_MS } from '../support/budgets';
import { LspSession } from '../support/lsp-client';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

const TWO_FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n  save();\n}\n';
const SUPPRESSIONS = JSON.stringify({
  'src/a.ts': { 'loopguard/no-floating-promises': { count: 2 } },
});

describe('loopguard-language-server and eslint-suppressions.json', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('shows suppressed findings as hints, and as errors once the file has more than the count', async () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint-suppressions.json': SUPPRESSIONS,
      'src/a.ts': TWO_FLOATING,
    });
    const { session } = await LspSession.start({ folders: [root] });
    try {
      const uri = await session.open(path.join(root, 'src', 'a.ts'));
      const suppressed = await session.nextDiagnostics(uri, 0);
      assert.deepEqual(
        suppressed.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        [
          ['loopguard/no-floating-promises', DiagnosticSeverity.Hint],
          ['loopguard/no-floating-promises', DiagnosticSeverity.Hint],
        ],
      );
      const seen = session.diagnosticsCount(uri);
      const version = await session.change(
        uri,
        TWO_FLOATING.replace('  save();\n}', '  save();\n  save();\n}'),
      );
      const third = await session.diagnosticsMatching(
        uri,
        seen,
        'the diagnostics of the edit with a third floating promise',
        (params) => params.version === version,
      );
      assert.deepEqual(
        third.diagnostics.map((diagnostic) => diagnostic.severity),
        [DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Error],
      );
      assert.ok(fs.existsSync(path.join(root, 'eslint-suppressions.json')));
    } finally {
      session.kill();
    }
  });
});
