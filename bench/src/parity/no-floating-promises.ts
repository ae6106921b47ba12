// `npm run parity`: Loopguard's `no-floating-promises` scored on typescript-eslint's own test table for its rule of
// the same name, read at run time from a typescript-eslint checkout or mirror (never copied into this repository).
// Each case of the table runs in the typed fixture project (test/fixtures/typed); the score is the share of its
// invalid cases we report, the share of its valid cases we leave quiet, and the cases that throw. Cases with default
// options are scored apart from those whose options translate into ours (their `allowForKnownSafeCalls` and
// `allowForKnownSafePromises` into `allow`, the others by name); another parser setup or code we cannot read as a
// literal is counted apart.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import loopguard from 'eslint-plugin-loopguard';
import ts from 'typescript';

import type { ParityGroup, ParityScore } from '../corpus/report';
import { REPO_ROOT } from '../tools';

const TABLE_PATH = 'packages/eslint-plugin/tests/rules/no-floating-promises.test.ts';
const TYPED_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'typed');
const RULE_ID = 'loopguard/no-floating-promises';

/** typescript-eslint's defaults for its rule: a case whose options equal these runs as a default-options case. */
const THEIR_DEFAULTS: Record<string, unknown> = {
  allowForKnownSafeCalls: [],
  allowForKnownSafePromises: [],
  checkThenables: false,
  ignoreIIFE: false,
  ignoreVoid: true,
};

interface TableCase {
  kind: 'valid' | 'invalid';
  /** 1-based line of the case in the table, to find it again. */
  line: number;
  code?: string;
  filename?: string;
  /** The case's options translated into ours, when they differ from the defaults. */
  options?: Record<string, unknown>;
  /** Why the case is not scored, when it is not. */
  skipped?: string;
}

interface Outcome {
  tableCase: TableCase;
  reported: number;
  threw?: string;
}

function main(): number {
  const source = readTable();
  const cases = readCases(source.text);
  const outcomes: Outcome[] = [];
  const linter = new Linter({ configType: 'flat', cwd: TYPED_FIXTURES });
  for (const tableCase of cases) {
    if (tableCase.skipped || tableCase.code === undefined) continue;
    outcomes.push(runCase(linter, tableCase));
  }
  const score = report(source.from, cases, outcomes);
  if (process.argv.includes('--write')) {
    const file = path.join(REPO_ROOT, 'bench', 'corpus', 'parity.json');
    fs.writeFileSync(file, `${JSON.stringify(score, null, 2)}\n`);
    process.stdout.write(
      `wrote ${path.relative(REPO_ROOT, file)} (npm run corpus -- --reuse puts it in RESULTS.md)\n`,
    );
  }
  return 0;
}

function readTable(): { text: string; from: string } {
  const file = process.env.LOOPGUARD_PARITY_TABLE;
  if (file) return { text: fs.readFileSync(file, 'utf8'), from: file };
  const repository =
    process.env.LOOPGUARD_TSESLINT_REPO ??
    (process.env.LOOPGUARD_CORPUS_MIRRORS
      ? path.join(
          process.env.LOOPGUARD_CORPUS_MIRRORS,
          'typescript-eslint+typescript-eslint',
          'repo',
        )
      : undefined);
  if (!repository) {
    throw new Error(
      'parity: set LOOPGUARD_PARITY_TABLE to the test file, LOOPGUARD_TSESLINT_REPO to a typescript-eslint ' +
        'clone or bare mirror, or LOOPGUARD_CORPUS_MIRRORS to a folder holding typescript-eslint+typescript-eslint/repo',
    );
  }
  const shown = spawnSync('git', ['-C', repository, 'show', `HEAD:${TABLE_PATH}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (shown.status !== 0)
    throw new Error(`parity: git show HEAD:${TABLE_PATH} in ${repository} failed: ${shown.stderr}`);
  const head = spawnSync('git', ['-C', repository, 'rev-parse', '--short=12', 'HEAD'], {
    encoding: 'utf8',
  });
  return { text: shown.stdout, from: `${repository} at ${head.stdout.trim()}` };
}

/** The `valid` and `invalid` arrays of the table's `ruleTester.run(…)` call, read as literals. */
function readCases(text: string): TableCase[] {
  const file = ts.createSourceFile('table.ts', text, ts.ScriptTarget.Latest, true);
  let tests: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (
      !tests &&
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'run' &&
      node.arguments.length === 3 &&
      ts.isObjectLiteralExpression(node.arguments[2]!)
    ) {
      tests = node.arguments[2];
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!tests)
    throw new Error('parity: no ruleTester.run(name, rule, { valid, invalid }) in the table');
  const cases: TableCase[] = [];
  for (const property of tests.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    const kind = property.name.text;
    if (
      (kind !== 'valid' && kind !== 'invalid') ||
      !ts.isArrayLiteralExpression(property.initializer)
    )
      continue;
    for (const element of property.initializer.elements) cases.push(readCase(file, kind, element));
  }
  return cases;
}

function readCase(file: ts.SourceFile, kind: 'valid' | 'invalid', node: ts.Expression): TableCase {
  const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const code = stringOf(node);
  if (code !== undefined) return { kind, line, code };
  if (!ts.isObjectLiteralExpression(node)) return { kind, line, skipped: 'not a literal case' };
  const tableCase: TableCase = { kind, line };
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) {
      if (ts.isShorthandPropertyAssignment(property) || ts.isSpreadAssignment(property))
        return { kind, line, skipped: 'not a literal case' };
      continue;
    }
    const value = property.initializer;
    switch (property.name.text) {
      case 'code':
        tableCase.code = stringOf(value);
        if (tableCase.code === undefined) return { kind, line, skipped: 'code is not a literal' };
        break;
      case 'filename': {
        tableCase.filename = stringOf(value);
        break;
      }
      case 'options': {
        if (hasDefaultOptions(value)) break;
        if (literalValue(value) === undefined)
          return { kind, line, skipped: 'options not written as a literal' };
        const options = translatedOptions(value);
        if (!options) return { kind, line, skipped: 'options we have no counterpart for' };
        tableCase.options = options;
        break;
      }
      case 'languageOptions':
        return { kind, line, skipped: 'its own parser setup' };
      case 'only':
      case 'skip':
        if (value.kind === ts.SyntaxKind.TrueKeyword)
          return { kind, line, skipped: 'skipped there' };
        break;
      default:
        break;
    }
  }
  return tableCase;
}

/** The text of a string literal, a template without substitutions, or a tagged one such as `noFormat`. */
function stringOf(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTaggedTemplateExpression(node) && ts.isNoSubstitutionTemplateLiteral(node.template))
    return node.template.text;
  return undefined;
}

function hasDefaultOptions(node: ts.Expression): boolean {
  if (!ts.isArrayLiteralExpression(node)) return false;
  if (node.elements.length === 0) return true;
  const [first] = node.elements;
  if (node.elements.length !== 1 || !first || !ts.isObjectLiteralExpression(first)) return false;
  return first.properties.every((property) => {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) return false;
    const expected = THEIR_DEFAULTS[property.name.text];
    const value = property.initializer;
    if (expected === true) return value.kind === ts.SyntaxKind.TrueKeyword;
    if (expected === false) return value.kind === ts.SyntaxKind.FalseKeyword;
    if (Array.isArray(expected))
      return ts.isArrayLiteralExpression(value) && value.elements.length === 0;
    return false;
  });
}

/**
 * Their options as ours: `allowForKnownSafeCalls` and `allowForKnownSafePromises` are both our `allow` (a specifier
 * names a function or a promise type there, as here); `ignoreVoid`, `ignoreIIFE` and `checkThenables` have the same
 * names. `undefined` when an option has no counterpart or is not written as a literal.
 */
function translatedOptions(node: ts.Expression): Record<string, unknown> | undefined {
  if (!ts.isArrayLiteralExpression(node) || node.elements.length !== 1) return undefined;
  const theirs = literalValue(node.elements[0]!);
  if (typeof theirs !== 'object' || theirs === null || Array.isArray(theirs)) return undefined;
  const ours: Record<string, unknown> = {};
  const allow: unknown[] = [];
  for (const [name, value] of Object.entries(theirs)) {
    if (name === 'allowForKnownSafeCalls' || name === 'allowForKnownSafePromises') {
      if (!Array.isArray(value)) return undefined;
      allow.push(...(value as unknown[]));
      ours.allow = allow;
    } else if (name === 'ignoreVoid' || name === 'ignoreIIFE' || name === 'checkThenables') {
      if (typeof value !== 'boolean') return undefined;
      ours[name] = value;
    } else return undefined;
  }
  return ours;
}

/** A JSON-like literal (strings, booleans, numbers, arrays, objects with plain keys), or `undefined`. */
function literalValue(node: ts.Expression): unknown {
  const text = stringOf(node);
  if (text !== undefined) return text;
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isArrayLiteralExpression(node)) {
    const values = node.elements.map(literalValue);
    return values.includes(undefined) ? undefined : values;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const object: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) return undefined;
      const key = ts.isIdentifier(property.name)
        ? property.name.text
        : stringOf(property.name as ts.Expression);
      const value = literalValue(property.initializer);
      if (key === undefined || value === undefined) return undefined;
      object[key] = value;
    }
    return object;
  }
  return undefined;
}

function runCase(linter: Linter, tableCase: TableCase): Outcome {
  const extension = path.extname(tableCase.filename ?? 'file.ts');
  const fixtureFile = extension === '.tsx' ? 'react.tsx' : 'file.ts';
  try {
    const messages = linter.verify(
      tableCase.code!,
      [
        {
          files: ['**/*.{ts,tsx}'],
          languageOptions: {
            parser: tsParser,
            parserOptions: {
              project: './tsconfig.json',
              tsconfigRootDir: TYPED_FIXTURES,
              disallowAutomaticSingleRunInference: true,
            },
          },
          plugins: {
            loopguard: loopguard as unknown as NonNullable<Linter.Config['plugins']>[string],
          },
          rules: { [RULE_ID]: tableCase.options ? ['error', tableCase.options] : 'error' },
        },
      ],
      path.join(TYPED_FIXTURES, fixtureFile),
    );
    const fatal = messages.find((message) => message.fatal === true || message.ruleId === null);
    if (fatal) return { tableCase, reported: 0, threw: fatal.message };
    return {
      tableCase,
      reported: messages.filter((message) => message.ruleId === RULE_ID).length,
    };
  } catch (error) {
    return {
      tableCase,
      reported: 0,
      threw: error instanceof Error ? error.message : String(error),
    };
  }
}

function report(from: string, cases: TableCase[], outcomes: Outcome[]): ParityScore {
  const percent = (part: number, whole: number) =>
    whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
  const skipped = cases.filter((tableCase) => tableCase.skipped);
  const lines = [
    `typescript-eslint's no-floating-promises table, from ${from}`,
    `cases: ${cases.length} (${cases.filter((c) => c.kind === 'valid').length} valid, ${cases.filter((c) => c.kind === 'invalid').length} invalid); scored: ${outcomes.length}`,
  ];
  const score = (group: readonly Outcome[], title: string): ParityGroup => {
    const scored = (kind: TableCase['kind']) =>
      group.filter((outcome) => outcome.tableCase.kind === kind && !outcome.threw);
    const invalid = scored('invalid');
    const valid = scored('valid');
    const invalidReported = invalid.filter((outcome) => outcome.reported > 0).length;
    const validQuiet = valid.filter((outcome) => outcome.reported === 0).length;
    const threw = group.filter((outcome) => outcome.threw);
    lines.push(
      `${title}: ${group.length} cases`,
      `  invalid cases reported: ${invalidReported} of ${invalid.length} (${percent(invalidReported, invalid.length)})`,
      `  valid cases quiet: ${validQuiet} of ${valid.length} (${percent(validQuiet, valid.length)})`,
      `  cases throwing: ${threw.length}`,
    );
    for (const outcome of invalid.filter((o) => o.reported === 0))
      lines.push(`  missed invalid case at line ${outcome.tableCase.line}`);
    for (const outcome of valid.filter((o) => o.reported > 0))
      lines.push(`  reported valid case at line ${outcome.tableCase.line} (${outcome.reported})`);
    for (const outcome of threw)
      lines.push(`  threw at line ${outcome.tableCase.line}: ${outcome.threw!.split('\n')[0]}`);
    return {
      invalid: { reported: invalidReported, total: invalid.length },
      valid: { quiet: validQuiet, total: valid.length },
      throwing: threw.length,
    };
  };
  const defaults = score(
    outcomes.filter((outcome) => !outcome.tableCase.options),
    'with default options',
  );
  const withOptions = score(
    outcomes.filter((outcome) => outcome.tableCase.options),
    'with their options translated into ours',
  );
  lines.push(
    `not scored: ${skipped.length} (${summarize(skipped.map((tableCase) => tableCase.skipped!))})`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return {
    table: `typescript-eslint ${from.replace(/^.* at /, 'at ')}`,
    date: new Date().toISOString().slice(0, 10),
    ...defaults,
    withOptions,
    notScored: skipped.length,
  };
}

function summarize(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => `${count} ${reason}`).join(', ') || 'none';
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
