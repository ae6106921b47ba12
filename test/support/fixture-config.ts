// A flat config for temp projects that registers the test-only fixture plugin (test/fixtures/cli-plugin) next to
// Loopguard, for CLI runs with `--config`.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { FIXTURES } from './paths';

/** A flat config for temp projects that registers the test-only fixture plugin next to Loopguard. */
export function fixtureConfig(rules: Record<string, string>): string {
  const parser = pathToFileURL(require.resolve('@typescript-eslint/parser')).href;
  const loopguard = pathToFileURL(require.resolve('eslint-plugin-loopguard')).href;
  const fixtures = pathToFileURL(path.join(FIXTURES, 'cli-plugin', 'index.cjs')).href;
  return [
    `import * as parser from '${parser}';`,
    `import loopguard from '${loopguard}';`,
    `import fixtures from '${fixtures}';`,
    'export default [{',
    "  files: ['**/*.ts'],",
    "  languageOptions: { parser, parserOptions: { projectService: true } },",
    '  plugins: { loopguard, fixtures },',
    `  rules: ${JSON.stringify(rules)},`,
    '}];',
  ].join('\n');
}

