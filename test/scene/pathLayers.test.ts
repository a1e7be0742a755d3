import { describe, expect, it } from 'vitest';
import { orderFor, pathLength } from '../../src/scene/paths/pathLayers.ts';
import type { RunResult } from '../../src/state/results.ts';

const path = (points: [number, number][]): RunResult =>
  ({ x: Float64Array.from(points.map((p) => p[0])), y: Float64Array.from(points.map((p) => p[1])), length: points.length, generation: 1 }) as unknown as RunResult;

describe('path drawing order', () => {
  it('measures a path in plot units, skipping steps to non-finite points, and extends a measurement', () => {
    const run = path([
      [0, 0],
      [3, 4],
      [3, 5],
    ]);
    expect(pathLength(run)).toBe(6);
    const first = { result: run, generation: 1, points: 2, length: 5 };
    expect(pathLength(run, first)).toBe(6);
    // Only the points drawn so far: the first two.
    expect(pathLength(run, undefined, 2)).toBe(5);
    expect(pathLength(path([[0, 0], [Number.NaN, 1], [0, 0]]))).toBe(0);
  });

  it('draws a shorter path over a longer one, keeps setup order for equal lengths, and stays between outlines and balls', () => {
    // The settled SGD run (short) must come after momentum wandering over the same ground (long).
    expect(orderFor(0.5, 0)).toBeGreaterThan(orderFor(8, 1));
    expect(orderFor(8, 2)).toBeGreaterThan(orderFor(8, 1));
    for (const [length, index] of [[0, 0], [0, 15], [1e9, 0], [1e9, 15]]) {
      expect(orderFor(length, index)).toBeGreaterThan(1);
      expect(orderFor(length, index)).toBeLessThan(3);
    }
  });
});
