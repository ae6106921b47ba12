// Which project a file belongs to: the nearest tsconfig.json/jsconfig.json that includes it (directly or through
// its project references), else the inferred project. Broken configs are remembered and reported once.
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as ts from 'typescript';

import { DiskSnapshots } from './disk-snapshots';
import type { DocumentOverlay } from './overlay';
import { normalizePath } from './file-names';
import { inferredProjectOptions, JSDOC_PARSING_MODE, Project } from './project';
import { loadTsconfig } from './tsconfig-loader';

export interface ConfigProblem {
  configPath: string;
  message: string;
}

export type ProjectLookup = { project: Project } | { problem: ConfigProblem };

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_REFERENCE_DEPTH = 8;

export class ProjectRegistry {
  private readonly documentRegistry = ts.createDocumentRegistry(
    ts.sys.useCaseSensitiveFileNames,
    undefined,
    JSDOC_PARSING_MODE,
  );
  private readonly disk = new DiskSnapshots();
  private readonly configs = new Map<string, Project | ConfigProblem>();
  private readonly owners = new Map<string, Project | ConfigProblem>();
  private inferred: Project | undefined;
  private builtPrograms = 0;

  constructor(
    private readonly overlay: DocumentOverlay,
    /** Where the inferred project resolves `node_modules` from. */
    private readonly inferredRoot: string,
  ) {}

  /** The project for one file; the result is cached until the registry is reset. */
  lookup(filePath: string): ProjectLookup {
    const file = normalizePath(filePath);
    const known = this.owners.get(file);
    if (known) return asLookup(known);
    const owner = this.findOwner(file);
    this.owners.set(file, owner);
    return asLookup(owner);
  }

  /** Assigns many files at once, so that an inferred project is built with all of its files in one program. */
  lookupAll(filePaths: readonly string[]): Map<string, ProjectLookup> {
    const result = new Map<string, ProjectLookup>();
    const uncovered: string[] = [];
    for (const filePath of filePaths) {
      const file = normalizePath(filePath);
      const owner = this.owners.get(file) ?? this.findConfiguredOwner(file);
      if (owner) {
        this.owners.set(file, owner);
        result.set(file, asLookup(owner));
      } else {
        uncovered.push(file);
      }
    }
    if (uncovered.length > 0) {
      const inferred = this.inferredProject(uncovered);
      for (const file of uncovered) {
        this.owners.set(file, inferred);
        result.set(file, { project: inferred });
      }
    }
    return result;
  }

  /** How many TypeScript programs the projects of this registry have built, resets included. */
  get programsBuilt(): number {
    return this.builtPrograms;
  }

  /** Every project created so far. */
  projects(): Project[] {
    const all = new Set<Project>();
    for (const entry of this.configs.values()) if (entry instanceof Project) all.add(entry);
    if (this.inferred) all.add(this.inferred);
    return [...all];
  }

  /** Forgets every project (after a tsconfig changed); programs are rebuilt on the next lookup. */
  reset(): void {
    for (const project of this.projects()) project.dispose();
    this.configs.clear();
    this.owners.clear();
    this.inferred = undefined;
    this.disk.clear();
  }

  private readonly countProgram = (): void => {
    this.builtPrograms++;
  };

  private findOwner(file: string): Project | ConfigProblem {
    return this.findConfiguredOwner(file) ?? this.inferredProject([file]);
  }

  /**
   * Walks up from the file's folder. The nearest config that includes the file wins; a broken config on the way
   * claims the file (its settings would have applied, so linting it with other settings would mislead).
   */
  private findConfiguredOwner(file: string): Project | ConfigProblem | undefined {
    let directory = path.dirname(file);
    for (;;) {
      for (const name of CONFIG_NAMES) {
        const configPath = normalizePath(path.join(directory, name));
        if (!fs.existsSync(configPath)) continue;
        const entry = this.config(configPath);
        if (!(entry instanceof Project)) return entry;
        const owner = this.findInReferences(entry, file, 0);
        if (owner) return owner;
      }
      const parent = path.dirname(directory);
      if (parent === directory) return undefined;
      directory = parent;
    }
  }

  private findInReferences(
    project: Project,
    file: string,
    depth: number,
  ): Project | ConfigProblem | undefined {
    if (project.hasRootFile(file)) return project;
    if (depth >= MAX_REFERENCE_DEPTH) return undefined;
    for (const reference of project.references()) {
      const configPath = normalizePath(ts.resolveProjectReferencePath(reference));
      if (!fs.existsSync(configPath)) continue;
      const entry = this.config(configPath);
      if (!(entry instanceof Project)) continue;
      const owner = this.findInReferences(entry, file, depth + 1);
      if (owner) return owner;
    }
    return undefined;
  }

  private config(configPath: string): Project | ConfigProblem {
    const known = this.configs.get(configPath);
    if (known) return known;
    const loaded = loadTsconfig(configPath);
    const entry: Project | ConfigProblem = loaded.ok
      ? new Project(
          {
            configPath,
            directory: path.dirname(configPath),
            options: { ...loaded.parsed.options, noEmit: true },
            rootFiles: loaded.parsed.fileNames.map(normalizePath),
            projectReferences: loaded.parsed.projectReferences,
          },
          this.overlay,
          this.documentRegistry,
          this.disk,
          this.countProgram,
        )
      : { configPath, message: loaded.message };
    this.configs.set(configPath, entry);
    return entry;
  }

  private inferredProject(files: readonly string[]): Project {
    if (!this.inferred) {
      this.inferred = new Project(
        {
          configPath: undefined,
          directory: this.inferredRoot,
          options: inferredProjectOptions(),
          rootFiles: [...nodeTypesFallback(this.inferredRoot)],
        },
        this.overlay,
        this.documentRegistry,
        this.disk,
        this.countProgram,
      );
    }
    this.inferred.addRootFiles(files);
    return this.inferred;
  }
}

function asLookup(entry: Project | ConfigProblem): ProjectLookup {
  return entry instanceof Project ? { project: entry } : { problem: entry };
}

/**
 * Node's types for an inferred project whose folder has none installed, so that `require('fs')` in a plain
 * JavaScript project still resolves to `node:fs` (the rules identify calls by their declarations). A project
 * with its own `@types/node` uses that one. Loopguard's copy is `loopguard-node-types`, an alias of `@types/node`:
 * under its real name, installing Loopguard would put it in the user's `node_modules/@types`, where TypeScript
 * includes it in every project of theirs.
 */
function nodeTypesFallback(root: string): string[] {
  for (let directory = root; ; directory = path.dirname(directory)) {
    if (fs.existsSync(path.join(directory, 'node_modules', '@types', 'node', 'package.json')))
      return [];
    if (path.dirname(directory) === directory) break;
  }
  try {
    return [normalizePath(require.resolve('loopguard-node-types/index.d.ts'))];
  } catch {
    return [];
  }
}
