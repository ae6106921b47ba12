// The seeded sample a reviewer judges: for each finding a hash of the seed and the finding's identity (repository,
// file, line, column, rule), and the findings with the smallest hashes. That is a simple random sample without
// replacement (every finding equally likely, no stratification), fixed by the seed, and stable as the rules change:
// a finding that is still reported keeps its place, so labels already written keep matching, and a new finding
// enters the sample only if its own hash is small enough.
import { createHash } from 'node:crypto';

import type { Finding } from './findings';

/** The seed of every sample in RESULTS.md; change it only to draw a new, independent sample. */
export const SAMPLE_SEED = 14;
export const SAMPLE_SIZE = 30;

export type SampleScope = 'all' | 'production' | 'test';
export const SAMPLE_SCOPES: readonly SampleScope[] = ['all', 'production', 'test'];

/** A finding's identity for sampling: two findings on one line differ by column. */
export function findingIdentity(
  finding: Pick<Finding, 'repo' | 'file' | 'line' | 'column' | 'rule'>,
): string {
  return [finding.repo, finding.file, finding.line, finding.column, finding.rule].join('\0');
}

/** The first 13 hex digits of SHA-256 of the seed and the identity: a number below 2^52, exact in a double. */
function rank(seed: number, identity: string): number {
  return parseInt(
    createHash('sha256').update(`${seed}\0${identity}`).digest('hex').slice(0, 13),
    16,
  );
}

/** The `size` items with the smallest ranks, in rank order; ties (equal identities) keep their input order. */
export function drawSample<T>(
  items: readonly T[],
  size: number,
  seed: number,
  identity: (item: T) => string,
): T[] {
  return items
    .map((item, index) => ({ item, index, rank: rank(seed, identity(item)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, size)
    .map(({ item }) => item);
}

/** The findings of `scope`: test code, production code, or both. */
export function inScope(
  findings: readonly Finding[],
  scope: SampleScope,
  isTest: (finding: Finding) => boolean,
): Finding[] {
  if (scope === 'all') return [...findings];
  return findings.filter((finding) => isTest(finding) === (scope === 'test'));
}
