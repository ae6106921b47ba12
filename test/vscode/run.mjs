// `npm run test:vscode`: the packaged extension in a real VS Code. Installs what is missing (see install.mjs),
// packages the .vsix with vsce, installs it into code-server and drives it in headless Chromium, checking on the
// screen and through the VS Code API (in test mode the extension writes `vscode.languages.getDiagnostics()` and its
// status item to a file):
// - in Restricted Mode, the built-in config lints and the workspace's eslint.config.mjs is not loaded; once the
//   workspace is trusted (through the UI), it is;
// - the Problems panel lists Loopguard's findings for a floating promise and a blocking call;
// - the lightbulb offers a finding's suggestions, and applying one changes the file as expected;
// - fix-all on save (`source.fixAll.loopguard` with `loopguard.fixAll.includeSuggestions`) fixes the rest, and so
//   does the command "Loopguard: Fix all auto-fixable problems";
// - turning a rule off in the settings removes its finding; "Restart server" and "Show output" work.
// Each step has a time budget and waits on what the page or the API shows. A failing step leaves screenshots, the
// API state and code-server's log in test-results/vscode/. A passing run leaves the screenshot the README would show in
// test-results/vscode/readme-candidate.png, and copies it over docs/images/vscode-extension.png only when run with
// `--update-screenshot` (`npm run test:vscode -- --update-screenshot`): a test run changes no tracked file.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CACHE, CHROMIUM, CODE_SERVER, installMissing, NODE_24 } from './install.mjs';
import { KEYBINDINGS, waitUntil, Workbench } from './workbench.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSION = path.join(REPO, 'extension');
const RESULTS = path.join(REPO, 'test-results', 'vscode');
const README_SCREENSHOT = path.join(REPO, 'docs', 'images', 'vscode-extension.png');
const STATE_VARIABLE = 'LOOPGUARD_VSCODE_STATE_FILE';
const UPDATE_SCREENSHOT = process.argv.includes('--update-screenshot');

/** Budgets: one step, starting code-server, and each session in the browser. */
const STEP_MS = 90_000;
const START_MS = 60_000;
const SESSION_MS = 6 * 60_000;

const FLOATING_RULE = 'loopguard/no-floating-promises';
const BLOCKING_RULE = 'loopguard/no-blocking-in-async';

const WORK_TS = `import { readFileSync } from 'node:fs';

declare function save(): Promise<void>;

export async function load(request: { file: string }): Promise<string> {
  save();
  return readFileSync(request.file, 'utf8');
}
`;
/** After the lightbulb's "Add \`await\`" on the floating promise. */
const WORK_TS_AWAITED = WORK_TS.replace('  save();', '  await save();');
/** After fix-all on save, which applies the blocking call's preferred suggestion (the import follows). */
const WORK_TS_FIXED = `import { readFile } from 'node:fs/promises';

declare function save(): Promise<void>;

export async function load(request: { file: string }): Promise<string> {
  await save();
  return await readFile(request.file, 'utf8');
}
`;
const NOTIFY_TS = `declare function notify(): Promise<void>;

export async function done(): Promise<void> {
  notify();
}
`;
const REPORT_TS = `declare function send(): Promise<void>;

export async function report(): Promise<void> {
  send();
}
`;
/** The untrusted workspace: a config that turns Loopguard's rules off, and leaves a mark when its code runs. */
const RESTRICTED_FILES = {
  'app.js': 'async function save() {}\nexport async function run() {\n  save();\n}\n',
  'eslint.config.mjs':
    "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./config-was-loaded', import.meta.url), '');\nexport default [{ files: ['**/*.js'], rules: {} }];\n",
};
const WORKSPACE_SETTINGS = {
  'editor.codeActionsOnSave': { 'source.fixAll.loopguard': 'explicit' },
  'loopguard.fixAll.includeSuggestions': true,
};
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
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
const log = (...parts) =>
  console.log(`[vscode ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`, ...parts);

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function writeFiles(folder, files) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
}

function packageExtension() {
  for (const file of fs.readdirSync(EXTENSION))
    if (file.endsWith('.vsix')) fs.rmSync(path.join(EXTENSION, file));
  execFileSync('npm', ['run', 'package'], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 5 * 60_000,
  });
  const vsix = fs.readdirSync(EXTENSION).find((file) => file.endsWith('.vsix'));
  if (!vsix) throw new Error('npm run package produced no .vsix');
  return path.join(EXTENSION, vsix);
}

/**
 * A scratch folder for one code-server session: its workspace, user data, API state file and log, and a HOME of its
 * own. The workspaces have no tsconfig.json and no node_modules: their files get the inferred project, with the Node
 * types the extension ships.
 */
function prepareSession(scratch, name, { files, trust }) {
  const dirs = {
    name,
    home: path.join(scratch, 'home'),
    extensions: path.join(scratch, 'extensions'),
    userData: path.join(scratch, name, 'user-data'),
    workspace: path.join(scratch, name, 'workspace'),
    state: path.join(scratch, name, 'api-state.json'),
    log: path.join(scratch, name, 'code-server.log'),
  };
  fs.mkdirSync(dirs.home, { recursive: true });
  writeJson(path.join(dirs.userData, 'User', 'settings.json'), {
    ...USER_SETTINGS,
    'security.workspace.trust.enabled': trust,
    // An untrusted folder opens in Restricted Mode without asking; the test grants trust later, through the UI.
    'security.workspace.trust.startupPrompt': 'never',
  });
  writeJson(path.join(dirs.userData, 'User', 'keybindings.json'), KEYBINDINGS);
  writeFiles(dirs.workspace, files);
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
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/item',
    }),
    [STATE_VARIABLE]: dirs.state,
  };
}

function installExtension(vsix, dirs) {
  execFileSync(
    NODE_24,
    [
      CODE_SERVER,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--install-extension',
      vsix,
      '--force',
    ],
    {
      env: codeServerEnv(dirs),
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 2 * 60_000,
    },
  );
}

/** Starts code-server in its own process group on a free loopback port; `listening` resolves with its URL. */
function startCodeServer(dirs) {
  const args = [
    CODE_SERVER,
    '--bind-addr',
    '127.0.0.1:0',
    '--auth',
    'none',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    dirs.workspace,
  ];
  const child = spawn(NODE_24, args, {
    cwd: path.dirname(dirs.workspace),
    env: codeServerEnv(dirs),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = fs.createWriteStream(dirs.log);
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const listening = new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start within ${START_MS} ms:\n${seen}`)),
      START_MS,
    );
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
  // The extension host and the language server are in code-server's process group: they end with it.
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
  return (readState(dirs.state)?.diagnostics[path.join(dirs.workspace, file)] ?? []).map(
    (diagnostic) => diagnostic.code,
  );
}

function sameList(a, b) {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function waitForApiCodes(dirs, file, expected) {
  const what = `vscode.languages.getDiagnostics() listing ${JSON.stringify(expected)} for ${file}`;
  return waitUntil(
    what,
    () => (sameList(apiCodes(dirs, file), expected) ? true : undefined),
    STEP_MS,
  );
}

/** Runs one step within STEP_MS, logging it; `steps` collects the passed ones with their durations. */
async function runStep(steps, name, run) {
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
    throw error;
  } finally {
    clearTimeout(timer);
  }
  steps.push([name, Date.now() - stepStarted]);
}

async function restrictedScenario(workbench, dirs, step) {
  const marker = path.join(dirs.workspace, 'config-was-loaded');
  await step(
    'Restricted Mode: the built-in config lints; the workspace eslint.config.mjs is not loaded',
    async () => {
      await workbench.openFile('app.js', 'save();', STEP_MS);
      await workbench.page.getByText('Restricted Mode').first().waitFor({ timeout: STEP_MS });
      await workbench.showProblems(STEP_MS);
      await workbench.problemRows(FLOATING_RULE).first().waitFor({ timeout: STEP_MS });
      await waitForApiCodes(dirs, 'app.js', [FLOATING_RULE]);
      if (fs.existsSync(marker))
        throw new Error('the workspace eslint.config.mjs ran in Restricted Mode');
    },
  );
  await step('trusting the workspace restarts the server with the workspace config', async () => {
    await workbench.runCommand('Workspaces: Manage Workspace Trust', STEP_MS);
    await workbench.page
      .getByRole('button', { name: 'Trust', exact: true })
      .first()
      .click({ timeout: STEP_MS });
    await waitUntil(
      'the server restarted',
      () => (readState(dirs.state)?.serverStarts === 2 ? true : undefined),
      STEP_MS,
    );
    await waitUntil(
      'the workspace config loaded',
      () => (fs.existsSync(marker) ? true : undefined),
      STEP_MS,
    );
    await waitForApiCodes(dirs, 'app.js', []);
    await workbench
      .problemRows(FLOATING_RULE)
      .first()
      .waitFor({ state: 'detached', timeout: STEP_MS });
  });
}

async function mainScenario(workbench, dirs, step) {
  const page = workbench.page;
  const workFile = path.join(dirs.workspace, 'work.ts');

  await step(
    'the Problems panel and the API show the floating promise and the blocking call',
    async () => {
      await workbench.openFile('work.ts', 'readFileSync', STEP_MS);
      await workbench.showProblems(STEP_MS);
      await workbench.problemRows(FLOATING_RULE).first().waitFor({ timeout: STEP_MS });
      await workbench.problemRows(BLOCKING_RULE).first().waitFor({ timeout: STEP_MS });
      log('Problems panel:', JSON.stringify(await workbench.problems()));
      await waitForApiCodes(dirs, 'work.ts', [FLOATING_RULE, BLOCKING_RULE]);
      const status = await waitUntil(
        'the status item with the last lint',
        () => {
          const snapshot = readState(dirs.state)?.status;
          return snapshot?.state === 'running' &&
            /^Linted at .+; findings \d+ ms after the last edit$/.test(snapshot.detail)
            ? snapshot
            : undefined;
        },
        STEP_MS,
      );
      log('status item:', JSON.stringify(status));
    },
  );

  await step(
    'the lightbulb offers the suggestions of the floating promise; "Add `await`" applies',
    async () => {
      const addAwait = await workbench.openQuickFixes(
        workbench.problemRows(FLOATING_RULE),
        'Add `await`',
        STEP_MS,
      );
      const titles = await workbench.quickFixTitles();
      log('lightbulb menu:', JSON.stringify(titles));
      for (const expected of [
        'Add `await`',
        'Add `.catch(…)` that logs the error',
        'Mark as intentionally not awaited with `void`',
        `Disable ${FLOATING_RULE} for this line`,
      ]) {
        if (!titles.some((title) => title.includes(expected)))
          throw new Error(`the lightbulb menu lacks "${expected}": ${JSON.stringify(titles)}`);
      }
      await page.screenshot({ path: path.join(RESULTS, 'readme-candidate.png') });
      await addAwait.first().click();
      await workbench.editorLines('await save();').waitFor({ timeout: STEP_MS });
      await waitForApiCodes(dirs, 'work.ts', [BLOCKING_RULE]);
      const text = await workbench.editorText();
      if (text.trimEnd() !== WORK_TS_AWAITED.trimEnd())
        throw new Error(`the editor shows:\n${text}\nexpected:\n${WORK_TS_AWAITED}`);
      if (fs.readFileSync(workFile, 'utf8') !== WORK_TS)
        throw new Error('the quick fix saved the file');
    },
  );

  await step('fix-all on save applies the preferred suggestion of the blocking call', async () => {
    await workbench.save();
    await waitUntil(
      'work.ts saved with the fixes',
      () => (fs.readFileSync(workFile, 'utf8') === WORK_TS_FIXED ? true : undefined),
      STEP_MS,
    );
    await workbench
      .problemRows(BLOCKING_RULE)
      .first()
      .waitFor({ state: 'detached', timeout: STEP_MS });
    await waitForApiCodes(dirs, 'work.ts', []);
  });

  await step('"Loopguard: Fix all auto-fixable problems" fixes the active file', async () => {
    await workbench.openFile('notify.ts', 'notify();', STEP_MS);
    await waitForApiCodes(dirs, 'notify.ts', [FLOATING_RULE]);
    await workbench.runCommand('Loopguard: Fix all auto-fixable problems', STEP_MS);
    await workbench.editorLines('await notify();').waitFor({ timeout: STEP_MS });
    await waitForApiCodes(dirs, 'notify.ts', []);
  });

  await step('turning no-floating-promises off in the settings removes its finding', async () => {
    await workbench.openFile('report.ts', 'send();', STEP_MS);
    await workbench.problemRows(FLOATING_RULE).first().waitFor({ timeout: STEP_MS });
    await waitForApiCodes(dirs, 'report.ts', [FLOATING_RULE]);
    writeJson(path.join(dirs.workspace, '.vscode', 'settings.json'), {
      ...WORKSPACE_SETTINGS,
      'loopguard.rules': { [FLOATING_RULE]: 'off' },
    });
    await workbench
      .problemRows(FLOATING_RULE)
      .first()
      .waitFor({ state: 'detached', timeout: STEP_MS });
    await waitForApiCodes(dirs, 'report.ts', []);
  });

  await step(
    '"Loopguard: Restart server" restarts it; "Loopguard: Show output" shows its log',
    async () => {
      const starts = readState(dirs.state)?.serverStarts;
      await workbench.runCommand('Loopguard: Restart server', STEP_MS);
      await waitUntil(
        'the server running again',
        () => (readState(dirs.state)?.serverStarts === starts + 1 ? true : undefined),
        STEP_MS,
      );
      await workbench.runCommand('Loopguard: Show output', STEP_MS);
      await workbench.outputLines('Restarting the server.').first().waitFor({ timeout: STEP_MS });
    },
  );
}

/** One code-server session on `dirs.workspace`, running `scenario` in a fresh browser page. */
async function runSession(dirs, steps, scenario) {
  const server = startCodeServer(dirs);
  let browser;
  let page;
  try {
    const url = await server.listening;
    log(`${dirs.name}: code-server listening on ${url}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    // Tall enough for the lightbulb menu to end above the Problems panel in the README's screenshot.
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (error) => log('page error:', error.message));
    const workbench = new Workbench(page, log);
    const step = (name, run) => runStep(steps, name, run);
    let timer;
    await Promise.race([
      (async () => {
        await step(`${dirs.name}: open the workspace`, () =>
          workbench.open(`${url}/?folder=${encodeURIComponent(dirs.workspace)}`, STEP_MS),
        );
        await scenario(workbench, dirs, step);
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`the ${dirs.name} session went over its budget of ${SESSION_MS} ms`)),
          SESSION_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  } catch (error) {
    if (page)
      await page
        .screenshot({ path: path.join(RESULTS, `${dirs.name}-failure.png`) })
        .catch(() => undefined);
    for (const [file, name] of [
      [dirs.log, 'code-server.log'],
      [dirs.state, 'api-state.json'],
    ]) {
      if (fs.existsSync(file)) fs.copyFileSync(file, path.join(RESULTS, `${dirs.name}-${name}`));
    }
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    server.stop();
  }
}

async function main() {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  log(`cache: ${CACHE}`);
  const timings = installMissing(log);
  for (const [what, seconds] of Object.entries(timings))
    log(`installed ${what} in ${seconds.toFixed(0)} s`);
  const vsix = packageExtension();
  log(
    `packaged ${path.relative(REPO, vsix)} (${(fs.statSync(vsix).size / 1024 / 1024).toFixed(1)} MB)`,
  );
  const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-vscode-')));
  const restricted = prepareSession(scratch, 'restricted', {
    files: RESTRICTED_FILES,
    trust: true,
  });
  const trusted = prepareSession(scratch, 'trusted', {
    files: {
      'work.ts': WORK_TS,
      'notify.ts': NOTIFY_TS,
      'report.ts': REPORT_TS,
      '.vscode/settings.json': `${JSON.stringify(WORKSPACE_SETTINGS, null, 2)}\n`,
    },
    trust: false,
  });
  const steps = [];
  let failed = true;
  try {
    installExtension(vsix, trusted);
    log('installed the .vsix into code-server');
    await runSession(restricted, steps, restrictedScenario);
    await runSession(trusted, steps, mainScenario);
    const candidate = path.join(RESULTS, 'readme-candidate.png');
    if (UPDATE_SCREENSHOT) {
      fs.copyFileSync(candidate, README_SCREENSHOT);
      log(`refreshed ${path.relative(REPO, README_SCREENSHOT)}`);
    } else {
      log(
        `${path.relative(REPO, candidate)} is the README's screenshot of this run (--update-screenshot copies it)`,
      );
    }
    failed = false;
  } catch (error) {
    log(`FAIL: ${error.message}`);
    log(`screenshots, the API state and code-server's log are in ${path.relative(REPO, RESULTS)}/`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  for (const [name, ms] of steps) log(`${String(ms).padStart(6)} ms  ${name}`);
  log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${steps.length} passed, ${failed ? 1 : 0} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
