// The pure converters from lint results to LSP diagnostics and code actions, on static tables of messages.
import * as assert from 'node:assert/strict';

import type { Linter } from 'eslint';
import type { Finding } from 'loopguard';
import {
  disableForFileEdit,
  disableForLineEdit,
  fixAllAction,
  hasFixAllCandidates,
  isKindRequested,
  minimalEdit,
  quickFixActions,
} from 'loopguard/internal/code-actions';
import { configProblemDiagnostic, toDiagnostics } from 'loopguard/internal/diagnostics';
import { TextDocument } from 'vscode-languageserver-textdocument';

const URI = 'file:///project/a.ts';
const TEXT =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';

function finding(message: Partial<Linter.LintMessage>, extra: Partial<Finding> = {}): Finding {
  return {
    message: {
      ruleId: 'loopguard/no-floating-promises',
      severity: 2,
      message: 'Not awaited.',
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 9,
      ...message,
    },
    related: [],
    ...extra,
  };
}

/** The docs of the rule the findings come from. */
const DOCS = { 'loopguard/no-floating-promises': 'https://example.com/no-floating-promises.md' };

function document(text: string): TextDocument {
  return TextDocument.create(URI, 'typescript', 1, text);
}

describe('language server converters', () => {
  describe('toDiagnostics', () => {
    it('turns 1-based lines and columns into a 0-based range, with source, code, docs link and severity', () => {
      assert.deepEqual(toDiagnostics([finding({})], TEXT, DOCS), [
        {
          range: { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } },
          severity: 1,
          source: 'loopguard',
          message: 'Not awaited.',
          code: 'loopguard/no-floating-promises',
          codeDescription: { href: 'https://example.com/no-floating-promises.md' },
        },
      ]);
    });

    it('maps warnings to Warning and leaves out a missing docs link', () => {
      const [diagnostic] = toDiagnostics([finding({ severity: 1 })], TEXT, {});
      assert.equal(diagnostic?.severity, 2);
      assert.equal(diagnostic?.codeDescription, undefined);
    });

    it('covers the rest of the line for a parsing error without an end, and has no code', () => {
      const [diagnostic] = toDiagnostics(
        [
          finding({
            ruleId: null,
            fatal: true,
            line: 2,
            column: 8,
            endLine: undefined,
            endColumn: undefined,
          }),
        ],
        TEXT,
        {},
      );
      assert.deepEqual(diagnostic?.range, {
        start: { line: 1, character: 7 },
        end: { line: 1, character: 29 },
      });
      assert.equal(diagnostic?.code, undefined);
    });

    it('turns related locations into relatedInformation with file URIs', () => {
      const related = [
        {
          filePath: '/project/helper.ts',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 20,
          message: 'The blocking call.',
        },
      ];
      const [diagnostic] = toDiagnostics([finding({}, { related })], TEXT, DOCS);
      assert.deepEqual(diagnostic?.relatedInformation, [
        {
          location: {
            uri: 'file:///project/helper.ts',
            range: { start: { line: 3, character: 2 }, end: { line: 3, character: 19 } },
          },
          message: 'The blocking call.',
        },
      ]);
    });

    it('clamps positions past the end of the text', () => {
      const [diagnostic] = toDiagnostics(
        [finding({ line: 9, column: 1, endLine: 9, endColumn: 4 })],
        'x;\n',
        DOCS,
      );
      assert.deepEqual(diagnostic?.range, {
        start: { line: 1, character: 0 },
        end: { line: 1, character: 0 },
      });
    });

    it('describes a broken tsconfig at the top of the file', () => {
      assert.deepEqual(
        configProblemDiagnostic({
          configPath: '/project/tsconfig.json',
          message: 'Unexpected token',
        }),
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 1,
          source: 'loopguard',
          message: 'Loopguard cannot lint this file: /project/tsconfig.json: Unexpected token',
        },
      );
    });
  });

  describe('quickFixActions', () => {
    const withFixes = finding({
      fix: { range: [60, 60], text: 'x' },
      suggestions: [
        { desc: 'Add `await`', fix: { range: [70, 70], text: 'await ' } },
        { desc: 'Mark with `void`', fix: { range: [70, 70], text: 'void ' } },
      ],
    });

    it('lists the autofix (preferred), the suggestions, the disable comments and the docs, each with its edit', () => {
      const actions = quickFixActions({
        uri: URI,
        text: TEXT,
        docs: DOCS,
        findings: [withFixes],
        range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } },
      });
      assert.deepEqual(
        actions.map((action) => [
          action.title,
          action.kind,
          action.isPreferred,
          action.edit?.changes?.[URI],
          action.command?.arguments,
        ]),
        [
          [
            'Fix this loopguard/no-floating-promises problem',
            'quickfix',
            true,
            [
              {
                range: { start: { line: 1, character: 20 }, end: { line: 1, character: 20 } },
                newText: 'x',
              },
            ],
            undefined,
          ],
          [
            'Add `await`',
            'quickfix',
            undefined,
            [
              {
                range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
                newText: 'await ',
              },
            ],
            undefined,
          ],
          [
            'Mark with `void`',
            'quickfix',
            undefined,
            [
              {
                range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
                newText: 'void ',
              },
            ],
            undefined,
          ],
          [
            'Disable loopguard/no-floating-promises for this line',
            'quickfix',
            undefined,
            [
              {
                range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
                newText: '  // eslint-disable-next-line loopguard/no-floating-promises\n',
              },
            ],
            undefined,
          ],
          [
            'Disable loopguard/no-floating-promises for this file',
            'quickfix',
            undefined,
            [
              {
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                newText: '/* eslint-disable loopguard/no-floating-promises */\n',
              },
            ],
            undefined,
          ],
          [
            'Show documentation for loopguard/no-floating-promises',
            'quickfix',
            undefined,
            undefined,
            ['https://example.com/no-floating-promises.md'],
          ],
        ],
      );
    });

    it('marks the first suggestion preferred when there is no autofix', () => {
      const actions = quickFixActions({
        uri: URI,
        text: TEXT,
        docs: DOCS,
        findings: [finding({ suggestions: withFixes.message.suggestions })],
        range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } },
      });
      assert.deepEqual(
        actions.slice(0, 2).map((action) => [action.title, action.isPreferred]),
        [
          ['Add `await`', true],
          ['Mark with `void`', undefined],
        ],
      );
    });

    it('offers nothing for a range that touches no finding', () => {
      assert.deepEqual(
        quickFixActions({
          uri: URI,
          text: TEXT,
          docs: DOCS,
          findings: [withFixes],
          range: { start: { line: 0, character: 0 }, end: { line: 1, character: 3 } },
        }),
        [],
      );
    });

    it('offers the comment and docs actions once per rule when two findings of a rule touch the range', () => {
      const second = finding({ line: 3, column: 3, endLine: 3, endColumn: 5 });
      const actions = quickFixActions({
        uri: URI,
        text: TEXT,
        docs: DOCS,
        findings: [finding({}), second],
        range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } },
      });
      assert.deepEqual(
        actions.map((action) => action.title),
        [
          'Disable loopguard/no-floating-promises for this line',
          'Disable loopguard/no-floating-promises for this file',
          'Show documentation for loopguard/no-floating-promises',
        ],
      );
    });
  });

  describe('disable comments', () => {
    it('adds the rule to an existing eslint-disable-next-line comment above the line', () => {
      const text = 'f();\n  // eslint-disable-next-line other/rule\n  save();\n';
      assert.deepEqual(disableForLineEdit(document(text), 2, 'loopguard/x'), {
        range: { start: { line: 1, character: 40 }, end: { line: 1, character: 40 } },
        newText: ', loopguard/x',
      });
    });

    it('keeps CRLF line breaks', () => {
      assert.equal(
        disableForLineEdit(document('a;\r\nb;\r\n'), 1, 'loopguard/x').newText,
        '// eslint-disable-next-line loopguard/x\r\n',
      );
      assert.equal(
        disableForFileEdit(document('a;\r\n'), 'loopguard/x').newText,
        '/* eslint-disable loopguard/x */\r\n',
      );
    });

    it('puts the file comment after a #! line', () => {
      assert.deepEqual(
        disableForFileEdit(document('#!/usr/bin/env node\nrun();\n'), 'loopguard/x').range.start,
        { line: 1, character: 0 },
      );
    });
  });

  describe('fix all', () => {
    it('is one minimal edit from the linted text to the fixed text', () => {
      const fixed = TEXT.replace('  save();', '  await save();');
      assert.deepEqual(fixAllAction(URI, TEXT, fixed, true), {
        title: 'Fix all Loopguard problems (autofixes and preferred suggestions)',
        kind: 'source.fixAll.loopguard',
        edit: {
          changes: {
            [URI]: [
              {
                range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } },
                newText: 'await ',
              },
            ],
          },
        },
      });
    });

    it('is absent when the fixes change nothing', () => {
      assert.equal(fixAllAction(URI, TEXT, undefined, false), undefined);
      assert.equal(fixAllAction(URI, TEXT, TEXT, false), undefined);
    });

    it('has candidates only where an autofix exists, or a suggestion when suggestions count', () => {
      const suggestionOnly = finding({
        suggestions: [{ desc: 'Add `await`', fix: { range: [0, 0], text: 'await ' } }],
      });
      assert.equal(hasFixAllCandidates([suggestionOnly], false), false);
      assert.equal(hasFixAllCandidates([suggestionOnly], true), true);
      assert.equal(
        hasFixAllCandidates([finding({ fix: { range: [0, 0], text: '' } })], false),
        true,
      );
    });

    it('never splits a surrogate pair in the minimal edit', () => {
      assert.deepEqual(minimalEdit(document('a\u{1F600}b'), 'a\u{1F601}b'), {
        range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } },
        newText: '\u{1F601}',
      });
    });
  });

  it('matches requested code action kinds by prefix', () => {
    assert.equal(isKindRequested('source.fixAll.loopguard', undefined), true);
    assert.equal(isKindRequested('source.fixAll.loopguard', ['source']), true);
    assert.equal(isKindRequested('source.fixAll.loopguard', ['source.fixAll']), true);
    assert.equal(isKindRequested('source.fixAll.loopguard', ['quickfix']), false);
    assert.equal(isKindRequested('quickfix', ['source.fixAll']), false);
    assert.equal(isKindRequested('source.fixAllx', ['source.fixAll']), false);
  });
});
