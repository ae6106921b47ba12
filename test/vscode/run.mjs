// `npm run test:vscode`: the packaged extension in a real VS Code. Installs what is missing (see install.mjs),
// packages the .vsix with vsce, installs it into code-server, opens a fresh workspace in headless Chromium and checks,
// on the screen and through the VS Code API (the extension writes what `vscode.languages.getDiagnostics()` returns to
// a file in test mode):
// 1. the Problems panel lists Loopguard's findings for a floating promise and a blocking call;
// 2. the lightbulb offers a finding's suggestions, and applying one changes the file as expected;
// 3. fix-all on save (`source.fixAll.loopguard` with `loopguard.fixAll.includeSuggestions`) fixes the rest;
// 4. turning a rule off in the settings removes its finding.
// Each step has a time budget and waits on what the page or the API shows. A failing step leaves screenshots, the
// API state and code-server's log in test-results/vscode/. A passing run refreshes the README's screenshot.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CACHE, CHROMIUM, CODE_SERVER, installMissing, NODE_24 } from './install.mjs';
import { waitUntil, Workbench } from './workbench.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSION = path.join(REPO, 'extension');
const RESULTS = path.join(REPO, 'test-results', 'vscode');
const README_SCREENSHOT = path.join(REPO, 'docs', 'images', 'vscode-extension.png');
const STATE_VARIABLE = 'LOOPGUARD_VSCODE_STATE_FILE';

/** Budgets: a step of the scenario, starting code-server, and the whole scenario in the browser. */
const STEP_MS = 60_000;
const START_MS = 60_000;
const SCENARIO_MS = 8 * 60_000;

const FLOATING_RULE = 'loopguard/no-floating-promises';
const BLOCKING_RULE = 'loopguard/no-blocking-in-async';

const WORK_TS = `import { readFileSync } from 'node:fs';

declare function save(): Promise<void>;

export async function load(file: string): Promise<string> {
  save();
  return readFileSync(file, 'utf8');
}
`;
/** After the lightbulb's "Add \`await\`" on the floating promise. */
const WORK_TS_AWAITED = WORK_TS.replace('  save();', '  await save();');
/** After fix-all on save, which applies the blocking call's preferred suggestion (the import follows). */
const WORK_TS_FIXED = `import { readFile } from 'node:fs/promises';

declare function save(): Promise<void>;

export async function load(file: string): Promise<string> {
  await save();
  return await readFile(file, 'utf8');
}
`;
const OTHER_TS = `declare function notify(): Promise<void>;

export async function done(): Promise<void> {
  notify();
}
`;
const WORKSPACE_SETTINGS = {
  'editor.codeActionsOnSave': { 'source.fixAll.loopguard': 'explicit' },
  'loopguard.fixAll.includeSuggestions': true,
};
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  // Only Loopguard's findings in the Problems panel: VS Code's own TypeScript checks are off.
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
  'files.autoSave': 'off',
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const started = Date.now();
const log = (...parts) => console.log(`[vscode ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`, ...parts);

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function packageExtension() {
  for (const file of fs.readdirSync(EXTENSION)) if (file.endsWith('.vsix')) fs.rmSync(path.join(EXTENSION, file));
  execFileSync('npm', ['run', 'package'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'], timeout: 5 * 60_000 });
  const vsix = fs.readdirSync(EXTENSION).find((file) => file.endsWith('.vsix'));
  if (!vsix) throw new Error('npm run package produced no .vsix');
  return path.join(EXTENSION, vsix);
}

/** A scratch folder with the workspace, code-server's user data and extensions, and a HOME of its own. */
function prepareScratch() {
  const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-vscode-')));
  const dirs = {
    scratch,
    home: path.join(scratch, 'home'),
    userData: path.join(scratch, 'user-data'),
    extensions: path.join(scratch, 'extensions'),
    workspace: path.join(scratch, 'workspace'),
    state: path.join(scratch, 'api-state.json'),
    log: path.join(scratch, 'code-server.log'),
  };
  fs.mkdirSync(dirs.home, { recursive: true });
  writeJson(path.join(dirs.userData, 'User', 'settings.json'), USER_SETTINGS);
  // No tsconfig.json and no node_modules: the files get the inferred project with the Node types the extension ships.
  fs.mkdirSync(dirs.workspace, { recursive: true });
  fs.writeFileSync(path.join(dirs.workspace, 'work.ts'), WORK_TS);
  fs.writeFileSync(path.join(dirs.workspace, 'other.ts'), OTHER_TS);
  writeJson(path.join(dirs.workspace, '.vscode', 'settings.json'), WORKSPACE_SETTINGS);
  return dirs;
}

function codeServerEnv(dirs) {
  return {
    ...process.env,
    PATH: `${path.dirname(NODE_24)}:${process.env.PATH}`,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    // The extension gallery on a dead loopback address: nothing is looked up outside this machine.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
    [STATE_VARIABLE]: dirs.state,
  };
}

function installExtension(vsix, dirs) {
  execFileSync(NODE_24, [CODE_SERVER, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix, '--force'], {
    env: codeServerEnv(dirs),
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 2 * 60_000,
  });
}

/** Starts code-server in its own process group on a free loopback port; resolves with its URL once it listens. */
function startCodeServer(dirs) {
  const args = [
    CODE_SERVER,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    dirs.workspace,
  ];
  const child = spawn(NODE_24, args, { cwd: dirs.scratch, env: codeServerEnv(dirs), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = fs.createWriteStream(dirs.log);
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const listening = new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${START_MS} ms:\n${seen}`)), START_MS);
    const watch = (chunk) => {
      seen += chunk;
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (code ${code}) before listening:\n${seen}`));
    });
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return { listening, stop };
}

function readState(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The codes of Loopguard's diagnostics for `file` in the API state, in order. */
function apiCodes(dirs, file) {
  return (readState(dirs.state)?.diagnostics[path.join(dirs.workspace, file)] ?? []).map((diagnostic) => diagnostic.code);
}

function sameList(a, b) {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Runs the steps in order; `steps` collects each passed step's name and duration. */
async function scenario(workbench, dirs, url, steps) {
  const page = workbench.page;
  const step = async (name, run) => {
    const stepStarted = Date.now();
    log(`step: ${name}`);
    let timer;
    try {
      await Promise.race([
        run(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`over its budget of ${STEP_MS} ms`)), STEP_MS);
        }),
      ]);
    } catch (error) {
      error.message = `step "${name}" failed: ${error.message}`;
      error.step = name;
      throw error;
    } finally {
      clearTimeout(timer);
    }
    steps.push([name, Date.now() - stepStarted]);
  };
  const workFile = path.join(dirs.workspace, 'work.ts');
  const settingsFile = path.join(dirs.workspace, '.vscode', 'settings.json');

  await step('open the workspace and work.ts', async () => {
    await workbench.open(url, STEP_MS);
    await workbench.openFile('work.ts', 'readFileSync', STEP_MS);
  });

  await step('the Problems panel and the API show the floating promise and the blocking call', async () => {
    await workbench.showProblems(STEP_MS);
    await workbench.problemRows(FLOATING_RULE).first().waitFor({ timeout: STEP_MS });
    await workbench.problemRows(BLOCKING_RULE).first().waitFor({ timeout: STEP_MS });
    log('Problems panel:', JSON.stringify(await workbench.problems()));
    await waitUntil('both findings in vscode.languages.getDiagnostics()', () => (sameList(apiCodes(dirs, 'work.ts'), [FLOATING_RULE, BLOCKING_RULE]) ? true : undefined), STEP_MS);
    const status = await waitUntil('the status item with the last lint', () => {
      const snapshot = readState(dirs.state)?.status;
      return snapshot?.state === 'running' && /^Linted at .+; findings \d+ ms after the last edit$/.test(snapshot.detail) ? snapshot : undefined;
    }, STEP_MS);
    log('status item:', JSON.stringify(status));
  });

  await step('the lightbulb offers the suggestions of the floating promise; "Add `await`" applies', async () => {
    const addAwait = await workbench.openQuickFixes(workbench.problemRows(FLOATING_RULE), 'Add `await`', STEP_MS);
    const titles = await workbench.quickFixTitles();
    log('lightbulb menu:', JSON.stringify(titles));
    for (const expected of ['Add `await`', 'Add `.catch(…)` that logs the error', 'Mark as intentionally not awaited with `void`', `Disable ${FLOATING_RULE} for this line`]) {
      if (!titles.some((title) => title.includes(expected))) throw new Error(`the lightbulb menu lacks "${expected}": ${JSON.stringify(titles)}`);
    }
    await page.screenshot({ path: path.join(RESULTS, 'readme-candidate.png') });
    await addAwait.first().click();
    await workbench.editorLines('await save();').waitFor({ timeout: STEP_MS });
    await waitUntil('the floating promise gone from the API, the blocking call still there', () => (sameList(apiCodes(dirs, 'work.ts'), [BLOCKING_RULE]) ? true : undefined), STEP_MS);
    const text = await workbench.editorText();
    if (text.trimEnd() !== WORK_TS_AWAITED.trimEnd()) throw new Error(`the editor shows:\n${text}\nexpected:\n${WORK_TS_AWAITED}`);
    if (fs.readFileSync(workFile, 'utf8') !== WORK_TS) throw new Error('the quick fix saved the file');
  });

  await step('fix-all on save applies the preferred suggestion of the blocking call', async () => {
    await workbench.save();
    await waitUntil('work.ts saved with the fixes', () => (fs.readFileSync(workFile, 'utf8') === WORK_TS_FIXED ? true : undefined), STEP_MS);
    await workbench.problemRows(BLOCKING_RULE).first().waitFor({ state: 'detached', timeout: STEP_MS });
    await waitUntil('no findings for work.ts in the API', () => (apiCodes(dirs, 'work.ts').length === 0 ? true : undefined), STEP_MS);
  });

  await step('turning no-floating-promises off in the settings removes its finding', async () => {
    await workbench.openFile('other.ts', 'notify();', STEP_MS);
    await workbench.problemRows(FLOATING_RULE).first().waitFor({ timeout: STEP_MS });
    await waitUntil('the finding in other.ts in the API', () => (sameList(apiCodes(dirs, 'other.ts'), [FLOATING_RULE]) ? true : undefined), STEP_MS);
    writeJson(settingsFile, { ...WORKSPACE_SETTINGS, 'loopguard.rules': { [FLOATING_RULE]: 'off' } });
    await workbench.problemRows(FLOATING_RULE).first().waitFor({ state: 'detached', timeout: STEP_MS });
    await waitUntil('no findings for other.ts in the API', () => (apiCodes(dirs, 'other.ts').length === 0 ? true : undefined), STEP_MS);
  });

}

async function main() {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  log(`cache: ${CACHE}`);
  const timings = installMissing(log);
  for (const [what, seconds] of Object.entries(timings)) log(`installed ${what} in ${seconds.toFixed(0)} s`);
  const vsix = packageExtension();
  log(`packaged ${path.relative(REPO, vsix)} (${(fs.statSync(vsix).size / 1024 / 1024).toFixed(1)} MB)`);
  const dirs = prepareScratch();
  installExtension(vsix, dirs);
  log('installed the .vsix into code-server');
  const server = startCodeServer(dirs);
  let browser;
  let page;
  let failed = true;
  const steps = [];
  try {
    const url = await server.listening;
    log(`code-server listening on ${url}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    page.on('pageerror', (error) => log('page error:', error.message));
    const workbench = new Workbench(page, log);
    let timer;
    await Promise.race([
      scenario(workbench, dirs, `${url}/?folder=${encodeURIComponent(dirs.workspace)}`, steps),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the scenario went over its budget of ${SCENARIO_MS} ms`)), SCENARIO_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    fs.mkdirSync(path.dirname(README_SCREENSHOT), { recursive: true });
    fs.copyFileSync(path.join(RESULTS, 'readme-candidate.png'), README_SCREENSHOT);
    for (const [name, ms] of steps) log(`${String(ms).padStart(6)} ms  ${name}`);
    log(`refreshed ${path.relative(REPO, README_SCREENSHOT)}`);
    console.log(`${steps.length} passed, 0 failed`);
    failed = false;
  } catch (error) {
    log(`FAIL: ${error.message}`);
    if (page) await page.screenshot({ path: path.join(RESULTS, 'failure.png') }).catch(() => undefined);
    console.log(`${steps.length} passed, 1 failed`);
  } finally {
    await browser?.close().catch(() => undefined);
    server.stop();
    if (failed) {
      for (const [file, name] of [[dirs.log, 'code-server.log'], [dirs.state, 'api-state.json']]) {
        if (fs.existsSync(file)) fs.copyFileSync(file, path.join(RESULTS, name));
      }
      log(`screenshots, the API state and code-server's log are in ${path.relative(REPO, RESULTS)}/`);
    }
    fs.rmSync(dirs.scratch, { recursive: true, force: true });
  }
  log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = failed ? 1 : 0;
}

await main();
