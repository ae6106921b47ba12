// The main thread's handle on the lint worker, with worker scripts that misbehave: one that cannot start is
// restarted a bounded number of times, then requests fail with a clear message instead of restarting forever.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import { LintWorker } from 'loopguard/internal/lint-worker-client';

import { createTempProject, removeTempProjects } from '../support/temp-project';
import { EVENT_BUDGET_MS, TEST_BUDGET_MS } from '../support/budgets';

describe('LintWorker', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('gives up on a worker that crashes on start, after three tries, and says so', async () => {
    const root = createTempProject({ 'broken-worker.js': "throw new Error('cannot start');\n" });
    const logs: string[] = [];
    let gaveUp: (line: string) => void = () => undefined;
    const givingUp = new Promise<string>((resolve) => (gaveUp = resolve));
    const hooks = {
      log: (_level: string, message: string) => {
        logs.push(message);
        if (message.includes('in a row')) gaveUp(message);
      },
      openDocuments: () => [],
    };
    const worker = new LintWorker(
      { folders: [root], untrusted: false },
      hooks,
      path.join(root, 'broken-worker.js'),
    );
    try {
      const first = await worker.request({ kind: 'importers', changed: [] }, EVENT_BUDGET_MS);
      assert.equal(first.kind, 'failed', 'the request running when the worker crashed fails');
      const gaveUpLine = await givingUp;
      assert.match(
        gaveUpLine,
        /cannot start.*3 times in a row; linting is off until the server restarts\.$/s,
      );
      assert.equal(logs.filter((line) => line.endsWith('Restarting it.')).length, 2);
      const later = await worker.request({ kind: 'importers', changed: [] }, EVENT_BUDGET_MS);
      assert.equal(later.kind, 'failed');
      assert.match(later.kind === 'failed' ? later.error : '', /3 times in a row/);
    } finally {
      await worker.dispose();
    }
  });
});
