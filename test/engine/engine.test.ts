// The shared engine on a real two-file TypeScript project: unsaved edits in the overlay change the types other
// files see, and the engine's view returns to the disk when the overlay entry goes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import { Engine, type FileOutcome } from 'loopguard';

import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

function ruleIdsOf(outcome: FileOutcome): Array<string | null> {
  assert.equal(outcome.kind, 'linted');
  return outcome.kind === 'linted' ? outcome.result.messages.map((message) => message.ruleId) : [];
}

describe('Engine', function () {
  this.timeout(60_000);
  after(removeTempProjects);

  it("sees an unsaved edit of an imported file in the importer's types, and forgets it when the buffer closes", () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': 'export function load(): number {\n  return 1;\n}\n',
      'b.ts': "import { load } from './a.js';\nexport function run() {\n  load();\n}\n",
    });
    const engine = new Engine({ root });
    const a = path.join(root, 'a.ts');
    const b = path.join(root, 'b.ts');
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), []);

    engine.overlay.set(a.split(path.sep).join('/'), 'export async function load(): Promise<number> {\n  return 1;\n}\n', 1);
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), ['loopguard/no-floating-promises']);

    engine.overlay.delete(a.split(path.sep).join('/'));
    assert.deepEqual(ruleIdsOf(engine.lintFile(b)), []);
  });

  it('lints the overlay text of the file itself, not the disk', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': 'export const x = 1;\n' });
    const engine = new Engine({ root });
    const a = path.join(root, 'a.ts').split(path.sep).join('/');
    engine.overlay.set(a, 'declare function f(): Promise<void>;\nf();\nexport {};\n', 7);
    const outcome = engine.lintFile(a);
    assert.deepEqual(ruleIdsOf(outcome), ['loopguard/no-floating-promises']);
    assert.equal(outcome.kind === 'linted' && outcome.source, 'declare function f(): Promise<void>;\nf();\nexport {};\n');
  });

  it('computes fixes without changing the overlay or the disk', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': 'declare function f(): Promise<void>;\nexport async function g() {\n  f();\n}\n',
    });
    const engine = new Engine({ root });
    const a = path.join(root, 'a.ts').split(path.sep).join('/');
    const fixed = engine.lintFile(a, 'unsafe');
    assert.equal(fixed.kind === 'linted' && fixed.result.output, 'declare function f(): Promise<void>;\nexport async function g() {\n  await f();\n}\n');
    assert.equal(engine.overlay.get(a), undefined);
    assert.deepEqual(ruleIdsOf(engine.lintFile(a)), ['loopguard/no-floating-promises']);
  });
});
