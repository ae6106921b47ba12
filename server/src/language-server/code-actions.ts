// Pure conversion of lint findings into LSP code actions: each autofix and suggestion, "disable for this line/file"
// comments, the rule's docs, and "fix all". Every action carries its `edit` directly, since eglot and ALE do not
// resolve code actions lazily.
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

import type { Finding, TextFix } from '../engine';
import { messageRange, type RuleDocs, toDiagnostic } from './diagnostics';
import { FIX_ALL_KIND, SHOW_RULE_DOCS_COMMAND } from './protocol';

export const FIX_ALL_TITLE = 'Fix all auto-fixable Loopguard problems';
export const FIX_ALL_WITH_SUGGESTIONS_TITLE =
  'Fix all Loopguard problems (autofixes and preferred suggestions)';

export interface QuickFixRequest {
  uri: string;
  /** The text the findings were computed on; it must be the document's current text. */
  text: string;
  findings: readonly Finding[];
  /** The documentation of the rules that reported. */
  docs: RuleDocs;
  /** The range the client asks about: findings that touch it get actions. */
  range: Range;
}

/**
 * For each finding that touches the range, in this order: its autofix (preferred), its suggestions (the first is
 * the rule's preferred one), "disable for this line", "disable for this file", and "show documentation".
 */
export function quickFixActions({
  uri,
  text,
  findings,
  docs,
  range,
}: QuickFixRequest): CodeAction[] {
  const document = TextDocument.create(uri, 'typescript', 0, text);
  const actions: CodeAction[] = [];
  const touching = findings.filter((finding) =>
    touches(messageRange(finding.message, document), range),
  );
  for (const finding of touching) {
    const { message } = finding;
    const diagnostic = toDiagnostic(finding, document, docs);
    const ruleId = message.ruleId;
    if (message.fix) {
      const title = ruleId ? `Fix this ${ruleId} problem` : 'Fix this problem';
      actions.push(editAction(title, uri, diagnostic, [textEditOf(document, message.fix)], true));
    }
    for (const [index, suggestion] of (message.suggestions ?? []).entries()) {
      actions.push(
        editAction(
          suggestion.desc,
          uri,
          diagnostic,
          [textEditOf(document, suggestion.fix)],
          !message.fix && index === 0,
        ),
      );
    }
  }
  // One set of comment and docs actions per rule, even when several of its findings touch the range.
  const seenRules = new Set<string>();
  for (const finding of touching) {
    const ruleId = finding.message.ruleId;
    if (!ruleId || seenRules.has(ruleId)) continue;
    seenRules.add(ruleId);
    const diagnostic = toDiagnostic(finding, document, docs);
    const docsUrl = docs[ruleId];
    actions.push(
      editAction(
        `Disable ${ruleId} for this line`,
        uri,
        diagnostic,
        [disableForLineEdit(document, finding.message.line - 1, ruleId)],
        false,
      ),
    );
    actions.push(
      editAction(
        `Disable ${ruleId} for this file`,
        uri,
        diagnostic,
        [disableForFileEdit(document, ruleId)],
        false,
      ),
    );
    if (docsUrl) {
      actions.push({
        title: `Show documentation for ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: {
          title: `Show documentation for ${ruleId}`,
          command: SHOW_RULE_DOCS_COMMAND,
          arguments: [docsUrl],
        },
      });
    }
  }
  return actions;
}

/** "Fix all": one edit from the linted text to the fixed text, or nothing when the fixes change nothing. */
export function fixAllAction(
  uri: string,
  text: string,
  fixedText: string | undefined,
  withSuggestions: boolean,
): CodeAction | undefined {
  if (fixedText === undefined || fixedText === text) return undefined;
  const document = TextDocument.create(uri, 'typescript', 0, text);
  return {
    title: withSuggestions ? FIX_ALL_WITH_SUGGESTIONS_TITLE : FIX_ALL_TITLE,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [minimalEdit(document, fixedText)] } },
  };
}

/** Whether a "fix all" could change anything: some finding has an autofix, or (with suggestions) a suggestion. */
export function hasFixAllCandidates(
  findings: readonly Finding[],
  withSuggestions: boolean,
): boolean {
  return findings.some(
    ({ message }) =>
      message.fix !== undefined || (withSuggestions && (message.suggestions?.length ?? 0) > 0),
  );
}

/**
 * Whether the client asked for this kind: `only` lists kinds and a kind matches its own prefixes
 * (`source` and `source.fixAll` both ask for `source.fixAll.loopguard`). No `only` asks for everything.
 */
export function isKindRequested(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * Whether a code-action request asks for the fix-all: only when its `only` names it (`source.fixAll`, `source`, or
 * ours). A request without `only` is a menu or a lightbulb, which lists quick fixes and must not wait for a fix-all.
 */
export function isFixAllRequested(only: readonly string[] | undefined): boolean {
  return only !== undefined && only.length > 0 && isKindRequested(FIX_ALL_KIND, only);
}

export function textEditOf(document: TextDocument, fix: TextFix): TextEdit {
  return {
    range: { start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1]) },
    newText: fix.text,
  };
}

/** The smallest single edit that turns the document's text into `newText` (so the cursor and folds stay put). */
export function minimalEdit(document: TextDocument, newText: string): TextEdit {
  const oldText = document.getText();
  let prefix = 0;
  const shorter = Math.min(oldText.length, newText.length);
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) ===
      newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a surrogate pair: a position between its halves does not exist for a client counting in UTF-8.
  if (prefix > 0 && isHighSurrogate(oldText.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - suffix))) suffix--;
  return {
    range: {
      start: document.positionAt(prefix),
      end: document.positionAt(oldText.length - suffix),
    },
    newText: newText.slice(prefix, newText.length - suffix),
  };
}

/**
 * `// eslint-disable-next-line <rule>` above the line, with its indentation; when the line above already is such a
 * comment, the rule is added to its list instead.
 */
export function disableForLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const lines = document.getText().split(/\r?\n/);
  const current = lines[line] ?? '';
  const previous = line > 0 ? lines[line - 1] : undefined;
  const existing =
    previous === undefined
      ? undefined
      : /^(\s*\/\/\s*eslint-disable-next-line\s+)(\S[^\n]*?)\s*(--.*)?$/.exec(previous);
  if (existing && previous !== undefined && existing[3] === undefined) {
    const end = { line: line - 1, character: previous.length };
    return { range: { start: end, end }, newText: `, ${ruleId}` };
  }
  const indentation = /^\s*/.exec(current)?.[0] ?? '';
  const start = { line, character: 0 };
  return {
    range: { start, end: start },
    newText: `${indentation}// eslint-disable-next-line ${ruleId}${lineBreakOf(document)}`,
  };
}

/** `/* eslint-disable <rule> *\/` at the top of the file, after a `#!` line if there is one. */
export function disableForFileEdit(document: TextDocument, ruleId: string): TextEdit {
  const line = document.getText().startsWith('#!') ? 1 : 0;
  const start = { line, character: 0 };
  return {
    range: { start, end: start },
    newText: `/* eslint-disable ${ruleId} */${lineBreakOf(document)}`,
  };
}

function editAction(
  title: string,
  uri: string,
  diagnostic: Diagnostic,
  edits: TextEdit[],
  isPreferred: boolean,
): CodeAction {
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: edits } },
  };
  if (isPreferred) action.isPreferred = true;
  return action;
}

function touches(a: Range, b: Range): boolean {
  return !isBefore(a.end, b.start) && !isBefore(b.end, a.start);
}

function isBefore(
  a: { line: number; character: number },
  b: { line: number; character: number },
): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function lineBreakOf(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
