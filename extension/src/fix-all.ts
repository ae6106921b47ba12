// "Loopguard: Fix all auto-fixable problems": asks the server for its `source.fixAll.loopguard` action on the active
// file (the same action fix-on-save applies) and applies its edit. With `loopguard.fixAll.includeSuggestions` the
// server includes each finding's preferred suggestion.
import * as vscode from 'vscode';
import { CodeActionRequest, type LanguageClient } from 'vscode-languageclient/node';

import { FIX_ALL_KIND } from 'loopguard/protocol';

import { LANGUAGES } from './manifest';

export async function fixAllInActiveEditor(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !(LANGUAGES as readonly string[]).includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage(
      'Loopguard: open a JavaScript or TypeScript file to fix its problems.',
    );
    return;
  }
  if (!client.isRunning()) {
    void vscode.window.showWarningMessage(
      'Loopguard: the server is not running; restart it with "Loopguard: Restart server".',
    );
    return;
  }
  const document = editor.document;
  const version = document.version;
  const whole = new vscode.Range(
    new vscode.Position(0, 0),
    document.lineAt(document.lineCount - 1).range.end,
  );
  const actions = await client.sendRequest(CodeActionRequest.type, {
    textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document),
    range: client.code2ProtocolConverter.asRange(whole),
    context: { diagnostics: [], only: [FIX_ALL_KIND] },
  });
  const fixAll = actions?.find((action) => 'kind' in action && action.kind === FIX_ALL_KIND);
  if (!fixAll || !('edit' in fixAll) || !fixAll.edit) {
    vscode.window.setStatusBarMessage('Loopguard: nothing to fix automatically', 3_000);
    return;
  }
  // The edit was computed for this version; typing meanwhile would put it in the wrong places.
  if (document.version !== version) {
    void vscode.window.showWarningMessage(
      'Loopguard: the file changed while its fixes were computed; run the command again.',
    );
    return;
  }
  const applied = await vscode.workspace.applyEdit(
    await client.protocol2CodeConverter.asWorkspaceEdit(fixAll.edit),
  );
  if (!applied)
    void vscode.window.showWarningMessage('Loopguard: VS Code did not apply the fixes.');
}
