import { describe, expect, it } from 'vitest';
import { createWorldFrame } from '../../../src/scene/surface/heightMapping.ts';
import {
  createPathBuffers,
  createPathSegments,
  extendPath,
  positionAtVertex,
  segmentsBehind,
  updatePathSegments,
  vertexAtStep,
  type PathBuffers,
} from '../../../src/scene/paths/pathGeometry.ts';
import { bowl, domain } from '../bowlField.ts';


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
    const drawn = createPathSegments(3);
    const segments = new Float32Array(12);
    updatePathSegments(buffers, drawn, segments, 1e-6);
    expect(drawn.count).toBe(2);
    expect([segments[0], segments[3], segments[6], segments[9]]).toEqual([-0.5, 0, 0, 0.5]);
  });
});

describe('drawn segments (simplified)', () => {
  function pathOf(points: [number, number][]): PathBuffers {
    const buffers = createPathBuffers(points.length, 0);
    points.forEach(([x, z], i) => {
      buffers.positions[i * 3] = x;
      buffers.positions[i * 3 + 2] = z;
      buffers.stepVertex[i] = i;
    });
    buffers.vertexCount = points.length;
    buffers.points = points.length;
    return buffers;
  }
  const line = (count: number, spacing: number) => Array.from({ length: count }, (_, i): [number, number] => [i * spacing, 0]);

  /** Largest distance from any vertex to the drawn polyline. */
  function worstError(buffers: PathBuffers, out: Float32Array, count: number): number {
    let worst = 0;
    for (let i = 0; i < buffers.vertexCount; i++) {
      const px = buffers.positions[i * 3];
      const pz = buffers.positions[i * 3 + 2];
      let best = Infinity;
      for (let s = 0; s < count; s++) {
        const [ax, az, bx, bz] = [out[s * 6], out[s * 6 + 2], out[s * 6 + 3], out[s * 6 + 5]];
        const dx = bx - ax;
        const dz = bz - az;
        const l2 = dx * dx + dz * dz;
        const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (pz - az) * dz) / l2)) : 0;
        best = Math.min(best, Math.hypot(px - ax - t * dx, pz - az - t * dz));
      }
      worst = Math.max(worst, best);
    }
    return worst;
  }

  it('draws a dense straight line as one segment that reaches its last vertex', () => {
    const buffers = pathOf(line(101, 0.001));
    const segments = createPathSegments(101);
    const out = new Float32Array(100 * 6);
    updatePathSegments(buffers, segments, out, 0.0025);
    expect(segments.count).toBe(1);
    expect(out[0]).toBe(0);
    expect(out[(segments.count - 1) * 6 + 3]).toBeCloseTo(0.1);
    expect(worstError(buffers, out, segments.count)).toBeLessThan(1e-6);
  });

  it('draws a run that settled into a point with one segment, whatever its length', () => {
    const settle = Array.from({ length: 5001 }, (_, i): [number, number] => (i < 10 ? [i * 0.01, 0] : [0.1 + 1e-5 * Math.sin(i), 1e-5 * Math.cos(i)]));
    const buffers = pathOf(settle);
    const segments = createPathSegments(5001);
    const out = new Float32Array(5000 * 6);
    updatePathSegments(buffers, segments, out, 0.0025);
    expect(segments.count).toBe(1);
    expect(worstError(buffers, out, segments.count)).toBeLessThanOrEqual(2 * 0.0025);
  });

  it('keeps every corner of a zig-zag', () => {
    const zigzag = Array.from({ length: 41 }, (_, i): [number, number] => [i * 0.01, i % 2 === 0 ? 0 : 0.05]);
    const buffers = pathOf(zigzag);
    const segments = createPathSegments(41);
    const out = new Float32Array(40 * 6);
    updatePathSegments(buffers, segments, out, 0.0025);
    expect(segments.count).toBe(40);
  });

  it('simplifies a smooth arc to within twice the tolerance', () => {
    const arc = Array.from({ length: 2001 }, (_, i): [number, number] => [Math.cos((i / 2000) * Math.PI), Math.sin((i / 2000) * Math.PI)]);
    const buffers = pathOf(arc);
    const segments = createPathSegments(2001);
    const out = new Float32Array(2000 * 6);
    updatePathSegments(buffers, segments, out, 0.0025);
    expect(segments.count).toBeLessThan(100);
    expect(worstError(buffers, out, segments.count)).toBeLessThanOrEqual(2 * 0.0025 + 1e-6);
  });

  it('gives the same segments when the points stream in as in one pass, and always ends at the newest vertex', () => {
    const arc = Array.from({ length: 301 }, (_, i): [number, number] => [Math.cos(i / 40) * (1 - i / 400), Math.sin(i / 40) * (1 - i / 400)]);
    const full = pathOf(arc);
    const streamed = createPathBuffers(301, 0);
    const segments = createPathSegments(301);
    const out = new Float32Array(300 * 6);
    for (const upTo of [1, 2, 17, 150, 151, 301]) {
      for (let i = streamed.vertexCount; i < upTo; i++) {
        streamed.positions.set(full.positions.subarray(i * 3, i * 3 + 3), i * 3);
        streamed.stepVertex[i] = i;
      }
      streamed.vertexCount = upTo;
      streamed.points = upTo;
      const first = updatePathSegments(streamed, segments, out, 0.0025);
      expect(first).toBeLessThanOrEqual(segments.count);
      if (segments.count > 0) {
        expect(out[(segments.count - 1) * 6 + 3]).toBeCloseTo(arc[upTo - 1][0]);
        expect(out[(segments.count - 1) * 6 + 5]).toBeCloseTo(arc[upTo - 1][1]);
      }
    }
    const once = createPathSegments(301);
    const outOnce = new Float32Array(300 * 6);
    updatePathSegments(full, once, outOnce, 0.0025);
    expect(segments.count).toBe(once.count);
    expect(Array.from(out.subarray(0, once.count * 6))).toEqual(Array.from(outOnce.subarray(0, once.count * 6)));
  });

  it('cuts the drawn path where the ball is', () => {
    const zigzag = Array.from({ length: 11 }, (_, i): [number, number] => [i * 0.01, i % 2 === 0 ? 0 : 0.05]);
    const buffers = pathOf(zigzag);
    const segments = createPathSegments(11);
    updatePathSegments(buffers, segments, new Float32Array(10 * 6), 0.0025);
    expect(segmentsBehind(segments, 4.5)).toEqual({ whole: 4, partial: true });
    expect(segmentsBehind(segments, 4)).toEqual({ whole: 4, partial: false });
    expect(segmentsBehind(segments, 0)).toEqual({ whole: 0, partial: false });
    // The newest vertex is reached by the provisional tail: the ball there ends the tail.
    expect(segmentsBehind(segments, 10)).toEqual({ whole: 9, partial: true });
    // On a straight stretch the ball sits inside one long drawn segment.
    const straight = pathOf(line(21, 0.001));
    const long = createPathSegments(21);
    updatePathSegments(straight, long, new Float32Array(20 * 6), 0.0025);
    expect(long.count).toBe(1);
    expect(segmentsBehind(long, 7.5)).toEqual({ whole: 0, partial: true });
  });
});
