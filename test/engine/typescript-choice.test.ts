// Which TypeScript a lint uses (`engine/typescript-choice.ts`), decided from package manifests alone: the project's
// when it is in the supported range, found as its `@typescript-eslint/parser` finds it; else Loopguard's own, with a
// message when the project had one. Nothing here loads the fake packages (their code would throw).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { chooseTypeScript, isSupportedTypeScript } from 'loopguard';

import { createTempProject, removeTempProjects } from '../support/temp-project';

const OWN = fs.realpathSync(path.dirname(require.resolve('typescript/package.json')));

function fakeTypeScript(version: string): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name: 'typescript', version, main: 'index.js' }),
    'index.js': "throw new Error('this TypeScript must not be loaded');\n",
  };
}

function project(packages: Record<string, Record<string, string>>): string {
  const files: Record<string, string> = { 'package.json': '{ "name": "p" }' };
  for (const [folder, contents] of Object.entries(packages))
    for (const [name, text] of Object.entries(contents)) files[`${folder}/${name}`] = text;
  return fs.realpathSync(createTempProject(files));
}

describe('the TypeScript a lint uses', () => {
  after(removeTempProjects);

  it('supports 5.5 through 6.0', () => {
    for (const version of ['5.5.2', '5.9.3', '6.0.3'])
      assert.ok(isSupportedTypeScript(version), version);
    for (const version of ['5.4.5', '6.1.0', '7.0.2', 'unknown'])
      assert.ok(!isSupportedTypeScript(version), version);
  });

  it("takes the project's TypeScript when it is in range", () => {
    const root = project({ 'node_modules/typescript': fakeTypeScript('5.6.3') });
    const choice = chooseTypeScript(root, { trusted: true });
    assert.deepEqual(choice, {
      packageDir: path.join(root, 'node_modules/typescript'),
      version: '5.6.3',
      source: 'project',
    });
  });

  it("finds it where the project's @typescript-eslint/parser does", () => {
    const root = project({
      'node_modules/typescript': fakeTypeScript('7.0.2'),
      'node_modules/@typescript-eslint/parser': {
        'package.json': '{ "name": "@typescript-eslint/parser", "version": "8.56.0" }',
      },
      'node_modules/@typescript-eslint/parser/node_modules/typescript': fakeTypeScript('5.5.2'),
    });
    const choice = chooseTypeScript(root, { trusted: true });
    assert.equal(choice.source, 'project');
    assert.equal(
      choice.packageDir,
      path.join(root, 'node_modules/@typescript-eslint/parser/node_modules/typescript'),
    );
  });

  it('uses its own on TypeScript 7, and says so in one line', () => {
    const root = project({ 'node_modules/typescript': fakeTypeScript('7.0.2') });
    const choice = chooseTypeScript(root, { trusted: true });
    assert.equal(choice.source, 'loopguard');
    assert.equal(choice.packageDir, OWN);
    assert.equal(
      choice.message,
      `loopguard: using its own TypeScript ${choice.version}, not the project's 7.0.2 (${path.join(root, 'node_modules/typescript')}): TypeScript 7 has no JavaScript API for linters to use.`,
    );
  });

  it('uses its own below the range, and names the range', () => {
    const root = project({ 'node_modules/typescript': fakeTypeScript('5.4.5') });
    assert.match(
      chooseTypeScript(root, { trusted: true }).message ?? '',
      /not the project's 5\.4\.5 .*: Loopguard supports TypeScript >=5\.5\.0 <6\.1\.0\.$/,
    );
  });

  it('uses its own, silently, in an untrusted workspace and where the project has none', () => {
    const root = project({ 'node_modules/typescript': fakeTypeScript('5.6.3') });
    assert.deepEqual(chooseTypeScript(root, { trusted: false }), {
      packageDir: OWN,
      version: chooseTypeScript(undefined, { trusted: true }).version,
      source: 'loopguard',
    });
    const bare = project({});
    assert.equal(chooseTypeScript(bare, { trusted: true }).packageDir, OWN);
    assert.equal(chooseTypeScript(bare, { trusted: true }).message, undefined);
  });
});
