import { describe, expect, it } from 'vitest';
import { createWorldFrame } from '../../src/scene/heightMapping.ts';
import { mapField, raycastGrid, sampleGrid } from '../../src/scene/mappedField.ts';
import {
  createPathBuffers,
  createPathSegments,
  extendPath,
  positionAtVertex,
  segmentsBehind,
  updatePathSegments,
  vertexAtStep,
  writeSegments,
  type PathBuffers,
} from '../../src/scene/pathGeometry.ts';

const domain = { x: [-1, 1], y: [-1, 1] } as const;
const resolution = 5;

/** A bowl x² + y² sampled on a 5 × 5 grid (spacing 0.5). */
function bowl() {
  const heights = new Float32Array(resolution * resolution);
  for (let j = 0; j < resolution; j++) for (let i = 0; i < resolution; i++) heights[j * resolution + i] = (-1 + i * 0.5) ** 2 + (-1 + j * 0.5) ** 2;
  return mapField(heights, resolution, domain, 0, 2, false);
}

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

describe('path geometry', () => {
  const frame = createWorldFrame(domain);

  it('never lets NaN or far-away points into the buffer: they are clamped to the domain edge', () => {
    const field = bowl();
    const buffers = createPathBuffers(4, 0);
    extendPath(buffers, [0, 0.5, 1e300, Number.NaN], [0, 0, -1e300, Number.NaN], 4, field, frame, 0.01);
    expect(buffers.vertexCount).toBe(4);
    for (const value of buffers.positions) expect(Number.isFinite(value)).toBe(true);
    // Third point clamped to the corner (1, −1): world (1, t=1 → 1.2 + lift, +1).
    expect(buffers.positions[6]).toBe(1);
    expect(buffers.positions[7]).toBeCloseTo(1.21, 6);
    expect(buffers.positions[8]).toBe(1);
  });

  it('subdivides a long step about once per grid cell and lifts it above the surface', () => {
    const field = bowl();
    const buffers = createPathBuffers(2, 100);
    extendPath(buffers, [-1, 1], [0, 0], 2, field, frame, 0.02);
    // From column 0 to column 4: four pieces, five vertices, the middle one at the bottom of the bowl.
    expect(buffers.vertexCount).toBe(5);
    expect([...buffers.stepVertex]).toEqual([0, 4]);
    expect(buffers.positions[2 * 3 + 1]).toBeCloseTo(0.02, 6);
    expect(vertexAtStep(buffers, 0.5)).toBe(2);
  });

  it('extends in place as points stream in, with the same result as one pass', () => {
    const field = bowl();
    const xs = [-1, -0.4, 0.3, 0.9];
    const ys = [1, 0.2, -0.5, 0.1];
    const whole = createPathBuffers(4);
    extendPath(whole, xs, ys, 4, field, frame, 0.01);
    const streamed = createPathBuffers(4);
    extendPath(streamed, xs, ys, 2, field, frame, 0.01);
    extendPath(streamed, xs, ys, 4, field, frame, 0.01);
    expect(streamed.vertexCount).toBe(whole.vertexCount);
    expect(streamed.positions.subarray(0, whole.vertexCount * 3)).toEqual(whole.positions.subarray(0, whole.vertexCount * 3));
  });

  it('interpolates the ball position between steps and writes Line2 segments', () => {
    const field = bowl();
    const buffers = createPathBuffers(3, 0);
    extendPath(buffers, [-0.5, 0, 0.5], [0, 0, 0], 3, field, frame, 0);
    const ball = { x: 0, y: 0, z: 0 };
    positionAtVertex(buffers, vertexAtStep(buffers, 1.5), ball);
    expect(ball.x).toBeCloseTo(0.25, 12);
    positionAtVertex(buffers, vertexAtStep(buffers, Infinity), ball);
    expect(ball.x).toBeCloseTo(0.5, 12);
    const segments = new Float32Array(12);
    expect(writeSegments(buffers, segments, 0)).toBe(2);
    expect([segments[0], segments[3], segments[6], segments[9]]).toEqual([-0.5, 0, 0, 0.5]);
  });
});

describe('drawn segments (decimated)', () => {
  function straightLine(count: number, spacing: number): PathBuffers {
    const buffers = createPathBuffers(count, 0);
    for (let i = 0; i < count; i++) {
      buffers.positions[i * 3] = i * spacing;
      buffers.stepVertex[i] = i;
    }
    buffers.vertexCount = count;
    buffers.points = count;
    return buffers;
  }

  it('skips vertices closer than the minimum length and always reaches the last one', () => {
    const buffers = straightLine(101, 0.001);
    const segments = createPathSegments(101);
    const out = new Float32Array(100 * 6);
    updatePathSegments(buffers, segments, out, 0.0025);
    // Kept: 0, 3, 6, …, 99 (34 vertices) → 33 segments, plus a tail 99 → 100.
    expect(segments.keptCount).toBe(34);
    expect(segments.count).toBe(34);
    expect(out[0]).toBeCloseTo(0);
    expect(out[3]).toBeCloseTo(0.003);
    expect(out[33 * 6]).toBeCloseTo(0.099);
    expect(out[33 * 6 + 3]).toBeCloseTo(0.1);
  });

  it('keeps every vertex of a path whose steps are all long enough', () => {
    const buffers = straightLine(10, 0.01);
    const segments = createPathSegments(10);
    const out = new Float32Array(9 * 6);
    updatePathSegments(buffers, segments, out, 0.0025);
    expect(segments.count).toBe(9);
    expect(segmentsBehind(segments, 4.5)).toEqual({ whole: 4, partial: true });
    expect(segmentsBehind(segments, 9)).toEqual({ whole: 9, partial: false });
  });

  it('extends in place as points stream in, rewriting only the tail', () => {
    const full = straightLine(101, 0.001);
    const streamed = createPathBuffers(101, 0);
    const segments = createPathSegments(101);
    const out = new Float32Array(100 * 6);
    for (const upTo of [1, 2, 17, 50, 51, 101]) {
      for (let i = streamed.vertexCount; i < upTo; i++) {
        streamed.positions.set(full.positions.subarray(i * 3, i * 3 + 3), i * 3);
        streamed.stepVertex[i] = i;
      }
      streamed.vertexCount = upTo;
      streamed.points = upTo;
      const first = updatePathSegments(streamed, segments, out, 0.0025);
      expect(first).toBeLessThanOrEqual(segments.count);
      // The drawn path always ends at the newest vertex.
      if (segments.count > 0) expect(out[(segments.count - 1) * 6 + 3]).toBeCloseTo((upTo - 1) * 0.001);
    }
    const once = createPathSegments(101);
    const outOnce = new Float32Array(100 * 6);
    updatePathSegments(full, once, outOnce, 0.0025);
    expect(segments.count).toBe(once.count);
    expect(Array.from(out.subarray(0, once.count * 6))).toEqual(Array.from(outOnce.subarray(0, once.count * 6)));
  });

  it('cuts the path at a ball between two kept vertices', () => {
    const buffers = straightLine(101, 0.001);
    const segments = createPathSegments(101);
    updatePathSegments(buffers, segments, new Float32Array(100 * 6), 0.0025);
    // Vertex 7.5 lies in the segment from kept vertex 6 (index 2) to 9.
    expect(segmentsBehind(segments, 7.5)).toEqual({ whole: 2, partial: true });
    expect(segmentsBehind(segments, 6)).toEqual({ whole: 2, partial: false });
    expect(segmentsBehind(segments, 0)).toEqual({ whole: 0, partial: false });
    expect(segmentsBehind(segments, 100)).toEqual({ whole: 33, partial: true });
  });
});
