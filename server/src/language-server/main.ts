// `loopguard-language-server`: the process entry point. It checks its arguments and starts the server on the
// transport they name (`--stdio` for every editor; `--node-ipc` and `--socket=N` as vscode-languageserver offers).
import { format } from 'node:util';

import {
  type Connection,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

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
    process.stderr.write(
      `loopguard-language-server: say how to talk to the editor, e.g. --stdio\n\n${USAGE}\n`,
    );
    process.exitCode = 2;
    return;
  }
  if (argv.includes('--stdio')) {
    startOnStdio();
    return;
  }
  // createConnection reads the other transports from process.argv.
  startServer(createConnection(ProposedFeatures.all));
}

/**
 * The server on stdin and stdout, with the reader in hand: a message that is not JSON is logged and skipped, and a
 * header that cannot be read (after which no message boundary can be trusted) ends the process with a message on
 * stderr, rather than leaving a server that can no longer hear its client.
 */
function startOnStdio(): void {
  const reader = new StreamMessageReader(process.stdin);
  const connection = createConnection(
    ProposedFeatures.all,
    reader,
    new StreamMessageWriter(process.stdout),
  );
  routeConsoleToClient(connection);
  const server = startServer(connection);
  const exitCode = (): number => (server.shutdownReceived() ? 0 : 1);
  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      connection.console.error(
        `A message from the client is not valid JSON and was ignored: ${error.message}`,
      );
      return;
    }
    process.stderr.write(
      `loopguard-language-server: the client's messages cannot be read any more (${error.message}); exiting.\n`,
    );
    process.exit(1);
  });
  // A client that goes away closes its end of the pipe; the server goes with it (the lint worker is a thread of it).
  process.stdin.on('end', () => process.exit(exitCode()));
  process.stdin.on('close', () => process.exit(exitCode()));
}

/** stdout carries the protocol, so anything a library prints goes to the client's log instead. */
function routeConsoleToClient(connection: Connection): void {
  const print =
    (write: (message: string) => void) =>
    (...args: unknown[]) =>
      write(format(...args));
  console.log = print((message) => connection.console.log(message));
  console.info = print((message) => connection.console.info(message));
  console.debug = print((message) => connection.console.log(message));
  console.warn = print((message) => connection.console.warn(message));
  console.error = print((message) => connection.console.error(message));
}
