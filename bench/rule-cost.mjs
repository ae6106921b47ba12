// What one rule costs on top of the baseline every typed rule pays (parsing and the program), shared by the
// per-rule scripts (`no-blocking-in-async.mjs`, `no-unbounded-concurrency.mjs`, `prefer-concurrent-awaits.mjs`):
// a full lint with `no-floating-promises` alone, the rule alone and both, in interleaved rounds (wall and CPU time);
// then re-linting the last file against the same program (the language server between edits: per-program analyses
// reused) and after an edit (a new program). Run after `npm run build`.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { Engine, findFiles } = require('loopguard');
const tsParser = require('@typescript-eslint/parser');
const loopguard = require('eslint-plugin-loopguard');

const CACHE = path.resolve(
  import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname),
  '../.cache/bench',
);

/**
 * The command line of a per-rule script: `[files=300] [--project PATH]`. Without `--project`, the generated project
 * lives in `.cache/bench/<name>`.
 */
export function parseArguments(name, argv = process.argv.slice(2)) {
  const projectIndex = argv.indexOf('--project');
  const existing = projectIndex >= 0 ? path.resolve(argv[projectIndex + 1]) : undefined;
  const fileCount = Number(
    argv.find(
      (arg, index) => /^\d+$/.test(arg) && (projectIndex < 0 || index !== projectIndex + 1),
    ) ?? 300,
  );
  return { fileCount, existing, root: existing ?? path.join(CACHE, name) };
}

/** Writes a generated project: `src/m0.ts` … with `moduleText(k)`, an ES module package, a strict NodeNext tsconfig. */
export function writeProject(root, fileCount, moduleText) {
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
        typeRoots: [path.resolve(CACHE, '../../node_modules/@types')],
      },
      include: ['src'],
    }),
  );
  fs.writeFileSync(path.join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  const files = [];
  for (let k = 0; k < fileCount; k++) {
    const file = path.join(root, 'src', `m${k}.ts`);
    fs.writeFileSync(file, moduleText(k));
    files.push(file.split(path.sep).join('/'));
  }
  return files;
}

/** The TypeScript files of an existing project, as the CLI finds them. */
export function projectFiles(root) {
  return findFiles(['.'], root).files.filter((file) => /\.[cm]?tsx?$/.test(file));
}

function lintAll(root, files, rules) {
  const config = {
    kind: 'file',
    path: path.join(root, 'eslint.config.mjs'),
    configs: [
      {
        files: ['**/*.{ts,tsx,mts,cts}'],
        languageOptions: { parser: tsParser },
        plugins: { loopguard },
        rules,
      },
    ],
  };
  const engine = new Engine({ root, config });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  engine.prepare(files);
  const counts = {};
  for (const file of files) {
    const outcome = engine.lintFile(file);
    if (outcome.kind !== 'linted') continue;
    for (const message of outcome.result.messages) {
      const key = message.messageId ?? message.ruleId;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time as well as wall time: on a shared machine the wall time mostly measures the neighbours.
  return { engine, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, counts };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Measures `ruleId` on `files` of the project at `root` and prints the figures. */
export function measureRuleCost({ ruleId, root, files, label = root }) {
  const floating = { 'loopguard/no-floating-promises': 'error' };
  const measured = { [`loopguard/${ruleId}`]: 'error' };
  const configs = [
    ['no-floating-promises alone', floating],
    [`${ruleId} alone`, measured],
    ['both', { ...floating, ...measured }],
  ];
  lintAll(root, files, { ...floating, ...measured }); // warm up Node's module and JIT caches for every rule
  // Round robin, so that neither the order nor a burst of load on the machine favours one configuration.
  const runs = configs.map(() => []);
  for (let round = 0; round < 3; round++) {
    configs.forEach(([, rules], index) => runs[index].push(lintAll(root, files, rules)));
  }
  console.log(`${label}: ${files.length} files`);
  configs.forEach(([name], index) => {
    const wall = median(runs[index].map((run) => run.ms)).toFixed(0);
    const cpu = median(runs[index].map((run) => run.cpuMs)).toFixed(0);
    console.log(
      `${name}: ${wall} ms wall, ${cpu} ms CPU, program included (findings: ${JSON.stringify(runs[index][0].counts)})`,
    );
  });

  const { engine } = lintAll(root, files, measured);
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
    engine.overlay.set(last, `${text}\n// edit ${i}\n`, i + 1);
    const started = performance.now();
    engine.lintFile(last);
    newProgram.push(performance.now() - started);
  }
  console.log(
    `re-lint ${path.basename(last)}, same program (per-program analyses reused): ${median(sameProgram).toFixed(1)} ms`,
  );
  console.log(
    `re-lint ${path.basename(last)} after an edit (new program): ${median(newProgram).toFixed(1)} ms`,
  );
}
