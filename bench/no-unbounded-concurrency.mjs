// Measures what `no-unbounded-concurrency` costs on a generated project whose fan-outs reach `fetch` through chains
// of helpers across files (and some that stay in memory, or are bounded): a full lint with `no-floating-promises`
// alone (the baseline every typed rule pays: parsing and the program), the rule alone, and both; then re-linting
// one file against the same program (the call graph and its answers reused) and against a new one (after an edit).
// Run after `npm run build`:  node bench/no-unbounded-concurrency.mjs [files=300]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { Engine } = require('../server/dist/engine/index.js');
const tsParser = require('@typescript-eslint/parser');
const loopguard = require('eslint-plugin-loopguard');

const fileCount = Number(process.argv[2] ?? 300);
const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../.cache/bench/fan-out');

/** File k: a helper calling file k-1's (a chain through every file down to `fetch`), and four kinds of fan-out. */
function moduleText(k) {
  const previous = k === 0 ? '' : `import { getJson${k - 1} } from './m${k - 1}.js';\n`;
  const call = k === 0 ? 'fetch(url).then((response) => response.json())' : `getJson${k - 1}(url)`;
  return `${previous}
export async function getJson${k}(url: string): Promise<unknown> {
  return ${call};
}

export function double${k}(value: number): Promise<number> {
  return Promise.resolve(value * 2);
}

export async function loadAll${k}(urls: string[]): Promise<unknown[]> {
  return Promise.all(urls.map(getJson${k}));
}

export async function doubleAll${k}(values: number[]): Promise<number[]> {
  return Promise.all(values.map(double${k}));
}

export async function loadBatches${k}(urls: string[]): Promise<void> {
  for (let i = 0; i < urls.length; i += 8) {
    await Promise.all(urls.slice(i, i + 8).map((url) => getJson${k}(url)));
  }
}

export async function loadPushed${k}(urls: string[]): Promise<unknown[]> {
  const tasks: Promise<unknown>[] = [];
  for (const url of urls) tasks.push(getJson${k}(url));
  return Promise.all(tasks);
}
`;
}

function writeProject() {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [path.resolve(root, '../../../node_modules/@types')],
      },
      include: ['src'],
    }),
  );
  fs.writeFileSync(path.join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  for (let k = 0; k < fileCount; k++) fs.writeFileSync(path.join(root, 'src', `m${k}.ts`), moduleText(k));
}

function configWith(rules) {
  return {
    kind: 'file',
    path: path.join(root, 'eslint.config.mjs'),
    configs: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { loopguard }, rules }],
  };
}

const files = Array.from({ length: fileCount }, (_, k) => path.join(root, 'src', `m${k}.ts`));

function lintAll(rules) {
  const engine = new Engine({ root, config: configWith(rules) });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  engine.prepare(files);
  let messages = 0;
  for (const file of files) {
    const outcome = engine.lintFile(file);
    if (outcome.kind === 'linted') messages += outcome.result.messages.length;
  }
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time as well as wall time: on a shared machine the wall time mostly measures the neighbours.
  return { engine, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, messages };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

writeProject();
const floating = { 'loopguard/no-floating-promises': 'error' };
const unbounded = { 'loopguard/no-unbounded-concurrency': 'error' };
const configs = [
  ['no-floating-promises alone', floating],
  ['no-unbounded-concurrency alone', unbounded],
  ['both', { ...floating, ...unbounded }],
];
lintAll({ ...floating, ...unbounded }); // warm up Node's module and JIT caches for every rule
// Round robin, so that neither the order nor a burst of load on the machine favours one configuration.
const runs = configs.map(() => []);
for (let round = 0; round < 3; round++) {
  configs.forEach(([, rules], index) => runs[index].push(lintAll(rules)));
}
configs.forEach(([label], index) => {
  const wall = median(runs[index].map((run) => run.ms)).toFixed(0);
  const cpu = median(runs[index].map((run) => run.cpuMs)).toFixed(0);
  console.log(`${label}: ${wall} ms wall, ${cpu} ms CPU for ${fileCount} files, program included (${runs[index][0].messages} findings)`);
});

// The language server's view: the last file, whose fan-outs reach through every other file.
const { engine } = lintAll(unbounded);
const last = files.at(-1);
const sameProgram = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  engine.lintFile(last);
  sameProgram.push(performance.now() - started);
}
const newProgram = [];
for (let i = 0; i < 5; i++) {
  engine.overlay.set(last.split(path.sep).join('/'), `${moduleText(fileCount - 1)}\n// edit ${i}\n`, i + 1);
  const started = performance.now();
  engine.lintFile(last);
  newProgram.push(performance.now() - started);
}
console.log(`re-lint m${fileCount - 1}.ts, same program (call graph reused): ${median(sameProgram).toFixed(1)} ms`);
console.log(`re-lint m${fileCount - 1}.ts after an edit (new program, new call graph): ${median(newProgram).toFixed(1)} ms`);
