// Reusing the ESTree of the statements and members an edit did not touch (`server/src/engine/syntax-reuse.ts`) must
// give what typescript-estree's own conversion gives: the same tree, tokens, comments and node maps, after edits of
// every kind, and the same findings as a fresh engine.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Engine, type FileOutcome } from 'loopguard';
import {
  disableSyntaxReuse,
  enableSyntaxReuse,
  forgetSyntax,
  rememberedFileCount,
  syntaxReuseCounts,
  withoutSyntaxReuse,
} from 'loopguard/internal/syntax-reuse';
import ts from 'typescript';

import { Random } from '../support/random';
import {
  createTempProject,
  removeTempProjects,
  TSCONFIG,
  TSCONFIG_WITH_NODE,
} from '../support/temp-project';

const TSX_CONFIG = JSON.stringify({
  compilerOptions: {
    ...(JSON.parse(TSCONFIG) as { compilerOptions: object }).compilerOptions,
    jsx: 'preserve',
  },
});

/**
 * Shapes whose conversion reads more than their own node: directives, optional chains, `<<`, decorators, JSX; and
 * shapes whose tree shares a node (a shorthand property) or a range or position (a default import, a type
 * predicate's annotation), which a shift must move once.
 */
const SOURCE = [
  "'use strict';",
  '/** A file comment. */',
  "import { readFile } from 'node:fs/promises';",
  '',
  'declare const maybe: { deep?: { call?: () => string } } | undefined;',
  'export const chained = maybe?.deep?.call?.()!.length;',
  'type Nested = Array<Array<number>>;',
  'const shifted = 1 << 2 >> 1;',
  'function decorate(_target: unknown, _key: string): void {}',
  '',
  'export abstract class Store<T> {',
  '  // a line comment',
  '  private readonly items = new Map<string, T>(); // trailing',
  '  @decorate',
  '  get size(): number {',
  '    return this.items.size;',
  '  }',
  '  abstract load(id: string): Promise<T>;',
  '  async all(ids: readonly string[]): Promise<T[]> {',
  '    const found: T[] = []; /* block */ // and a line',
  '    for (const id of ids) {',
  '      switch (id) {',
  "        case '':",
  '          continue;',
  '        default:',
  '          found.push(await this.load(id));',
  '      }',
  '    }',
  '    return found;',
  '  }',
  '}',
  '',
  'enum Level { Low = 1, High = Low << 3 } // after the enum',
  '/* before the interface */',
  'interface Shape { area(): number; readonly name?: string }',
  'namespace Inner { export const value = `text ${Level.High} more`; }',
  'export function isShape(value: unknown): value is Shape {',
  "  return typeof value === 'object' && { value }.value !== null;",
  '}',
  "import Stream from 'node:stream';",
  'export const streams = { Stream };',
  'export async function main(): Promise<void> {',
  "  const text = await readFile('x', 'utf8');",
  '  const { length, ...rest } = { length: text.length, other: Inner.value };',
  '  const pattern = /a+b/g; // a pattern',
  '  readFile(String(rest) + pattern.source);',
  '}',
  '',
].join('\n');

const JS_CONFIG = JSON.stringify({
  compilerOptions: {
    ...(JSON.parse(TSCONFIG) as { compilerOptions: object }).compilerOptions,
    allowJs: true,
    checkJs: true,
  },
});

/** A script with a shebang and JSDoc, whose comments TypeScript also keeps as nodes. */
const JS_SOURCE = [
  '#!/usr/bin/env node',
  '// @ts-check',
  '/**',
  ' * @typedef {{ id: string, size?: number }} Item',
  ' */',
  '',
  '/**',
  ' * Loads an item.',
  ' * @param {string} id the item',
  ' * @returns {Promise<Item>}',
  ' */',
  'async function load(id) {',
  '  return { id }; // trailing',
  '}',
  '',
  '/** @type {Map<string, Item>} */',
  'const items = new Map();',
  'export async function all(/** @type {string[]} */ ids) {',
  '  for (const id of ids) items.set(id, await load(id));',
  '  load(ids[0] ?? "");',
  '  return [...items.values()];',
  '}',
  '',
].join('\n');

const JSX_SOURCE = [
  'declare namespace JSX { interface IntrinsicElements { [name: string]: unknown } }',
  'export function view(items: string[]) {',
  '  return (',
  '    <ul className="list">',
  '      {items.map((item) => <li key={item}>{item} text</li>)}',
  '      <>fragment</>',
  '    </ul>',
  '  );',
  '}',
  'export const other = <p>{/* a comment */}</p>;',
  '',
].join('\n');

/** Everything a rule can read of the parse: the tree (with tokens and comments) as JSON, and both node maps. */
function snapshot(parsed: ReturnType<typeof tsParser.parseForESLint>, sourceFile: ts.SourceFile) {
  const json = JSON.stringify(parsed.ast, (key, value: unknown) =>
    key === 'parent' ? undefined : value,
  );
  const toTs: ts.Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (
      value === null ||
      typeof value !== 'object' ||
      typeof (value as { type?: unknown }).type !== 'string'
    )
      return;
    toTs.push(parsed.services.esTreeNodeToTSNodeMap.get(value as TSESTree.Node));
    for (const [key, child] of Object.entries(value))
      if (key !== 'parent' && key !== 'range' && key !== 'loc') visit(child);
  };
  visit(parsed.ast);
  const toEstree: string[] = [];
  const walk = (node: ts.Node): void => {
    const estree = parsed.services.tsNodeToESTreeNodeMap.get(node);
    toEstree.push(estree ? `${estree.type}@${estree.range.join('-')}` : '-');
    ts.forEachChild(node, walk);
  };
  walk(sourceFile);
  return { json, toTs, toEstree };
}

/** What ESLint asks `@typescript-eslint/parser` for, with the engine's program. */
function parseOptions(program: ts.Program, filePath: string) {
  return {
    programs: [program],
    filePath,
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    sourceType: 'module' as const,
  };
}

/** An edit that keeps the text free of syntax errors, drawn from `random`. */
function randomEdit(text: string, random: Random): string {
  for (;;) {
    let at = random.int(0, text.length - 1);
    const kind = random.int(0, 4);
    let edited: string;
    if (kind === 0) {
      at = text.indexOf('\n', at) + 1;
      edited =
        text.slice(0, at) +
        ['// note\n', '\n', `const added${at} = 1;\n`][random.int(0, 2)] +
        text.slice(at);
    } else if (kind === 1) {
      while (at < text.length && !/[a-z]/.test(text[at]!)) at++;
      edited = text.slice(0, at) + 'q' + text.slice(at);
    } else if (kind === 2) {
      while (at < text.length && text[at] !== ' ') at++;
      edited = text.slice(0, at) + '  ' + text.slice(at);
    } else if (kind === 3) {
      const space = text.indexOf('  ', at);
      edited = space < 0 ? text : text.slice(0, space) + text.slice(space + 1);
    } else {
      const line = text.indexOf('\n', at);
      const next = text.indexOf('\n', line + 1);
      edited = line < 0 || next < 0 ? text : text.slice(0, line) + text.slice(next);
    }
    const probe = ts.createSourceFile('probe.tsx', edited, ts.ScriptTarget.Latest, true);
    // Checked as TSX, which accepts everything these three sources hold.
    const errors = (probe as ts.SourceFile & { parseDiagnostics: unknown[] }).parseDiagnostics;
    if (edited !== text && errors.length === 0) return edited;
  }
}

describe('syntax reuse across versions of a file', () => {
  before(() => assert.equal(enableSyntaxReuse(), undefined));
  after(() => {
    disableSyntaxReuse();
    removeTempProjects();
  });

  for (const [name, source, tsconfig] of [
    ['a.ts', SOURCE, TSCONFIG_WITH_NODE],
    ['view.tsx', JSX_SOURCE, TSX_CONFIG],
    ['script.js', JS_SOURCE, JS_CONFIG],
  ] as const) {
    it(`gives typescript-estree's own tree, tokens and node maps after each edit of ${name}`, () => {
      const root = createTempProject({ 'tsconfig.json': tsconfig, [name]: source });
      const file = path.join(root, name).split(path.sep).join('/');
      const engine = new Engine({ root });
      const random = new Random(17);
      let text = source;
      const reusedBefore = syntaxReuseCounts.reused;
      for (let version = 1; version <= 40; version++) {
        if (version > 1) text = randomEdit(text, random);
        engine.overlay.set(file, text, version);
        const program = engine.projectOf(file)!.getProgram();
        const sourceFile = program.getSourceFile(file)!;
        const options = parseOptions(program, file);
        const reused = snapshot(tsParser.parseForESLint(text, options), sourceFile);
        const own = snapshot(
          withoutSyntaxReuse(() => tsParser.parseForESLint(text, options)),
          sourceFile,
        );
        assert.equal(reused.json, own.json, `the tree of version ${version}:\n${text}`);
        assert.deepEqual(reused.toTs, own.toTs, `ESTree → TypeScript nodes, version ${version}`);
        assert.deepEqual(
          reused.toEstree,
          own.toEstree,
          `TypeScript → ESTree nodes, version ${version}`,
        );
      }
      assert.ok(syntaxReuseCounts.reused > reusedBefore + 40, 'kept subtrees were reused');
      // What is kept for a file goes when its document closes.
      const remembered = rememberedFileCount();
      forgetSyntax(file);
      assert.equal(rememberedFileCount(), remembered - 1);
    });
  }

  it('keeps moving the last tokens after a version typescript-estree rejects', () => {
    const body = SOURCE.indexOf('{', SOURCE.indexOf('async all(')) + 1;
    const typed = (text: string) => `${SOURCE.slice(0, body)}\n    ${text}${SOURCE.slice(body)}`;
    /** Converts each version in a project of its own; the subtrees whose tokens the last conversion moved. */
    const movedAtLast = (versions: readonly string[]): number => {
      const root = createTempProject({ 'tsconfig.json': TSCONFIG_WITH_NODE, 'a.ts': SOURCE });
      const file = path.join(root, 'a.ts').split(path.sep).join('/');
      const engine = new Engine({ root });
      let moved = 0;
      versions.forEach((text, index) => {
        engine.overlay.set(file, text, index + 1);
        const program = engine.projectOf(file)!.getProgram();
        const options = parseOptions(program, file);
        const movedBefore = syntaxReuseCounts.movedSubtrees;
        // Typing a declaration: TypeScript parses `const` alone, typescript-estree refuses it.
        if (text === typed('const'))
          return assert.throws(() => tsParser.parseForESLint(text, options), /declarator/);
        const reused = snapshot(
          tsParser.parseForESLint(text, options),
          program.getSourceFile(file)!,
        );
        moved = syntaxReuseCounts.movedSubtrees - movedBefore;
        const own = snapshot(
          withoutSyntaxReuse(() => tsParser.parseForESLint(text, options)),
          program.getSourceFile(file)!,
        );
        assert.equal(reused.json, own.json, `the tree of version ${index + 1}`);
        assert.deepEqual(reused.toTs, own.toTs);
        assert.deepEqual(reused.toEstree, own.toEstree);
      });
      return moved;
    };
    const direct = movedAtLast([SOURCE, typed('const stamp = 1;')]);
    assert.ok(direct > 0, 'tokens were moved');
    // As many as if the rejected version had never been typed.
    assert.equal(movedAtLast([SOURCE, typed('const'), typed('const stamp = 1;')]), direct);
  });

  it('lints each version as a fresh engine does', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG_WITH_NODE, 'a.ts': SOURCE });
    const file = path.join(root, 'a.ts').split(path.sep).join('/');
    const engine = new Engine({ root });
    const messagesOf = (outcome: FileOutcome) =>
      outcome.kind === 'linted'
        ? outcome.result.messages.map(({ ruleId, line, column, endLine, endColumn, message }) => ({
            ruleId,
            line,
            column,
            endLine,
            endColumn,
            message,
          }))
        : outcome.kind;
    const random = new Random(5);
    let text = SOURCE;
    for (let version = 1; version <= 12; version++) {
      if (version > 1) text = randomEdit(text, random);
      engine.overlay.set(file, text, version);
      const warm = messagesOf(engine.lintFile(file));
      const fresh = new Engine({ root });
      fresh.overlay.set(file, text, 1);
      assert.deepEqual(warm, messagesOf(fresh.lintFile(file)), `version ${version}:\n${text}`);
      if (version === 1) assert.ok(Array.isArray(warm) && warm.length > 0, 'the file has findings');
    }
  });
});
