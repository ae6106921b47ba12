// The repository's source files and what each imports, read with the TypeScript parser (type-only imports, `import
// type`, `export … from`, `require`, `import()` and `import("…")` types included), for the layering test.
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as ts from 'typescript';

/** One import of a source file: the specifier as written and, for a relative one, the file it names. */
export interface SourceImport {
  specifier: string;
  /** The absolute path it resolves to; undefined for a package, or a relative path that names no file. */
  resolved: string | undefined;
}

const SOURCE_FILE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const SKIPPED = new Set(['node_modules', 'dist', 'out', 'fixtures']);
const RESOLUTION: ts.CompilerOptions = {
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  allowJs: true,
  resolveJsonModule: true,
};

/** The source files under `folder` (absolute paths), without build output, installs, fixtures or declarations. */
export function sourceFilesUnder(folder: string): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const child = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(child);
      } else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(child);
      }
    }
  };
  walk(folder);
  return files.sort();
}

/** Every module specifier the file at `file` (an absolute path) names, in source order. */
export function importsOf(file: string): SourceImport[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    const specifier = specifierOf(node);
    if (specifier !== undefined) specifiers.push(specifier);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.map((specifier) => ({
    specifier,
    resolved: specifier.startsWith('.') ? resolveRelative(specifier, file) : undefined,
  }));
}

function specifierOf(node: ts.Node): string | undefined {
  if (
    (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
    node.moduleSpecifier !== undefined
  )
    return literalText(node.moduleSpecifier);
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
    return literalText(node.moduleReference.expression);
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
    return literalText(node.argument.literal);
  if (ts.isCallExpression(node) && isImportCall(node.expression))
    return node.arguments[0] && literalText(node.arguments[0]);
  return undefined;
}

/** `import(…)`, `require(…)` and `require.resolve(…)`. */
function isImportCall(callee: ts.Expression): boolean {
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isIdentifier(callee)) return callee.text === 'require';
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'require' &&
    callee.name.text === 'resolve'
  );
}

function literalText(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : undefined;
}

function resolveRelative(specifier: string, importer: string): string | undefined {
  const { resolvedModule } = ts.resolveModuleName(specifier, importer, RESOLUTION, ts.sys);
  if (resolvedModule) return path.resolve(resolvedModule.resolvedFileName);
  // What TypeScript does not resolve as a module (a folder, a file type it does not know) is still named.
  const target = path.resolve(path.dirname(importer), specifier);
  return fs.existsSync(target) ? target : undefined;
}

/**
 * The import cycles among `files` (absolute paths; type-only imports included): each strongly connected component of
 * more than one file, or a file that imports itself, as one loop through it (`[a.ts, b.ts, a.ts]`).
 */
export function importCycles(files: readonly string[]): string[][] {
  const inSet = new Set(files);
  const edges = new Map(
    files.map((file) => [
      file,
      [
        ...new Set(
          importsOf(file)
            .map(({ resolved }) => resolved)
            .filter((target): target is string => target !== undefined && inSet.has(target)),
        ),
      ],
    ]),
  );
  return stronglyConnected(files, edges)
    .filter(
      (component) =>
        component.length > 1 || (edges.get(component[0]!) ?? []).includes(component[0]!),
    )
    .map((component) => loopThrough(component, edges));
}

/** Tarjan's algorithm, iterative. */
function stronglyConnected(
  files: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of files) {
    if (index.has(root)) continue;
    const work: Array<{ file: string; next: number }> = [{ file: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.file) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) === index.get(frame.file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.file);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/** A shortest loop from the component's first file back to itself, through the component's files only. */
function loopThrough(
  component: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[] {
  const start = component[0]!;
  const members = new Set(component);
  const previous = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const file = queue[at]!;
    for (const target of edges.get(file) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const between: string[] = [];
        for (let step = file; step !== start; step = previous.get(step)!) between.unshift(step);
        return [start, ...between, start];
      }
      if (!previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  return [...component, start];
}
