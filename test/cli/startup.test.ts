// The command answers at once when it has nothing to lint: `--version`, `--help` and usage errors are read before
// TypeScript, ESLint or the engine load (they take seconds); a lint in a terminal names its phase from the start.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { Progress } from 'loopguard/internal/progress';

import { PROCESS_BUDGET_MS, TEST_BUDGET_MS } from '../support/budgets';
import { CLI_BIN, REPO_ROOT } from '../support/paths';
import { runCli } from '../support/run-cli';

/** Runs the binary with a preload that prints, at exit, which heavy modules the process loaded. */
function heavyModulesLoadedBy(args: readonly string[]): {
  status: number | null;
  loaded: string[];
} {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-startup-'));
  try {
    const probe = path.join(folder, 'probe.js');
    fs.writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache).filter((file) => /node_modules[\\\\/](typescript|eslint|@typescript-eslint)[\\\\/]|[\\\\/]dist[\\\\/]engine[\\\\/](?!typescript-choice)/.test(file)))));\n`,
    );
    const child = spawnSync(process.execPath, ['--require', probe, CLI_BIN, ...args], {
      cwd: folder,
      encoding: 'utf8',
      timeout: PROCESS_BUDGET_MS,
    });
    const line = child.stderr.split('\n').find((candidate) => candidate.startsWith('LOADED '));
    assert.ok(line, child.stderr);
    return { status: child.status, loaded: JSON.parse(line.slice('LOADED '.length)) as string[] };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe('loopguard startup', function () {
  this.timeout(TEST_BUDGET_MS);

  for (const [what, args, status] of [
    ['--version', ['--version'], 0],
    ['--help', ['--help'], 0],
    ['an unknown option', ['lint', '--frobnicate'], 2],
    ['a bad value', ['lint', '--format', 'xml'], 2],
    ['a missing value', ['lint', '--format'], 2],
  ] as const) {
    it(`answers ${what} without loading TypeScript, ESLint or the engine`, () => {
      const run = heavyModulesLoadedBy(args);
      assert.equal(run.status, status);
      assert.deepEqual(run.loaded, []);
    });
  }

  it('documents every option of --help in the README', () => {
    const help = runCli(['--help'], os.tmpdir());
    assert.equal(help.status, 0, help.stderr);
    const options = [...help.stdout.matchAll(/^ {2}(?:-\w, )? {0,4}(--[\w-]+)/gm)].map(
      (match) => match[1],
    );
    assert.ok(options.length > 10, help.stdout);
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const cliSection = readme.slice(
      readme.indexOf('## The CLI'),
      readme.indexOf('\n## ', readme.indexOf('## The CLI') + 1),
    );
    const undocumented = options.filter(
      (option) => !new RegExp(`\`(?:-\\w, )?${option}(?![\\w-])`).test(cliSection),
    );
    assert.deepEqual(undocumented, []);
  });

  it('draws each phase in a terminal as it starts, then the files linted, and clears the line', () => {
    const written: string[] = [];
    const progress = new Progress({
      cwd: '/project',
      stderr: (text) => written.push(text),
      interactive: true,
      columns: 40,
    });
    progress.phase('Finding files');
    progress.phase('Building the program (3 files)');
    progress.startLinting(3);
    progress.advance('/project/src/a.ts');
    progress.advance('/project/src/b-with-a-name-too-long-for-the-terminal.ts');
    progress.done();
    assert.deepEqual(written, [
      '\r\x1b[KFinding files',
      '\r\x1b[KBuilding the program (3 files)',
      // The first file's lint builds the program: the phase stays drawn until the second file.
      '\r\x1b[KLinting 2/3 src/b-with-a-name-too-long…',
      '\r\x1b[K',
    ]);
  });

  it('draws nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const progress = new Progress({
      cwd: '/project',
      stderr: (text) => written.push(text),
      interactive: false,
    });
    progress.phase('Finding files');
    progress.startLinting(1);
    progress.advance('/project/a.ts');
    progress.done();
    assert.deepEqual(written, []);
  });
});
