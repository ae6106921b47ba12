// Which files a lint covers: the paths given (files, folders, and quoted globs, which the CLI expands itself as
// ESLint does), less what `--ignore-pattern` skips, the engine's file discovery doing the walking (and its default
// skips: node_modules, .git, the config's global ignores, git-ignored files, a tsconfig's outDir).
import * as path from 'node:path';

import { minimatch } from 'minimatch';

import { findFiles, type IgnorePatterns, type SkippedPath } from '../engine';
import { isGlobPattern } from './arguments';

export interface Targets {
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Globs no file matched. */
  unmatched: string[];
  unreadable: Array<{ folder: string; reason: string }>;
  /** Paths the user named that are not linted, with the reason. */
  skipped: SkippedPath[];
}

export function findTargets(
  paths: readonly string[],
  ignorePatterns: readonly string[],
  cwd: string,
  configIgnores: readonly IgnorePatterns[] = [],
): Targets {
  const plain = paths.filter((target) => !isGlobPattern(target));
  const globs = paths.filter(isGlobPattern);
  const found = findFiles(plain, cwd, { ignores: configIgnores });
  const files = new Set(found.files);
  const unmatched: string[] = [];
  const unreadable = [...found.unreadable];
  for (const glob of globs) {
    const pattern = relativePattern(glob, cwd);
    const walked = findFiles([path.resolve(cwd, staticBase(pattern))], cwd, {
      ignores: configIgnores,
    });
    unreadable.push(...walked.unreadable);
    const matches = walked.files.filter((file) =>
      minimatch(relative(cwd, file), pattern, { dot: true }),
    );
    if (matches.length === 0) unmatched.push(glob);
    for (const file of matches) files.add(file);
  }
  const ignores = ignorePatterns.map((pattern) => relativePattern(pattern, cwd));
  return {
    files: [...files].filter((file) => !isIgnored(relative(cwd, file), ignores)).sort(),
    missing: found.missing,
    unmatched,
    unreadable,
    skipped: found.skipped,
  };
}

/** Whether `--ignore-pattern` skips a file: the pattern matches it or one of the folders it is in. */
function isIgnored(file: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const candidates = [file];
  for (let folder = path.posix.dirname(file); folder !== '.' && folder !== '/';) {
    candidates.push(folder, `${folder}/`);
    folder = path.posix.dirname(folder);
  }
  return patterns.some((pattern) =>
    candidates.some((candidate) => minimatch(candidate, pattern, { dot: true })),
  );
}

/** A pattern relative to the current folder, with `/` (an absolute one is made relative). */
function relativePattern(pattern: string, cwd: string): string {
  const posix = pattern.split(path.sep).join('/');
  if (!path.isAbsolute(pattern)) return posix.replace(/^\.\//, '');
  return path.relative(cwd, pattern).split(path.sep).join('/');
}

/** The folders before a glob's first magic segment (`src/**\/*.ts` → `src`). */
function staticBase(pattern: string): string {
  const segments = pattern.split('/');
  const magic = segments.findIndex((segment) => isGlobPattern(segment));
  return segments.slice(0, magic).join('/') || '.';
}

function relative(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}
