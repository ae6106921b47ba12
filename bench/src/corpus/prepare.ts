// `npm run corpus -- prepare`: a checkout of each repository at its pinned commit, cloned from a local mirror when
// one is found (`$LOOPGUARD_CORPUS_MIRRORS`) or else from its git URL, and its dependencies installed with install
// scripts disabled. Idempotent: a checkout already at its commit, installed with the same steps, is left alone.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { CorpusLayout } from './corpus-dir';
import { mirrorOf, type Patch, type RepoSpec } from './manifest';
import { runChecked, runCommand } from './run-command';

interface PreparedState {
  commit: string;
  installHash: string;
  preparedAt: string;
  /** Files of the commit that the source could not provide (a mirror without its largest blobs). */
  missingFiles: string[];
}

/** Environment for installs: every package manager told not to run scripts, whatever the command line says. */
const NO_SCRIPTS_ENVIRONMENT = {
  npm_config_ignore_scripts: 'true',
  YARN_ENABLE_SCRIPTS: 'false',
  // pnpm would otherwise fetch and run the exact version in `packageManager`, which may not support this Node.
  npm_config_manage_package_manager_versions: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

export function checkoutOf(layout: CorpusLayout, repo: RepoSpec): string {
  return path.join(layout.repos, repo.name);
}

function statePath(layout: CorpusLayout, repo: RepoSpec): string {
  return path.join(layout.work, 'prepared', `${repo.name}.json`);
}

/** What the preparation depends on besides the commit: the patches and the install steps. */
function installHash(repo: RepoSpec): string {
  return createHash('sha256')
    .update(JSON.stringify([repo.patches ?? [], repo.install]))
    .digest('hex')
    .slice(0, 16);
}

/** Whether the checkout is at the manifest's commit with the manifest's install steps applied. */
export function isPrepared(layout: CorpusLayout, repo: RepoSpec): boolean {
  const state = readState(layout, repo);
  return state?.commit === repo.commit && state.installHash === installHash(repo);
}

function readState(layout: CorpusLayout, repo: RepoSpec): PreparedState | undefined {
  try {
    return JSON.parse(fs.readFileSync(statePath(layout, repo), 'utf8')) as PreparedState;
  } catch {
    return undefined;
  }
}

export async function prepareRepo(
  layout: CorpusLayout,
  repo: RepoSpec,
  options: { mirrors: string | undefined; force: boolean; log: (line: string) => void },
): Promise<void> {
  const { log } = options;
  const checkout = checkoutOf(layout, repo);
  if (!options.force && isPrepared(layout, repo) && (await headOf(checkout)) === repo.commit) {
    log(`${repo.name}: up to date at ${repo.commit.slice(0, 12)}`);
    return;
  }
  fs.mkdirSync(layout.repos, { recursive: true });
  if (!fs.existsSync(path.join(checkout, '.git'))) {
    const source = mirrorOf(repo, options.mirrors) ?? repo.source;
    log(`${repo.name}: cloning ${source}`);
    await runChecked('git', ['clone', '--quiet', '--no-checkout', source, checkout], {
      cwd: layout.repos,
    });
  }
  const hasCommit = await runCommand('git', ['cat-file', '-e', `${repo.commit}^{commit}`], {
    cwd: checkout,
  });
  if (hasCommit.status !== 0) {
    log(`${repo.name}: fetching ${repo.commit.slice(0, 12)}`);
    await runChecked('git', ['fetch', '--quiet', 'origin', repo.commit], { cwd: checkout });
  }
  const missingFiles = await checkOut(checkout, repo.commit);
  if (missingFiles.length > 0)
    log(
      `${repo.name}: ${missingFiles.length} file(s) of the commit are missing from the source (large blobs): ${missingFiles.slice(0, 3).join(', ')}${missingFiles.length > 3 ? ', …' : ''}`,
    );

  for (const patch of repo.patches ?? []) {
    applyPatch(checkout, patch);
    log(`${repo.name}: patched ${patch.file} (${patch.why})`);
  }

  const logFile = path.join(layout.work, 'logs', `${repo.name}-install.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  for (const step of repo.install) {
    const cwd = path.join(checkout, step.cwd ?? '.');
    const [program, ...args] = step.command as [string, ...string[]];
    log(`${repo.name}: ${step.command.join(' ')}${step.cwd ? `   (in ${step.cwd})` : ''}`);
    const result = await runCommand(program, args, {
      cwd,
      env: { ...process.env, ...NO_SCRIPTS_ENVIRONMENT },
      logFile,
    });
    if (result.status !== 0) {
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(
        `${repo.name}: \`${step.command.join(' ')}\` failed (exit ${result.status}); the log is ${logFile}:\n${tail}`,
      );
    }
  }
  const state: PreparedState = {
    commit: repo.commit,
    installHash: installHash(repo),
    preparedAt: new Date().toISOString(),
    missingFiles,
  };
  fs.mkdirSync(path.dirname(statePath(layout, repo)), { recursive: true });
  fs.writeFileSync(statePath(layout, repo), `${JSON.stringify(state, null, 2)}\n`);
  log(`${repo.name}: prepared at ${repo.commit.slice(0, 12)}`);
}

async function headOf(checkout: string): Promise<string | undefined> {
  const result = await runCommand('git', ['rev-parse', 'HEAD'], { cwd: checkout }).catch(
    () => undefined,
  );
  return result?.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Checks out `commit` (detached, discarding changes to tracked files). A source that lacks some blobs (a mirror
 * keeps no file of 4 MiB or more) makes git fail on those files only; they are returned, and anything else fails.
 */
async function checkOut(checkout: string, commit: string): Promise<string[]> {
  const result = await runCommand('git', ['checkout', '--quiet', '--force', '--detach', commit], {
    cwd: checkout,
  });
  if (result.status === 0) return [];
  const head = await headOf(checkout);
  const onlyMissingBlobs = result.stderr
    .trim()
    .split('\n')
    .every((line) => /^error: (unable to read sha1 file of|invalid object) /.test(line));
  if (head !== commit || !onlyMissingBlobs)
    throw new Error(`git checkout ${commit} failed in ${checkout}:\n${result.stderr.trim()}`);
  const deleted = await runChecked('git', ['ls-files', '--deleted'], { cwd: checkout });
  return deleted.split('\n').filter(Boolean);
}

/** Makes a patch's replacements in the freshly checked-out file; a text that does not occur fails the prepare. */
function applyPatch(checkout: string, patch: Patch): void {
  const file = path.join(checkout, patch.file);
  let text = fs.readFileSync(file, 'utf8');
  for (const [from, to] of patch.replace) {
    if (!text.includes(from))
      throw new Error(`the patch of ${patch.file} expects ${JSON.stringify(from)}, which it lacks`);
    text = text.split(from).join(to);
  }
  fs.writeFileSync(file, text);
}
