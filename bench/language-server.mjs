// Latency of the language server as an editor sees it: open → first diagnostics (server start and program build
// included), change → diagnostics for the edited file, and an unsaved edit of an imported file → diagnostics of the
// open importer. Run after `npm run build`: `node bench/language-server.mjs [modules]` (default 60 modules).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const SERVER = fileURLToPath(
  new URL('../server/bin/loopguard-language-server.js', import.meta.url),
);
const MODULES = Number(process.argv[2] ?? 60);
const CHANGES = 20;

/** A chain of modules, each importing the one before, and a caller of the last one. */
function writeProject(root) {
  fs.writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
      },
    }),
  );
  for (let index = 0; index < MODULES; index++) {
    const previous = index === 0 ? '' : `import { step${index - 1} } from './m${index - 1}.js';\n`;
    const body = index === 0 ? 'return value + 1;' : `return step${index - 1}(value) + 1;`;
    fs.writeFileSync(
      path.join(root, `m${index}.ts`),
      `${previous}export function step${index}(value: number): number {\n  ${body}\n}\n`,
    );
  }
  fs.writeFileSync(
    path.join(root, 'main.ts'),
    `import { step0 } from './m0.js';\nexport async function main() {\n  step0(1);\n}\n`,
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-bench-')));
writeProject(root);
const uri = (name) => pathToFileURL(path.join(root, name)).href;
const waiters = [];
const child = spawn(process.execPath, [SERVER, '--stdio'], {
  cwd: root,
  stdio: ['pipe', 'pipe', 'inherit'],
});
const connection = createProtocolConnection(
  new StreamMessageReader(child.stdout),
  new StreamMessageWriter(child.stdin),
);
connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  for (const waiter of [...waiters]) waiter(params);
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
connection.listen();

/** Resolves when diagnostics for `target` arrive that satisfy `test`. */
function diagnostics(target, test = () => true) {
  return new Promise((resolve) => {
    const waiter = (params) => {
      if (params.uri !== target || !test(params)) return;
      waiters.splice(waiters.indexOf(waiter), 1);
      resolve(params);
    };
    waiters.push(waiter);
  });
}

const started = performance.now();
await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
  capabilities: { workspace: { configuration: true } },
});
await connection.sendNotification(InitializedNotification.type, {});
const mainUri = uri('main.ts');
const firstMain = diagnostics(mainUri);
await connection.sendNotification(DidOpenTextDocumentNotification.type, {
  textDocument: {
    uri: mainUri,
    languageId: 'typescript',
    version: 1,
    text: fs.readFileSync(path.join(root, 'main.ts'), 'utf8'),
  },
});
await firstMain;
const openMs = performance.now() - started;

const changeTimes = [];
for (let version = 2; version < 2 + CHANGES; version++) {
  const text = `import { step0 } from './m0.js';\nexport async function main() {\n  step0(${version});\n}\n`;
  const arrived = diagnostics(mainUri, (params) => params.version === version);
  const sent = performance.now();
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: mainUri, version },
    contentChanges: [{ text }],
  });
  await arrived;
  changeTimes.push(performance.now() - sent);
}

// Make m0's function async in an unsaved buffer: main.ts's call becomes a floating promise.
const m0Uri = uri('m0.ts');
const m0Text = fs.readFileSync(path.join(root, 'm0.ts'), 'utf8');
const m0Opened = diagnostics(m0Uri);
await connection.sendNotification(DidOpenTextDocumentNotification.type, {
  textDocument: { uri: m0Uri, languageId: 'typescript', version: 1, text: m0Text },
});
await m0Opened;
const crossTimes = [];
for (let version = 2; version < 2 + CHANGES; version++) {
  const makeAsync = version % 2 === 0;
  const text = makeAsync
    ? 'export async function step0(value: number): Promise<number> {\n  return value + 1;\n}\n'
    : m0Text;
  const arrived = diagnostics(
    mainUri,
    (params) => params.diagnostics.length === (makeAsync ? 1 : 0),
  );
  const sent = performance.now();
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: m0Uri, version },
    contentChanges: [{ text }],
  });
  await arrived;
  crossTimes.push(performance.now() - sent);
}

await connection.sendRequest(ShutdownRequest.type);
await connection.sendNotification(ExitNotification.type);
connection.dispose();
fs.rmSync(root, { recursive: true, force: true });

const format = (ms) => `${ms.toFixed(0)} ms`;
console.log(`project: ${MODULES + 1} modules`);
console.log(`open → first diagnostics (server start, program build): ${format(openMs)}`);
console.log(
  `change → diagnostics, median of ${CHANGES}: ${format(median(changeTimes))} (max ${format(Math.max(...changeTimes))})`,
);
console.log(
  `unsaved edit of an imported file → importer's diagnostics, median of ${CHANGES}: ${format(median(crossTimes))} (max ${format(Math.max(...crossTimes))})`,
);
