// `loopguard-language-server`: the process entry point. It checks its arguments and starts the server on the
// transport they name (`--stdio` for every editor; `--node-ipc` and `--socket=N` as vscode-languageserver offers).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

import { startServer } from './server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../package.json') as { version: string };

const TRANSPORTS = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

export const USAGE = [
  'Usage: loopguard-language-server --stdio',
  '',
  'The Loopguard language server: live diagnostics and quick fixes for async mistakes in JavaScript and',
  'TypeScript, for any LSP editor. It speaks LSP on stdin/stdout with --stdio.',
  '',
  'Options:',
  '  --stdio         talk LSP over stdin and stdout',
  '  -h, --help      show this help',
  '  -v, --version   show the version',
].join('\n');

export function main(argv: readonly string[] = process.argv.slice(2)): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (!argv.some((argument) => TRANSPORTS.test(argument))) {
    process.stderr.write(`loopguard-language-server: say how to talk to the editor, e.g. --stdio\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  // createConnection reads the transport from process.argv.
  startServer(createConnection(ProposedFeatures.all));
}
