// The edits the language-server measurement makes to a file, planned from its TypeScript syntax tree so that they
// work on any file: mostly typing a statement into a function body piece by piece (and undoing it), now and then
// changing an import (a named import removed, then restored) or a signature (a parameter added, then removed).
import ts from 'typescript';

export type EditKind = 'typing' | 'undo' | 'import' | 'signature';

/** One edit as offsets into the text it applies to (the text after every earlier edit). */
export interface PlannedEdit {
  kind: EditKind;
  start: number;
  end: number;
  text: string;
}

/** Ten edits: seven typing steps, one undo, one import change, one signature change. */
export const EDITS_PER_CYCLE = 10;

/** `const stampN = Date.now();` typed the way a person types it, a few characters per change. */
function typedPieces(indent: string, cycle: number): string[] {
  return [`\n${indent}const`, ` stamp${cycle}`, ' =', ' Date', '.now', '()', ';'];
}

interface Anchors {
  /** Functions with a block body that has a statement, in source order. */
  bodies: ts.Block[];
  /** The named imports of the file's import declarations, in order. */
  imports: ts.NamedImports[];
  /** Functions and methods whose last parameter is a plain one, so that another can follow it. */
  signatures: Array<
    ts.SignatureDeclaration & { parameters: ts.NodeArray<ts.ParameterDeclaration> }
  >;
}

function anchorsOf(text: string): Anchors {
  const sourceFile = ts.createSourceFile(
    'edited.ts',
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const anchors: Anchors = { bodies: [], imports: [], signatures: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) anchors.imports.push(bindings);
    }
    if (ts.isFunctionLike(node) && 'body' in node && node.body && ts.isBlock(node.body)) {
      if (node.body.statements.length > 0) anchors.bodies.push(node.body);
      const last = node.parameters.at(-1);
      if (last && !last.dotDotDotToken && ts.isIdentifier(last.name)) anchors.signatures.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return anchors;
}

/**
 * `count` edits in cycles of ten (rounded up), starting from `text`. Each pair of cycles leaves the text as it was;
 * the typing moves through the file's functions from cycle to cycle. Throws when the file has no function body to
 * type into; files without a suitable import or signature get typing edits in their place.
 */
export function planEdits(text: string, count: number): PlannedEdit[] {
  const edits: PlannedEdit[] = [];
  let current = text;
  const apply = (edit: PlannedEdit): void => {
    edits.push(edit);
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
  };
  // In place of an import or signature change the file cannot have: a space typed after a body's `{`.
  const typeSpace = (): void => {
    const start = anchorsOf(current).bodies[0]!.getStart() + 1;
    apply({ kind: 'typing', start, end: start, text: ' ' });
  };
  let removedImport: { text: string; index: number } | undefined;
  let addedParameter: { length: number } | undefined;
  for (let cycle = 0; edits.length < count; cycle++) {
    let anchors = anchorsOf(current);
    if (anchors.bodies.length === 0)
      throw new Error('the file has no function body with a statement to type into');
    // Spread the cycles over the file: every cycle types into a different function.
    const body =
      anchors.bodies[Math.floor((((cycle * 7919) % 1000) / 1000) * anchors.bodies.length)]!;
    const anchor = body.getStart() + 1;
    const firstStatement = body.statements[0]!;
    const lineStart = current.lastIndexOf('\n', firstStatement.getStart()) + 1;
    const indent = /^[ \t]*/.exec(current.slice(lineStart))![0];
    let typed = 0;
    for (const piece of typedPieces(indent, cycle)) {
      apply({ kind: 'typing', start: anchor + typed, end: anchor + typed, text: piece });
      typed += piece.length;
    }
    apply({ kind: 'undo', start: anchor, end: anchor + typed, text: '' });

    anchors = anchorsOf(current);
    // An import with at least two names, so that one can go and come back without emptying the braces.
    const index =
      removedImport?.index ?? anchors.imports.findIndex((named) => named.elements.length >= 2);
    const named = anchors.imports[index];
    if (named && removedImport === undefined) {
      // Remove the last name with the comma before it: `{ a, b }` → `{ a }`.
      const elements = named.elements;
      const start = elements[elements.length - 2]!.getEnd();
      const end = elements[elements.length - 1]!.getEnd();
      removedImport = { text: current.slice(start, end), index };
      apply({ kind: 'import', start, end, text: '' });
    } else if (named && removedImport !== undefined) {
      const end = named.elements[named.elements.length - 1]!.getEnd();
      apply({ kind: 'import', start: end, end, text: removedImport.text });
      removedImport = undefined;
    } else {
      typeSpace();
    }

    anchors = anchorsOf(current);
    const signature = anchors.signatures[Math.floor(anchors.signatures.length / 2)];
    if (signature && addedParameter === undefined) {
      const added = ', attempt = 0';
      apply({
        kind: 'signature',
        start: signature.parameters.at(-1)!.getEnd(),
        end: signature.parameters.at(-1)!.getEnd(),
        text: added,
      });
      addedParameter = { length: added.length };
    } else if (signature && addedParameter !== undefined) {
      const end = signature.parameters.at(-1)!.getEnd();
      apply({ kind: 'signature', start: end - addedParameter.length, end, text: '' });
      addedParameter = undefined;
    } else {
      typeSpace();
    }
  }
  return edits.slice(0, count);
}

/** The zero-based line and UTF-16 character of an offset into `text`, as LSP counts them. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, character: offset - lineStart };
}
