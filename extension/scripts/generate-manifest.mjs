// Writes the generated parts of the extension's package.json (activation events, commands, settings) from
// `src/manifest.ts` and the language server's settings declaration (run after `npm run build`, from
// `npm run generate`). `test/extension/manifest.test.ts` fails when package.json is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { withGeneratedManifest } = require('../out/manifest.js');

const manifestPath = new URL('../package.json', import.meta.url);
const before = readFileSync(manifestPath, 'utf8');
const after = `${JSON.stringify(withGeneratedManifest(JSON.parse(before)), null, 2)}\n`;
if (after !== before) {
  writeFileSync(manifestPath, after);
  console.log('extension/package.json: generated contributions updated');
} else {
  console.log('extension/package.json: generated contributions already up to date');
}
