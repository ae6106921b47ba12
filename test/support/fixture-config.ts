// A flat config for temp projects that registers the test-only fixture plugins (test/fixtures/cli-plugin as
// `fixtures`, test/fixtures/lsp-plugin as `lsp`) next to Loopguard, for CLI runs with `--config`.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { FIXTURES } from './paths';

/**
 * A flat config for temp projects that registers the test-only fixture plugins next to Loopguard; `before` are
 * config objects, as JavaScript source, placed ahead of it (global `ignores`, say).
 */
export function fixtureConfig(
  rules: Record<string, unknown>,
  before: readonly string[] = [],
): string {
  const parser = pathToFileURL(require.resolve('@typescript-eslint/parser')).href;
  const loopguard = pathToFileURL(require.resolve('eslint-plugin-loopguard')).href;
  const fixtures = pathToFileURL(path.join(FIXTURES, 'cli-plugin', 'index.cjs')).href;
  const lsp = pathToFileURL(path.join(FIXTURES, 'lsp-plugin', 'index.cjs')).href;
  return [
    `import * as parser from '${parser}';`,
    `import loopguard from '${loopguard}';`,
    `import fixtures from '${fixtures}';`,
    `import lsp from '${lsp}';`,
    `export default [${before.map((config) => `${config}, `).join('')}{`,
    "  files: ['**/*.ts'],",
    '  languageOptions: { parser, parserOptions: { projectService: true } },',
    '  plugins: { loopguard, fixtures, lsp },',
    `  rules: ${JSON.stringify(rules)},`,
    '}];',
  ].join('\n');
}
