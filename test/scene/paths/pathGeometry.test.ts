import { describe, expect, it } from 'vitest';
import { createWorldFrame } from '../../../src/scene/surface/heightMapping.ts';
import {
  clipSegment,
  createPathBuffers,
  firstExit,
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

  it('never lets NaN or far-away points into the buffer: a step that leaves is drawn to the edge, and stops there', () => {
    const field = bowl();
    const buffers = createPathBuffers(4, 0);
    extendPath(buffers, [0, 0.5, 1e300, Number.NaN], [0, 0, -1e300, Number.NaN], 4, field, frame, 0.01);
    for (const value of buffers.positions) expect(Number.isFinite(value)).toBe(true);
    // The step from (0.5, 0) heads along (1, −1): it crosses the edge x = 1 at (1, −0.5), not the corner (1, −1).
    expect(buffers.vertexCount).toBe(3);
    expect(buffers.positions[6]).toBe(1);
    expect(buffers.positions[8]).toBe(0.5);
    // The points outside stay where the path left.
    expect([...buffers.stepVertex]).toEqual([0, 1, 2, 2]);
  });

  it('draws a path that leaves and comes back as two pieces, never along the rim', () => {
    const field = bowl();
    // Inside, out past the right edge, along outside, back in through the top edge.
    const xs = [0, 0.5, 3, 3, 0.5];
    const ys = [0, 0, 0, 3, 0.5];
    const buffers = createPathBuffers(5, 100);
    extendPath(buffers, xs, ys, 5, field, frame, 0.01);
    const world = (v: number) => [buffers.positions[v * 3], buffers.positions[v * 3 + 2]];
    // Left at (1, 0); re-entered where the step (3, 3) → (0.5, 0.5) crosses x = 1, at (1, 1) — a corner here, but the step's own crossing.
    const exit = buffers.stepVertex[2];
    expect(world(exit)).toEqual([1, -0]);
    expect(buffers.stepVertex[3]).toBe(exit);
    const entry = exit + 1;
    expect(buffers.breakBefore[entry]).toBe(1);
    expect(world(entry)).toEqual([1, -1]);
    expect(world(buffers.stepVertex[4])).toEqual([0.5, -0.5]);
    // No vertex lies on the rim between the exit and the entry: nothing follows the edge.
    for (let v = 0; v < buffers.vertexCount; v++) {
      const [x, z] = world(v);
      if (v !== exit && v !== entry) expect(Math.abs(x) < 1 && Math.abs(z) < 1, `vertex ${v}`).toBe(true);
    }
    // The drawn segments have a gap: the one into the entry has zero length.
    const segments = createPathSegments(buffers.positions.length / 3);
    const out = new Float32Array(buffers.positions.length * 2);
    updatePathSegments(buffers, segments, out, 1e-6);
    const gaps: number[] = [];
    for (let s = 0; s < segments.count; s++) {
      const o = s * 6;
      const length = Math.hypot(out[o + 3] - out[o], out[o + 4] - out[o + 1], out[o + 5] - out[o + 2]);
      if (length === 0) gaps.push(s);
      // No drawn segment joins the exit to the entry.
      const joins = (a: number, b: number) => out[o] === buffers.positions[a * 3] && out[o + 2] === buffers.positions[a * 3 + 2] && out[o + 3] === buffers.positions[b * 3] && out[o + 5] === buffers.positions[b * 3 + 2];
      expect(joins(exit, entry)).toBe(false);
    }
    expect(gaps).toHaveLength(1);
  });

  it('finds where a run first leaves the plot and where that step crosses the edge', () => {
    const out = new Float64Array(2);
    expect(firstExit([0, 0.5, 0.2], [0, 0, 0.1], 3, domain, 0, out)).toBe(-1);
    expect(firstExit([0, 0.5, 2.5, 0], [0, 0, 1, 0], 4, domain, 0, out)).toBe(2);
    expect(out[0]).toBe(1);
    expect(out[1]).toBeCloseTo(0.25, 12);
    const t = new Float64Array(2);
    expect(clipSegment(2, 2, 3, 3, domain, t)).toBe(false);
    expect(clipSegment(-2, 0, 2, 0, domain, t)).toBe(true);
    expect([...t]).toEqual([0.25, 0.75]);
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
