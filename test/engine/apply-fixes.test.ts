// The pure fix applier: order, overlaps and adjacency handled as ESLint's own fixer does.
import * as assert from 'node:assert/strict';

import { applyFixes } from 'loopguard';

describe('applyFixes', () => {
  it('applies fixes in position order whatever order they come in', () => {
    const result = applyFixes('a b c', [
      { range: [4, 5], text: 'C' },
      { range: [0, 1], text: 'A' },
    ]);
    assert.deepEqual(result, { text: 'A b C', applied: 2 });
  });

  it('skips a fix that overlaps or touches one already applied (it is retried on the next pass)', () => {
    const result = applyFixes('abcdef', [
      { range: [0, 3], text: 'X' },
      { range: [2, 4], text: 'Y' },
      { range: [3, 4], text: 'Z' },
      { range: [5, 6], text: 'W' },
    ]);
    assert.deepEqual(result, { text: 'XdeW', applied: 2 });
  });

  it('ignores ranges outside the text', () => {
    assert.deepEqual(applyFixes('abc', [{ range: [2, 9], text: 'x' }]), {
      text: 'abc',
      applied: 0,
    });
  });

  it('inserts at a point', () => {
    assert.deepEqual(applyFixes('f();', [{ range: [0, 0], text: 'await ' }]), {
      text: 'await f();',
      applied: 1,
    });
  });
});
