// Where the corpus lives: never inside the repository. `$LOOPGUARD_CORPUS_DIR` when set, else the folder
// `loopguard-corpus` next to the main checkout (for a git worktree, next to the checkout it was added from, so that
// every worktree shares one corpus).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { REPO_ROOT } from '../tools';

export interface CorpusLayout {
  root: string;
  /** The prepared checkouts, one folder per repository. */
  repos: string;
  /** Copies of the checkouts that `--fix-unsafe` writes into. */
  scratch: string;
  /** The last run's records, one JSON file per repository, and the cached type-check baselines. */
  runs: string;
  /** Generated configs and install logs. */
  work: string;
}

export function corpusLayout(): CorpusLayout {
  const root = corpusRoot();
  return {
    root,
    repos: path.join(root, 'repos'),
    scratch: path.join(root, 'scratch'),
    runs: path.join(root, 'runs'),
    work: path.join(root, 'work'),
  };
}

function corpusRoot(): string {
  const fromEnvironment = process.env.LOOPGUARD_CORPUS_DIR;
  if (fromEnvironment) return path.resolve(fromEnvironment);
  return path.join(path.dirname(mainCheckout()), 'loopguard-corpus');
}

/** The main working tree of this repository: the folder holding the common `.git` directory. */
function mainCheckout(): string {
  const result = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const commonDir = result.status === 0 ? result.stdout.trim() : '';
  return path.basename(commonDir) === '.git' ? path.dirname(commonDir) : REPO_ROOT;
}

/** Refuses a corpus folder inside the repository: nothing from the corpus is ever written there. */
export function assertOutsideRepository(layout: CorpusLayout): void {
  const relative = path.relative(REPO_ROOT, layout.root);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)))
    throw new Error(
      `the corpus folder ${layout.root} is inside the repository; set LOOPGUARD_CORPUS_DIR to a folder outside it`,
    );
}
