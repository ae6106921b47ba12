// The thread that serves the LSP connection stays light: it never loads TypeScript or ESLint (the lint worker
// does), so it starts fast and answers while a lint runs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { REPO_ROOT } from '../support/paths';

describe('language server layering', () => {
  it('loads neither TypeScript nor ESLint on the connection thread', () => {
    const server = path.join(REPO_ROOT, 'server', 'dist', 'language-server', 'main.js');
    const probe = `require(${JSON.stringify(server)}); console.log(JSON.stringify(Object.keys(require.cache).filter((file) => /node_modules[\\\\/](typescript|eslint|@typescript-eslint)[\\\\/]/.test(file))));`;
    const child = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), []);
  });
});
