// What linting keeps per project root, whatever the lint config: the overlay of open buffers, the TypeScript projects
// (their language services and warm programs) and the disk's snapshots. Engines with different configs or rule
// severities share one `Projects`, so a settings change in the language server keeps its programs.
import type * as ts from 'typescript';

import { findImporters } from './import-graph';
import { DocumentOverlay } from './overlay';
import { normalizePath } from './file-names';
import type { Project } from './project';
import { type ConfigProblem, type ProjectLookup, ProjectRegistry } from './project-registry';

export class Projects {
  readonly overlay = new DocumentOverlay();
  /** Where the inferred project (files no tsconfig covers) resolves `node_modules` from. */
  readonly root: string;
  private readonly registry: ProjectRegistry;
  /**
   * Versions for the temporary overlay texts of fix passes: negative so they never equal an editor's version, and
   * counted here, with the overlay, so that two engines over these projects never give two texts one version.
   */
  private fixVersion = 0;

  constructor(root: string) {
    this.root = normalizePath(root);
    this.registry = new ProjectRegistry(this.overlay, this.root);
  }

  /** How many TypeScript programs these projects have built (a new program, not one kept because nothing changed). */
  get programsBuilt(): number {
    return this.registry.programsBuilt;
  }

  /** The project of one file, or the broken tsconfig that claims it. */
  lookup(filePath: string): ProjectLookup {
    return this.registry.lookup(normalizePath(filePath));
  }

  /**
   * Assigns files to projects before linting them one by one, so that every project's program is built once with
   * all of its files. Returns the config problems found (each broken tsconfig once) and the files they claim.
   */
  prepare(filePaths: readonly string[]): Map<string, ConfigProblem> {
    const problems = new Map<string, ConfigProblem>();
    for (const [file, lookup] of this.registry.lookupAll(filePaths)) {
      if ('problem' in lookup) problems.set(file, lookup.problem);
    }
    return problems;
  }

  /** The project a file belongs to, without building its program; `undefined` when a broken tsconfig claims it. */
  projectOf(filePath: string): Project | undefined {
    const lookup = this.lookup(filePath);
    return 'project' in lookup ? lookup.project : undefined;
  }

  /** Tells every project that a file changed on disk. */
  fileChanged(filePath: string): void {
    const file = normalizePath(filePath);
    for (const project of this.registry.projects()) project.invalidate(file);
  }

  /** The files among `candidates` that import one of `changed`, directly or transitively (see `import-graph.ts`). */
  importersOf(changed: readonly string[], candidates: readonly string[]): string[] {
    const wanted = new Set(candidates.map(normalizePath));
    const programs = new Set<ts.Program>();
    for (const file of wanted) {
      const lookup = this.registry.lookup(file);
      if (!('project' in lookup)) continue;
      try {
        programs.add(lookup.project.getProgram());
      } catch {
        // A project without a program has no import graph to offer; its files are re-linted when it recovers.
      }
    }
    return [...findImporters(programs, changed, wanted)];
  }

  /** Forgets all projects, for instance after a tsconfig changed. */
  reset(): void {
    this.registry.reset();
  }

  /** A version for a fix pass's temporary text in the overlay. */
  nextFixVersion(): number {
    return --this.fixVersion;
  }
}
