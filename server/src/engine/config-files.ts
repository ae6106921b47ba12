// The one lookup of a project's ESLint config, shared by the CLI and the language server: the nearest
// `eslint.config.js`/`.mjs`/`.cjs` from a folder upwards (ESLint's own lookup), stopping at a given folder (the
// language server stops at the workspace folder). Finding a config loads nothing; callers decide whether the
// workspace is trusted enough to load it.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ESLINT_CONFIG_NAMES, normalizePath, UNSUPPORTED_ESLINT_CONFIG_NAMES } from './file-names';

export interface ConfigFileLookup {
  /** The nearest supported config, as a normalized path. */
  configPath?: string;
  /** TypeScript configs passed on the way (`eslint.config.ts`, ...), which Loopguard cannot load. */
  unsupported: string[];
}

/** The nearest flat config from `startDirectory` up to `stopAt` (inclusive), or up to the file system's root. */
export function findConfigFile(startDirectory: string, stopAt?: string): ConfigFileLookup {
  const unsupported: string[] = [];
  const stop = stopAt === undefined ? undefined : normalizePath(path.resolve(stopAt));
  for (let directory = path.resolve(startDirectory); ; directory = path.dirname(directory)) {
    for (const name of ESLINT_CONFIG_NAMES) {
      const candidate = path.join(directory, name);
      if (fs.existsSync(candidate)) return { configPath: normalizePath(candidate), unsupported };
    }
    for (const name of UNSUPPORTED_ESLINT_CONFIG_NAMES) {
      const candidate = path.join(directory, name);
      if (fs.existsSync(candidate)) unsupported.push(normalizePath(candidate));
    }
    if (normalizePath(directory) === stop || path.dirname(directory) === directory)
      return { unsupported };
  }
}

/** The message for a TypeScript config Loopguard passes over. */
export function unsupportedConfigMessage(configPath: string): string {
  return `${configPath}: TypeScript config files are not supported; use eslint.config.js, .mjs or .cjs.`;
}
