// The files whose changes the server reacts to, besides open documents: lint configs (reloaded by restarting the
// lint worker), TypeScript and package configs (projects rebuilt), and source files (importers re-linted).
import {
  ESLINT_CONFIG_NAMES,
  LINTABLE_EXTENSIONS,
  UNSUPPORTED_ESLINT_CONFIG_NAMES,
} from '../engine/file-names';

export { ESLINT_CONFIG_NAMES, UNSUPPORTED_ESLINT_CONFIG_NAMES };

/** tsconfig.json and the configs it extends by convention, jsconfig.json, and package.json (module kind, exports). */
export const PROJECT_CONFIG_NAME = /^(tsconfig.*\.json|jsconfig\.json|package\.json)$/;

/** What the server asks the client to watch (`workspace/didChangeWatchedFiles`). */
export const WATCHED_GLOBS = [
  '**/tsconfig*.json',
  '**/jsconfig.json',
  '**/package.json',
  `**/{${[...ESLINT_CONFIG_NAMES, ...UNSUPPORTED_ESLINT_CONFIG_NAMES].join(',')}}`,
  `**/*.{${LINTABLE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`,
];

export type WatchedFileKind = 'lint-config' | 'project-config' | 'source' | 'other';

export function watchedFileKind(fileName: string): WatchedFileKind {
  if (
    (ESLINT_CONFIG_NAMES as readonly string[]).includes(fileName) ||
    (UNSUPPORTED_ESLINT_CONFIG_NAMES as readonly string[]).includes(fileName)
  ) {
    return 'lint-config';
  }
  if (PROJECT_CONFIG_NAME.test(fileName)) return 'project-config';
  if ((LINTABLE_EXTENSIONS as readonly string[]).some((extension) => fileName.endsWith(extension)))
    return 'source';
  return 'other';
}
