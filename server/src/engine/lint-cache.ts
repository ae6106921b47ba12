// `loopguard lint --cache`: lint results kept on disk between runs, and reused only where they are certain to equal
// a fresh run's. A result holds while everything its lint could read is unchanged: the file itself, the parts of
// other files it reaches by name (`file-reads.ts`: the groups of top-level statements its imports and their
// declarations name, helper bodies included, with their positions), the names those files declare, the files that
// affect the whole program (scripts, global augmentations, ambient modules), the packages the project imports, the
// project's settings, the lint config and the tools. A result whose reads could not be traced falls back to every
// file it imports, directly or transitively, compared by content. Each file's hash, dependencies and surface are
// stored (for files under `node_modules`, their size and modification time instead of a hash), so a run where
// nothing changed decides everything from file contents and stamps alone and never builds a program.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Linter } from 'eslint';
import loopguard from 'eslint-plugin-loopguard';

import { configKey, contentHash, projectKey, toolKey } from './cache-keys';
import type { Engine, FileOutcome, FixMode } from './engine';
import type { RelatedLocation } from './findings';
import {
  type FileReads,
  type FileSurface,
  IMPLEMENTATIONS,
  implementationIdsIn,
  moduleNamesOfText,
  packagesOf,
  packagesOfText,
  ReadTracer,
  surfaceOfText,
} from './file-reads';
import { programGraph } from './program-dependencies';
import type { LintConfigSource } from './lint-config';
import { normalizePath } from './file-names';
import type { Project } from './project';
import { createLintResult, type LintMessage } from './results';
import { readSourceText } from './source-text';
import { timed } from './timings';
import type { RuleCrash } from './verify';

/**
 * Raised whenever what a stored result means changes (4: reads include the implementations of read types; 5: and the
 * code building a `Proxy` typed with a read name; 7: only the implementations the rules follow, checked again in the
 * new program) or how it is written (6: reads as indices into one table).
 */
const FORMAT = 7;

/** The project a result was linted in, and its `Project` when this run lints the file. */
interface ResultProject {
  id: string;
  project: Project | undefined;
}

interface CachedLint {
  messages: LintMessage[];
  suppressedMessages: Linter.SuppressedLintMessage[];
  crashes: RuleCrash[];
  /** Related locations by message index. */
  related: Array<RelatedLocation[] | null>;
}

interface CachedResult {
  project: string;
  outcome: 'ignored' | CachedLint;
  /**
   * What the lint could read, as indices into `CacheFile.reads`; absent when it could not be traced (then every
   * transitive import counts).
   */
  reads?: number[];
}

/** One file and the names a lint read in it (`'*'`: all of it). */
type ReadEntry = [file: string, names: string[] | '*'];

interface CachedFile {
  /** The content hash of the file's text; for a file under `node_modules`, its stamp (`fileStamp`) instead. */
  hash: string;
  dependencies: string[];
  /** Kept for files whose parts some result reads. */
  surface?: FileSurface;
  /** The packages an own file imports at top level (the rules ask whether the project uses one). */
  packages?: string[];
  /** Every module and reference the file names (`moduleNamesOfText`). */
  modules?: string[];
}

interface CacheFile {
  format: typeof FORMAT;
  tools: string;
  config: string;
  projects: Record<
    string,
    {
      key: string;
      projectWide: string[];
      /** The program's own files (not packages' or TypeScript's): only an edit of one can change its implementations. */
      files?: string[];
    }
  >;
  /** Every non-lib file of the programs built so far: its content hash and its resolved dependencies. */
  files: Record<string, CachedFile>;
  /**
   * Every distinct read of the results, once. Results read the same parts of the same files over and over (the 1,000
   * files of the generated bench project make 315,832 reads, 1,860 of them distinct), so each result lists indices.
   */
  reads: ReadEntry[];
  results: Record<string, CachedResult>;
}

export class LintCache {
  private readonly data: CacheFile;
  /** Files whose cached result holds in this run, with the text it was computed from. */
  private readonly valid = new Map<string, string>();
  private readonly projectKeys = new Map<Project, string>();
  private readonly linted = new Set<Project>();
  /** Files linted in this run, with their projects: their reads are traced when the cache is saved. */
  private readonly fresh = new Map<string, Project>();
  private readonly written = new Set<string>();
  private changed = false;
  /** The index of each distinct read in `data.reads`, built when the first traced reads are stored. */
  private readIndex: Map<string, number> | undefined;
  /** When this run began: a file under `node_modules` modified since may have been read before or after the change. */
  private readonly startedAt = Date.now();

  private constructor(
    readonly location: string,
    stored: CacheFile | undefined,
    tools: string,
    config: string,
    /** Whether every rule reads other files only through the program (else results count every import). */
    private readonly traceable = true,
  ) {
    const usable =
      stored &&
      stored.format === FORMAT &&
      stored.tools === tools &&
      stored.config === config &&
      Array.isArray(stored.reads);
    this.data = usable
      ? stored
      : { format: FORMAT, tools, config, projects: {}, files: {}, reads: [], results: {} };
    this.changed = !usable;
  }

  /**
   * Reads the cache at `location`; a missing, unreadable or outdated cache is an empty one. `settings` names anything
   * else that changes results (the file size limit), so that a change of it empties the cache.
   */
  static open(location: string, config: LintConfigSource, settings = ''): LintCache {
    let stored: CacheFile | undefined;
    try {
      stored = JSON.parse(fs.readFileSync(location, 'utf8')) as CacheFile;
    } catch {
      stored = undefined;
    }
    return new LintCache(
      location,
      stored,
      toolKey(),
      `${configKey(config)}${settings ? `\n${settings}` : ''}`,
      readsAreTraceable(config),
    );
  }

  /**
   * Decides which cached results hold for this run: hashes every file the cache knows, finds the changed ones, and
   * drops the results that read a changed part of one (or, untraced, import a changed file at all), and those of
   * every project whose settings or project-wide files changed, or all when the packages imported changed.
   */
  prepare(engine: Engine, filePaths: readonly string[]): void {
    const texts = new Map<string, string | undefined>();
    const changedFiles = new Set<string>();
    const linted = new Set(filePaths.map(normalizePath));
    for (const [file, entry] of Object.entries(this.data.files)) {
      // Packages' files are compared by size and modification time, not read: there are many of them, an install
      // rewrites them, and a change of any counts as a change of the program (`mayChangeProgram`) anyway.
      if (isPackageFile(file) && !linted.has(file)) {
        if (fileStamp(file) !== entry.hash) changedFiles.add(file);
        continue;
      }
      const text = readText(file);
      texts.set(file, text);
      if (text === undefined || contentHash(text) !== entry.hash) changedFiles.add(file);
    }
    // Results read only parts of other files, but some questions are about the whole program: which packages its
    // files import, which files it has. An edit that may change an answer to them drops every result.
    const programChanged = [...changedFiles].some((file) =>
      mayChangeProgram(file, texts.get(file), this.data.files),
    );

    const invalidProjects = new Set<string>();
    for (const [id, stored] of Object.entries(this.data.projects))
      if (stored.projectWide.some((file) => changedFiles.has(file))) invalidProjects.add(id);
    for (const filePath of filePaths) {
      const project = engine.projectOf(filePath);
      if (!project || this.projectKeys.has(project)) continue;
      const key = projectKey(project);
      this.projectKeys.set(project, key);
      const id = projectId(project);
      if (this.data.projects[id]?.key !== key) invalidProjects.add(id);
    }

    const surfaces = new Map<string, FileSurface | undefined>();
    const currentSurface = (file: string): FileSurface | undefined => {
      if (!surfaces.has(file)) {
        const text = texts.get(file);
        surfaces.set(file, text === undefined ? undefined : surfaceOfText(file, text));
      }
      return surfaces.get(file);
    };
    // Which classes the rules follow a type's methods into can change with an edit of any file of the project (a
    // class that implements it appears), so that read is asked again of the new program when one changed. A result
    // of a file this run does not lint is not asked (its program may not be needed): it is dropped then.
    const implementationsChanged = (
      read: ResultProject,
      key: string,
      names: string[] | '*',
    ): boolean => {
      const own = this.data.projects[read.id]?.files;
      if (own ? !own.some((file) => changedFiles.has(file)) : changedFiles.size === 0) return false;
      const project = read.project;
      if (!project) return true;
      let program;
      try {
        program = project.getProgram();
      } catch {
        return true;
      }
      const now = implementationIdsIn(program, key);
      return now === undefined || names === '*' || now.join('\0') !== names.join('\0');
    };
    const entryChanged = (entry: ReadEntry | undefined, read: ResultProject): boolean => {
      if (!entry) return true;
      const [file, names] = entry;
      if (file.startsWith(IMPLEMENTATIONS)) return implementationsChanged(read, file, names);
      if (!changedFiles.has(file)) return false;
      const stored = this.data.files[file]?.surface;
      if (names === '*' || !stored) return true;
      const current = currentSurface(file);
      return (
        !current ||
        current.names !== stored.names ||
        current.core !== stored.core ||
        names.some((name) => current.groups[name] !== stored.groups[name])
      );
    };
    // Each distinct read is judged once per project, however many results share it.
    const changedEntries = new Map<string, boolean>();
    const indexChanged = (index: number, read: ResultProject): boolean => {
      const key = `${index}\0${read.id}\0${read.project ? 'linted' : ''}`;
      let changed = changedEntries.get(key);
      if (changed === undefined) {
        changed = entryChanged(this.data.reads[index], read);
        changedEntries.set(key, changed);
      }
      return changed;
    };
    const isImplementations = (index: number): boolean =>
      this.data.reads[index]?.[0].startsWith(IMPLEMENTATIONS) === true;
    // The parts of files first: they are decided from texts, the implementations from a program.
    const readChanged = (reads: readonly number[], read: ResultProject): boolean =>
      reads.some((index) => !isImplementations(index) && indexChanged(index, read)) ||
      reads.some((index) => isImplementations(index) && indexChanged(index, read));

    let stale: Set<string> | undefined;
    for (const [file, result] of Object.entries(this.data.results)) {
      const dropped =
        programChanged || invalidProjects.has(result.project) || !(file in this.data.files);
      if (
        dropped ||
        (result.reads
          ? !result.reads.some((index) => this.data.reads[index]?.[0] === file) ||
            readChanged(result.reads, {
              id: result.project,
              project: linted.has(file) ? engine.projectOf(file) : undefined,
            })
          : (stale ??= importersOf(changedFiles, this.data.files)).has(file))
      ) {
        delete this.data.results[file];
        this.changed = true;
      }
    }
    for (const filePath of filePaths) {
      const file = normalizePath(filePath);
      const project = engine.projectOf(file);
      const result = this.data.results[file];
      const text = texts.get(file);
      if (project && result && result.project === projectId(project) && text !== undefined)
        this.valid.set(file, text);
    }
  }

  /** The cached outcome of a file, when it holds and (with fixes on) has nothing to fix. */
  get(filePath: string, fix: FixMode): FileOutcome | undefined {
    const file = normalizePath(filePath);
    const source = this.valid.get(file);
    const cached = this.data.results[file];
    if (source === undefined || !cached) return undefined;
    if (cached.outcome === 'ignored') return { kind: 'ignored' };
    const { messages, suppressedMessages, crashes, related } = cached.outcome;
    if (
      fix !== 'none' &&
      messages.some((message) => message.fix || (fix === 'unsafe' && message.suggestions?.length))
    )
      return undefined;
    return {
      kind: 'linted',
      result: createLintResult(file, messages, suppressedMessages, source, undefined),
      findings: messages.map((message, index) => ({ message, related: related[index] ?? [] })),
      crashes,
      source,
    };
  }

  /** Records a fresh outcome. Results with fatal errors (unparsable files, programs that failed) are not kept. */
  set(engine: Engine, filePath: string, outcome: FileOutcome): void {
    const file = normalizePath(filePath);
    const project = engine.projectOf(file);
    if (!project || outcome.kind === 'config-problem') return;
    this.linted.add(project);
    this.fresh.set(file, project);
    this.changed = true;
    if (outcome.kind === 'ignored') {
      this.data.results[file] = { project: projectId(project), outcome: 'ignored' };
      return;
    }
    if (outcome.result.fatalErrorCount > 0) {
      delete this.data.results[file];
      return;
    }
    const { messages, suppressedMessages } = outcome.result;
    this.data.results[file] = {
      project: projectId(project),
      outcome: {
        messages,
        suppressedMessages,
        crashes: outcome.crashes,
        related: outcome.findings.map(({ related }) => (related.length > 0 ? [...related] : null)),
      },
    };
  }

  /**
   * What identifies the text a program read of a file: its content hash, or for a package's file its stamp. A stamp
   * taken after the run began is not trusted (the program may have read the text before the change): it is stored
   * as `''`, which no later stamp or hash equals, so the next run takes the file as changed.
   */
  private hashOf(file: string, text: string): string {
    if (!isPackageFile(file)) return contentHash(text);
    const stamp = fileStamp(file);
    const modified = Number(stamp.split(':')[1]);
    return Number.isFinite(modified) && modified < this.startedAt ? stamp : '';
  }

  /** A file this run rewrote (fixes): whatever was linted against its old text must be linted again next time. */
  fileWritten(filePath: string): void {
    this.written.add(normalizePath(filePath));
  }

  /**
   * Stores the dependency graph of every program this run built and writes the cache (through a temporary file and
   * a rename). Returns an error message instead of throwing: a cache that cannot be written only costs time.
   */
  save(): string | undefined {
    for (const project of this.linted) {
      let program;
      try {
        program = project.getProgram();
      } catch {
        continue;
      }
      const graph = timed('cache save: program graph', () => programGraph(program));
      // Files whose text is the one the cache already knew: their stored surfaces hold.
      const unchanged = new Set<string>();
      timed('cache save: file entries', () => {
        for (const [file, dependencies] of graph.dependencies) {
          const text = graph.texts.get(file) ?? '';
          const hash = this.written.has(file) ? '' : this.hashOf(file, text);
          const known = this.data.files[file];
          // An unchanged file keeps what was worked out from its text (the modules it names are a parse away).
          if (known && known.hash === hash && hash !== '' && known.modules) {
            known.dependencies = dependencies;
            unchanged.add(file);
            continue;
          }
          const sourceFile = program.getSourceFile(file);
          this.data.files[file] = {
            hash,
            dependencies,
            packages: sourceFile ? packagesOf(sourceFile) : packagesOfText(file, text),
            modules: moduleNamesOfText(text),
          };
        }
      });
      // Without the program's module resolution, reads cannot be traced: those results fall back to imports.
      const tracer =
        this.traceable && graph.modules.size > 0
          ? new ReadTracer(program, graph.modules)
          : undefined;
      for (const [file, linted] of this.fresh) {
        const result = this.data.results[file];
        if (linted !== project || !result) continue;
        const reads =
          tracer && graph.texts.has(file)
            ? timed('cache save: trace reads', () => tracer.readsOf(file))
            : undefined;
        if (reads) result.reads = this.entriesOf(citedWhole(reads, result));
        else delete result.reads;
      }
      const readInParts = new Set<string>();
      for (const result of Object.values(this.data.results))
        for (const index of result.reads ?? []) {
          const [file, names] = this.data.reads[index] ?? ['', '*'];
          if (names !== '*') readInParts.add(file);
        }
      for (const file of readInParts) {
        const entry = this.data.files[file];
        if (entry?.surface && unchanged.has(file)) continue;
        const surface = tracer?.surfaceOf(file);
        if (entry && surface && graph.texts.has(file)) entry.surface = surface;
      }
      this.data.projects[projectId(project)] = {
        key: this.projectKeys.get(project) ?? projectKey(project),
        projectWide: graph.projectWide,
        files: [...graph.dependencies.keys()].filter((file) => !isPackageFile(file)).sort(),
      };
    }
    // Results linted before a fix rewrote a file read its old text: every part of it counts as changed, and so
    // does the program (a fix may add an import).
    for (const file of this.written) {
      const entry = this.data.files[file];
      if (!entry) continue;
      entry.hash = '';
      delete entry.surface;
      delete entry.modules;
    }
    if (!this.changed && this.written.size === 0) return undefined;
    try {
      fs.mkdirSync(path.dirname(this.location), { recursive: true });
      const temporary = `${this.location}.${process.pid}.tmp`;
      this.dropUnusedReads();
      timed('cache save: write', () => fs.writeFileSync(temporary, JSON.stringify(this.data)));
      fs.renameSync(temporary, this.location);
      return undefined;
    } catch (error) {
      return `could not write the cache ${this.location}: ${(error as Error).message}`;
    }
  }

  /** The indices of traced reads in the table of distinct reads, adding those it lacks. */
  private entriesOf(reads: FileReads): number[] {
    if (!this.readIndex) {
      this.readIndex = new Map();
      for (const [index, [file, names]] of this.data.reads.entries())
        this.readIndex.set(readKey(file, names), index);
    }
    const known = this.readIndex;
    return Object.entries(reads).map(([file, names]) => {
      const key = readKey(file, names);
      let index = known.get(key);
      if (index === undefined) {
        index = this.data.reads.length;
        this.data.reads.push([file, names]);
        known.set(key, index);
      }
      return index;
    });
  }

  /**
   * Keeps only the reads some result still lists, renumbered, so the table does not grow with dropped results. A
   * result listing a read the table lacks (a damaged cache file) is dropped: what it read is unknown.
   */
  private dropUnusedReads(): void {
    const renumbered = new Map<number, number>();
    const kept: ReadEntry[] = [];
    for (const [file, result] of Object.entries(this.data.results)) {
      if (!result.reads) continue;
      if (result.reads.some((index) => this.data.reads[index] === undefined)) {
        delete this.data.results[file];
        continue;
      }
      result.reads = result.reads.map((index) => {
        let position = renumbered.get(index);
        if (position === undefined) {
          position = kept.length;
          kept.push(this.data.reads[index]!);
          renumbered.set(index, position);
        }
        return position;
      });
    }
    this.data.reads = kept;
    this.readIndex = undefined;
  }
}

function readKey(file: string, names: string[] | '*'): string {
  return `${file}\0${names === '*' ? '*' : names.join('\0')}`;
}

/** The default cache file: under `node_modules/.cache` when the folder has one (where tools keep caches), else beside it. */
export function defaultCacheLocation(cwd: string): string {
  return fs.existsSync(path.join(cwd, 'node_modules'))
    ? path.join(cwd, 'node_modules', '.cache', 'loopguard', 'lint-cache.json')
    : path.join(cwd, '.loopguard-cache');
}

/** `--cache-location`: a folder (existing, or written with a trailing separator) holds `lint-cache.json`; else a file path. */
export function resolveCacheLocation(cwd: string, location: string | undefined): string {
  if (location === undefined) return defaultCacheLocation(cwd);
  const absolute = path.resolve(cwd, location);
  const isFolder =
    /[\\/]$/.test(location) || (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory());
  return isFolder ? path.join(absolute, 'lint-cache.json') : absolute;
}

/** Plugins whose rules read other files only through the program's syntax trees and type checker, never from disk. */
const PROGRAM_ONLY_PLUGINS = new Set([
  'eslint-plugin-loopguard',
  '@typescript-eslint/eslint-plugin',
]);

/**
 * Whether a lint's reads can be traced from the program: true when every rule a config names is ESLint's own (they
 * read only the linted file) or from Loopguard or typescript-eslint. Other plugins may read the file system (an
 * import-cycle rule reads the whole import graph), so their results count every file they import, as before.
 */
function readsAreTraceable(source: LintConfigSource): boolean {
  if (source.kind === 'builtin') return true;
  const plugins = new Map<string, unknown[]>();
  for (const config of source.configs)
    for (const [name, plugin] of Object.entries(config.plugins ?? {}))
      plugins.set(name, [...(plugins.get(name) ?? []), plugin]);
  // The tracer asks this copy of Loopguard which implementations its rules follow: another version may follow others.
  const known = (plugin: unknown): boolean => {
    const meta = (plugin as { meta?: { name?: unknown; version?: unknown } } | undefined)?.meta;
    const name = meta?.name;
    if (name === loopguard.meta.name) return meta?.version === loopguard.meta.version;
    return typeof name === 'string' && PROGRAM_ONLY_PLUGINS.has(name);
  };
  return source.configs.every((config) =>
    Object.keys(config.rules ?? {}).every((rule) => {
      const slash = rule.lastIndexOf('/');
      if (slash === -1) return true;
      const found = plugins.get(rule.slice(0, slash));
      return found !== undefined && found.every(known);
    }),
  );
}

function projectId(project: Project): string {
  return project.configPath ?? `(inferred) ${normalizePath(project.directory)}`;
}

/** Whether a file belongs to an installed package (under `node_modules`). */
function isPackageFile(file: string): boolean {
  return file.includes('/node_modules/');
}

/** A file's size and modification time (`size:mtimeMs`), or `missing` when it cannot be read. */
function fileStamp(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function readText(file: string): string | undefined {
  try {
    return readSourceText(file).text;
  } catch {
    return undefined;
  }
}

/**
 * Whether an edit of `file` may change what the whole program answers: the packages its files import at top level
 * (the rules ask whether the project uses one), or which files it has (a new file may declare globals or import a
 * package). A module the file newly names is harmless when the program has it already: a relative one that
 * names a known file, a package another file names too; a module it no longer names, when another file still
 * names it. Files under `node_modules` change with the lockfile, which the project key holds; one that changes
 * alone counts as a change of the program.
 */
function mayChangeProgram(
  file: string,
  text: string | undefined,
  files: CacheFile['files'],
): boolean {
  const entry = files[file];
  if (!entry || text === undefined || !entry.modules || isPackageFile(file)) return true;
  if ((entry.packages ?? []).join('\n') !== packagesOfText(file, text).join('\n')) return true;
  const before = new Set(entry.modules);
  const after = new Set(moduleNamesOfText(text));
  const namedElsewhere = (name: string): boolean =>
    Object.entries(files).some(
      ([other, { modules }]) => other !== file && modules?.includes(name) === true,
    );
  for (const name of after) {
    if (before.has(name)) continue;
    if (name.startsWith('path:') || name.startsWith('types:')) return true;
    if (isRelative(name) ? knownTarget(file, name, files) === undefined : !namedElsewhere(name))
      return true;
  }
  for (const name of before) {
    if (after.has(name)) continue;
    if (name.startsWith('path:') || name.startsWith('types:')) return true;
    if (!isRelative(name)) {
      if (!namedElsewhere(name)) return true;
      continue;
    }
    const target = knownTarget(file, name, files);
    const importedElsewhere =
      target !== undefined &&
      Object.entries(files).some(
        ([other, { dependencies }]) => other !== file && dependencies.includes(target),
      );
    if (!importedElsewhere) return true;
  }
  return false;
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

const SOURCE_EXTENSIONS = [
  '.ts',
  '.tsx',
  '.d.ts',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.json',
];

/** The known file a relative specifier names, tried as TypeScript resolves one (extensions, `.js` for `.ts`, index). */
function knownTarget(
  file: string,
  specifier: string,
  files: CacheFile['files'],
): string | undefined {
  const base = path.posix.resolve(path.posix.dirname(file), specifier);
  const stem = base.replace(/\.[cm]?jsx?$/, '');
  const candidates = [
    base,
    ...SOURCE_EXTENSIONS.map((extension) => `${base}${extension}`),
    ...SOURCE_EXTENSIONS.map((extension) => `${stem}${extension}`),
    ...SOURCE_EXTENSIONS.map((extension) => `${base}/index${extension}`),
  ];
  return candidates.find((candidate) => candidate in files);
}

/**
 * Reads with every file a result names (a related location, `helper.ts:12` in a message) taken whole: the result
 * holds positions in it, which an edit anywhere above them moves.
 */
function citedWhole(reads: FileReads, result: CachedResult): FileReads {
  if (result.outcome === 'ignored') return reads;
  const text = JSON.stringify(result.outcome);
  const cited: FileReads = {};
  for (const [file, names] of Object.entries(reads))
    cited[file] =
      names !== '*' && !file.startsWith(IMPLEMENTATIONS) && text.includes(path.posix.basename(file))
        ? '*'
        : names;
  return cited;
}

/** The changed files and every file that depends on one of them, directly or transitively. */
function importersOf(changed: ReadonlySet<string>, files: CacheFile['files']): Set<string> {
  const importers = new Map<string, string[]>();
  for (const [file, entry] of Object.entries(files)) {
    for (const dependency of entry.dependencies) {
      const list = importers.get(dependency) ?? [];
      list.push(file);
      importers.set(dependency, list);
    }
  }
  const stale = new Set<string>();
  const pending = [...changed];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (stale.has(file)) continue;
    stale.add(file);
    pending.push(...(importers.get(file) ?? []));
  }
  return stale;
}
