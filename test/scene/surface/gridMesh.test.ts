import { describe, expect, it } from 'vitest';
import { gridIndex, writeGridPositions } from '../../../src/scene/surface/gridMesh.ts';
import { createWorldFrame } from '../../../src/scene/surface/heightMapping.ts';
import { sampleGrid } from '../../../src/scene/surface/mappedField.ts';
import { bowl, domain, resolution } from '../bowlField.ts';

describe('grid mesh', () => {
  it('splits every cell along its (i, j)–(i+1, j+1) diagonal, two triangles per cell', () => {
    const index = gridIndex(3);
    expect(index.count).toBe(4 * 6);
    // Cell (0, 0) of a 3 × 3 grid: corners a = 0, b = 1, c = 3, d = 4.
    expect(Array.from(index.array).slice(0, 6)).toEqual([0, 1, 4, 0, 4, 3]);
    // Cell (1, 1): a = 4, b = 5, c = 7, d = 8.
    expect(Array.from(index.array).slice(18, 24)).toEqual([4, 5, 8, 4, 8, 7]);
    // 16-bit indices while every vertex fits (255² = 65 025), 32-bit beyond (256² = 65 536).
    expect(gridIndex(255).array).toBeInstanceOf(Uint16Array);
    expect(gridIndex(256).array).toBeInstanceOf(Uint32Array);
  });

  it('puts each sample at its world position, lifted, so triangles agree with sampleGrid at the vertices', () => {
    const field = bowl();
    const frame = createWorldFrame(domain);
    const positions = new Float32Array(resolution * resolution * 3);
    writeGridPositions(positions, field, frame, 0.01);
    // Sample (i = 3, j = 1) is the point (0.5, −0.5): loss 0.5, t = 0.25.
    const v = (1 * resolution + 3) * 3;
    expect(positions[v]).toBeCloseTo(frame.toWorldX(0.5), 6);
    expect(positions[v + 1]).toBeCloseTo(sampleGrid(field, 3, 1) * frame.height + 0.01, 6);
    expect(positions[v + 1]).toBeCloseTo(0.25 * 1.2 + 0.01, 6);
    expect(positions[v + 2]).toBeCloseTo(frame.toWorldZ(-0.5), 6);
  });
});
