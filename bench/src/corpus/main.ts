// `npm run corpus`: Loopguard's rules judged on real repositories. `prepare` makes the checkouts, the default
// command lints them and checks the fixes, then writes bench/corpus/RESULTS.md; `sample` and `sites` print what a
// reviewer labels. Everything taken from the corpus stays in the corpus folder, outside the repository.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import loopguard from 'eslint-plugin-loopguard';
import { findFiles } from 'loopguard';

import { REPO_ROOT } from '../tools';
import { assertOutsideRepository, type CorpusLayout, corpusLayout } from './corpus-dir';
import { RULE_PREFIX } from './findings';
import {
  type FindingLabel,
  indexFindingLabels,
  parseFindingLabels,
  parseSiteLabels,
  SITE_LABELS_FILE,
  type SiteLabel,
  unmatchedLabels,
} from './labels';
import { writeRuleSubsetConfig } from './lint';
import { loadManifest, type RepoSpec, selectRepos, testFileMatcher } from './manifest';
import { checkoutOf, prepareRepo } from './prepare';
import { readRecord, type RepoRecord } from './records';
import { findingsOf, renderReport, sampleOf } from './report';
import { findSites, printSample, printSites } from './review';
import { runRepo } from './run-repo';
import { inScope, SAMPLE_SCOPES, SAMPLE_SEED, SAMPLE_SIZE, type SampleScope } from './sample';

const CORPUS_DIR = path.join(REPO_ROOT, 'bench/corpus');
const LABELS_DIR = path.join(CORPUS_DIR, 'labels');
const RESULTS = path.join(CORPUS_DIR, 'RESULTS.md');

const USAGE = `Usage: npm run corpus -- [command] [options]

Commands:
  prepare           clone each repository at its pinned commit into the corpus folder and install its
                    dependencies without install scripts (skips what is already prepared)
  run (default)     lint every repository, apply the preferred suggestions on a scratch copy and type-check
                    it, then write bench/corpus/RESULTS.md
  sample --rule ID  print the rule's seeded sample with context and a CSV row to label each finding
  sites             print Promise.all-style call sites (found by text) to label in fan-out-sites.csv

Options:
  --repo A,B        only these repositories (run, prepare, sample, sites)
  --rule A,B        only these rules (run: lints with strict minus the other rules; sample: the rule)
  --reuse           run: lint nothing, rewrite RESULTS.md from the last runs' records
  --no-fix          run: skip the --fix-unsafe copy and its type-checks
  --out FILE        run: where to write the report (default bench/corpus/RESULTS.md; "-" prints it only)
  --scope S         sample: all, production or test (default all)
  --seed N          sample, sites: another seed (default ${SAMPLE_SEED}, the one RESULTS.md uses)
  --size N          sample: findings to draw (default ${SAMPLE_SIZE}); sites: sites to draw (default 20)
  --unlabelled      sample: print only the findings that have no label yet
  --tuples          sites: also list calls on an array literal without a spread (Promise.all([a(), b()]))
  --force           prepare: clone and install again even when prepared

The corpus folder is $LOOPGUARD_CORPUS_DIR, or ../loopguard-corpus next to the main checkout. With
$LOOPGUARD_CORPUS_MIRRORS set, prepare clones from local mirrors there (<owner>+<name>/repo) instead of the URLs.`;

class UsageError extends Error {}

/** The rules of the `strict` config, which the corpus runs: every rule the plugin has. */
const STRICT_RULES = Object.keys(loopguard.configs.strict[0]?.rules ?? {})
  .map((id) => id.slice(RULE_PREFIX.length))
  .sort();

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      repo: { type: 'string' },
      rule: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      'no-fix': { type: 'boolean', default: false },
      out: { type: 'string', default: RESULTS },
      scope: { type: 'string', default: 'all' },
      seed: { type: 'string' },
      size: { type: 'string' },
      unlabelled: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      tuples: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command = 'run', ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const manifest = loadManifest();
  const repos = selectRepos(manifest, list(values.repo));
  const rules = selectRules(list(values.rule));
  const layout = corpusLayout();
  assertOutsideRepository(layout);
  const seed = values.seed === undefined ? SAMPLE_SEED : wholeNumber('--seed', values.seed, 0);

  switch (command) {
    case 'prepare': {
      console.log(`Corpus folder: ${layout.root}`);
      let failed = 0;
      for (const repo of repos) {
        try {
          await prepareRepo(layout, repo, {
            mirrors: process.env.LOOPGUARD_CORPUS_MIRRORS,
            force: values.force,
            log: (line) => console.log(line),
          });
        } catch (error) {
          failed++;
          console.error(`corpus: ${(error as Error).message}`);
        }
      }
      return failed > 0 ? 1 : 0;
    }
    case 'run':
      return run(manifest.repos, repos, rules, layout, {
        reuse: values.reuse,
        fixCheck: !values['no-fix'],
        out: values.out,
        seed,
        subset: values.rule !== undefined,
      });
    case 'sample': {
      if (values.rule === undefined || rules.length !== 1)
        throw new UsageError('sample takes one rule: --rule <id>');
      const scope = values.scope as SampleScope;
      if (!SAMPLE_SCOPES.includes(scope))
        throw new UsageError(`--scope is one of ${SAMPLE_SCOPES.join(', ')}`);
      const size = values.size === undefined ? SAMPLE_SIZE : wholeNumber('--size', values.size, 1);
      const records = readRecords(layout, repos);
      if (records.size === 0)
        throw new UsageError('no runs recorded yet: run `npm run corpus` first');
      const isTest = testMatcher(manifest.repos);
      const findings = findingsOf(records, rules[0]!);
      const sample = sampleOf(findings, scope, isTest, seed, size);
      const pool = inScope(findings, scope, isTest).length;
      const labels = loadLabels();
      printSample({
        title: `${rules[0]}: ${sample.length} of ${pool} findings (${scope === 'all' ? 'all code' : `${scope} code`}, seed ${seed}) in ${[...records.keys()].join(', ')}`,
        sample,
        checkoutOf: (name) => path.join(layout.repos, name),
        isTest,
        labels: labels.byKey,
        unlabelledOnly: values.unlabelled,
        print: (line) => console.log(line),
      });
      reportLabelProblems(labels.problems);
      return 0;
    }
    case 'sites': {
      const size = values.size === undefined ? 20 : wholeNumber('--size', values.size, 1);
      const isTest = testMatcher(manifest.repos);
      const sites = repos.flatMap((repo) => {
        const checkout = checkoutOf(layout, repo);
        const files =
          readRecord(layout, repo.name)?.lint.files ??
          findFiles(repo.lint, checkout).files.map((file) =>
            path.relative(checkout, file).split(path.sep).join('/'),
          );
        return findSites(repo.name, checkout, files, values.tuples);
      });
      const siteLabels = loadSiteLabels();
      printSites({
        sites,
        size,
        seed,
        labels: siteLabels.labels,
        checkoutOf: (name) => path.join(layout.repos, name),
        isTest,
        tuples: values.tuples,
        print: (line) => console.log(line),
      });
      reportLabelProblems(siteLabels.problems);
      return 0;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

async function run(
  allRepos: readonly RepoSpec[],
  repos: readonly RepoSpec[],
  rules: readonly string[],
  layout: CorpusLayout,
  options: { reuse: boolean; fixCheck: boolean; out: string; seed: number; subset: boolean },
): Promise<number> {
  const commit = loopguardCommit();
  let failed = 0;
  if (!options.reuse) {
    console.log(`Corpus folder: ${layout.root}; Loopguard ${commit}`);
    const configPath = options.subset ? writeRuleSubsetConfig(layout.root, rules) : undefined;
    for (const repo of repos) {
      try {
        await runRepo(repo, {
          layout,
          rules,
          configPath,
          fixCheck: options.fixCheck,
          loopguard: commit,
          log: (line) => console.log(line),
        });
      } catch (error) {
        failed++;
        console.error(`corpus: ${(error as Error).message}`);
      }
    }
  }
  const records = readRecords(layout, allRepos);
  const labels = loadLabels();
  const siteLabels = loadSiteLabels();
  const isTest = testMatcher(allRepos);
  const allFindings = STRICT_RULES.flatMap((rule) => findingsOf(records, rule));
  const report = renderReport({
    date: new Date().toISOString().slice(0, 10),
    loopguard: commit,
    rules: STRICT_RULES,
    repos: allRepos,
    records,
    isTest,
    labels: labels.byKey,
    siteLabels: siteLabels.labels,
    labelProblems: [...labels.problems, ...siteLabels.problems],
    staleLabels: unmatchedLabels(labels.labels, allFindings, new Set(records.keys())),
    seed: options.seed,
    sampleSize: SAMPLE_SIZE,
  });
  reportLabelProblems([...labels.problems, ...siteLabels.problems]);
  if (options.out === '-') console.log(`\n${report}`);
  else {
    fs.writeFileSync(options.out, report);
    console.log(`Written to ${path.relative(process.cwd(), options.out)}`);
  }
  return failed > 0 ? 1 : 0;
}

function readRecords(layout: CorpusLayout, repos: readonly RepoSpec[]): Map<string, RepoRecord> {
  const records = new Map<string, RepoRecord>();
  for (const repo of repos) {
    const record = readRecord(layout, repo.name);
    // A record of another commit than the manifest's describes other code: left out until the repository is run.
    if (record && record.commit === repo.commit) records.set(repo.name, record);
  }
  return records;
}

function testMatcher(
  repos: readonly RepoSpec[],
): (item: { repo: string; file: string }) => boolean {
  const matchers = new Map(repos.map((repo) => [repo.name, testFileMatcher(repo)]));
  return (item) => matchers.get(item.repo)?.(item.file) ?? false;
}

function loadLabels(): {
  labels: FindingLabel[];
  byKey: Map<string, FindingLabel>;
  problems: string[];
} {
  const labels: FindingLabel[] = [];
  const problems: string[] = [];
  const files = fs.existsSync(LABELS_DIR) ? fs.readdirSync(LABELS_DIR).sort() : [];
  for (const name of files) {
    if (!name.endsWith('.csv') || name === SITE_LABELS_FILE) continue;
    const parsed = parseFindingLabels(fs.readFileSync(path.join(LABELS_DIR, name), 'utf8'), name);
    problems.push(...parsed.problems);
    const rule = name.slice(0, -'.csv'.length);
    for (const label of parsed.labels) {
      if (label.rule !== rule)
        problems.push(`${label.source}: a label of ${label.rule} in ${name}`);
      else labels.push(label);
    }
  }
  const indexed = indexFindingLabels(labels);
  return { labels, byKey: indexed.byKey, problems: [...problems, ...indexed.problems] };
}

function loadSiteLabels(): { labels: SiteLabel[]; problems: string[] } {
  const file = path.join(LABELS_DIR, SITE_LABELS_FILE);
  if (!fs.existsSync(file)) return { labels: [], problems: [] };
  return parseSiteLabels(fs.readFileSync(file, 'utf8'), SITE_LABELS_FILE);
}

function reportLabelProblems(problems: readonly string[]): void {
  for (const problem of problems) console.error(`corpus: label: ${problem}`);
}

/** HEAD of this checkout, marked `+dirty` when the plugin or the engine has uncommitted changes. */
function loopguardCommit(): string {
  const git = (...args: string[]): string =>
    spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', 'HEAD') || 'unknown';
  const dirty = git(
    'status',
    '--porcelain',
    '--untracked-files=no',
    '--',
    'eslint-plugin',
    'server',
  );
  return dirty ? `${head}+dirty` : head;
}

function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function selectRules(selection: readonly string[] | undefined): string[] {
  if (!selection) return STRICT_RULES;
  const ids = selection.map((id) => id.replace(/^loopguard\//, ''));
  const unknown = ids.filter((id) => !STRICT_RULES.includes(id));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown rule ${unknown.join(', ')} (the rules are ${STRICT_RULES.join(', ')})`,
    );
  return [...new Set(ids)].sort();
}

function wholeNumber(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    throw new UsageError(`${flag} takes a whole number of at least ${minimum}, not '${text}'`);
  return value;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`corpus: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(`corpus: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
