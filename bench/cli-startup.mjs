// How soon `loopguard` answers: --version, --help, a usage error and a missing path (none of which should load
// TypeScript or ESLint), and on a terminal how soon a lint of a real folder prints its first progress line, and
// which phases it names. Run `node bench/cli-startup.mjs [folder]` after `npm run build` (default folder:
// examples/). The terminal case needs `script` (util-linux) for a pseudo-terminal. Prints medians of 5 runs.
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'server', 'bin', 'loopguard.js');
const folder = path.resolve(process.argv[2] ?? path.join(root, 'examples'));
const RUNS = 5;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

function timed(args) {
  const started = performance.now();
  spawnSync(process.execPath, [bin, ...args], { cwd: folder, stdio: 'ignore' });
  return performance.now() - started;
}

/** On a pseudo-terminal: time to the first byte of output, the whole run, and the phases drawn. */
function onTerminal(args) {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, bin, ...args].map((part) => `'${part}'`).join(' ');
    const started = performance.now();
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, COLUMNS: '100' },
    });
    let first;
    let output = '';
    child.stdout.on('data', (chunk) => {
      first ??= performance.now() - started;
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', () => {
      const phases = [...output.matchAll(/\r\x1b\[K([A-Z][^\r\n]*)/g)].map((match) =>
        match[1].replace(/ \d+\/\d+ .*/, ' N/M'),
      );
      resolve({ first, total: performance.now() - started, phases: [...new Set(phases)] });
    });
  });
}

const cases = [
  ['--version', ['--version']],
  ['--help', ['--help']],
  ['unknown option', ['lint', '--frobnicate']],
  ['missing path', ['lint', 'no/such/folder']],
];
console.log(`folder: ${path.relative(process.cwd(), folder) || '.'}`);
for (const [name, args] of cases) {
  const times = Array.from({ length: RUNS }, () => timed(args));
  console.log(`${name.padEnd(16)} ${seconds(median(times))}`);
}
const runs = [];
for (let run = 0; run < RUNS; run++) runs.push(await onTerminal(['lint']));
console.log(
  `lint on a terminal: first output after ${seconds(median(runs.map((run) => run.first)))}, done after ${seconds(median(runs.map((run) => run.total)))}`,
);
console.log(`phases drawn: ${runs[0].phases.join(' → ')}`);
