// The corpus manifest (`bench/corpus/manifest.json`): each real repository pinned to a commit, with what to lint,
// what to type-check, how to install its dependencies without running install scripts, and which files are tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { globMatcher } from './glob';

export interface InstallStep {
  /** Folder to run in, relative to the checkout (default `.`). */
  cwd?: string;
  /** The command and its arguments, run without a shell. */
  command: string[];
}

/** A text replacement in one file of the checkout, made by `prepare` before installing. */
export interface Patch {
  /** Relative to the checkout. */
  file: string;
  /** Pairs of [text to find, replacement]; each text must occur. */
  replace: Array<[string, string]>;
  /** Why the checkout cannot be linted as it is. */
  why: string;
}

export interface RepoSpec {
  /** Short name: the checkout's folder and the `repo` column of the labels. */
  name: string;
  /** Where to clone from (a git URL); a local mirror is used instead when one is found (see `mirrorOf`). */
  source: string;
  commit: string;
  install: InstallStep[];
  /**
   * Edits that let Loopguard read the repository's config at all (a tsconfig naming a lib its TypeScript does not
   * know), never its code; applied on every prepare.
   */
  patches?: Patch[];
  /** Paths to lint, relative to the checkout: source and tests. */
  lint: string[];
  /** The tsconfigs the fix check type-checks with the repository's own `tsc --noEmit -p`. */
  tsconfigs: string[];
  /** Globs (relative to the checkout) of the files that are test code. */
  tests: string[];
  /** Why the paths and commands are what they are. */
  notes?: string;
}

export interface Manifest {
  repos: RepoSpec[];
}

export const MANIFEST_PATH = path.resolve(__dirname, '../../corpus/manifest.json');

export function loadManifest(file = MANIFEST_PATH): Manifest {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  const problems: string[] = [];
  const names = new Set<string>();
  for (const repo of manifest.repos) {
    const where = `${path.basename(file)}: ${repo.name ?? '(no name)'}`;
    if (!/^[\w.-]+$/.test(repo.name ?? ''))
      problems.push(`${where}: a name of letters, digits, . _ -`);
    if (names.has(repo.name)) problems.push(`${where}: the name is used twice`);
    names.add(repo.name);
    if (!/^[0-9a-f]{40}$/.test(repo.commit ?? '')) problems.push(`${where}: a full commit hash`);
    for (const key of ['install', 'lint', 'tsconfigs', 'tests'] as const)
      if (!Array.isArray(repo[key])) problems.push(`${where}: \`${key}\` must be an array`);
    for (const patch of repo.patches ?? [])
      if (typeof patch.file !== 'string' || !Array.isArray(patch.replace) || !patch.why)
        problems.push(`${where}: each patch needs a file, replacements and why`);
    for (const step of repo.install ?? [])
      if (!Array.isArray(step.command) || step.command.length === 0)
        problems.push(`${where}: each install step needs a command`);
  }
  if (problems.length > 0) throw new Error(`invalid corpus manifest:\n${problems.join('\n')}`);
  return manifest;
}

/** The repositories named in `selection` (all when it is undefined), in manifest order. */
export function selectRepos(
  manifest: Manifest,
  selection: readonly string[] | undefined,
): RepoSpec[] {
  if (!selection) return manifest.repos;
  const unknown = selection.filter((name) => !manifest.repos.some((repo) => repo.name === name));
  if (unknown.length > 0)
    throw new Error(
      `no repository ${unknown.join(', ')} in the manifest (it has ${manifest.repos.map((repo) => repo.name).join(', ')})`,
    );
  return manifest.repos.filter((repo) => selection.includes(repo.name));
}

/** Whether a file (relative to the checkout, `/` separators) is test code in `repo`. */
export function testFileMatcher(repo: RepoSpec): (file: string) => boolean {
  return globMatcher(repo.tests);
}

/**
 * A local mirror of the repository's source, when `mirrors` holds one: `<owner>+<name>/repo`, `<owner>+<name>` or
 * `<owner>+<name>.git` for a GitHub URL `…/<owner>/<name>(.git)`.
 */
export function mirrorOf(repo: RepoSpec, mirrors: string | undefined): string | undefined {
  if (!mirrors) return undefined;
  const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(repo.source);
  if (!match) return undefined;
  const base = path.join(mirrors, `${match[1]}+${match[2]}`);
  return [path.join(base, 'repo'), base, `${base}.git`].find((candidate) =>
    fs.existsSync(candidate),
  );
}
