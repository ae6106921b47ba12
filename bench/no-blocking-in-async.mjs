// Measures what `no-blocking-in-async` costs on a generated project whose async functions call chains of sync
// helpers across files: a full lint with each rule alone and with both, and re-linting one file against the same
// program (the language server between edits: the call graph is reused) and against a new one (after an edit).
// Run after `npm run build`:  node bench/no-blocking-in-async.mjs [files=300]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { Engine } = require('../server/dist/engine/index.js');
const tsParser = require('@typescript-eslint/parser');
const loopguard = require('eslint-plugin-loopguard');

const fileCount = Number(process.argv[2] ?? 300);
const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../.cache/bench/blocking');

/** File k: sync helpers calling file k-1's helpers (chains through many files), async functions calling them. */
function moduleText(k) {
  const previous = k === 0 ? '' : `import { helperA${k - 1}, helperB${k - 1} } from './m${k - 1}.js';\n`;
  const callPrevious = (name) => (k === 0 ? (name === 'A' ? "readFileSync('x', 'utf8')" : "'pure'") : `helper${name}${k - 1}()`);
  return `import { readFileSync } from 'node:fs';
${previous}
export function helperA${k}(): string {
  return ${callPrevious('A')}.trim();
}

export function helperB${k}(): string {
  return [1, 2, 3].map((n) => String(n * 2)).join(${callPrevious('B')});
}

export function format${k}(values: number[]): string {
  return values.filter((value) => value > 0).map((value) => value.toFixed(2)).join(', ');
}

export async function handlerA${k}(values: number[]): Promise<string> {
  const label = format${k}(values);
  return label + helperA${k}();
}

export async function handlerB${k}(values: number[]): Promise<string> {
  await Promise.resolve();
  return format${k}(values) + helperB${k}();
}

export async function handlerC${k}(file: string): Promise<string> {
  return readFileSync(file, 'utf8');
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
const blocking = { 'loopguard/no-blocking-in-async': 'error' };
const configs = [
  ['no-floating-promises alone', floating],
  ['no-blocking-in-async alone', blocking],
  ['both', { ...floating, ...blocking }],
];
lintAll({ ...floating, ...blocking }); // warm up Node's module and JIT caches for every rule
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

// The language server's view: the last file, whose async functions reach through every other file.
const { engine } = lintAll(blocking);
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
