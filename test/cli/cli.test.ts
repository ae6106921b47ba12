// The `loopguard` binary, run for real on projects written to disk: exit codes, fixes, output formats, type
// information with and without a tsconfig, and bad input that must not stop the run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ESLint } from 'eslint';

import { fixtureConfig } from '../support/fixture-config';
import { REPO_ROOT } from '../support/paths';
import { type CliRun, runCli } from '../support/run-cli';
import {
  createTempProject,
  removeTempProjects,
  TSCONFIG,
  TSCONFIG_WITH_NODE,
} from '../support/temp-project';
import { TEST_BUDGET_MS } from '../support/budgets';

const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n  await save();\n}\n';
const CLEAN =
  'declare function save(): Promise<void>;\nexport async function run() {\n  await save();\n}\n';

function messagesOf(run: CliRun): Array<[string, string | null, number]> {
  const results = JSON.parse(run.stdout) as ESLint.LintResult[];
  return results.flatMap((result) =>
    result.messages.map((message): [string, string | null, number] => [
      path.basename(result.filePath),
      message.ruleId,
      message.line,
    ]),
  );
}

describe('loopguard lint (the CLI binary)', function () {
  this.timeout(TEST_BUDGET_MS);
  after(removeTempProjects);

  it('exits 0 and prints nothing on a clean project', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': CLEAN });
    const run = runCli(['lint'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
  });

  it('exits 1 and prints stylish findings with the rule id', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': FLOATING });
    const run = runCli(['lint'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.match(
      run.stdout,
      /src\/a\.ts\n\s+3:3\s+error\s+This promise is not awaited.*loopguard\/no-floating-promises/,
    );
    assert.match(run.stdout, /1 problem \(1 error, 0 warnings\)/);
    // With no arguments at all, `loopguard` lints the current folder as `loopguard lint` does.
    const bare = runCli([], root);
    assert.equal(bare.status, 1, bare.stderr);
    assert.equal(bare.stdout, run.stdout);
  });

  it('exits 2 with one clear message for a path that does not exist', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': CLEAN });
    const run = runCli(['lint', 'no/such/dir'], root);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'loopguard: no such file or directory: no/such/dir\n');
  });

  it('exits 2 for an unknown option and for an unknown format', () => {
    const root = createTempProject({ 'a.ts': CLEAN });
    const unknownOption = runCli(['lint', '--frobnicate'], root);
    assert.equal(unknownOption.status, 2);
    assert.equal(
      unknownOption.stderr,
      "loopguard: unknown option '--frobnicate'\nUsage: loopguard lint [options] [paths...]\nRun `loopguard --help` for the options.\n",
    );
    const typo = runCli(['lint', '--fxi'], root);
    assert.equal(typo.status, 2);
    assert.match(
      typo.stderr,
      /^loopguard: unknown option '--fxi' \(did you mean '--fix'\?\)\nUsage: /,
    );
    const unknownFormat = runCli(['lint', '--format', 'xml'], root);
    assert.equal(unknownFormat.status, 2);
    assert.match(
      unknownFormat.stderr,
      /^loopguard: unknown format 'xml' for --format \(use one of /,
    );
    const missingValue = runCli(['lint', '--format', '--fix'], root);
    assert.equal(missingValue.status, 2);
    assert.match(
      missingValue.stderr,
      /^loopguard: --format needs a value \(--format stylish\|json/,
    );
    const valueForAFlag = runCli(['lint', '--fix=yes'], root);
    assert.equal(valueForAFlag.status, 2);
    assert.match(valueForAFlag.stderr, /^loopguard: --fix takes no value, but was given 'yes'\n/);
    const unknownCommand = runCli(['src'], root);
    assert.equal(unknownCommand.status, 2);
    assert.match(
      unknownCommand.stderr,
      /^loopguard: unknown command 'src' \(to lint it: `loopguard lint src`\)/,
    );
  });

  it('prints help and version', () => {
    const root = createTempProject({});
    const help = runCli(['--help'], root);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: loopguard lint \[options\] \[paths\.\.\.\]/);
    assert.match(help.stdout, /--fix-unsafe/);
    const version = runCli(['--version'], root);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('--fix applies autofixes only, writes the file, and a second run changes nothing', () => {
    const source =
      'var n = 1;\ndeclare function save(): Promise<void>;\nexport async function run() {\n  save();\n  await save();\n  return n;\n}\n';
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': fixtureConfig({
        'fixtures/prefer-let': 'error',
        'loopguard/no-floating-promises': 'error',
      }),
      'a.ts': source,
    });
    const run = runCli(
      ['lint', '--fix', '--config', 'eslint.config.mjs', '--format', 'json'],
      root,
    );
    assert.equal(run.status, 1, run.stderr);
    const fixed = fs.readFileSync(path.join(root, 'a.ts'), 'utf8');
    assert.equal(
      fixed,
      source.replace('var n', 'let n'),
      'the autofix is applied, the suggestion is not',
    );
    assert.deepEqual(messagesOf(run), [['a.ts', 'loopguard/no-floating-promises', 4]]);
    const again = runCli(['lint', '--fix', '--config', 'eslint.config.mjs'], root);
    assert.equal(again.status, 1);
    assert.equal(fs.readFileSync(path.join(root, 'a.ts'), 'utf8'), fixed);
  });

  it("--fix-unsafe applies each finding's preferred suggestion, and a second run changes nothing", () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts':
        'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n  const task = save();\n  console.log(1);\n}\n',
    });
    const run = runCli(['lint', '--fix-unsafe'], root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const expected =
      'declare function save(): Promise<void>;\nexport async function run() {\n  await save();\n  await save();\n  console.log(1);\n}\n';
    assert.equal(fs.readFileSync(path.join(root, 'a.ts'), 'utf8'), expected);
    const again = runCli(['lint', '--fix-unsafe'], root);
    assert.equal(again.status, 0);
    assert.equal(fs.readFileSync(path.join(root, 'a.ts'), 'utf8'), expected);
  });

  it('--fix combines adjacent awaits of running tasks into Promise.all, and a second run changes nothing', () => {
    const source = [
      'declare function loadUser(): Promise<{ name: string }>;',
      'declare function loadOrders(): Promise<string[]>;',
      'export async function dashboard() {',
      '  const userTask = loadUser();',
      '  const ordersTask = loadOrders();',
      '  const user = await userTask;',
      '  const orders = await ordersTask;',
      '  return `${user.name}: ${orders.length}`;',
      '}',
      '',
    ].join('\n');
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': source });
    const run = runCli(['lint', '--fix'], root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const expected = source.replace(
      '  const user = await userTask;\n  const orders = await ordersTask;',
      '  const [user, orders] = await Promise.all([userTask, ordersTask]);',
    );
    assert.equal(fs.readFileSync(path.join(root, 'a.ts'), 'utf8'), expected);
    const again = runCli(['lint', '--fix'], root);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.equal(fs.readFileSync(path.join(root, 'a.ts'), 'utf8'), expected);
  });

  it("reports the bundled examples, the strict-only rules with --strict (the README's first command)", () => {
    const run = runCli(['lint', '--strict', '--format', 'json', 'examples'], REPO_ROOT);
    assert.equal(run.status, 1, run.stderr);
    const found = messagesOf(run).filter(([file]) => file === 'dashboard.ts');
    assert.deepEqual(found, [
      ['dashboard.ts', 'loopguard/require-timeout', 20],
      ['dashboard.ts', 'loopguard/no-unhandled-task-rejection', 27],
      ['dashboard.ts', 'loopguard/require-timeout', 36],
    ]);
  });

  it('opens every finding of the bundled examples with a sentence that fits 100 columns, names filled in', () => {
    const run = runCli(['lint', '--strict', '--format', 'json', 'examples'], REPO_ROOT);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    const messages = results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId?.startsWith('loopguard/')),
    );
    assert.ok(messages.length >= 15, `${messages.length} findings`);
    for (const { ruleId, message } of messages) {
      const opening = message.split(/\.(?:\s|$)/)[0]!;
      assert.ok(
        opening.length <= 100,
        `${ruleId} opens with ${opening.length} characters: ${opening}`,
      );
    }
  });

  it("reports unbounded fan-out and sequential requests in the bundled examples with the README's first command (recommended: warnings)", () => {
    const run = runCli(['lint', '--format', 'json', 'examples'], REPO_ROOT);
    assert.equal(run.status, 1, run.stderr);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    const catalog = results.find((result) => path.basename(result.filePath) === 'catalog.ts');
    assert.deepEqual(
      catalog?.messages.map((message) => [message.ruleId, message.line, message.severity]),
      [
        ['loopguard/no-unbounded-concurrency', 22, 1],
        ['loopguard/no-unbounded-concurrency', 29, 1],
      ],
    );
    assert.match(
      catalog.messages[0]!.message,
      /Each task calls `fetchProduct` \(line 22\), which calls `fetch` \(line 15\), which uses the network/,
    );
    // The guides' headline: three requests awaited one after another, and a loop awaiting one request per turn.
    const account = results.find((result) => path.basename(result.filePath) === 'account.ts');
    assert.deepEqual(
      account?.messages.map((message) => [
        message.ruleId,
        message.messageId,
        message.line,
        message.column,
        message.severity,
      ]),
      [
        ['loopguard/prefer-concurrent-awaits', 'sequentialAwaits', 28, 16, 1],
        ['loopguard/prefer-concurrent-awaits', 'awaitInLoop', 37, 3, 1],
      ],
    );
    assert.match(account.messages[0]!.message, /^These 3 awaits run one after another/);
    assert.deepEqual(
      account.messages.map((message) =>
        message.suggestions?.map((suggestion) => suggestion.messageId),
      ),
      [['awaitTogether'], ['useHelper']],
    );
  });

  it('keeps a byte order mark when it writes fixes', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'a.ts': `\uFEFF${FLOATING}` });
    const run = runCli(['lint', '--fix-unsafe'], root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(
      fs.readFileSync(path.join(root, 'a.ts'), 'utf8'),
      `\uFEFF${FLOATING.replace('  save();', '  await save();')}`,
    );
  });

  it("--format json prints exactly what ESLint's --format json prints for the same file and rules", async () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': FLOATING,
      'b.ts': 'const broken = ;\n',
    });
    const ours = runCli(['lint', '--format', 'json'], root);
    assert.equal(ours.status, 1, ours.stderr);
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: {
            parser: await import('@typescript-eslint/parser'),
            parserOptions: { project: './tsconfig.json', tsconfigRootDir: root },
          },
          plugins: {
            loopguard: (await import('eslint-plugin-loopguard'))
              .default as unknown as ESLint.Plugin,
          },
          rules: { 'loopguard/no-floating-promises': 'error' },
        },
      ],
    });
    const formatter = await eslint.loadFormatter('json');
    const theirs = await formatter.format(await eslint.lintFiles(['a.ts', 'b.ts']));
    assert.deepEqual(JSON.parse(ours.stdout), JSON.parse(theirs));
    assert.equal(ours.stdout.trimEnd(), theirs.trimEnd(), 'byte for byte, key order included');
  });

  it('--format sarif prints a SARIF 2.1.0 log with rules, results and regions', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': FLOATING });
    const run = runCli(['lint', '--format', 'sarif'], root);
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout) as {
      version: string;
      $schema: string;
      runs: Array<{
        tool: {
          driver: {
            name: string;
            rules: Array<{ id: string; helpUri: string; shortDescription: { text: string } }>;
          };
        };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: Array<{
            physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
          }>;
        }>;
      }>;
    };
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const [sarifRun] = log.runs;
    assert.equal(sarifRun!.tool.driver.name, 'Loopguard');
    assert.deepEqual(
      sarifRun!.tool.driver.rules.map((rule) => rule.id),
      ['loopguard/no-floating-promises'],
    );
    assert.match(sarifRun!.tool.driver.rules[0]!.helpUri, /docs\/rules\/no-floating-promises\.md$/);
    assert.equal(sarifRun!.results.length, 1);
    const [result] = sarifRun!.results;
    assert.equal(result!.ruleId, 'loopguard/no-floating-promises');
    assert.equal(result!.ruleIndex, 0);
    assert.equal(result!.level, 'error');
    assert.deepEqual(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'src/a.ts');
    assert.deepEqual(result!.locations[0]!.physicalLocation.region, {
      startLine: 3,
      startColumn: 3,
      endLine: 3,
      endColumn: 9,
    });
  });

  it('--format sarif lists the chain of a finding through a helper as relatedLocations', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG_WITH_NODE,
      'src/config.ts':
        "import { readFileSync } from 'node:fs';\n\nexport function loadConfig(): string {\n  return readFileSync('config.json', 'utf8');\n}\n",
      'src/server.ts':
        "import { loadConfig } from './config.js';\n\nexport async function start(request: { url: string }) {\n  const config = loadConfig();\n  return config;\n}\n",
    });
    const run = runCli(['lint', '--format', 'sarif'], root);
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout) as {
      runs: Array<{
        results: Array<{
          ruleId: string;
          message: { text: string };
          locations: unknown[];
          relatedLocations?: unknown[];
        }>;
      }>;
    };
    const [result, ...others] = log.runs[0]!.results;
    assert.deepEqual(others, []);
    assert.equal(result!.ruleId, 'loopguard/no-blocking-in-async');
    assert.match(
      result!.message.text,
      /^'loadConfig' blocks the event loop inside async code\. It calls 'readFileSync' \(config\.ts:4\)\./,
    );
    assert.deepEqual(result!.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/server.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 4, startColumn: 18, endLine: 4, endColumn: 28 },
        },
      },
    ]);
    assert.deepEqual(result!.relatedLocations, [
      {
        id: 0,
        message: { text: "'loadConfig' calls 'readFileSync' here, which blocks the event loop" },
        physicalLocation: {
          artifactLocation: { uri: 'src/config.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 4, startColumn: 10, endLine: 4, endColumn: 22 },
        },
      },
    ]);
  });

  it('gives a plain JavaScript project without a tsconfig typed findings', () => {
    const root = createTempProject({
      'package.json': '{ "type": "commonjs" }',
      'lib/jobs.js':
        "const { readFile } = require('node:fs/promises');\nasync function load() { return readFile('x'); }\nfunction start() {\n  load();\n}\nmodule.exports = { start };\n",
    });
    const run = runCli(['lint', '--format', 'json'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(messagesOf(run), [['jobs.js', 'loopguard/no-floating-promises', 4]]);
  });

  it('reports a syntax error as that file’s parse error and still lints the other files', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': FLOATING,
      'b.ts': 'export const x = ;\n',
      'c.ts': FLOATING,
    });
    const run = runCli(['lint', '--format', 'json'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(messagesOf(run), [
      ['a.ts', 'loopguard/no-floating-promises', 3],
      ['b.ts', null, 1],
      ['c.ts', 'loopguard/no-floating-promises', 3],
    ]);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    assert.match(results[1]!.messages[0]!.message, /^Parsing error: Expression expected/);
    assert.equal(results[1]!.messages[0]!.fatal, true);
  });

  it('reports a broken tsconfig once, by name, exits 2, and still lints the other projects', () => {
    const root = createTempProject({
      'good/tsconfig.json': TSCONFIG,
      'good/a.ts': FLOATING,
      'bad/tsconfig.json':
        '{ "compilerOptions": { "strict": true, }, "extends": "./missing.json" }',
      'bad/a.ts': FLOATING,
      'bad/b.ts': CLEAN,
    });
    const run = runCli(['lint', '--format', 'json'], root);
    assert.equal(run.status, 2);
    assert.deepEqual(messagesOf(run), [['a.ts', 'loopguard/no-floating-promises', 3]]);
    const configErrors = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('loopguard: config error'));
    assert.equal(configErrors.length, 1, run.stderr);
    assert.match(
      configErrors[0]!,
      /bad\/tsconfig\.json: .*missing\.json.* \(2 files not linted\)$/,
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  it('skips node_modules, build output and gitignored files', () => {
    const root = createTempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          ...(JSON.parse(TSCONFIG) as { compilerOptions: object }).compilerOptions,
          outDir: 'dist',
        },
      }),
      '.gitignore': 'generated/\n*.skip.ts\n',
      'src/a.ts': FLOATING,
      'src/b.skip.ts': FLOATING,
      'generated/c.ts': FLOATING,
      'node_modules/pkg/index.ts': FLOATING,
      'dist/d.ts': FLOATING,
      'src/types.d.ts': 'export declare function save(): Promise<void>;\n',
    });
    fs.mkdirSync(path.join(root, '.git'));
    const run = runCli(['lint', '--format', 'json'], root);
    assert.deepEqual(messagesOf(run), [['a.ts', 'loopguard/no-floating-promises', 3]]);
  });

  it('--max-warnings and --quiet decide on warnings', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': fixtureConfig({ 'loopguard/no-floating-promises': 'warn' }),
      'a.ts': FLOATING,
    });
    const warned = runCli(['lint', '--config', 'eslint.config.mjs'], root);
    assert.equal(warned.status, 0, warned.stderr);
    assert.match(warned.stdout, /1 problem \(0 errors, 1 warning\)/);
    const limited = runCli(['lint', '--config', 'eslint.config.mjs', '--max-warnings', '0'], root);
    assert.equal(limited.status, 1);
    assert.match(limited.stderr, /too many warnings \(1\); the maximum is 0/);
    const quiet = runCli(['lint', '--config', 'eslint.config.mjs', '--quiet'], root);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '');
  });

  it('reports a rule that throws on the file and keeps the other rules’ findings', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'eslint.config.mjs': fixtureConfig({
        'fixtures/crash': 'error',
        'loopguard/no-floating-promises': 'error',
      }),
      'a.ts': FLOATING,
    });
    const run = runCli(['lint', '--config', 'eslint.config.mjs', '--format', 'json'], root);
    assert.equal(run.status, 1, run.stderr);
    const [result] = JSON.parse(run.stdout) as ESLint.LintResult[];
    assert.deepEqual(
      result!.messages.map((message) => [message.ruleId, message.line]),
      [
        ['fixtures/crash', 1],
        ['loopguard/no-floating-promises', 3],
      ],
    );
    assert.match(
      result!.messages[0]!.message,
      /^Rule 'fixtures\/crash' crashed on this file and was skipped: fixture rule exploded/,
    );
  });

  it("honours disable comments for Loopguard's rules and ignores those naming rules of the user's own ESLint setup", () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': [
        '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
        'declare const x: any;',
        '/* eslint no-console: off */',
        'declare function save(): Promise<void>;',
        '// eslint-disable-next-line loopguard/no-floating-promises',
        'save();',
        'save();',
        'export { x };',
        '',
      ].join('\n'),
    });
    const run = runCli(['lint', '--format', 'json'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(messagesOf(run), [['a.ts', 'loopguard/no-floating-promises', 7]]);
  });

  it('exits 2 with a clear message for a config file that cannot be loaded', () => {
    const root = createTempProject({ 'a.ts': CLEAN, 'eslint.config.mjs': 'export default [;\n' });
    const run = runCli(['lint', '--config', 'eslint.config.mjs'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^loopguard: config error: could not load .*eslint\.config\.mjs/);
  });
});
