// The extension's bundled language server (extension/dist, as the .vsix ships it) works on its own: copied out of the
// repository, where no node_modules of ours can stand in for what the bundle lacks, it starts, finds its lint worker,
// loads the TypeScript shipped next to it with its default libraries, gives a plain JavaScript file without types of
// its own the Node types it ships, and reuses unchanged syntax between versions of a file (`syntax-reuse.ts`).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { LspSession } from '../support/lsp-client';
import { REPO_ROOT } from '../support/paths';
import { createTempProject, removeTempProjects } from '../support/temp-project';

const PLAIN_JS = [
  "const fs = require('fs');",
  'async function save() {}',
  // A request handler (its `request` parameter), where a one-off read is reported.
  'async function load(request) {',
  '  save();',
  "  return fs.readFileSync(request.file, 'utf8');",
  '}',
  'module.exports = { load };',
  '',
].join('\n');

describe('the extension bundle', function () {
  this.timeout(120_000);
  let copy: string;
  let session: LspSession | undefined;

  before(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-bundle-'));
    fs.cpSync(path.join(REPO_ROOT, 'extension', 'dist'), path.join(copy, 'dist'), {
      recursive: true,
    });
  });
  after(() => {
    session?.kill();
    fs.rmSync(copy, { recursive: true, force: true });
    removeTempProjects();
  });

  it('lints a plain JavaScript project with the bundled server, worker, TypeScript and Node types', async () => {
    const root = createTempProject({ 'load.js': PLAIN_JS });
    ({ session } = await LspSession.start({
      folders: [root],
      server: path.join(copy, 'dist', 'server.js'),
    }));
    const uri = await session.open(path.join(root, 'load.js'), 'javascript');
    const published = await session.nextDiagnostics(uri, 0);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => [
        diagnostic.code,
        diagnostic.range.start.line,
        diagnostic.range.start.character,
      ]),
      [
        ['loopguard/no-floating-promises', 3, 2],
        ['loopguard/no-blocking-in-async', 4, 9],
      ],
    );
    assert.equal(session.stderr, '');
    // The bundle reaches the typescript-estree modules it carries, so syntax reuse is on (it logs when it is not).
    assert.deepEqual(
      session.logs.filter((log) => log.message.includes('Converting each version')),
      [],
    );
  });
});
