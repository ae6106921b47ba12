// The Loopguard extension: a thin client that starts the bundled Loopguard language server and connects it to
// VS Code. The server does the linting, the fixes and reads the settings; the extension adds the commands, the
// language status item, and Workspace Trust (an untrusted workspace is linted with the built-in config only).
import * as vscode from 'vscode';
import {
  LanguageClient,
  NotificationType,
  RevealOutputChannelOn,
  State,
  TransportKind,
} from 'vscode-languageclient/node';

import {
  type InitializationOptions,
  SLOW_LINT_METHOD,
  type SlowLintParams,
} from 'loopguard/protocol';

import { fixAllInActiveEditor } from './fix-all';
import { COMMANDS, LANGUAGES } from './manifest';
import { LoopguardStatus } from './status';
import { ApiStateWriter } from './test-hook';

/** The client's id: vscode-languageclient reads `loopguard.trace.server` under it. */
const CLIENT_ID = 'loopguard';
const SlowLintNotification = new NotificationType<SlowLintParams>(SLOW_LINT_METHOD);

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const selector = LANGUAGES.map((language) => ({ scheme: 'file', language }));
  const output = vscode.window.createOutputChannel('Loopguard', { log: true });
  const apiState = new ApiStateWriter();
  const status = new LoopguardStatus(selector, (snapshot) => apiState.statusChanged(snapshot));
  context.subscriptions.push(output, apiState, status);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const languageClient = new LanguageClient(
    CLIENT_ID,
    'Loopguard',
    {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: {
        module: serverModule,
        transport: TransportKind.ipc,
        options: { execArgv: ['--nolazy', '--inspect=6019'] },
      },
    },
    {
      documentSelector: selector,
      outputChannel: output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // Read again at each start, so a restart after the workspace is trusted tells the server.
      initializationOptions: (): InitializationOptions => ({
        untrustedWorkspace: !vscode.workspace.isTrusted,
        showsSlowLints: true,
      }),
      middleware: {
        didOpen: (document, next) => {
          status.textSent(document.uri.toString());
          return next(document);
        },
        didChange: (event, next) => {
          status.textSent(event.document.uri.toString());
          return next(event);
        },
        didSave: (document, next) => {
          status.textSent(document.uri.toString());
          return next(document);
        },
        didClose: (document, next) => {
          status.forget(document.uri.toString());
          return next(document);
        },
        handleDiagnostics: (uri, diagnostics, next) => {
          status.findingsReceived(uri.toString());
          next(uri, diagnostics);
        },
      },
    },
  );
  client = languageClient;

  const warnedOverBudget = new Set<string>();
  context.subscriptions.push(
    languageClient.onDidChangeState(({ newState }) => {
      status.setState(
        newState === State.Running
          ? 'running'
          : newState === State.Starting
            ? 'starting'
            : 'stopped',
      );
      if (newState === State.Running) apiState.serverStarted();
    }),
    languageClient.onNotification(SlowLintNotification, (params) => {
      status.slowLint(params);
      if (params.abandoned && !warnedOverBudget.has(params.uri)) {
        warnedOverBudget.add(params.uri);
        void warnOverBudget(params);
      }
    }),
    vscode.commands.registerCommand(COMMANDS.fixAll.command, () =>
      fixAllInActiveEditor(languageClient),
    ),
    vscode.commands.registerCommand(COMMANDS.restartServer.command, async () => {
      output.info('Restarting the server.');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput.command, () => output.show(true)),
    // The server loads workspace code (eslint.config.*, plugins) only once the workspace is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      output.info(
        'The workspace is now trusted: restarting the server to use the workspace ESLint config.',
      );
      await languageClient.restart();
    }),
  );

  if (!vscode.workspace.isTrusted) {
    output.info(
      'Restricted mode: linting with the built-in recommended config; no eslint.config.* or plugin is loaded from the workspace.',
    );
  }
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function warnOverBudget(params: SlowLintParams): Promise<void> {
  const name = vscode.Uri.parse(params.uri).path.split('/').pop() ?? params.uri;
  const choice = await vscode.window.showWarningMessage(
    `Loopguard: linting ${name} took longer than its time budget (${params.budgetMs} ms) and was stopped, so its findings are not shown.`,
    'Change the budget',
    'Show output',
  );
  if (choice === 'Change the budget')
    await vscode.commands.executeCommand(
      'workbench.action.openSettings',
      'loopguard.lintTimeBudgetMs',
    );
  if (choice === 'Show output') await vscode.commands.executeCommand(COMMANDS.showOutput.command);
}
