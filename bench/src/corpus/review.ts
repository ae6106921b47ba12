// What a reviewer reads to write labels: `sample` prints a rule's seeded sample, each finding with its place, its
// message, a few lines of the file and a CSV row to complete; `sites` prints `Promise.all`-style call sites found by
// their text (not by any rule, so the labels do not inherit a rule's blind spots) for the fan-out labels. Both read
// the checkouts in the corpus folder and print to the terminal only.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { formatCsvRow } from './csv';
import type { Finding } from './findings';
import { type FindingLabel, labelKey, labelOf, type SiteLabel } from './labels';
import { drawSample } from './sample';

const CONTEXT_LINES = 3;
const MAX_MARKED_LINES = 6;
/** Where a fan-out's collection comes from is usually a few lines above the call, and its task just after it. */
const SITE_LINES_BEFORE = 10;
const SITE_LINES_AFTER = 6;

/** Lines around `[line, endLine]` of a file, numbered, the finding's lines marked with `>`. */
export function excerpt(
  text: string,
  line: number,
  endLine: number,
  linesBefore = CONTEXT_LINES,
  linesAfter = CONTEXT_LINES,
): string[] {
  const lines = text.split('\n');
  const lastMarked = Math.min(endLine, line + MAX_MARKED_LINES - 1);
  const from = Math.max(1, line - linesBefore);
  const to = Math.min(lines.length, lastMarked + linesAfter);
  const width = String(to).length;
  const out: string[] = [];
  for (let number = from; number <= to; number++) {
    const marker = number >= line && number <= lastMarked ? '>' : ' ';
    out.push(`${marker} ${String(number).padStart(width)} | ${lines[number - 1] ?? ''}`.trimEnd());
  }
  if (endLine > lastMarked) out.push(`  (the finding goes on to line ${endLine})`);
  return out;
}

export function printSample(options: {
  title: string;
  sample: readonly Finding[];
  checkoutOf: (repo: string) => string;
  isTest: (finding: Finding) => boolean;
  labels: ReadonlyMap<string, FindingLabel>;
  unlabelledOnly: boolean;
  print: (line: string) => void;
}): void {
  const { print } = options;
  const labelled = options.sample.filter((finding) => labelOf(finding, options.labels)).length;
  print(`${options.title}; ${labelled} of them labelled.`);
  options.sample.forEach((finding, index) => {
    const label = labelOf(finding, options.labels);
    if (label && options.unlabelledOnly) return;
    print('');
    print(
      `${index + 1}. ${finding.repo} ${finding.file}:${finding.line}:${finding.column}  [${options.isTest(finding) ? 'test' : 'production'}]  ${label ? `${label.verdict}: ${label.reason}` : 'unlabelled'}`,
    );
    print(`   ${finding.message}`);
    if (finding.fix !== 'none') print(`   (--fix-unsafe applies its ${finding.fix})`);
    const file = path.join(options.checkoutOf(finding.repo), finding.file);
    try {
      for (const line of excerpt(fs.readFileSync(file, 'utf8'), finding.line, finding.endLine))
        print(`   ${line}`);
    } catch {
      print(`   (cannot read ${file})`);
    }
    if (!label)
      print(
        `   label: ${formatCsvRow([finding.repo, finding.file, finding.line, finding.rule, '', ''])}`,
      );
  });
}

/** A call of `Promise.all`, `allSettled`, `any` or `race`: the places where tasks are awaited together. */
const FAN_OUT_CALL = /\bPromise\s*\.\s*(?:all|allSettled|any|race)\s*\(\s*(\[\s*(?:\.\.\.)?)?/g;

export interface Site {
  repo: string;
  file: string;
  line: number;
}

/**
 * The `Promise.all`-style call sites in a file's text, by line. An array literal without a spread
 * (`Promise.all([a(), b()])`) is a fixed set of tasks, not a fan-out over a collection: left out unless `tuples`.
 */
export function sitesInText(text: string, tuples: boolean): number[] {
  const lines: number[] = [];
  for (const match of text.matchAll(FAN_OUT_CALL)) {
    const literal = match[1];
    if (!tuples && literal !== undefined && !literal.endsWith('...')) continue;
    const line = text.slice(0, match.index).split('\n').length;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/** The `Promise.all`-style call sites of some files, by their text. */
export function findSites(
  repo: string,
  root: string,
  files: readonly string[],
  tuples: boolean,
): Site[] {
  const sites: Site[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue;
    }
    for (const line of sitesInText(text, tuples)) sites.push({ repo, file, line });
  }
  return sites;
}

export function printSites(options: {
  sites: readonly Site[];
  size: number;
  seed: number;
  labels: readonly SiteLabel[];
  checkoutOf: (repo: string) => string;
  isTest: (site: Site) => boolean;
  tuples: boolean;
  print: (line: string) => void;
}): void {
  const { print } = options;
  const labelled = new Set(
    options.labels.map((label) => labelKey(label.repo, label.file, label.line, '')),
  );
  const unlabelled = options.sites.filter(
    (site) => !labelled.has(labelKey(site.repo, site.file, site.line, '')),
  );
  const sample = drawSample(unlabelled, options.size, options.seed, (site) =>
    [site.repo, site.file, site.line].join('\0'),
  );
  print(
    `${options.sites.length} Promise.all/allSettled/any/race call sites${options.tuples ? '' : ' (array literals without a spread left out)'}, ${options.sites.length - unlabelled.length} labelled; ${sample.length} unlabelled ones drawn with seed ${options.seed}.`,
  );
  print(
    'Judge each: needs-limit (the collection can grow with input and the tasks reach I/O) or fine.',
  );
  sample.forEach((site, index) => {
    print('');
    print(
      `${index + 1}. ${site.repo} ${site.file}:${site.line}  [${options.isTest(site) ? 'test' : 'production'}]`,
    );
    const file = path.join(options.checkoutOf(site.repo), site.file);
    try {
      for (const line of excerpt(
        fs.readFileSync(file, 'utf8'),
        site.line,
        site.line,
        SITE_LINES_BEFORE,
        SITE_LINES_AFTER,
      ))
        print(`   ${line}`);
    } catch {
      print(`   (cannot read ${file})`);
    }
    print(`   label: ${formatCsvRow([site.repo, site.file, site.line, '', ''])}`);
  });
}
