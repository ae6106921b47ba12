// Imports for fixes: a fix asks for an export of a module and gets the text that refers to it, reusing a binding
// the file already has (a named import, a namespace, a `require`), else adding a specifier to an existing import
// of that module, else adding an import statement in the file's own syntax (`import` in ES modules and TypeScript,
// `require` in CommonJS JavaScript). A plan can also drop an import binding the fix leaves unused, so that fix
// outputs still compile under `noUnusedLocals`. All edits of one plan come out as non-overlapping fixes.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { type ImportSyntax, importSyntaxOf } from '../analysis/module-system';
import {
  isBareBuiltinModule,
  isBuiltinModule,
  normalizeModule,
  sameModule,
} from '../util/module-specifiers';
import { propertyKey } from '../util/property-keys';
import { encloses } from '../util/ranges';
import { variableOf } from '../util/variables';
import { continuesPreviousLine } from './asi';
import { endOfLine, mergeEdits, removeListItem, type TextEdit } from './text-edits';

export interface NamedImportOptions {
  /** A type-only import (`type X`), for casts; TypeScript files only. */
  type?: boolean;
  /** Local names to try, in order, when the export's own name is taken in the file (then `name2`, `name3`, …). */
  aliases?: readonly string[];
  /**
   * Other ways to reach the export through a binding the file may have: `{ module: 'node:fs', member: 'promises' }`
   * lets `fs.promises.readFile` stand for `readFile` of `node:fs/promises`.
   */
  via?: ReadonlyArray<{ module: string; member: string }>;
}

type ImportLike =
  TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration | TSESTree.VariableDeclaration;

interface NewSpecifier {
  name: string;
  local: string;
  type: boolean;
}

/** The imports one fix needs, planned at `at` (the node the fix replaces): bindings are reused only where visible there. */
export class ImportPlan {
  /** How the file writes imports. */
  readonly syntax: ImportSyntax;
  /** TypeScript rather than JavaScript: types and casts may be written. */
  readonly typescript: boolean;
  /** `;` or nothing, as the file ends its statements. */
  readonly semicolon: string;
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly body: readonly TSESTree.ProgramStatement[];
  private readonly style: { quote: string; semicolon: string; nodePrefix: boolean };
  private readonly reserved = new Set<string>();
  private readonly newImports = new Map<string, NewSpecifier[]>();
  /** Default imports to add: to a new statement (keyed by module) or to an existing one (keyed by statement). */
  private readonly newDefaults = new Map<string, string>();
  private readonly appendedDefaults = new Map<TSESTree.ImportDeclaration, string>();
  private readonly appended = new Map<TSESTree.Node, NewSpecifier[]>();
  private readonly declarations: string[] = [];
  private readonly promisifiedLocals = new Map<string, string>();
  private readonly plannedLocals = new Map<string, string>();
  private readonly droppedStatements = new Set<ImportLike>();
  private readonly droppedSpecifiers = new Set<TSESTree.ImportSpecifier | TSESTree.Property>();
  /** A dropped single specifier turned into the new one, instead of removing its statement and adding another. */
  private readonly renamedSpecifiers = new Map<
    TSESTree.ImportSpecifier | TSESTree.Property,
    NewSpecifier
  >();
  private declaredNames: ReadonlySet<string> | undefined;

  constructor(
    context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
    services: ParserServicesWithTypeInformation,
    private readonly at: TSESTree.Node,
  ) {
    this.sourceCode = context.sourceCode;
    this.body = this.sourceCode.ast.body;
    const tsSourceFile = services.esTreeNodeToTSNodeMap.get(this.sourceCode.ast);
    this.syntax = importSyntaxOf(services.program, tsSourceFile);
    this.typescript = !/\.[cm]?jsx?$/.test(tsSourceFile.fileName);
    this.style = {
      quote: quoteStyle(this.body),
      semicolon: semicolonStyle(this.sourceCode, this.body),
      nodePrefix: !usesBareBuiltins(this.body),
    };
    this.semicolon = this.style.semicolon;
  }

  /**
   * The plan's edits together with the fix's own, merged into fixes that do not overlap; none when two of them
   * would overlap, so that ESLint drops the suggestion rather than apply a broken one.
   */
  fixes(fixer: TSESLint.RuleFixer, own: readonly TextEdit[]): TSESLint.RuleFix[] {
    return (mergeEdits([...this.edits(), ...own]) ?? []).map((edit) =>
      fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text),
    );
  }

  /** True when `name` is declared nowhere in the file and used as no global, so a new import may take it. */
  private isNameFree(name: string): boolean {
    if (this.reserved.has(name)) return false;
    this.declaredNames ??= collectTakenNames(this.sourceCode);
    return !this.declaredNames.has(name);
  }

  /** The first of `candidates` free in the file, else the first with a number (`limit2`, `limit3`, …). */
  freeName(candidates: readonly string[]): string {
    for (const candidate of candidates) if (this.isNameFree(candidate)) return candidate;
    const base = candidates[0]!;
    for (let index = 2; ; index++) if (this.isNameFree(`${base}${index}`)) return `${base}${index}`;
  }

  /** True when `local` means, at the fix's location, the binding `statement` (a top-level import) declares. */
  private isVisible(local: string, statement: TSESTree.Node): boolean {
    for (
      let scope: TSESLint.Scope.Scope | null = this.sourceCode.getScope(this.at);
      scope;
      scope = scope.upper
    ) {
      const variable = scope.set.get(local);
      if (!variable) continue;
      return variable.defs.some((definition) => encloses(statement, definition.node));
    }
    return false;
  }

  /** An existing binding for the export; with `type`, type-only imports count too (the use is a type). */
  private existingReference(module: string, name: string, type = false): string | undefined {
    for (const statement of this.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
        if (
          (statement.importKind === 'type' && !type) ||
          !sameModule(statement.source.value, module) ||
          this.droppedStatements.has(statement)
        )
          continue;
        for (const specifier of statement.specifiers) {
          const local = specifier.local.name;
          if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
            if (
              (specifier.importKind === 'type' && !type) ||
              this.droppedSpecifiers.has(specifier) ||
              importedName(specifier) !== name
            )
              continue;
            if (this.isVisible(local, statement)) return local;
          } else if (
            specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
            isBuiltinModule(module)
          ) {
            if (this.isVisible(local, statement)) return `${local}.${name}`;
          }
        }
      } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const reference = statement.moduleReference;
        if (
          (statement.importKind === 'type' && !type) ||
          reference.type !== AST_NODE_TYPES.TSExternalModuleReference
        )
          continue;
        if (
          reference.expression.type !== AST_NODE_TYPES.Literal ||
          !sameModule(String(reference.expression.value), module)
        )
          continue;
        if (this.isVisible(statement.id.name, statement)) return `${statement.id.name}.${name}`;
      } else if (
        statement.type === AST_NODE_TYPES.VariableDeclaration &&
        !this.droppedStatements.has(statement)
      ) {
        for (const declarator of statement.declarations) {
          if (!declarator.init || requiredModule(declarator.init) === undefined) continue;
          if (!sameModule(requiredModule(declarator.init)!, module)) continue;
          if (
            declarator.id.type === AST_NODE_TYPES.Identifier &&
            this.isVisible(declarator.id.name, statement)
          )
            return `${declarator.id.name}.${name}`;
          if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
          for (const property of declarator.id.properties) {
            if (
              property.type !== AST_NODE_TYPES.Property ||
              this.droppedSpecifiers.has(property) ||
              propertyKey(property) !== name
            )
              continue;
            if (
              property.value.type === AST_NODE_TYPES.Identifier &&
              this.isVisible(property.value.name, statement)
            )
              return property.value.name;
          }
        }
      }
    }
    return undefined;
  }

  /** Where a new specifier for `module` can join an existing statement, if one can take it. */
  private addToExisting(module: string, specifier: NewSpecifier): boolean {
    for (const statement of this.body) {
      if (this.syntax === 'import' && statement.type === AST_NODE_TYPES.ImportDeclaration) {
        if (statement.importKind === 'type' || !sameModule(statement.source.value, module))
          continue;
        if (
          statement.specifiers.some(
            (existing) => existing.type === AST_NODE_TYPES.ImportNamespaceSpecifier,
          )
        )
          continue;
        if (this.droppedStatements.has(statement)) {
          const only = statement.specifiers[0];
          if (statement.specifiers.length !== 1 || only?.type !== AST_NODE_TYPES.ImportSpecifier)
            continue;
          this.droppedStatements.delete(statement);
          this.renamedSpecifiers.set(only, specifier);
          return true;
        }
        push(this.appended, statement, specifier);
        return true;
      }
      if (
        this.syntax === 'require' &&
        statement.type === AST_NODE_TYPES.VariableDeclaration &&
        statement.declarations.length === 1
      ) {
        const [declarator] = statement.declarations;
        if (!declarator?.init || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        const required = requiredModule(declarator.init);
        if (
          required === undefined ||
          !sameModule(required, module) ||
          declarator.init.type !== AST_NODE_TYPES.CallExpression
        )
          continue;
        if (
          declarator.id.properties.some((property) => property.type === AST_NODE_TYPES.RestElement)
        )
          continue;
        if (this.droppedStatements.has(statement)) {
          const only = declarator.id.properties[0];
          if (declarator.id.properties.length !== 1 || only?.type !== AST_NODE_TYPES.Property)
            continue;
          this.droppedStatements.delete(statement);
          this.renamedSpecifiers.set(only, specifier);
          return true;
        }
        push(this.appended, declarator.id, specifier);
        return true;
      }
    }
    return false;
  }

  /** The text that refers to export `name` of `module` at the plan's location, planning an import if needed. */
  named(module: string, name: string, options: NamedImportOptions = {}): string {
    const type = options.type === true;
    const existing = this.existingReference(module, name, type);
    if (existing) return existing;
    for (const via of options.via ?? []) {
      const member = this.existingReference(via.module, via.member, type);
      if (member) return `${member}.${name}`;
    }
    const plannedKey = `${normalizeModule(module)}\0${name}\0${type}`;
    const planned = this.plannedLocals.get(plannedKey);
    if (planned) return planned;
    const local = this.freeName([name, ...(options.aliases ?? [])]);
    this.reserved.add(local);
    this.plannedLocals.set(plannedKey, local);
    const specifier = { name, local, type };
    if (!this.addToExisting(module, specifier))
      push(this.newImports, moduleSpecifier(module, this.style.nodePrefix), specifier);
    return local;
  }

  /**
   * The local name of the default export of `module` at the plan's location: a default import the file has, else
   * one added to an existing import of the module (`import pMap, { pMapSkip } from 'p-map'`), else a new statement.
   */
  defaultExport(module: string, local: string): string {
    for (const statement of this.body) {
      if (
        statement.type !== AST_NODE_TYPES.ImportDeclaration ||
        statement.importKind === 'type' ||
        !sameModule(statement.source.value, module)
      )
        continue;
      const existing = statement.specifiers.find(
        (specifier) => specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier,
      );
      if (existing && this.isVisible(existing.local.name, statement)) return existing.local.name;
    }
    const plannedKey = `${normalizeModule(module)}\0default`;
    const planned = this.plannedLocals.get(plannedKey);
    if (planned) return planned;
    const name = this.freeName([local]);
    this.reserved.add(name);
    this.plannedLocals.set(plannedKey, name);
    const joinable =
      this.syntax === 'import' &&
      this.body.find(
        (statement): statement is TSESTree.ImportDeclaration =>
          statement.type === AST_NODE_TYPES.ImportDeclaration &&
          statement.importKind !== 'type' &&
          sameModule(statement.source.value, module) &&
          !this.droppedStatements.has(statement) &&
          statement.specifiers.length > 0 &&
          statement.specifiers.every(
            (specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier,
          ),
      );
    if (joinable) this.appendedDefaults.set(joinable, name);
    else this.newDefaults.set(moduleSpecifier(module, this.style.nodePrefix), name);
    return name;
  }

  /**
   * The name of a module-level `const x = promisify(fn)` for export `name` of `module`: one the file already
   * declares, or a new declaration placed after the imports (`cast` is appended as ` as <cast>` in TypeScript
   * files and left out in JavaScript).
   */
  promisified(module: string, name: string, options?: { local: string; cast?: string }): string {
    const key = `${normalizeModule(module)}\0${name}`;
    const planned = this.promisifiedLocals.get(key);
    if (planned) return planned;
    const existing = this.existingPromisified(module, name);
    if (existing) return existing;
    const fn = this.named(module, name);
    const promisify = this.named('node:util', 'promisify');
    const local = this.freeName([options?.local ?? `${name}Async`]);
    this.reserved.add(local);
    const cast = options?.cast !== undefined && this.typescript ? ` as ${options.cast}` : '';
    this.declarations.push(`const ${local} = ${promisify}(${fn})${cast}${this.style.semicolon}`);
    this.promisifiedLocals.set(key, local);
    return local;
  }

  /** A top-level `const x = promisify(fn)` (or `util.promisify(fn)`) of the same export, visible at the fix. */
  private existingPromisified(module: string, name: string): string | undefined {
    const fnReference = this.existingReference(module, name);
    const promisifyReference = this.existingReference('node:util', 'promisify');
    if (!fnReference || !promisifyReference) return undefined;
    for (const statement of this.body) {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const')
        continue;
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (
          declarator.id.type !== AST_NODE_TYPES.Identifier ||
          init?.type !== AST_NODE_TYPES.CallExpression
        )
          continue;
        const [argument] = init.arguments;
        if (init.arguments.length !== 1 || !argument) continue;
        if (
          this.sourceCode.getText(init.callee) !== promisifyReference ||
          this.sourceCode.getText(argument) !== fnReference
        )
          continue;
        if (this.isVisible(declarator.id.name, statement)) return declarator.id.name;
      }
    }
    return undefined;
  }

  /** Plans dropping the import binding `identifier` refers to when its only uses lie inside `replaced`. */
  dropBindingIfOnlyUsedIn(identifier: TSESTree.Identifier, replaced: TSESTree.Node): void {
    const variable = variableOf(this.sourceCode, identifier);
    const definition = variable?.defs[0];
    if (!variable || !definition || variable.defs.length !== 1) return;
    if (
      !variable.references.every(
        (reference) => reference.init === true || encloses(replaced, reference.identifier),
      )
    )
      return;
    const node = definition.node as TSESTree.Node;
    if (node.type === AST_NODE_TYPES.ImportSpecifier) {
      const statement = node.parent as TSESTree.ImportDeclaration;
      if (statement.specifiers.length === 1) this.droppedStatements.add(statement);
      else this.droppedSpecifiers.add(node);
      return;
    }
    if (
      node.type !== AST_NODE_TYPES.VariableDeclarator ||
      node.id.type !== AST_NODE_TYPES.ObjectPattern ||
      !node.init
    )
      return;
    if (requiredModule(node.init) === undefined) return;
    const property = node.id.properties.find(
      (candidate): candidate is TSESTree.Property =>
        candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
    );
    if (!property) return;
    const statement = node.parent;
    if (node.id.properties.length === 1 && statement.declarations.length === 1)
      this.droppedStatements.add(statement);
    else this.droppedSpecifiers.add(property);
  }

  private specifierText(specifier: NewSpecifier): string {
    if (this.syntax === 'require')
      return specifier.local === specifier.name
        ? specifier.name
        : `${specifier.name}: ${specifier.local}`;
    const text =
      specifier.local === specifier.name
        ? specifier.name
        : `${specifier.name} as ${specifier.local}`;
    return specifier.type ? `type ${text}` : text;
  }

  private importStatement(
    module: string,
    specifiers: readonly NewSpecifier[],
    defaultLocal?: string,
  ): string {
    const list = specifiers.map((specifier) => this.specifierText(specifier)).join(', ');
    const source = `${this.style.quote}${module}${this.style.quote}`;
    if (this.syntax === 'require') {
      const required = `require(${source})`;
      if (defaultLocal === undefined)
        return `const { ${list} } = ${required}${this.style.semicolon}`;
      const named = list ? `\nconst { ${list} } = ${required}${this.style.semicolon}` : '';
      return `const ${defaultLocal} = ${required}${this.style.semicolon}${named}`;
    }
    const bindings = [defaultLocal, list ? `{ ${list} }` : undefined].filter(Boolean).join(', ');
    return `import ${bindings} from ${source}${this.style.semicolon}`;
  }

  private edits(): TextEdit[] {
    const result: TextEdit[] = [];
    const text = this.sourceCode.text;
    for (const [specifier, replacement] of this.renamedSpecifiers) {
      result.push({ range: specifier.range, text: this.specifierText(replacement) });
    }
    for (const [owner, specifiers] of this.appended) {
      const list = specifiers.map((specifier) => this.specifierText(specifier)).join(', ');
      if (owner.type === AST_NODE_TYPES.ObjectPattern) {
        const last = owner.properties.at(-1)!;
        result.push({ range: [last.range[1], last.range[1]], text: `, ${list}` });
        continue;
      }
      const statement = owner as TSESTree.ImportDeclaration;
      const lastNamed = statement.specifiers
        .filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier)
        .at(-1);
      if (lastNamed) {
        result.push({ range: [lastNamed.range[1], lastNamed.range[1]], text: `, ${list}` });
      } else {
        const defaultSpecifier = statement.specifiers[0]!;
        result.push({
          range: [defaultSpecifier.range[1], defaultSpecifier.range[1]],
          text: `, { ${list} }`,
        });
      }
    }
    for (const specifier of this.droppedSpecifiers)
      result.push(removeListItem(this.sourceCode, specifier));
    for (const [statement, local] of this.appendedDefaults) {
      const openingBrace = this.sourceCode.getFirstToken(statement, {
        filter: (token) => token.value === '{',
      })!;
      result.push({ range: [openingBrace.range[0], openingBrace.range[0]], text: `${local}, ` });
    }

    const modules = new Set([...this.newDefaults.keys(), ...this.newImports.keys()]);
    const statements = [...modules].map((module) =>
      this.importStatement(module, this.newImports.get(module) ?? [], this.newDefaults.get(module)),
    );
    const block = [...statements, ...this.declarations].join('\n');
    const anchor = insertionAnchor(this.body, this.syntax);
    for (const statement of this.droppedStatements) {
      if (statement === anchor && block) continue;
      result.push({ range: [statement.range[0], endOfLine(text, statement.range[1])], text: '' });
    }
    if (block) {
      // Without semicolons, the new statements need a `;` of their own when the code after them starts with `(` or
      // `[` (`;(async () => {})()` after the imports: that `;` ended the last import, which may be the one replaced).
      const ended = (next: TSESTree.Token | null): string =>
        this.style.semicolon === '' && next !== null && continuesPreviousLine(next.value)
          ? `${block};`
          : block;
      if (anchor && this.droppedStatements.has(anchor))
        result.push({ range: anchor.range, text: ended(this.sourceCode.getTokenAfter(anchor)) });
      else if (anchor) {
        // Without semicolons, a last import that ends in `;` on the next line keeps it there, in front of what it guards.
        const last = this.sourceCode.getLastToken(anchor)!;
        const guard = this.style.semicolon === '' && last.value === ';' ? last : undefined;
        const at = guard
          ? this.sourceCode.getTokenBefore(guard, { includeComments: true })!.range[1]
          : anchor.range[1];
        result.push({
          range: [at, at],
          text: `\n${ended(guard ?? this.sourceCode.getTokenAfter(anchor))}`,
        });
      } else {
        const first = this.body.find((statement) => !isDirective(statement)) ?? this.body[0];
        const position = first ? first.range[0] : text.length;
        result.push({
          range: [position, position],
          text: `${ended(first ? this.sourceCode.getFirstToken(first) : null)}\n`,
        });
      }
    }
    return result;
  }
}

function moduleSpecifier(module: string, nodePrefix: boolean): string {
  if (!isBuiltinModule(module)) return module;
  return nodePrefix ? `node:${normalizeModule(module)}` : normalizeModule(module);
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier
    ? specifier.imported.name
    : String(specifier.imported.value);
}

/** The module of `require('m')` (also `require('m').x`), or `undefined`. */
function requiredModule(expression: TSESTree.Expression): string | undefined {
  let current = expression;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  if (
    current.type !== AST_NODE_TYPES.CallExpression ||
    current.callee.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  if (current.callee.name !== 'require' || current.arguments.length !== 1) return undefined;
  const [argument] = current.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string'
    ? argument.value
    : undefined;
}

function isRequireStatement(
  statement: TSESTree.ProgramStatement,
): statement is TSESTree.VariableDeclaration {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some(
      (declarator) => declarator.init !== null && requiredModule(declarator.init) !== undefined,
    )
  );
}

/** The last import statement (or top-level `require` declaration in CommonJS), after which new ones go. */
function insertionAnchor(
  body: readonly TSESTree.ProgramStatement[],
  syntax: ImportSyntax,
): ImportLike | undefined {
  return body.findLast((statement): statement is ImportLike =>
    syntax === 'import'
      ? statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration
      : isRequireStatement(statement),
  );
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
}

function quoteStyle(body: readonly TSESTree.ProgramStatement[]): string {
  for (const statement of body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration)
      return statement.source.raw.startsWith('"') ? '"' : "'";
  }
  return "'";
}

function semicolonStyle(
  sourceCode: Readonly<TSESLint.SourceCode>,
  body: readonly TSESTree.ProgramStatement[],
): string {
  const sample = body.find(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.VariableDeclaration ||
      statement.type === AST_NODE_TYPES.ExpressionStatement,
  );
  if (!sample) return ';';
  const last = sourceCode.getLastToken(sample);
  if (last?.value !== ';') return '';
  // A `;` at the start of the next line guards that line (`;[a, b].forEach(…)`): the file is written without them.
  return sourceCode.getTokenBefore(last)?.loc.end.line === last.loc.start.line ? ';' : '';
}

function usesBareBuiltins(body: readonly TSESTree.ProgramStatement[]): boolean {
  return body.some((statement) => {
    let source: string | undefined;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) source = statement.source.value;
    else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      const init = statement.declarations[0]?.init;
      source = init ? requiredModule(init) : undefined;
    }
    return source !== undefined && isBareBuiltinModule(source);
  });
}

const takenNames = new WeakMap<object, ReadonlySet<string>>();

/**
 * Every name declared in some scope of the file, and every name it uses as a global. Kept per file (every fix that
 * imports something asks, and a file with many findings has many), and never changed by the plans that read it.
 */
function collectTakenNames(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> {
  const known = takenNames.get(sourceCode);
  if (known) return known;
  const names = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      if (variable.defs.length > 0 || variable.references.length > 0) names.add(variable.name);
    }
    for (const reference of scope.through) names.add(reference.identifier.name);
  }
  takenNames.set(sourceCode, names);
  return names;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
