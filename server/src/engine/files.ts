// Finding the files to lint under the paths a user names, the way ESLint does: JavaScript and TypeScript sources,
// skipping `node_modules` and `.git`, whatever `.gitignore` files and the config's `ignores` exclude, and a folder
// that is a tsconfig's build output (`outDir`, `declarationDir`). Nothing is dropped silently: a path the user named
// that ends up skipped is returned with the reason.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ConfigArray } from '@eslint/config-array';
import ignore, { type Ignore } from 'ignore';
import * as ts from 'typescript';

import { isLintableFile } from './file-names';

/** Folders never descended into, as in ESLint (`**\/node_modules/`, `.git/`). */
export const DEFAULT_IGNORED_FOLDERS = new Set(['node_modules', '.git']);

/** Glob patterns with ESLint's global-ignores meaning (`ignores` of a config object that has nothing else). */
export interface IgnorePatterns {
  /** The folder the patterns are relative to (a config file's folder; the current folder for command-line ones). */
  basePath: string;
  patterns: readonly string[];
  /** Where the patterns come from, for messages: a config file's path or a command-line option. */
  origin: string;
}

export interface FileSearchOptions {
  /** Ignore patterns in the order ESLint applies them (a later `!pattern` un-ignores an earlier one). */
  ignores?: readonly IgnorePatterns[];
}

export interface SkippedPath {
  /** The path as the user named it. */
  path: string;
  reason: string;
}

export interface FileSearch {
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Folders whose entries could not be listed (their files are not linted). */
  unreadable: Array<{ folder: string; reason: string }>;
  /** Paths the user named that are not linted, or folders of which nothing is linted, with the reason. */
  skipped: SkippedPath[];
}

/** Files under `targets`, sorted, each once. */
export function findFiles(
  targets: readonly string[],
  cwd: string,
  options: FileSearchOptions = {},
): FileSearch {
  const search = new Search(cwd, options.ignores ?? []);
  const missing: string[] = [];
  const skipped: SkippedPath[] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(target);
      continue;
    }
    const isDirectory = stat.isDirectory();
    const reason =
      search.whyNamedPathIsSkipped(absolute, isDirectory) ??
      (stat.isFile() ? whyFileIsNotLinted(absolute) : undefined);
    if (reason !== undefined) {
      skipped.push({ path: target, reason });
      continue;
    }
    if (stat.isFile()) {
      search.found.add(absolute);
    } else if (isDirectory) {
      search.firstSkip = undefined;
      search.walk(absolute, search.gitignoresAbove(absolute));
      const firstSkip = search.firstSkip as string | undefined;
      if (firstSkip !== undefined && search.countFoundUnder(absolute) === 0)
        skipped.push({ path: target, reason: `everything in it is skipped (${firstSkip})` });
    }
  }
  const files = [...search.found].filter((file) => search.outputFolderOf(file) === undefined);
  return { files: files.sort(), missing, unreadable: search.unreadable, skipped };
}

function whyFileIsNotLinted(file: string): string | undefined {
  if (isLintableFile(file)) return undefined;
  return /\.d\.[cm]?ts$/.test(file)
    ? 'a declaration file, which is not linted'
    : 'not a JavaScript or TypeScript file';
}

/** A `.gitignore` and the folder its patterns are relative to. */
interface IgnoreScope {
  base: string;
  file: string;
  rules: Ignore;
}

/** A folder a tsconfig writes its output to. */
interface OutputFolder {
  folder: string;
  tsconfig: string;
  option: 'outDir' | 'declarationDir';
}

const TSCONFIG_NAME = /^(?:tsconfig(?:\..+)?|jsconfig)\.json$/;

class Search {
  readonly found = new Set<string>();
  readonly unreadable: FileSearch['unreadable'] = [];
  /** The first thing the current folder walk skipped, described, for a folder of which nothing is linted. */
  firstSkip: string | undefined;
  private readonly outputFolders = new Map<string, OutputFolder>();
  private readonly tsconfigsRead = new Set<string>();
  private readonly configIgnores: ConfigArray | undefined;

  constructor(
    private readonly cwd: string,
    private readonly ignores: readonly IgnorePatterns[],
  ) {
    this.configIgnores = ignores.length > 0 ? ignoreArray(ignores) : undefined;
  }

  walk(directory: string, scopes: IgnoreScope[]): void {
    const local = readGitignore(directory);
    const active = local ? [...scopes, local] : scopes;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      this.unreadable.push({ folder: directory, reason: (error as Error).message });
      return;
    }
    for (const entry of entries) {
      if (entry.isFile() && TSCONFIG_NAME.test(entry.name))
        this.readTsconfig(path.join(directory, entry.name));
    }
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (DEFAULT_IGNORED_FOLDERS.has(entry.name)) continue;
        const reason = this.whyWalkSkips(absolute, true, active);
        if (reason !== undefined) {
          this.firstSkip ??= `${this.display(absolute)}: ${reason}`;
          continue;
        }
        this.walk(absolute, active);
      } else if (entry.isFile() && isLintableFile(absolute)) {
        const reason = this.whyWalkSkips(absolute, false, active);
        if (reason !== undefined) {
          this.firstSkip ??= `${this.display(absolute)}: ${reason}`;
          continue;
        }
        this.found.add(absolute);
      }
    }
  }

  /** Why a path the user named is not linted: under a default-ignored folder, `.gitignore`, `ignores` or `outDir`. */
  whyNamedPathIsSkipped(absolute: string, isDirectory: boolean): string | undefined {
    const relative = path.relative(this.cwd, absolute);
    const ignoredFolder = relative
      .split(path.sep)
      .find((segment) => DEFAULT_IGNORED_FOLDERS.has(segment));
    if (ignoredFolder !== undefined) return `inside ${ignoredFolder}, which is never linted`;
    for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
      for (const name of safeReaddir(folder)) {
        if (TSCONFIG_NAME.test(name)) this.readTsconfig(path.join(folder, name));
      }
      if (fs.existsSync(path.join(folder, '.git')) || path.dirname(folder) === folder) break;
    }
    const scopes = this.gitignoresAbove(isDirectory ? absolute : path.dirname(absolute));
    if (!isDirectory) {
      const local = readGitignore(path.dirname(absolute));
      if (local) scopes.push(local);
    }
    return this.whyWalkSkips(absolute, isDirectory, scopes);
  }

  /**
   * The `.gitignore` files of the folders above `directory` that apply inside it too: up to the repository root, or
   * outside a repository those from the current folder down (as walking the current folder would read them).
   */
  gitignoresAbove(directory: string): IgnoreScope[] {
    const scopes: IgnoreScope[] = [];
    if (fs.existsSync(path.join(directory, '.git'))) return scopes;
    for (let current = path.dirname(directory); ;) {
      const scope = readGitignore(current);
      if (scope) scopes.unshift(scope);
      if (fs.existsSync(path.join(current, '.git'))) return scopes;
      const parent = path.dirname(current);
      if (parent === current) return scopes.filter((scope) => isInside(scope.base, this.cwd));
      current = parent;
    }
  }

  countFoundUnder(directory: string): number {
    const prefix = directory.endsWith(path.sep) ? directory : directory + path.sep;
    let count = 0;
    for (const file of this.found) {
      if (file.startsWith(prefix) && this.outputFolderOf(file) === undefined) count++;
    }
    return count;
  }

  /** The output folder `absolute` is in, unless that folder also holds the tsconfig (an `outDir` of `.`). */
  outputFolderOf(absolute: string): OutputFolder | undefined {
    for (const output of this.outputFolders.values()) {
      if (isInside(absolute, output.folder) && !isInside(output.tsconfig, output.folder))
        return output;
    }
    return undefined;
  }

  private whyWalkSkips(
    absolute: string,
    isDirectory: boolean,
    scopes: readonly IgnoreScope[],
  ): string | undefined {
    const gitignore = ignoringGitignore(scopes, absolute, isDirectory);
    if (gitignore !== undefined) return `ignored by ${this.display(gitignore)}`;
    const output = this.outputFolderOf(absolute);
    if (output !== undefined) {
      return `build output: the ${output.option} of ${this.display(output.tsconfig)}`;
    }
    if (
      this.configIgnores !== undefined &&
      isIgnoredBy(this.configIgnores, absolute, isDirectory)
    ) {
      const origin = this.ignores.find((source) =>
        isIgnoredBy(ignoreArray([source]), absolute, isDirectory),
      )?.origin;
      return `ignored by the ignores of ${origin === undefined ? 'the config' : this.display(origin)}`;
    }
    return undefined;
  }

  /** Records where a tsconfig writes its output; a tsconfig that cannot be read here is the engine's to report. */
  private readTsconfig(tsconfig: string): void {
    if (this.tsconfigsRead.has(tsconfig)) return;
    this.tsconfigsRead.add(tsconfig);
    const read = ts.readConfigFile(tsconfig, (file) => ts.sys.readFile(file));
    if (read.error || typeof read.config !== 'object' || read.config === null) return;
    // No file enumeration: only the options matter, with `extends` resolved.
    const host: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
      readDirectory: () => [],
      fileExists: (file) => ts.sys.fileExists(file),
      readFile: (file) => ts.sys.readFile(file),
    };
    let options: ts.CompilerOptions;
    try {
      options = ts.parseJsonConfigFileContent(
        read.config,
        host,
        path.dirname(tsconfig),
        undefined,
        tsconfig,
      ).options;
    } catch {
      return;
    }
    for (const option of ['outDir', 'declarationDir'] as const) {
      const folder = options[option];
      if (typeof folder !== 'string') continue;
      const absolute = path.resolve(path.dirname(tsconfig), folder);
      if (!this.outputFolders.has(absolute))
        this.outputFolders.set(absolute, { folder: absolute, tsconfig, option });
    }
  }

  private display(absolute: string): string {
    const relative = path.relative(this.cwd, absolute);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
      ? relative.split(path.sep).join('/')
      : absolute;
  }
}

/** One ESLint config array of global ignores; each object keeps the folder its patterns are relative to. */
function ignoreArray(sources: readonly IgnorePatterns[]): ConfigArray {
  const array = new ConfigArray(
    sources.map((source) => ({ basePath: source.basePath, ignores: [...source.patterns] })),
    { basePath: path.parse(path.resolve(sources[0]!.basePath)).root },
  );
  array.normalizeSync();
  return array;
}

function isIgnoredBy(array: ConfigArray, absolute: string, isDirectory: boolean): boolean {
  return isDirectory ? array.isDirectoryIgnored(absolute) : array.isFileIgnored(absolute);
}

function ignoringGitignore(
  scopes: readonly IgnoreScope[],
  absolute: string,
  isDirectory: boolean,
): string | undefined {
  return scopes.find(({ base, rules }) => {
    const relative = path.relative(base, absolute).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) return false;
    return rules.ignores(isDirectory ? `${relative}/` : relative);
  })?.file;
}

function readGitignore(directory: string): IgnoreScope | undefined {
  const file = path.join(directory, '.gitignore');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { base: directory, file, rules: ignore().add(text) };
}

function safeReaddir(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
