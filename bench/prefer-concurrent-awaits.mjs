// Measures what `prefer-concurrent-awaits` costs: a full lint with `no-floating-promises` alone (the baseline every
// typed rule pays: parsing and the program), the rule alone, and both, in interleaved rounds (wall and CPU time);
// then re-linting one file against the same program (function summaries reused) and after an edit (a new program).
// By default on a generated project whose awaits reach `fetch` through helpers in other files, with classes whose
// methods touch fields of `this`, loops with and without carried state, and dependent and independent awaits in a
// row; with `--project PATH`, on an existing project (such as one `npm run bench` generated into bench/projects/).
// Run after `npm run build`:  node bench/prefer-concurrent-awaits.mjs [files=300] [--project PATH]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { Engine, findFiles } = require('../server/dist/engine/index.js');
const tsParser = require('@typescript-eslint/parser');
const loopguard = require('eslint-plugin-loopguard');

const args = process.argv.slice(2);
const projectIndex = args.indexOf('--project');
const existing = projectIndex >= 0 ? path.resolve(args[projectIndex + 1]) : undefined;
const fileCount = Number(args.find((arg, index) => /^\d+$/.test(arg) && index !== projectIndex + 1) ?? 300);
const here = import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname);
const root = existing ?? path.resolve(here, '../.cache/bench/concurrent-awaits');

/** File k: a request helper calling file k-1's (a chain down to `fetch`), a store class, and the await patterns. */
function moduleText(k) {
  const previous = k === 0 ? '' : `import { getJson${k - 1} } from './m${k - 1}.js';\n`;
  const call = k === 0 ? 'fetch(url, { signal: AbortSignal.timeout(5000) }).then((response) => response.json())' : `getJson${k - 1}(url)`;
  return `${previous}
export async function getJson${k}(url: string): Promise<unknown> {
  return ${call};
}

export async function postJson${k}(url: string, body: unknown): Promise<void> {
  await fetch(url, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
}

let requests${k} = 0;

export class Store${k} {
  private readonly cache = new Map<string, unknown>();

  async get(id: string): Promise<unknown> {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    requests${k}++;
    const value = await getJson${k}(\`/items/\${id}\`);
    this.cache.set(id, value);
    return value;
  }
}

export class Page${k} {
  constructor(private readonly users: Store${k}, private readonly orders: Store${k}) {}

  async overview(id: string): Promise<unknown[]> {
    const user = await this.users.get(id);
    const orders = await this.orders.get(id);
    return [user, orders];
  }

  async same(id: string): Promise<unknown[]> {
    const first = await this.users.get(id);
    const second = await this.users.get(\`\${id}-2\`);
    return [first, second];
  }
}

export async function page${k}(id: string): Promise<unknown[]> {
  const user = await getJson${k}(\`/users/\${id}\`);
  const orders = await getJson${k}(\`/users/\${id}/orders\`);
  const recommendations = await getJson${k}(\`/users/\${id}/recommendations\`);
  return [user, orders, recommendations];
}

export async function dependent${k}(id: string): Promise<unknown> {
  const user = (await getJson${k}(\`/users/\${id}\`)) as { teamId: string };
  const team = await getJson${k}(\`/teams/\${user.teamId}\`);
  return team;
}

export async function save${k}(id: string, body: unknown): Promise<void> {
  await postJson${k}(\`/items/\${id}\`, body);
  await getJson${k}(\`/items/\${id}\`);
}

export async function all${k}(ids: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const id of ids) {
    results.push(await getJson${k}(\`/items/\${id}\`));
  }
  return results;
}

export async function count${k}(ids: string[]): Promise<number> {
  let total = 0;
  for (const id of ids) {
    total += ((await getJson${k}(\`/items/\${id}\`)) as unknown[]).length;
  }
  return total + requests${k};
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
    configs: [{ files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser }, plugins: { loopguard }, rules }],
  };
}

if (!existing) writeProject();
const files = existing
  ? findFiles(['.'], root).files.filter((file) => /\.[cm]?tsx?$/.test(file))
  : Array.from({ length: fileCount }, (_, k) => path.join(root, 'src', `m${k}.ts`).split(path.sep).join('/'));

function lintAll(rules) {
  const engine = new Engine({ root, config: configWith(rules) });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  engine.prepare(files);
  const counts = {};
  for (const file of files) {
    const outcome = engine.lintFile(file);
    if (outcome.kind !== 'linted') continue;
    for (const message of outcome.result.messages) counts[message.messageId ?? message.ruleId] = (counts[message.messageId ?? message.ruleId] ?? 0) + 1;
  }
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time as well as wall time: on a shared machine the wall time mostly measures the neighbours.
  return { engine, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, counts };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const floating = { 'loopguard/no-floating-promises': 'error' };
const concurrent = { 'loopguard/prefer-concurrent-awaits': 'error' };
const configs = [
  ['no-floating-promises alone', floating],
  ['prefer-concurrent-awaits alone', concurrent],
  ['both', { ...floating, ...concurrent }],
];
lintAll({ ...floating, ...concurrent }); // warm up Node's module and JIT caches for every rule
// Round robin, so that neither the order nor a burst of load on the machine favours one configuration.
const runs = configs.map(() => []);
for (let round = 0; round < 3; round++) {
  configs.forEach(([, rules], index) => runs[index].push(lintAll(rules)));
}
console.log(`${existing ?? 'generated project'}: ${files.length} files`);
configs.forEach(([label], index) => {
  const wall = median(runs[index].map((run) => run.ms)).toFixed(0);
  const cpu = median(runs[index].map((run) => run.cpuMs)).toFixed(0);
  console.log(`${label}: ${wall} ms wall, ${cpu} ms CPU, program included (findings: ${JSON.stringify(runs[index][0].counts)})`);
});

// The language server's view: one file linted again, against the same program and after an edit.
const { engine } = lintAll(concurrent);
const last = files.at(-1);
const sameProgram = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  engine.lintFile(last);
  sameProgram.push(performance.now() - started);
}
const text = fs.readFileSync(last, 'utf8');
const newProgram = [];
for (let i = 0; i < 5; i++) {
  engine.overlay.set(last.split(path.sep).join('/'), `${text}\n// edit ${i}\n`, i + 1);
  const started = performance.now();
  engine.lintFile(last);
  newProgram.push(performance.now() - started);
}
console.log(`re-lint ${path.basename(last)}, same program (summaries reused): ${median(sameProgram).toFixed(1)} ms`);
console.log(`re-lint ${path.basename(last)} after an edit (new program): ${median(newProgram).toFixed(1)} ms`);
