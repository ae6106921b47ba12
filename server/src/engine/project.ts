// One TypeScript project (a tsconfig, or the inferred project for files no tsconfig covers) behind a
// LanguageService, so that a change to one file rebuilds the program incrementally. Open buffers in the overlay win
// over the disk, which is how unsaved edits reach the types of other files.
import * as ts from 'typescript';

import type { DiskSnapshots } from './disk-snapshots';
import type { DocumentOverlay, OverlayDocument } from './overlay';
import { timed } from './timings';

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
  /**
   * Files left out of the program (seen as empty) because TypeScript's parser overflowed the call stack on them, by
   * the version of the text that did; a new version of the file is tried again.
   */
  private readonly leftOut = new Map<string, string>();
  private readonly service: ts.LanguageService;
  /** The program last returned, to tell a new build from a program the language service kept. */
  private lastProgram: ts.Program | undefined;
  /** Module resolutions and `package.json` lookups, kept while what they read stays the same (`resolutionCache`). */
  private resolution: { key: string; cache: ts.ModuleResolutionCache } | undefined;
  /**
   * Files with an import that did not resolve, by the overlay's membership they were resolved under
   * (`hasInvalidatedResolutions`); keys canonical as TypeScript's paths are.
   */
  private readonly failedResolutions = new Map<string, number>();

  constructor(
    settings: ProjectSettings,
    private readonly overlay: DocumentOverlay,
    documentRegistry: ts.DocumentRegistry,
    /** The disk's texts, shared by the projects of one registry (one read per file, however many projects load it). */
    private readonly disk: DiskSnapshots,
    /** Told of every program the language service builds (not of one it keeps because nothing changed). */
    private readonly onProgramBuilt: () => void = () => {},
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

  /**
   * The current program. A file so deeply nested that TypeScript's parser overflows the call stack would make every
   * program fail; such files are found, left out (seen as empty), and the program is built without them.
   */
  getProgram(): ts.Program {
    for (;;) {
      try {
        const program = timed('program: build or update', () => this.service.getProgram());
        if (!program)
          throw new Error(
            `TypeScript could not create a program for ${this.configPath ?? this.directory}`,
          );
        if (program !== this.lastProgram) {
          this.lastProgram = program;
          this.onProgramBuilt();
        }
        return program;
      } catch (error) {
        if (!isStackOverflow(error)) throw error;
        // TypeScript records the project version before it builds: without a new one, the next call would take the
        // failed build for the current one and return no program at all.
        this.projectVersion++;
        // Each round leaves out at least one more file, so this ends.
        if (!this.leaveOutUnparsableFiles()) throw error;
      }
    }
  }

  /** Whether the file's current text was left out of the program because the parser could not follow it. */
  isLeftOut(filePath: string): boolean {
    const version = this.leftOut.get(filePath);
    return version !== undefined && version === this.textVersion(filePath);
  }

  /** Why a file on disk could not be read (not for open buffers, which are never read). */
  readError(filePath: string): string | undefined {
    return this.overlay.get(filePath) ? undefined : this.disk.readError(filePath);
  }

  /** Whether the file on disk holds bytes that are not UTF-8 (an open buffer is the editor's text). */
  hasInvalidUtf8(filePath: string): boolean {
    return !this.overlay.get(filePath) && this.disk.hasInvalidUtf8(filePath);
  }

  dispose(): void {
    this.lastProgram = undefined;
    this.service.dispose();
  }

  /** The version of the text the project sees for a file: an open buffer's, or the disk's. */
  private textVersion(fileName: string): string {
    const open = this.overlay.get(fileName);
    return open ? `overlay:${open.version}` : `disk:${this.diskVersions.get(fileName) ?? 0}`;
  }

  /**
   * Parses each own file alone and leaves out those that overflow the stack. A file can overflow inside a program's
   * build, deeper in the stack, and still parse alone; when none fails alone, the most deeply nested one is left out.
   * False when there is nothing left to leave out.
   */
  private leaveOutUnparsableFiles(): boolean {
    let found = false;
    let deepest: { fileName: string; depth: number } | undefined;
    for (const fileName of this.rootFiles) {
      if (this.isLeftOut(fileName)) continue;
      const snapshot = this.overlay.get(fileName) ? undefined : this.disk.get(fileName);
      const text = this.overlay.get(fileName)?.text ?? snapshot?.getText(0, snapshot.getLength());
      if (text === undefined) continue;
      try {
        ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
      } catch (error) {
        if (!isStackOverflow(error)) continue;
        this.leftOut.set(fileName, this.textVersion(fileName));
        found = true;
        continue;
      }
      const depth = nestingDepth(text);
      if (depth >= SUSPICIOUS_NESTING && depth > (deepest?.depth ?? 0))
        deepest = { fileName, depth };
    }
    if (!found && deepest) {
      this.leftOut.set(deepest.fileName, this.textVersion(deepest.fileName));
      found = true;
    }
    if (found) this.projectVersion++;
    return found;
  }

  /**
   * The module resolution cache of the current state of the files. Without one from the host, TypeScript starts a new
   * cache for every program, so each keystroke looked up the `package.json` scope of every file of the program again
   * (under `node16`/`nodenext`, and for every file in `node_modules`). What resolution reads changes only when a file
   * changes on disk (the project version moves; a file created or deleted, or a `package.json` changed, resets the
   * projects altogether), or when an open buffer is added or removed, or an open `package.json` changes (the
   * overlay's membership); a source's text does not, so the cache lives until one of those.
   */
  private resolutionCache(): ts.ModuleResolutionCache {
    const key = `${this.projectVersion}:${this.overlay.membership}`;
    if (this.resolution?.key !== key) {
      this.resolution = {
        key,
        cache: ts.createModuleResolutionCache(this.directory, canonicalFileName, this.options),
      };
    }
    return this.resolution.cache;
  }

  /**
   * Whether TypeScript must resolve the imports of an unchanged file again: it keeps a file's resolutions while its
   * text stays the same, so an import that failed would keep failing after a buffer for the missing file opens (a
   * new file not saved yet). Files with a failed import are resolved again once the overlay's membership has moved
   * since; an import that resolved to a buffer that closes needs nothing here (the file leaves the program, which
   * TypeScript builds anew then).
   */
  private hasInvalidatedResolutions(filePath: string): boolean {
    const resolvedUnder = this.failedResolutions.get(canonicalFileName(filePath));
    return resolvedUnder !== undefined && resolvedUnder !== this.overlay.membership;
  }

  private recordResolutions(
    containingFile: string,
    resolved: readonly ts.ResolvedModuleWithFailedLookupLocations[],
  ): void {
    const key = canonicalFileName(containingFile);
    if (resolved.some((resolution) => resolution.resolvedModule === undefined))
      this.failedResolutions.set(key, this.overlay.membership);
    else this.failedResolutions.delete(key);
  }

  private createHost(): ts.LanguageServiceHost {
    const overlay = this.overlay;
    // `getModuleResolutionCache` and `hasInvalidatedResolutions` are members the language service reads (in every
    // TypeScript from 5.5 to 6.0) but does not declare.
    const host: ts.LanguageServiceHost & {
      getModuleResolutionCache(): ts.ModuleResolutionCache;
      hasInvalidatedResolutions(filePath: string): boolean;
    } = {
      getCompilationSettings: () => this.options,
      getProjectVersion: () => `${this.projectVersion}:${overlay.generation}`,
      getScriptFileNames: () => this.rootFiles,
      getProjectReferences: () => this.projectReferences,
      getScriptVersion: (fileName) =>
        this.isLeftOut(fileName)
          ? `${this.textVersion(fileName)}:left-out`
          : this.textVersion(fileName),
      getScriptSnapshot: (fileName) => {
        if (this.isLeftOut(fileName)) return ts.ScriptSnapshot.fromString('');
        const open = overlay.get(fileName);
        if (open) return bufferSnapshot(open);
        return this.disk.get(fileName);
      },
      getCurrentDirectory: () => this.directory,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => overlay.get(fileName) !== undefined || ts.sys.fileExists(fileName),
      readFile: (fileName, encoding) =>
        overlay.get(fileName)?.text ?? ts.sys.readFile(fileName, encoding),
      readDirectory: (...args) => ts.sys.readDirectory(...args),
      directoryExists: (directory) => ts.sys.directoryExists(directory),
      getDirectories: (directory) => ts.sys.getDirectories(directory),
      realpath: (fileName) => ts.sys.realpath?.(fileName) ?? fileName,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
      jsDocParsingMode: JSDOC_PARSING_MODE,
      // What TypeScript does without these (each name resolved once per file and mode), through a kept cache.
      getModuleResolutionCache: () => this.resolutionCache(),
      hasInvalidatedResolutions: (filePath) => this.hasInvalidatedResolutions(filePath),
      resolveModuleNameLiterals: (
        literals,
        containingFile,
        redirected,
        options,
        containingSourceFile,
      ) => {
        const cache = this.resolutionCache();
        const modeOptions = redirected?.commandLine.options ?? options;
        const byNameAndMode = new Map<string, ts.ResolvedModuleWithFailedLookupLocations>();
        const resolutions = literals.map((literal) => {
          const mode = ts.getModeForUsageLocation(containingSourceFile, literal, modeOptions);
          const key = `${mode ?? ''}:${literal.text}`;
          let resolved = byNameAndMode.get(key);
          if (!resolved) {
            resolved = ts.resolveModuleName(
              literal.text,
              containingFile,
              options,
              host,
              cache,
              redirected,
              mode,
            );
            byNameAndMode.set(key, resolved);
          }
          return resolved;
        });
        this.recordResolutions(containingFile, resolutions);
        return resolutions;
      },
    };
    return host;
  }
}

/**
 * The snapshot of an open buffer's version, one per version. It tells the language service how it differs from the
 * previous version's snapshot (the span between their common start and common end), so that an edit re-parses only
 * what it touched (TypeScript's incremental parser, as tsserver uses it) instead of the whole file.
 */
class BufferSnapshot implements ts.IScriptSnapshot {
  constructor(readonly text: string) {}

  getText(start: number, end: number): string {
    return this.text.substring(start, end);
  }

  getLength(): number {
    return this.text.length;
  }

  getChangeRange(oldSnapshot: ts.IScriptSnapshot): ts.TextChangeRange | undefined {
    if (!(oldSnapshot instanceof BufferSnapshot)) return undefined;
    return changeRange(oldSnapshot.text, this.text);
  }
}

const bufferSnapshots = new WeakMap<OverlayDocument, BufferSnapshot>();

function bufferSnapshot(document: OverlayDocument): BufferSnapshot {
  let snapshot = bufferSnapshots.get(document);
  if (!snapshot || snapshot.text !== document.text) {
    snapshot = new BufferSnapshot(document.text);
    bufferSnapshots.set(document, snapshot);
  }
  return snapshot;
}

/** The span of `before` that `after` replaces: everything between their longest common start and common end. */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  const oldLength = before.length - start - end;
  return ts.createTextChangeRange(ts.createTextSpan(start, oldLength), after.length - start - end);
}

/** Brackets nested this deep are far beyond written code, and near what the parser can follow. */
const SUSPICIOUS_NESTING = 500;

/** The deepest nesting of `(`, `[` and `{` in a text, counted by the scanner (which does not recurse). */
export function nestingDepth(text: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  let depth = 0;
  let deepest = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (
      token === ts.SyntaxKind.OpenParenToken ||
      token === ts.SyntaxKind.OpenBracketToken ||
      token === ts.SyntaxKind.OpenBraceToken
    ) {
      depth++;
      deepest = Math.max(deepest, depth);
    } else if (
      token === ts.SyntaxKind.CloseParenToken ||
      token === ts.SyntaxKind.CloseBracketToken ||
      token === ts.SyntaxKind.CloseBraceToken
    ) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** The error V8 throws when a recursion goes deeper than the call stack allows. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Compiler options for files that no tsconfig covers: modern JavaScript and TypeScript, JS allowed but not checked,
 * and every `@types` package of the folder's `node_modules` included, as `tsc` does without a tsconfig's `types`.
 */
export function inferredProjectOptions(): ts.CompilerOptions {
  return {
    ...allAutomaticTypes(),
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

/**
 * TypeScript 6 includes no `@types` package unless `types` names it (`[]` is its default; `['*']` asks for all of them,
 * the default of 5.x), while TypeScript 5 reads `'*'` as a package name and fails on it. The TypeScript in use is the
 * project's when it has one from 5.5 on, so the option depends on its version.
 */
function allAutomaticTypes(): Pick<ts.CompilerOptions, 'types'> {
  const major = Number(ts.versionMajorMinor.split('.')[0]);
  return major >= 6 ? { types: ['*'] } : {};
}

/** A file name as TypeScript keys it on this file system (its `Path`, for absolute names). */
function canonicalFileName(fileName: string): string {
  return ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase();
}
