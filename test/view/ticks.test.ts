import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/view/ticks.ts';

describe('nice ticks', () => {
  it('step by 1, 2 or 5 × 10^k and cover the range', () => {
    expect(niceTicks(-2, 2, 4)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 200, 5)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(-4.5, 4.5, 5)).toEqual([-4, -2, 0, 2, 4]);
  });

  it('write values without floating-point noise, and zero as 0', () => {
    // 0.1 steps from −0.27: −0.2, −0.1 and then 2.8e−17, which is zero.
    expect(niceTicks(-0.27, 0.03, 4)).toEqual([-0.2, -0.1, 0]);
    expect(niceTicks(0.1, 0.7, 6)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('give just the low end for an empty, reversed or non-finite range', () => {
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(5, 1)).toEqual([5]);
    expect(niceTicks(0, Infinity)).toEqual([0]);
    expect(niceTicks(Number.NaN, 1)).toEqual([Number.NaN]);
  });
});
