// The README's `eslint.config.mjs` and `eslint.config.cjs`, copied exactly into a fresh copy of the examples project
// (outside the repository, with this repository's node_modules), lint it with ESLint: the seeded findings and no
// message on the config file itself. The ESM one is `examples/eslint.config.mjs`, word for word.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ESLint } from 'eslint';

import { REPO_ROOT } from '../support/paths';
import { createTempProject, removeTempProjects } from '../support/temp-project';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** The README's first `js` block that starts with `// <name>`. */
function snippet(name: string): string {
  const block = [...README.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .find((text) => text.startsWith(`// ${name}\n`));
  assert.ok(block, `the README has a ${name} block`);
  return block;
}

function freshExamples(configName: string): string {
  const files: Record<string, string> = { [configName]: snippet(configName) };
  for (const entry of [
    'package.json',
    'tsconfig.json',
    ...fs.readdirSync(path.join(EXAMPLES, 'src')).map((file) => `src/${file}`),
  ])
    files[entry] = fs.readFileSync(path.join(EXAMPLES, entry), 'utf8');
  const root = createTempProject(files);
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

describe('README eslint.config snippets', () => {
  after(removeTempProjects);

  it('shows examples/eslint.config.mjs word for word', () => {
    assert.equal(
      snippet('eslint.config.mjs'),
      fs.readFileSync(path.join(EXAMPLES, 'eslint.config.mjs'), 'utf8'),
    );
  });

  for (const configName of ['eslint.config.mjs', 'eslint.config.cjs']) {
    it(`${configName}, copied into a fresh project, lints it with Loopguard's findings and none on itself`, async function () {
      this.timeout(240_000);
      const cwd = freshExamples(configName);
      const results = await new ESLint({ cwd }).lintFiles(['.']);
      const byFile = new Map(
        results.map((result) => [path.relative(cwd, result.filePath), result.messages]),
      );
      assert.deepEqual(byFile.get(configName), [], `no message on ${configName}`);
      const messages = results.flatMap((result) => result.messages);
      assert.deepEqual(
        messages.filter((message) => message.fatal === true || message.ruleId === null),
        [],
      );
      const loopguardRules = new Set(
        messages.flatMap((message) =>
          message.ruleId?.startsWith('loopguard/') ? [message.ruleId] : [],
        ),
      );
      assert.deepEqual([...loopguardRules].sort(), [
        'loopguard/no-blocking-in-async',
        'loopguard/no-floating-promises',
        'loopguard/no-unbounded-concurrency',
        'loopguard/no-unhandled-task-rejection',
        'loopguard/prefer-concurrent-awaits',
      ]);
    });
  }
});
