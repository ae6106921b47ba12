// `--shard i/n`: which files one of n CI runners lints, split as Jest splits tests: ordered by a hash of each path
// relative to the working directory, then cut into n nearly equal parts. The split is the same on every machine and
// operating system, and balanced however the files are spread over folders.
import { createHash } from 'node:crypto';
import * as path from 'node:path';

export interface Shard {
  /** 1-based, as in `--shard 1/3`. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); `undefined` when the text is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/**
 * The files of one shard: all files ordered by a hash of their path relative to `cwd` (POSIX separators), then cut
 * into `count` parts whose sizes differ by at most one. The hash spreads each folder over every shard; the order
 * depends on nothing but the paths, so every machine makes the same split of the same files.
 */
export function filesOfShard(files: readonly string[], cwd: string, shard: Shard): string[] {
  const keyed = files.map((file) => {
    const relative = path.relative(cwd, file).split(path.sep).join('/');
    return { file, relative, hash: createHash('sha256').update(relative, 'utf8').digest('hex') };
  });
  keyed.sort((a, b) => compare(a.hash, b.hash) || compare(a.relative, b.relative));
  const start = Math.floor(((shard.index - 1) * keyed.length) / shard.count);
  const end = Math.floor((shard.index * keyed.length) / shard.count);
  const chosen = new Set(keyed.slice(start, end).map(({ file }) => file));
  // In the order the files were found, so that the output reads as an unsharded run's does.
  return files.filter((file) => chosen.has(file));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
