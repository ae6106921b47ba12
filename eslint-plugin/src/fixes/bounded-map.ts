// The bounded rewrite of a fan-out: run a task per element with at most N running at once, keeping the results'
// order and types and the semantics of the `Promise` combinator it replaces. With p-map in the program,
// `pMap(items, task, { concurrency: N })`; else with p-limit, each task wrapped in `limit(…)`; both only in ES
// modules (the packages are ESM-only); otherwise a dependency-free worker pool, `mapWithConcurrency(items, task)`,
// added once per file. Used by `no-unbounded-concurrency` and meant for any fix that turns one-task-per-element
// code (a loop of awaits, say) into bounded concurrent code.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import type { Combinator } from '../analysis/fan-out';
import { continuesPreviousLine } from './asi';
import { createImportPlan, type ImportPlan } from './imports';
import type { TextEdit } from './text-edits';
import { isRequireCall, moduleSystemOf } from '../analysis/module-system';
import { operandText } from './parentheses';

export type BoundedMapStrategy = 'p-map' | 'p-limit' | 'helper';

/**
 * The task run for each element, called with `(item, index)`: a function expression or a reference to one in the
 * source, or an arrow a fix builds from text (`{ params: '(url)', body: '{ … }', isAsync: true }`).
 */
export type BoundedTask =
  | { kind: 'node'; node: TSESTree.Expression }
  | { kind: 'text'; params: string; body: string; isAsync: boolean };

/** How the collection can be passed: an array (or tuple), another iterable, or only an array-like (`{ length: n }`). */
export type ItemsKind = 'array' | 'iterable' | 'array-like';

export interface BoundedMapRequest {
  /** The node the rewrite replaces (`Promise.all(urls.map(fetchUrl))`); imports and a limiter are placed around it. */
  replaced: TSESTree.Node;
  /** The text that takes `replaced`'s place, given the bounded expression; by default the expression itself. */
  wrap?: (expression: string) => string;
  items: TSESTree.Expression;
  itemsKind: ItemsKind;
  task: BoundedTask;
  /** The combinator whose result the rewrite must give: values in order (`all`), settled results, or the first. */
  combinator: Combinator;
}

export interface BoundedMapPlan {
  strategy: BoundedMapStrategy;
  /** The local name of what the rewrite calls (`pMap`, `limit`, `mapWithConcurrency`), for suggestion titles. */
  callee: string;
  fix(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[];
}

export interface BoundedMaps {
  /** What this file's rewrites use: p-map if the program imports it, else p-limit, else the helper (CommonJS: the helper). */
  readonly preferred: BoundedMapStrategy;
  /** The rewrite, or `undefined` when no strategy at hand keeps the combinator's semantics or the task's arguments. */
  plan(request: BoundedMapRequest): BoundedMapPlan | undefined;
  /**
   * Each start of a task wrapped in a p-limit limiter declared before `before` (`tasks.push(limit(() => fetch(u)))`
   * in a loop), for code that starts tasks one by one rather than by mapping; only when the program uses p-limit.
   */
  limitEach(request: LimitEachRequest): BoundedMapPlan | undefined;
}

export interface LimitEachRequest {
  /** The expression that starts one task (`fetch(url)`); it becomes `limit(() => fetch(url))`. */
  task: TSESTree.Expression;
  /** The statement (a loop) that starts the tasks; the limiter is declared just before it. */
  before: TSESTree.Node;
}

/** How a collection of this type can be passed to the rewrite: as it is (an array), or through `Array.from`. */
export function itemsKindOf(checker: ts.TypeChecker, type: ts.Type): ItemsKind {
  const parts = tsutils.unionConstituents(checker.getApparentType(type));
  if (parts.every((part) => checker.isArrayType(part) || checker.isTupleType(part))) return 'array';
  if (
    parts.every((part) =>
      part.getProperties().some((property) => property.getName().startsWith('__@iterator')),
    )
  )
    return 'iterable';
  return 'array-like';
}

export const HELPER_NAME = 'mapWithConcurrency';

interface PackageUse {
  /** Export names of the package as the program resolves it. */
  exports: ReadonlySet<string>;
}

const packageUses = new WeakMap<ts.Program, Map<string, PackageUse | null>>();

/**
 * How the program uses `packageName`: `undefined` when no source file of the project imports or requires it.
 * Read from the program's syntax trees, not the file system, and cached per program.
 */
export function programPackageUse(
  program: ts.Program,
  packageName: string,
): PackageUse | undefined {
  let byName = packageUses.get(program);
  if (!byName) {
    byName = new Map();
    packageUses.set(program, byName);
  }
  const known = byName.get(packageName);
  if (known !== undefined) return known ?? undefined;
  const use = findPackageUse(program, packageName);
  byName.set(packageName, use ?? null);
  return use;
}

function findPackageUse(program: ts.Program, packageName: string): PackageUse | undefined {
  for (const sourceFile of program.getSourceFiles()) {
    if (
      sourceFile.isDeclarationFile ||
      program.isSourceFileFromExternalLibrary(sourceFile) ||
      sourceFile.fileName.includes('/node_modules/')
    )
      continue;
    const specifier = moduleSpecifiersOf(sourceFile).get(packageName);
    if (!specifier) continue;
    const checker = program.getTypeChecker();
    const symbol = checker.getSymbolAtLocation(specifier);
    const exports = symbol
      ? checker.getExportsOfModule(symbol).map((exported) => exported.getName())
      : [];
    return { exports: new Set(exports) };
  }
  return undefined;
}

const fileSpecifiers = new WeakMap<ts.SourceFile, ReadonlyMap<string, ts.StringLiteralLike>>();

/**
 * The modules a file's top-level statements import or require, each with its first specifier. Syntax only, so it is
 * kept per syntax tree: the language server's programs share the trees of unchanged files, and a changed file gets
 * a new tree.
 */
function moduleSpecifiersOf(sourceFile: ts.SourceFile): ReadonlyMap<string, ts.StringLiteralLike> {
  let specifiers = fileSpecifiers.get(sourceFile);
  if (!specifiers) {
    const found = new Map<string, ts.StringLiteralLike>();
    for (const statement of sourceFile.statements) {
      const specifier = moduleSpecifierOf(statement);
      if (specifier && !found.has(specifier.text)) found.set(specifier.text, specifier);
    }
    specifiers = found;
    fileSpecifiers.set(sourceFile, specifiers);
  }
  return specifiers;
}

function moduleSpecifierOf(statement: ts.Statement): ts.StringLiteralLike | undefined {
  if (
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
    statement.moduleSpecifier &&
    ts.isStringLiteralLike(statement.moduleSpecifier)
  ) {
    return statement.moduleSpecifier;
  }
  if (
    ts.isImportEqualsDeclaration(statement) &&
    ts.isExternalModuleReference(statement.moduleReference)
  ) {
    const expression = statement.moduleReference.expression;
    return ts.isStringLiteralLike(expression) ? expression : undefined;
  }
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      let initializer = declaration.initializer;
      if (!initializer || !isRequireCall(initializer)) continue;
      while (ts.isPropertyAccessExpression(initializer)) initializer = initializer.expression;
      const [argument] = (initializer as ts.CallExpression).arguments;
      if (argument && ts.isStringLiteralLike(argument)) return argument;
    }
  }
  return undefined;
}

export function createBoundedMaps(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  services: ParserServicesWithTypeInformation,
  options: { concurrency: number },
): BoundedMaps {
  const { sourceCode } = context;
  const { program } = services;
  const tsSourceFile = services.esTreeNodeToTSNodeMap.get(sourceCode.ast);
  const esm = moduleSystemOf(program, tsSourceFile) === 'esm';
  const pMapUse = esm ? programPackageUse(program, 'p-map') : undefined;
  const pLimitUse = esm ? programPackageUse(program, 'p-limit') : undefined;
  const preferred: BoundedMapStrategy = pMapUse ? 'p-map' : pLimitUse ? 'p-limit' : 'helper';
  const typescript = !/\.[cm]?jsx?$/.test(tsSourceFile.fileName);
  const concurrency = options.concurrency;

  function plan(request: BoundedMapRequest): BoundedMapPlan | undefined {
    const task = taskParts(request.task);
    if (!task || task.arity > 2) return undefined;
    const keepsOrder = request.combinator === 'all' || request.combinator === 'allSettled';
    if (!keepsOrder) return pLimitUse ? limitPlan(request, task) : undefined;
    if (pMapUse) return pMapPlan(request, task);
    if (pLimitUse) return limitPlan(request, task);
    return helperPlan(request, task);
  }

  function limitEach(request: LimitEachRequest): BoundedMapPlan | undefined {
    if (!pLimitUse) return undefined;
    const anchor = statementAnchor(request.before);
    if (anchor?.kind !== 'statement') return undefined;
    return {
      strategy: 'p-limit',
      callee: 'limit',
      fix: (fixer) => {
        const imports = createImportPlan(context, services, request.before);
        const pLimit = imports.defaultExport('p-limit', 'pLimit');
        const limit = freeName(imports, 'limit');
        const task =
          request.task.type === AST_NODE_TYPES.ObjectExpression
            ? `(${text(request.task)})`
            : text(request.task);
        const declaration = `const ${limit} = ${pLimit}(${concurrency})`;
        const replaced: BoundedMapRequest = {
          replaced: request.task,
          items: request.task,
          itemsKind: 'array',
          task: { kind: 'node', node: request.task },
          combinator: 'all',
        };
        return imports.fixes(
          fixer,
          insertWithStatement(
            replaced,
            anchor,
            `${limit}(() => ${task})`,
            declaration,
            imports.semicolon,
          ),
        );
      },
    };
  }

  function pMapPlan(request: BoundedMapRequest, task: TaskParts): BoundedMapPlan {
    const items =
      request.itemsKind === 'array-like'
        ? `Array.from(${text(request.items)})`
        : text(request.items);
    const settledExport =
      request.combinator === 'allSettled' && pMapUse?.exports.has('pMapSettled');
    return {
      strategy: 'p-map',
      callee: settledExport ? 'pMapSettled' : 'pMap',
      fix: (fixer) => {
        const imports = createImportPlan(context, services, request.replaced);
        const callee = settledExport
          ? imports.named('p-map', 'pMapSettled')
          : imports.defaultExport('p-map', 'pMap');
        const mapper =
          request.combinator === 'allSettled' && !settledExport
            ? settledTask(task)
            : task.asFunction;
        const expression = `${callee}(${items}, ${mapper}, { concurrency: ${concurrency} })`;
        return imports.fixes(fixer, [replacement(request, expression)]);
      },
    };
  }

  function limitPlan(request: BoundedMapRequest, task: TaskParts): BoundedMapPlan | undefined {
    const anchor = statementAnchor(request.replaced);
    if (!anchor) return undefined;
    return {
      strategy: 'p-limit',
      callee: 'limit',
      fix: (fixer) => {
        const imports = createImportPlan(context, services, request.replaced);
        const pLimit = imports.defaultExport('p-limit', 'pLimit');
        const limit = freeName(imports, 'limit');
        const limited = limitedTask(task, limit);
        const items = text(request.items);
        const tasks =
          request.itemsKind === 'array'
            ? `${operandText(sourceCode, request.items)}.map(${limited})`
            : `Array.from(${items}, ${limited})`;
        const expression = `Promise.${request.combinator}(${tasks})`;
        const declaration = `const ${limit} = ${pLimit}(${concurrency})`;
        return imports.fixes(
          fixer,
          insertWithStatement(request, anchor, expression, declaration, imports.semicolon),
        );
      },
    };
  }

  function helperPlan(request: BoundedMapRequest, task: TaskParts): BoundedMapPlan {
    const existing = existingHelper();
    return {
      strategy: 'helper',
      callee: existing ?? HELPER_NAME,
      fix: (fixer) => {
        const imports = createImportPlan(context, services, request.replaced);
        const helper = existing ?? freeName(imports, HELPER_NAME);
        const items =
          request.itemsKind === 'array'
            ? text(request.items)
            : `Array.from(${text(request.items)})`;
        const mapper = request.combinator === 'allSettled' ? settledTask(task) : task.asFunction;
        const edits: TextEdit[] = [replacement(request, `${helper}(${items}, ${mapper})`)];
        if (!existing) edits.push(appendHelper(helper, imports.semicolon));
        return imports.fixes(fixer, edits);
      },
    };
  }

  // --- the task in its forms -------------------------------------------------------------------------------

  interface TaskParts {
    /** The task as a function, as written. */
    asFunction: string;
    /** How many arguments it takes (at most the two it is given). */
    arity: number;
    /** An arrow's parts, so that wrappers can reuse its parameters: `(url) => limit(async () => …)`. */
    arrow:
      | {
          params: string;
          returnType: string;
          body: string;
          isAsync: boolean;
          bodyIsExpression: boolean;
        }
      | undefined;
  }

  function taskParts(task: BoundedTask): TaskParts | undefined {
    if (task.kind === 'text') {
      const asFunction = `${task.isAsync ? 'async ' : ''}${task.params} => ${task.body}`;
      return {
        asFunction,
        arity: 1,
        arrow: {
          params: task.params,
          returnType: '',
          body: task.body,
          isAsync: task.isAsync,
          bodyIsExpression: !task.body.startsWith('{'),
        },
      };
    }
    const node = task.node;
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      if (node.typeParameters) return undefined;
      const arrowToken = sourceCode.getTokenBefore(node.body, {
        filter: (token) => token.value === '=>',
      });
      if (!arrowToken) return undefined;
      const paramsStart = node.async
        ? sourceCode.getFirstToken(node, { skip: 1 })!.range[0]
        : node.range[0];
      const paramsEnd = node.returnType ? node.returnType.range[0] : arrowToken.range[0];
      return {
        asFunction: sourceCode.getText(node),
        arity: node.params.length,
        arrow: {
          params: sourceCode.text.slice(paramsStart, paramsEnd).trim(),
          returnType: node.returnType ? sourceCode.getText(node.returnType) : '',
          body: sourceCode.text.slice(arrowToken.range[1], node.range[1]).trim(),
          isAsync: node.async,
          bodyIsExpression: node.body.type !== AST_NODE_TYPES.BlockStatement,
        },
      };
    }
    if (node.type === AST_NODE_TYPES.FunctionExpression) {
      if (node.typeParameters || node.generator) return undefined;
      return { asFunction: sourceCode.getText(node), arity: node.params.length, arrow: undefined };
    }
    const type = services.getTypeAtLocation(node);
    const signatures = type.getCallSignatures();
    if (signatures.length !== 1)
      return signatures.length === 0
        ? undefined
        : { asFunction: sourceCode.getText(node), arity: 1, arrow: undefined };
    const declaration = signatures[0]!.getDeclaration() as ts.SignatureDeclaration | undefined;
    const hasRest = declaration?.parameters.some((parameter) => parameter.dotDotDotToken) ?? false;
    const arity = hasRest ? 2 : (declaration?.parameters.length ?? 1);
    return { asFunction: sourceCode.getText(node), arity, arrow: undefined };
  }

  /** `(item, index)`, as many as the task takes, with names its text does not use. */
  function argumentsFor(task: TaskParts): string[] {
    const names = ['item', 'index'].map((name) => {
      let candidate = name;
      for (let suffix = 2; new RegExp(`\\b${candidate}\\b`).test(task.asFunction); suffix++)
        candidate = `${name}${suffix}`;
      return candidate;
    });
    return names.slice(0, task.arity);
  }

  /** A call of the task with fresh parameters, as an arrow: `(item) => <wrap>(fetchUrl(item))`. */
  function callForm(task: TaskParts, wrap: (call: string, isFunction: boolean) => string): string {
    const args = argumentsFor(task);
    const callee = task.arrow ? `(${task.asFunction})` : operandTextOf(task.asFunction);
    return `(${args.join(', ')}) => ${wrap(`${callee}(${args.join(', ')})`, false)}`;
  }

  function limitedTask(task: TaskParts, limit: string): string {
    const arrow = task.arrow;
    if (!arrow) return callForm(task, (call) => `${limit}(() => ${call})`);
    return `${arrow.params} => ${limit}(${arrow.isAsync ? 'async ' : ''}()${arrow.returnType} => ${arrow.body})`;
  }

  /** The task turned into one that resolves to its settled result, as `Promise.allSettled` reports it. */
  function settledTask(task: TaskParts): string {
    const settle = (start: string): string =>
      `Promise.allSettled([${start}]).then(([result]) => result)`;
    const arrow = task.arrow;
    if (!arrow) return callForm(task, settle);
    const start =
      arrow.isAsync || !arrow.bodyIsExpression
        ? `(${arrow.isAsync ? 'async ' : ''}()${arrow.returnType} => ${arrow.body})()`
        : arrow.body;
    return `${arrow.params} => ${settle(start)}`;
  }

  // --- placing the rewrite ---------------------------------------------------------------------------------

  function text(node: TSESTree.Node): string {
    return sourceCode.getText(node);
  }

  function replacement(request: BoundedMapRequest, expression: string): TextEdit {
    return {
      range: request.replaced.range,
      text: (request.wrap ?? ((value: string) => value))(expression),
    };
  }

  /**
   * Where a limiter's declaration goes: before the statement holding the rewrite, in its own block (never out of
   * the function, so each call gets its own limiter and nested uses cannot deadlock), or, in an arrow whose body
   * is an expression, in a block the body becomes.
   */
  function statementAnchor(
    node: TSESTree.Node,
  ):
    | { kind: 'statement'; statement: TSESTree.Node }
    | { kind: 'arrow'; arrow: TSESTree.ArrowFunctionExpression }
    | undefined {
    let child = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (
        parent.type === AST_NODE_TYPES.ArrowFunctionExpression &&
        parent.body === child &&
        child.type !== AST_NODE_TYPES.BlockStatement
      ) {
        return { kind: 'arrow', arrow: parent };
      }
      const isList =
        parent.type === AST_NODE_TYPES.BlockStatement ||
        parent.type === AST_NODE_TYPES.Program ||
        parent.type === AST_NODE_TYPES.StaticBlock ||
        (parent.type === AST_NODE_TYPES.SwitchCase &&
          parent.consequent.includes(child as TSESTree.Statement));
      if (isList) return { kind: 'statement', statement: child };
    }
    return undefined;
  }

  function insertWithStatement(
    request: BoundedMapRequest,
    anchor: NonNullable<ReturnType<typeof statementAnchor>>,
    expression: string,
    declaration: string,
    semicolon: string,
  ): TextEdit[] {
    if (anchor.kind === 'statement') {
      const indent = indentationOf(anchor.statement);
      const next = sourceCode.getText(anchor.statement);
      const end = semicolon || (continuesPreviousLine(next) ? ';' : '');
      return [
        {
          range: [anchor.statement.range[0], anchor.statement.range[0]],
          text: `${declaration}${end}\n${indent}`,
        },
        replacement(request, expression),
      ];
    }
    // `(xs) => Promise.all(…)` becomes `(xs) => {\n  const limit = pLimit(8);\n  return Promise.all(…);\n}`.
    const arrow = anchor.arrow;
    const arrowToken = sourceCode.getTokenBefore(arrow.body, {
      filter: (token) => token.value === '=>',
    })!;
    const bodyStart = sourceCode.getTokenAfter(arrowToken)!.range[0];
    const bodyText = sourceCode.text.slice(bodyStart, arrow.range[1]);
    const offset = request.replaced.range[0] - bodyStart;
    const wrapped = (request.wrap ?? ((value: string) => value))(expression);
    const newBody =
      bodyText.slice(0, offset) +
      wrapped +
      bodyText.slice(offset + request.replaced.range[1] - request.replaced.range[0]);
    const indent = indentationOf(arrow);
    const inner = `${indent}  `;
    const statementEnd = semicolon || ';';
    return [
      {
        range: [bodyStart, arrow.range[1]],
        text: `{\n${inner}${declaration}${statementEnd}\n${inner}return ${newBody}${semicolon}\n${indent}}`,
      },
    ];
  }

  function indentationOf(node: TSESTree.Node): string {
    const lineStart = sourceCode.text.lastIndexOf('\n', node.range[0] - 1) + 1;
    return /^[ \t]*/.exec(sourceCode.text.slice(lineStart, node.range[0]))![0];
  }

  function freeName(imports: ImportPlan, base: string): string {
    if (imports.isNameFree(base)) return base;
    for (let index = 2; ; index++)
      if (imports.isNameFree(`${base}${index}`)) return `${base}${index}`;
  }

  /** A helper this rewrite added before: a top-level `function mapWithConcurrency…(items, task)`. */
  function existingHelper(): string | undefined {
    for (const statement of sourceCode.ast.body) {
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration
          ? statement.declaration
          : statement;
      if (
        declaration?.type !== AST_NODE_TYPES.FunctionDeclaration ||
        !declaration.id?.name.startsWith(HELPER_NAME)
      )
        continue;
      if (declaration.params.length === 2 && declaration.async) return declaration.id.name;
    }
    return undefined;
  }

  function appendHelper(name: string, semicolon: string): TextEdit {
    const text = sourceCode.text;
    const separator = text.endsWith('\n') ? '\n' : '\n\n';
    return {
      range: [text.length, text.length],
      text: `${separator}${helperSource(name, concurrency, typescript, semicolon)}\n`,
    };
  }

  return { preferred, plan, limitEach };
}

function operandTextOf(text: string): string {
  return /^[\w$.]+$/.test(text) ? text : `(${text})`;
}

/** The worker pool the dependency-free rewrite calls: N workers take the next item until none is left. */
export function helperSource(
  name: string,
  concurrency: number,
  typescript: boolean,
  semicolon: string,
): string {
  const s = semicolon;
  const signature = typescript
    ? `async function ${name}<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {`
    : `async function ${name}(items, task) {`;
  const results = typescript ? `const results: Awaited<R>[] = []${s}` : `const results = []${s}`;
  const item = typescript ? 'items[index] as T' : 'items[index]';
  const worker = typescript
    ? 'async function worker(): Promise<void> {'
    : 'async function worker() {';
  const jsdoc = typescript
    ? []
    : [
        ' * @template T, R',
        ' * @param {readonly T[]} items',
        ' * @param {(item: T, index: number) => R} task',
        ' * @returns {Promise<Awaited<R>[]>}',
      ];
  return [
    '/**',
    ` * Runs \`task\` for each item, at most ${concurrency} at a time, and resolves to the results in the items' order, like`,
    ' * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.',
    ...jsdoc,
    ' */',
    signature,
    `  ${results}`,
    `  let next = 0${s}`,
    `  ${worker}`,
    '    while (next < items.length) {',
    `      const index = next++${s}`,
    '      try {',
    `        results[index] = await task(${item}, index)${s}`,
    '      } catch (error) {',
    `        next = items.length${s}`,
    `        throw error${s}`,
    '      }',
    '    }',
    '  }',
    `  await Promise.all(Array.from({ length: Math.min(${concurrency}, items.length) }, worker))${s}`,
    `  return results${s}`,
    '}',
  ].join('\n');
}
