import { describe, expect, it } from 'vitest';
import { gridCandidates } from '../../src/core/gridMinima.ts';

describe('gridCandidates', () => {
  it('finds the cells lower than a neighbour and no higher than any, lowest first', () => {
    // Two dips: 1 at (1, 1) and 0 at (3, 3); a plateau of 5 elsewhere.
    const n = 5;
    const values = new Array<number>(n * n).fill(5);
    values[1 * n + 1] = 1;
    values[3 * n + 3] = 0;
    expect(gridCandidates(values, n, 10)).toEqual([3 * n + 3, 1 * n + 1]);
    expect(gridCandidates(values, n, 1)).toEqual([3 * n + 3]);
  });

  it('skips non-finite samples and ignores non-finite neighbours', () => {
    const values = [NaN, 2, 3, Infinity, 1, 3, 3, 3, 3];
    expect(gridCandidates(values, 3, 10)).toEqual([4]);
  });

  it('does not call a flat grid a minimum', () => {
    expect(gridCandidates(new Array<number>(9).fill(1), 3, 10)).toEqual([]);
  });
});
