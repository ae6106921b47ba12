// Rewrites the generated parts of README.md from the code (run after `npm run build`): the rules table and the
// language server's settings table.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { withRulesTable } = require('eslint-plugin-loopguard/dist/rules-table.js');
const { withSettingsTable } = require('loopguard/dist/language-server/settings-table.js');

const readmePath = new URL('../README.md', import.meta.url);
const before = readFileSync(readmePath, 'utf8');
const after = withSettingsTable(withRulesTable(before));
if (after !== before) {
  writeFileSync(readmePath, after);
  console.log('README.md: generated tables updated');
} else {
  console.log('README.md: generated tables already up to date');
}
