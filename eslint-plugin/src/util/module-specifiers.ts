// `node:fs` and `fs` name the same module: comparing module specifiers, and telling Node's built-in modules (which
// may be written with or without the `node:` prefix) from packages.
import { builtinModules } from 'node:module';

/** Node's built-in modules as Node lists them (a few, such as `node:test`, exist only with the prefix). */
const BUILTIN_MODULES: ReadonlySet<string> = new Set(builtinModules);

/** `node:fs` → `fs`, so that users may write either. */
export function normalizeModule(module: string): string {
  return module.startsWith('node:') ? module.slice('node:'.length) : module;
}

export function sameModule(a: string, b: string): boolean {
  return normalizeModule(a) === normalizeModule(b);
}

/** A specifier of a Node built-in: `node:…`, or a built-in's bare name (`fs`). */
export function isBuiltinModule(module: string): boolean {
  return module.startsWith('node:') || BUILTIN_MODULES.has(module);
}

/** A built-in written without the `node:` prefix (`'fs'`). */
export function isBareBuiltinModule(module: string): boolean {
  return !module.startsWith('node:') && BUILTIN_MODULES.has(module);
}
