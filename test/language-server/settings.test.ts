// The settings declaration: reading a client's `loopguard` section (defaults, nested and flat dotted names, bad
// values), and the README's settings table generated from it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { defaultSettings, readSettings, SETTINGS, type Settings } from 'loopguard/settings';
import { withSettingsTable } from 'loopguard/settings-table';

import { REPO_ROOT } from '../support/paths';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe('language server settings', () => {
  it('defaults every setting when the client sends nothing', () => {
    const expected: Settings = {
      enable: true,
      run: 'onType',
      rules: {},
      'fixAll.includeSuggestions': false,
      lintTimeBudgetMs: 10_000,
      maxFileSizeKb: 1024,
    };
    assert.deepEqual(readSettings(undefined), { settings: expected, problems: [] });
    assert.deepEqual(defaultSettings(), expected);
  });

  it('reads dotted names nested (as VS Code sends them) and flat', () => {
    assert.equal(
      readSettings({ fixAll: { includeSuggestions: true } }).settings['fixAll.includeSuggestions'],
      true,
    );
    assert.equal(
      readSettings({ 'fixAll.includeSuggestions': true }).settings['fixAll.includeSuggestions'],
      true,
    );
  });

  it('keeps valid values and replaces wrong ones by their default, saying why', () => {
    const reading = readSettings({
      enable: 'yes',
      run: 'onSave',
      lintTimeBudgetMs: 100,
      rules: { 'loopguard/a': 'warn', 'loopguard/b': 2 },
    });
    assert.deepEqual(reading.settings, {
      enable: true,
      run: 'onSave',
      rules: { 'loopguard/a': 'warn' },
      'fixAll.includeSuggestions': false,
      lintTimeBudgetMs: 10_000,
      maxFileSizeKb: 1024,
    });
    assert.deepEqual(reading.problems, [
      'loopguard.enable: expected true or false, got "yes"; using true.',
      'loopguard.rules: loopguard/b must be one of off, warn, error, got 2; ignored.',
      'loopguard.lintTimeBudgetMs: expected a whole number of at least 500, got 100; using 10000.',
    ]);
  });

  it('rejects an unknown run mode and a rules value that is not an object', () => {
    const reading = readSettings({ run: 'always', rules: ['loopguard/a'] });
    assert.equal(reading.settings.run, 'onType');
    assert.deepEqual(reading.settings.rules, {});
    assert.deepEqual(reading.problems, [
      'loopguard.run: expected one of onType, onSave, got "always"; using "onType".',
      'loopguard.rules: expected an object, got ["loopguard/a"]; using {}.',
    ]);
  });

  it('declares a description and a default of the declared type for every setting', () => {
    for (const [name, declaration] of Object.entries(SETTINGS)) {
      assert.ok(declaration.description.length > 20, name);
      assert.deepEqual(readSettings({ [name]: declaration.default }).problems, [], name);
    }
  });

  it("has a current settings table in the README (run 'npm run generate' to refresh it)", () => {
    assert.equal(withSettingsTable(README), README);
  });
});
