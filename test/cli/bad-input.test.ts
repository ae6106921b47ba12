// The CLI on the bad-input corpus (test/support/bad-input.ts): every bad file and broken tsconfig gets a clear message
// of its own, every other file is still linted, and the exit code says the run was incomplete. An unreadable file is
// read by an unprivileged user, since root reads everything.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ESLint } from 'eslint';

import { BAD_FILES, BROKEN_PROJECT_FILE, BROKEN_TSCONFIGS } from '../support/bad-input';
import { runCli, startCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import { TEST_BUDGET_MS } from '../support/budgets';

/** What each message of a result is: its rule id, or the text of a message without one. */
function messagesOf(result: ESLint.LintResult): string[] {
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('loopguard lint on bad input', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('gives each bad file and broken tsconfig its own message, lints everything else, and exits 2', () => {
    const files: Record<string, string> = { 'corpus/tsconfig.json': TSCONFIG };
    for (const broken of BROKEN_TSCONFIGS) {
      for (const [name, text] of Object.entries(broken.files))
        files[`${broken.folder}/${name}`] = text;
      files[`${broken.folder}/a.ts`] = BROKEN_PROJECT_FILE;
    }
    const root = createTempProject(files);
    for (const bad of BAD_FILES) fs.writeFileSync(path.join(root, 'corpus', bad.name), bad.content);

    const run = runCli(
      [
        'lint',
        '--format',
        'json',
        'corpus',
        ...BROKEN_TSCONFIGS.map((broken) => broken.folder),
        'no/such/path',
      ],
      root,
    );
    assert.equal(run.status, 2, run.stderr);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    const byName = new Map(results.map((result) => [path.basename(result.filePath), result]));
    for (const bad of BAD_FILES) {
      const result = byName.get(bad.name);
      assert.ok(result, `${bad.name} has a result`);
      const messages = messagesOf(result);
      assert.equal(messages.length, bad.expected.length, `${bad.name}: ${messages.join(' | ')}`);
      bad.expected.forEach((expected, index) => {
        if (typeof expected === 'string') assert.equal(messages[index], expected, bad.name);
        else assert.match(messages[index]!, expected, bad.name);
      });
    }
    assert.equal(results.length, BAD_FILES.length, 'the files of broken projects are not linted');

    const stderr = run.stderr.trimEnd().split('\n');
    assert.equal(stderr[0], 'loopguard: no such file or directory: no/such/path');
    for (const broken of BROKEN_TSCONFIGS) {
      const line = stderr.find((entry) => entry.includes(`${broken.folder}/tsconfig.json`));
      assert.ok(line, `a message for ${broken.folder}: ${run.stderr}`);
      assert.match(line, broken.problem);
      assert.match(line, /^loopguard: config error in .*\(1 file not linted\)$/);
    }
    assert.equal(stderr.length, 1 + BROKEN_TSCONFIGS.length, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  it('reports a file it may not read, and lints the others', async () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': BAD_FILES[0]!.content as string,
      'secret.ts': 'export const secret = 1;\n',
    });
    fs.chmodSync(path.join(root, 'secret.ts'), 0o000);
    // Root reads any file, so the run is made by an unprivileged user when the tests run as root (as CI does).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chmodSync(root, 0o755);
    const finished = await startCli(
      ['lint', '--format', 'json'],
      root,
      asRoot ? { uid: 65534, gid: 65534 } : {},
    ).done;
    assert.equal(finished.status, 1, finished.stderr);
    const results = JSON.parse(finished.stdout) as ESLint.LintResult[];
    assert.deepEqual(
      results.map((result) => [path.basename(result.filePath), messagesOf(result)]),
      [
        ['a.ts', ['loopguard/no-floating-promises']],
        [
          'secret.ts',
          [
            `Could not read the file: EACCES: permission denied, open '${path.join(root, 'secret.ts')}'`,
          ],
        ],
      ],
    );
  });
});
