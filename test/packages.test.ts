// The published packages as `npm pack` makes them: the files a user gets (README, LICENSE, the built code, no source
// maps pointing at unshipped sources, no build info) and the fields a registry and a user's install read.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from './support/paths';

interface Packed {
  name: string;
  files: { path: string }[];
}

interface Manifest {
  name: string;
  license?: string;
  repository?: { type: string; url: string; directory: string };
  bugs?: { url: string };
  homepage?: string;
  keywords?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const PUBLISHED = { 'eslint-plugin-loopguard': 'eslint-plugin', loopguard: 'server' } as const;

describe('published packages', () => {
  let packed: Packed[];
  before(function () {
    this.timeout(120_000);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const output = execFileSync(
      npm,
      ['pack', '--dry-run', '--json', '--ignore-scripts', '-w', 'eslint-plugin', '-w', 'server'],
      { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    packed = JSON.parse(output) as Packed[];
  });

  it('packs both publishable packages', () => {
    assert.deepEqual(packed.map((entry) => entry.name).sort(), Object.keys(PUBLISHED).sort());
  });

  it('ship a README and a LICENSE each, the built code, no source maps and no build info', () => {
    for (const entry of packed) {
      const files = entry.files.map((file) => file.path);
      for (const required of ['README.md', 'LICENSE', 'package.json'])
        assert.ok(files.includes(required), `${entry.name} ships ${required}`);
      assert.deepEqual(
        files.filter((file) => /\.map$|\.tsbuildinfo$/.test(file)),
        [],
        entry.name,
      );
      assert.deepEqual(
        files.filter((file) => file.startsWith('src/')),
        [],
        entry.name,
      );
    }
    const plugin = packed.find((entry) => entry.name === 'eslint-plugin-loopguard')!;
    const pluginFiles = plugin.files.map((file) => file.path);
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'docs/rules/no-floating-promises.md'])
      assert.ok(pluginFiles.includes(file), file);
    const server = packed.find((entry) => entry.name === 'loopguard')!;
    const serverFiles = server.files.map((file) => file.path);
    for (const file of [
      'bin/loopguard.js',
      'bin/loopguard-language-server.js',
      'dist/engine/index.js',
    ])
      assert.ok(serverFiles.includes(file), file);
  });

  it('declare where they come from, their exports, and no @types/* at run time', () => {
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'LICENSE')), 'the repository has a LICENSE');
    for (const [name, folder] of Object.entries(PUBLISHED)) {
      const manifest = JSON.parse(
        fs.readFileSync(path.join(REPO_ROOT, folder, 'package.json'), 'utf8'),
      ) as Manifest;
      assert.equal(manifest.name, name);
      assert.equal(manifest.license, 'MIT');
      assert.deepEqual(manifest.repository, {
        type: 'git',
        url: 'https://github.com/loopguard/loopguard.git',
        directory: folder,
      });
      assert.equal(manifest.bugs?.url, 'https://github.com/loopguard/loopguard/issues');
      assert.match(manifest.homepage ?? '', /^https:\/\/github\.com\/loopguard\/loopguard\b/);
      assert.ok((manifest.keywords ?? []).includes('eslint'), `${name} keywords`);
      assert.ok(manifest.exports?.['.'], `${name} exports .`);
      assert.deepEqual(
        Object.keys(manifest.dependencies ?? {}).filter((dependency) =>
          dependency.startsWith('@types/'),
        ),
        [],
        `${name} has no @types/* dependency (they would change the user's own types)`,
      );
    }
  });

  it('the plugin peers on the ESLint and TypeScript versions Loopguard supports', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'eslint-plugin', 'package.json'), 'utf8'),
    ) as Manifest;
    assert.deepEqual(manifest.peerDependencies, {
      eslint: '^9.0.0 || ^10.0.0',
      typescript: '>=5.5.0 <6.1.0',
    });
  });
});
