// Reports awaits that run one after another although none needs another's result: consecutive statements that each
// await a call (`const user = await getUser(id); const orders = await getOrders(id);`), and a `for…of` loop whose
// turns each await and do not depend on each other. Which awaits are independent is `independent-awaits.ts`,
// conservatively; the fixes are suggestions (`Promise.all` for statements, from `await-together.ts`; the bounded
// rewrite of `loop-to-map.ts` for loops), since running work together changes what happens when part of it fails.
import {
  AST_NODE_TYPES,
  ESLintUtils,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import {
  type IndependentAwait,
  IndependentAwaits,
  type IndependentLoop,
} from '../analysis/independent-awaits';
import { awaitTogetherFix, declarationKindOf, elementText } from '../fixes/await-together';
import { type BoundedMapPlan, BoundedMaps } from '../fixes/bounded-map';
import { loopAsBoundedMap } from '../fixes/loop-to-map';
import { typeTextAt } from '../fixes/type-text';
import { createRule } from '../util/create-rule';
import { loopHeadLoc } from '../util/heads';
import { recordRelatedLocations, relatedLocationOf } from '../util/related-locations';

export type Options = [
  {
    minAwaits?: number;
    loops?: boolean;
    concurrency?: number;
  },
];

export type MessageIds =
  'sequentialAwaits' | 'awaitInLoop' | 'awaitTogether' | 'usePMap' | 'usePLimit' | 'useHelper';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** What the reports of one file share. */
interface FileScope {
  context: Context;
  sourceCode: SourceCode;
  services: ParserServicesWithTypeInformation;
  concurrency: number;
  boundedMaps: () => BoundedMaps;
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
      testFiles: { recommended: 'off', strict: 'off' },
    },
    hasSuggestions: true,
    messages: {
      sequentialAwaits:
        'These {{count}} awaits run one after another, though none depends on another. Started together, {{awaits}} take as long as the slowest, not the sum.',
      awaitInLoop:
        'This loop awaits one turn at a time, though no turn depends on another. Each turn awaits `{{awaited}}`; running up to {{concurrency}} turns at a time would finish sooner.',
      awaitTogether:
        'Await them together with `Promise.all`. This changes what happens on failure: every call starts even if an earlier one fails, and the first failure is thrown while the others may still run',
      usePMap:
        "Run up to {{concurrency}} turns at a time with `{{callee}}` from 'p-map'. This changes what happens on failure: turns already started keep running after one fails",
      usePLimit:
        "Run up to {{concurrency}} turns at a time through a `pLimit({{concurrency}})` limiter from 'p-limit'. This changes what happens on failure: every turn still starts after one fails",
      useHelper:
        'Run up to {{concurrency}} turns at a time with a `{{callee}}` helper in this file, no dependency. This changes what happens on failure: turns already started keep running after one fails',
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
    const { sourceCode } = context;
    const minAwaits = options.minAwaits ?? 2;
    const concurrency = options.concurrency ?? 8;
    const awaits = new IndependentAwaits(sourceCode, services, MAX_DEPTH);
    let boundedMaps: BoundedMaps | undefined;
    const file: FileScope = {
      context,
      sourceCode,
      services,
      concurrency,
      boundedMaps: () => (boundedMaps ??= new BoundedMaps(context, services, { concurrency })),
    };
    const checkList = (
      list: TSESTree.BlockStatement | TSESTree.Program | TSESTree.SwitchCase,
    ): void => {
      const statements = list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body;
      for (const group of awaits.groupsIn(statements, minAwaits)) reportGroup(file, group);
    };
    const checkLoop = (loop: TSESTree.ForOfStatement): void => {
      const independent = awaits.independentLoop(loop);
      if (independent) reportLoop(file, independent);
    };
    return {
      Program: checkList,
      BlockStatement: checkList,
      SwitchCase: checkList,
      ...(options.loops === false ? {} : { ForOfStatement: checkLoop }),
    };
  },
});

// --- consecutive awaits -----------------------------------------------------------------------------------------

function reportGroup(file: FileScope, group: readonly IndependentAwait[]): void {
  const { context, sourceCode } = file;
  const first = group[0]!.awaitNode;
  const fix = awaitGroupTogether(file, group);
  context.report({
    node: first,
    messageId: 'sequentialAwaits',
    data: { count: String(group.length), awaits: listOf(sourceCode, group) },
    suggest: fix ? [{ messageId: 'awaitTogether', fix }] : [],
  });
  recordRelatedLocations(
    context,
    first.loc.start,
    group
      .slice(1)
      .map((member) =>
        relatedLocationOf(
          file.services.esTreeNodeToTSNodeMap.get(member.awaitNode),
          `can run at the same time as \`${short(sourceCode, first)}\``,
        ),
      ),
  );
}

function listOf(sourceCode: SourceCode, group: readonly IndependentAwait[]): string {
  const items = group.map(
    (member) =>
      `\`${short(sourceCode, member.awaitNode)}\` (line ${member.awaitNode.loc.start.line})`,
  );
  return items.length <= 2
    ? items.join(' and ')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function short(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

/** `const [a, b] = await Promise.all([f(), g()]);` in place of the group's statements. */
function awaitGroupTogether(
  file: FileScope,
  group: readonly IndependentAwait[],
): TSESLint.ReportFixFunction | undefined {
  const { sourceCode, services } = file;
  const checker = services.program.getTypeChecker();
  const kind = declarationKindOf(group);
  if (kind === 'mixed') return undefined;
  const at = services.esTreeNodeToTSNodeMap.get(group[0]!.statement);
  return awaitTogetherFix(sourceCode, group, {
    kind,
    // A call whose type parameters the binding's annotation inferred (`const user: User = await api.get()`) keeps
    // that context through `satisfies`.
    element: (member, annotated) => {
      const text = elementText(sourceCode, member);
      const annotation = member.binding?.typeAnnotation;
      if (!annotated || !annotation || !infersFromContext(services, member.call)) return text;
      return `${text} satisfies PromiseLike<${sourceCode.getText(annotation.typeAnnotation)}>`;
    },
    // The binding's type written out, where every name it uses resolves.
    inferredType: (member) => {
      const typed =
        member.binding?.type === AST_NODE_TYPES.Identifier ? member.binding : member.awaitNode;
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(typed));
      return typeTextAt(checker, type, at);
    },
    movedComments: 'outside-operands',
    keepLastSemicolon: 'own-line',
  });
}

/** True when the call's type parameters are inferred, so that a binding's annotation can guide them. */
function infersFromContext(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
): boolean {
  if (call.typeArguments) return false;
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  const declaration = services.program
    .getTypeChecker()
    .getResolvedSignature(tsCall)
    ?.getDeclaration();
  return (declaration?.typeParameters?.length ?? 0) > 0;
}

// --- loops ------------------------------------------------------------------------------------------------------

/**
 * The report sits on the loop's head (`for (const id of ids)`), which the rewrite replaces; the awaits of the turn
 * are related locations, and awaits in the turn that could run together are reported on their own.
 */
function reportLoop(file: FileScope, independent: IndependentLoop): void {
  const { context, sourceCode, services, concurrency } = file;
  const { loop, turn } = independent;
  const loc = loopHeadLoc(sourceCode, loop);
  const plan = loopAsBoundedMap(sourceCode, services, file.boundedMaps, independent);
  const suggest: Suggestion[] = plan
    ? [
        {
          messageId: STRATEGY_MESSAGES[plan.strategy],
          data: { concurrency: String(concurrency), callee: plan.callee },
          fix: (fixer) => plan.fix(fixer),
        },
      ]
    : [];
  context.report({
    loc,
    messageId: 'awaitInLoop',
    data: {
      awaited: short(sourceCode, independent.first.argument),
      concurrency: String(concurrency),
    },
    suggest,
  });
  recordRelatedLocations(
    context,
    loc.start,
    turn.awaits.map((awaitNode) =>
      relatedLocationOf(
        services.esTreeNodeToTSNodeMap.get(awaitNode),
        'each turn waits here before the next one starts',
      ),
    ),
  );
}
