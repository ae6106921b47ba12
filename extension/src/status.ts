// The language status item ("{ }" in the status bar, next to the language mode) for Loopguard: whether the server
// runs, when the active file was last linted and how long after the edit its findings came, and a warning when a
// lint of that file was slow or went over its time budget (from the server's `loopguard/slowLint`).
import * as vscode from 'vscode';

import type { SlowLintParams } from 'loopguard/protocol';

import { COMMANDS } from './manifest';

export type ServerState = 'starting' | 'running' | 'stopped';

interface LintRecord {
  at: Date;
  /** From the last edit (or open, or save) the client sent to the findings it got back. */
  latencyMs: number | undefined;
}

/** What the item shows, also written out by the test hook. */
export interface StatusSnapshot {
  state: ServerState;
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
}

const SEVERITY_NAMES = new Map<vscode.LanguageStatusSeverity, StatusSnapshot['severity']>([
  [vscode.LanguageStatusSeverity.Information, 'information'],
  [vscode.LanguageStatusSeverity.Warning, 'warning'],
  [vscode.LanguageStatusSeverity.Error, 'error'],
]);

export class LoopguardStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private state: ServerState = 'starting';
  /** When the client last sent each document's text, awaiting its findings. */
  private readonly sent = new Map<string, number>();
  private readonly lints = new Map<string, LintRecord>();
  private readonly slow = new Map<string, SlowLintParams>();

  constructor(
    selector: vscode.DocumentSelector,
    private readonly onChange: (snapshot: StatusSnapshot) => void = () => undefined,
  ) {
    this.item = vscode.languages.createLanguageStatusItem('loopguard.status', selector);
    this.item.name = 'Loopguard';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
  }

  setState(state: ServerState): void {
    this.state = state;
    if (state !== 'running') this.sent.clear();
    this.render();
  }

  /** The client sent a document's text (open, change, save): its findings are on their way. */
  textSent(uri: string): void {
    this.sent.set(uri, performance.now());
  }

  findingsReceived(uri: string): void {
    const sentAt = this.sent.get(uri);
    this.sent.delete(uri);
    // A re-lint nobody typed for (settings, an imported file) keeps the latency of the last edit.
    const latencyMs =
      sentAt === undefined
        ? this.lints.get(uri)?.latencyMs
        : Math.round(performance.now() - sentAt);
    this.lints.set(uri, { at: new Date(), latencyMs });
    // The server publishes before it reports a slow lint, so a fresh result clears the old warning first.
    this.slow.delete(uri);
    this.render();
  }

  slowLint(params: SlowLintParams): void {
    this.slow.set(params.uri, params);
    this.render();
  }

  forget(uri: string): void {
    this.sent.delete(uri);
    this.lints.delete(uri);
    this.slow.delete(uri);
  }

  snapshot(): StatusSnapshot {
    return {
      state: this.state,
      text: this.item.text,
      detail: this.item.detail ?? '',
      severity: SEVERITY_NAMES.get(this.item.severity) ?? 'information',
    };
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private render(): void {
    const item = this.item;
    item.busy = this.state === 'starting';
    item.command = { command: COMMANDS.showOutput.command, title: 'Show output' };
    if (this.state === 'starting') {
      item.text = 'Loopguard: starting';
      item.detail = '';
      item.severity = vscode.LanguageStatusSeverity.Information;
    } else if (this.state === 'stopped') {
      item.text = 'Loopguard: stopped';
      item.detail = 'The server is not running';
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.command = { command: COMMANDS.restartServer.command, title: 'Restart' };
    } else {
      this.renderRunning(vscode.window.activeTextEditor?.document.uri.toString());
    }
    this.onChange(this.snapshot());
  }

  private renderRunning(uri: string | undefined): void {
    const item = this.item;
    const slow = uri === undefined ? undefined : this.slow.get(uri);
    if (slow) {
      const seconds = (slow.durationMs / 1000).toFixed(1);
      item.text = slow.abandoned
        ? 'Loopguard: lint over budget'
        : `Loopguard: slow lint (${seconds} s)`;
      item.detail = slow.abandoned
        ? `Stopped after ${seconds} s (loopguard.lintTimeBudgetMs is ${slow.budgetMs}); no findings shown`
        : `The last lint of this file took ${seconds} s`;
      item.severity = vscode.LanguageStatusSeverity.Warning;
      item.command = {
        command: 'workbench.action.openSettings',
        title: 'Time budget',
        arguments: ['loopguard.lintTimeBudgetMs'],
      };
      return;
    }
    const lint = uri === undefined ? undefined : this.lints.get(uri);
    item.text = 'Loopguard';
    item.severity = vscode.LanguageStatusSeverity.Information;
    if (!lint) {
      item.detail = 'Running; this file has not been linted yet';
      return;
    }
    const at = lint.at.toLocaleTimeString();
    item.detail =
      lint.latencyMs === undefined
        ? `Linted at ${at}`
        : `Linted at ${at}; findings ${lint.latencyMs} ms after the last edit`;
  }
}
