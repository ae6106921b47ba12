// What a file's lint can read in other files, at the grain of top-level names, so that the lint cache keeps a result
// when an edit elsewhere touches nothing it could have read. A file's top-level statements are grouped by the names
// they declare (imports included); a group is read when a read statement mentions its name anywhere in its text
// (comments and JSDoc too; a name written with `\u` escapes by its decoded form), an import is followed to the
// exporting file's group of that name (through `export *`), a namespace import (`import * as api`) to the groups of
// the names its file reads from it (`api.load`; the whole module if it uses `api` any other way), and a module named
// in any other statement (`import('./x')`, `require`, `typeof import`) is read whole, as is
// every JavaScript file (JSDoc `@typedef`s declare names no statement shows). Type checking and the rules reach
// other files only through names resolved this way (the checker builds every type from declarations it finds by
// name, and the rules look only into declarations the checker gives them), so the groups reached from the linted
// file and the order of each file's statements bound all it reads. One way runs the other direction: the rules
// follow interface and abstract methods into the project's classes that implement them (a few at most), which
// nothing read names, so reading such a type reads the classes the rules would enter (the plugin's own answer,
// `implementingClasses`) and records which they are: an edit anywhere (a new class implementing the type) can change
// that, so the cache asks the new program again (an `IMPLEMENTATIONS` key of the reads). Likewise
// they answer a call on a type that a `new Proxy(…)` is declared as (`as Api`) from the proxy's `get` traps, so
// reading a name reads every part of the project that builds a proxy typed with it. Positions in other files matter
// only where a result names that file (related locations, `helper.ts:12` in a message): the cache then reads the
// file whole. A file that can read more than `MAX_TRACED_GROUPS` groups is not traced; where a part of the graph of
// reads is over that limit by itself (a cycle of thousands of groups), `ReachLimit` finds it once for the program.
import loopguard from 'eslint-plugin-loopguard';
import * as ts from 'typescript';

import { contentHash } from './cache-keys';
import { ReachLimit } from './reach-limit';

/** What the cache keeps of a file to tell later whether a read part of it changed. */
export interface FileSurface {
  /** The file's statements in order: the names each declares and whether it exports them, or the module it re-exports. */
  names: string;
  /** The text of the statements that declare no name: read with every read of the file. */
  core: string;
  /** The text of each declared name's statements. */
  groups: Record<string, string>;
}

/** What a lint read of each file: named groups, or `'*'` for the whole file. */
export type FileReads = Record<string, string[] | '*'>;

interface ImportEdge {
  specifier: string;
  /** The exported name, or `'*'` for the whole module. */
  name: string;
}

interface Outline {
  /** Worked out on first use: tracing needs only the groups, and unchanged files keep their stored surfaces. */
  surface: () => FileSurface;
  groups: Map<string, ts.Statement[]>;
  core: ts.Statement[];
  stars: string[];
  sourceFile: ts.SourceFile;
}

const IDENTIFIER = /[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/g;

/**
 * The start of the keys of `FileReads` that are no file: `implementations:<file>#<type>` lists the classes the rules
 * follow the methods of that type into (`declarationId`s), which a later program must give again for a result to hold.
 */
export const IMPLEMENTATIONS = 'implementations:';

/**
 * An interface with methods, or a class with abstract methods: a type whose method calls the rules follow into
 * implementations.
 */
export type ImplementedType = ts.InterfaceDeclaration | ts.ClassDeclaration;

function isImplementedType(node: ts.Node): node is ImplementedType {
  return (
    (ts.isInterfaceDeclaration(node) && node.members.some(ts.isMethodSignature)) ||
    (ts.isClassDeclaration(node) &&
      node.members.some((member) => ts.isMethodDeclaration(member) && !member.body))
  );
}

/** The `FileReads` key of what the rules follow `owner`'s methods into. */
function implementationsKey(owner: ImplementedType): string {
  return `${IMPLEMENTATIONS}${declarationId(owner)}`;
}

/**
 * A declaration by its file and its names from the file down (`a.ts#Outer.Store`, `#Store@120` for one without a
 * name or inside a function), the same in every program while those do not change.
 */
export function declarationId(declaration: ts.Declaration): string {
  const names: string[] = [];
  let positional = false;
  for (let node: ts.Node = declaration; !ts.isSourceFile(node); node = node.parent) {
    const name = ts.getNameOfDeclaration(node as ts.Declaration);
    if (
      (ts.isClassLike(node) || ts.isInterfaceDeclaration(node) || ts.isModuleDeclaration(node)) &&
      name &&
      ts.isIdentifier(name)
    )
      names.unshift(name.text);
    else if (!ts.isModuleBlock(node)) positional = true;
  }
  const file = declaration.getSourceFile().fileName;
  const start = positional ? `@${declaration.getStart(declaration.getSourceFile())}` : '';
  return `${file}#${names.join('.')}${start}`;
}

/**
 * The classes the rules follow the methods of the type an `IMPLEMENTATIONS` key names into, in `program`, as that
 * key's `declarationId`s (sorted); `undefined` when the program has no such type.
 */
export function implementationIdsIn(program: ts.Program, key: string): string[] | undefined {
  const id = key.slice(IMPLEMENTATIONS.length);
  const sourceFile = program.getSourceFile(id.slice(0, id.lastIndexOf('#')));
  const owner = sourceFile && implementedTypesOf(sourceFile).get(id);
  return owner && loopguard.implementingClasses(program, owner).map(declarationId).sort();
}

const implementedTypes = new WeakMap<ts.SourceFile, Map<string, ImplementedType>>();

/** The file's implemented types by `declarationId`, found once per parsed file. */
function implementedTypesOf(sourceFile: ts.SourceFile): Map<string, ImplementedType> {
  let found = implementedTypes.get(sourceFile);
  if (!found) {
    const types = new Map<string, ImplementedType>();
    const visit = (node: ts.Node): void => {
      if (isImplementedType(node)) types.set(declarationId(node), node);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    found = types;
    implementedTypes.set(sourceFile, found);
  }
  return found;
}

/** The top-level statement holding `node`. */
function topLevelStatement(node: ts.Node): ts.Statement {
  let current = node;
  while (!ts.isSourceFile(current.parent)) current = current.parent;
  return current as ts.Statement;
}

/**
 * A file whose lint can read more groups than this reaches most of its program (on vscode-js-debug the largest
 * reach 6,200, half reach fewer than 450; every file of mikro-orm reaches about 9,300): tracing it costs more than
 * it saves over counting every file it imports.
 */
const MAX_TRACED_GROUPS = 4000;

/** A node of the graph of reads (`ReadTracer.successors`). */
function node(kind: 't' | 'g' | 'w' | 'e', file: string, name?: string): string {
  return name === undefined ? `${kind}\0${file}` : `${kind}\0${file}\0${name}`;
}

/** JavaScript files are read whole: JSDoc declares types (`@typedef`, `@callback`) that no statement shows. */
const JAVASCRIPT = /\.[cm]?jsx?$/;

/** A file's outline from its syntax tree. */
function outline(sourceFile: ts.SourceFile): Outline {
  const groups = new Map<string, ts.Statement[]>();
  const core: ts.Statement[] = [];
  const stars: string[] = [];
  const order: string[] = [];
  for (const statement of sourceFile.statements) {
    const star = starSpecifier(statement);
    if (star !== undefined) {
      stars.push(star);
      order.push(`* ${star}`);
      continue;
    }
    const names = declaredNames(statement);
    order.push(`${exportsItself(statement) ? 'export ' : ''}${names.join(',')}`);
    if (names.length === 0) core.push(statement);
    for (const name of new Set(names)) {
      const list = groups.get(name) ?? [];
      list.push(statement);
      groups.set(name, list);
    }
  }
  // Texts without positions, from each statement's first token on (TypeScript ignores JSDoc in TypeScript files,
  // and the programs do not parse it there): an edit that only moves a read part, or changes the comments between
  // statements, keeps the results that do not name its file. The file's header (pragmas, `/// <reference>`
  // directives) is read with every read of the file.
  const textOf = (statement: ts.Statement): string =>
    sourceFile.text.slice(statement.getStart(sourceFile), statement.end);
  const first = sourceFile.statements[0];
  const header = sourceFile.text.slice(0, first ? first.getStart(sourceFile) : undefined);
  const hashOf = (statements: readonly ts.Statement[], prefix: string[] = []): string =>
    contentHash(JSON.stringify([...prefix, ...statements.map(textOf)]));
  let surface: FileSurface | undefined;
  return {
    surface: () => {
      if (surface) return surface;
      const groupHashes: Record<string, string> = {};
      for (const [name, statements] of groups) groupHashes[name] = hashOf(statements);
      surface = {
        names: contentHash(JSON.stringify(order)),
        core: hashOf(core, [header]),
        groups: groupHashes,
      };
      return surface;
    },
    groups,
    core,
    stars,
    sourceFile,
  };
}

/** The surface of a file's current text, parsed on its own (no program needed). */
export function surfaceOfText(fileName: string, text: string): FileSurface {
  return outline(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false)).surface();
}

/**
 * The packages an own file imports or requires at top level, as the rules ask whether the project uses one
 * (`analysis/package-use.ts` in the plugin reads the same statements): a change of them can change any result.
 */
export function packagesOf(sourceFile: ts.SourceFile): string[] {
  if (sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/')) return [];
  const found = new Set<string>();
  for (const statement of sourceFile.statements)
    for (const specifier of topLevelSpecifiers(statement))
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) found.add(specifier);
  return [...found].sort();
}

/** `packagesOf` for a file's current text. */
export function packagesOfText(fileName: string, text: string): string[] {
  return packagesOf(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false));
}

/**
 * Every module a file names, anywhere in it (`import`, `export … from`, `require`, `import()`), and its
 * `/// <reference path>` (as `path:…`) and `/// <reference types>` (as `types:…`) directives: while they stay the
 * same, an edit of the file brings no file into the program and takes none out.
 */
export function moduleNamesOfText(text: string): string[] {
  const { importedFiles, referencedFiles, typeReferenceDirectives } = ts.preProcessFile(
    text,
    true,
    true,
  );
  return [
    ...new Set([
      ...importedFiles.map((file) => file.fileName),
      ...referencedFiles.map((file) => `path:${file.fileName}`),
      ...typeReferenceDirectives.map((file) => `types:${file.fileName}`),
    ]),
  ].sort();
}

function topLevelSpecifiers(statement: ts.Statement): string[] {
  if (
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
    statement.moduleSpecifier &&
    ts.isStringLiteralLike(statement.moduleSpecifier)
  )
    return [statement.moduleSpecifier.text];
  if (
    ts.isImportEqualsDeclaration(statement) &&
    ts.isExternalModuleReference(statement.moduleReference) &&
    ts.isStringLiteralLike(statement.moduleReference.expression)
  )
    return [statement.moduleReference.expression.text];
  if (!ts.isVariableStatement(statement)) return [];
  const found: string[] = [];
  for (const declaration of statement.declarationList.declarations) {
    let initializer = declaration.initializer;
    while (initializer && ts.isPropertyAccessExpression(initializer))
      initializer = initializer.expression;
    if (
      initializer &&
      ts.isCallExpression(initializer) &&
      ts.isIdentifier(initializer.expression) &&
      initializer.expression.text === 'require'
    )
      for (const argument of initializer.arguments)
        if (ts.isStringLiteralLike(argument)) found.push(argument.text);
  }
  return found;
}

/** Whether a statement exports what it declares (`export function`, `export {…}`, `export default`, `export =`). */
function exportsItself(statement: ts.Statement): boolean {
  return (
    ts.isExportDeclaration(statement) ||
    ts.isExportAssignment(statement) ||
    hasModifier(statement, ts.SyntaxKind.ExportKeyword)
  );
}

function starSpecifier(statement: ts.Statement): string | undefined {
  if (
    ts.isExportDeclaration(statement) &&
    !statement.exportClause &&
    statement.moduleSpecifier &&
    ts.isStringLiteralLike(statement.moduleSpecifier)
  )
    return statement.moduleSpecifier.text;
  return undefined;
}

function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === kind)
  );
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return [];
    const names = clause.name ? [clause.name.text] : [];
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements) names.push(element.name.text);
    return names;
  }
  if (ts.isImportEqualsDeclaration(statement)) return [statement.name.text];
  if (ts.isExportDeclaration(statement)) {
    const clause = statement.exportClause;
    if (!clause) return [];
    if (ts.isNamespaceExport(clause)) return [clause.name.text];
    return clause.elements.map((element) => element.name.text);
  }
  if (ts.isExportAssignment(statement)) return [statement.isExportEquals ? 'export=' : 'default'];
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement)
  ) {
    const names = statement.name ? [statement.name.text] : [];
    if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) names.push('default');
    return names;
  }
  if (ts.isModuleDeclaration(statement))
    return ts.isIdentifier(statement.name) ? [statement.name.text] : [];
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((declaration) =>
      bindingNames(declaration.name),
    );
  return [];
}

/**
 * The members a file reads from the namespace `binding` names (`api.x` and `api.T` in a type), or `undefined` when some
 * identifier of that name is anything else: the namespace used as a value, or a local of the same name (which costs
 * only a result that could have been kept).
 */
function namespaceMembersRead(
  sourceFile: ts.SourceFile,
  binding: ts.Identifier,
): string[] | undefined {
  const name = binding.text;
  const members = new Set<string>();
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(node) && node !== binding && node.text === name) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node)
        members.add(parent.name.text);
      else if (ts.isQualifiedName(parent) && parent.left === node) members.add(parent.right.text);
      else if (
        !(ts.isPropertyAccessExpression(parent) && parent.name === node) &&
        !(ts.isQualifiedName(parent) && parent.right === node)
      )
        other = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return other ? undefined : [...members].sort();
}

/** The names of the identifiers in `statement` written with escapes, as the parser decoded them. */
function escapedIdentifiers(statement: ts.Statement, sourceFile: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      sourceFile.text.slice(node.getStart(sourceFile), node.end) !== node.text
    )
      names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return names;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

/**
 * The imports a statement binds: each to the exported name it takes from which module. A namespace import
 * (`import * as api`) takes the names its file reads from it (`api.load`, `api.Options`), or the whole module when the
 * file uses the namespace any other way (passes it on, indexes it, re-exports it).
 */
function importEdges(statement: ts.Statement, sourceFile: ts.SourceFile): ImportEdge[] | undefined {
  if (ts.isImportDeclaration(statement)) {
    if (!ts.isStringLiteralLike(statement.moduleSpecifier)) return [];
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause) return [{ specifier, name: '*' }];
    const edges: ImportEdge[] = clause.name ? [{ specifier, name: 'default' }] : [];
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      const names = namespaceMembersRead(sourceFile, bindings.name);
      if (names === undefined) edges.push({ specifier, name: '*' });
      else for (const name of names) edges.push({ specifier, name });
    }
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements)
        edges.push({ specifier, name: (element.propertyName ?? element.name).text });
    return edges;
  }
  if (
    ts.isExportDeclaration(statement) &&
    statement.moduleSpecifier &&
    ts.isStringLiteralLike(statement.moduleSpecifier)
  ) {
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.exportClause;
    if (!clause || ts.isNamespaceExport(clause)) return [{ specifier, name: '*' }];
    return clause.elements.map((element) => ({
      specifier,
      name: (element.propertyName ?? element.name).text,
    }));
  }
  return undefined;
}

/** The implementations of a type the rules follow (`ReadTracer#implementationsOf`). */
interface Implementations {
  key: string;
  ids: string[];
  groups: Array<{ file: string; names: string[] }>;
}

/** What reading a statement leads to: groups of its file, imported names, modules it names. */
interface StatementReads {
  groups: string[];
  imports: Array<{ resolved: string; name: string }>;
  modules: string[];
}

/** Reads of every linted file of one program, sharing the outlines and what each statement leads to. */
export class ReadTracer {
  private readonly outlines = new Map<string, Outline | null>();
  private readonly statements = new Map<ts.Statement, StatementReads>();
  private readonly owners = new Map<ts.Statement, ImplementedType[]>();
  private readonly implementations = new Map<ImplementedType, Implementations>();
  private proxies: Map<string, Array<{ file: string; names: string[] }>> | undefined;
  private overLimitSeen = false;
  private readonly limit = new ReachLimit(
    (node) => this.successors(node),
    (node) => this.weight(node),
    MAX_TRACED_GROUPS,
  );

  /**
   * @param modules each file's resolved module specifiers (from the program's own resolution)
   */
  constructor(
    private readonly program: ts.Program,
    private readonly modules: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ) {}

  /** The surface of a file of the program, when it has one. */
  surfaceOf(file: string): FileSurface | undefined {
    return this.outlineOf(file)?.surface();
  }

  /**
   * What linting `file` can read, starting from all of it; `undefined` when that is more than `MAX_TRACED_GROUPS`
   * groups, where tracing costs more than it can save (the cache then counts every file `file` imports).
   */
  readsOf(file: string): FileReads | undefined {
    // Files of one program share most of what they read: a part of the graph of reads that is over the limit is
    // found once for all of them, and a file reaching it is untraced without walking its reads (on mikro-orm, where
    // every file reaches one such part, that was most of the tracing's time). Finding the parts walks everything the
    // files reach, past the limit, so it starts only once a file of this program has been found over the limit.
    if (this.overLimitSeen && this.limit.exceeds(node('w', file))) return undefined;
    const traced = this.trace(file);
    if (!traced) this.overLimitSeen = true;
    return traced;
  }

  private trace(file: string): FileReads | undefined {
    const reads = new Map<string, Set<string> | '*'>();
    const pending: Array<() => void> = [];
    let groupsRead = 0;
    const outlineOf = (target: string): Outline | undefined => this.outlineOf(target);

    // Files outside the program's own (TypeScript's libs) change only with the tools; `node_modules` files are
    // read whole, without following them further: they change only with the lockfile, and rarely.
    // A file read whole exposes every name its `export *` modules export (`import * as api` of a barrel).
    const readAll = (target: string, found: Outline, known: ReadonlySet<string>): void => {
      reads.set(target, '*');
      groupsRead += found.groups.size - known.size;
      for (const [name, statements] of found.groups)
        if (!known.has(name)) {
          for (const statement of statements) pending.push(() => readStatement(target, statement));
          readImplementations(statements);
          readProxyBuilders(name);
        }
      const modules = this.modules.get(target);
      for (const star of found.stars) {
        const resolved = modules?.get(star);
        if (resolved !== undefined) pending.push(() => readWhole(resolved));
      }
    };
    const touch = (target: string): boolean => {
      const known = reads.get(target);
      if (known !== undefined) return known !== '*' || !target.includes('/node_modules/');
      const found = outlineOf(target);
      if (!found) return false;
      if (target.includes('/node_modules/')) {
        reads.set(target, '*');
        return false;
      }
      reads.set(target, new Set());
      for (const statement of found.core) pending.push(() => readStatement(target, statement));
      readImplementations(found.core);
      if (JAVASCRIPT.test(target)) readAll(target, found, new Set());
      return true;
    };
    const readWhole = (target: string): void => {
      if (!touch(target)) return;
      const known = reads.get(target)!;
      if (known !== '*') readAll(target, outlineOf(target)!, known);
    };
    const readGroup = (target: string, name: string): void => {
      if (!touch(target)) return;
      const known = reads.get(target)!;
      if (known === '*' || known.has(name)) return;
      const statements = outlineOf(target)!.groups.get(name);
      if (!statements) return;
      known.add(name);
      groupsRead++;
      for (const statement of statements) pending.push(() => readStatement(target, statement));
      readImplementations(statements);
      readProxyBuilders(name);
    };
    // The rules answer a call on a type that a `new Proxy(…)` is declared as from the proxy's traps
    // (`analysis/proxy-apis.ts` in the plugin): reading a name reads the parts that build a proxy typed with it.
    const readProxyBuilders = (name: string): void => {
      for (const builder of this.proxyBuildersOf(name))
        pending.push(() => {
          if (builder.names.length === 0) touch(builder.file);
          for (const group of builder.names) readGroup(builder.file, group);
        });
    };
    // The rules follow a call of an interface method or an abstract method into the project classes that implement
    // it, up to a few (`implementationsOf` in the plugin), which the caller's file need not name: reading such a type
    // reads the classes the rules would enter, and records which they are, since an edit of a file nothing reads (a
    // new class implementing the type) can change them (`IMPLEMENTATIONS`).
    const readImplementations = (statements: readonly ts.Statement[]): void => {
      for (const statement of statements)
        for (const owner of this.ownersIn(statement)) {
          const found = this.implementationsOf(owner);
          if (checks.has(found.key)) continue;
          checks.set(found.key, found.ids);
          for (const { file, names } of found.groups)
            pending.push(() => {
              if (names.length === 0) touch(file);
              for (const group of names) readGroup(file, group);
            });
        }
    };
    const checks = new Map<string, string[]>();
    // Each exported name of a module is resolved once per traced file: what it reads does not depend on who asks.
    const resolvedExports = new Map<string, Set<string>>();
    const resolveExport = (target: string, name: string): void => {
      let names = resolvedExports.get(target);
      if (!names) {
        names = new Set();
        resolvedExports.set(target, names);
      }
      if (names.has(name)) return;
      names.add(name);
      if (!touch(target)) return;
      const found = outlineOf(target)!;
      readGroup(target, name);
      if (name === 'default' || found.groups.has('export=')) readGroup(target, 'export=');
      const modules = this.modules.get(target);
      for (const star of found.stars) {
        const module = modules?.get(star);
        if (module !== undefined) resolveExport(module, name);
      }
    };
    const readStatement = (owner: string, statement: ts.Statement): void => {
      const found = this.statementReads(owner, statement);
      for (const name of found.groups) readGroup(owner, name);
      for (const { resolved, name } of found.imports)
        if (name === '*') readWhole(resolved);
        else resolveExport(resolved, name);
      for (const resolved of found.modules) readWhole(resolved);
    };

    readWhole(file);
    while (pending.length > 0) {
      if (groupsRead > MAX_TRACED_GROUPS) return undefined;
      pending.pop()!();
    }
    if (groupsRead > MAX_TRACED_GROUPS) return undefined;
    const result: FileReads = {};
    for (const [target, names] of [...reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      result[target] = names === '*' ? '*' : [...names].sort();
    for (const [key, ids] of [...checks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      result[key] = ids;
    return result;
  }

  /**
   * The graph `readsOf` walks, for `ReachLimit`: the same steps as its `touch` (`t`), `readGroup` (`g`), `readWhole`
   * (`w`) and `resolveExport` (`e`), as nodes. A node's reads are those of everything it leads to.
   */
  private successors(key: string): string[] {
    const [kind, file, name] = key.split('\0') as [string, string, string | undefined];
    const found = this.outlineOf(file);
    if (!found || file.includes('/node_modules/')) return [];
    const out: string[] = [];
    const group = (target: string, name: string): void => void out.push(node('g', target, name));
    const statements = (list: readonly ts.Statement[]): void => {
      for (const statement of list) {
        const reads = this.statementReads(file, statement);
        for (const name of reads.groups) group(file, name);
        for (const { resolved, name } of reads.imports)
          out.push(name === '*' ? node('w', resolved) : node('e', resolved, name));
        for (const resolved of reads.modules) out.push(node('w', resolved));
        for (const owner of this.ownersIn(statement))
          for (const { file: target, names } of this.implementationsOf(owner).groups)
            if (names.length === 0) out.push(node('t', target));
            else for (const name of names) group(target, name);
      }
    };
    const modules = this.modules.get(file);
    switch (kind) {
      case 't':
        statements(found.core);
        if (JAVASCRIPT.test(file)) out.push(node('w', file));
        break;
      case 'g': {
        out.push(node('t', file));
        const list = found.groups.get(name!);
        if (!list) break;
        statements(list);
        for (const builder of this.proxyBuildersOf(name!))
          if (builder.names.length === 0) out.push(node('t', builder.file));
          else for (const name of builder.names) group(builder.file, name);
        break;
      }
      case 'w':
        out.push(node('t', file));
        for (const name of found.groups.keys()) group(file, name);
        for (const star of found.stars) {
          const resolved = modules?.get(star);
          if (resolved !== undefined) out.push(node('w', resolved));
        }
        break;
      case 'e':
        out.push(node('t', file));
        group(file, name!);
        if (name === 'default' || found.groups.has('export=')) group(file, 'export=');
        for (const star of found.stars) {
          const resolved = modules?.get(star);
          if (resolved !== undefined) out.push(node('e', resolved, name));
        }
        break;
    }
    return out;
  }

  /** What a node of `successors` counts towards `MAX_TRACED_GROUPS`: a group of a file the walk reads groups of. */
  private weight(key: string): number {
    const [kind, file, name] = key.split('\0') as [string, string, string | undefined];
    if (kind !== 'g' || file.includes('/node_modules/')) return 0;
    return this.outlineOf(file)?.groups.has(name!) ? 1 : 0;
  }

  /**
   * What reading one statement leads to, worked out once per statement: every linted file that reaches it follows
   * the same edges, and finding them (the statement's identifiers, its imports) is most of the tracing's cost.
   */
  private statementReads(owner: string, statement: ts.Statement): StatementReads {
    let found = this.statements.get(statement);
    if (found) return found;
    const outline = this.outlineOf(owner)!;
    const text = statement.getFullText(outline.sourceFile);
    found = { groups: [], imports: [], modules: [] };
    const tokens = new Set(text.match(IDENTIFIER) ?? []);
    // A name can be written with escapes (`\u0061pi`); the parser decodes it, so the statement's tree has it.
    if (text.includes('\\u'))
      for (const name of escapedIdentifiers(statement, outline.sourceFile)) tokens.add(name);
    for (const token of tokens) if (outline.groups.has(token)) found.groups.push(token);
    const modules = this.modules.get(owner);
    const edges = importEdges(statement, outline.sourceFile);
    if (modules && edges) {
      for (const { specifier, name } of edges) {
        const resolved = modules.get(specifier);
        if (resolved !== undefined) found.imports.push({ resolved, name });
      }
    } else if (modules) {
      for (const [specifier, resolved] of modules)
        if (
          text.includes(`'${specifier}'`) ||
          text.includes(`"${specifier}"`) ||
          text.includes(`\`${specifier}\``)
        )
          found.modules.push(resolved);
    }
    this.statements.set(statement, found);
    return found;
  }

  /** The interfaces and classes with abstract methods declared in a statement, at any depth. */
  private ownersIn(statement: ts.Statement): ImplementedType[] {
    let owners = this.owners.get(statement);
    if (!owners) {
      const found: ImplementedType[] = [];
      const visit = (node: ts.Node): void => {
        if (isImplementedType(node)) found.push(node);
        ts.forEachChild(node, visit);
      };
      visit(statement);
      owners = found;
      this.owners.set(statement, owners);
    }
    return owners;
  }

  /**
   * The classes the rules follow calls of `owner`'s methods into, worked out once per program: the read's key, their
   * sorted `declarationId`s, and the groups that declare them.
   */
  private implementationsOf(owner: ImplementedType): Implementations {
    let found = this.implementations.get(owner);
    if (!found) {
      const classes = loopguard.implementingClasses(this.program, owner);
      found = {
        key: implementationsKey(owner),
        ids: classes.map(declarationId).sort(),
        groups: classes.map((cls) => ({
          file: cls.getSourceFile().fileName,
          names: declaredNames(topLevelStatement(cls)),
        })),
      };
      this.implementations.set(owner, found);
    }
    return found;
  }

  /**
   * The top-level statements of the program's own files that hold a `new Proxy(…)` whose declared type (`as T`, a
   * declared return type, a typed variable) mentions `name`, each as its file and the names the statement declares
   * (none: the file's core). By every identifier in the type as written (`Cdp.Api` gives `Cdp` and `Api`), so a type
   * declared in a namespace is found by the namespace's name too.
   */
  private proxyBuildersOf(name: string): Array<{ file: string; names: string[] }> {
    if (!this.proxies) {
      const proxies = new Map<string, Array<{ file: string; names: string[] }>>();
      this.proxies = proxies;
      for (const sourceFile of this.program.getSourceFiles()) {
        const file = sourceFile.fileName;
        if (sourceFile.isDeclarationFile || file.includes('/node_modules/')) continue;
        if (!sourceFile.text.includes('Proxy(')) continue;
        for (const statement of sourceFile.statements) {
          const typeNames = new Set<string>();
          const visit = (node: ts.Node): void => {
            const typeNode = proxyDeclaredType(node);
            if (typeNode)
              for (const token of typeNode.getText(sourceFile).match(IDENTIFIER) ?? [])
                typeNames.add(token);
            ts.forEachChild(node, visit);
          };
          visit(statement);
          const names = [...new Set(declaredNames(statement))];
          for (const typeName of typeNames) {
            const list = proxies.get(typeName) ?? [];
            list.push({ file, names });
            proxies.set(typeName, list);
          }
        }
      }
    }
    return this.proxies.get(name) ?? [];
  }

  private outlineOf(file: string): Outline | undefined {
    let found = this.outlines.get(file);
    if (found === undefined) {
      const sourceFile = this.program.getSourceFile(file);
      found =
        sourceFile && !this.program.isSourceFileDefaultLibrary(sourceFile)
          ? outline(sourceFile)
          : null;
      this.outlines.set(file, found);
    }
    return found ?? undefined;
  }
}

/**
 * For `new Proxy(…)`, the type the code declares its value as: `new Proxy(…) as T`, `<T>new Proxy(…)`, a typed variable
 * it initializes, the declared return type of the function it is returned from. The same places the plugin's
 * `analysis/proxy-apis.ts` reads.
 */
export function proxyDeclaredType(node: ts.Node): ts.TypeNode | undefined {
  if (
    !ts.isNewExpression(node) ||
    !ts.isIdentifier(node.expression) ||
    node.expression.text !== 'Proxy'
  )
    return undefined;
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)) return parent.type;
  if (ts.isVariableDeclaration(parent) && parent.initializer === current) return parent.type;
  if (ts.isArrowFunction(parent) && parent.body === current) return parent.type;
  if (ts.isReturnStatement(parent))
    for (let scope: ts.Node = parent; scope; scope = scope.parent)
      if (ts.isFunctionLike(scope)) return scope.type;
  return undefined;
}

/** Whether a statement declares an interface, or a class with a method that has no body (abstract, overloads). */
export function declaresAbstractMethods(statement: ts.Statement): boolean {
  if (ts.isInterfaceDeclaration(statement)) return true;
  return (
    ts.isClassDeclaration(statement) &&
    statement.members.some((member) => ts.isMethodDeclaration(member) && !member.body)
  );
}
