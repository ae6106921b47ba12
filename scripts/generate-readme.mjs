// Rewrites the generated parts of the READMEs from the code (run after `npm run build`): the rules table and the
// language server's settings table in README.md, and the settings table in the extension's README.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { withRulesTable } = require('eslint-plugin-loopguard/rules-table');
const { withSettingsTable } = require('loopguard/settings-table');

const READMES = [
  {
    path: new URL('../README.md', import.meta.url),
    name: 'README.md',
    render: (text) => withSettingsTable(withRulesTable(text)),
  },
  {
    path: new URL('../extension/README.md', import.meta.url),
    name: 'extension/README.md',
    render: withSettingsTable,
  },
];

for (const readme of READMES) {
  const before = readFileSync(readme.path, 'utf8');
  const after = readme.render(before);
  if (after !== before) {
    writeFileSync(readme.path, after);
    console.log(`${readme.name}: generated tables updated`);
  } else {
    console.log(`${readme.name}: generated tables already up to date`);
  }
}
