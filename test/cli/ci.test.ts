// Loopguard in CI: GitHub Actions annotations, shards that split the files the same way on every machine, and the
// README's GitHub Actions job, whose lint commands run here as written (for each shard of its matrix).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { TEST_BUDGET_MS } from '../support/budgets';
import { REPO_ROOT } from '../support/paths';
import { runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n  await save();\n}\n';

/** Eight files with one floating promise each, and one clean file. */
function eightFileProject(): string {
  const files: Record<string, string> = {
    'tsconfig.json': TSCONFIG,
    'src/clean.ts': 'export {};\n',
  };
  for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) files[`src/${name}.ts`] = FLOATING;
  return createTempProject(files);
}

/** The files the annotations are on. */
function annotatedFiles(stdout: string): string[] {
  return [...stdout.matchAll(/^::error file=([^,]+),/gm)].map((match) => match[1]!).sort();
}

/** The README's GitHub Actions job. */
function readmeWorkflow(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### In GitHub Actions'));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  assert.ok(match, 'the README has a GitHub Actions job');
  return match[1]!;
}

describe('loopguard lint in CI', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('--format github writes one annotation per finding with file, line, column, end and the rule id', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'src/a.ts': FLOATING,
      'src/broken.ts': 'export const x = ;\n',
    });
    const run = runCli(['lint', '--format', 'github'], root);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, run.stdout);
    assert.equal(
      lines[0],
      '::error file=src/a.ts,line=3,endLine=3,col=3,endColumn=9,title=loopguard/no-floating-promises::This promise is not awaited, returned, or handled. Nothing waits for it to finish, and if it rejects the error is lost.',
    );
    assert.equal(
      lines[1],
      '::error file=src/broken.ts,line=1,col=17,title=Parsing error::Parsing error: Expression expected.',
    );
  });

  it('--shard I/N splits the files by their paths into nearly equal parts, disjoint and complete, the same way every time', () => {
    const root = eightFileProject();
    const all = annotatedFiles(runCli(['lint', '--format', 'github'], root).stdout);
    assert.equal(all.length, 8);
    const shards = [1, 2, 3].map((index) =>
      annotatedFiles(runCli(['lint', '--format', 'github', '--shard', `${index}/3`], root).stdout),
    );
    // Pinned: the split depends on the relative paths alone, so it may not change between versions or machines.
    assert.deepEqual(shards, [
      ['src/a.ts', 'src/b.ts', 'src/c.ts'],
      ['src/e.ts', 'src/f.ts', 'src/g.ts'],
      ['src/d.ts', 'src/h.ts'],
    ]);
    assert.deepEqual(shards.flat().sort(), all);
    const bad = runCli(['lint', '--shard', '4/3'], root);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^loopguard: --shard takes I\/N with 1 <= I <= N/);
  });

  it("runs the README's GitHub Actions job as written: annotations and SARIF for every shard of its matrix", () => {
    const workflow = readmeWorkflow();
    assert.match(workflow, /permissions:\n\s+contents: read\n\s+security-events: write/);
    assert.match(workflow, /- uses: github\/codeql-action\/upload-sarif@v3\n/);
    const matrix = /shard: \[([\d, ]+)\]/.exec(workflow);
    assert.ok(matrix, 'the job has a shard matrix');
    const shardValues = matrix[1]!.split(',').map((value) => value.trim());
    const sarifFile = /sarif_file: (\S+)/.exec(workflow)?.[1];
    const commands = [...workflow.matchAll(/run: npx loopguard (.+)/g)].map((match) => match[1]!);
    assert.equal(commands.length, 2, workflow);
    const [annotations, sarif] = commands as [string, string];
    assert.match(annotations, /--format github/);
    assert.match(sarif, new RegExp(`--format sarif .*> ${sarifFile} \\|\\| \\[ \\$\\? -eq 1 \\]$`));

    const root = eightFileProject();
    const annotated: string[] = [];
    for (const shard of shardValues) {
      for (const command of commands) {
        // The shell's part (a redirection, an accepted exit code) is the test's: it reads stdout and the status.
        const args = command
          .replace(/\s*>.*$/, '')
          .replaceAll('${{ matrix.shard }}', shard)
          .split(/\s+/);
        const run = runCli(args, root);
        assert.ok(run.status === 0 || run.status === 1, `${args.join(' ')}: ${run.stderr}`);
        if (command === annotations) annotated.push(...annotatedFiles(run.stdout));
        else {
          const log = JSON.parse(run.stdout) as { version: string; runs: unknown[] };
          assert.equal(log.version, '2.1.0');
          assert.equal(log.runs.length, 1);
        }
      }
    }
    assert.deepEqual(annotated.sort(), [
      'src/a.ts',
      'src/b.ts',
      'src/c.ts',
      'src/d.ts',
      'src/e.ts',
      'src/f.ts',
      'src/g.ts',
      'src/h.ts',
    ]);
  });
});
