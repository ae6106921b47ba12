// Finding the files to lint under the paths a user names: JavaScript and TypeScript sources, skipping
// `node_modules`, version-control folders, build output, declaration files and whatever `.gitignore` files exclude.
import * as fs from 'node:fs';
import * as path from 'node:path';

import ignore, { type Ignore } from 'ignore';

import { isLintableFile } from './file-names';

/** Folders never descended into: dependencies, version control, and the usual build and coverage output. */
export const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.turbo',
  '.cache',
]);

export interface FileSearch {
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Folders whose entries could not be listed (their files are not linted). */
  unreadable: Array<{ folder: string; reason: string }>;
}

/** Files under `targets`, sorted, each once. A file named explicitly is linted even where a folder walk would skip it. */
export function findFiles(targets: readonly string[], cwd: string): FileSearch {
  const found = new Set<string>();
  const missing: string[] = [];
  const unreadable: FileSearch['unreadable'] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(target);
      continue;
    }
    if (stat.isFile()) {
      if (isLintableFile(absolute)) found.add(absolute);
    } else if (stat.isDirectory()) {
      walk(absolute, gitignoresAbove(absolute), found, unreadable);
    }
  }
  return { files: [...found].sort(), missing, unreadable };
}

/** A `.gitignore` and the folder its patterns are relative to. */
interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function walk(
  directory: string,
  scopes: IgnoreScope[],
  found: Set<string>,
  unreadable: FileSearch['unreadable'],
): void {
  const local = readGitignore(directory);
  const active = local ? [...scopes, local] : scopes;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ folder: directory, reason: (error as Error).message });
    return;
  }
  for (const entry of entries) {
    const absolute = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(active, absolute, true)) continue;
      walk(absolute, active, found, unreadable);
    } else if (entry.isFile() && isLintableFile(absolute) && !isIgnored(active, absolute, false)) {
      found.add(absolute);
    }
  }
}

function isIgnored(
  scopes: readonly IgnoreScope[],
  absolute: string,
  isDirectory: boolean,
): boolean {
  return scopes.some(({ base, rules }) => {
    const relative = path.relative(base, absolute).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) return false;
    return rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}

function readGitignore(directory: string): IgnoreScope | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: directory, rules: ignore().add(text) };
}

/** The `.gitignore` files of the folders above `directory`, up to the repository root, which apply inside it too. */
function gitignoresAbove(directory: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  let current = path.dirname(directory);
  if (fs.existsSync(path.join(directory, '.git'))) return scopes;
  for (;;) {
    const scope = readGitignore(current);
    if (scope) scopes.unshift(scope);
    if (fs.existsSync(path.join(current, '.git'))) return scopes;
    const parent = path.dirname(current);
    if (parent === current) return [];
    current = parent;
  }
}
