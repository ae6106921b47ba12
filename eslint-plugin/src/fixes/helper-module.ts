// The shared helper module (`no-unbounded-concurrency`'s `helperModule`): whether a file may import the worker pool
// from it instead of pasting a copy, and the relative specifier it imports it by, written as the file writes its
// other relative imports. Reads the program only: whether the module exists is the program's answer, not the disk's.
import * as path from 'node:path';

import ts from 'typescript';

import { emitModule } from '../analysis/compiler-defaults';
import { moduleSystemOf } from '../analysis/module-system';
import { HELPER_NAME } from './worker-pool';

/** The module file names the option takes: ES-module or TypeScript source that a file can import by name. */
export const HELPER_MODULE_PATTERN = '\\.(ts|mts|js|mjs)$';

/**
 * The specifier by which `sourceFile` imports the helper from `modulePath` (absolute), or `undefined` when it cannot:
 * it is the module itself, the module is JavaScript (or `.mts`) and the file is not an ES module, the module is
 * TypeScript and the file JavaScript, or the program has the module without the helper's export.
 */
export function helperModuleSpecifier(
  program: ts.Program,
  sourceFile: ts.SourceFile,
  modulePath: string,
): string | undefined {
  const file = toPosix(sourceFile.fileName);
  const target = toPosix(modulePath);
  if (file === target || !new RegExp(HELPER_MODULE_PATTERN).test(target)) return undefined;
  const esm = moduleSystemOf(program, sourceFile) === 'esm';
  const fileIsTypeScript = !/\.[cm]?jsx?$/.test(file);
  const moduleIsTypeScript = /\.m?ts$/.test(target);
  if ((!moduleIsTypeScript || target.endsWith('.mts')) && !esm) return undefined;
  if (moduleIsTypeScript && !fileIsTypeScript) return undefined;
  const existing = program.getSourceFile(modulePath);
  if (existing && !exportsHelper(program, existing)) return undefined;
  let relative = path.posix.relative(path.posix.dirname(file), target);
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return withExtensionStyle(relative, extensionStyle(program, sourceFile, esm));
}

/** How a file's relative imports end: with the source's extension, with the emitted one (`.js`), or with none. */
type ExtensionStyle = 'source' | 'emitted' | 'none';

function extensionStyle(
  program: ts.Program,
  sourceFile: ts.SourceFile,
  esm: boolean,
): ExtensionStyle {
  for (const statement of sourceFile.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    if (/\.[cm]?tsx?$/.test(specifier.text)) return 'source';
    if (/\.[cm]?jsx?$/.test(specifier.text)) return 'emitted';
    return 'none';
  }
  // No relative import to copy: what the compiler options require.
  const options = program.getCompilerOptions();
  if (options.allowImportingTsExtensions) return 'source';
  // `module: node16` … `nodenext` (ModuleKind 100 to 199) imply their resolution when none is set.
  const module = emitModule(options);
  const nodeResolution =
    options.moduleResolution === ts.ModuleResolutionKind.Node16 ||
    options.moduleResolution === ts.ModuleResolutionKind.NodeNext ||
    (options.moduleResolution === undefined &&
      module >= ts.ModuleKind.Node16 &&
      module <= ts.ModuleKind.NodeNext);
  return nodeResolution && esm ? 'emitted' : 'none';
}

function withExtensionStyle(specifier: string, style: ExtensionStyle): string {
  // An `.mts`/`.mjs` module cannot be named without its extension.
  const effective = style === 'none' && /\.m[jt]s$/.test(specifier) ? 'emitted' : style;
  if (effective === 'source') return specifier;
  if (effective === 'emitted') return specifier.replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs');
  return specifier.replace(/\.[jt]s$/, '');
}

function exportsHelper(program: ts.Program, moduleFile: ts.SourceFile): boolean {
  const symbol = program.getTypeChecker().getSymbolAtLocation(moduleFile);
  return symbol?.exports?.has(ts.escapeLeadingUnderscores(HELPER_NAME)) ?? false;
}

function toPosix(fileName: string): string {
  return path.normalize(fileName).split(path.sep).join('/');
}
