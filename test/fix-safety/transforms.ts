// The syntax the fix-safety generator puts around the shapes the rules report: comments, parentheses, lines without
// semicolons, statements split over lines, nesting, other execution contexts (callbacks, inner functions, decorated
// methods, JSX event handlers), async and sync functions, optional chains, and CommonJS or ES module files. Each
// transform keeps the program's meaning where it can and declines (returns undefined) where it cannot apply; none
// knows any rule, so every rule's shapes get the same treatment.
import * as path from 'node:path';

import * as ts from 'typescript';

import type { Random } from '../support/random';
import { isCommonJs, isJavaScript, parseTree } from './syntax';

/** A generated input in the making: its text, the file it stands for, and the place its changes centre on. */
export interface Shape {
  fileName: string;
  code: string;
  /** An offset in `code`, inside the statement a rule reports (or any statement, for inputs nothing reports yet). */
  anchor: number;
  /** Makes names the transforms introduce unique within the file. */
  serial: number;
}

export interface Transform {
  name: string;
  apply(shape: Shape, random: Random): Shape | undefined;
}

interface Edit {
  at: number;
  end?: number;
  text: string;
}

/**
 * Applies non-overlapping edits. The anchor moves with the text: past insertions at or before it, and into the copy of
 * the text it was in when an edit replaces that text with a larger text that contains it.
 */
function edit(shape: Shape, edits: readonly Edit[], changes: Partial<Shape> = {}): Shape {
  const ordered = [...edits].sort((a, b) => b.at - a.at);
  let code = shape.code;
  let anchor = shape.anchor;
  for (const { at, end = at, text } of ordered) {
    const replaced = code.slice(at, end);
    code = code.slice(0, at) + text + code.slice(end);
    if (end <= anchor) {
      anchor += text.length - (end - at);
    } else if (at <= anchor) {
      const copy = replaced.length > 0 ? text.indexOf(replaced) : -1;
      anchor = copy === -1 ? at : at + copy + (anchor - at);
    }
  }
  return { ...shape, code, anchor, serial: shape.serial + 1, ...changes };
}

// ---------------------------------------------------------------------------------------------------------------
// Finding things in the tree

const STATEMENT_LISTS = new Set([
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.Block,
  ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.DefaultClause,
]);

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The innermost node that contains `offset` (its leading trivia excluded). */
function nodeAt(tree: ts.SourceFile, offset: number): ts.Node {
  let found: ts.Node = tree;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(tree) || offset >= node.end) return;
    found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(tree, visit);
  return found;
}

/** The statement of a statement list that holds `offset`, innermost first. */
function statementAt(tree: ts.SourceFile, offset: number): ts.Statement | undefined {
  for (let node: ts.Node | undefined = nodeAt(tree, offset); node; node = node.parent) {
    if (node.parent && STATEMENT_LISTS.has(node.parent.kind) && !ts.isSourceFile(node))
      return node as ts.Statement;
  }
  return undefined;
}

function siblingsOf(statement: ts.Statement): readonly ts.Statement[] {
  const parent = statement.parent;
  if (
    ts.isSourceFile(parent) ||
    ts.isBlock(parent) ||
    ts.isModuleBlock(parent) ||
    ts.isCaseClause(parent) ||
    ts.isDefaultClause(parent)
  ) {
    return parent.statements;
  }
  return [statement];
}

/** Every token of `node`, in order, without JSDoc. */
function tokensOf(node: ts.Node, tree: ts.SourceFile, out: ts.Node[] = []): ts.Node[] {
  if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode)
    return out;
  const children = node.getChildren(tree);
  if (children.length === 0) {
    if (node.kind !== ts.SyntaxKind.EndOfFileToken && node.end > node.getStart(tree))
      out.push(node);
    return out;
  }
  for (const child of children) tokensOf(child, tree, out);
  return out;
}

/** Inside JSX markup (tags, attributes, text), where a comment or line break would change the output. */
function inJsxMarkup(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isJsxExpression(current)) return false;
    if (
      ts.isJsxElement(current) ||
      ts.isJsxSelfClosingElement(current) ||
      ts.isJsxFragment(current) ||
      ts.isJsxOpeningElement(current) ||
      ts.isJsxClosingElement(current) ||
      ts.isJsxAttribute(current) ||
      ts.isJsxText(current)
    ) {
      return true;
    }
  }
  return false;
}

/** Whether `nodes` contain, outside nested functions and classes, a node that `matches`. */
function containsDirect(nodes: readonly ts.Node[], matches: (node: ts.Node) => boolean): boolean {
  const visit = (node: ts.Node): boolean => {
    if (matches(node)) return true;
    if (isFunctionLike(node) || ts.isClassLike(node)) return false;
    return ts.forEachChild(node, visit) ?? false;
  };
  return nodes.some(visit);
}

function isAwaitPoint(node: ts.Node): boolean {
  if (ts.isAwaitExpression(node)) return true;
  if (ts.isForOfStatement(node) && node.awaitModifier) return true;
  // `await using` sets both flags; `using` only the first, `const` only the second.
  return (
    ts.isVariableDeclarationList(node) &&
    (node.flags & ts.NodeFlags.Using) !== 0 &&
    (node.flags & ts.NodeFlags.Const) !== 0
  );
}

function isJump(node: ts.Node): boolean {
  return (
    ts.isReturnStatement(node) ||
    ts.isBreakStatement(node) ||
    ts.isContinueStatement(node) ||
    ts.isYieldExpression(node)
  );
}

/** A statement that must stay where it is: declarations that are hoisted, exported, or only valid at this level. */
function isFixedInPlace(statement: ts.Statement): boolean {
  if (
    ts.isImportDeclaration(statement) ||
    ts.isImportEqualsDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isExportAssignment(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement)
  ) {
    return true;
  }
  const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
  return modifiers.some(
    (modifier) =>
      modifier.kind === ts.SyntaxKind.ExportKeyword ||
      modifier.kind === ts.SyntaxKind.DeclareKeyword,
  );
}

/** Names a statement declares at its own level (`const { a, b: [c] } = …` declares a and c). */
function declaredNames(statement: ts.Statement): string[] {
  if (!ts.isVariableStatement(statement)) return [];
  const names: string[] = [];
  const collect = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else
      for (const element of name.elements) if (ts.isBindingElement(element)) collect(element.name);
  };
  for (const declaration of statement.declarationList.declarations) collect(declaration.name);
  return names;
}

function mentions(nodes: readonly ts.Node[], names: ReadonlySet<string>): boolean {
  const visit = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && names.has(node.text)) || (ts.forEachChild(node, visit) ?? false);
  return nodes.some(visit);
}

interface Run {
  statements: readonly ts.Statement[];
  start: number;
  end: number;
}

/**
 * Statements from the anchor's onwards that can move into a block or a function together: none is fixed in place,
 * and nothing after them uses a name they declare. With `portable`, they also hold no `return`, `break`,
 * `continue` or `yield` of their own (those would change their target inside a function).
 */
function runAt(tree: ts.SourceFile, anchor: number, portable: boolean): Run | undefined {
  const first = statementAt(tree, anchor);
  if (!first || isFixedInPlace(first)) return undefined;
  const siblings = siblingsOf(first);
  const from = siblings.indexOf(first);
  let to = from;
  while (
    to < siblings.length &&
    !isFixedInPlace(siblings[to]!) &&
    !(portable && containsDirect([siblings[to]!], isJump))
  )
    to++;
  for (; to > from; to--) {
    const statements = siblings.slice(from, to);
    const declared = new Set(statements.flatMap(declaredNames));
    if (declared.size === 0 || !mentions(siblings.slice(to), declared)) {
      return { statements, start: statements[0]!.getStart(tree), end: statements.at(-1)!.end };
    }
  }
  return undefined;
}

/** Whether `await` is valid where `node` is: in an async function, or at the top level of an ES module. */
function canAwaitAt(node: ts.Node, fileName: string): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current))
      return (ts.getCombinedModifierFlags(current) & ts.ModifierFlags.Async) !== 0;
    if (ts.isClassLike(current)) return false;
  }
  return !isCommonJs(fileName);
}

/** `;` when a statement inserted at `offset` and starting with `( [ \`` would continue the line before it. */
function asiGuard(tree: ts.SourceFile, offset: number, statementText: string): string {
  if (!/^[([`+\-/]/.test(statementText)) return '';
  const before = tokensOf(tree, tree)
    .filter((token) => token.end <= offset)
    .at(-1);
  if (!before) return '';
  return before.kind === ts.SyntaxKind.SemicolonToken ||
    before.kind === ts.SyntaxKind.OpenBraceToken
    ? ''
    : ';';
}

/**
 * Whether a statement ends with the `}` of a block, after which a line may start with `(` or `[` without a guard
 * (`for (…) {…}\n[a, b].forEach(…)`), rather than with an expression that such a line would continue. A fix that
 * puts an expression statement in its place must end that statement itself.
 */
function endsWithBlock(statement: ts.Statement): boolean {
  if (
    ts.isBlock(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isSwitchStatement(statement) ||
    ts.isTryStatement(statement)
  )
    return true;
  if (ts.isFunctionDeclaration(statement)) return statement.body !== undefined;
  if (ts.isIfStatement(statement))
    return endsWithBlock(statement.elseStatement ?? statement.thenStatement);
  if (
    ts.isForStatement(statement) ||
    ts.isForOfStatement(statement) ||
    ts.isForInStatement(statement) ||
    ts.isWhileStatement(statement) ||
    ts.isLabeledStatement(statement)
  ) {
    return endsWithBlock(statement.statement);
  }
  return false;
}

function indentationAt(code: string, offset: number): string {
  const lineStart = code.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(code.slice(lineStart))![0];
}

// ---------------------------------------------------------------------------------------------------------------
// The transforms

const BLOCK_COMMENTS = [
  '/* note */',
  '/* ) */',
  '/* ; */',
  '/* } */',
  '/* await */',
  '/* `x` */',
  '/*!*/',
  '/** doc */',
];
const LINE_COMMENTS = ['// note', '// ) ; }', '// await later', '// TODO: check'];

/** A block comment between two tokens, a line comment at the end of a line, or a comment line before the statement. */
const comments: Transform = {
  name: 'comments',
  apply(shape, random) {
    const tree = parseTree(shape.fileName, shape.code);
    const statement = statementAt(tree, shape.anchor);
    if (!statement) return undefined;
    const tokens = tokensOf(statement, tree).filter((token) => !inJsxMarkup(token));
    if (tokens.length === 0) return undefined;
    const edits: Edit[] = [];
    const kind = random.int(0, 2);
    if (kind === 0) {
      for (let count = random.int(1, 3); count > 0; count--) {
        const token = random.pick(tokens);
        edits.push({ at: token.getStart(tree), text: `${random.pick(BLOCK_COMMENTS)} ` });
      }
      const unique = new Map(edits.map((entry) => [entry.at, entry]));
      return edit(shape, [...unique.values()]);
    }
    if (kind === 1) {
      const lineEnds = tokens.filter((token) =>
        /^[ \t]*(\r?\n|$)/.test(shape.code.slice(token.end)),
      );
      if (lineEnds.length === 0) return undefined;
      return edit(shape, [
        { at: random.pick(lineEnds).end, text: ` ${random.pick(LINE_COMMENTS)}` },
      ]);
    }
    const start = statement.getStart(tree);
    const indentation = indentationAt(shape.code, start);
    const comment = random.chance(0.5) ? random.pick(LINE_COMMENTS) : random.pick(BLOCK_COMMENTS);
    return edit(shape, [{ at: start, text: `\n${indentation}${comment}\n${indentation}` }]);
  },
};

/** Whether wrapping `node` in parentheses keeps the program valid and its meaning unchanged. */
function canParenthesize(node: ts.Node): node is ts.Expression {
  const parent = node.parent;
  if (!parent || inJsxMarkup(node)) return false;
  if (
    node.kind === ts.SyntaxKind.SuperKeyword ||
    node.kind === ts.SyntaxKind.ImportKeyword ||
    ts.isOmittedExpression(node) ||
    ts.isSpreadElement(node)
  )
    return false;
  // `(a?.b).c` ends the optional chain early; `(a.b)?.c` and friends stay out of the way too.
  if ((node.flags | parent.flags) & ts.NodeFlags.OptionalChain) return false;
  // Destructuring targets may not be parenthesized in every form.
  for (
    let current: ts.Node = node;
    current.parent && !ts.isStatement(current);
    current = current.parent
  ) {
    const up = current.parent;
    if (
      ts.isBinaryExpression(up) &&
      up.left === current &&
      up.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      up.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    )
      return false;
    if ((ts.isForOfStatement(up) || ts.isForInStatement(up)) && up.initializer === current)
      return false;
  }
  if (ts.isExpressionStatement(parent)) return !ts.isStringLiteral(node);
  if (ts.isCallExpression(parent))
    return parent.expression === node || parent.arguments.includes(node as ts.Expression);
  if (ts.isNewExpression(parent)) return parent.arguments?.includes(node as ts.Expression) ?? false;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent))
    return (
      parent.expression === node ||
      (ts.isElementAccessExpression(parent) && parent.argumentExpression === node)
    );
  if (ts.isBinaryExpression(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent))
    return (
      parent.operator !== ts.SyntaxKind.PlusPlusToken &&
      parent.operator !== ts.SyntaxKind.MinusMinusToken
    );
  if (ts.isArrowFunction(parent)) return parent.body === node;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isBindingElement(parent)
  )
    return parent.initializer === node;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === node;
  if (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) return parent.expression === node;
  return (
    ts.isReturnStatement(parent) ||
    ts.isThrowStatement(parent) ||
    ts.isAwaitExpression(parent) ||
    ts.isVoidExpression(parent) ||
    ts.isTypeOfExpression(parent) ||
    ts.isConditionalExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isTemplateSpan(parent) ||
    ts.isParenthesizedExpression(parent) ||
    ts.isAsExpression(parent) ||
    ts.isSatisfiesExpression(parent) ||
    ts.isNonNullExpression(parent) ||
    ts.isIfStatement(parent) ||
    ts.isWhileStatement(parent) ||
    ts.isSwitchStatement(parent) ||
    ts.isJsxExpression(parent) ||
    ts.isExportAssignment(parent)
  );
}

/** Redundant parentheses around an expression at the anchor or around it. */
const parentheses: Transform = {
  name: 'parentheses',
  apply(shape, random) {
    const tree = parseTree(shape.fileName, shape.code);
    const statement = statementAt(tree, shape.anchor);
    const candidates: ts.Expression[] = [];
    for (
      let node: ts.Node | undefined = nodeAt(tree, shape.anchor);
      node && node !== statement;
      node = node.parent
    ) {
      if (canParenthesize(node)) candidates.push(node);
    }
    if (candidates.length === 0) return undefined;
    const target = random.pick(candidates);
    const start = target.getStart(tree);
    const guard = ts.isExpressionStatement(target.parent) ? asiGuard(tree, start, '(') : '';
    return edit(shape, [
      { at: start, text: `${guard}(` },
      { at: target.end, text: ')' },
    ]);
  },
};

/** The file without statement-ending semicolons, one statement per line, with `;` before lines that need it. */
const noSemicolons: Transform = {
  name: 'no-semicolons',
  apply(shape) {
    const tree = parseTree(shape.fileName, shape.code);
    const edits: Edit[] = [];
    const visit = (node: ts.Node): void => {
      if (
        node.parent &&
        STATEMENT_LISTS.has(node.parent.kind) &&
        !ts.isEmptyStatement(node) &&
        !ts.isDoStatement(node)
      ) {
        const statement = node as ts.Statement;
        const siblings = siblingsOf(statement);
        const next = siblings[siblings.indexOf(statement) + 1];
        const endsWithSemicolon = shape.code[statement.end - 1] === ';';
        if (endsWithSemicolon) {
          const sameLine = next && !/\n/.test(shape.code.slice(statement.end, next.getStart(tree)));
          edits.push({
            at: statement.end - 1,
            end: statement.end,
            text: sameLine ? `\n${indentationAt(shape.code, statement.getStart(tree))}` : '',
          });
        }
        const previous = siblings[siblings.indexOf(statement) - 1];
        // No guard after a statement that ends with a block: none is needed there, and fixes that replace it must add one.
        if (
          previous &&
          !endsWithBlock(previous) &&
          /^[([`+\-/]/.test(shape.code[statement.getStart(tree)] ?? '')
        )
          edits.push({ at: statement.getStart(tree), text: ';' });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
    return edits.length === 0 ? undefined : edit(shape, edits);
  },
};

/** The statement split over lines, after `(` `,` `=>` `&&` `||` `??` and before `.`, as formatters do. */
const multiline: Transform = {
  name: 'multiline',
  apply(shape, random) {
    const tree = parseTree(shape.fileName, shape.code);
    const statement = statementAt(tree, shape.anchor);
    if (!statement) return undefined;
    const indentation = `${indentationAt(shape.code, statement.getStart(tree))}  `;
    const after = new Set([
      ts.SyntaxKind.OpenParenToken,
      ts.SyntaxKind.CommaToken,
      ts.SyntaxKind.EqualsGreaterThanToken,
      ts.SyntaxKind.AmpersandAmpersandToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken,
    ]);
    const edits: Edit[] = [];
    for (const token of tokensOf(statement, tree)) {
      if (inJsxMarkup(token) || !random.chance(0.5)) continue;
      if (after.has(token.kind)) edits.push({ at: token.end, text: `\n${indentation}` });
      else if (
        token.kind === ts.SyntaxKind.DotToken &&
        ts.isPropertyAccessExpression(token.parent) &&
        !token.parent.questionDotToken
      )
        edits.push({ at: token.getStart(tree), text: `\n${indentation}` });
    }
    return edits.length === 0 ? undefined : edit(shape, edits);
  },
};

/** The statements from the anchor's onwards inside a block, a `try`, or a labelled block. */
const nesting: Transform = {
  name: 'nesting',
  apply(shape, random) {
    const tree = parseTree(shape.fileName, shape.code);
    const run = runAt(tree, shape.anchor, false);
    if (!run) return undefined;
    const indentation = indentationAt(shape.code, run.start);
    const label = `nested${shape.serial}`;
    const [open, close] = random.pick([
      ['{', '}'],
      ['try {', '} finally {\n' + indentation + '}'],
      ['try {', '} catch (error) {\n' + indentation + '  throw error;\n' + indentation + '}'],
      [`${label}: {`, '}'],
    ] as const);
    return edit(shape, [
      { at: run.start, text: `${open}\n${indentation}` },
      { at: run.end, text: `\n${indentation}${close}` },
    ]);
  },
};

/** The statements from the anchor's onwards moved into a callback, an inner function, or a decorated method. */
const context: Transform = {
  name: 'context',
  apply(shape, random) {
    const tree = parseTree(shape.fileName, shape.code);
    const run = runAt(tree, shape.anchor, true);
    if (!run) return undefined;
    const awaits = containsDirect(run.statements, isAwaitPoint);
    const mayAwait = canAwaitAt(run.statements[0]!, shape.fileName);
    const indentation = indentationAt(shape.code, run.start);
    const body = shape.code.slice(run.start, run.end);
    const name = `inner${shape.serial}`;
    const asyncKeyword = awaits || random.chance(0.5) ? 'async ' : '';
    const call =
      asyncKeyword && mayAwait ? `await ${name}()` : asyncKeyword ? `void ${name}()` : `${name}()`;
    const forms = [
      `[0].forEach(${asyncKeyword}() => {\n${indentation}${body}\n${indentation}});`,
      `const ${name} = ${asyncKeyword}() => {\n${indentation}${body}\n${indentation}};\n${indentation}${call};`,
      `${asyncKeyword}function ${name}() {\n${indentation}${body}\n${indentation}}\n${indentation}${call};`,
    ];
    const decorator = `logged${shape.serial}`;
    const decorated = `class Holder${shape.serial} {\n${indentation}  @${decorator}\n${indentation}  ${asyncKeyword}method() {\n${indentation}${body}\n${indentation}  }\n${indentation}}\n${indentation}${call.replace(`${name}()`, `new Holder${shape.serial}().method()`)};`;
    const declaration = isJavaScript(shape.fileName)
      ? `\nfunction ${decorator}(value, context) {\n  return value;\n}\n`
      : `\ndeclare function ${decorator}(value: unknown, context: ClassMethodDecoratorContext): void;\n`;
    const useDecorator = random.chance(0.3);
    const replacement = useDecorator ? decorated : random.pick(forms);
    return edit(shape, [
      {
        at: run.start,
        end: run.end,
        text: `${asiGuard(tree, run.start, replacement)}${replacement}`,
      },
      ...(useDecorator ? [{ at: shape.code.length, text: declaration }] : []),
    ]);
  },
};

/** The statements from the anchor's onwards in a JSX event handler (the file becomes `.tsx` if it was `.ts`). */
const jsx: Transform = {
  name: 'jsx',
  apply(shape, random) {
    const extension = path.extname(shape.fileName);
    if (!['.ts', '.tsx', '.js'].includes(extension)) return undefined;
    const fileName = extension === '.ts' ? shape.fileName.replace(/\.ts$/, '.tsx') : shape.fileName;
    const tree = parseTree(fileName, shape.code);
    const run = runAt(tree, shape.anchor, true);
    if (!run) return undefined;
    const awaits = containsDirect(run.statements, isAwaitPoint);
    const indentation = indentationAt(shape.code, run.start);
    const handler = `${awaits || random.chance(0.5) ? 'async ' : ''}() => {\n${indentation}${shape.code.slice(run.start, run.end)}\n${indentation}}`;
    const element = random.pick([
      `<button onClick={${handler}}>go</button>`,
      `<form onSubmit={${handler}} />`,
    ]);
    return edit(
      shape,
      [{ at: run.start, end: run.end, text: `const view${shape.serial} = ${element};` }],
      { fileName },
    );
  },
};

/** The function around the anchor made async (when it is not) or sync (when it awaits nothing). */
const asyncToggle: Transform = {
  name: 'async-toggle',
  apply(shape) {
    const tree = parseTree(shape.fileName, shape.code);
    let fn: ts.FunctionLikeDeclaration | undefined;
    for (
      let node: ts.Node | undefined = nodeAt(tree, shape.anchor);
      node && !fn;
      node = node.parent
    )
      if (isFunctionLike(node)) fn = node;
    if (
      !fn ||
      !fn.body ||
      fn.asteriskToken ||
      ts.isConstructorDeclaration(fn) ||
      ts.isGetAccessorDeclaration(fn) ||
      ts.isSetAccessorDeclaration(fn)
    )
      return undefined;
    const asyncModifier = ts
      .getModifiers(fn)
      ?.find((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
    if (asyncModifier) {
      if (containsDirect([fn.body], isAwaitPoint)) return undefined;
      const end =
        asyncModifier.end + (/^\s*/.exec(shape.code.slice(asyncModifier.end))?.[0].length ?? 0);
      return edit(shape, [{ at: asyncModifier.getStart(tree), end, text: '' }]);
    }
    const at = ts.isMethodDeclaration(fn)
      ? fn.name.getStart(tree)
      : ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)
        ? fn
            .getChildren(tree)
            .find((child) => child.kind === ts.SyntaxKind.FunctionKeyword)
            ?.getStart(tree)
        : fn.getStart(tree);
    if (at === undefined) return undefined;
    return edit(shape, [{ at, text: 'async ' }]);
  },
};

/** A member call at the anchor made optional: `a?.b()` or `a.b?.()`. */
const optionalChain: Transform = {
  name: 'optional-chain',
  apply(shape, random) {
    const tree = parseTree(shape.fileName, shape.code);
    const statement = statementAt(tree, shape.anchor);
    if (!statement) return undefined;
    const calls: ts.CallExpression[] = [];
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        !node.questionDotToken &&
        !node.expression.questionDotToken &&
        node.expression.expression.kind !== ts.SyntaxKind.SuperKeyword &&
        !ts.isTaggedTemplateExpression(node.parent) &&
        !ts.isDecorator(node.parent) &&
        !inJsxMarkup(node)
      ) {
        calls.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    if (calls.length === 0) return undefined;
    const nearest = calls.filter(
      (call) => call.getStart(tree) <= shape.anchor && shape.anchor < call.end,
    );
    const call = random.pick(nearest.length > 0 && random.chance(0.7) ? nearest : calls);
    const callee = call.expression as ts.PropertyAccessExpression;
    if (random.chance(0.5)) {
      const dot = callee.getChildren(tree).find((child) => child.kind === ts.SyntaxKind.DotToken);
      return dot ? edit(shape, [{ at: dot.getStart(tree), end: dot.end, text: '?.' }]) : undefined;
    }
    const open = call
      .getChildren(tree)
      .find((child) => child.kind === ts.SyntaxKind.OpenParenToken);
    return open ? edit(shape, [{ at: open.getStart(tree), text: '?.' }]) : undefined;
  },
};

/** The anchor's statement twice, so that two findings' fixes meet in one pass. */
const duplicate: Transform = {
  name: 'duplicate',
  apply(shape) {
    const tree = parseTree(shape.fileName, shape.code);
    const statement = statementAt(tree, shape.anchor);
    if (!statement || !ts.isExpressionStatement(statement)) return undefined;
    const text = shape.code.slice(statement.getStart(tree), statement.end);
    const guard = shape.code[statement.end - 1] !== ';' && /^[([`+\-/]/.test(text) ? ';' : '';
    return edit(shape, [
      {
        at: statement.end,
        text: `\n${indentationAt(shape.code, statement.getStart(tree))}${guard}${text}`,
      },
    ]);
  },
};

const NEIGHBOURS = [
  '[1, 2].forEach((n) => n);',
  '(() => 0)();',
  '`${0}`.trim();',
  'void 0;',
  '-1;',
];

/**
 * Statements around the anchor's: one that starts with `(`, `[` or a template before or after it (in a file without
 * semicolons, the line before such a statement must end its own statement, unless it ends with a block), or a
 * harmless one.
 */
const neighbours: Transform = {
  name: 'neighbours',
  apply(shape, random) {
    const tree = parseTree(shape.fileName, shape.code);
    const anchored = statementAt(tree, shape.anchor);
    if (!anchored) return undefined;
    // The anchor's statement, a later one of its list, or a statement that holds it.
    const candidates: ts.Statement[] = [
      anchored,
      ...siblingsOf(anchored).slice(siblingsOf(anchored).indexOf(anchored) + 1),
    ];
    for (let node: ts.Node = anchored.parent; !ts.isSourceFile(node); node = node.parent) {
      if (node.parent && STATEMENT_LISTS.has(node.parent.kind))
        candidates.push(node as ts.Statement);
    }
    const statement = random.pick(candidates);
    const start = statement.getStart(tree);
    const indentation = indentationAt(shape.code, start);
    const edits: Edit[] = [];
    if (random.chance(0.7)) {
      const text = random.pick(NEIGHBOURS);
      const guard =
        shape.code[statement.end - 1] === ';' ||
        endsWithBlock(statement) ||
        !/^[([`+\-/]/.test(text)
          ? ''
          : ';';
      edits.push({ at: statement.end, text: `\n${indentation}${guard}${text}` });
    }
    if (edits.length === 0 || random.chance(0.4)) {
      const text = random.pick(NEIGHBOURS);
      edits.push({ at: start, text: `${asiGuard(tree, start, text)}${text}\n${indentation}` });
    }
    return edit(shape, edits);
  },
};

/** The same code as another kind of module: `.ts` as `.mts` or `.cts`, `.js` as `.mjs` or as CommonJS with `require`. */
const moduleFormat: Transform = {
  name: 'module-format',
  apply(shape, random) {
    const extension = path.extname(shape.fileName);
    const renamed = (to: string): Shape => ({
      ...shape,
      fileName: shape.fileName.slice(0, -extension.length) + to,
      serial: shape.serial + 1,
    });
    if (extension === '.ts') return renamed(random.pick(['.mts', '.cts']));
    if (extension === '.mts' || extension === '.cts') return renamed('.ts');
    if (extension !== '.js') return undefined;
    if (random.chance(0.3)) return renamed('.mjs');
    return toCommonJs(shape);
  },
};

/** An ES module in JavaScript rewritten with `require` and `module.exports`, as a `.cjs` file. */
function toCommonJs(shape: Shape): Shape | undefined {
  const fileName = shape.fileName.replace(/\.js$/, '.cjs');
  const tree = parseTree(shape.fileName, shape.code);
  if (containsDirect(tree.statements, (node) => isAwaitPoint(node) || ts.isMetaProperty(node)))
    return undefined;
  const edits: Edit[] = [];
  const exported: string[] = [];
  for (const statement of tree.statements) {
    const start = statement.getStart(tree);
    if (ts.isImportDeclaration(statement)) {
      const source = statement.moduleSpecifier.getText(tree);
      const clause = statement.importClause;
      const lines: string[] = [];
      if (!clause) lines.push(`require(${source});`);
      if (clause?.name) lines.push(`const ${clause.name.text} = require(${source});`);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings))
        lines.push(`const ${bindings.name.text} = require(${source});`);
      if (bindings && ts.isNamedImports(bindings)) {
        const names = bindings.elements.map((element) =>
          element.propertyName
            ? `${element.propertyName.getText(tree)}: ${element.name.text}`
            : element.name.text,
        );
        lines.push(`const { ${names.join(', ')} } = require(${source});`);
      }
      edits.push({ at: start, end: statement.end, text: lines.join('\n') });
      continue;
    }
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) return undefined;
    const exportKeyword = ts.canHaveModifiers(statement)
      ? ts
          .getModifiers(statement)
          ?.find((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : undefined;
    if (!exportKeyword) continue;
    if (
      ts
        .getModifiers(statement as ts.HasModifiers)
        ?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)
    )
      return undefined;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
      exported.push(statement.name.text);
    else if (ts.isVariableStatement(statement)) exported.push(...declaredNames(statement));
    else return undefined;
    edits.push({ at: exportKeyword.getStart(tree), end: exportKeyword.end + 1, text: '' });
  }
  if (exported.length > 0)
    edits.push({ at: shape.code.length, text: `\nmodule.exports = { ${exported.join(', ')} };\n` });
  return edit(shape, edits, { fileName });
}

export const TRANSFORMS: readonly Transform[] = [
  comments,
  parentheses,
  noSemicolons,
  multiline,
  nesting,
  context,
  jsx,
  asyncToggle,
  optionalChain,
  duplicate,
  neighbours,
  moduleFormat,
];

/** Applied last to a share of the variants, so that the other transforms' statements lose their semicolons too. */
export const FINISHING_TRANSFORM = noSemicolons;

/** An offset inside a random call or statement, for inputs that no rule reports yet. */
export function randomAnchor(fileName: string, code: string, random: Random): number {
  const tree = parseTree(fileName, code);
  const calls: ts.Node[] = [];
  const statements: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isAwaitExpression(node)) calls.push(node);
    if (
      node.parent &&
      STATEMENT_LISTS.has(node.parent.kind) &&
      !isFixedInPlace(node as ts.Statement)
    )
      statements.push(node);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  const pool = calls.length > 0 ? calls : statements;
  if (pool.length === 0) return 0;
  const node = random.pick(pool);
  return node.getStart(tree);
}
