// The target and module a program compiles for, with the defaults of the TypeScript that built it where the
// tsconfig leaves them out (TypeScript 6 changed both: ES5/CommonJS before, the latest standard and ES2022 since).
import ts from 'typescript';

/** TypeScript's own resolvers of omitted options; every supported version has them, but they are not in its types. */
interface OptionDefaults {
  getEmitScriptTarget?: (options: ts.CompilerOptions) => ts.ScriptTarget;
  getEmitModuleKind?: (options: ts.CompilerOptions) => ts.ModuleKind;
}

const defaults = ts as unknown as OptionDefaults;

/** The language version the program compiles to. */
export function emitTarget(options: ts.CompilerOptions): ts.ScriptTarget {
  if (defaults.getEmitScriptTarget) return defaults.getEmitScriptTarget(options);
  return options.target ?? ts.ScriptTarget.ES5;
}

/** The module format the program emits. */
export function emitModule(options: ts.CompilerOptions): ts.ModuleKind {
  if (defaults.getEmitModuleKind) return defaults.getEmitModuleKind(options);
  return (
    options.module ??
    (emitTarget(options) >= ts.ScriptTarget.ES2015 ? ts.ModuleKind.ES2015 : ts.ModuleKind.CommonJS)
  );
}
