// `ReachLimit` (`server/src/engine/reach-limit.ts`) tells the lint cache's tracer which files reach more of the
// graph of reads than it traces, once for the whole graph. Each case is a graph (every node weighs 1 unless said),
// a limit, and the nodes that must and must not be reported as over it, asked in the order given: the answer for a
// node must not depend on which nodes were asked before it.
import * as assert from 'node:assert/strict';

import { ReachLimit } from 'loopguard/internal/reach-limit';

interface Case {
  name: string;
  edges: Record<string, string[]>;
  weights?: Record<string, number>;
  limit: number;
  over: string[];
  under: string[];
}

const cases: Case[] = [
  {
    name: 'a cycle heavier than the limit, and every node that reaches it',
    edges: { a: ['b'], b: ['c'], c: ['a'], entry: ['a'], later: ['entry'], alone: [] },
    limit: 2,
    over: ['entry', 'a', 'b', 'c', 'later'],
    under: ['alone'],
  },
  {
    name: 'a cycle at the limit is not over it, nor is what only it reaches',
    edges: { a: ['b'], b: ['a', 'leaf'], leaf: [] },
    weights: { leaf: 0 },
    limit: 2,
    over: [],
    under: ['a', 'b', 'leaf'],
  },
  {
    name: 'a heavy node at the end of a long chain (no recursion to overflow)',
    edges: {
      ...Object.fromEntries(
        Array.from({ length: 50_000 }, (_, n) => [`n${n}`, n < 49_999 ? [`n${n + 1}`] : ['heavy']]),
      ),
      heavy: [],
    },
    weights: {
      ...Object.fromEntries(Array.from({ length: 50_000 }, (_, n) => [`n${n}`, 0])),
      heavy: 5,
    },
    limit: 4,
    over: ['n0', 'n25000', 'heavy'],
    under: [],
  },
  {
    name: 'asked from inside first: a component finished earlier still counts for those that reach it',
    edges: { top: ['x', 'y'], x: ['y'], y: ['z'], z: ['y'] },
    weights: { top: 0, x: 0, y: 3, z: 0 },
    limit: 2,
    over: ['z', 'x', 'top', 'y'],
    under: [],
  },
  {
    name: 'two nested cycles joined into one component, over only as a whole',
    edges: { a: ['b'], b: ['a', 'c'], c: ['d'], d: ['c', 'a'] },
    limit: 3,
    over: ['c', 'a'],
    under: [],
  },
  {
    name: 'many light components that together pass the limit are not reported (the condition is sufficient only)',
    edges: { root: ['p', 'q', 'r'], p: [], q: [], r: [] },
    limit: 3,
    over: [],
    under: ['root', 'p', 'q', 'r'],
  },
];

describe('ReachLimit (which nodes reach more than the tracing limit)', () => {
  for (const testCase of cases)
    it(testCase.name, () => {
      const asked = new Map<string, number>();
      const limit = new ReachLimit(
        (node) => {
          asked.set(node, (asked.get(node) ?? 0) + 1);
          return testCase.edges[node] ?? [];
        },
        (node) => testCase.weights?.[node] ?? 1,
        testCase.limit,
      );
      for (const node of testCase.over) assert.equal(limit.exceeds(node), true, `${node} is over`);
      for (const node of testCase.under)
        assert.equal(limit.exceeds(node), false, `${node} is not over`);
      for (const [node, count] of asked)
        assert.equal(count, 1, `the successors of ${node} are asked for once`);
    });
});
