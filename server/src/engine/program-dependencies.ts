// What each file of a built program depends on, read from the program's own module resolution, and which files
// affect every file of the program without being imported (scripts, global augmentations, ambient module
// declarations such as @types/node's). The lint cache stores both, so that a later run can tell from file contents
// alone, without building the program, which cached results still hold.
import * as path from 'node:path';

import * as ts from 'typescript';

export interface ProgramGraph {
  /** Each file of the program (TypeScript's own lib files excepted) with the files it imports or references. */
  dependencies: Map<string, string[]>;
  /** Files whose declarations every file sees, and everything they depend on. */
  projectWide: string[];
  /** The text each file had in this program. */
  texts: Map<string, string>;
  /** Each file's module specifiers with the program files they resolve to. */
  modules: Map<string, Map<string, string>>;
}

type ResolutionCallback<T> = (resolution: T, name: string, mode: unknown, filePath: string) => void;

/**
 * The resolution tables TypeScript keeps on every program but does not declare publicly (stable since 5.0). Without
 * them every file is taken to affect the whole program, which invalidates more but is never wrong.
 */
interface ProgramResolutions {
  forEachResolvedModule?(
    callback: ResolutionCallback<{ resolvedModule?: { resolvedFileName: string } }>,
    file: ts.SourceFile,
  ): void;
  forEachResolvedTypeReferenceDirective?(
    callback: ResolutionCallback<{
      resolvedTypeReferenceDirective?: { resolvedFileName?: string };
    }>,
    file: ts.SourceFile,
  ): void;
}

export function programGraph(program: ts.Program): ProgramGraph {
  const files = program
    .getSourceFiles()
    .filter((file) => !program.isSourceFileDefaultLibrary(file));
  const known = new Set(files.map((file) => file.fileName));
  const resolutions = program as ts.Program & ProgramResolutions;
  const canResolve =
    typeof resolutions.forEachResolvedModule === 'function' &&
    typeof resolutions.forEachResolvedTypeReferenceDirective === 'function';

  const dependencies = new Map<string, string[]>();
  const texts = new Map<string, string>();
  const modules = new Map<string, Map<string, string>>();
  for (const file of files) {
    texts.set(file.fileName, file.text);
    if (!canResolve) {
      dependencies.set(file.fileName, []);
      continue;
    }
    const found = new Set<string>();
    const specifiers = new Map<string, string>();
    const add = (resolvedFileName: string | undefined, specifier?: string): void => {
      if (resolvedFileName === undefined) return;
      const target = program.getSourceFile(resolvedFileName)?.fileName ?? resolvedFileName;
      if (specifier !== undefined && known.has(target)) specifiers.set(specifier, target);
      if (target !== file.fileName && known.has(target)) found.add(target);
    };
    resolutions.forEachResolvedModule!(
      (resolution, name) => add(resolution.resolvedModule?.resolvedFileName, name),
      file,
    );
    modules.set(file.fileName, specifiers);
    resolutions.forEachResolvedTypeReferenceDirective!(
      (resolution) => add(resolution.resolvedTypeReferenceDirective?.resolvedFileName),
      file,
    );
    for (const reference of file.referencedFiles)
      add(referencedFile(program, file, reference.fileName));
    dependencies.set(file.fileName, [...found].sort());
  }

  const projectWide = canResolve
    ? closure(
        files.filter(affectsEveryFile).map((file) => file.fileName),
        dependencies,
      )
    : [...known].sort();
  return { dependencies, projectWide, texts, modules };
}

/** A file whose declarations are visible without importing it. */
function affectsEveryFile(file: ts.SourceFile): boolean {
  if (!ts.isExternalModule(file) && !isCommonJsModule(file)) return true;
  return file.statements.some(
    (statement) =>
      ts.isModuleDeclaration(statement) &&
      (ts.isStringLiteral(statement.name) ||
        (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0),
  );
}

/** A CommonJS file (`require`/`module.exports`) keeps its declarations to itself, as a module does. */
function isCommonJsModule(file: ts.SourceFile): boolean {
  // Set by TypeScript's binder; not in the public declarations. Absent, the file counts as a script: never wrong.
  return (
    (file as ts.SourceFile & { commonJsModuleIndicator?: unknown }).commonJsModuleIndicator !==
    undefined
  );
}

/** `/// <reference path>`: relative to the file, with TypeScript's extension lookup. */
function referencedFile(
  program: ts.Program,
  file: ts.SourceFile,
  reference: string,
): string | undefined {
  const base = path.posix.resolve(path.posix.dirname(file.fileName), reference);
  for (const candidate of [base, `${base}.ts`, `${base}.d.ts`, `${base}.tsx`]) {
    const found = program.getSourceFile(candidate);
    if (found) return found.fileName;
  }
  return undefined;
}

/** The files reachable from `roots`, roots included, sorted. */
function closure(
  roots: readonly string[],
  dependencies: ReadonlyMap<string, readonly string[]>,
): string[] {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...(dependencies.get(file) ?? []));
  }
  return [...seen].sort();
}
