// Typing in a large file re-lints it at every keystroke, and converting TypeScript's syntax tree to ESTree (with its
// tokens) was a third of that lint's own work. TypeScript's incremental parser keeps the nodes an edit did not touch
// (`project.ts` tells it what changed), so this module keeps the ESTree subtree each kept statement or class member
// was converted to, moves its positions to where the node is now, and converts only what is new.
//
// It reaches into typescript-estree's conversion (its `astConverter`, `Converter` and token helpers), which is not
// public API. So it is switched on only where edits repeat (the language server's lint worker), and only after a
// self-check: a probe text is converted and edited, and the reused tree, tokens and comments must equal a fresh
// conversion's, else it stays off and says why. The result is meant to be indistinguishable from a fresh conversion;
// `test/engine/syntax-reuse.test.ts` compares the two after edits of every kind.
//
// Consequence for code that reads ESTree: a node object can be the same across versions of a file (with new positions),
// so a cache keyed by an ESTree node must live no longer than one lint (key it by the `SourceCode`).
import * as ts from 'typescript';

import { loadEstreeInternals } from './estree-internals';

/** An ESTree node or token as far as this module reads it. */
interface Positioned {
  type: string;
  range: [number, number];
  loc: { end: Position; start: Position };
  value?: string;
  [key: string]: unknown;
}
interface Position {
  column: number;
  line: number;
}

interface ParseSettings {
  range?: boolean;
  loc?: boolean;
  tokens?: boolean;
  comment?: boolean;
  allowInvalidAST?: boolean;
  errorOnUnknownASTType?: boolean;
  suppressDeprecatedPropertyWarnings?: boolean;
}
type AstMaps = {
  esTreeNodeToTSNodeMap: WeakMap<object, ts.Node>;
  tsNodeToESTreeNodeMap: WeakMap<ts.Node, object>;
};
type AstConverter = (
  ast: ts.SourceFile,
  parseSettings: ParseSettings,
  shouldPreserveNodeMaps?: boolean,
) => { astMaps: AstMaps; estree: Positioned & { tokens?: Positioned[]; comments?: unknown[] } };

interface ConverterInstance {
  allowPattern: boolean;
  ast: ts.SourceFile;
  options: { shouldPreserveNodeMaps?: boolean };
  esTreeNodeToTSNodeMap: WeakMap<object, ts.Node>;
  tsNodeToESTreeNodeMap: WeakMap<ts.Node, object>;
  converter(node: ts.Node | undefined, parent?: ts.Node, allowPattern?: boolean): Positioned | null;
  registerTSNodeInNodeMap(node: ts.Node, result: object | null): void;
  convertProgram(): Positioned;
  getASTMaps(): AstMaps;
}
type ConverterClass = new (ast: ts.SourceFile, options: object) => ConverterInstance;

/** What typescript-estree's modules must offer for reuse to work. */
interface Internals {
  astConverterModule: { astConverter: AstConverter };
  Converter: ConverterClass;
  convertComments: (ast: ts.SourceFile) => unknown[];
  convertToken: (token: ts.Node, ast: ts.SourceFile) => Positioned;
  getLocFor: (range: [number, number], ast: ts.SourceFile) => Positioned['loc'];
}

/** Where a reused subtree moved: by `delta` characters and `lineDelta` lines; columns move only on its first line. */
interface Shift {
  delta: number;
  oldLine: number;
  lineDelta: number;
  columnDelta: number;
}

/** A converted statement or member: its tree, where the tree starts from the node's `pos`, and how it was converted. */
interface Entry {
  estree: Positioned;
  offset: number;
  parentKind: ts.SyntaxKind;
  allowPattern: boolean;
  options: string;
}

const entries = new WeakMap<ts.Node, Entry>();
// The node maps outlive a conversion, so that a reused subtree's entries stay; a node converted again is re-entered.
const esTreeNodeToTSNodeMap = new WeakMap<object, ts.Node>();
const tsNodeToESTreeNodeMap = new WeakMap<ts.Node, object>();
/** Each file's tokens and comments from its last conversion, with the text they were read from. */
interface Conversion {
  text: string;
  tokens?: Positioned[];
  comments?: Positioned[];
}
const lastConversions = new Map<string, Conversion>();

type ReusingConverter = ConverterInstance & { shifts: Map<ts.Node, Shift> };
type ReusingConverterClass = new (ast: ts.SourceFile, options: object) => ReusingConverter;

let state:
  { internals: Internals; original: AstConverter; Converter: ReusingConverterClass } | undefined;

/** Counts since reuse was switched on, for tests and measurements. */
export const syntaxReuseCounts = { reused: 0, converted: 0, movedSubtrees: 0 };

/**
 * Switches reuse on for the typescript-estree that `@typescript-eslint/parser` loads. Returns why not when it cannot
 * be (typescript-estree's internals differ from what this module knows, or the self-check failed); `undefined` when on.
 */
export function enableSyntaxReuse(): string | undefined {
  if (state) return undefined;
  let internals: Internals;
  try {
    internals = loadInternals();
  } catch (error) {
    return `typescript-estree's conversion is not the one it knows (${(error as Error).message})`;
  }
  const original = internals.astConverterModule.astConverter;
  state = { internals, original, Converter: reusingConverterClass(internals.Converter) };
  internals.astConverterModule.astConverter = reusingAstConverter;
  const failure = selfCheck();
  if (failure !== undefined) {
    disableSyntaxReuse();
    return failure;
  }
  return undefined;
}

/** Restores typescript-estree's own conversion. */
export function disableSyntaxReuse(): void {
  if (!state) return;
  state.internals.astConverterModule.astConverter = state.original;
  state = undefined;
  lastConversions.clear();
}

/** Forgets the tokens and comments kept for `fileName` (a document closed in the editor). */
export function forgetSyntax(fileName: string): void {
  lastConversions.delete(fileName);
}

/** How many files' tokens and comments are kept, for tests. */
export function rememberedFileCount(): number {
  return lastConversions.size;
}

/** Runs `work` with typescript-estree's own conversion, keeping what reuse remembers (for comparing the two). */
export function withoutSyntaxReuse<T>(work: () => T): T {
  if (!state) return work();
  const module = state.internals.astConverterModule;
  module.astConverter = state.original;
  try {
    return work();
  } finally {
    module.astConverter = reusingAstConverter;
  }
}

function loadInternals(): Internals {
  const modules = loadEstreeInternals();
  const astConverterModule = modules['ast-converter.js'];
  const convert = modules['convert.js'];
  const comments = modules['convert-comments.js'];
  const nodeUtils = modules['node-utils.js'];
  const Converter = convert.Converter as ConverterClass | undefined;
  const prototype = Converter?.prototype as Partial<ConverterInstance> | undefined;
  const checks: Array<[string, unknown]> = [
    ['astConverter', astConverterModule.astConverter],
    ['Converter', Converter],
    ['Converter#converter', prototype?.converter],
    ['Converter#registerTSNodeInNodeMap', prototype?.registerTSNodeInNodeMap],
    ['convertComments', comments.convertComments],
    ['convertToken', nodeUtils.convertToken],
    ['getLocFor', nodeUtils.getLocFor],
  ];
  for (const [name, value] of checks)
    if (typeof value !== 'function') throw new Error(`no function ${name}`);
  const descriptor = Object.getOwnPropertyDescriptor(astConverterModule, 'astConverter');
  if (!descriptor?.writable) throw new Error('astConverter cannot be replaced');
  return {
    astConverterModule: astConverterModule as unknown as Internals['astConverterModule'],
    Converter: Converter!,
    convertComments: comments.convertComments as Internals['convertComments'],
    convertToken: nodeUtils.convertToken as Internals['convertToken'],
    getLocFor: nodeUtils.getLocFor as Internals['getLocFor'],
  };
}

/** Nodes the incremental parser keeps whole and whose conversion depends only on them and their parent's kind. */
function isReusable(node: ts.Node): boolean {
  // A string statement's `directive` depends on the statements before it.
  if (ts.isExpressionStatement(node)) return !ts.isStringLiteral(node.expression);
  return (
    ts.isStatement(node) ||
    ts.isClassElement(node) ||
    ts.isTypeElement(node) ||
    node.kind === ts.SyntaxKind.EnumMember ||
    node.kind === ts.SyntaxKind.CaseClause ||
    node.kind === ts.SyntaxKind.DefaultClause
  );
}

const reusingAstConverter: AstConverter = (ast, parseSettings, shouldPreserveNodeMaps) => {
  const { internals, original, Converter } = state!;
  // ESLint always asks for ranges, locations and node maps; anything else, and a tree with syntax errors, as before.
  if (
    !parseSettings.range ||
    !parseSettings.loc ||
    !shouldPreserveNodeMaps ||
    (ast as ts.SourceFile & { parseDiagnostics?: unknown[] }).parseDiagnostics?.length
  )
    return original(ast, parseSettings, shouldPreserveNodeMaps);
  const options = {
    allowInvalidAST: parseSettings.allowInvalidAST,
    errorOnUnknownASTType: parseSettings.errorOnUnknownASTType,
    shouldPreserveNodeMaps,
    suppressDeprecatedPropertyWarnings: parseSettings.suppressDeprecatedPropertyWarnings,
  };
  const converter = new Converter(ast, options);
  // typescript-estree rejects some code TypeScript parses (`const` with nothing after it, half typed). Such a throw
  // keeps the last conversion's tokens and comments, so the next version, a key later, still moves them instead of
  // reading the whole file; trees moved before it are checked like any other (by their text where tokens were read).
  const estree = converter.convertProgram() as ReturnType<AstConverter>['estree'];
  let done = false;
  try {
    const previous = lastConversions.get(ast.fileName);
    // Subtrees whose text is the same as when their tokens and comments were read, with where they moved.
    const moved = new Map<ts.Node, Shift>();
    if (previous)
      for (const [node, shift] of converter.shifts) {
        const start = node.pos;
        if (
          previous.text.slice(start - shift.delta, node.end - shift.delta) ===
          ast.text.slice(start, node.end)
        )
          moved.set(node, shift);
      }
    const conversion: Conversion = { text: ast.text };
    if (parseSettings.tokens)
      estree.tokens = conversion.tokens = convertTokens(ast, moved, previous?.tokens, internals);
    if (parseSettings.comment)
      estree.comments = conversion.comments =
        previous?.comments && ast.languageVariant !== ts.LanguageVariant.JSX
          ? convertComments(ast, moved, previous.comments, internals)
          : (internals.convertComments(ast) as Positioned[]);
    lastConversions.set(ast.fileName, conversion);
    done = true;
    return { astMaps: converter.getASTMaps(), estree };
  } finally {
    // Reading tokens or comments threw: the reused trees are at new places, and some tokens may be too.
    if (!done) lastConversions.delete(ast.fileName);
  }
};

function reusingConverterClass(Base: ConverterClass): ReusingConverterClass {
  return class extends Base {
    readonly shifts = new Map<ts.Node, Shift>();
    private readonly registered = new Set<ts.Node>();
    private readonly optionsKey: string;

    constructor(ast: ts.SourceFile, options: object) {
      super(ast, options);
      this.esTreeNodeToTSNodeMap = esTreeNodeToTSNodeMap;
      this.tsNodeToESTreeNodeMap = tsNodeToESTreeNodeMap;
      this.optionsKey = JSON.stringify(options);
    }

    override converter(node: ts.Node | undefined, parent?: ts.Node, allowPattern?: boolean) {
      if (!node || !isReusable(node)) return super.converter(node, parent, allowPattern);
      const parentKind = (parent ?? node.parent).kind;
      const pattern = allowPattern ?? this.allowPattern;
      const entry = entries.get(node);
      if (
        entry &&
        entry.parentKind === parentKind &&
        entry.allowPattern === pattern &&
        entry.options === this.optionsKey
      ) {
        this.shifts.set(node, moveTo(entry, node.pos + entry.offset, this.ast));
        syntaxReuseCounts.reused++;
        return entry.estree;
      }
      const estree = super.converter(node, parent, allowPattern);
      syntaxReuseCounts.converted++;
      if (estree)
        entries.set(node, {
          estree,
          offset: estree.range[0] - node.pos,
          parentKind,
          allowPattern: pattern,
          options: this.optionsKey,
        });
      return estree;
    }

    // typescript-estree maps a node to the first tree it was converted to in this conversion; the maps outlive one.
    override registerTSNodeInNodeMap(node: ts.Node, result: object | null): void {
      if (result && this.options.shouldPreserveNodeMaps && !this.registered.has(node)) {
        this.registered.add(node);
        this.tsNodeToESTreeNodeMap.set(node, result);
      }
    }
  };
}

/** Moves a reused tree so that it starts at `start` in `ast`, returning the shift it made. */
function moveTo(entry: Entry, start: number, ast: ts.SourceFile): Shift {
  const { estree } = entry;
  const now = ast.getLineAndCharacterOfPosition(start);
  const shift: Shift = {
    delta: start - estree.range[0],
    oldLine: estree.loc.start.line,
    lineDelta: now.line + 1 - estree.loc.start.line,
    columnDelta: now.character - estree.loc.start.column,
  };
  if (shift.delta !== 0 || shift.lineDelta !== 0 || shift.columnDelta !== 0)
    shiftTree(estree, shift);
  return shift;
}

const CHAIN_LINKS = new Set(['MemberExpression', 'CallExpression', 'TSNonNullExpression']);

/**
 * What a reused tree shares: typescript-estree may put one node in two places (a shorthand property's key and
 * value) and one range or position in two nodes (an import's default specifier and its name). A tree is shifted
 * many times and never changes shape, so its first shift records what it shares, and later shifts keep track of
 * only that: keeping track of every object cost more than the shifting itself. A tree that holds reused trees
 * (a class whose members were kept) shifts each of them as they know, so only its own part is tracked at first.
 * Nothing is shared across the root of a reused tree (a statement or a member): typescript-estree shares only
 * between a node and what it converts for that node.
 */
interface Sharing {
  /** Nodes reached more than once: each is entered once. */
  nodes: ReadonlySet<object> | undefined;
  /** Ranges and positions of more than one node: shifted as often as reached, then set from their old values. */
  positions: ReadonlyArray<[number, number] | Position>;
}

/** What each reused tree that was shifted shares, by its root. */
const sharings = new WeakMap<object, Sharing>();

/** Shifts every node of the tree, each node, range and position once. */
function shiftTree(root: Positioned, shift: Shift): void {
  const known = sharings.get(root);
  if (known) {
    shiftKnowingSharing(root, shift, known);
    return;
  }
  const seenNodes = new Set<object>();
  const moved = new Set<object>();
  const sharedNodes = new Set<object>();
  const sharedPositions = new Set<[number, number] | Position>();
  const move = (node: Positioned): void => {
    const range = node.range;
    if (moved.has(range)) sharedPositions.add(range);
    else {
      moved.add(range);
      range[0] += shift.delta;
      range[1] += shift.delta;
    }
    for (const position of [node.loc.start, node.loc.end]) {
      if (moved.has(position)) sharedPositions.add(position);
      else {
        moved.add(position);
        shiftPosition(position, shift);
      }
    }
  };
  const enter = (node: Positioned): boolean => {
    if (seenNodes.has(node)) {
      sharedNodes.add(node);
      return false;
    }
    seenNodes.add(node);
    return true;
  };
  walkTree(root, shift, enter, move);
  sharings.set(root, {
    nodes: sharedNodes.size > 0 ? sharedNodes : undefined,
    positions: [...sharedPositions],
  });
}

function shiftKnowingSharing(root: Positioned, shift: Shift, sharing: Sharing): void {
  const { nodes, positions } = sharing;
  const before = positions.map((shared) =>
    Array.isArray(shared) ? [shared[0], shared[1]] : [shared.line, shared.column],
  );
  const entered = nodes && new Set<object>();
  const enter = (node: Positioned): boolean => {
    if (!nodes?.has(node)) return true;
    if (entered!.has(node)) return false;
    entered!.add(node);
    return true;
  };
  walkTree(root, shift, enter, (node) => shiftPositions(node, shift));
  positions.forEach((shared, index) => {
    const [first, second] = before[index]!;
    if (Array.isArray(shared)) {
      shared[0] = first! + shift.delta;
      shared[1] = second! + shift.delta;
    } else {
      shared.line = first!;
      shared.column = second!;
      shiftPosition(shared, shift);
    }
  });
}

/**
 * Calls `move` on every node of the tree that `enter` lets in, and walks into the nodes it lets in; a reused tree
 * inside whose sharing is known is shifted as it knows instead.
 */
function walkTree(
  root: Positioned,
  shift: Shift,
  enter: (node: Positioned) => boolean,
  move: (node: Positioned) => void,
): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i]);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as Positioned;
    if (typeof node.type !== 'string') return;
    const inner = node !== root ? sharings.get(node) : undefined;
    if (inner) {
      if (enter(node)) shiftKnowingSharing(node, shift, inner);
      return;
    }
    if (!enter(node)) return;
    move(node);
    if (CHAIN_LINKS.has(node.type)) {
      // An optional chain's inner link stays mapped to the chain expression its parent unwrapped, outside the tree.
      const unwrapped = tsNodeToESTreeNodeMap.get(esTreeNodeToTSNodeMap.get(node)!) as
        Positioned | undefined;
      if (unwrapped && unwrapped !== node && enter(unwrapped)) move(unwrapped);
    }
    for (const key in node) {
      if (key === 'parent' || key === 'range' || key === 'loc') continue;
      const child = node[key];
      if (child !== null && typeof child === 'object') visit(child);
    }
  };
  visit(root);
}

function shiftPositions(node: Positioned, shift: Shift): void {
  const range = node.range;
  range[0] += shift.delta;
  range[1] += shift.delta;
  shiftPosition(node.loc.start, shift);
  shiftPosition(node.loc.end, shift);
}

// Changed in place: new objects instead would be garbage that outlives the lint, and the collector's copying of it
// was most of the cost.
function shiftPosition(position: Position, shift: Shift): void {
  if (position.line === shift.oldLine) position.column += shift.columnDelta;
  position.line += shift.lineDelta;
}

/**
 * The file's tokens as typescript-estree's `convertTokens` gives them: a moved subtree's are its previous tokens,
 * moved; everything else is walked as typescript-estree walks it.
 */
function convertTokens(
  ast: ts.SourceFile,
  moved: ReadonlyMap<ts.Node, Shift>,
  previous: Positioned[] | undefined,
  internals: Internals,
): Positioned[] {
  const result: Positioned[] = [];
  const source: Moving | undefined = previous && { items: previous, next: 0, movedTo: 0 };
  const walk = (node: ts.Node): void => {
    const kind = node.kind;
    if (
      kind === ts.SyntaxKind.SingleLineCommentTrivia ||
      kind === ts.SyntaxKind.MultiLineCommentTrivia ||
      kind === ts.SyntaxKind.JSDoc
    )
      return;
    const shift = source && moved.get(node);
    if (shift && moveTokens(source, node.getStart(ast), node.end, shift, result, true)) return;
    if (kind >= ts.SyntaxKind.FirstToken && kind <= ts.SyntaxKind.LastToken) {
      if (kind === ts.SyntaxKind.EndOfFileToken) return;
      const token = internals.convertToken(node, ast);
      if (kind === ts.SyntaxKind.LessThanToken) addMissingLessThan(result, token, ast, internals);
      result.push(token);
      return;
    }
    for (const child of node.getChildren(ast)) walk(child);
  };
  walk(ast);
  return result;
}

/**
 * The previous tokens or comments of a file, sorted, and the first of them not moved yet: those before it are at their
 * new places, so a search for old places starts there. Subtrees are moved in the order of the text, so each starts
 * where the last one moved ended (`movedTo`, an old position) or later; one that does not is not moved.
 */
interface Moving {
  items: Positioned[];
  next: number;
  movedTo: number;
}

function canMove(source: Moving, oldStart: number): boolean {
  return oldStart >= source.movedTo;
}

/**
 * Appends to `result`, moved in place (nothing else holds them once a newer conversion is made), the previous tokens
 * or comments that lie within what is now `start`…`end`. False, moving nothing, when the subtree does not come after the
 * last one moved, or with `startsThere` when the first does not start at `start` or is a `<` (which may stand for one
 * typescript-estree recovered from the gap before).
 */
function moveTokens(
  source: Moving,
  start: number,
  end: number,
  shift: Shift,
  result: Positioned[],
  startsThere: boolean,
): boolean {
  const previous = source.items;
  const oldStart = start - shift.delta;
  const oldEnd = end - shift.delta;
  if (!canMove(source, oldStart)) return false;
  let index = firstStartingAtOrAfter(previous, oldStart, source.next);
  if (
    startsThere &&
    (index >= previous.length ||
      previous[index]!.range[0] !== oldStart ||
      previous[index]!.value === '<')
  )
    return false;
  syntaxReuseCounts.movedSubtrees++;
  for (; index < previous.length && previous[index]!.range[1] <= oldEnd; index++) {
    const token = previous[index]!;
    token.range[0] += shift.delta;
    token.range[1] += shift.delta;
    movePosition(token.loc.start, shift);
    movePosition(token.loc.end, shift);
    result.push(token);
  }
  source.next = index;
  source.movedTo = oldEnd;
  return true;
}

function movePosition(position: Position, shift: Shift): void {
  if (position.line === shift.oldLine) position.column += shift.columnDelta;
  position.line += shift.lineDelta;
}

/**
 * The file's comments as typescript-estree's `convertComments` gives them (ts-api-utils' `iterateComments`: for each
 * token, the comments before it that start a line, then those after it on its line), outside JSX. A moved subtree's
 * own comments are its previous ones, moved; those before its first token and after its last are read again, as the
 * text around it may have changed.
 */
function convertComments(
  ast: ts.SourceFile,
  moved: ReadonlyMap<ts.Node, Shift>,
  previous: Positioned[],
  internals: Internals,
): Positioned[] {
  const result: Positioned[] = [];
  const source: Moving = { items: previous, next: 0, movedTo: 0 };
  const text = ast.text;
  const add = (pos: number, end: number, kind: ts.CommentKind): void => {
    const single = kind === ts.SyntaxKind.SingleLineCommentTrivia;
    const range: [number, number] = [pos, end];
    result.push({
      type: single ? 'Line' : 'Block',
      loc: internals.getLocFor(range, ast),
      range,
      value: text.slice(pos + 2, single ? end : end - 2),
    });
  };
  const leading = (pos: number): void =>
    ts.forEachLeadingCommentRange(text, pos === 0 ? (ts.getShebang(text) ?? '').length : pos, add);
  const trailing = (end: number): void => ts.forEachTrailingCommentRange(text, end, add);
  const walk = (node: ts.Node): void => {
    const shift = moved.get(node);
    if (
      shift &&
      !(node as ts.Node & { jsDoc?: unknown[] }).jsDoc?.length &&
      canMove(source, node.getStart(ast) - shift.delta)
    ) {
      leading(node.pos);
      moveTokens(source, node.getStart(ast), node.end, shift, result, false);
      trailing(node.end);
      return;
    }
    if (node.kind >= ts.SyntaxKind.FirstToken && node.kind <= ts.SyntaxKind.LastToken) {
      if (node.pos === node.end) return;
      leading(node.pos);
      trailing(node.end);
      return;
    }
    for (const child of node.getChildren(ast)) walk(child);
  };
  walk(ast);
  return result;
}

function firstStartingAtOrAfter(
  tokens: readonly Positioned[],
  position: number,
  from: number,
): number {
  let low = from;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.range[0] < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** typescript-estree's recovery of the `<` TypeScript drops from a `<<` it splits (same rule, same token). */
function addMissingLessThan(
  result: Positioned[],
  token: Positioned,
  ast: ts.SourceFile,
  internals: Internals,
): void {
  if (result.length === 0) return;
  const start = token.range[0];
  if (start > result[result.length - 1]!.range[1] && ast.text[start - 1] === '<') {
    const range: [number, number] = [start - 1, start];
    result.push({ type: 'Punctuator', loc: internals.getLocFor(range, ast), range, value: '<' });
  }
}

/** A text with the shapes whose conversion depends on more than their own node, edited once. */
const PROBE = [
  '"use strict";',
  'const a = { b: 1 }?.b?.toString()!;',
  'type T = Array<Array<number>>;',
  'class C { @d m<U>(x = 1 << 2): void { /* b */ if (x) return; } // l',
  '}',
  'switch (a) { case "1": break; default: }',
  'enum E { A = 1 }',
  'interface I { f(): void }',
  'export const s = `x${a}`;',
].join('\n');

function selfCheck(): string | undefined {
  const { original } = state!;
  const settings: ParseSettings = { range: true, loc: true, tokens: true, comment: true };
  const first = ts.createSourceFile('probe.ts', PROBE, ts.ScriptTarget.Latest, true);
  const edited = PROBE.replace('const a', '\n// moved\nconst a');
  const at = PROBE.indexOf('const a');
  try {
    reusingAstConverter(first, settings, true);
    const second = ts.updateSourceFile(first, edited, {
      span: { start: at, length: 0 },
      newLength: edited.length - PROBE.length,
    });
    const reused = reusingAstConverter(second, settings, true);
    const fresh = original(
      ts.createSourceFile('probe.ts', edited, ts.ScriptTarget.Latest, true),
      settings,
      true,
    );
    const text = (tree: object) =>
      JSON.stringify(tree, (key, value: unknown) => (key === 'parent' ? undefined : value));
    if (text(reused.estree) !== text(fresh.estree))
      return 'the self-check found a reused tree that differs from a fresh one';
    return undefined;
  } catch (error) {
    return `the self-check failed (${(error as Error).message})`;
  } finally {
    lastConversions.delete('probe.ts');
  }
}
