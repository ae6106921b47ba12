// Reports awaits that run one after another although none needs another's result: consecutive statements that each
// await a call (`const user = await getUser(id); const orders = await getOrders(id);`), and a `for…of` loop whose
// turns each await and do not depend on each other. Whether calls are independent is decided by `shared-state.ts`,
// conservatively; the fixes are suggestions (`Promise.all` for statements, the bounded rewrite of `bounded-map.ts`
// for loops), since running work together changes what happens when part of it fails.
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { statementEndBefore } from '../fixes/asi';
import { type BoundedMapPlan, createBoundedMaps, itemsKindOf } from '../fixes/bounded-map';
import { createRule } from '../util/create-rule';
import {
  findEnclosingFunction,
  type FunctionNode,
  isFunctionNode,
} from '../util/enclosing-function';
import { isPromiseLikeType, type PromiseTypeContext } from '../analysis/promise-types';
import { recordRelatedLocations, relatedLocationOf } from '../util/related-locations';
import { resolveCallee } from '../analysis/resolve-callee';
import {
  type AccessPath,
  conflictBetween,
  type Footprint,
  getSharedStateAnalysis,
  isDelay,
  selfConflictOf,
  writtenResource,
} from '../analysis/shared-state';
import { containsNode, traverse } from '../util/traverse';
import { typeTextAt } from '../fixes/type-text';

export type Options = [
  {
    minAwaits?: number;
    loops?: boolean;
    concurrency?: number;
  },
];

export type MessageIds =
  'sequentialAwaits' | 'awaitInLoop' | 'awaitTogether' | 'usePMap' | 'usePLimit' | 'useHelper';

type Owner = FunctionNode | TSESTree.Program;
type StatementList = TSESTree.BlockStatement | TSESTree.Program | TSESTree.SwitchCase;

/** A statement that awaits one call: `await f();` or `const|let|var binding = await f();`. */
interface AwaitStatement {
  statement: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration;
  kind: 'const' | 'let' | 'var' | undefined;
  binding: TSESTree.Identifier | TSESTree.ObjectPattern | TSESTree.ArrayPattern | undefined;
  awaitNode: TSESTree.AwaitExpression;
  call: TSESTree.CallExpression;
}

interface AnalyzedAwait extends AwaitStatement {
  footprint: Footprint;
  /** Code outside the statement (a closure made earlier, a hoisted function) may read its binding. */
  bindingObservable: boolean;
}

/** How deep the analysis follows calls into the project's own functions, as `no-unbounded-concurrency` does. */
const MAX_DEPTH = 5;

const STRATEGY_MESSAGES: Record<BoundedMapPlan['strategy'], MessageIds> = {
  'p-map': 'usePMap',
  'p-limit': 'usePLimit',
  helper: 'useHelper',
};

export default createRule<Options, MessageIds>({
  name: 'prefer-concurrent-awaits',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce running independent awaits concurrently instead of one after another',
      requiresTypeChecking: true,
      recommended: 'warn',
      strict: 'error',
    },
    hasSuggestions: true,
    messages: {
      sequentialAwaits:
        'These {{count}} awaits run one after another, but none needs what another produces or changes: {{awaits}}. Started together, they take as long as the slowest, not the sum.',
      awaitInLoop:
        'Each turn of this loop waits for `{{awaited}}` before the next turn starts, but no turn needs what another produces or changes. Running up to {{concurrency}} turns at a time would finish sooner.',
      awaitTogether:
        'Await them together with `Promise.all` (this changes what happens on failure: every call starts even if an earlier one fails, and the first failure is thrown while the others may still run)',
      usePMap:
        "Run up to {{concurrency}} turns at a time with `{{callee}}` from 'p-map' (this changes what happens on failure: turns already started keep running after one fails)",
      usePLimit:
        "Run up to {{concurrency}} turns at a time through a `pLimit({{concurrency}})` limiter from 'p-limit' (this changes what happens on failure: every turn still starts after one fails)",
      useHelper:
        'Run up to {{concurrency}} turns at a time with a `{{callee}}` helper in this file, no dependency (this changes what happens on failure: turns already started keep running after one fails)',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minAwaits: {
            type: 'integer',
            minimum: 2,
            description: 'How many independent awaits in a row are reported (default 2).',
          },
          loops: {
            type: 'boolean',
            description:
              'Also report `for…of` loops whose turns each await and are independent of each other (default true).',
          },
          concurrency: {
            type: 'integer',
            minimum: 1,
            description:
              'The limit the loop rewrite uses, as in `no-unbounded-concurrency` (default 8).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ minAwaits: 2, loops: true, concurrency: 8 }],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const { program } = services;
    const checker = program.getTypeChecker();
    const { sourceCode } = context;
    const minAwaits = options.minAwaits ?? 2;
    const concurrency = options.concurrency ?? 8;
    const typeContext: PromiseTypeContext = { checker, program, checkThenables: true };
    const tsNode = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);
    const analysis = getSharedStateAnalysis(program, { maxDepth: MAX_DEPTH });
    let boundedMaps: ReturnType<typeof createBoundedMaps> | undefined;

    // --- consecutive awaits -------------------------------------------------------------------------------------

    function checkList(list: StatementList): void {
      const statements = list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body;
      let run: AwaitStatement[] = [];
      for (const statement of statements) {
        const candidate = awaitStatementAt(sourceCode, statement);
        if (candidate) {
          run.push(candidate);
          continue;
        }
        checkRun(run);
        run = [];
      }
      checkRun(run);
    }

    /** Splits a run of consecutive await statements into groups that can run together, and reports each. */
    function checkRun(run: readonly AwaitStatement[]): void {
      if (run.length < minAwaits) return;
      const owner = ownerOf(run[0]!.statement);
      if (!owner || isOrderedByCleanup(run[0]!.statement, owner)) return;
      let group: AnalyzedAwait[] = [];
      for (const candidate of run) {
        const analyzed = analyze(candidate, owner);
        if (!analyzed) {
          report(group);
          group = [];
        } else if (
          group.some(
            (member) =>
              member.bindingObservable || conflictBetween(member.footprint, analyzed.footprint),
          )
        ) {
          report(group);
          group = [analyzed];
        } else {
          group.push(analyzed);
        }
      }
      report(group);
    }

    function analyze(candidate: AwaitStatement, owner: Owner): AnalyzedAwait | undefined {
      const call = tsNode(candidate.call) as ts.CallExpression;
      if (!isPromiseLikeType(typeContext, call, checker.getTypeAtLocation(call))) return undefined;
      if (isTick(candidate.call)) return undefined;
      const footprint = analysis.footprintOf(
        tsNode(candidate.awaitNode.argument),
        tsNode(candidate.awaitNode.argument),
      );
      // A delay orders what comes after it on purpose. A write to the world outside keeps its place too: what
      // follows may rely on it having succeeded (a confirmation after a save), and what precedes it may be the check
      // it relies on (a save after a permission check); reads that fail only waste work.
      if (isDelay(footprint) || writtenResource(footprint)) return undefined;
      const declared = declaredSymbols(candidate);
      return {
        ...candidate,
        footprint: {
          ...footprint,
          accesses: [
            ...footprint.accesses,
            ...declared.map((root) => ({ path: { root, properties: [] }, change: true })),
          ],
        },
        bindingObservable: isBindingObservable(candidate, owner),
      };
    }

    /** `await Promise.resolve()`: a deliberate turn of the event loop, not work. */
    function isTick(call: TSESTree.CallExpression): boolean {
      const callee = resolveCallee(services, call);
      return (
        callee?.origin === 'global' &&
        callee.container === 'PromiseConstructor' &&
        (callee.name === 'resolve' || callee.name === 'reject')
      );
    }

    function declaredSymbols(candidate: AwaitStatement): ts.Symbol[] {
      if (candidate.statement.type !== AST_NODE_TYPES.VariableDeclaration) return [];
      return sourceCode
        .getDeclaredVariables(candidate.statement.declarations[0])
        .flatMap((variable) => {
          const identifier = variable.identifiers[0];
          const symbol = identifier ? checker.getSymbolAtLocation(tsNode(identifier)) : undefined;
          return symbol ? [symbol] : [];
        });
    }

    /**
     * True when the binding may be read by code that runs while later calls of the group run: a closure created
     * before the statement, or a function declaration (hoisted, so callable from anywhere). After the rewrite the
     * binding is set only when every call has finished.
     */
    function isBindingObservable(candidate: AwaitStatement, owner: Owner): boolean {
      if (candidate.statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
      return sourceCode.getDeclaredVariables(candidate.statement.declarations[0]).some((variable) =>
        variable.references.some((reference) => {
          if (reference.init) return false;
          if (reference.identifier.range[0] < candidate.statement.range[0]) return true;
          for (
            let node: TSESTree.Node | undefined = reference.identifier.parent;
            node && node !== owner;
            node = node.parent
          ) {
            if (node.type === AST_NODE_TYPES.FunctionDeclaration) return true;
          }
          return false;
        }),
      );
    }

    function report(group: readonly AnalyzedAwait[]): void {
      if (group.length < minAwaits) return;
      const [first] = group;
      const fix = awaitTogether(group);
      context.report({
        node: first!.awaitNode,
        messageId: 'sequentialAwaits',
        data: { count: String(group.length), awaits: listOf(group) },
        suggest: fix ? [{ messageId: 'awaitTogether', fix }] : [],
      });
      recordRelatedLocations(
        context,
        first!.awaitNode.loc.start,
        group
          .slice(1)
          .map((member) =>
            relatedLocationOf(
              tsNode(member.awaitNode),
              `can run at the same time as \`${short(first!.awaitNode)}\``,
            ),
          ),
      );
    }

    function listOf(group: readonly AnalyzedAwait[]): string {
      const items = group.map(
        (member) => `\`${short(member.awaitNode)}\` (line ${member.awaitNode.loc.start.line})`,
      );
      return items.length <= 2
        ? items.join(' and ')
        : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
    }

    function short(node: TSESTree.Node): string {
      const text = sourceCode.getText(node).replace(/\s+/g, ' ');
      return text.length > 50 ? `${text.slice(0, 49)}…` : text;
    }

    // --- the Promise.all rewrite ----------------------------------------------------------------------------------

    /** `const [a, b] = await Promise.all([f(), g()]);` in place of the group's statements. */
    function awaitTogether(
      group: readonly AnalyzedAwait[],
    ): TSESLint.ReportFixFunction | undefined {
      const kinds = new Set(group.flatMap((member) => (member.kind ? [member.kind] : [])));
      // One declaration has one kind: `const` and `let` bindings cannot share it without changing one of them.
      if (kinds.size > 1) return undefined;
      const [kind] = [...kinds];
      const first = group[0]!.statement;
      const last = group.at(-1)!.statement;
      const annotated = group.some((member) => member.binding?.typeAnnotation);
      const operands = group.map((member) => operandText(member, annotated));
      // In a file without semicolons, the last statement may end with the ';' that guards a next line starting with
      // '(', '[' or '`' (`const b = await g()\n;[x].forEach(…)`): that ';' stays where it is, outside the replaced range.
      const lastToken = sourceCode.getLastToken(last)!;
      const beforeLastToken = sourceCode.getTokenBefore(lastToken)!;
      const guard =
        lastToken.value === ';' && lastToken.loc.start.line !== beforeLastToken.loc.end.line;
      const semicolon =
        !guard && (lastToken.value === ';' || sourceCode.getLastToken(first)?.value === ';')
          ? ';'
          : '';
      const call = `await Promise.all([${operands.join(', ')}])`;
      let text = `${call}${semicolon}`;
      if (kind) {
        const names = group.map((member) => (member.binding ? bindingText(member.binding) : ''));
        while (names.at(-1) === '') names.pop();
        let annotation = '';
        if (annotated) {
          const types = group.map((member) => slotType(member, first));
          if (types.some((type) => type === undefined)) return undefined;
          annotation = `: [${types.join(', ')}]`;
        }
        text = `${kind} [${names.join(', ')}]${annotation} = ${call}${semicolon}`;
      }
      const range: TSESLint.AST.Range = [
        first.range[0],
        guard ? beforeLastToken.range[1] : last.range[1],
      ];
      const kept = group.map((member) => member.awaitNode.argument.range);
      const moved = sourceCode
        .getAllComments()
        .filter(
          (comment) =>
            comment.range[0] >= range[0] &&
            comment.range[1] <= range[1] &&
            !kept.some(([start, end]) => comment.range[0] >= start && comment.range[1] <= end),
        );
      const indent = indentOf(first);
      const comments = moved.map((comment) => `${sourceCode.getText(comment)}\n${indent}`).join('');
      return (fixer) => fixer.replaceTextRange(range, comments + text);
    }

    /**
     * The awaited call as an element of the array. A call whose type parameters the binding's annotation inferred
     * (`const user: User = await api.get()`) keeps that context through `satisfies`.
     */
    function operandText(member: AnalyzedAwait, annotated: boolean): string {
      const operand = member.awaitNode.argument;
      const text = sourceCode.getText(operand);
      const annotation = member.binding?.typeAnnotation;
      if (!annotated || !annotation || !infersFromContext(member.call)) return text;
      return `${text} satisfies PromiseLike<${sourceCode.getText(annotation.typeAnnotation)}>`;
    }

    function infersFromContext(call: TSESTree.CallExpression): boolean {
      if (call.typeArguments) return false;
      const signature = checker.getResolvedSignature(tsNode(call) as ts.CallExpression);
      const declaration = signature?.getDeclaration();
      return (declaration?.typeParameters?.length ?? 0) > 0;
    }

    /** The element type of the combined annotation: the member's own annotation, else its type written out. */
    function slotType(member: AnalyzedAwait, at: TSESTree.Node): string | undefined {
      const annotation = member.binding?.typeAnnotation;
      if (annotation) return sourceCode.getText(annotation.typeAnnotation);
      if (!member.binding) return 'unknown';
      const typed =
        member.binding.type === AST_NODE_TYPES.Identifier ? member.binding : member.awaitNode;
      return typeTextAt(checker, checker.getTypeAtLocation(tsNode(typed)), tsNode(at));
    }

    function bindingText(binding: NonNullable<AwaitStatement['binding']>): string {
      if (!binding.typeAnnotation) return sourceCode.getText(binding);
      return sourceCode.text.slice(binding.range[0], binding.typeAnnotation.range[0]).trimEnd();
    }

    // --- loops ------------------------------------------------------------------------------------------------------

    function checkLoop(loop: TSESTree.ForOfStatement): void {
      if (loop.await) return;
      const declaration = loop.left;
      if (
        declaration.type !== AST_NODE_TYPES.VariableDeclaration ||
        (declaration.kind !== 'const' && declaration.kind !== 'let')
      )
        return;
      const owner = ownerOf(loop);
      if (!owner) return;
      const body = bodyOf(loop);
      if (!body) return;
      const [first] = body.awaits;
      if (!first) return;
      if (isOrderedByCleanup(loop, owner) || printsOutput(loop.body)) return;
      const loopNode = tsNode(loop);
      for (const awaitNode of body.awaits) {
        const call = unwrapCall(awaitNode.argument);
        if (!call) return;
        const tsCall = tsNode(call) as ts.CallExpression;
        if (
          !isPromiseLikeType(typeContext, tsCall, checker.getTypeAtLocation(tsCall)) ||
          isTick(call)
        )
          return;
        if (isDelay(analysis.footprintOf(tsNode(awaitNode.argument), loopNode))) return;
      }
      const accumulator = accumulatorOf(loop);
      const footprint = analysis.footprintOf(tsNode(loop.body), loopNode);
      const accumulatorSymbol = accumulator
        ? checker.getSymbolAtLocation(tsNode(accumulator.array))
        : undefined;
      const ignore = (path: AccessPath): boolean =>
        path.root === accumulatorSymbol && path.properties.length === 0;
      if (selfConflictOf(footprint, ignore)) return;

      // The report sits on the loop's head (`for (const id of ids)`), which the rewrite replaces; the awaits of the
      // turn are related locations, and awaits in the turn that could run together are reported on their own.
      const loc = { start: loop.loc.start, end: sourceCode.getTokenBefore(loop.body)!.loc.end };
      context.report({
        loc,
        messageId: 'awaitInLoop',
        data: { awaited: short(first.argument), concurrency: String(concurrency) },
        suggest: loopSuggestions(loop, body, accumulator),
      });
      recordRelatedLocations(
        context,
        loc.start,
        body.awaits.map((awaitNode) =>
          relatedLocationOf(tsNode(awaitNode), 'each turn waits here before the next one starts'),
        ),
      );
    }

    /**
     * True when the turn writes to the console or the process's standard streams: the lines come out in the order
     * of the turns, which running them together would shuffle (a command-line tool printing a result per file).
     */
    function printsOutput(body: TSESTree.Statement): boolean {
      return containsNode(
        sourceCode,
        body,
        (node) => {
          if (
            node.type !== AST_NODE_TYPES.CallExpression ||
            node.callee.type !== AST_NODE_TYPES.MemberExpression
          )
            return false;
          const object = node.callee.object;
          if (object.type === AST_NODE_TYPES.Identifier)
            return object.name === 'console' && isGlobal(object);
          return (
            object.type === AST_NODE_TYPES.MemberExpression &&
            object.object.type === AST_NODE_TYPES.Identifier &&
            object.object.name === 'process' &&
            isGlobal(object.object) &&
            object.property.type === AST_NODE_TYPES.Identifier &&
            (object.property.name === 'stdout' || object.property.name === 'stderr')
          );
        },
        () => true,
      );
    }

    function isGlobal(identifier: TSESTree.Identifier): boolean {
      const variable = findVariable(identifier);
      return !variable || variable.defs.length === 0;
    }

    interface LoopBody {
      /** The awaits that belong to the loop's own turn (not to a nested loop or function). */
      awaits: TSESTree.AwaitExpression[];
      /** `continue` statements of this loop, which the rewrite turns into `return`. */
      continues: TSESTree.ContinueStatement[];
    }

    /** The loop's own awaits and `continue`s, or `undefined` when a turn can end the loop or leak into the next. */
    function bodyOf(loop: TSESTree.ForOfStatement): LoopBody | undefined {
      const awaits: TSESTree.AwaitExpression[] = [];
      const continues: TSESTree.ContinueStatement[] = [];
      const ownLabel =
        loop.parent.type === AST_NODE_TYPES.LabeledStatement ? loop.parent.label.name : undefined;
      let independent = true;
      const nested = (node: TSESTree.Node): boolean =>
        isLoop(node) || node.type === AST_NODE_TYPES.SwitchStatement;
      const walk = (
        node: TSESTree.Node,
        depth: { loops: number; breakable: number; labels: string[] },
      ): void => {
        traverse(sourceCode, node, (child) => {
          if (!independent) return false;
          if (child === node) return true;
          if (
            isFunctionNode(child) ||
            child.type === AST_NODE_TYPES.ClassDeclaration ||
            child.type === AST_NODE_TYPES.ClassExpression
          )
            return false;
          switch (child.type) {
            case AST_NODE_TYPES.AwaitExpression:
              if (depth.loops === 0) awaits.push(child);
              return true;
            case AST_NODE_TYPES.YieldExpression:
            case AST_NODE_TYPES.ReturnStatement:
              independent = false;
              return false;
            case AST_NODE_TYPES.VariableDeclaration:
              // A `var` is shared by every turn; `using` is disposed of at the end of each turn, which is fine.
              if (child.kind === 'var') independent = false;
              return independent;
            case AST_NODE_TYPES.BreakStatement:
              if (child.label ? !depth.labels.includes(child.label.name) : depth.breakable === 0)
                independent = false;
              return false;
            case AST_NODE_TYPES.ContinueStatement:
              if (child.label ? child.label.name === ownLabel : depth.loops === 0)
                continues.push(child);
              else if (child.label && !depth.labels.includes(child.label.name)) independent = false;
              return false;
            case AST_NODE_TYPES.LabeledStatement:
              walk(child, { ...depth, labels: [...depth.labels, child.label.name] });
              return false;
            default:
              break;
          }
          if (nested(child)) {
            walk(child, {
              loops: depth.loops + (isLoop(child) ? 1 : 0),
              breakable: depth.breakable + 1,
              labels: depth.labels,
            });
            return false;
          }
          return true;
        });
      };
      walk(loop.body, { loops: 0, breakable: 0, labels: [] });
      return independent ? { awaits, continues } : undefined;
    }

    interface Accumulator {
      /** `results` in `results.push(value)`. */
      array: TSESTree.Identifier;
      push: TSESTree.ExpressionStatement;
      value: TSESTree.Expression;
    }

    /**
     * `results.push(value)` as the last statement of the turn, into an array declared outside the loop and not
     * otherwise used in it: the rewrite returns `value` from each turn and pushes the results in order at the end.
     */
    function accumulatorOf(loop: TSESTree.ForOfStatement): Accumulator | undefined {
      const statements =
        loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
      const push = statements.at(-1);
      if (push?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
      const call = push.expression;
      if (
        call.type !== AST_NODE_TYPES.CallExpression ||
        call.optional ||
        call.arguments.length !== 1
      )
        return undefined;
      const [value] = call.arguments;
      const callee = call.callee;
      if (!value || value.type === AST_NODE_TYPES.SpreadElement) return undefined;
      if (
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        callee.computed ||
        callee.optional ||
        callee.property.type !== AST_NODE_TYPES.Identifier
      )
        return undefined;
      if (callee.property.name !== 'push' || callee.object.type !== AST_NODE_TYPES.Identifier)
        return undefined;
      const array = callee.object;
      if (!checker.isArrayType(checker.getTypeAtLocation(tsNode(array)))) return undefined;
      const variable = findVariable(array);
      if (!variable) return undefined;
      const declaredOutside = variable.defs.every(
        (definition) =>
          definition.node.range[1] <= loop.range[0] || definition.node.range[0] >= loop.range[1],
      );
      if (!declaredOutside) return undefined;
      const usedElsewhere = variable.references.some(
        (reference) =>
          reference.identifier !== array &&
          reference.identifier.range[0] >= loop.range[0] &&
          reference.identifier.range[1] <= loop.range[1],
      );
      return usedElsewhere ? undefined : { array, push, value };
    }

    function findVariable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
      for (
        let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier);
        scope;
        scope = scope.upper
      ) {
        const variable = scope.set.get(identifier.name);
        if (variable) return variable;
      }
      return undefined;
    }

    // --- the bounded rewrite of a loop --------------------------------------------------------------------------

    function loopSuggestions(
      loop: TSESTree.ForOfStatement,
      body: LoopBody,
      accumulator: Accumulator | undefined,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (loop.parent.type === AST_NODE_TYPES.LabeledStatement) return [];
      if (accumulator && body.continues.length > 0) return [];
      if (readsReassignedBinding(loop) || declaresFunction(loop)) return [];
      const head = sourceCode.getTokenBefore(loop.body)!;
      if (sourceCode.getCommentsInside(loop).some((comment) => comment.range[1] <= head.range[1]))
        return [];
      const declarator = (loop.left as TSESTree.VariableDeclaration).declarations[0];
      const task = taskOf(loop, body, accumulator, `(${sourceCode.getText(declarator.id)})`);
      // The loop ends with `}`; the statement in its place needs a ';' before a next line starting with '(' or '['.
      const semicolon = statementEndBefore(sourceCode, loop, semicolonNear(loop));
      boundedMaps ??= createBoundedMaps(context, services, { concurrency });
      const plan = boundedMaps.plan({
        replaced: loop,
        wrap: (expression) =>
          accumulator
            ? `${accumulator.array.name}.push(...(await ${expression}))${semicolon}`
            : `await ${expression}${semicolon}`,
        items: loop.right,
        itemsKind: itemsKindOf(checker, checker.getTypeAtLocation(tsNode(loop.right))),
        task,
        combinator: 'all',
      });
      if (!plan) return [];
      return [
        {
          messageId: STRATEGY_MESSAGES[plan.strategy],
          data: { concurrency: String(concurrency), callee: plan.callee },
          fix: (fixer) => plan.fix(fixer),
        },
      ];
    }

    /** The turn as a task: `(id) => getUser(id)` when it only awaits one call, else an async arrow with the loop's body. */
    function taskOf(
      loop: TSESTree.ForOfStatement,
      body: LoopBody,
      accumulator: Accumulator | undefined,
      params: string,
    ): { kind: 'text'; params: string; body: string; isAsync: boolean } {
      const statements =
        loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
      const only = statements.length === 1 ? statements[0] : undefined;
      const single = accumulator
        ? only === accumulator.push
          ? accumulator.value
          : undefined
        : only?.type === AST_NODE_TYPES.ExpressionStatement
          ? only.expression
          : undefined;
      if (
        single?.type === AST_NODE_TYPES.AwaitExpression &&
        body.continues.length === 0 &&
        !hasCommentsInside(loop.body, single)
      ) {
        return { kind: 'text', params, body: sourceCode.getText(single.argument), isAsync: false };
      }
      const edits: Array<{ range: TSESLint.AST.Range; text: string }> = body.continues.map(
        (statement) => ({
          range: statement.range,
          text: sourceCode.getText(statement).endsWith(';') ? 'return;' : 'return',
        }),
      );
      if (accumulator) {
        const semicolon = sourceCode.getText(accumulator.push).endsWith(';') ? ';' : '';
        edits.push({
          range: accumulator.push.range,
          text: `return ${sourceCode.getText(accumulator.value)}${semicolon}`,
        });
      }
      const block = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body : undefined;
      const range: TSESLint.AST.Range = loop.body.range;
      let text = sourceCode.text.slice(range[0], range[1]);
      for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
        text =
          text.slice(0, edit.range[0] - range[0]) +
          edit.text +
          text.slice(edit.range[1] - range[0]);
      }
      if (!block) {
        const indent = indentOf(loop);
        text = `{\n${indent}  ${text}\n${indent}}`;
      }
      return { kind: 'text', params, body: text, isAsync: true };
    }

    function hasCommentsInside(outer: TSESTree.Node, kept: TSESTree.Node): boolean {
      return sourceCode
        .getCommentsInside(outer)
        .some((comment) => comment.range[0] < kept.range[0] || comment.range[1] > kept.range[1]);
    }

    /** `;` or nothing, as the statements nearest to the loop end (its own turn's first, then the blocks around it). */
    function semicolonNear(loop: TSESTree.ForOfStatement): string {
      const lists: TSESTree.Node[][] = [];
      if (loop.body.type === AST_NODE_TYPES.BlockStatement) lists.push(loop.body.body);
      for (let node: TSESTree.Node | undefined = loop.parent; node; node = node.parent) {
        if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program)
          lists.push(node.body);
      }
      for (const list of lists) {
        const sample = list.find(
          (statement) =>
            statement.type === AST_NODE_TYPES.ExpressionStatement ||
            statement.type === AST_NODE_TYPES.VariableDeclaration ||
            statement.type === AST_NODE_TYPES.ReturnStatement ||
            statement.type === AST_NODE_TYPES.ImportDeclaration,
        );
        if (sample) return sourceCode.getLastToken(sample)?.value === ';' ? ';' : '';
      }
      return ';';
    }

    /**
     * A binding from outside the loop that is assigned anywhere: inside the task's arrow, TypeScript may no longer
     * narrow it as it did in the loop, so the rewrite might not compile.
     */
    function readsReassignedBinding(loop: TSESTree.ForOfStatement): boolean {
      let found = false;
      traverse(sourceCode, loop.body, (node) => {
        if (found) return false;
        if (node.type !== AST_NODE_TYPES.Identifier || !isReference(node)) return true;
        const variable = findVariable(node);
        if (
          !variable ||
          variable.defs.every(
            (definition) =>
              definition.node.range[0] >= loop.range[0] &&
              definition.node.range[1] <= loop.range[1],
          )
        )
          return true;
        if (variable.references.some((reference) => reference.isWrite() && !reference.init))
          found = true;
        return !found;
      });
      return found;
    }

    function declaresFunction(loop: TSESTree.ForOfStatement): boolean {
      return containsNode(
        sourceCode,
        loop.body,
        (node) => node.type === AST_NODE_TYPES.FunctionDeclaration,
      );
    }

    // --- shared -----------------------------------------------------------------------------------------------------

    function ownerOf(node: TSESTree.Node): Owner | undefined {
      const owner = findEnclosingFunction(node);
      if (owner === 'other') return undefined;
      return owner === 'module' ? sourceCode.ast : owner;
    }

    /**
     * True inside the `try` block of a `try … finally`, or after a `using` declaration in an enclosing block: the
     * cleanup runs once the awaited work is done. Run together, a failure reaches the cleanup while other work still
     * runs (a connection closed, a lock released, a folder deleted under it).
     */
    function isOrderedByCleanup(node: TSESTree.Node, owner: Owner): boolean {
      let child: TSESTree.Node = node;
      for (
        let parent = node.parent;
        parent && child !== owner;
        child = parent, parent = parent.parent
      ) {
        if (
          parent.type === AST_NODE_TYPES.TryStatement &&
          parent.block === child &&
          parent.finalizer
        )
          return true;
        if (
          parent.type === AST_NODE_TYPES.BlockStatement ||
          parent.type === AST_NODE_TYPES.Program
        ) {
          const before = parent.body.slice(
            0,
            parent.body.indexOf(child as TSESTree.ProgramStatement),
          );
          if (
            before.some(
              (statement) =>
                statement.type === AST_NODE_TYPES.VariableDeclaration &&
                (statement.kind === 'using' || statement.kind === 'await using'),
            )
          ) {
            return true;
          }
        }
        if (parent === owner) break;
      }
      return false;
    }

    function indentOf(node: TSESTree.Node): string {
      const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
      return /^\s*/.exec(line.slice(0, node.loc.start.column))?.[0] ?? '';
    }

    return {
      Program: checkList,
      BlockStatement: checkList,
      SwitchCase: checkList,
      ...(options.loops === false ? {} : { ForOfStatement: checkLoop }),
    };
  },
});

// --- syntax -----------------------------------------------------------------------------------------------------------

function awaitStatementAt(
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
): AwaitStatement | undefined {
  let kind: AwaitStatement['kind'];
  let binding: AwaitStatement['binding'];
  let awaited: TSESTree.Expression | null | undefined;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    awaited = statement.expression;
  } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    if (statement.declarations.length !== 1 || statement.declare) return undefined;
    if (statement.kind !== 'const' && statement.kind !== 'let' && statement.kind !== 'var')
      return undefined;
    const [declarator] = statement.declarations;
    const id = declarator!.id;
    if (
      id.type !== AST_NODE_TYPES.Identifier &&
      id.type !== AST_NODE_TYPES.ObjectPattern &&
      id.type !== AST_NODE_TYPES.ArrayPattern
    )
      return undefined;
    if (declarator!.definite) return undefined;
    kind = statement.kind;
    binding = id;
    awaited = declarator!.init;
  } else {
    return undefined;
  }
  if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const call = unwrapCall(awaited.argument);
  if (!call || hasOrderingInside(sourceCode, awaited.argument)) return undefined;
  return {
    statement: statement as AwaitStatement['statement'],
    kind,
    binding,
    awaitNode: awaited,
    call,
  };
}

function unwrapCall(expression: TSESTree.Expression): TSESTree.CallExpression | undefined {
  const inner =
    expression.type === AST_NODE_TYPES.ChainExpression ? expression.expression : expression;
  return inner.type === AST_NODE_TYPES.CallExpression ? inner : undefined;
}

/**
 * An operand with an assignment or update anywhere in it (callbacks included) is treated as dependent, and one
 * with an `await` or `yield` of its own suspends in the middle of the statement.
 */
function hasOrderingInside(
  sourceCode: Readonly<TSESLint.SourceCode>,
  operand: TSESTree.Node,
): boolean {
  const suspends = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression;
  const assigns = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.AssignmentExpression ||
    node.type === AST_NODE_TYPES.UpdateExpression ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete');
  return (
    containsNode(sourceCode, operand, suspends) ||
    containsNode(sourceCode, operand, assigns, () => true)
  );
}

/** An identifier that refers to a binding (not a property name or an object literal's key). */
function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.property === identifier &&
    !parent.computed
  )
    return false;
  if (
    parent.type === AST_NODE_TYPES.Property &&
    parent.key === identifier &&
    !parent.computed &&
    !parent.shorthand
  )
    return false;
  return true;
}

function isLoop(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}
