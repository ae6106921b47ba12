// Which `typescript` a lint uses, chosen once per process before anything loads TypeScript: the project's, when it has
// one in the supported range (found the way the project's own `@typescript-eslint/parser` finds it), else the copy
// Loopguard brings. `useTypeScript` then makes every `require('typescript')` in the process (the engine, the plugin,
// typescript-estree, the parser a config names) load that one copy, so that the program the engine builds and every
// module that reads it agree on `SyntaxKind` and `TypeFlags`. Dependency-free: it runs before the engine's index.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

/** The TypeScript versions Loopguard supports: typescript-eslint's range, from the oldest Loopguard tests. */
export const SUPPORTED_TYPESCRIPT = '>=5.5.0 <6.1.0';

export interface TypeScriptChoice {
  /** The folder of the chosen `typescript` package. */
  packageDir: string;
  version: string;
  /** `project`: the project's own; `loopguard`: the copy Loopguard brings. */
  source: 'project' | 'loopguard';
  /** One line for the user when the project has a TypeScript that is not used, and why. */
  message?: string;
}

/**
 * The TypeScript for a project rooted at `projectRoot`. Loading the project's TypeScript runs the workspace's code:
 * an untrusted workspace (`trusted: false`) always gets Loopguard's copy.
 */
export function chooseTypeScript(
  projectRoot: string | undefined,
  options: { trusted: boolean },
): TypeScriptChoice {
  const ownDir = packageDirOf(require.resolve('typescript/package.json'));
  const own: TypeScriptChoice = {
    packageDir: ownDir,
    version: versionOf(ownDir),
    source: 'loopguard',
  };
  if (!options.trusted || projectRoot === undefined) return own;
  const projectDir = projectTypeScriptDir(projectRoot);
  if (projectDir === undefined) return own;
  if (projectDir === ownDir) return { ...own, source: 'project' };
  const version = versionOf(projectDir);
  if (isSupported(version)) return { packageDir: projectDir, version, source: 'project' };
  const why =
    majorOf(version) >= 7
      ? 'TypeScript 7 has no JavaScript API for linters to use'
      : `Loopguard supports TypeScript ${SUPPORTED_TYPESCRIPT}`;
  return {
    ...own,
    message: `loopguard: using its own TypeScript ${own.version}, not the project's ${version} (${projectDir}): ${why}.`,
  };
}

/** Whether a TypeScript version is in `SUPPORTED_TYPESCRIPT`. */
export function isSupported(version: string): boolean {
  const [major = NaN, minor = NaN] = version.split('.').map(Number);
  if (Number.isNaN(major) || Number.isNaN(minor)) return false;
  return (major === 5 && minor >= 5) || (major === 6 && minor < 1);
}

const HOOK_KEY = Symbol.for('loopguard.typescript-choice.v1');

interface HookState {
  packageDir: string;
}

type ResolveFilename = (request: string, parent: unknown, ...rest: unknown[]) => string;

/**
 * Makes `require('typescript')` (and `typescript/...`) anywhere in this process resolve to the chosen copy. Call it
 * before anything loads TypeScript; calling it again moves the target (modules already loaded keep theirs).
 */
export function useTypeScript(choice: TypeScriptChoice): void {
  const registry = globalThis as { [HOOK_KEY]?: HookState };
  const existing = registry[HOOK_KEY];
  if (existing) {
    existing.packageDir = choice.packageDir;
    return;
  }
  const state: HookState = { packageDir: choice.packageDir };
  registry[HOOK_KEY] = state;
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const resolveFilename = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    if (request === 'typescript' || request.startsWith('typescript/')) {
      const target = path.join(state.packageDir, request.slice('typescript'.length));
      return resolveFilename.call(this, target, parent, ...rest);
    }
    return resolveFilename.call(this, request, parent, ...rest);
  };
}

/** Where the project's `@typescript-eslint/parser` finds `typescript`, else where the project root finds it. */
function projectTypeScriptDir(projectRoot: string): string | undefined {
  const from = [projectRoot];
  try {
    const parser = require.resolve('@typescript-eslint/parser/package.json', { paths: from });
    return packageDirOf(
      require.resolve('typescript/package.json', { paths: [path.dirname(parser)] }),
    );
  } catch {
    // No parser in the project: TypeScript from its root.
  }
  try {
    return packageDirOf(require.resolve('typescript/package.json', { paths: from }));
  } catch {
    return undefined;
  }
}

function packageDirOf(manifest: string): string {
  return fs.realpathSync(path.dirname(manifest));
}

function versionOf(packageDir: string): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function majorOf(version: string): number {
  return Number(version.split('.')[0]);
}
