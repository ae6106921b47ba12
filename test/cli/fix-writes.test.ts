// How `--fix` writes files: through a temporary file renamed over the original (never half written), and never over
// a file that changed on disk after the engine read it. The CLI run holds its lint of one file (a fixture rule waits for
// a gate file) while the test edits and deletes files, so the window between read and write is real; the failures a
// test cannot cause for real (a rename or a write that fails) are injected into `writeFixedFile`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  NODE_FILE_SYSTEM,
  TEMPORARY_SUFFIX,
  type WriteFileSystem,
  writeFixedFile,
} from 'loopguard/internal/write-file';

import { fixtureConfig } from '../support/fixture-config';
import { startCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';
import { TEST_BUDGET_MS } from '../support/budgets';

/** Every file under `root` whose name marks it as one of the CLI's temporary files. */
function temporaryFiles(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((name) =>
    name.endsWith(TEMPORARY_SUFFIX),
  );
}

describe('loopguard lint --fix writes', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('never overwrites a file edited or deleted while it was being linted, and still fixes the others', async () => {
    const root = createTempProject({
      'eslint.config.mjs': fixtureConfig({
        'fixtures/prefer-let': 'error',
        'lsp/hold-until-gate': ['error', { gate: 'GATE' }],
      }),
      'app/tsconfig.json': TSCONFIG,
      'app/a.ts': '// hold\nvar n = 1;\nexport { n };\n',
      'app/c.ts': 'var m = 1;\nexport { m };\n',
      'app/d.ts': 'var k = 1;\nexport { k };\n',
      'lib/tsconfig.json': TSCONFIG,
      'lib/b.ts': 'var j = 1;\nexport { j };\n',
    });
    // The fixture rule resolves its gate against the current folder of the run.
    const gate = path.join(root, 'GATE');
    const run = startCli(
      ['lint', '--fix', '--config', 'eslint.config.mjs', '--format', 'json', 'app', 'lib'],
      root,
    );
    try {
      // app/a.ts is held after its project's program read every file of app/ (and before lib/ was read at all).
      await run.lineMatching(/^hold-until-gate: holding .*a\.ts$/);
      fs.writeFileSync(
        path.join(root, 'app/a.ts'),
        '// hold\nvar n = 2; // saved in an editor meanwhile\nexport { n };\n',
      );
      fs.rmSync(path.join(root, 'app/c.ts'));
      fs.rmSync(path.join(root, 'lib/b.ts'));
      fs.writeFileSync(gate, '');
      const finished = await run.done;
      assert.equal(finished.status, 1, finished.stderr);
      assert.equal(
        fs.readFileSync(path.join(root, 'app/a.ts'), 'utf8'),
        '// hold\nvar n = 2; // saved in an editor meanwhile\nexport { n };\n',
      );
      assert.equal(
        fs.existsSync(path.join(root, 'app/c.ts')),
        false,
        'a deleted file is not written back',
      );
      assert.equal(
        fs.readFileSync(path.join(root, 'app/d.ts'), 'utf8'),
        'let k = 1;\nexport { k };\n',
      );
      const [configWarning, ...lines] = finished.stderr.trimEnd().split('\n');
      // The config runs fixture rules only, which the CLI points out first.
      assert.match(configWarning!, /eslint\.config\.mjs turns on none of Loopguard's rules/);
      assert.deepEqual(lines, [
        'loopguard: fixed 1 file:',
        `  ${path.join('app', 'd.ts')}`,
        `loopguard: ${path.join(root, 'app/a.ts')} changed on disk while it was being linted; its fixes were not written.`,
        `loopguard: ${path.join(root, 'app/c.ts')} was deleted while it was being linted; its fixes were not written.`,
      ]);
      const results = JSON.parse(finished.stdout.slice(finished.stdout.indexOf('['))) as Array<{
        filePath: string;
        messages: Array<{ message: string }>;
      }>;
      const unreadable = results.find((result) => result.filePath.endsWith('b.ts'));
      assert.match(
        unreadable?.messages[0]?.message ?? '',
        /^Could not read the file: ENOENT: no such file or directory/,
      );
      assert.deepEqual(temporaryFiles(root), []);
    } finally {
      run.kill();
    }
  });

  it('replaces the file in one rename (a new inode), keeping its mode and byte order mark', async () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': fixtureConfig({ 'fixtures/prefer-let': 'error' }),
      'a.ts': '\uFEFFvar n = 1;\nexport { n };\n',
    });
    const file = path.join(root, 'a.ts');
    fs.chmodSync(file, 0o640);
    const before = fs.statSync(file);
    const finished = await startCli(['lint', '--fix', '--config', 'eslint.config.mjs'], root).done;
    assert.equal(finished.status, 0, finished.stdout + finished.stderr);
    const after = fs.statSync(file);
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFFlet n = 1;\nexport { n };\n');
    assert.notEqual(
      after.ino,
      before.ino,
      'a rename gives the path a new inode; a write in place would not',
    );
    assert.equal(after.mode & 0o777, 0o640);
    assert.deepEqual(temporaryFiles(root), []);
  });
});

describe('writeFixedFile', () => {
  after(removeTempProjects);

  /** A real file system, with one operation replaced. */
  function failing(overrides: Partial<WriteFileSystem>): WriteFileSystem {
    return { ...NODE_FILE_SYSTEM, ...overrides };
  }

  function project(text: string | Buffer): { root: string; file: string } {
    const root = createTempProject({});
    const file = path.join(root, 'a.ts');
    fs.writeFileSync(file, text);
    return { root, file };
  }

  it('leaves the original intact and no temporary file when the rename fails', () => {
    const { root, file } = project('var n = 1;\n');
    const outcome = writeFixedFile(
      file,
      'var n = 1;\n',
      'let n = 1;\n',
      failing({
        rename: () => {
          throw new Error('EXDEV: cross-device link not permitted');
        },
      }),
    );
    assert.deepEqual(outcome, { kind: 'failed', reason: 'EXDEV: cross-device link not permitted' });
    assert.equal(fs.readFileSync(file, 'utf8'), 'var n = 1;\n');
    assert.deepEqual(temporaryFiles(root), []);
  });

  it('leaves the original intact and no temporary file when writing the new text fails halfway', () => {
    const { root, file } = project('var n = 1;\n');
    const outcome = writeFixedFile(
      file,
      'var n = 1;\n',
      'let n = 1;\n',
      failing({
        createFile: (target, data, mode) => {
          NODE_FILE_SYSTEM.createFile(target, data.slice(0, 3), mode);
          throw new Error('ENOSPC: no space left on device');
        },
      }),
    );
    assert.deepEqual(outcome, { kind: 'failed', reason: 'ENOSPC: no space left on device' });
    assert.equal(fs.readFileSync(file, 'utf8'), 'var n = 1;\n');
    assert.deepEqual(temporaryFiles(root), []);
  });

  it('writes nothing over a file saved while the new text was being written', () => {
    const { root, file } = project('var n = 1;\n');
    const outcome = writeFixedFile(
      file,
      'var n = 1;\n',
      'let n = 1;\n',
      failing({
        createFile: (target, data, mode) => {
          NODE_FILE_SYSTEM.createFile(target, data, mode);
          fs.writeFileSync(file, 'var n = 2;\n');
        },
      }),
    );
    assert.deepEqual(outcome, { kind: 'changed-on-disk' });
    assert.equal(fs.readFileSync(file, 'utf8'), 'var n = 2;\n');
    assert.deepEqual(temporaryFiles(root), []);
  });

  it('writes nothing over a file that holds bytes that are not UTF-8, which the new text could not keep', () => {
    const bytes = Buffer.concat([
      Buffer.from("var name = 'caf"),
      Buffer.from([0xe9]),
      Buffer.from("';\n"),
    ]);
    const { file } = project(bytes);
    const linted = bytes.toString('utf8');
    assert.deepEqual(writeFixedFile(file, linted, linted.replace('var', 'let')), {
      kind: 'not-utf8',
    });
    assert.deepEqual(fs.readFileSync(file), bytes);
  });

  it('reports a file that is gone, and a read that fails, without throwing', () => {
    const { file } = project('var n = 1;\n');
    fs.rmSync(file);
    assert.deepEqual(writeFixedFile(file, 'var n = 1;\n', 'let n = 1;\n'), { kind: 'deleted' });
    const unreadable = failing({
      readFile: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    assert.deepEqual(writeFixedFile(file, 'var n = 1;\n', 'let n = 1;\n', unreadable), {
      kind: 'failed',
      reason: 'EACCES: permission denied',
    });
  });
});
