// The lint cache in-process, on a real project on disk: a run where nothing changed answers every file from the
// cache without asking any project for its TypeScript program, and gives the results a fresh lint gives.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import { Engine, type FileOutcome, LintCache, type LintConfigSource } from 'loopguard';

import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

const RECOMMENDED: LintConfigSource = { kind: 'builtin', name: 'recommended' };

/** One `loopguard lint --cache` run, as the CLI drives the engine and the cache. */
function lintWithCache(
  root: string,
  files: readonly string[],
  onEngine: (engine: Engine) => void = () => {},
): FileOutcome[] {
  const engine = new Engine({ root });
  engine.prepare(files);
  onEngine(engine);
  const cache = LintCache.open(path.join(root, 'cache.json'), RECOMMENDED);
  cache.prepare(engine, files);
  const outcomes = files.map((file) => {
    const cached = cache.get(file, 'none');
    if (cached) return cached;
    const outcome = engine.lintFile(file);
    cache.set(engine, file, outcome);
    return outcome;
  });
  assert.equal(cache.save(), undefined);
  return outcomes;
}

function messagesOf(outcome: FileOutcome | undefined): unknown {
  return outcome?.kind === 'linted' ? outcome.result : outcome;
}

describe('LintCache', function () {
  this.timeout(60_000);
  after(removeTempProjects);

  it('answers an unchanged project without building a program, with the results of a fresh lint', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'load.ts': 'export async function load(): Promise<number> {\n  return 1;\n}\n',
      'main.ts':
        "import { load } from './load.js';\nexport async function main() {\n  load();\n}\n",
    });
    const files = [path.join(root, 'load.ts'), path.join(root, 'main.ts')];
    const cold = lintWithCache(root, files);

    let programsBuilt = 0;
    const warm = lintWithCache(root, files, (engine) => {
      for (const file of files) {
        const project = engine.projectOf(file)!;
        const getProgram = project.getProgram.bind(project);
        project.getProgram = () => {
          programsBuilt++;
          return getProgram();
        };
      }
    });
    assert.equal(programsBuilt, 0, 'nothing changed, so no program may be built');
    assert.deepEqual(warm.map(messagesOf), cold.map(messagesOf));
    assert.equal(
      warm[1]?.kind === 'linted' && warm[1].result.messages[0]?.ruleId,
      'loopguard/no-floating-promises',
    );
  });
});
