// The keys the lint cache compares: a hash of a file's text, of the tools that produced the results (versions and the
// rule code itself), of the lint config, and of a project's settings (compiler options, file list, package manifests).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { LintConfigSource } from './lint-config';
import type { Project } from './project';

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Versions of everything that turns a file into findings, and the text of Loopguard's rules (so a rebuilt plugin counts). */
export function toolKey(): string {
  const hash = createHash('sha1');
  for (const name of [
    'loopguard',
    'eslint-plugin-loopguard',
    'eslint',
    'typescript',
    '@typescript-eslint/parser',
  ]) {
    hash.update(`${name}@${packageVersion(name)}\n`);
  }
  const pluginDist = path.dirname(require.resolve('eslint-plugin-loopguard'));
  for (const file of listFiles(pluginDist).filter((file) => file.endsWith('.js'))) {
    hash.update(`${path.relative(pluginDist, file)}\n`).update(fs.readFileSync(file));
  }
  return hash.digest('base64');
}

/**
 * The lint config as data: the built-in config by name; a config file by its text and its config objects, with
 * plugins and parsers reduced to their declared name and version (their code is not what a user edits).
 */
export function configKey(source: LintConfigSource): string {
  if (source.kind === 'builtin') return `builtin:${source.name}`;
  const seen = new WeakSet<object>();
  const data = JSON.stringify(source.configs, (key, value: unknown) => {
    if (typeof value === 'function') return `[function ${(value as { name?: string }).name ?? ''}]`;
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[seen]';
    seen.add(value);
    if (key === 'parser' || (key !== '' && isPluginLike(value)))
      return { meta: (value as { meta?: unknown }).meta ?? null };
    return value;
  });
  let text = '';
  try {
    text = fs.readFileSync(source.path, 'utf8');
  } catch {
    // The config was loaded a moment ago; if it is gone now, its objects alone key the cache.
  }
  return contentHash(`${source.path}\n${text}\n${data}`);
}

/** A project's compiler options, references, file list, and the package manifests and lockfile that shape resolution. */
export function projectKey(project: Project): string {
  const hash = createHash('sha1');
  hash.update(
    JSON.stringify({
      config: project.configPath ?? null,
      options: project.options,
      references: project.references(),
    }),
  );
  hash.update(`\n${[...project.rootFileNames()].sort().join('\n')}\n`);
  for (const manifest of packageManifests(project.directory)) {
    hash.update(`${manifest}\n`);
    try {
      hash.update(fs.readFileSync(manifest));
    } catch {
      hash.update('(unreadable)');
    }
  }
  return hash.digest('base64');
}

const LOCKFILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
];

/** The nearest package.json and the nearest lockfile above a folder: installing or upgrading a package changes one. */
function packageManifests(directory: string): string[] {
  const found: string[] = [];
  let manifest = false;
  let lockfile = false;
  for (let current = directory; ; current = path.dirname(current)) {
    if (!manifest && fs.existsSync(path.join(current, 'package.json'))) {
      found.push(path.join(current, 'package.json'));
      manifest = true;
    }
    if (!lockfile) {
      const name = LOCKFILES.find((candidate) => fs.existsSync(path.join(current, candidate)));
      if (name) {
        found.push(path.join(current, name));
        lockfile = true;
      }
    }
    if ((manifest && lockfile) || path.dirname(current) === current) return found;
  }
}

function isPluginLike(value: object): boolean {
  return (
    'rules' in value && typeof (value as { rules?: unknown }).rules === 'object' && 'meta' in value
  );
}

function packageVersion(name: string): string {
  try {
    return (
      JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return 'unknown';
  }
}

function listFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const absolute = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(absolute));
    else if (entry.isFile()) files.push(absolute);
  }
  return files.sort();
}
