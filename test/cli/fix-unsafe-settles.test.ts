// Code whose promises settle only because of a statement after the wait, run on Node before and after
// `loopguard lint --fix-unsafe`: the preferred suggestions must not move a wait ahead of what lets it settle.
// A module whose top-level await never settles makes Node exit with code 13, so no timer decides what hangs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG_WITH_NODE } from '../support/temp-project';
import { TEST_BUDGET_MS } from '../support/budgets';

const TSCONFIG_JS = JSON.stringify({
  compilerOptions: {
    ...(JSON.parse(TSCONFIG_WITH_NODE) as { compilerOptions: object }).compilerOptions,
    allowJs: true,
    checkJs: true,
  },
  include: ['*.mjs'],
});

/** Shapes that hang when the wait moves ahead of the statement that lets it settle. */
const SHAPES = [
  'import { EventEmitter, once } from "node:events";',
  'async function other() {}',
  '',
  '// A task awaited after the emit that settles it, with another await in between.',
  'export async function taskSettledByLaterEmit(emitter) {',
  '  const done = once(emitter, "done");',
  '  const step = other();',
  '  await step;',
  '  emitter.emit("done");',
  '  await done;',
  '}',
  '',
  '// A promise deliberately not awaited: awaiting it where it is made would wait for the emit below.',
  'export async function floatingSettledByLaterEmit(emitter) {',
  '  once(emitter, "ready");',
  '  emitter.emit("ready");',
  '}',
  '',
].join('\n');

const RUNNER = [
  'import { EventEmitter } from "node:events";',
  'import { floatingSettledByLaterEmit, taskSettledByLaterEmit } from "./shapes.mjs";',
  'await taskSettledByLaterEmit(new EventEmitter());',
  'await floatingSettledByLaterEmit(new EventEmitter());',
  'console.log("settled");',
  '',
].join('\n');

function runShapes(root: string): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, ['run.mjs'], { cwd: root, encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('loopguard lint --fix-unsafe on code settled by a later statement', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('settles before and after the preferred suggestions are applied', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_JS,
      'shapes.mjs': SHAPES,
      'run.mjs': RUNNER,
    });
    const before = runShapes(root);
    assert.deepEqual([before.status, before.stdout], [0, 'settled\n'], before.stderr);

    const lint = runCli(['lint', '--format', 'json', 'shapes.mjs'], root);
    const reported = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)
      .flatMap((result) => result.messages.map((message) => message.ruleId))
      .sort();
    assert.deepEqual(
      reported,
      ['loopguard/no-floating-promises', 'loopguard/no-unhandled-task-rejection'],
      lint.stderr,
    );

    const fixed = runCli(['lint', '--fix-unsafe', 'shapes.mjs'], root);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    const text = fs.readFileSync(path.join(root, 'shapes.mjs'), 'utf8');
    assert.notEqual(text, SHAPES, 'the suggestions were applied');
    const afterFix = runShapes(root);
    assert.deepEqual(
      [afterFix.status, afterFix.stdout],
      [0, 'settled\n'],
      `${afterFix.stderr}\n${text}`,
    );
  });
});
