// One TypeScript project (a tsconfig, or the inferred project for files no tsconfig covers) behind a
// LanguageService, so that a change to one file rebuilds the program incrementally. Open buffers in the overlay win
// over the disk, which is how unsaved edits reach the types of other files.
import * as ts from 'typescript';

import type { DiskSnapshots } from './disk-snapshots';
import type { DocumentOverlay } from './overlay';

/**
 * What `tsc` itself parses of JSDoc: all of it in JavaScript (where it carries types), none in TypeScript files. No
 * rule reads JSDoc from TypeScript, and skipping it makes parsing (declaration files above all) markedly cheaper.
 */
export const JSDOC_PARSING_MODE = ts.JSDocParsingMode.ParseForTypeErrors;

export interface ProjectSettings {
  /** The tsconfig this project comes from; `undefined` for an inferred project. */
  configPath: string | undefined;
  /** The directory relative paths and `node_modules` lookups start from. */
  directory: string;
  options: ts.CompilerOptions;
  rootFiles: readonly string[];
  projectReferences?: readonly ts.ProjectReference[] | undefined;
}

export class Project {
  readonly configPath: string | undefined;
  readonly directory: string;
  readonly options: ts.CompilerOptions;
  private readonly projectReferences: readonly ts.ProjectReference[] | undefined;
  private rootFiles: string[];
  private rootFileSet: Set<string>;
  private projectVersion = 0;
  /** Bumped when the engine is told a file changed on disk; files never reported keep version 0. */
  private readonly diskVersions = new Map<string, number>();
  private readonly service: ts.LanguageService;

  constructor(
    settings: ProjectSettings,
    private readonly overlay: DocumentOverlay,
    documentRegistry: ts.DocumentRegistry,
    /** The disk's texts, shared by the projects of one registry (one read per file, however many projects load it). */
    private readonly disk: DiskSnapshots,
  ) {
    this.configPath = settings.configPath;
    this.directory = settings.directory;
    this.options = settings.options;
    this.projectReferences = settings.projectReferences;
    this.rootFiles = [...settings.rootFiles];
    this.rootFileSet = new Set(this.rootFiles);
    this.service = ts.createLanguageService(this.createHost(), documentRegistry);
  }

  /** True when `filePath` is one of this project's own files (not merely a dependency it loads). */
  hasRootFile(filePath: string): boolean {
    return this.rootFileSet.has(filePath);
  }

  /** The project's own files (the lint cache keys a project by this list). */
  rootFileNames(): readonly string[] {
    return this.rootFiles;
  }

  references(): readonly ts.ProjectReference[] {
    return this.projectReferences ?? [];
  }

  /** Adds files to an inferred project; a tsconfig project's file list comes from its config only. */
  addRootFiles(filePaths: readonly string[]): void {
    const added = filePaths.filter((filePath) => !this.rootFileSet.has(filePath));
    if (added.length === 0) return;
    this.rootFiles = [...this.rootFiles, ...added];
    this.rootFileSet = new Set(this.rootFiles);
    this.projectVersion++;
  }

  /** Tells the project that a file changed (in the overlay or on disk) so the next program sees it. */
  invalidate(filePath: string): void {
    this.disk.invalidate(filePath);
    this.diskVersions.set(filePath, (this.diskVersions.get(filePath) ?? 0) + 1);
    this.projectVersion++;
  }

  getProgram(): ts.Program {
    const program = this.service.getProgram();
    if (!program) throw new Error(`TypeScript could not create a program for ${this.configPath ?? this.directory}`);
    return program;
  }

  dispose(): void {
    this.service.dispose();
  }

  private createHost(): ts.LanguageServiceHost {
    const overlay = this.overlay;
    return {
      getCompilationSettings: () => this.options,
      getProjectVersion: () => `${this.projectVersion}:${overlay.generation}`,
      getScriptFileNames: () => this.rootFiles,
      getProjectReferences: () => this.projectReferences,
      getScriptVersion: (fileName) => {
        const open = overlay.get(fileName);
        return open ? `overlay:${open.version}` : `disk:${this.diskVersions.get(fileName) ?? 0}`;
      },
      getScriptSnapshot: (fileName) => {
        const open = overlay.get(fileName);
        if (open) return ts.ScriptSnapshot.fromString(open.text);
        return this.disk.get(fileName);
      },
      getCurrentDirectory: () => this.directory,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => overlay.get(fileName) !== undefined || ts.sys.fileExists(fileName),
      readFile: (fileName, encoding) => overlay.get(fileName)?.text ?? ts.sys.readFile(fileName, encoding),
      readDirectory: (...args) => ts.sys.readDirectory(...args),
      directoryExists: (directory) => ts.sys.directoryExists(directory),
      getDirectories: (directory) => ts.sys.getDirectories(directory),
      realpath: (fileName) => ts.sys.realpath?.(fileName) ?? fileName,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
      jsDocParsingMode: JSDOC_PARSING_MODE,
    };
  }
}

/** Compiler options for files that no tsconfig covers: modern JavaScript and TypeScript, JS allowed but not checked. */
export function inferredProjectOptions(): ts.CompilerOptions {
  return {
    allowJs: true,
    checkJs: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.Preserve,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    allowNonTsExtensions: true,
    maxNodeModuleJsDepth: 1,
  };
}

export { normalizePath } from './file-names';
