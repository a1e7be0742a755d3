import { describe, expect, it } from 'vitest';
import { mapField, raycastGrid, sampleGrid } from '../../../src/scene/surface/mappedField.ts';
import { bowl, domain } from '../bowlField.ts';


describe('mapped field', () => {
  it('maps samples to t and replaces NaN by the top of the scale', () => {
    const heights = new Float32Array(4).fill(1);
    heights[1] = Number.NaN;
    heights[2] = -Infinity;
    const field = mapField(heights, 2, domain, 0, 2, false);
    expect([...field.t]).toEqual([0.5, 1, 0, 0.5]);
  });

  it('interpolates on the mesh triangles: exact at samples, linear along the diagonal', () => {
    const field = bowl();
    expect(sampleGrid(field, 2, 2)).toBe(0);
    expect(sampleGrid(field, 4, 4)).toBe(1);
    // Halfway along the diagonal from (2,2) to (3,3): mean of t 0 and 0.25.
    expect(sampleGrid(field, 2.5, 2.5)).toBeCloseTo(0.125, 12);
    expect(sampleGrid(field, Number.NaN, 99)).toBe(sampleGrid(field, 0, 4));
  });

  it('finds where a vertical ray (the top view) and an oblique ray hit the surface', () => {
    const field = bowl();
    const out = [0, 0];
    expect(raycastGrid(field, [1.3, 2.7, 5], [0, 0, -1], out)).toBe(true);
    expect(out[0]).toBeCloseTo(1.3, 9);
    expect(out[1]).toBeCloseTo(2.7, 9);
    // From high above one corner, down towards the centre's bottom: it hits the rising wall before reaching (2, 2).
    expect(raycastGrid(field, [0, 2, 1.2], [1, 0, -1], out)).toBe(true);
    expect(out[0]).toBeGreaterThan(1);
    expect(out[0]).toBeLessThan(2);
    expect(sampleGrid(field, out[0], out[1])).toBeCloseTo(1.2 - out[0], 6);
    // A ray that passes beside the box misses.
    expect(raycastGrid(field, [-5, 2, 0.5], [0, 1, 0], out)).toBe(false);
  });
});
