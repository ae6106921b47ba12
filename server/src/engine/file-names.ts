// File names as every part of Loopguard must agree on them: which files are linted, and the one spelling of a path
// TypeScript uses. Dependency-free, so the language server's connection thread can use it without loading the
// engine (which loads TypeScript and ESLint) itself.
import * as path from 'node:path';

/** The file extensions Loopguard lints, in the CLI and in the editor. */
export const LINTABLE_EXTENSIONS = [
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
] as const;

/** Flat config file names, in ESLint's order of precedence. TypeScript configs need a loader Node 20 lacks. */
export const ESLINT_CONFIG_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
] as const;
export const UNSUPPORTED_ESLINT_CONFIG_NAMES = [
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
] as const;

const DECLARATION_FILE = /\.d\.[cm]?ts$/;

export function isLintableFile(filePath: string): boolean {
  return (
    (LINTABLE_EXTENSIONS as readonly string[]).includes(path.extname(filePath)) &&
    !DECLARATION_FILE.test(filePath)
  );
}

/** `path` in the form TypeScript uses for file names (absolute, forward slashes). */
export function normalizePath(filePath: string): string {
  return path.resolve(filePath).split(path.sep).join('/');
}
