// Whether an `await` inserted at a node would be valid JavaScript that TypeScript also accepts.
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { findEnclosingFunction } from '../util/enclosing-function';
import { emitModule, emitTarget } from './compiler-defaults';

/** True inside an async function body, or at the top level of an ES module whose settings allow top-level await. */
export function canAwaitAt(
  node: TSESTree.Node,
  services: ParserServicesWithTypeInformation,
): boolean {
  const where = findEnclosingFunction(node);
  if (where === 'other') return false;
  if (where !== 'module') return where.async;
  const sourceFile = services.esTreeNodeToTSNodeMap.get(node).getSourceFile();
  return allowsTopLevelAwait(services.program.getCompilerOptions(), sourceFile);
}

/** TypeScript's own conditions for top-level `await` (error TS1378 and TS1309 otherwise), for one file. */
export function allowsTopLevelAwait(
  options: ts.CompilerOptions,
  sourceFile: ts.SourceFile,
): boolean {
  if (!ts.isExternalModule(sourceFile)) return false;
  if (emitTarget(options) < ts.ScriptTarget.ES2017) return false;
  const module = emitModule(options);
  if (module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext) {
    return sourceFile.impliedNodeFormat === ts.ModuleKind.ESNext;
  }
  if (module === ts.ModuleKind.Preserve) {
    return !/\.c[jt]s$/.test(sourceFile.fileName);
  }
  return (
    module === ts.ModuleKind.ES2022 ||
    module === ts.ModuleKind.ESNext ||
    module === ts.ModuleKind.System
  );
}
