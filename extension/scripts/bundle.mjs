// Bundles the extension with esbuild into dist/: the client (dist/extension.js), the language server
// (dist/server.js) and its lint worker thread (dist/worker/lint-worker.js, where the server looks for it: next to
// itself, in worker/). TypeScript and Node's type declarations are not bundled but copied next to the bundles, in
// dist/node_modules, where `require` finds them:
// - TypeScript finds its default library files (lib.*.d.ts) next to its own script, so bundled into
//   lint-worker.js it would look for them in dist/worker. Copied whole, it is one instance shared by the engine, the
//   typescript-eslint parser and the rules, as in a normal install.
// - Node's type declarations (the server's `loopguard-node-types`, an alias of @types/node, and undici-types, which
//   they import) are read as files by TypeScript, not loaded as code: the engine gives them to projects that have no
//   Node types of their own, so `require('fs')` in plain JavaScript resolves.
// ESLint, typescript-eslint and the plugin are plain CommonJS whose modules are reached by static `require`s, so
// they bundle.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(EXTENSION, 'dist');
const require = createRequire(import.meta.url);
const SERVER = path.dirname(require.resolve('loopguard/package.json'));
const fromServer = createRequire(path.join(SERVER, 'package.json'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
};

fs.rmSync(DIST, { recursive: true, force: true });

await esbuild.build({
  ...common,
  entryPoints: { extension: path.join(EXTENSION, 'src', 'extension.ts') },
  outdir: DIST,
  external: ['vscode'],
});

await esbuild.build({
  ...common,
  // The server's entry points as its package declares them: the `loopguard-language-server` command and the lint
  // worker thread's entry (the `loopguard/lint-worker` export).
  entryPoints: {
    server: path.join(SERVER, 'bin', 'loopguard-language-server.js'),
    'worker/lint-worker': require.resolve('loopguard/lint-worker'),
  },
  outdir: DIST,
  plugins: [estreeInternals()],
  // jiti is ESLint's optional loader for eslint.config.ts, which the server does not load (it says so and uses
  // the built-in config), so the code path that imports it never runs.
  external: ['typescript', 'typescript/*', 'jiti', 'jiti/*'],
  // The engine's `require.resolve('eslint-plugin-loopguard')` keys the CLI's `--cache` by the plugin's files; the
  // language server never uses that cache, so the bundled plugin needs no file of its own to resolve to.
  logOverride: { 'require-resolve-not-external': 'silent' },
});

/**
 * The engine loads typescript-estree's internal modules by file name (`server/src/engine/estree-internals.ts`), which
 * a bundle cannot follow: here that module becomes static `require`s of the same files, so the bundled copies that
 * the bundled parser uses are the ones the engine reaches.
 */
function estreeInternals() {
  const parser = fromServer.resolve('@typescript-eslint/parser');
  const dist = path.dirname(createRequire(parser).resolve('@typescript-eslint/typescript-estree'));
  return {
    name: 'estree-internals',
    setup(build) {
      build.onLoad({ filter: /[\\/]engine[\\/]estree-internals\.js$/ }, ({ path: file }) => {
        // The list of files is the module's own (it only declares, so loading it here runs nothing else).
        const files = require(file).ESTREE_INTERNAL_FILES;
        return {
          contents: [
            `exports.ESTREE_INTERNAL_FILES = ${JSON.stringify(files)};`,
            'exports.loadEstreeInternals = () => ({',
            ...files.map(
              (name) =>
                `  ${JSON.stringify(name)}: require(${JSON.stringify(path.join(dist, name))}),`,
            ),
            '});',
          ].join('\n'),
          loader: 'js',
          resolveDir: dist,
        };
      });
    },
  };
}

/** Copies the named files and folders of an installed package into dist/node_modules/<name>. */
function copyPackage(name, resolveFrom, entries) {
  const from = path.dirname(resolveFrom.resolve(`${name}/package.json`));
  const to = path.join(DIST, 'node_modules', name);
  for (const entry of entries)
    fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  return from;
}

const typescriptLib = path.join(path.dirname(fromServer.resolve('typescript/package.json')), 'lib');
copyPackage('typescript', fromServer, [
  'package.json',
  'LICENSE.txt',
  'ThirdPartyNoticeText.txt',
  'lib/typescript.js',
  'lib/tsserverlibrary.js',
  ...fs
    .readdirSync(typescriptLib)
    .filter((file) => /^lib\..*\.d\.ts$/.test(file))
    .map((file) => `lib/${file}`),
]);
const nodeTypes = copyPackage('loopguard-node-types', fromServer, ['.']);
copyPackage('undici-types', createRequire(path.join(nodeTypes, 'package.json')), ['.']);

const size = (file) => `${(fs.statSync(path.join(DIST, file)).size / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `bundled: extension.js ${size('extension.js')}, server.js ${size('server.js')}, worker/lint-worker.js ${size('worker/lint-worker.js')}`,
);
