// The lean traversal (`server/src/engine/region-skipping.ts`) must hand the rules what ESLint's own walk hands them:
// the same nodes in the same order with the same parents, minus the nodes inside skipped regions; and a rule that
// listens to code path events must turn it off and be run in full, never silently miss those events.
import * as assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';

import { Linter, type Rule } from 'eslint';
import {
  leanTraversalOff,
  leanTraversalState,
  type RegionSpan,
  regionAwarePlugin,
  skippingRegions,
} from 'loopguard/internal/region-skipping';

const SOURCE = [
  "import { readFile } from 'node:fs/promises';",
  'export async function first(path) {',
  '  for (const line of (await readFile(path, "utf8")).split("\\n")) {',
  '    if (!line) continue;',
  '    try { await use(line); } catch { break; }',
  '  }',
  '}',
  'function use(line) { return line.length > 2 ? Promise.resolve(line) : null; }',
  'export class Store {',
  '  items = new Map();',
  '  async load(key) { outer: while (true) { const v = await first(key); if (v) break outer; } }',
  '  get size() { return this.items.size; }',
  '}',
  'const late = () => new Store().load("x").catch(() => {});',
  '',
].join('\n');

/** The span of the first statement or member starting with `head`, to its end. */
function spanOf(head: string, endMarker: string): RegionSpan {
  const start = SOURCE.indexOf(head);
  const end = SOURCE.indexOf(endMarker, start) + endMarker.length;
  assert.ok(start >= 0 && end > start, `${head} is in the source`);
  return { start, end };
}

const CASES: Array<{ name: string; regions: RegionSpan[] }> = [
  { name: 'no region skipped', regions: [] },
  { name: 'a top-level function skipped', regions: [spanOf('export async function first', '\n}')] },
  { name: 'a class member skipped', regions: [spanOf('async load(key)', '} }')] },
  {
    name: 'a function, a member and the last statement skipped',
    regions: [spanOf('function use', '}'), spanOf('get size()', '}'), spanOf('const late', ';')],
  },
];

/** Every node a rule sees, in order, with its parent's type; then whether every parent in the tree is right. */
function visits(regions: RegionSpan[], lean: boolean): string[] {
  const seen: string[] = [];
  const record: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        '*'(node: Rule.Node) {
          seen.push(`${node.type}@${node.range![0]} in ${node.parent?.type ?? 'nothing'}`);
        },
        '*:exit'(node: Rule.Node) {
          seen.push(`exit ${node.type}@${node.range![0]}`);
        },
        'Program:exit'() {
          seen.push(`wrong parents: ${wrongParents(context.sourceCode).join(', ') || 'none'}`);
        },
      };
    },
  };
  const plugin = regionAwarePlugin({ rules: { record } });
  const linter = new Linter();
  const messages = skippingRegions(
    regions,
    () =>
      linter.verify(SOURCE, {
        languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
        plugins: { test: plugin },
        rules: { 'test/record': 'error' },
      }),
    lean,
  );
  assert.deepEqual(messages, []);
  return seen;
}

/** Nodes whose `parent` is not the node holding them, walked by the source's visitor keys. */
function wrongParents(sourceCode: {
  ast: unknown;
  visitorKeys: Record<string, readonly string[]>;
}): string[] {
  const wrong: string[] = [];
  const walk = (node: Record<string, unknown> & { type: string }, parent: unknown): void => {
    if (node.parent !== parent) wrong.push(node.type);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = node[key];
      for (const element of Array.isArray(child) ? child : [child])
        if (
          element &&
          typeof element === 'object' &&
          typeof (element as { type?: unknown }).type === 'string'
        )
          walk(element as Record<string, unknown> & { type: string }, node);
    }
  };
  walk(sourceCode.ast as Record<string, unknown> & { type: string }, null);
  return wrong;
}

describe('lean traversal', () => {
  for (const { name, regions } of CASES) {
    it(`hands the rules what ESLint's walk does: ${name}`, () => {
      const full = visits(regions, false);
      const lean = visits(regions, true);
      assert.equal(leanTraversalState(), 'on');
      assert.equal(leanTraversalOff(), undefined);
      assert.deepEqual(lean, full);
      assert.equal(lean.at(-1), 'wrong parents: none');
      // The rule saw nodes, and none inside a skipped region.
      const entered = lean.filter((line) => !line.startsWith('exit') && !line.startsWith('wrong'));
      assert.ok(entered.length > 10);
      for (const line of entered) {
        const offset = Number(/@(\d+)/.exec(line)![1]);
        const inside = regions.some((region) => offset >= region.start && offset < region.end);
        assert.ok(!inside || line.startsWith('Program'), `${line} is inside a skipped region`);
      }
    });
  }

  it('turns itself off for good when a rule listens to code path events, and that rule then gets them', async () => {
    // In a thread of its own: the switch is for the whole thread, and the other tests need it on.
    const outcome = await new Promise<unknown>((resolve, reject) => {
      const worker = new Worker(
        `
        const { parentPort, workerData } = require('node:worker_threads');
        const { Linter } = require(workerData.eslint);
        const skipping = require(workerData.skipping);
        let started = 0;
        const rule = { meta: { type: 'problem', schema: [] }, create: () => ({ onCodePathStart() { started++; } }) };
        const plugin = skipping.regionAwarePlugin({ rules: { paths: rule } });
        const config = { plugins: { test: plugin }, rules: { 'test/paths': 'error' } };
        const lint = () => skipping.skippingRegions(undefined, () => new Linter().verify('function f() {}', config), true);
        let error = '';
        try { lint(); } catch (thrown) { error = String(thrown.message); }
        const afterError = skipping.leanTraversalState();
        const because = skipping.leanTraversalOff();
        lint();
        parentPort.postMessage({ error, afterError, because, started });
        `,
        {
          eval: true,
          workerData: {
            eslint: require.resolve('eslint'),
            skipping: require.resolve('loopguard/internal/region-skipping'),
          },
        },
      );
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const { error, afterError, because, started } = outcome as {
      error: string;
      afterError: string;
      because: string;
      started: number;
    };
    assert.match(error, /listens to code path events/);
    assert.equal(afterError, 'off');
    assert.equal(because, 'paths listens to code path events');
    // The second lint walked in full: the program and the function each start a code path.
    assert.equal(started, 2);
  });
});
