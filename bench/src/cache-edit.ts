// What `loopguard lint --cache` saves on a real repository of the corpus: a cold run (no cache), a warm run where
// nothing changed, and a warm run after one real edit of a file in the middle of the import graph (a comment line
// inserted into the body of one of its declarations, a different one each round, so the cache cannot tell it from a
// change of code). It works on a copy of the prepared checkout (patches applied, `node_modules` folders linked), so
// the corpus is never modified. Medians of several rounds, each as a ratio to the cold median; the warm runs' output
// is checked byte for byte against the cold run's.
//
//   npm run bench:cache -- --repo got --file source/core/calculate-retry-delay.ts [--name calculateRetryDelay] [--runs 3]
//
// With LOOPGUARD_TIMINGS=1 it also prints, for each warm run after the edit, the phases that run's time went to.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as ts from 'typescript';

import { corpusLayout } from './corpus/corpus-dir';
import { loadManifest, type RepoSpec } from './corpus/manifest';
import { measure } from './measure';
import { REPO_ROOT } from './tools';

const CLI = path.join(REPO_ROOT, 'server/bin/loopguard.js');
const NODE_ARGS = ['--max-old-space-size=8192'];
const MARK = 'benchReused';

interface Options {
  repo: RepoSpec;
  file: string;
  name: string | undefined;
  runs: number;
}

interface Timing {
  wallMs: number;
  cpuMs: number | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const repoName = value('--repo');
  const file = value('--file');
  if (!repoName || !file)
    throw new Error(
      'usage: npm run bench:cache -- --repo NAME --file PATH [--name DECLARATION] [--runs N]',
    );
  const repo = loadManifest().repos.find((candidate) => candidate.name === repoName);
  if (!repo) throw new Error(`no repository named ${repoName} in bench/corpus/manifest.json`);
  const runs = Number(value('--runs') ?? '3');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');
  return { repo, file, name: value('--name'), runs };
}

/** Copies a checkout without its `node_modules` folders, linking each one instead. */
function copyCheckout(source: string, target: string): void {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.name === '.git') continue;
    if (entry.name === 'node_modules') fs.symlinkSync(from, to, 'dir');
    else if (entry.isDirectory()) copyCheckout(from, to);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else if (entry.isFile()) fs.copyFileSync(from, to);
  }
}

/**
 * The edit of round `round`: a comment line inserted at the start of the first block (a function or method body)
 * of the top-level declaration `name` (by default the file's first exported declaration with a body).
 */
function editedText(file: string, text: string, name: string | undefined, round: number): string {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const declares = (statement: ts.Statement): boolean => {
    if (name === undefined)
      return (ts.getModifiers(statement as ts.HasModifiers) ?? []).some(
        (modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword,
      );
    if (ts.isVariableStatement(statement))
      return statement.declarationList.declarations.some(
        (declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name,
      );
    const declared = (statement as { name?: ts.Node }).name;
    return declared !== undefined && ts.isIdentifier(declared) && declared.text === name;
  };
  for (const statement of sourceFile.statements) {
    if (!declares(statement)) continue;
    const block = firstBlock(statement);
    if (block)
      return `${text.slice(0, block.getStart(sourceFile) + 1)}\n// loopguard bench edit ${round}${text.slice(block.getStart(sourceFile) + 1)}`;
  }
  throw new Error(`${file}: no declaration ${name ?? '(exported)'} with a body to edit`);
}

function firstBlock(node: ts.Node): ts.Block | undefined {
  if (ts.isBlock(node)) return node;
  return ts.forEachChild(node, firstBlock);
}

async function lint(
  root: string,
  repo: RepoSpec,
  cache: string | undefined,
): Promise<Timing & { stdout: string; timings: string }> {
  const run = await measure({
    program: process.execPath,
    args: [
      ...NODE_ARGS,
      CLI,
      'lint',
      '--format',
      'json',
      '--strict',
      ...(cache ? ['--cache', '--cache-location', cache] : []),
      ...repo.lint,
    ],
    cwd: root,
  });
  if (!run.stdout.startsWith('['))
    throw new Error(`loopguard lint printed no report (exit ${run.status}):\n${run.stderr}`);
  const timings = run.stderr.slice(Math.max(0, run.stderr.indexOf('loopguard timings:')));
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, stdout: run.stdout, timings };
}

/** Marks every cached result, so that after a run the unmarked ones are those linted again. */
function markResults(cache: string): void {
  const data = JSON.parse(fs.readFileSync(cache, 'utf8')) as { results: Record<string, object> };
  for (const result of Object.values(data.results))
    (result as Record<string, unknown>)[MARK] = true;
  fs.writeFileSync(cache, JSON.stringify(data));
}

function countResults(cache: string): { total: number; relinted: number } {
  const data = JSON.parse(fs.readFileSync(cache, 'utf8')) as {
    results: Record<string, Record<string, unknown>>;
  };
  const results = Object.values(data.results);
  return { total: results.length, relinted: results.filter((result) => !result[MARK]).length };
}

/** How many files of the cached programs import `file`, directly or transitively. */
function transitiveImporters(cache: string, file: string): number {
  const data = JSON.parse(fs.readFileSync(cache, 'utf8')) as {
    files: Record<string, { dependencies: string[] }>;
    results: Record<string, unknown>;
  };
  const importers = new Map<string, string[]>();
  for (const [importer, entry] of Object.entries(data.files))
    for (const dependency of entry.dependencies)
      importers.set(dependency, [...(importers.get(dependency) ?? []), importer]);
  const seen = new Set<string>();
  const pending = [file];
  while (pending.length > 0)
    for (const importer of importers.get(pending.pop()!) ?? [])
      if (!seen.has(importer) && importer !== file) {
        seen.add(importer);
        pending.push(importer);
      }
  return [...seen].filter((importer) => importer in data.results).length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function row(label: string, timings: readonly Timing[], cold: number, extra = ''): string {
  const wall = median(timings.map((timing) => timing.wallMs));
  const cpu = timings.every((timing) => timing.cpuMs !== undefined)
    ? `${(median(timings.map((timing) => timing.cpuMs!)) / 1000).toFixed(1)} s`
    : '–';
  return `| ${label} | ${(wall / 1000).toFixed(1)} s | ${cpu} | ${(wall / cold).toFixed(2)}× | ${extra} |`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const checkout = path.join(corpusLayout().repos, options.repo.name);
  if (!fs.existsSync(checkout))
    throw new Error(
      `${checkout} is missing: prepare it with npm run corpus -- --repo ${options.repo.name}`,
    );
  const work = fs.mkdtempSync(
    path.join(os.tmpdir(), `loopguard-cache-bench-${options.repo.name}-`),
  );
  try {
    const root = path.join(work, options.repo.name);
    copyCheckout(checkout, root);
    const cache = path.join(work, 'lint-cache.json');
    const edited = path.join(root, options.file);
    const original = fs.readFileSync(edited, 'utf8');

    // A warm-up (Node's module cache, the OS file cache), then the cold runs.
    await lint(root, options.repo, undefined);
    const cold: Timing[] = [];
    let coldOutput = '';
    for (let round = 0; round < options.runs; round++) {
      const run = await lint(root, options.repo, undefined);
      cold.push(run);
      coldOutput = run.stdout;
    }
    const coldMedian = median(cold.map((timing) => timing.wallMs));

    await lint(root, options.repo, cache); // fills the cache
    const unchanged: Timing[] = [];
    for (let round = 0; round < options.runs; round++) {
      const run = await lint(root, options.repo, cache);
      if (run.stdout !== coldOutput)
        throw new Error('a warm run printed something else than the cold run');
      unchanged.push(run);
    }

    const importers = transitiveImporters(cache, fs.realpathSync(edited).split(path.sep).join('/'));
    const afterEdit: Timing[] = [];
    const relinted: number[] = [];
    let total = 0;
    for (let round = 0; round < options.runs; round++) {
      fs.writeFileSync(edited, editedText(edited, original, options.name, round));
      markResults(cache);
      const run = await lint(root, options.repo, cache);
      afterEdit.push(run);
      const counts = countResults(cache);
      relinted.push(counts.relinted);
      // With LOOPGUARD_TIMINGS=1 (inherited by the runs), where each warm run after the edit spent its time.
      if (run.timings)
        console.error(`after edit ${round}, ${counts.relinted} linted: ${run.timings}`);
      total = counts.total;
      const check = await lint(root, options.repo, undefined);
      if (run.stdout !== check.stdout)
        throw new Error(`after edit ${round}, the warm run printed something else than a cold run`);
    }

    const name = options.name ?? 'its first exported declaration';
    console.log(
      `${options.repo.name}: ${total} files; edited ${options.file} (${name}), which ${importers} of them import directly or transitively; ${options.runs} rounds, medians\n`,
    );
    console.log('| run | wall | CPU | wall / cold | files linted |');
    console.log('|---|---|---|---|---|');
    console.log(row('cold (no cache)', cold, coldMedian, `${total}`));
    console.log(row('`--cache`, nothing changed', unchanged, coldMedian, '0'));
    console.log(row('`--cache`, after one edit', afterEdit, coldMedian, `${median(relinted)}`));
    console.log(
      '\nEvery warm run printed byte for byte what a cold run of the same files printed.',
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
