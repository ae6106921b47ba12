// The call graph answers more than "does this block": a test-only rule asks what each function named `task…` can
// reach (every context, every project function followed, Node and library calls and bodies it cannot see as leaves),
// the question `no-unbounded-concurrency` asks of the tasks of a fan-out. It reports the leaves with their paths.
import { ESLintUtils } from '@typescript-eslint/utils';
import {
  calleeDisplayName,
  getCallGraph,
  isAnalyzableFunction,
  type ReachQuery,
} from 'eslint-plugin-loopguard/internal/call-graph';

import { createTypedRuleTester } from '../support/rule-tester';

const reachQuery: ReachQuery<string> = {
  key: 'test: everything a task reaches',
  contexts: ['body', 'sync-callback', 'deferred'],
  maxDepth: 3,
  match: (site) => {
    if (site.kind !== 'call' || site.target) return undefined;
    const { callee } = site;
    if (!callee) return `unresolved ${calleeDisplayName(site)}`;
    return `${callee.origin} ${callee.module ?? '-'} ${calleeDisplayName(site)} (${site.context})`;
  },
  follow: () => true,
};

const describeReach = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', messages: { reaches: '{{what}}' }, schema: [] },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const graph = getCallGraph(services.program);
    return {
      FunctionDeclaration(node) {
        if (!node.id?.name.startsWith('task')) return;
        const fn = services.esTreeNodeToTSNodeMap.get(node);
        if (!isAnalyzableFunction(fn)) return;
        const what = graph
          .search(fn, reachQuery)
          .map((reach) =>
            [...reach.path.map((step) => calleeDisplayName(step)), reach.finding].join(' > '),
          )
          .join(' | ');
        context.report({ node: node.id, messageId: 'reaches', data: { what } });
      },
    };
  },
});

const ruleTester = createTypedRuleTester();
const reaches = (what: string) => ({ messageId: 'reaches' as const, data: { what } });

ruleTester.run('call graph: what a task reaches', describeReach, {
  valid: [],
  invalid: [
    {
      name: 'through an async helper, nearest first',
      code: 'async function get(url: string) {\n  const response = await fetch(url);\n  return response.json();\n}\nexport async function task(url: string) {\n  return JSON.stringify(await get(url));\n}',
      errors: [
        reaches(
          'global - stringify (body) | get > global - fetch (body) | get > global - json (body)',
        ),
      ],
    },
    {
      name: 'deferred callbacks count: the task starts them',
      code: "import { readFile } from 'node:fs/promises';\nexport function task(file: string) {\n  setTimeout(() => void readFile(file), 10);\n}",
      errors: [reaches('global - setTimeout (body) | module fs/promises readFile (deferred)')],
    },
    {
      name: 'a body the analysis cannot see, and a value typed any, are leaves',
      code: "declare const client: any;\nexport async function task() {\n  opaqueHelper('x');\n  await client.query('select 1');\n}",
      errors: [reaches('project - opaqueHelper (body) | unresolved query')],
    },
    {
      name: 'recursion ends, and the depth limit holds (maxDepth 3)',
      code: "import { readFileSync, writeFileSync } from 'node:fs';\nfunction a(n: number): number {\n  return n > 0 ? b(n - 1) : 0;\n}\nfunction b(n: number): number {\n  return n > 0 ? a(n - 1) : readFileSync('x').length + c();\n}\nfunction c(): number {\n  writeFileSync('y', '');\n  return 0;\n}\nexport function task() {\n  return a(3);\n}",
      errors: [reaches('a > b > module fs readFileSync (body)')],
    },
  ],
});
