// The thread that serves the LSP connection stays light: it never loads TypeScript or ESLint (the lint worker
// does), so it starts fast and answers while a lint runs. Only the extension imports `vscode`: the plugin and the
// server run outside VS Code. And the server reaches the plugin through its entry, as any host would.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../support/paths';
import { PROCESS_BUDGET_MS } from '../support/budgets';

describe('language server layering', () => {
  it('loads neither TypeScript nor ESLint on the connection thread', () => {
    const server = path.join(REPO_ROOT, 'server', 'dist', 'language-server', 'main.js');
    const probe = `require(${JSON.stringify(server)}); console.log(JSON.stringify(Object.keys(require.cache).filter((file) => /node_modules[\\\\/](typescript|eslint|@typescript-eslint)[\\\\/]/.test(file))));`;
    const child = spawnSync(process.execPath, ['-e', probe], {
      encoding: 'utf8',
      timeout: PROCESS_BUDGET_MS,
    });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), []);
  });

  it('imports vscode nowhere outside extension/', () => {
    const importsVscode = /(?:from|import|require\()\s*['"]vscode['"]/;
    const offenders = ['eslint-plugin/src', 'server/src'].flatMap((folder) =>
      fs
        .readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter(
          (file) =>
            file.endsWith('.ts') &&
            importsVscode.test(fs.readFileSync(path.join(REPO_ROOT, folder, file), 'utf8')),
        )
        .map((file) => `${folder}/${file}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('reaches eslint-plugin-loopguard from server/ only through its entry, never a dist/ path', () => {
    const deepImport = /(?:from|import|require\()\s*['"]eslint-plugin-loopguard\//;
    const offenders = fs
      .readdirSync(path.join(REPO_ROOT, 'server', 'src'), { recursive: true, encoding: 'utf8' })
      .filter(
        (file) =>
          file.endsWith('.ts') &&
          deepImport.test(fs.readFileSync(path.join(REPO_ROOT, 'server', 'src', file), 'utf8')),
      );
    assert.deepEqual(offenders, []);
  });
});
