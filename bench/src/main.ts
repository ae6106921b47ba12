// `npm run bench`: generates a project (or takes an existing one), runs Loopguard and the tools a user would pick
// instead on it, prints the table and writes it to bench/RESULTS.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { findFiles } from 'loopguard';

import { generateProject } from './generate-project';
import { type LanguageServerResult, measureLanguageServer } from './language-server';
import { renderReport } from './report';
import { createScenarios, runScenarios, type ScenarioKey, type Target } from './scenarios';
import { REPO_ROOT } from './tools';

/** Two cycles of the edit plan: the program, the checker's caches and the server's code are warm after them. */
const WARMUP_EDITS = 20;

const USAGE = `Usage: npm run bench -- [--files N | --repo PATH] [--runs N] [--seed N] [--edits N] [--pause MS] [--file PATH] [--only KEYS] [--out FILE] [--cpu-prof DIR]

  --files N    generate a project of N files into bench/projects/ (default 1000)
  --repo PATH  measure an existing project instead (its root tsconfig.json is what tsc checks)
  --runs N     measured runs per tool after one warm-up (default 3)
  --seed N     generator seed (default 1)
  --edits N    edits the language-server measurement times, after ${WARMUP_EDITS} warm-up edits (default 200)
  --pause MS   milliseconds between an edit's answer and the next edit, for both servers (default 0: at once;
               a typist's pause gives a server idle time between edits)
  --file PATH  the file the language server (and tsserver, side by side) opens and edits (default: the largest
               TypeScript file of the project; a path inside it)
  --only KEYS  comma-separated subset: loopguard-cold, loopguard-warm-changed, loopguard-warm-unchanged, eslint, tsc, oxlint,
               language-server
  --out FILE   where to write the Markdown report (default bench/RESULTS.md; "-" to skip)
  --cpu-prof DIR
               run each language server with Node's --cpu-prof, writing a profile per thread (the lint worker's is
               the larger) into DIR, to see where an edit's time goes (profiling slows the server: do not read its
               latencies then)`;

const SCENARIO_KEYS: readonly ScenarioKey[] = [
  'loopguard-cold',
  'loopguard-warm-changed',
  'loopguard-warm-unchanged',
  'eslint',
  'tsc',
  'oxlint',
];
const LANGUAGE_SERVER = 'language-server';
const BENCH_DIR = path.join(REPO_ROOT, 'bench');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      files: { type: 'string' },
      repo: { type: 'string' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      edits: { type: 'string', default: '200' },
      pause: { type: 'string', default: '0' },
      file: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string', default: path.join(BENCH_DIR, 'RESULTS.md') },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const rounds = wholeNumber('--runs', values.runs);
  const seed = wholeNumber('--seed', values.seed);
  if (values.files !== undefined && values.repo !== undefined)
    throw new UsageError('--files and --repo exclude each other');
  const edits = wholeNumber('--edits', values.edits);
  const pauseMs = wholeNumber('--pause', values.pause, 0);
  const onlyKeys = values.only?.split(',').map((key) => key.trim());
  const only =
    onlyKeys === undefined
      ? undefined
      : new Set(onlyKeys.filter((key) => key !== LANGUAGE_SERVER).map(scenarioKey));
  const withLanguageServer = onlyKeys === undefined || onlyKeys.includes(LANGUAGE_SERVER);

  let target: Target;
  let editedFile: string;
  let project: string;
  let fileCount: number;
  let lines: number | undefined;
  if (values.repo !== undefined) {
    const root = path.resolve(values.repo);
    if (!fs.existsSync(root)) throw new UsageError(`no such folder: ${values.repo}`);
    const { files } = findFiles(['.'], root);
    const middle = files[Math.floor(files.length / 2)];
    if (!middle) throw new UsageError(`no JavaScript or TypeScript files in ${root}`);
    const tsconfig = path.join(root, 'tsconfig.json');
    target = {
      root,
      tsconfig: fs.existsSync(tsconfig) ? tsconfig : undefined,
      changedFile: middle,
      workDir: path.join(BENCH_DIR, '.work', path.basename(root)),
    };
    editedFile = largestTypeScriptFile(files);
    project = `${root} (existing project; the "1 file changed" runs edit ${path.relative(root, middle)} and restore it)`;
    fileCount = files.length;
  } else {
    const files = wholeNumber('--files', values.files ?? '1000');
    if (files < 10) throw new UsageError('--files must be at least 10');
    const root = path.join(BENCH_DIR, 'projects', `generated-${files}-seed-${seed}`);
    console.log(`Generating ${files} files into ${path.relative(REPO_ROOT, root)} …`);
    const generated = generateProject(root, files, seed);
    target = {
      root,
      tsconfig: path.join(root, 'tsconfig.json'),
      changedFile: generated.changedFile,
      workDir: path.join(BENCH_DIR, '.work', path.basename(root)),
    };
    editedFile = generated.largeFile;
    project = `generated (seed ${seed}; the "1 file changed" runs edit ${path.relative(root, generated.changedFile)}, a service in the middle of the import graph)`;
    fileCount = generated.files;
    lines = generated.lines;
  }

  if (values.file !== undefined) {
    editedFile = path.resolve(target.root, values.file);
    const inside = path.relative(target.root, editedFile);
    if (inside.startsWith('..') || path.isAbsolute(inside))
      throw new UsageError(`--file must be inside the project ${target.root}: ${values.file}`);
    if (!/\.[cm]?tsx?$/.test(editedFile) || !fs.existsSync(editedFile))
      throw new UsageError(`--file names no TypeScript file: ${values.file}`);
  }

  const loadBefore = os.loadavg();
  const scenarios = createScenarios(target, only);
  console.log(
    `Running ${scenarios.length} tools, ${rounds} rounds after a warm-up, in ${target.root}`,
  );
  const results = await runScenarios(scenarios, rounds, (line) => console.log(line));
  let languageServer: LanguageServerResult | undefined;
  if (withLanguageServer) {
    console.log(
      `Language server on ${path.relative(target.root, editedFile)}: ${rounds} sessions after a warm-up, the last one making ${WARMUP_EDITS} + ${edits} edits`,
    );
    languageServer = await measureLanguageServer({
      root: target.root,
      file: editedFile,
      warmupEdits: WARMUP_EDITS,
      edits,
      rounds,
      pauseMs,
      cpuProfileDir:
        values['cpu-prof'] === undefined ? undefined : path.resolve(values['cpu-prof']),
      log: (line) => console.log(line),
    });
  }
  const report = renderReport(results, languageServer, {
    project,
    files: fileCount,
    lines,
    rounds,
    loadBefore,
    loadAfter: os.loadavg(),
  });
  console.log(`\n${report}`);
  if (values.out !== '-') {
    const out = path.resolve(values.out);
    fs.writeFileSync(
      out,
      `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; see [README.md](README.md) for what is measured and how.\n\n${report}`,
    );
    console.log(`Written to ${path.relative(process.cwd(), out)}`);
  }
  return results.some((result) => result.failure) || languageServer?.failure ? 1 : 0;
}

/** The TypeScript file with the most lines (declaration files aside): the one an editor session spends time in. */
function largestTypeScriptFile(files: readonly string[]): string {
  let largest: { file: string; lines: number } | undefined;
  for (const file of files) {
    if (!/\.[cm]?tsx?$/.test(file) || /\.d\.[cm]?ts$/.test(file)) continue;
    const lines = fs.readFileSync(file, 'utf8').split('\n').length;
    if (!largest || lines > largest.lines) largest = { file, lines };
  }
  if (!largest)
    throw new UsageError(
      'no TypeScript file to open in the language server (leave it out with --only)',
    );
  return largest.file;
}

class UsageError extends Error {}

function wholeNumber(flag: string, text: string, least = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least)
    throw new UsageError(`${flag} takes a whole number of at least ${least}, not '${text}'`);
  return value;
}

function scenarioKey(text: string): ScenarioKey {
  const key = SCENARIO_KEYS.find((candidate) => candidate === text.trim());
  if (!key) throw new UsageError(`unknown tool '${text}' (use ${SCENARIO_KEYS.join(', ')})`);
  return key;
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
      console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  },
);
