// A project whose `eslint.config.mjs` loads its own install of eslint-plugin-loopguard (a second copy of the plugin,
// not the one the engine imports): its findings still carry their related locations, through the CLI's SARIF and
// through the engine directly, because every copy records into the same declared, versioned channel.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import loopguard from 'eslint-plugin-loopguard';
import { Engine, loadConfigFile } from 'loopguard';

import { REPO_ROOT } from '../support/paths';
import { runCli } from '../support/run-cli';
import { createTempProject, removeTempProjects, TSCONFIG_WITH_NODE } from '../support/temp-project';
import { PROCESS_BUDGET_MS, TEST_BUDGET_MS } from '../support/budgets';

const CONFIG_TS =
  "import { readFileSync } from 'node:fs';\n\nexport function loadConfig(): string {\n  return readFileSync('config.json', 'utf8');\n}\n";
const SERVER_TS =
  "import { loadConfig } from './config.js';\n\nexport async function start(request: { url: string }) {\n  const config = loadConfig();\n  return config;\n}\n";

/** The project's own config: bare specifiers, resolved from the project's `node_modules` as ESLint would. */
const ESLINT_CONFIG = [
  "import parser from '@typescript-eslint/parser';",
  "import loopguard from 'eslint-plugin-loopguard';",
  'export default [{',
  "  files: ['**/*.ts'],",
  '  languageOptions: { parser, parserOptions: { projectService: true } },',
  '  plugins: { loopguard },',
  "  rules: { 'loopguard/no-blocking-in-async': 'error' },",
  '}];',
].join('\n');

/**
 * A project with its own copy of the built plugin in `node_modules/eslint-plugin-loopguard` (copied, so Node loads it
 * as a module of its own), and links to the packages that copy and its config need.
 */
function projectWithOwnPluginCopy(): string {
  const root = createTempProject({
    'tsconfig.json': TSCONFIG_WITH_NODE,
    'eslint.config.mjs': ESLINT_CONFIG,
    'src/config.ts': CONFIG_TS,
    'src/server.ts': SERVER_TS,
  });
  const copy = path.join(root, 'node_modules', 'eslint-plugin-loopguard');
  fs.mkdirSync(copy, { recursive: true });
  fs.copyFileSync(
    path.join(REPO_ROOT, 'eslint-plugin', 'package.json'),
    path.join(copy, 'package.json'),
  );
  fs.cpSync(path.join(REPO_ROOT, 'eslint-plugin', 'dist'), path.join(copy, 'dist'), {
    recursive: true,
  });
  for (const dependency of ['@typescript-eslint', 'ts-api-utils', 'typescript', 'eslint'])
    fs.symlinkSync(
      path.join(REPO_ROOT, 'node_modules', dependency),
      path.join(root, 'node_modules', dependency),
      'dir',
    );
  return root;
}

const RELATED = {
  filePathEnd: 'src/config.ts',
  line: 4,
  column: 10,
  endLine: 4,
  endColumn: 22,
  message: "'loadConfig' calls 'readFileSync' here, which blocks the event loop",
};

describe('a config that loads its own copy of the plugin', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('still gives SARIF the related locations of a finding through a helper in another file', () => {
    const root = projectWithOwnPluginCopy();
    const run = runCli(['lint', '--config', 'eslint.config.mjs', '--format', 'sarif'], root);
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: unknown[] }> }>;
    };
    const results = log.runs[0]!.results;
    assert.deepEqual(
      results.map((result) => result.ruleId),
      ['loopguard/no-blocking-in-async'],
    );
    assert.deepEqual(results[0]!.relatedLocations, [
      {
        id: 0,
        message: { text: RELATED.message },
        physicalLocation: {
          artifactLocation: { uri: RELATED.filePathEnd, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: RELATED.line,
            startColumn: RELATED.column,
            endLine: RELATED.endLine,
            endColumn: RELATED.endColumn,
          },
        },
      },
    ]);
  });

  it("gives the engine's findings their related locations", async () => {
    const root = projectWithOwnPluginCopy();
    const config = await loadConfigFile(path.join(root, 'eslint.config.mjs'));
    assert.equal(config.kind, 'file');
    const loaded = config.kind === 'file' ? config.configs[0]?.plugins?.loopguard : undefined;
    assert.ok(loaded, 'the config registers the plugin');
    assert.notEqual(loaded, loopguard, 'the config loaded its own copy, not the engine’s');

    const engine = new Engine({ root, config });
    const server = path.join(root, 'src', 'server.ts').split(path.sep).join('/');
    const outcome = engine.lintFile(server);
    assert.equal(outcome.kind, 'linted');
    if (outcome.kind !== 'linted') return;
    assert.deepEqual(
      outcome.findings.map(({ message, related }) => [message.ruleId, related]),
      [
        [
          'loopguard/no-blocking-in-async',
          [
            {
              filePath: path.join(root, RELATED.filePathEnd).split(path.sep).join('/'),
              line: RELATED.line,
              column: RELATED.column,
              endLine: RELATED.endLine,
              endColumn: RELATED.endColumn,
              message: RELATED.message,
            },
          ],
        ],
      ],
    );
    assert.equal(outcome.findings[0]!.message, outcome.result.messages[0]);
  });

  it('leaves the channel alone in a plain ESLint run, which records nothing', () => {
    const root = projectWithOwnPluginCopy();
    // A fresh process that loads no Loopguard engine: only ESLint, the project's config and its copy of the plugin.
    const probe = [
      "const { ESLint } = require('eslint');",
      '(async () => {',
      '  const eslint = new ESLint({ cwd: process.cwd() });',
      "  const [result] = await eslint.lintFiles(['src/server.ts']);",
      `  const channel = globalThis[Symbol.for(${JSON.stringify(loopguard.relatedLocations.key.description)})];`,
      '  console.log(JSON.stringify({ rules: result.messages.map((m) => m.ruleId), channel: channel === undefined }));',
      '})();',
    ].join('\n');
    const child = spawnSync(process.execPath, ['-e', probe], {
      cwd: root,
      encoding: 'utf8',
      timeout: PROCESS_BUDGET_MS,
    });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), {
      rules: ['loopguard/no-blocking-in-async'],
      channel: true,
    });
  });
});
