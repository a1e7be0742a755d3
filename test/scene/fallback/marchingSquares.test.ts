import { describe, expect, it } from 'vitest';
import { contourLevels, contourLines, isoSegments } from '../../../src/scene/fallback/marchingSquares.ts';

/** Length of every segment summed. */
function totalLength(segments: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < segments.length; i += 4) sum += Math.hypot(segments[i + 2] - segments[i], segments[i + 3] - segments[i + 1]);
  return sum;
}

describe('marching squares', () => {
  it('cuts a single cell where the linear interpolation crosses the level', () => {
    // Corner a (0,0) = 0, b (1,0) = 2, c (1,1) = 2, d (0,1) = 0: level 1 crosses bottom and top at x = 0.5.
    const segments = isoSegments([0, 2, 0, 2], 2, 2, 1);
    expect(segments).toEqual([0.5, 0, 0.5, 1]);
  });

  it('traces a circle of radius r on a distance field, with the right length', () => {
    const size = 101;
    const centre = 50;
    const values = new Float32Array(size * size);
    for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) values[j * size + i] = Math.hypot(i - centre, j - centre);
    const segments = isoSegments(values, size, size, 30);
    // Every endpoint lies on the circle (linear interpolation of a distance field is within a small fraction of a cell).
    for (let k = 0; k < segments.length; k += 2) {
      expect(Math.abs(Math.hypot(segments[k] - centre, segments[k + 1] - centre) - 30)).toBeLessThan(0.02);
    }
    expect(totalLength(segments)).toBeCloseTo(2 * Math.PI * 30, 0);
  });

  it('resolves saddle cells by the mean of the corners', () => {
    // a and c high, b and d low; mean 1 > 0.5 so the high corners connect and two short segments cut off b and d.
    const high = isoSegments([2, 0, 0, 2], 2, 2, 0.5);
    expect(high).toEqual([0, 0.75, 0.25, 1, 0.75, 0, 1, 0.25]);
    // Same corners, level 1.5 above the mean: the low corners connect; the cuts now isolate a and c.
    const low = isoSegments([2, 0, 0, 2], 2, 2, 1.5);
    expect(low).toEqual([0, 0.25, 0.25, 0, 1, 0.75, 0.75, 1]);
  });

  it('skips cells with a non-finite corner and draws nothing outside the range', () => {
    expect(isoSegments([0, Number.NaN, 0, 2], 2, 2, 1)).toEqual([]);
    expect(isoSegments([0, 1, 0, 1], 2, 2, 5)).toEqual([]);
  });

  it('gives one line set per level, levels evenly inside (0, 1)', () => {
    expect(contourLevels(3)).toEqual([0.25, 0.5, 0.75]);
    const lines = contourLines([0, 1, 0, 1], 2, 2, [0.25, 0.75]);
    expect(lines).toHaveLength(2);
    expect([...lines[0]]).toEqual([0.25, 0, 0.25, 1]);
  });
});
