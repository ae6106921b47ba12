// The extension's package.json against the declarations it is generated from: the server's settings (one runtime
// declaration for the server's types, the README and `contributes.configuration`), the client-only settings, the
// commands and the activation languages; and what the Marketplace and Workspace Trust need from the manifest.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { SETTINGS } from 'loopguard/settings';
import { withSettingsTable } from 'loopguard/settings-table';
import {
  CLIENT_ONLY_SETTINGS,
  COMMANDS,
  LANGUAGES,
  withGeneratedManifest,
} from 'loopguard-vscode/manifest';

import { REPO_ROOT } from '../support/paths';

const EXTENSION = path.join(REPO_ROOT, 'extension');

interface Manifest {
  main: string;
  icon: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: unknown; description?: string } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: { commandPalette: { command: string }[] };
    configuration: {
      properties: Record<string, { default: unknown; scope: string; markdownDescription: string }>;
    };
  };
}

const manifestText = fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;

describe('the VS Code extension manifest', () => {
  it("has current generated parts (run 'npm run generate' to refresh them)", () => {
    assert.equal(
      `${JSON.stringify(withGeneratedManifest(JSON.parse(manifestText) as Manifest), null, 2)}\n`,
      manifestText,
    );
  });

  it('contributes every server setting, resource-scoped, with the declared default', () => {
    const properties = manifest.contributes.configuration.properties;
    const serverKeys = Object.keys(SETTINGS).map((name) => `loopguard.${name}`);
    assert.deepEqual(serverKeys, [
      'loopguard.enable',
      'loopguard.run',
      'loopguard.rules',
      'loopguard.fixAll.includeSuggestions',
      'loopguard.lintTimeBudgetMs',
      'loopguard.maxFileSizeKb',
    ]);
    for (const [name, declaration] of Object.entries(SETTINGS)) {
      const property = properties[`loopguard.${name}`];
      assert.ok(property, name);
      assert.deepEqual(property.default, declaration.default, name);
      assert.equal(property.scope, 'resource', name);
      assert.equal(property.markdownDescription, declaration.description, name);
    }
  });

  it('lists the client-only settings apart, window-scoped, and nothing else', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(CLIENT_ONLY_SETTINGS), ['trace.server']);
    assert.equal(
      Object.keys(SETTINGS).includes('trace.server'),
      false,
      'a client-only key is not a server setting',
    );
    assert.deepEqual(properties['loopguard.trace.server']?.default, 'off');
    assert.equal(properties['loopguard.trace.server']?.scope, 'window');
    assert.equal(
      Object.keys(properties).length,
      Object.keys(SETTINGS).length + Object.keys(CLIENT_ONLY_SETTINGS).length,
    );
  });

  it('contributes the three commands under the Loopguard category, and only known commands in menus', () => {
    assert.deepEqual(
      manifest.contributes.commands.map(({ category, title }) => `${category}: ${title}`),
      [
        'Loopguard: Fix all auto-fixable problems',
        'Loopguard: Restart server',
        'Loopguard: Show output',
      ],
    );
    const known = new Set<string>(Object.values(COMMANDS).map(({ command }) => command));
    for (const { command } of manifest.contributes.menus.commandPalette)
      assert.ok(known.has(command), command);
  });

  it('activates on JavaScript and TypeScript, React variants included', () => {
    assert.deepEqual(
      [...LANGUAGES],
      ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
    );
    assert.deepEqual(
      manifest.activationEvents,
      LANGUAGES.map((language) => `onLanguage:${language}`),
    );
  });

  it('declares limited support for untrusted workspaces, with a description', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(
      manifest.capabilities.untrustedWorkspaces.description ?? '',
      /built-in recommended config only/,
    );
  });

  it('points at files the package has: the bundled client, a PNG icon, README, changelog and license', () => {
    assert.equal(manifest.main, './dist/extension.js');
    const icon = fs.readFileSync(path.join(EXTENSION, manifest.icon));
    assert.deepEqual(
      [...icon.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join(''),
      'PNG',
    );
    assert.ok(
      icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128,
      'the Marketplace wants an icon of at least 128×128',
    );
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE'])
      assert.ok(fs.existsSync(path.join(EXTENSION, file)), file);
  });

  it("has a current settings table in the extension's README (run 'npm run generate' to refresh it)", () => {
    const readme = fs.readFileSync(path.join(EXTENSION, 'README.md'), 'utf8');
    assert.equal(withSettingsTable(readme), readme);
  });
});
