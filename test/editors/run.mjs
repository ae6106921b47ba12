// `npm run test:editors`: real editors, headless, against the real language server, configured with the README's
// snippets as written (each follows an `<!-- editor-snippet: NAME -->` line there). Installs the editors that are
// missing (Debian packages, as root), then, for each, opens a file with a floating promise in a fresh project where
// `npx loopguard-language-server` finds the repository's server (as in a project that installed `loopguard`), lets the
// editor receive the diagnostic as a warning (the snippet's `rules` setting reached the server), apply the quick fix
// and save, and checks the saved file. Every step has a time budget; the editor scripts wait on what the editor
// records, never on fixed sleeps.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const README = path.join(REPO, 'README.md');
/** Budget of one step inside an editor (diagnostics arriving, the fix applied, the diagnostics cleared); generous,
 * because a busy machine (load average 20 on two cores) runs ten times slower than a quiet one. */
const STEP_MS = 180_000;
/** Budget of one editor run, start to exit. */
const RUN_MS = 600_000;
/** Budget of installing the missing editors. */
const INSTALL_MS = 15 * 60_000;

const FIXTURE =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';
const EXPECTED =
  'declare function save(): Promise<void>;\nexport async function run() {\n  await save();\n}\n';
const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
  },
});

/** Each editor: the Debian packages it needs, and how to run its script on `work.ts` in `dir`. */
const EDITORS = [
  {
    name: 'Neovim',
    snippet: ['neovim', 'lua'],
    packages: ['neovim'],
    command: (dir) => [
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', path.join(HERE, 'nvim.lua'), 'work.ts'],
    ],
  },
  {
    name: 'Vim + ALE',
    snippet: ['ale', 'vim'],
    packages: ['vim', 'vim-ale'],
    command: (dir) => [
      'vim',
      ['-N', '-u', path.join(HERE, 'ale.vim'), '-i', 'NONE', '-n', '-es', 'work.ts'],
    ],
    log: (dir) => path.join(dir, 'e2e.log'),
  },
  {
    name: 'Emacs + eglot',
    snippet: ['eglot', 'elisp'],
    packages: ['emacs-nox', 'elpa-eglot'],
    command: (dir) => ['emacs', ['--batch', '-q', '-l', path.join(HERE, 'eglot.el'), 'work.ts']],
  },
  {
    name: 'Emacs + lsp-mode',
    snippet: ['lsp-mode', 'elisp'],
    packages: ['emacs-nox', 'elpa-lsp-mode'],
    command: (dir) => ['emacs', ['--batch', '-q', '-l', path.join(HERE, 'lsp-mode.el'), 'work.ts']],
  },
];

/** The README's snippet for `name`: the fenced block (of `language`) right after its `editor-snippet` marker. */
function readmeSnippet(name, language) {
  const readme = fs.readFileSync(README, 'utf8');
  const marker = `<!-- editor-snippet: ${name} `;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no "${marker}" marker`);
  const fence = `\n\`\`\`${language}\n`;
  const start = readme.indexOf(fence, at);
  const end = readme.indexOf('\n```\n', start + fence.length - 1);
  if (start < 0 || end < 0 || readme.slice(at, start).includes('```'))
    throw new Error(`README.md: no \`\`\`${language} block right after "${marker}"`);
  return `${readme.slice(start + fence.length, end)}\n`;
}

/**
 * A fresh project as a user has it after `npm install --save-dev loopguard`: `node_modules/loopguard` (the
 * repository's server package) and its command in `node_modules/.bin`, so that the snippets' `npx` finds it there.
 */
function prepareProject(dir) {
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'editor-test', private: true, devDependencies: { loopguard: '*' } })}\n`,
  );
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), TSCONFIG);
  fs.writeFileSync(path.join(dir, 'work.ts'), FIXTURE);
  fs.mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  fs.symlinkSync(path.join(REPO, 'server'), path.join(dir, 'node_modules', 'loopguard'));
  fs.symlinkSync(
    path.join('..', 'loopguard', 'bin', 'loopguard-language-server.js'),
    path.join(dir, 'node_modules', '.bin', 'loopguard-language-server'),
  );
}

function isInstalled(debianPackage) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', debianPackage], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).includes('install ok installed');
  } catch {
    return false;
  }
}

function installMissing() {
  const missing = [...new Set(EDITORS.flatMap((editor) => editor.packages))].filter(
    (name) => !isInstalled(name),
  );
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} (install them as root: apt-get install -y ${missing.join(' ')})`,
    );
  }
  console.log(`installing ${missing.join(' ')}`);
  const options = {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: INSTALL_MS,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  execFileSync('apt-get', ['update', '-q'], options);
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], options);
}

/** Runs one editor in its own process group, so that a run over budget is ended with everything it started. */
function runEditor(editor, dir) {
  const [program, args] = editor.command(dir);
  const scratch = path.join(dir, '.home');
  const env = {
    ...process.env,
    HOME: scratch,
    XDG_CONFIG_HOME: path.join(scratch, 'config'),
    XDG_DATA_HOME: path.join(scratch, 'data'),
    XDG_STATE_HOME: path.join(scratch, 'state'),
    XDG_CACHE_HOME: path.join(scratch, 'cache'),
    LOOPGUARD_SNIPPET: path.join(dir, '.snippet'),
    LOOPGUARD_STEP_MS: String(STEP_MS),
    LOOPGUARD_LOG: path.join(dir, 'e2e.log'),
    LOOPGUARD_EMACS_HOME: path.join(scratch, 'emacs'),
  };
  fs.mkdirSync(path.join(scratch, 'emacs'), { recursive: true });
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(program, args, {
      cwd: dir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(over the run budget of ${RUN_MS} ms: ended)`;
      killGroup(child.pid);
    }, RUN_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${error.message}`, ms: Date.now() - started });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/** Server processes still running in `dir` after their editor exited: they must exit by themselves, promptly. */
async function leftoverServers(dir, budgetMs = 5_000) {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const left = fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid) && cwdOf(pid) === dir);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function cwdOf(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

function relevantLines(text) {
  return text
    .split('\n')
    .filter((line) => /^\[(nvim|vim-ale|eglot|lsp-mode) /.test(line) || /error|FAIL/i.test(line))
    .join('\n');
}

async function main() {
  installMissing();
  const only = process.argv.slice(2);
  let passed = 0;
  let failed = 0;
  for (const editor of EDITORS) {
    if (
      only.length > 0 &&
      !only.some((name) => editor.name.toLowerCase().includes(name.toLowerCase()))
    )
      continue;
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-editor-')));
    prepareProject(dir);
    fs.writeFileSync(path.join(dir, '.snippet'), readmeSnippet(...editor.snippet));
    const run = await runEditor(editor, dir);
    const log =
      editor.log && fs.existsSync(editor.log(dir)) ? fs.readFileSync(editor.log(dir), 'utf8') : '';
    const saved = fs.readFileSync(path.join(dir, 'work.ts'), 'utf8');
    const leftovers = await leftoverServers(dir);
    const problems = [];
    if (run.code !== 0) problems.push(`the editor exited with ${run.code}`);
    if (saved !== EXPECTED) problems.push(`the saved file is not the fixed one:\n${saved}`);
    if (leftovers.length > 0) problems.push(`processes left running: ${leftovers.join(' ')}`);
    for (const pid of leftovers) killGroup(Number(pid));
    console.log(`${problems.length === 0 ? 'PASS' : 'FAIL'} ${editor.name} (${run.ms} ms)`);
    const details = relevantLines(`${run.output}\n${log}`);
    if (details) console.log(details.replace(/^/gm, '    '));
    for (const problem of problems) console.log(`    problem: ${problem}`);
    if (problems.length === 0) passed++;
    else failed++;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

await main();
