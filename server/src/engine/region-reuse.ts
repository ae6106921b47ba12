// Re-linting only what an edit can change. The language server lints a file again at every keystroke; when the edit
// stays inside one part of the file (a function, a class field, an import), the findings of the other parts stay what
// they were unless those parts are tied to the edited one by name. The file is split into regions (each top-level
// statement, and each member of a top-level class); the rules skip the regions the edit cannot reach
// (`region-skipping.ts`), and the previous lint's findings there are moved to their new lines (`mergeReused`).
//
// A region is reached, and linted again, when (a closure over the file's regions, by name):
// - it is the edited region;
// - it mentions a name the changed statements mention or mentioned, other than the function's own locals and the
//   method a call names (shared state: a client whose `defaults` the edit sets, a field the edit now awaits), or it
//   declares such a name (a function the edit now calls or no longer calls);
// - it mentions a name the edited region declares, or a callable name a reached region declares (its call graph
//   reads that body, or facts about it);
// - a reached region mentions a callable name it declares (facts about a function, such as being startup code,
//   depend on its callers);
// - when the edit can change types (a signature, a field, an import, an inferred return type that prints otherwise):
//   it mentions a name whose declared type reads, however indirectly, a name the edit declares or declared; or it
//   uses `this` whole, or names the class, of a class whose members' types changed;
// - a finding it had covers, fixes or points into a reached region, or its text names a line of the edited part (a
//   finding kept has the lines its text names moved, outside the code it quotes in backticks).
// For an import that keeps its module and the rest of its clause, only the specifiers added or removed count as what
// the edit mentions and declares: one written the same in both versions binds the same thing.
// Anything else falls back to a whole lint: an edit across parts, another file of the program or the compiler
// options changed, the changed lines name a disable comment, a class, a module, `Proxy` or the page's globals, an
// import of another module, a JavaScript file; or another file that imports this one and that this file's code can
// reach (this file imports it too, or it declares globals or a class extending or implementing another) names the
// edited function, or, when types can change, exists at all.
import type { Linter, Rule } from 'eslint';
import ts from 'typescript';

import type { RelatedLocation } from './findings';
import { normalizePath } from './file-names';
import { carryResolvedImports, importNeighbourhood } from './import-graph';
import { type RegionSpan, spanAt } from './region-skipping';
import type { LintMessage } from './results';

/** What the last lint of a file left for the next one. */
export interface LintMemory {
  text: string;
  lineStarts: readonly number[];
  program: { files: ReadonlyMap<string, ts.SourceFile>; options: ts.CompilerOptions };
  regions: readonly RegionSpan[];
  /**
   * The return type, as printed, of the function last edited when it has none declared, by its region's start: the
   * next edit inside it keeps the rest of the file only if it prints the same.
   */
  inferredReturn: { start: number; text: string } | undefined;
  messages: readonly LintMessage[];
  suppressedMessages: readonly Linter.SuppressedLintMessage[];
  related: ReadonlyMap<LintMessage, readonly RelatedLocation[]>;
}

interface RegionNames {
  /** The names it declares at its own level: a member's name, a statement's bindings. */
  declared: ReadonlySet<string>;
  /** The declared names code can call or construct (not a plain field or a parameter property). */
  callable: ReadonlySet<string>;
  /** Every identifier, private name and string in it. */
  mentioned: ReadonlySet<string>;
  /**
   * For each declared name, the names its type can depend on: a function's signature (its whole text when it does
   * not declare a return type), a property's or variable's type and initializer, a parameter property's parameter.
   */
  typeDeps: ReadonlyMap<string, ReadonlySet<string>>;
  /** `this` used other than to read or call one of its members: the type of the whole object matters. */
  usesThisAsValue: boolean;
  /** A computed member name or another shape the names cannot describe: always linted. */
  opaque: boolean;
}

interface Region extends RegionSpan {
  node: ts.Node;
  names: RegionNames;
}

/** What a lint skips and what it keeps from the previous one. */
export interface ReusePlan {
  /** The regions whose previous findings stand, in the new text's offsets, in order. */
  clean: readonly RegionSpan[];
  previous: LintMemory;
  /** The change: `[start, oldEnd)` of the previous text became `[start, newEnd)`. */
  start: number;
  oldEnd: number;
  newEnd: number;
  /**
   * The edited function's region: `start` and its end in the previous text (`oldEnd`) and in the new one. A fix that
   * spans it whole (an import added at the top with a call replaced further down) holds its text, which moves with it.
   */
  edited: { start: number; oldEnd: number; newEnd: number } | undefined;
}

/** Why a lint could not reuse anything, for tests and timings. */
export type NoReuse = {
  reason: string;
  /** The start of the region of the function edited, when the edit was inside one. */
  editedStart?: number;
};

// Per node: TypeScript's incremental parser hands an unchanged member to the next version as the same object. A
// constructor's names include its class's, which can change around it, so the entry records the name it was read with.
const nameCache = new WeakMap<ts.Node, { owner: string | undefined; names: RegionNames }>();

/** The regions of a file, in order: its top-level statements, a top-level class split into its members. */
export function regionsOf(sourceFile: ts.SourceFile): Region[] {
  const regions: Region[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) regions.push(regionOf(member, statement));
    } else {
      regions.push(regionOf(statement, undefined));
    }
  }
  return regions;
}

function regionOf(node: ts.Node, owner: ts.ClassDeclaration | undefined): Region {
  const ownerName = owner?.name?.text;
  let cached = nameCache.get(node);
  if (!cached || cached.owner !== ownerName) {
    cached = { owner: ownerName, names: namesOf(node, owner) };
    nameCache.set(node, cached);
  }
  return { node, start: node.getFullStart(), end: node.getEnd(), names: cached.names };
}

function namesOf(node: ts.Node, owner: ts.ClassDeclaration | undefined): RegionNames {
  const declared = new Set<string>();
  const callable = new Set<string>();
  const typeDeps = new Map<string, Set<string>>();
  let opaque = false;
  const dependOn = (name: string, ...sources: Array<ts.Node | undefined>): void => {
    let deps = typeDeps.get(name);
    if (!deps) typeDeps.set(name, (deps = new Set()));
    for (const source of sources) if (source) collectNames(source, deps);
  };
  const declare = (
    name: ts.Node | undefined,
    canCall: boolean,
    ...typeSources: Array<ts.Node | undefined>
  ): void => {
    if (!name) return;
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name)) {
      declared.add(name.text);
      if (canCall) callable.add(name.text);
      dependOn(name.text, ...typeSources);
    } else if (ts.isNumericLiteral(name)) {
      declared.add(name.text);
      dependOn(name.text, ...typeSources);
    } else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements)
        if (!ts.isOmittedExpression(element)) declare(element.name, canCall, ...typeSources);
    } else {
      opaque = true;
    }
  };
  /** What a function's type is read from: its signature, or all of it when the body gives the return type. */
  const signatureOf = (fn: ts.SignatureDeclaration): Array<ts.Node | undefined> =>
    fn.type || ts.isSetAccessorDeclaration(fn) || ts.isConstructorDeclaration(fn)
      ? [...(fn.typeParameters ?? []), ...fn.parameters, fn.type]
      : [fn];
  if (owner) {
    if (ts.isConstructorDeclaration(node)) {
      declared.add('constructor');
      callable.add('constructor');
      dependOn('constructor', ...signatureOf(node));
      declare(owner.name, true, ...signatureOf(node));
      for (const parameter of node.parameters)
        if (ts.getModifiers(parameter)?.length) declare(parameter.name, false, parameter);
    } else if (ts.isPropertyDeclaration(node)) {
      const initializer = node.initializer && skipParentheses(node.initializer);
      declare(
        node.name,
        !!initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)),
        node.type,
        node.initializer,
      );
    } else if (ts.isClassStaticBlockDeclaration(node) || ts.isSemicolonClassElement(node)) {
      // Nothing names them.
    } else if (
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)
    ) {
      declare(node.name, true, ...signatureOf(node));
    } else {
      declare((node as ts.ClassElement).name, true, node);
    }
  } else if (ts.isFunctionDeclaration(node)) {
    declare(node.name, true, ...signatureOf(node));
  } else if (ts.isEnumDeclaration(node)) {
    declare(node.name, true, node);
  } else if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
    declare(node.name, false, node);
  } else if (ts.isModuleDeclaration(node)) {
    opaque = true;
  } else if (ts.isVariableStatement(node)) {
    for (const declaration of node.declarationList.declarations)
      declare(declaration.name, true, declaration.type, declaration.initializer);
  } else if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    declare(clause?.name, true, node.moduleSpecifier);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings))
      declare(bindings.name, true, node.moduleSpecifier);
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements)
        declare(element.name, true, element.propertyName, node.moduleSpecifier);
  } else if (ts.isImportEqualsDeclaration(node)) {
    declare(node.name, true, node.moduleReference);
  } else if (ts.isClassDeclaration(node)) {
    opaque = true;
  }
  const mentioned = new Set<string>();
  let usesThisAsValue = false;
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) || ts.isPrivateIdentifier(child) || ts.isStringLiteralLike(child))
      mentioned.add(child.text);
    else if (child.kind === ts.SyntaxKind.ThisKeyword) {
      const parent = child.parent;
      if (!(ts.isPropertyAccessExpression(parent) && parent.expression === child))
        usesThisAsValue = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return { declared, callable, mentioned, typeDeps, usesThisAsValue, opaque };
}

function skipParentheses(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

/** Function-like regions an edit can stay inside of without changing what the rest of the program sees. */
type EditableFunction =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

function isEditableFunction(node: ts.Node): node is EditableFunction {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** Its type does not depend on its body: a declared return type, or nothing returned to see. */
function hasFixedSignature(node: EditableFunction): boolean {
  return ts.isConstructorDeclaration(node) || ts.isSetAccessorDeclaration(node) || !!node.type;
}

/**
 * Words on the changed lines that can change what the rules see beyond the function edited: triple-slash directives
 * (the files of the program), disable comments (ESLint's and typescript-eslint's, whose scope can run to the end of
 * the file), classes (the implementations the call graph follows), modules (`require`, `import()`: the packages the
 * project uses), `Proxy` (the traps the rejection analysis reads), and the page's globals and types (browser code,
 * see the plugin's `browser-code.ts`).
 */
const FILE_WIDE_WORDS =
  /\/\/\/|eslint|\bclass\b|\bimplements\b|\brequire\b|\bimport\b|\bProxy\b|\bwindow\b|\bdocument\b|\bDocument\b|\bWindow\b|Element\b|Event\b|\bDataTransfer\b/;

/** The same, for the lines of an import declaration, which name `import` themselves. */
const FILE_WIDE_WORDS_IN_IMPORT = new RegExp(FILE_WIDE_WORDS.source.replace('|\\bimport\\b', ''));

/** Line breaks ESLint counts besides `\n` (and the `\r` of `\r\n`), which `lineStartsOf` does not. */
const OTHER_LINE_BREAKS = /\r(?!\n)|[\u2028\u2029]/;

const JAVASCRIPT = /\.(?:js|jsx|mjs|cjs)$/i;

/** What the next lint of `file` can keep, or why it keeps nothing. */
export function planReuse(
  previous: LintMemory | undefined,
  file: string,
  text: string,
  sourceFile: ts.SourceFile,
  program: ts.Program,
): ReusePlan | NoReuse {
  if (!previous) return { reason: 'first lint' };
  if (JAVASCRIPT.test(file))
    return { reason: 'a JavaScript file (its types can come from comments)' };
  if (OTHER_LINE_BREAKS.test(text) || OTHER_LINE_BREAKS.test(previous.text))
    return { reason: 'the file has line breaks other than \\n and \\r\\n' };
  if (program.getCompilerOptions() !== previous.program.options)
    return { reason: 'the compiler options changed' };
  const files = program.getSourceFiles();
  if (files.length !== previous.program.files.size) return { reason: 'the program changed' };
  for (const other of files) {
    if (other === sourceFile) continue;
    if (previous.program.files.get(other.fileName) !== other)
      return { reason: 'another file of the program changed' };
  }
  let start = 0;
  const oldText = previous.text;
  const limit = Math.min(oldText.length, text.length);
  while (start < limit && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = text.length;
  while (
    oldEnd > start &&
    newEnd > start &&
    oldText.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)
  ) {
    oldEnd--;
    newEnd--;
  }
  const delta = newEnd - oldEnd;
  const regions = regionsOf(sourceFile);
  if (oldText === text)
    return planOf(regions, new Set(), new Set(), previous, sourceFile.fileName, false, {
      start,
      oldEnd,
      newEnd,
      edited: undefined,
    });

  const edited = regions.find((region) => region.start < start && newEnd < region.end);
  if (!edited) return { reason: 'the edit is not inside one part of the file' };
  if (edited.names.opaque) return { reason: 'the edited part has a computed name' };
  const node = edited.node;
  const body = isEditableFunction(node) ? node.body : undefined;
  const insideBody = !!body && body.getStart() < start && newEnd < body.getEnd();
  // An edit inside a body keeps the function's type when it declares its return type, or when the one inferred prints
  // as before; otherwise (a signature, an import, a field) the types of what it declares may change.
  let typesChange = !insideBody;
  if (insideBody && !hasFixedSignature(node as EditableFunction)) {
    const before = previous.inferredReturn;
    const now = inferredReturnText(program, node);
    typesChange = before?.start !== edited.start || now === undefined || now !== before.text;
  }
  if (
    typesChange &&
    !(isEditableFunction(node) || ts.isPropertyDeclaration(node) || ts.isImportDeclaration(node))
  )
    return { reason: 'the edit changes a declaration other than a function, a field or an import' };
  const oldRegion = previous.regions.find(
    (region) => region.start === edited.start && region.end === edited.end - delta,
  );
  if (!oldRegion) return { reason: 'the file was split differently before' };
  // For an import that keeps its module and the shape of its clause: the names of the specifiers added or removed.
  let importChange: ReadonlySet<string> | undefined;
  if (ts.isImportDeclaration(node)) {
    // Only the names imported may change: another module changes which packages the project uses.
    const before = parseAlone(node, oldText.slice(edited.start, edited.end - delta)).node;
    if (
      !ts.isImportDeclaration(before) ||
      before.moduleSpecifier.getText() !== node.moduleSpecifier.getText()
    )
      return { reason: 'the edit changes which module an import reads' };
    importChange = changedImportNames(before, node);
  }
  const wideWords = ts.isImportDeclaration(node) ? FILE_WIDE_WORDS_IN_IMPORT : FILE_WIDE_WORDS;
  if (
    wideWords.test(linesAround(oldText, start, oldEnd)) ||
    wideWords.test(linesAround(text, start, newEnd))
  )
    return { reason: 'the changed lines name something that reaches the whole file' };
  // The changed lines name no module (above), so the file imports what it did; the other files are the same objects
  // (checked first), so what imports it and what it imports are what they were.
  const before = previous.program.files.get(sourceFile.fileName);
  const sameImports = before !== undefined && carryResolvedImports(before, sourceFile);
  const kept = sameImports ? neighbourhoods.get(before) : undefined;
  const neighbourhood = (): Neighbourhood => {
    let found = neighbourhoods.get(sourceFile) ?? kept;
    if (!found) found = importNeighbourhood(program, sourceFile.fileName);
    neighbourhoods.set(sourceFile, found);
    return found;
  };
  const reachingFile = fileReachingBack(program, sourceFile, edited, neighbourhood);
  if (reachingFile)
    return {
      reason: `another file of the project can call the edited function (${reachingFile})`,
      editedStart: edited.start,
    };
  if (typesChange) {
    const dependent = fileSeeingTypes(program, neighbourhood);
    if (dependent)
      return {
        reason: `the edit can change types that another file reads (${dependent})`,
        editedStart: edited.start,
      };
  }

  // Every other region must have been a region of the previous text, at its shifted place.
  const oldStarts = new Set(previous.regions.map((region) => `${region.start}:${region.end}`));
  for (const region of regions) {
    if (region === edited) continue;
    const shift = region.start >= newEnd ? delta : 0;
    if (!oldStarts.has(`${region.start - shift}:${region.end - shift}`))
      return { reason: 'the file was split differently before' };
  }

  const oldEditedText = oldText.slice(edited.start, edited.end - delta);
  // The names the file's code can share: its own declarations, and globals the project declares (when it does).
  const moduleNames: ReadonlySet<string> = projectDeclaresGlobals(program, sourceFile)
    ? ({ has: () => true } as unknown as ReadonlySet<string>)
    : new Set([
        ...regions.flatMap((region) => [...region.names.declared]),
        ...declaredBefore(node, oldEditedText),
      ]);
  const namesChangedAt = (from: number, oldTo: number, newTo: number): Set<string> =>
    new Set([
      ...namesOfChangedStatements(
        node,
        oldEditedText,
        from - edited.start,
        oldTo - edited.start,
        moduleNames,
      ),
      ...namesOfChangedStatements(
        node,
        text.slice(edited.start, edited.end),
        from - edited.start,
        newTo - edited.start,
        moduleNames,
      ),
    ]);
  // Text typed or deleted whole can be placed otherwise (`x();\n  ` before a statement that starts with the same
  // `x`, or `\n  x();` after the statement before): the placement that touches fewer statements tells what changed.
  // An import's specifiers written the same in both versions bind what they bound: only the others' names count.
  let changedNames = importChange ? new Set(importChange) : namesChangedAt(start, oldEnd, newEnd);
  // Inside a body the text stays there (`{` is not moved across): what a signature change reaches is another matter.
  const floor = insideBody ? body.getStart() : edited.start;
  const slid = importChange ? undefined : slideLeft(oldText, text, start, oldEnd, newEnd, floor);
  if (slid) {
    const other = namesChangedAt(slid.start, slid.oldEnd, slid.newEnd);
    if (other.size < changedNames.size) changedNames = other;
  }
  const previousNames = importChange
    ? new Set(importChange)
    : oldRegionNames(edited, oldEditedText);
  // The edited import, narrowed to those names, stands for it from here on (`planOf`'s closure reads its names).
  const seed: Region = importChange
    ? { ...edited, names: limitedTo(edited.names, importChange) }
    : edited;
  regions[regions.indexOf(edited)] = seed;
  const dirty = new Set<Region>([seed]);
  for (const region of regions) {
    if (region.names.opaque) dirty.add(region);
    else if (intersects(region.names.mentioned, changedNames)) dirty.add(region);
    else if (intersects(region.names.mentioned, seed.names.declared)) dirty.add(region);
    else if (isImport(region)) continue;
    else if (intersects(region.names.declared, changedNames)) dirty.add(region);
    else if (intersects(region.names.callable, previousNames)) dirty.add(region);
  }
  if (typesChange) {
    // The names whose types may have changed, and every region naming one: what the edit declares (before and
    // after), and what a declaration's type reads from those, however far.
    const changedTypes = new Set(
      importChange ?? [...edited.names.declared, ...declaredBefore(node, oldEditedText)],
    );
    if (ts.isImportDeclaration(node)) for (const name of changedNames) changedTypes.add(name);
    let grew = true;
    while (grew) {
      grew = false;
      for (const region of regions) {
        for (const [name, deps] of region.names.typeDeps) {
          if (changedTypes.has(name) || !intersects(deps, changedTypes)) continue;
          changedTypes.add(name);
          grew = true;
        }
      }
    }
    const classes = new Set<ts.Node>();
    for (const region of regions) {
      if (!intersects(region.names.mentioned, changedTypes)) continue;
      dirty.add(region);
      if (ts.isClassDeclaration(region.node.parent)) classes.add(region.node.parent);
    }
    if (ts.isClassDeclaration(node.parent)) classes.add(node.parent);
    // A class whose members' types changed has another shape: code using its objects whole (`this` passed along, its
    // name as a type) sees it. A class extending another in the file would inherit it: everything is linted.
    if (
      classes.size > 0 &&
      sourceFile.statements.some(
        (statement) =>
          ts.isClassDeclaration(statement) &&
          statement.heritageClauses?.some(
            (clause) => clause.token === ts.SyntaxKind.ExtendsKeyword,
          ),
      )
    )
      return { reason: 'a class of the file extends another' };
    const classNames = new Set<string>();
    for (const owner of classes)
      if ((owner as ts.ClassDeclaration).name)
        classNames.add((owner as ts.ClassDeclaration).name!.text);
    for (const region of regions)
      if (
        intersects(region.names.mentioned, classNames) ||
        (region.names.usesThisAsValue && classes.has(region.node.parent))
      )
        dirty.add(region);
    for (const name of changedTypes) previousNames.add(name);
  }
  // The order of a module's top-level statements matters to some rules (awaits at the top level, run in a row).
  if (node.parent === sourceFile)
    for (const region of regions)
      if (
        region.node.parent === sourceFile &&
        !ts.isFunctionDeclaration(region.node) &&
        !ts.isInterfaceDeclaration(region.node) &&
        !ts.isTypeAliasDeclaration(region.node) &&
        !ts.isImportDeclaration(region.node)
      )
        dirty.add(region);
  const linesMoved =
    lineBreaksIn(oldText.slice(start, oldEnd)) !== lineBreaksIn(text.slice(start, newEnd));
  return planOf(regions, dirty, previousNames, previous, sourceFile.fileName, linesMoved, {
    start,
    oldEnd,
    newEnd,
    edited: { start: edited.start, oldEnd: edited.end - delta, newEnd: edited.end },
  });
}

/**
 * The local and exported names of the specifiers one version of an import has and the other has not, when both keep
 * everything else (the module, `type` on the clause, a default or namespace binding, attributes); otherwise undefined.
 * A specifier written the same in both binds the same export of the same module.
 */
function changedImportNames(
  before: ts.ImportDeclaration,
  after: ts.ImportDeclaration,
): Set<string> | undefined {
  const namedOf = (declaration: ts.ImportDeclaration): ts.NamedImports | undefined => {
    const bindings = declaration.importClause?.namedBindings;
    return bindings && ts.isNamedImports(bindings) ? bindings : undefined;
  };
  const namedBefore = namedOf(before);
  const namedAfter = namedOf(after);
  if (!namedBefore || !namedAfter) return undefined;
  const rest = (declaration: ts.ImportDeclaration, named: ts.NamedImports): string => {
    const text = declaration.getText();
    const from = declaration.getStart();
    return text.slice(0, named.getStart() - from) + text.slice(named.getEnd() - from);
  };
  if (rest(before, namedBefore) !== rest(after, namedAfter)) return undefined;
  const names = new Set<string>();
  const specifiers = (named: ts.NamedImports): Map<string, ts.ImportSpecifier> =>
    new Map(named.elements.map((element) => [element.getText(), element]));
  const [one, other] = [specifiers(namedBefore), specifiers(namedAfter)];
  for (const [mine, theirs] of [
    [one, other],
    [other, one],
  ] as const)
    for (const [text, element] of mine) {
      if (theirs.has(text)) continue;
      names.add(element.name.text);
      if (element.propertyName) names.add(element.propertyName.text);
    }
  return names;
}

/** A region's names narrowed to `names`: what an import edit changes of it. */
function limitedTo(all: RegionNames, names: ReadonlySet<string>): RegionNames {
  const keep = (set: ReadonlySet<string>): Set<string> =>
    new Set([...set].filter((name) => names.has(name)));
  return {
    ...all,
    declared: keep(all.declared),
    callable: keep(all.callable),
    mentioned: keep(all.mentioned),
    typeDeps: new Map([...all.typeDeps].filter(([name]) => names.has(name))),
  };
}

/**
 * A pure insertion or deletion moved as far left as the text allows while it stays after the character at `floor`:
 * inserting `ab` after `xb` is inserting `ba` after `x`. Undefined when it cannot move.
 */
function slideLeft(
  oldText: string,
  text: string,
  start: number,
  oldEnd: number,
  newEnd: number,
  floor: number,
): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (oldEnd !== start && newEnd !== start) return undefined;
  const longer = oldEnd > start ? oldText : text;
  let end = Math.max(oldEnd, newEnd);
  let from = start;
  while (from > floor + 1 && longer.charCodeAt(from - 1) === longer.charCodeAt(end - 1)) {
    from--;
    end--;
  }
  if (from === start) return undefined;
  return oldEnd > start
    ? { start: from, oldEnd: end, newEnd: from }
    : { start: from, oldEnd: from, newEnd: end };
}

/** The names of the edited function as it was, read from its previous text. */
function oldRegionNames(edited: Region, oldText: string): Set<string> {
  const names = new Set(edited.names.mentioned);
  collectNames(parseAlone(edited.node, oldText).node, names);
  return names;
}

/** The names a region declared in its previous text. */
function declaredBefore(region: ts.Node, oldText: string): ReadonlySet<string> {
  const parsed = parseAlone(region, oldText);
  const owner = parsed.node.parent;
  return namesOf(parsed.node, owner && ts.isClassDeclaration(owner) ? owner : undefined).declared;
}

/**
 * A project file that can see the types this file declares while the rules, linting this file, can read it: one that
 * imports this file (directly or not) and that this file imports too (a cycle), or that declares a class extending or
 * implementing another (the call graph follows interface calls into implementations anywhere), or that declares
 * something (`declare module` augments this file's types).
 */
function fileSeeingTypes(
  program: ts.Program,
  neighbourhood: () => Neighbourhood,
): string | undefined {
  const { importers, imported } = neighbourhood();
  for (const importer of importers)
    if (imported.has(importer) || reachesAnywhere(program, importer)) return importer;
  return undefined;
}

interface Parsed {
  node: ts.Node;
  /** Where the region's text starts in the parsed snippet. */
  offset: number;
}

/** A region's text parsed on its own: a class member inside an empty class, a statement as a file. */
function parseAlone(region: ts.Node, text: string): Parsed {
  const member = ts.isClassElement(region);
  const prefix = member ? 'class __Region {' : '';
  const snippet = ts.createSourceFile(
    'region.ts',
    `${prefix}${text}${member ? '\n}' : ''}`,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const [statement] = snippet.statements;
  const node =
    member && statement && ts.isClassDeclaration(statement)
      ? (statement.members[0] ?? statement)
      : (statement ?? snippet);
  return { node, offset: prefix.length };
}

/**
 * The names that the change `[from, to)` (offsets into `region`'s text) can share with other regions: those in the
 * statements of the innermost block around the change that overlap it, except the function's own parameters and
 * locals (no other region sees them) and the method named in a call (`get` in `this.cache.get(key)`: the receiver
 * counts, and the functions the file declares are reached by their callers' names anyway).
 */
function namesOfChangedStatements(
  region: ts.Node,
  text: string,
  from: number,
  to: number,
  moduleNames: ReadonlySet<string>,
): Set<string> {
  const parsed = parseAlone(region, text);
  const a = from + parsed.offset;
  const b = to + parsed.offset;
  const names = new Set<string>();
  const fn = parsed.node;
  if (!isEditableFunction(fn) || !fn.body) {
    collectNames(fn, names);
    return names;
  }
  if (!(fn.body.getStart() < a && b < fn.body.getEnd())) {
    // A signature: the names its default values and decorators read (shared state); what it declares and the types
    // it names reach other code through its type (`changedTypes` in `planReuse`).
    for (const parameter of fn.parameters) {
      if (parameter.initializer) collectNames(parameter.initializer, names);
      for (const modifier of ts.getDecorators(parameter) ?? []) collectNames(modifier, names);
    }
    for (const modifier of ts.getDecorators(fn as ts.HasDecorators) ?? [])
      collectNames(modifier, names);
    return names;
  }
  const locals = localNamesOf(fn);
  // Locals the changed statements read: what their declarations read is shared too (`const c = this.client;` then
  // `c.defaults.timeout = 1` changes the client).
  const usedLocals = new Set<string>();
  const collectShared = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
      const parent = node.parent;
      const isPropertyName = ts.isPropertyAccessExpression(parent) && parent.name === node;
      const isCalledMethod =
        isPropertyName && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
      if (isPropertyName) {
        // A property of a local's value is the local's business (its declaration is followed below); of `this`, of
        // a module's binding or of a global, it may be shared.
        const root = rootOf(parent);
        if (ts.isIdentifier(root) && locals.has(root.text)) usedLocals.add(root.text);
        else if (!isCalledMethod) names.add(node.text);
      } else if (locals.has(node.text)) {
        usedLocals.add(node.text);
      } else if (moduleNames.has(node.text)) {
        // A global (`Promise`, `process`) is not state the rules follow; what is passed to it is named here.
        names.add(node.text);
      }
    } else if (ts.isStringLiteralLike(node)) {
      names.add(node.text);
    }
    ts.forEachChild(node, collectShared);
  };
  const followLocals = (): void => {
    const followed = new Set<string>();
    for (let grew = true; grew;) {
      grew = false;
      for (const local of [...usedLocals]) {
        if (followed.has(local)) continue;
        followed.add(local);
        grew = true;
        const visit = (node: ts.Node): void => {
          if (
            (ts.isVariableDeclaration(node) || ts.isBindingElement(node)) &&
            bindsName(node.name, local)
          ) {
            const declaration = ts.isBindingElement(node) ? bindingDeclaration(node) : node;
            if (declaration?.initializer) collectShared(declaration.initializer);
          }
          ts.forEachChild(node, visit);
        };
        visit(fn.body!);
      }
    }
  };
  let statements: readonly ts.Node[] = fn.body.statements;
  for (;;) {
    const touched = statements.filter(
      (statement) => statement.getStart() <= b && a <= statement.getEnd(),
    );
    const [only] = touched;
    const inner = touched.length === 1 && only ? innerStatements(only, a, b) : undefined;
    if (!inner) {
      for (const statement of touched) collectShared(statement);
      followLocals();
      return names;
    }
    statements = inner;
  }
}

const globalsDeclared = new WeakMap<ts.Program, boolean>();

/**
 * Whether a project file (not a library's) can declare globals: a script (no import or export), or a file that
 * declares anything (`declare global`, `declare var`). Then a name the file does not declare may be state of the
 * project's; otherwise it is a global of the platform (`Promise`, `process`).
 */
function projectDeclaresGlobals(program: ts.Program, edited: ts.SourceFile): boolean {
  let answer = globalsDeclared.get(program);
  if (answer === undefined) {
    // The edited file's own declarations are regions (a `declare global` block is always linted).
    answer = program
      .getSourceFiles()
      .some(
        (file) =>
          file !== edited &&
          !program.isSourceFileDefaultLibrary(file) &&
          !program.isSourceFileFromExternalLibrary(file) &&
          !file.fileName.includes('/node_modules/') &&
          (!ts.isExternalModule(file) || wordsOf(file).has('declare')),
      );
    globalsDeclared.set(program, answer);
  }
  return answer;
}

/** The start of a chain of member reads and calls: `this` in `this.client.get(x).data`, `client` in `client.get`. */
function rootOf(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isPropertyAccessExpression(current) ||
      ts.isElementAccessExpression(current) ||
      ts.isCallExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isParenthesizedExpression(current)
    )
      current = current.expression;
    else return current;
  }
}

function bindsName(name: ts.BindingName, local: string): boolean {
  if (ts.isIdentifier(name)) return name.text === local;
  return name.elements.some(
    (element) => !ts.isOmittedExpression(element) && bindsName(element.name, local),
  );
}

/** The variable declaration a destructuring element belongs to, however deep. */
function bindingDeclaration(element: ts.BindingElement): ts.VariableDeclaration | undefined {
  let current: ts.Node = element;
  while (
    ts.isBindingElement(current) ||
    ts.isObjectBindingPattern(current) ||
    ts.isArrayBindingPattern(current)
  )
    current = current.parent;
  return ts.isVariableDeclaration(current) ? current : undefined;
}

/** The names a function declares for itself: parameters, variables, functions, classes and catch bindings inside. */
function localNamesOf(fn: ts.Node): Set<string> {
  const locals = new Set<string>();
  const bind = (name: ts.BindingName | undefined): void => {
    if (!name) return;
    if (ts.isIdentifier(name)) locals.add(name.text);
    else
      for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node))
      bind(node.name);
    else if (
      (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) &&
      node.name &&
      node !== fn
    )
      locals.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return locals;
}

/** The statements of a block directly inside `statement` that holds `[a, b]` between its braces. */
function innerStatements(statement: ts.Node, a: number, b: number): readonly ts.Node[] | undefined {
  let found: readonly ts.Node[] | undefined;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isBlock(child) || ts.isModuleBlock(child)) {
      if (child.getStart() < a && b < child.getEnd()) found = child.statements;
      return;
    }
    if (ts.isCaseClause(child) || ts.isDefaultClause(child)) {
      return;
    }
    if (isEditableFunction(child) || ts.isArrowFunction(child) || ts.isFunctionExpression(child)) {
      const body = child.body;
      if (body && ts.isBlock(body) && body.getStart() < a && b < body.getEnd())
        found = body.statements;
      return;
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(statement, visit);
  return found;
}

function collectNames(node: ts.Node, names: Set<string>): void {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node))
    names.add(node.text);
  ts.forEachChild(node, (child) => collectNames(child, names));
}

/** The whole lines the change `[from, to)` of `text` touches. */
function linesAround(text: string, from: number, to: number): string {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lineEnd = text.indexOf('\n', to);
  return text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
}

/**
 * An import is never reached through the code that uses it: what it binds does not depend on its uses, and the code
 * sharing a name with the change is reached by that name already.
 */
function isImport(region: Region): boolean {
  return ts.isImportDeclaration(region.node) || ts.isImportEqualsDeclaration(region.node);
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const name of small) if (large.has(name)) return true;
  return false;
}

/**
 * A project file other than `sourceFile` whose code can call the edited function while a region's call graph goes
 * through it, and so come back into the function: one that names the function (or, for a constructor, its class),
 * imports `sourceFile` (directly or through others) and is reachable from it: `sourceFile` imports it too, or it
 * declares something global or a class extending or implementing another (the call graph follows a call of an
 * interface's method into its implementations anywhere). When the edited function's class extends or implements
 * another, such a file need not import this one.
 */
function fileReachingBack(
  program: ts.Program,
  sourceFile: ts.SourceFile,
  edited: Region,
  neighbourhood: () => Neighbourhood,
): string | undefined {
  const names = [...edited.names.callable];
  const naming = new Set<string>();
  for (const other of program.getSourceFiles()) {
    if (other === sourceFile || other.isDeclarationFile) continue;
    if (program.isSourceFileFromExternalLibrary(other) || other.fileName.includes('/node_modules/'))
      continue;
    const words = wordsOf(other);
    if (names.some((name) => words.has(name))) naming.add(normalizePath(other.fileName));
  }
  if (naming.size === 0) return undefined;
  // Through its base class or interface, code can call the function without importing its file.
  const owner = edited.node.parent;
  const inherited = ts.isClassDeclaration(owner) && !!owner.heritageClauses?.length;
  const { importers, imported } = neighbourhood();
  return [...naming].find(
    (file) =>
      (inherited || importers.has(file)) && (imported.has(file) || reachesAnywhere(program, file)),
  );
}

/**
 * A file whose declarations code can reach without importing it: a script or a `declare global`/`declare module` block
 * (globals), or a class extending or implementing another (the call graph follows a call of an interface's or base
 * class's method into the implementations the program has, wherever they are).
 */
function reachesAnywhere(program: ts.Program, file: string): boolean {
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) return true;
  let answer = reachableFiles.get(sourceFile);
  if (answer === undefined) {
    let found = !ts.isExternalModule(sourceFile);
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (
        ts.isModuleDeclaration(node) ||
        ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) &&
          node.heritageClauses !== undefined &&
          node.heritageClauses.length > 0)
      )
        found = true;
      else ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    answer = found;
    reachableFiles.set(sourceFile, answer);
  }
  return answer;
}

const reachableFiles = new WeakMap<ts.SourceFile, boolean>();

type Neighbourhood = { importers: Set<string>; imported: Set<string> };

/** `importNeighbourhood` of an edited file, kept from version to version while no file's imports change. */
const neighbourhoods = new WeakMap<ts.SourceFile, Neighbourhood>();

const wordsCache = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/** The identifiers, private names and strings of a file's text, as its tokens (kept while the file is unchanged). */
function wordsOf(sourceFile: ts.SourceFile): ReadonlySet<string> {
  let words = wordsCache.get(sourceFile);
  if (words) return words;
  const found = new Set<string>();
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    true,
    sourceFile.languageVariant,
    sourceFile.text,
  );
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (
      token === ts.SyntaxKind.Identifier ||
      token === ts.SyntaxKind.PrivateIdentifier ||
      token === ts.SyntaxKind.StringLiteral ||
      token === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
      token >= ts.SyntaxKind.FirstKeyword
    )
      found.add(scanner.getTokenValue());
  }
  words = found;
  wordsCache.set(sourceFile, words);
  return words;
}

/**
 * The return type of a function that does not declare one, printed in full; `undefined` when it cannot be printed or
 * names a type declared inside the function (the same text could then mean another type).
 */
export function inferredReturnText(program: ts.Program, fn: ts.Node): string | undefined {
  if (!isEditableFunction(fn) || hasFixedSignature(fn)) return undefined;
  const checker = program.getTypeChecker();
  let text: string;
  try {
    const signature = checker.getSignatureFromDeclaration(fn);
    if (!signature) return undefined;
    text = checker.typeToString(
      checker.getReturnTypeOfSignature(signature),
      fn,
      ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType,
    );
  } catch {
    return undefined;
  }
  let local = false;
  const visit = (node: ts.Node): void => {
    if (local) return;
    if (
      node !== fn &&
      (ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isEnumDeclaration(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassExpression(node)) &&
      (!node.name || text.includes(node.name.text))
    )
      local = true;
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return local ? undefined : text;
}

function planOf(
  regions: readonly Region[],
  seeds: Set<Region>,
  extraMentioned: ReadonlySet<string>,
  previous: LintMemory,
  fileName: string,
  linesMoved: boolean,
  change: Omit<ReusePlan, 'clean' | 'previous'>,
): ReusePlan | NoReuse {
  const dirty = new Set(seeds);
  const delta = change.newEnd - change.oldEnd;
  const oldLineOfChangeEnd = lineOf(previous.lineStarts, change.oldEnd);
  const oldLineOfChangeStart = lineOf(previous.lineStarts, change.start);
  // A line a message names in its text (`calls \`get\` (line 106)`) is stale when it is a line of the edited part
  // (what stands there may be another thing now), or when lines moved, it is at or after the change and the message
  // cannot be rewritten (`mergeReused` moves the lines named outside quoted code).
  const [firstEditedLine, lastEditedLine] = change.edited
    ? [
        lineOf(previous.lineStarts, change.edited.start),
        lineOf(previous.lineStarts, change.edited.oldEnd),
      ]
    : [oldLineOfChangeStart, oldLineOfChangeEnd];
  const staleLine = (line: number, movable: boolean): boolean =>
    (line >= firstEditedLine && line <= lastEditedLine) ||
    (linesMoved && !movable && line >= oldLineOfChangeStart);
  const toOld = (offset: number): number => (offset >= change.newEnd ? offset - delta : offset);
  const oldSpans = regions.map((region) => ({
    start: toOld(region.start),
    end: toOld(region.end),
  }));
  const regionAtOld = (offset: number): Region | undefined => regions[spanAt(oldSpans, offset)];
  const editedText = change.edited
    ? previous.text.slice(change.edited.start, change.edited.oldEnd)
    : '';
  const pointsInto = new Map<Region, Set<Region>>();
  for (const message of [...previous.messages, ...previous.suppressedMessages]) {
    if (message.fatal || message.ruleId === null) continue;
    const offset = offsetOf(previous.lineStarts, message.line, message.column);
    const region = regionAtOld(offset);
    if (!region) continue;
    // The spans a finding covers, fixes and points to: one that meets the change cannot be moved (a fix's text holds
    // everything between its ends); one in another region ties the finding to it (a chain of calls through a helper,
    // a fix adding an import).
    const spans: Array<readonly [number, number]> = [
      [
        offset,
        message.endLine !== undefined
          ? offsetOf(previous.lineStarts, message.endLine, message.endColumn ?? 1)
          : offset,
      ],
      ...fixesOf(message)
        .map((fix) => fix.range)
        .filter((range) => !spansEdited(change, editedText, range)),
    ];
    for (const location of previous.related.get(message) ?? [])
      if (location.filePath === fileName)
        spans.push([
          offsetOf(previous.lineStarts, location.line, location.column),
          offsetOf(previous.lineStarts, location.endLine, location.endColumn),
        ]);
    for (const fix of fixesOf(message))
      if (
        spansEdited(change, editedText, fix.range) &&
        !spansEdited(change, editedText, fix.range, fix.text)
      )
        dirty.add(region);
    for (const [from, to] of spans) {
      if (from <= change.oldEnd && to >= change.start) dirty.add(region);
      for (const place of [from, to]) {
        const target = regionAtOld(place);
        if (target && target !== region) {
          let set = pointsInto.get(region);
          if (!set) pointsInto.set(region, (set = new Set()));
          set.add(target);
        }
      }
    }
    // Lines after the change move, columns do not: a finding that starts on the change's last line is linted again.
    const lines = [message.line, message.endLine ?? message.line];
    for (const location of previous.related.get(message) ?? [])
      if (location.filePath === fileName) lines.push(location.line, location.endLine);
    if (lines.includes(oldLineOfChangeEnd)) dirty.add(region);
    const texts = [
      message.message,
      ...(message.suggestions ?? []).map((suggestion) => suggestion.desc),
    ];
    for (const text of texts) {
      const movable = namedLines(text) !== undefined;
      for (const match of text.matchAll(NAMED_LINE))
        if (staleLine(Number(match[1]), movable)) dirty.add(region);
    }
  }
  // The closure: callers of reached functions, functions reached ones call, findings that point into reached ones.
  const reachedCallable = new Set<string>();
  const reachedMentioned = new Set<string>(extraMentioned);
  const add = (region: Region): void => {
    for (const name of region.names.callable) reachedCallable.add(name);
    for (const name of region.names.mentioned) reachedMentioned.add(name);
  };
  dirty.forEach(add);
  let grew = true;
  while (grew) {
    grew = false;
    for (const region of regions) {
      if (dirty.has(region)) continue;
      const targets = pointsInto.get(region);
      if (
        intersects(region.names.mentioned, reachedCallable) ||
        (!isImport(region) && intersects(region.names.callable, reachedMentioned)) ||
        (targets !== undefined && [...targets].some((target) => dirty.has(target)))
      ) {
        dirty.add(region);
        add(region);
        grew = true;
      }
    }
  }
  const clean = regions
    .filter((region) => !dirty.has(region))
    .map(({ start, end }) => ({ start, end }));
  if (clean.length === 0)
    return { reason: 'the edit reaches every part of the file', editedStart: change.edited?.start };
  return { clean, previous, ...change };
}

/**
 * Whether a fix's range holds the whole edited region and its text holds that region's previous text once: ESLint
 * merges a rule's fixes into one range with the text between them copied, which `moveFix` updates. `old` is the
 * edited region's previous text.
 */
function spansEdited(
  change: Omit<ReusePlan, 'clean' | 'previous'>,
  old: string,
  range: readonly [number, number],
  fixText?: string,
): boolean {
  const { edited } = change;
  // No destructuring of `range`: this runs for every fix of every finding at each edit.
  if (!edited || !(range[0] < edited.start && range[1] > edited.oldEnd)) return false;
  if (fixText === undefined) return true;
  const at = fixText.indexOf(old);
  return at !== -1 && fixText.indexOf(old, at + 1) === -1;
}

function fixesOf(message: LintMessage): Rule.Fix[] {
  const fixes: Rule.Fix[] = [];
  if (message.fix) fixes.push(message.fix);
  for (const suggestion of message.suggestions ?? [])
    if (suggestion.fix) fixes.push(suggestion.fix);
  return fixes;
}

function lineBreaksIn(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function offsetOf(lineStarts: readonly number[], line: number, column: number): number {
  return (lineStarts[line - 1] ?? 0) + column - 1;
}

/** Where each line of a text starts (ESLint's lines end at `\n`, `\r\n`, and also U+2028 and U+2029: see `planReuse`). */
export function lineStartsOf(text: string): readonly number[] {
  if (lastLineStarts?.text === text) return lastLineStarts.starts;
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    starts.push(index + 1);
  lastLineStarts = { text, starts };
  return starts;
}

// The merge and the memory of one lint ask for the same text's lines.
let lastLineStarts: { text: string; starts: readonly number[] } | undefined;

/**
 * The findings of a lint that skipped `plan.clean`: its own outside those regions, and the previous ones inside them,
 * moved to their new place. In ESLint's order (by line, then column).
 */
export function mergeReused(
  plan: ReusePlan,
  text: string,
  fresh: {
    messages: readonly LintMessage[];
    suppressedMessages: readonly Linter.SuppressedLintMessage[];
    related: ReadonlyMap<LintMessage, readonly RelatedLocation[]>;
  },
  file: string,
): {
  messages: LintMessage[];
  suppressedMessages: Linter.SuppressedLintMessage[];
  related: Map<LintMessage, readonly RelatedLocation[]>;
} {
  const lineStarts = lineStartsOf(text);
  const { previous } = plan;
  const delta = plan.newEnd - plan.oldEnd;
  const lineDelta = lineOf(lineStarts, plan.newEnd) - lineOf(previous.lineStarts, plan.oldEnd);
  const changeLine = lineOf(previous.lineStarts, plan.oldEnd);
  const inClean = (offset: number): boolean => spanAt(plan.clean, offset) !== -1;
  // Where each kept region was in the previous text: a finding that started there belongs to it.
  const cleanBefore = plan.clean.map(({ start, end }) =>
    start >= plan.newEnd ? { start: start - delta, end: end - delta } : { start, end },
  );
  const toNew = (offset: number): number => (offset >= plan.oldEnd ? offset + delta : offset);
  const related = new Map<LintMessage, readonly RelatedLocation[]>();
  const moveLine = (line: number): number => (line > changeLine ? line + lineDelta : line);

  const keepFresh = <T extends LintMessage>(message: T): boolean =>
    message.ruleId === null || !inClean(offsetOf(lineStarts, message.line, message.column));
  const moved = <T extends LintMessage>(message: T): T | undefined => {
    if (message.ruleId === null || message.fatal) return undefined;
    const before = offsetOf(previous.lineStarts, message.line, message.column);
    if (spanAt(cleanBefore, before) === -1) return undefined;
    const copy: T = {
      ...message,
      line: moveLine(message.line),
      message: moveNamedLines(message.message, moveLine),
    };
    if (message.endLine !== undefined) copy.endLine = moveLine(message.endLine);
    if (message.fix) copy.fix = moveFix(message.fix, plan, text, toNew);
    if (message.suggestions)
      copy.suggestions = message.suggestions.map((suggestion) => ({
        ...suggestion,
        desc: moveNamedLines(suggestion.desc, moveLine),
        ...(suggestion.fix && { fix: moveFix(suggestion.fix, plan, text, toNew) }),
      }));
    const locations = previous.related.get(message);
    if (locations)
      related.set(
        copy,
        locations.map((location) =>
          location.filePath === file
            ? { ...location, line: moveLine(location.line), endLine: moveLine(location.endLine) }
            : location,
        ),
      );
    return copy;
  };

  const messages = [
    ...fresh.messages.filter(keepFresh),
    ...previous.messages.flatMap((message) => moved(message) ?? []),
  ];
  for (const message of fresh.messages) {
    const locations = fresh.related.get(message);
    if (locations && keepFresh(message)) related.set(message, locations);
  }
  const suppressedMessages = [
    ...fresh.suppressedMessages.filter(keepFresh),
    ...previous.suppressedMessages.flatMap((message) => moved(message) ?? []),
  ];
  return {
    messages: sortByPlace(messages),
    suppressedMessages: sortByPlace(suppressedMessages),
    related,
  };
}

/** How the rules name a line of the linted file in a message (`describeLocation` in the plugin). */
const NAMED_LINE = /\bline (\d+)/g;

/**
 * The lines a message's text names outside the code it quotes (the rules quote code in backticks), or undefined when
 * its backticks do not pair up, so that quoted code cannot be told from the rest.
 */
function namedLines(text: string): number[] | undefined {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return undefined;
  return parts.flatMap((part, index) =>
    index % 2 === 1 ? [] : [...part.matchAll(NAMED_LINE)].map((match) => Number(match[1])),
  );
}

/** A message's text with the lines it names outside quoted code moved as `moveLine` says. */
function moveNamedLines(text: string, moveLine: (line: number) => number): string {
  // A message whose lines cannot be told is kept only where the lines it names did not move.
  if (!text.includes('line ') || namedLines(text) === undefined) return text;
  return text
    .split('`')
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(NAMED_LINE, (_, line: string) => `line ${moveLine(Number(line))}`),
    )
    .join('`');
}

function moveFix(
  fix: Rule.Fix,
  plan: ReusePlan,
  text: string,
  toNew: (offset: number) => number,
): Rule.Fix {
  const range: [number, number] = [toNew(fix.range[0]), toNew(fix.range[1])];
  const { edited } = plan;
  if (!edited || !spansEdited(plan, plan.previous.text, fix.range)) return { ...fix, range };
  const old = plan.previous.text.slice(edited.start, edited.oldEnd);
  const at = fix.text.indexOf(old);
  return {
    range,
    text:
      fix.text.slice(0, at) +
      text.slice(edited.start, edited.newEnd) +
      fix.text.slice(at + old.length),
  };
}

function sortByPlace<T extends LintMessage>(messages: T[]): T[] {
  return messages
    .map((message, index) => ({ message, index }))
    .sort(
      (a, b) =>
        a.message.line - b.message.line || a.message.column - b.message.column || a.index - b.index,
    )
    .map(({ message }) => message);
}

/** What the next lint of the file can start from. */
export function rememberLint(
  text: string,
  sourceFile: ts.SourceFile,
  program: ts.Program,
  editedStart: number | undefined,
  verified: {
    messages: readonly LintMessage[];
    suppressedMessages: readonly Linter.SuppressedLintMessage[];
    related: ReadonlyMap<LintMessage, readonly RelatedLocation[]>;
  },
): LintMemory {
  const regions = regionsOf(sourceFile);
  const edited = regions.find((region) => region.start === editedStart);
  const inferred = edited && inferredReturnText(program, edited.node);
  return {
    text,
    lineStarts: lineStartsOf(text),
    program: {
      files: new Map(program.getSourceFiles().map((file) => [file.fileName, file])),
      options: program.getCompilerOptions(),
    },
    regions: regions.map(({ start, end }) => ({ start, end })),
    inferredReturn: inferred === undefined ? undefined : { start: editedStart!, text: inferred },
    messages: verified.messages,
    suppressedMessages: verified.suppressedMessages,
    related: verified.related,
  };
}
