// The pure fix applier: order, overlaps and adjacency handled as ESLint's own fixer does, and which fixes it applied
// (the engine reads what an applied suggestion needs besides its text, a helper module).
import * as assert from 'node:assert/strict';

import { applyFixes } from 'loopguard';

describe('applyFixes', () => {
  it('applies fixes in position order whatever order they come in', () => {
    const c = { range: [4, 5], text: 'C' } as const;
    const a = { range: [0, 1], text: 'A' } as const;
    const result = applyFixes('a b c', [c, a]);
    assert.deepEqual(result, { text: 'A b C', applied: 2, appliedFixes: [a, c] });
  });

  it('skips a fix that overlaps or touches one already applied (it is retried on the next pass)', () => {
    const x = { range: [0, 3], text: 'X' } as const;
    const w = { range: [5, 6], text: 'W' } as const;
    const result = applyFixes('abcdef', [
      x,
      { range: [2, 4], text: 'Y' },
      { range: [3, 4], text: 'Z' },
      w,
    ]);
    assert.deepEqual(result, { text: 'XdeW', applied: 2, appliedFixes: [x, w] });
  });

  it('ignores ranges outside the text', () => {
    assert.deepEqual(applyFixes('abc', [{ range: [2, 9], text: 'x' }]), {
      text: 'abc',
      applied: 0,
      appliedFixes: [],
    });
  });

  it('inserts at a point', () => {
    const insertion = { range: [0, 0], text: 'await ' } as const;
    assert.deepEqual(applyFixes('f();', [insertion]), {
      text: 'await f();',
      applied: 1,
      appliedFixes: [insertion],
    });
  });
});
