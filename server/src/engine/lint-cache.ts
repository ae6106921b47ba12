// `loopguard lint --cache`: lint results kept on disk between runs, and reused only where they are certain to equal
// a fresh run's. A result holds while the file, everything it imports (directly or transitively, type-only imports
// and declaration files included), the files that affect the whole program (scripts, global augmentations, ambient
// modules), the project's settings, the lint config and the tools are all unchanged. Dependencies are compared by
// content, not by exported signatures: a rule may look into a helper's body. Each file's resolved dependencies are
// stored with their hashes, so a run where nothing changed decides everything from file contents alone and never
// builds a TypeScript program.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Linter } from 'eslint';

import { configKey, contentHash, projectKey, toolKey } from './cache-keys';
import type { Engine, FileOutcome, FixMode } from './engine';
import type { RelatedLocation } from './findings';
import { programGraph } from './program-dependencies';
import type { LintConfigSource } from './lint-config';
import { normalizePath } from './file-names';
import type { Project } from './project';
import { createLintResult, type LintMessage } from './results';
import { readSourceText } from './source-text';
import type { RuleCrash } from './verify';

const FORMAT = 1;

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
}

interface CacheFile {
  format: typeof FORMAT;
  tools: string;
  config: string;
  projects: Record<string, { key: string; projectWide: string[] }>;
  /** Every non-lib file of the programs built so far: its content hash and its resolved dependencies. */
  files: Record<string, { hash: string; dependencies: string[] }>;
  results: Record<string, CachedResult>;
}

export class LintCache {
  private readonly data: CacheFile;
  /** Files whose cached result holds in this run, with the text it was computed from. */
  private readonly valid = new Map<string, string>();
  private readonly projectKeys = new Map<Project, string>();
  private readonly linted = new Set<Project>();
  private readonly written = new Set<string>();
  private changed = false;

  private constructor(
    readonly location: string,
    stored: CacheFile | undefined,
    tools: string,
    config: string,
  ) {
    const usable =
      stored && stored.format === FORMAT && stored.tools === tools && stored.config === config;
    this.data = usable
      ? stored
      : { format: FORMAT, tools, config, projects: {}, files: {}, results: {} };
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
    );
  }

  /**
   * Decides which cached results hold for this run: hashes every file the cache knows, finds the changed ones, and
   * drops the results of every file that imports a changed file, directly or transitively, and of every project
   * whose settings or project-wide files changed.
   */
  prepare(engine: Engine, filePaths: readonly string[]): void {
    const texts = new Map<string, string | undefined>();
    const changedFiles = new Set<string>();
    for (const [file, entry] of Object.entries(this.data.files)) {
      const text = readText(file);
      texts.set(file, text);
      if (text === undefined || contentHash(text) !== entry.hash) changedFiles.add(file);
    }

    const invalidProjects = new Set<string>();
    for (const filePath of filePaths) {
      const project = engine.projectOf(filePath);
      if (!project || this.projectKeys.has(project)) continue;
      const key = projectKey(project);
      this.projectKeys.set(project, key);
      const id = projectId(project);
      const stored = this.data.projects[id];
      if (
        !stored ||
        stored.key !== key ||
        stored.projectWide.some((file) => changedFiles.has(file))
      )
        invalidProjects.add(id);
    }

    const stale = importersOf(changedFiles, this.data.files);
    for (const [file, result] of Object.entries(this.data.results)) {
      if (stale.has(file) || invalidProjects.has(result.project) || !(file in this.data.files)) {
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
      const graph = programGraph(program);
      for (const [file, dependencies] of graph.dependencies) {
        const text = graph.texts.get(file) ?? '';
        this.data.files[file] = {
          hash: this.written.has(file) ? '' : contentHash(text),
          dependencies,
        };
      }
      this.data.projects[projectId(project)] = {
        key: this.projectKeys.get(project) ?? projectKey(project),
        projectWide: graph.projectWide,
      };
    }
    for (const file of this.written) {
      const entry = this.data.files[file];
      if (entry) entry.hash = '';
    }
    if (!this.changed && this.written.size === 0) return undefined;
    try {
      fs.mkdirSync(path.dirname(this.location), { recursive: true });
      const temporary = `${this.location}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify(this.data));
      fs.renameSync(temporary, this.location);
      return undefined;
    } catch (error) {
      return `could not write the cache ${this.location}: ${(error as Error).message}`;
    }
  }
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

function projectId(project: Project): string {
  return project.configPath ?? `(inferred) ${normalizePath(project.directory)}`;
}

function readText(file: string): string | undefined {
  try {
    return readSourceText(file).text;
  } catch {
    return undefined;
  }
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
