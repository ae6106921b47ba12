// Rewrites the generated parts of README.md from the code (run after `npm run build`): the rules table.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { withRulesTable } = require('eslint-plugin-loopguard/dist/rules-table.js');

const readmePath = new URL('../README.md', import.meta.url);
const before = readFileSync(readmePath, 'utf8');
const after = withRulesTable(before);
if (after !== before) {
  writeFileSync(readmePath, after);
  console.log('README.md: rules table updated');
} else {
  console.log('README.md: rules table already up to date');
}
