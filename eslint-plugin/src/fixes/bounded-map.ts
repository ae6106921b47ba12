// The bounded rewrite of one-task-per-element code: at most N tasks at once, keeping the results' order, types and the
// replaced combinator's semantics, with p-map or p-limit where the program uses them (ES modules only), else the
// worker pool of `worker-pool.ts`. Used for fan-out (`no-unbounded-concurrency`) and loops (`loop-to-map.ts`).
import {
  AST_NODE_TYPES,
  AST_TOKEN_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import type { Combinator } from '../analysis/fan-out';
import { moduleSystemOf } from '../analysis/module-system';
import { type PackageUse, programPackageUse } from '../analysis/package-use';
import { continuesPreviousLine } from './asi';
import { ImportPlan } from './imports';
import { operandText } from './parentheses';
import type { TextEdit } from './text-edits';
import { helperModuleSpecifier } from './helper-module';
import { HELPER_NAME, helperSource } from './worker-pool';

export type BoundedMapStrategy = 'p-map' | 'p-limit' | 'helper';

/**
 * The task run for each element, called with `(item, index)`: a function expression or a reference to one in the
 * source, or an arrow a fix builds from text (`{ params: '(url)', body: '{ … }', isAsync: true }`).
 */
export type BoundedTask =
  | { kind: 'node'; node: TSESTree.Expression }
  | { kind: 'text'; params: string; body: string; isAsync: boolean };

/** Comments of the replaced call kept by the rewrite, as text to write before the collection, the task and the end. */
interface KeptComments {
  beforeItems: string;
  beforeTask: string;
  end: string;
}

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
  /**
   * A task's result type as the replaced code wrote it (`xs.map<Promise<Entry>>(…)`): the rewrite writes it on the
   * task, so a tuple stays a tuple; without a place to write it (a task passed by reference) there is no rewrite.
   */
  resultType?: string;
}

export interface BoundedMapPlan {
  strategy: BoundedMapStrategy;
  /** The local name of what the rewrite calls (`pMap`, `limit`, `mapWithConcurrency`), for suggestion titles. */
  callee: string;
  /** The shared helper module the rewrite imports the helper from (absolute), when it imports rather than pastes it. */
  helperModule?: string;
  fix(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[];
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

/** The task in its forms. */
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

/**
 * Where a limiter's declaration goes: before a statement of a statement list, or, in an arrow whose body is an
 * expression, in a block the body becomes.
 */
type Anchor =
  | { kind: 'statement'; statement: TSESTree.Node }
  | { kind: 'arrow'; arrow: TSESTree.ArrowFunctionExpression };

/** The bounded rewrites of one file, with the strategy the file's module system and the program's packages allow. */
export class BoundedMaps {
  /** What this file's rewrites use: p-map if the program imports it, else p-limit, else the helper (CommonJS: the helper). */
  readonly preferred: BoundedMapStrategy;
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly pMapUse: PackageUse | undefined;
  private readonly pLimitUse: PackageUse | undefined;
  private readonly typescript: boolean;
  private readonly concurrency: number;
  /** The shared helper module and how this file imports it, when the file may (see `helper-module.ts`). */
  private readonly helperModule: { path: string; specifier: string } | undefined;

  constructor(
    private readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
    private readonly services: ParserServicesWithTypeInformation,
    options: { concurrency: number; helperModule?: string },
  ) {
    const { program } = services;
    this.sourceCode = context.sourceCode;
    const tsSourceFile = services.esTreeNodeToTSNodeMap.get(this.sourceCode.ast);
    const esm = moduleSystemOf(program, tsSourceFile) === 'esm';
    this.pMapUse = esm ? programPackageUse(program, 'p-map') : undefined;
    this.pLimitUse = esm ? programPackageUse(program, 'p-limit') : undefined;
    this.preferred = this.pMapUse ? 'p-map' : this.pLimitUse ? 'p-limit' : 'helper';
    this.typescript = !/\.[cm]?jsx?$/.test(tsSourceFile.fileName);
    this.concurrency = options.concurrency;
    const specifier =
      options.helperModule === undefined
        ? undefined
        : helperModuleSpecifier(program, tsSourceFile, options.helperModule);
    this.helperModule =
      specifier === undefined ? undefined : { path: options.helperModule!, specifier };
  }

  /** The rewrite, or `undefined` when no strategy at hand keeps the combinator's semantics or the task's arguments. */
  plan(request: BoundedMapRequest): BoundedMapPlan | undefined {
    const parts = this.taskParts(request.task);
    const task =
      parts && request.resultType !== undefined
        ? this.withResultType(request.task, parts, request.resultType)
        : parts;
    if (!task || task.arity > 2) return undefined;
    const keepsOrder = request.combinator === 'all' || request.combinator === 'allSettled';
    if (!keepsOrder) return this.pLimitUse ? this.limitPlan(request, task) : undefined;
    if (this.pMapUse) return this.pMapPlan(request, task);
    if (this.pLimitUse) return this.limitPlan(request, task);
    return this.helperPlan(request, task);
  }

  /**
   * Each start of a task wrapped in a p-limit limiter declared before `before` (`tasks.push(limit(() => fetch(u)))`
   * in a loop), for code that starts tasks one by one rather than by mapping; only when the program uses p-limit.
   */
  limitEach(request: LimitEachRequest): BoundedMapPlan | undefined {
    if (!this.pLimitUse) return undefined;
    const anchor = this.statementAnchor(request.before);
    if (anchor?.kind !== 'statement') return undefined;
    return {
      strategy: 'p-limit',
      callee: 'limit',
      fix: (fixer) => {
        const imports = new ImportPlan(this.context, this.services, request.before);
        const pLimit = imports.defaultExport('p-limit', 'pLimit');
        const limit = imports.freeName(['limit']);
        const task =
          request.task.type === AST_NODE_TYPES.ObjectExpression
            ? `(${this.text(request.task)})`
            : this.text(request.task);
        const declaration = `const ${limit} = ${pLimit}(${this.concurrency})`;
        const replaced: BoundedMapRequest = {
          replaced: request.task,
          items: request.task,
          itemsKind: 'array',
          task: { kind: 'node', node: request.task },
          combinator: 'all',
        };
        return imports.fixes(
          fixer,
          this.insertWithStatement(
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

  private pMapPlan(request: BoundedMapRequest, task: TaskParts): BoundedMapPlan {
    const comments = this.keptComments(request);
    const items =
      comments.beforeItems +
      (request.itemsKind === 'array-like'
        ? `Array.from(${this.text(request.items)})`
        : this.text(request.items));
    const settledExport =
      request.combinator === 'allSettled' && this.pMapUse?.exports.has('pMapSettled');
    return {
      strategy: 'p-map',
      callee: settledExport ? 'pMapSettled' : 'pMap',
      fix: (fixer) => {
        const imports = new ImportPlan(this.context, this.services, request.replaced);
        const callee = settledExport
          ? imports.named('p-map', 'pMapSettled')
          : imports.defaultExport('p-map', 'pMap');
        const mapper =
          request.combinator === 'allSettled' && !settledExport
            ? this.settledTask(task)
            : task.asFunction;
        const expression = `${callee}(${items},${afterComma(comments.beforeTask)}${mapper}, { concurrency: ${this.concurrency} }${comments.end})`;
        return imports.fixes(fixer, [this.replacement(request, expression)]);
      },
    };
  }

  private limitPlan(request: BoundedMapRequest, task: TaskParts): BoundedMapPlan | undefined {
    const anchor = this.statementAnchor(request.replaced);
    if (!anchor) return undefined;
    const comments = this.keptComments(request);
    return {
      strategy: 'p-limit',
      callee: 'limit',
      fix: (fixer) => {
        const imports = new ImportPlan(this.context, this.services, request.replaced);
        const pLimit = imports.defaultExport('p-limit', 'pLimit');
        const limit = imports.freeName(['limit']);
        const limited = comments.beforeTask + this.limitedTask(task, limit) + comments.end;
        const items = this.text(request.items);
        const tasks =
          comments.beforeItems +
          (request.itemsKind === 'array'
            ? `${operandText(this.sourceCode, request.items)}.map(${limited})`
            : `Array.from(${items}, ${limited})`);
        const expression = `Promise.${request.combinator}(${tasks})`;
        const declaration = `const ${limit} = ${pLimit}(${this.concurrency})`;
        return imports.fixes(
          fixer,
          this.insertWithStatement(request, anchor, expression, declaration, imports.semicolon),
        );
      },
    };
  }

  private helperPlan(request: BoundedMapRequest, task: TaskParts): BoundedMapPlan {
    const existing = this.existingHelper();
    // A file that has a pasted helper keeps using it; else the shared module when there is one, else a pasted copy.
    const shared = existing ? undefined : this.helperModule;
    const comments = this.keptComments(request);
    return {
      strategy: 'helper',
      callee: existing ?? HELPER_NAME,
      ...(shared && { helperModule: shared.path }),
      fix: (fixer) => {
        const imports = new ImportPlan(this.context, this.services, request.replaced);
        const helper =
          existing ??
          (shared ? imports.named(shared.specifier, HELPER_NAME) : imports.freeName([HELPER_NAME]));
        const items =
          comments.beforeItems +
          (request.itemsKind === 'array'
            ? this.text(request.items)
            : `Array.from(${this.text(request.items)})`);
        const mapper =
          request.combinator === 'allSettled' ? this.settledTask(task) : task.asFunction;
        const call = `${helper}(${items},${afterComma(comments.beforeTask)}${mapper}${comments.end})`;
        const edits: TextEdit[] = [this.replacement(request, call)];
        if (!existing && !shared) edits.push(this.appendHelper(helper, imports.semicolon));
        return imports.fixes(fixer, edits);
      },
    };
  }

  private taskParts(task: BoundedTask): TaskParts | undefined {
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
      const arrowToken = this.sourceCode.getTokenBefore(node.body, {
        filter: (token) => token.value === '=>',
      });
      if (!arrowToken) return undefined;
      const paramsStart = node.async
        ? this.sourceCode.getFirstToken(node, { skip: 1 })!.range[0]
        : node.range[0];
      const paramsEnd = node.returnType ? node.returnType.range[0] : arrowToken.range[0];
      return {
        asFunction: this.sourceCode.getText(node),
        arity: node.params.length,
        arrow: {
          params: this.sourceCode.text.slice(paramsStart, paramsEnd).trim(),
          returnType: node.returnType ? this.sourceCode.getText(node.returnType) : '',
          body: this.sourceCode.text.slice(arrowToken.range[1], node.range[1]).trim(),
          isAsync: node.async,
          bodyIsExpression: node.body.type !== AST_NODE_TYPES.BlockStatement,
        },
      };
    }
    if (node.type === AST_NODE_TYPES.FunctionExpression) {
      if (node.typeParameters || node.generator) return undefined;
      return {
        asFunction: this.sourceCode.getText(node),
        arity: node.params.length,
        arrow: undefined,
      };
    }
    const type = this.services.getTypeAtLocation(node);
    const signatures = type.getCallSignatures();
    if (signatures.length !== 1)
      return signatures.length === 0
        ? undefined
        : { asFunction: this.sourceCode.getText(node), arity: 1, arrow: undefined };
    const declaration = signatures[0]!.getDeclaration() as ts.SignatureDeclaration | undefined;
    const hasRest = declaration?.parameters.some((parameter) => parameter.dotDotDotToken) ?? false;
    const arity = hasRest ? 2 : (declaration?.parameters.length ?? 1);
    return { asFunction: this.sourceCode.getText(node), arity, arrow: undefined };
  }

  /** The task with `resultType` written as its return type, or `undefined` when it has no place for one. */
  private withResultType(
    task: BoundedTask,
    parts: TaskParts,
    resultType: string,
  ): TaskParts | undefined {
    if (task.kind !== 'node') return undefined;
    const node = task.node;
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression && parts.arrow) {
      if (parts.arrow.returnType) return parts;
      const params = parts.arrow.params.startsWith('(')
        ? parts.arrow.params
        : `(${parts.arrow.params})`;
      const returnType = `: ${resultType}`;
      const arrow = { ...parts.arrow, params, returnType };
      const asFunction = `${arrow.isAsync ? 'async ' : ''}${params}${returnType} => ${arrow.body}`;
      return { ...parts, asFunction, arrow };
    }
    if (node.type === AST_NODE_TYPES.FunctionExpression) {
      if (node.returnType) return parts;
      const before = this.sourceCode.text.slice(node.range[0], node.body.range[0]).trimEnd();
      return { ...parts, asFunction: `${before}: ${resultType} ${this.text(node.body)}` };
    }
    return undefined;
  }

  /** `(item, index)`, as many as the task takes, with names its text does not use. */
  private argumentsFor(task: TaskParts): string[] {
    const names = ['item', 'index'].map((name) => {
      let candidate = name;
      for (let suffix = 2; new RegExp(`\\b${candidate}\\b`).test(task.asFunction); suffix++)
        candidate = `${name}${suffix}`;
      return candidate;
    });
    return names.slice(0, task.arity);
  }

  /** A call of the task with fresh parameters, as an arrow: `(item) => <wrap>(fetchUrl(item))`. */
  private callForm(task: TaskParts, wrap: (call: string, isFunction: boolean) => string): string {
    const args = this.argumentsFor(task);
    const callee = task.arrow ? `(${task.asFunction})` : operandTextOf(task.asFunction);
    return `(${args.join(', ')}) => ${wrap(`${callee}(${args.join(', ')})`, false)}`;
  }

  private limitedTask(task: TaskParts, limit: string): string {
    const arrow = task.arrow;
    if (!arrow) return this.callForm(task, (call) => `${limit}(() => ${call})`);
    return `${arrow.params} => ${limit}(${arrow.isAsync ? 'async ' : ''}()${arrow.returnType} => ${arrow.body})`;
  }

  /** The task turned into one that resolves to its settled result, as `Promise.allSettled` reports it. */
  private settledTask(task: TaskParts): string {
    const settle = (start: string): string =>
      `Promise.allSettled([${start}]).then(([result]) => result)`;
    const arrow = task.arrow;
    if (!arrow) return this.callForm(task, settle);
    const start =
      arrow.isAsync || !arrow.bodyIsExpression
        ? `(${arrow.isAsync ? 'async ' : ''}()${arrow.returnType} => ${arrow.body})()`
        : arrow.body;
    return `${arrow.params} => ${settle(start)}`;
  }

  // --- placing the rewrite ---------------------------------------------------------------------------------
  private text(node: TSESTree.Node): string {
    return this.sourceCode.getText(node);
  }

  /**
   * The comments of the replaced call that lie outside the collection and the task (`Promise.all(\n  // @ts-expect-error\n
   * xs.map(…))`), as text to write before the collection, before the task and before the closing parenthesis. A
   * rewrite that dropped them would lose a `@ts-expect-error` and with it type-checking; each keeps its own line when
   * it had one, so a directive still stands on the line before the code it covered.
   */
  private keptComments(request: BoundedMapRequest): KeptComments {
    const kept: KeptComments = { beforeItems: '', beforeTask: '', end: '' };
    if (request.task.kind !== 'node') return kept;
    const task = request.task.node;
    const outside = (comment: TSESTree.Comment, node: TSESTree.Node): boolean =>
      comment.range[1] <= node.range[0] || comment.range[0] >= node.range[1];
    for (const comment of this.sourceCode.getCommentsInside(request.replaced)) {
      if (!outside(comment, request.items) || !outside(comment, task)) continue;
      const text = this.sourceCode.getText(comment);
      const lineStart = this.sourceCode.text.lastIndexOf('\n', comment.range[0] - 1) + 1;
      const before = this.sourceCode.text.slice(lineStart, comment.range[0]);
      const indent = /^[ \t]*/.exec(before)![0];
      const ownLine = before.trim() === '';
      const isLine = comment.type === AST_TOKEN_TYPES.Line;
      if (comment.range[0] >= task.range[1]) {
        // After the task: before the closing parenthesis, which a line comment pushes to the next line.
        const lead = ownLine ? `\n${indent}` : ' ';
        kept.end += `${lead}${text}${isLine ? `\n${this.indentationOf(request.replaced)}` : ''}`;
        continue;
      }
      const piece = `${ownLine ? `\n${indent}` : ''}${text}${isLine || ownLine ? `\n${indent}` : ' '}`;
      if (comment.range[1] <= request.items.range[0]) kept.beforeItems += piece;
      else kept.beforeTask += piece;
    }
    return kept;
  }

  private replacement(request: BoundedMapRequest, expression: string): TextEdit {
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
  private statementAnchor(node: TSESTree.Node): Anchor | undefined {
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

  private insertWithStatement(
    request: BoundedMapRequest,
    anchor: NonNullable<ReturnType<typeof this.statementAnchor>>,
    expression: string,
    declaration: string,
    semicolon: string,
  ): TextEdit[] {
    if (anchor.kind === 'statement') {
      const indent = this.indentationOf(anchor.statement);
      const next = this.sourceCode.getText(anchor.statement);
      const end = semicolon || (continuesPreviousLine(next) ? ';' : '');
      return [
        {
          range: [anchor.statement.range[0], anchor.statement.range[0]],
          text: `${declaration}${end}\n${indent}`,
        },
        this.replacement(request, expression),
      ];
    }
    // `(xs) => Promise.all(…)` becomes `(xs) => {\n  const limit = pLimit(8);\n  return Promise.all(…);\n}`.
    const arrow = anchor.arrow;
    const arrowToken = this.sourceCode.getTokenBefore(arrow.body, {
      filter: (token) => token.value === '=>',
    })!;
    const bodyStart = this.sourceCode.getTokenAfter(arrowToken)!.range[0];
    const bodyText = this.sourceCode.text.slice(bodyStart, arrow.range[1]);
    const offset = request.replaced.range[0] - bodyStart;
    const wrapped = (request.wrap ?? ((value: string) => value))(expression);
    const newBody =
      bodyText.slice(0, offset) +
      wrapped +
      bodyText.slice(offset + request.replaced.range[1] - request.replaced.range[0]);
    const indent = this.indentationOf(arrow);
    const inner = `${indent}  `;
    const statementEnd = semicolon || ';';
    return [
      {
        range: [bodyStart, arrow.range[1]],
        text: `{\n${inner}${declaration}${statementEnd}\n${inner}return ${newBody}${semicolon}\n${indent}}`,
      },
    ];
  }

  private indentationOf(node: TSESTree.Node): string {
    const lineStart = this.sourceCode.text.lastIndexOf('\n', node.range[0] - 1) + 1;
    return /^[ \t]*/.exec(this.sourceCode.text.slice(lineStart, node.range[0]))![0];
  }

  /** A helper this rewrite added before: a top-level `function mapWithConcurrency…(items, task)`. */
  private existingHelper(): string | undefined {
    for (const statement of this.sourceCode.ast.body) {
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

  private appendHelper(name: string, semicolon: string): TextEdit {
    const text = this.sourceCode.text;
    const separator = text.endsWith('\n') ? '\n' : '\n\n';
    return {
      range: [text.length, text.length],
      text: `${separator}${helperSource(name, this.concurrency, this.typescript, semicolon)}\n`,
    };
  }
}

/** What follows the comma before the task: a space, or the kept comments, which start on a line of their own. */
function afterComma(comments: string): string {
  return comments.startsWith('\n') ? comments : ` ${comments}`;
}

function operandTextOf(text: string): string {
  return /^[\w$.]+$/.test(text) ? text : `(${text})`;
}
