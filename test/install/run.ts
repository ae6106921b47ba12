// `npm run test:install`: Loopguard as a user installs it. `npm pack` makes the two publishable packages' tarballs,
// which go into fresh projects outside the repository (npm registry for everything else, one shared npm cache), one
// per cell of the matrix: TypeScript 5.5, 5.9 and 6.0 × ESLint 9 and 10, a project whose own typescript-eslint and
// TypeScript are older than Loopguard's, and a project on TypeScript 7. In each, the seeded bugs of `SEEDED` must be
// found the same through `npx eslint` (with the README's eslint.config.mjs), `npx loopguard lint` and the language
// server over stdio (with related locations), with no parsing error anywhere. The README's install section runs too,
// its commands exactly as written. Cells run two at a time; each step has a time budget and waits on the process or
// the notification, never on a fixed sleep.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { LspSession } from '../support/lsp-client';
import { REPO_ROOT } from '../support/paths';
import {
  README_TARBALL_FOLDER,
  type ReadmeStep,
  readmeInstall,
  stylishFindings,
} from './readme-commands';

/** The seeded file; each expected finding is named in a comment on its line. */
const SEEDED = `import { readFileSync } from 'node:fs';

function readSettings(): string {
  return readFileSync('settings.json', 'utf8');
}

async function save(record: string): Promise<void> {
  await fetch('https://example.com/records', { method: 'POST', body: record });
}

async function getUser(id: string): Promise<string> {
  const response = await fetch(\`https://example.com/users/\${id}\`);
  return response.text();
}

export async function handle(request: { urls: string[] }): Promise<string> {
  save('a'); // loopguard/no-floating-promises
  const settings = readSettings(); // loopguard/no-blocking-in-async
  const pages = await Promise.all(request.urls.map(fetch)); // loopguard/no-unbounded-concurrency loopguard/prefer-concurrent-awaits
  const first = await getUser('1');
  const second = await getUser('2');
  return [settings, pages.length, first, second].join();
}
`;

const TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: ['src'],
  },
  null,
  2,
);

interface Cell {
  name: string;
  /** The project's own devDependencies, next to the two tarballs. */
  dependencies: Record<string, string>;
  /** Whether `npx eslint` and the language server run too (not on TypeScript 7: typescript-eslint has no support). */
  eslint: boolean;
  /** What `npx loopguard lint` must print on stderr (nothing, unless given). */
  stderr?: RegExp;
  /** Loopguard is not installed into the project but run by `npx --package <tarball>`. */
  npx?: boolean;
}

/** What the README's TypeScript 7 command prints on stderr. */
const TYPESCRIPT_7_MESSAGE =
  /^loopguard: using its own TypeScript \S+, not the project's 7\.\S+ \(.*\): TypeScript 7 has no JavaScript API for linters to use\.\n$/;

const CELLS: Cell[] = [
  ...['~5.5.0', '~5.9.0', '~6.0.0'].flatMap((typescript) =>
    ['^9.0.0', '^10.0.0'].map((eslint): Cell => ({
      name: `typescript@${typescript} eslint@${eslint}`,
      dependencies: { typescript, eslint, 'typescript-eslint': '^8.72.0', '@types/node': '^20' },
      eslint: true,
    })),
  ),
  {
    // The project's eslint.config loads its own, older typescript-eslint, bound to its own, older TypeScript.
    name: 'older typescript-eslint@8.56.0 with typescript@5.5.2',
    dependencies: {
      typescript: '5.5.2',
      eslint: '^9.0.0',
      'typescript-eslint': '8.56.0',
      '@typescript-eslint/parser': '8.56.0',
      '@types/node': '^20',
    },
    eslint: true,
  },
  {
    // TypeScript 7 and Loopguard's peer range cannot share one dependency tree: `npx` runs Loopguard from a tree of
    // its own, in the project's folder.
    name: 'typescript@^7 through npx (CLI only)',
    dependencies: { typescript: '^7.0.0', '@types/node': '^20' },
    eslint: false,
    npx: true,
    stderr: TYPESCRIPT_7_MESSAGE,
  },
];

/** The job that runs the README's install section as written (`runReadme`). */
const README_JOB = 'README install section, as written';

const INSTALL_MS = 10 * 60_000;
const STEP_MS = 5 * 60_000;
const CONCURRENCY = 2;

type Finding = string; // "line rule"

const EXPECTED: Finding[] = SEEDED.split('\n')
  .flatMap((line, index) =>
    [...line.matchAll(/loopguard\/[a-z-]+/g)].map((match) => `${index + 1} ${match[0]}`),
  )
  .sort();

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeout: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

interface LintResultJson {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string; fatal?: boolean }[];
}

/** The Loopguard findings in ESLint-format JSON output; any message without a rule (a parsing error) fails. */
function findingsOf(json: string, label: string): Finding[] {
  const results = JSON.parse(json) as LintResultJson[];
  const findings: Finding[] = [];
  for (const result of results)
    for (const message of result.messages) {
      if (message.ruleId === null)
        throw new Error(`${label}: ${path.basename(result.filePath)}: ${message.message}`);
      if (message.ruleId.startsWith('loopguard/') && result.filePath.endsWith('app.ts'))
        findings.push(`${message.line} ${message.ruleId}`);
    }
  return findings.sort();
}

function same(label: string, actual: Finding[], expected: Finding[]): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(
      `${label}: expected\n  ${expected.join('\n  ')}\ngot\n  ${actual.join('\n  ') || '(nothing)'}`,
    );
}

async function runCell(
  cell: Cell,
  work: string,
  tarballs: string[],
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const root = path.join(work, cell.name.replace(/[^a-z0-9.]+/gi, '-'));
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'install-test', private: true, type: 'module' }, null, 2),
  );
  fs.writeFileSync(path.join(root, 'tsconfig.json'), TSCONFIG);
  fs.writeFileSync(path.join(root, 'src', 'app.ts'), SEEDED);
  if (cell.eslint)
    fs.copyFileSync(
      path.join(REPO_ROOT, 'examples', 'eslint.config.mjs'),
      path.join(root, 'eslint.config.mjs'),
    );
  const notes: string[] = [];
  const started = Date.now();
  const install = await run(
    'npm',
    [
      'install',
      '--save-dev',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      ...Object.entries(cell.dependencies).map(([name, range]) => `${name}@${range}`),
      ...(cell.npx ? [] : tarballs),
    ],
    root,
    env,
    INSTALL_MS,
  );
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  const installed = (name: string): string =>
    (
      JSON.parse(
        fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string }
    ).version;
  notes.push(
    `installed in ${Math.round((Date.now() - started) / 1000)} s: typescript ${installed('typescript')}` +
      (cell.eslint
        ? `, eslint ${installed('eslint')}, typescript-eslint ${installed('typescript-eslint')}`
        : ''),
  );

  const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
  if (cell.eslint) {
    const eslint = await run(bin('eslint'), ['--format', 'json', 'src'], root, env, STEP_MS);
    if (eslint.stdout === '') throw new Error(`npx eslint printed nothing:\n${eslint.stderr}`);
    same('npx eslint', findingsOf(eslint.stdout, 'npx eslint'), EXPECTED);
  }
  const lint = ['lint', '--format', 'json', 'src'];
  const cli = cell.npx
    ? await run(
        'npx',
        [
          '--yes',
          ...tarballs.flatMap((tarball) => ['--package', tarball]),
          '--',
          'loopguard',
          ...lint,
        ],
        root,
        env,
        INSTALL_MS,
      )
    : await run(bin('loopguard'), lint, root, env, STEP_MS);
  if (cli.code !== 1) throw new Error(`npx loopguard lint exited ${cli.code}:\n${cli.stderr}`);
  same('npx loopguard lint', findingsOf(cli.stdout, 'npx loopguard lint'), EXPECTED);
  if (cell.stderr ? !cell.stderr.test(cli.stderr) : cli.stderr !== '')
    throw new Error(`npx loopguard lint printed on stderr:\n${cli.stderr}`);
  if (cell.stderr) notes.push(`loopguard: ${cli.stderr.trim()}`);

  if (cell.eslint) {
    const { session } = await LspSession.start({
      folders: [root],
      server: path.join(root, 'node_modules', 'loopguard', 'bin', 'loopguard-language-server.js'),
    });
    try {
      const uri = await session.open(path.join(root, 'src', 'app.ts'));
      const published = await session.nextDiagnostics(uri, 0);
      const diagnostics = published.diagnostics.filter((diagnostic) =>
        String(diagnostic.code).startsWith('loopguard/'),
      );
      same(
        'language server',
        diagnostics
          .map((diagnostic) => `${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`)
          .sort(),
        EXPECTED,
      );
      const blocking = diagnostics.find(
        (diagnostic) => diagnostic.code === 'loopguard/no-blocking-in-async',
      );
      if ((blocking?.relatedInformation ?? []).length === 0)
        throw new Error(
          'language server: the blocking call through a helper has no related locations',
        );
      const unparsed = published.diagnostics.filter((diagnostic) => diagnostic.code === undefined);
      if (unparsed.length > 0)
        throw new Error(
          `language server: ${unparsed.map((diagnostic) => JSON.stringify(diagnostic.message)).join('; ')}`,
        );
      if ((await session.shutdown()) !== 0) throw new Error('language server: exit code not 0');
    } finally {
      session.kill();
    }
  }
  notes.push(`checked in ${Math.round((Date.now() - started) / 1000)} s`);
  return notes;
}

/** A user's project before Loopguard: the seeded file, a tsconfig, and what its package.json already declares. */
function userProject(root: string, devDependencies: Record<string, string>): void {
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify(
      { name: 'readme-test', private: true, type: 'module', devDependencies },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(root, 'tsconfig.json'), TSCONFIG);
  fs.writeFileSync(path.join(root, 'src', 'app.ts'), SEEDED);
}

/**
 * The README's install section, each command exactly as written (`readme-commands.ts`), except `npm ci`, which this
 * checkout has run: pack, install into a project that declares only `@types/node`, save the README's config, then
 * `npx eslint .` and `npx loopguard lint`; and its `npx` command in a project on TypeScript 7.
 */
async function runReadme(work: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const { install, typescript7, config } = readmeInstall();
  const tarballs = path.join(work, 'readme-tarballs');
  const project = path.join(work, 'readme-project');
  const onTypeScript7 = path.join(work, 'readme-typescript-7');
  userProject(project, { '@types/node': '^20' });
  userProject(onTypeScript7, { typescript: '^7.0.0', '@types/node': '^20' });
  const notes: string[] = [];
  const execute = async (step: ReadmeStep, root: string): Promise<string> => {
    if (step.command === 'save-config') {
      fs.writeFileSync(path.join(root, 'eslint.config.mjs'), config);
      return '';
    }
    const command = step.command.split(README_TARBALL_FOLDER).join(tarballs);
    const cwd = step.where === 'checkout' ? REPO_ROOT : root;
    const result = await run('sh', ['-c', command], cwd, env, INSTALL_MS);
    const label = `README: ${step.command}`;
    if (!step.command.startsWith('npx ')) {
      if (result.code !== 0) throw new Error(`${label} exited ${result.code}:\n${result.stderr}`);
      return result.stderr;
    }
    if (result.code !== 1) throw new Error(`${label} exited ${result.code}:\n${result.stderr}`);
    try {
      same(label, stylishFindings(result.stdout, 'app.ts', label), EXPECTED);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
      );
    }
    notes.push(`${step.command.replace(/ --package \S+/g, '')}: ${EXPECTED.length} findings`);
    return result.stderr;
  };
  for (const step of install) {
    if (step.where === 'checkout' && step.command === 'npm ci') continue;
    const stderr = await execute(step, project);
    if (step.command === 'npx loopguard lint' && stderr !== '')
      throw new Error(`README: npx loopguard lint printed on stderr:\n${stderr}`);
  }
  const installed = JSON.parse(
    fs.readFileSync(path.join(project, 'node_modules', 'typescript', 'package.json'), 'utf8'),
  ) as { version: string };
  notes.unshift(`typescript ${installed.version}`);
  const setup = await run(
    'npm',
    ['install', '--no-audit', '--no-fund'],
    onTypeScript7,
    env,
    INSTALL_MS,
  );
  if (setup.code !== 0)
    throw new Error(`npm install (TypeScript 7 project) failed:\n${setup.stderr}`);
  for (const step of typescript7) {
    const stderr = await execute(step, onTypeScript7);
    if (!TYPESCRIPT_7_MESSAGE.test(stderr))
      throw new Error(`README: ${step.command} on TypeScript 7 printed on stderr:\n${stderr}`);
  }
  return notes;
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-install-'));
  const cache =
    process.env.LOOPGUARD_INSTALL_CACHE ??
    path.join(os.homedir(), '.cache', 'loopguard-install-test', 'npm');
  // npm run passes its own settings down as npm_config_* variables; the scratch projects get none of them.
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)),
  );
  env.npm_config_cache = cache;
  try {
    const packs = path.join(work, 'packs');
    fs.mkdirSync(packs);
    const packed = await run(
      'npm',
      ['pack', '--json', '--pack-destination', packs, '-w', 'eslint-plugin', '-w', 'server'],
      REPO_ROOT,
      env,
      STEP_MS,
    );
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const tarballs = (
      JSON.parse(packed.stdout) as { filename: string; size: number; entryCount: number }[]
    ).map((entry) => {
      console.log(
        `packed ${entry.filename}: ${entry.entryCount} files, ${(entry.size / 1024).toFixed(0)} kB`,
      );
      return path.join(packs, entry.filename);
    });
    // LOOPGUARD_INSTALL_CELLS=<text> runs only the cells whose name contains it (while working on one).
    const only = process.env.LOOPGUARD_INSTALL_CELLS;
    const cells = CELLS.filter((cell) => only === undefined || cell.name.includes(only));
    const jobs: Array<{ name: string; run: () => Promise<string[]> }> = [
      ...(only === undefined || README_JOB.includes(only)
        ? [{ name: README_JOB, run: () => runReadme(work, env) }]
        : []),
      ...cells.map((cell) => ({ name: cell.name, run: () => runCell(cell, work, tarballs, env) })),
    ];
    const pending = [...jobs];
    const failures: string[] = [];
    const worker = async (): Promise<void> => {
      for (let job = pending.shift(); job; job = pending.shift()) {
        try {
          const notes = await job.run();
          console.log(`ok   ${job.name}: ${notes.join('; ')}`);
        } catch (error) {
          failures.push(job.name);
          console.log(`FAIL ${job.name}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
    console.log(
      `${jobs.length - failures.length} of ${jobs.length} projects passed in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main();
