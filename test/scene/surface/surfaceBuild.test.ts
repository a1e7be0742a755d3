import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry } from 'three';
import { gridIndex, writeGridPositions } from '../../../src/scene/surface/gridMesh.ts';
import { createWorldFrame } from '../../../src/scene/surface/heightMapping.ts';
import { mapField } from '../../../src/scene/surface/mappedField.ts';
import { surfaceBuild } from '../../../src/scene/surface/surfaceBuild.ts';

/** A rough field of `r` × `r` samples (noise on waves) on [−2, 3] × [−1, 1]. */
function roughField(r: number) {
  const heights = new Float32Array(r * r);
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let j = 0; j < r; j++) for (let i = 0; i < r; i++) heights[j * r + i] = Math.sin(i / 9) * Math.cos(j / 13) + 0.2 * random();
  return mapField(heights, r, { x: [-2, 3], y: [-1, 1] }, -1.2, 1.2, false);
}

function same(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let differing = a.length === b.length ? 0 : Number.POSITIVE_INFINITY;
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (!Object.is(a[k], b[k])) differing++;
  return differing;
}

describe('surface build in slices', () => {
  it('yields between units of work: with no time left, each step does one unit and says it is not done', () => {
    const field = roughField(256);
    const build = surfaceBuild(field, createWorldFrame(field.domain));
    let steps = 0;
    while (!build.step(0)) steps++;
    // Index rows (first build of 256 here or not), positions, colours, normals in units of a few thousand items.
    expect(steps).toBeGreaterThan(20);
  });

  it('gives, in any slicing, the positions, index and normals of the one-go build and three.js, bit for bit', () => {
    for (const r of [97, 256]) {
      const field = roughField(r);
      const frame = createWorldFrame(field.domain);
      const sliced = surfaceBuild(field, frame);
      while (!sliced.step(0));
      const whole = surfaceBuild(field, frame);
      expect(whole.step(Number.POSITIVE_INFINITY)).toBe(true);

      const positions = new Float32Array(r * r * 3);
      writeGridPositions(positions, field, frame);
      expect(same(sliced.arrays.position, positions)).toBe(0);
      expect(same(sliced.arrays.index, gridIndex(r).array)).toBe(0);

      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(positions, 3));
      geometry.setIndex(gridIndex(r));
      geometry.computeVertexNormals();
      const normals = geometry.getAttribute('normal').array as Float32Array;
      expect(same(sliced.arrays.normal, normals)).toBe(0);
      for (const name of ['position', 'normal', 'color', 'level', 'index', 'boxMin', 'boxMax'] as const) expect(same(sliced.arrays[name], whole.arrays[name])).toBe(0);
      // The box is the vertices' own: every vertex inside, each face touched by one.
      const low = [Infinity, Infinity, Infinity];
      const high = [-Infinity, -Infinity, -Infinity];
      for (let v = 0; v < r * r; v++) {
        for (let axis = 0; axis < 3; axis++) {
          low[axis] = Math.min(low[axis], positions[v * 3 + axis]);
          high[axis] = Math.max(high[axis], positions[v * 3 + axis]);
        }
      }
      for (let axis = 0; axis < 3; axis++) {
        expect(sliced.arrays.boxMin[axis]).toBeCloseTo(low[axis], 6);
        expect(sliced.arrays.boxMax[axis]).toBeCloseTo(high[axis], 6);
      }
    }
  });

  it('writes over the arrays of an earlier build of the same size, to the same numbers bit for bit, and allocates for another size', () => {
    const field = roughField(97);
    const frame = createWorldFrame(field.domain);
    const fresh = surfaceBuild(field, frame);
    while (!fresh.step(0));
    // An earlier build's arrays, holding another field's numbers (and garbage in the normals).
    const other = surfaceBuild(roughField(97), createWorldFrame({ x: [0, 1], y: [5, 9] }));
    while (!other.step(0));
    other.arrays.normal.fill(7);
    const reused = surfaceBuild(field, frame, other.arrays);
    while (!reused.step(0));
    for (const name of ['position', 'normal', 'color', 'level'] as const) {
      expect(reused.arrays[name]).toBe(other.arrays[name]);
      expect(same(reused.arrays[name], fresh.arrays[name])).toBe(0);
    }
    for (const name of ['index', 'boxMin', 'boxMax'] as const) expect(same(reused.arrays[name], fresh.arrays[name])).toBe(0);
    const larger = surfaceBuild(roughField(128), frame, other.arrays);
    expect(larger.arrays.position).not.toBe(other.arrays.position);
    expect(larger.arrays.position.length).toBe(128 * 128 * 3);
  });

  it('colours every vertex by its t in linear light and keeps t for the contour lines', () => {
    const field = roughField(64);
    const build = surfaceBuild(field, createWorldFrame(field.domain));
    while (!build.step(0));
    expect(same(build.arrays.level, field.t)).toBe(0);
    const { color } = build.arrays;
    // The lowest and highest t take the colour map's two ends: dark violet and bright yellow.
    let low = 0;
    let high = 0;
    for (let v = 0; v < field.t.length; v++) {
      if (field.t[v] < field.t[low]) low = v;
      if (field.t[v] > field.t[high]) high = v;
    }
    expect(color[low * 3 + 2]).toBeGreaterThan(color[low * 3 + 1]);
    expect(color[high * 3]).toBeGreaterThan(color[high * 3 + 2]);
    expect(color[high * 3 + 1]).toBeGreaterThan(0.5);
  });
});
