import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry } from 'three';
import { gridIndex, updateVertexNormals, writeGridPositions } from '../../../src/scene/surface/gridMesh.ts';
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

  it('writes the normals three.js computes, bit for bit, on rough, flat and cliff-edged grids', () => {
    const r = 97;
    let seed = 3;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const heights: ((i: number, j: number) => number)[] = [
      (i, j) => Math.sin(i / 7) * Math.cos(j / 5) + 0.3 * random(),
      () => 0.5,
      (i, j) => (i > 40 && j < 60 ? 1e4 : -1e-6 * i * j),
    ];
    for (const height of heights) {
      const positions = new Float32Array(r * r * 3);
      for (let j = 0; j < r; j++) for (let i = 0; i < r; i++) positions.set([i / (r - 1) - 0.5, height(i, j), j / (r - 1) - 0.5], (j * r + i) * 3);
      const make = () => {
        const geometry = new BufferGeometry();
        geometry.setAttribute('position', new BufferAttribute(positions.slice(), 3));
        geometry.setAttribute('normal', new BufferAttribute(new Float32Array(r * r * 3).fill(7), 3));
        geometry.setIndex(gridIndex(r));
        return geometry;
      };
      const ours = make();
      const theirs = make();
      updateVertexNormals(ours);
      theirs.computeVertexNormals();
      const a = ours.getAttribute('normal').array as Float32Array;
      const b = theirs.getAttribute('normal').array as Float32Array;
      let differing = 0;
      for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) differing++;
      expect(differing).toBe(0);
      expect((ours.getAttribute('normal') as BufferAttribute).version).toBeGreaterThan(0);
    }
  });
});
