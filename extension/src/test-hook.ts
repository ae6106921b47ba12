// For the end-to-end test only: when LOOPGUARD_VSCODE_STATE_FILE names a file, the extension writes to it what the
// VS Code API shows (`vscode.languages.getDiagnostics()` from Loopguard, and the status item) whenever that changes,
// so that the test checks the API as well as the screen. Nothing happens without the variable.
import * as fs from 'node:fs';

import * as vscode from 'vscode';

import type { StatusSnapshot } from './status';

export const STATE_FILE_VARIABLE = 'LOOPGUARD_VSCODE_STATE_FILE';

interface DiagnosticRecord {
  code: string | undefined;
  message: string;
  severity: string;
  line: number;
  character: number;
}

export interface ApiState {
  diagnostics: Record<string, DiagnosticRecord[]>;
  status: StatusSnapshot | undefined;
  /** How many times the language client reached the running state (a restart adds one). */
  serverStarts: number;
}

export class ApiStateWriter implements vscode.Disposable {
  private readonly file = process.env[STATE_FILE_VARIABLE];
  private status: StatusSnapshot | undefined;
  private serverStarts = 0;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = this.file
      ? vscode.languages.onDidChangeDiagnostics(() => this.write())
      : new vscode.Disposable(() => undefined);
  }

  statusChanged(status: StatusSnapshot): void {
    this.status = status;
    if (this.file) this.write();
  }

  serverStarted(): void {
    this.serverStarts++;
    if (this.file) this.write();
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private write(): void {
    if (!this.file) return;
    const diagnostics: ApiState['diagnostics'] = {};
    for (const [uri, list] of vscode.languages.getDiagnostics()) {
      const ours = list.filter((diagnostic) => diagnostic.source === 'loopguard');
      if (ours.length === 0) continue;
      diagnostics[uri.fsPath] = ours.map((diagnostic) => ({
        code: codeOf(diagnostic.code),
        message: diagnostic.message,
        severity: vscode.DiagnosticSeverity[diagnostic.severity],
        line: diagnostic.range.start.line,
        character: diagnostic.range.start.character,
      }));
    }
    const state: ApiState = { diagnostics, status: this.status, serverStarts: this.serverStarts };
    // Written whole and renamed, so the test never reads half a file.
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(state, null, 2));
    fs.renameSync(temporary, this.file);
  }
}

function codeOf(code: vscode.Diagnostic['code']): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}
