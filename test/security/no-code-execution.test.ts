// What SECURITY.md promises: the CLI and the language server never run code from the files they lint, and the
// language server in an untrusted workspace loads no workspace config or plugin. Every piece of workspace code here
// leaves a marker file when it runs; the tests check that none appears (and, in a trusted workspace, that the config's
// markers do appear, so that a marker that cannot appear proves nothing).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { LspSession } from '../support/lsp-client';
import { runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG_WITH_NODE } from '../support/temp-project';

const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';

/** A project whose every executable file, config and plugin writes a marker (named after it) into `markers/`. */
function hostileProject(): { root: string; markers: string } {
  const root = createTempProject({});
  const markers = path.join(root, 'markers');
  fs.mkdirSync(markers);
  const leave = (name: string): string =>
    `require('node:fs').writeFileSync(${JSON.stringify(path.join(markers, name))}, '');`;
  const leaveEsm = (name: string): string =>
    `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(path.join(markers, name))}, '');`;
  const files: Record<string, string> = {
    // The files that are linted: TypeScript, an ES module and a CommonJS script, each with a finding to fix.
    'src/module.ts': `${leaveEsm('linted-ts')}\n${FLOATING}`,
    'src/script.cjs': `${leave('linted-cjs')}\nasync function save() {}\nasync function run() {\n  save();\n}\nmodule.exports = { run };\n`,
    'src/esm.mjs': `${leaveEsm('linted-mjs')}\nasync function save() {}\nexport async function run() {\n  save();\n}\n`,
    // A TypeScript language service plugin named in the tsconfig (tsserver would load it; the engine must not).
    'tsconfig.json': JSON.stringify({
      ...(JSON.parse(TSCONFIG_WITH_NODE) as object),
      compilerOptions: {
        ...(JSON.parse(TSCONFIG_WITH_NODE) as { compilerOptions: object }).compilerOptions,
        allowJs: true,
        plugins: [{ name: 'hostile-ts-plugin' }],
      },
    }),
    'node_modules/hostile-ts-plugin/package.json':
      '{ "name": "hostile-ts-plugin", "main": "index.js" }',
    'node_modules/hostile-ts-plugin/index.js': `${leave('ts-plugin')}\nmodule.exports = () => ({ create: (info) => info.languageService });\n`,
    // A workspace ESLint config with a local plugin: the CLI loads it only with --config, an untrusted server never.
    'eslint-plugin-local.cjs': `${leave('eslint-plugin')}\nmodule.exports = { rules: {} };\n`,
    'eslint.config.mjs': [
      `import { writeFileSync } from 'node:fs';`,
      `import local from ${JSON.stringify(pathToFileURL(path.join(root, 'eslint-plugin-local.cjs')).href)};`,
      `import loopguard from ${JSON.stringify(pathToFileURL(require.resolve('eslint-plugin-loopguard')).href)};`,
      `import * as parser from ${JSON.stringify(pathToFileURL(require.resolve('@typescript-eslint/parser')).href)};`,
      `writeFileSync(${JSON.stringify(path.join(markers, 'eslint-config'))}, '');`,
      "export default [{ files: ['**/*.{ts,mjs,cjs}'], languageOptions: { parser }, plugins: { loopguard, local }, rules: { 'loopguard/no-floating-promises': 'error' } }];",
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return { root, markers };
}

/**
 * A workspace `typescript` in the supported range that leaves a marker when loaded and then is the real TypeScript,
 * so that a trusted workspace lints with it (and the marker shows it was loaded) and an untrusted one must not load it.
 */
function addWorkspaceTypeScript(root: string, markers: string): void {
  const folder = path.join(root, 'node_modules/typescript');
  const real = require.resolve('typescript');
  const { version } = JSON.parse(
    fs.readFileSync(require.resolve('typescript/package.json'), 'utf8'),
  ) as { version: string };
  fs.mkdirSync(folder);
  fs.writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({ name: 'typescript', version, main: 'index.js' }),
  );
  fs.writeFileSync(
    path.join(folder, 'index.js'),
    `require('node:fs').writeFileSync(${JSON.stringify(path.join(markers, 'typescript'))}, '');\n` +
      `module.exports = require(${JSON.stringify(real)});\n`,
  );
}

describe('no code from the workspace runs', function () {
  this.timeout(120_000);
  after(removeTempProjects);

  it('loopguard lint (and --fix-unsafe) runs none of the files it lints, and with --no-config-lookup no config or plugin', () => {
    const { root, markers } = hostileProject();
    const lint = runCli(['lint', '--no-config-lookup', '--format', 'json', 'src'], root);
    assert.equal(lint.status, 1, lint.stderr);
    const results = JSON.parse(lint.stdout) as Array<{
      messages: Array<{ ruleId: string | null }>;
    }>;
    assert.deepEqual(
      results.map((result) => result.messages.map((message) => message.ruleId)),
      [
        ['loopguard/no-floating-promises'],
        ['loopguard/no-floating-promises'],
        ['loopguard/no-floating-promises'],
      ],
    );
    const fix = runCli(['lint', '--no-config-lookup', '--fix-unsafe', 'src'], root);
    assert.equal(fix.status, 0, fix.stdout + fix.stderr);
    assert.match(fs.readFileSync(path.join(root, 'src/module.ts'), 'utf8'), /await save\(\);/);
    assert.deepEqual(fs.readdirSync(markers), []);
  });

  it("loopguard lint loads the project's own eslint.config (as ESLint would) and still runs no linted file", () => {
    const { root, markers } = hostileProject();
    const lint = runCli(['lint', '--format', 'json', 'src'], root);
    assert.equal(lint.status, 1, lint.stderr);
    assert.deepEqual(fs.readdirSync(markers).sort(), ['eslint-config', 'eslint-plugin']);
  });

  it('the language server in an untrusted workspace loads no workspace config, plugin or TypeScript, and runs no linted file', async () => {
    const { root, markers } = hostileProject();
    addWorkspaceTypeScript(root, markers);
    const { session } = await LspSession.start({
      folders: [root],
      initializationOptions: { untrustedWorkspace: true },
    });
    try {
      for (const name of ['src/module.ts', 'src/esm.mjs', 'src/script.cjs']) {
        const uri = await session.open(
          path.join(root, name),
          name.endsWith('.ts') ? 'typescript' : 'javascript',
        );
        const published = await session.nextDiagnostics(uri, 0);
        assert.deepEqual(
          published.diagnostics.map((diagnostic) => diagnostic.code),
          ['loopguard/no-floating-promises'],
          name,
        );
      }
      assert.equal(await session.shutdown(), 0);
    } finally {
      session.kill();
    }
    assert.deepEqual(fs.readdirSync(markers), []);
  });

  it('the language server in a trusted workspace loads the workspace config, its plugin and TypeScript, and still runs no linted file', async () => {
    const { root, markers } = hostileProject();
    addWorkspaceTypeScript(root, markers);
    const { session } = await LspSession.start({ folders: [root] });
    try {
      const uri = await session.open(path.join(root, 'src/module.ts'));
      assert.deepEqual(
        (await session.nextDiagnostics(uri, 0)).diagnostics.map((diagnostic) => diagnostic.code),
        ['loopguard/no-floating-promises'],
      );
      assert.equal(await session.shutdown(), 0);
    } finally {
      session.kill();
    }
    assert.deepEqual(fs.readdirSync(markers).sort(), [
      'eslint-config',
      'eslint-plugin',
      'typescript',
    ]);
  });
});
