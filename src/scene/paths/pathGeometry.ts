/**
 * Turning a run's points into a polyline that lies on the drawn surface: every
 * point is clamped into the domain box (diverging runs fly far away; NaN never
 * passes), lifted a little above the mesh, and long steps are subdivided about
 * once per grid cell so the straight chord does not cut through hills. Buffers are
 * preallocated per run and extended in place as chunks stream in.
 */
import { clampToDomain, type WorldFrame } from '../surface/heightMapping.ts';
import { sampleGrid, toGrid, type MappedField } from '../surface/mappedField.ts';

/** Subdivisions allowed for one step (a step across the whole grid gets one point every few cells). */
const MAX_SUBDIVISIONS = 64;

export interface PathBuffers {
  /** Points the run can have (its capacity). */
  readonly pointCapacity: number;
  /** Vertices (x, y, z) in world space. */
  readonly positions: Float32Array;
  /** Index of the vertex of each step's point. */
  readonly stepVertex: Int32Array;
  vertexCount: number;
  /** Points written so far. */
  points: number;
  /** Extra vertices still available for subdividing long steps. */
  extraLeft: number;
}

export function createPathBuffers(pointCapacity: number, extraVertices = 4096): PathBuffers {
  const capacity = Math.max(1, pointCapacity);
  return {
    pointCapacity: capacity,
    positions: new Float32Array((capacity + extraVertices) * 3),
    stepVertex: new Int32Array(capacity),
    vertexCount: 0,
    points: 0,
    extraLeft: extraVertices,
  };
}

export function resetPath(buffers: PathBuffers, extraVertices = 4096): void {
  buffers.vertexCount = 0;
  buffers.points = 0;
  buffers.extraLeft = Math.min(extraVertices, buffers.positions.length / 3 - buffers.pointCapacity);
}

const scratch = new Float64Array(2);
const previousGrid = new Float64Array(2);

function writeVertex(buffers: PathBuffers, field: MappedField, frame: WorldFrame, gx: number, gy: number, lift: number): void {
  const n = field.resolution - 1;
  const [x0, x1] = field.domain.x;
  const [y0, y1] = field.domain.y;
  const x = x0 + (gx / n) * (x1 - x0);
  const y = y0 + (gy / n) * (y1 - y0);
  const o = buffers.vertexCount * 3;
  buffers.positions[o] = frame.toWorldX(x);
  buffers.positions[o + 1] = sampleGrid(field, gx, gy) * frame.height + lift;
  buffers.positions[o + 2] = frame.toWorldZ(y);
  buffers.vertexCount++;
}

/**
 * Append points [buffers.points, length) of a run. `lift` is in world units.
 * Returns the index of the first vertex written (for partial uploads).
 */
export function extendPath(
  buffers: PathBuffers,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  length: number,
  field: MappedField,
  frame: WorldFrame,
  lift: number,
): number {
  const end = Math.min(length, buffers.pointCapacity);
  const firstVertex = buffers.vertexCount;
  if (buffers.points > 0) {
    clampToDomain(xs[buffers.points - 1], ys[buffers.points - 1], field.domain, scratch);
    toGrid(field, scratch[0], scratch[1], previousGrid);
  }
  for (let k = buffers.points; k < end; k++) {
    clampToDomain(xs[k], ys[k], field.domain, scratch);
    toGrid(field, scratch[0], scratch[1], scratch);
    const gx = scratch[0];
    const gy = scratch[1];
    if (k > 0) {
      const dx = gx - previousGrid[0];
      const dy = gy - previousGrid[1];
      const wanted = Math.min(MAX_SUBDIVISIONS, Math.ceil(Math.max(Math.abs(dx), Math.abs(dy))));
      const pieces = Math.max(1, Math.min(wanted, buffers.extraLeft + 1));
      for (let s = 1; s < pieces; s++) writeVertex(buffers, field, frame, previousGrid[0] + (dx * s) / pieces, previousGrid[1] + (dy * s) / pieces, lift);
      buffers.extraLeft -= pieces - 1;
    }
    buffers.stepVertex[k] = buffers.vertexCount;
    writeVertex(buffers, field, frame, gx, gy, lift);
    previousGrid[0] = gx;
    previousGrid[1] = gy;
  }
  buffers.points = Math.max(buffers.points, end);
  return firstVertex;
}

/**
 * The polyline position of fractional step `step` (clamped to the written points),
 * as a fractional vertex index: 12.5 means halfway between vertices 12 and 13.
 */
export function vertexAtStep(buffers: PathBuffers, step: number): number {
  if (buffers.points === 0) return 0;
  const last = buffers.points - 1;
  if (!(step < last)) return buffers.stepVertex[last];
  if (!(step > 0)) return 0;
  const k = Math.floor(step);
  const a = buffers.stepVertex[k];
  const b = buffers.stepVertex[k + 1];
  return a + (step - k) * (b - a);
}

/** World position at a fractional vertex index, written into out[0…2]. */
export function positionAtVertex(buffers: PathBuffers, vertex: number, out: { x: number; y: number; z: number }): void {
  const last = Math.max(0, buffers.vertexCount - 1);
  const v = vertex > 0 ? (vertex < last ? vertex : last) : 0;
  const i = Math.min(Math.floor(v), Math.max(0, last - 1));
  const f = last === 0 ? 0 : v - i;
  const p = buffers.positions;
  const j = Math.min(i + 1, last);
  out.x = p[i * 3] + (p[j * 3] - p[i * 3]) * f;
  out.y = p[i * 3 + 1] + (p[j * 3 + 1] - p[i * 3 + 1]) * f;
  out.z = p[i * 3 + 2] + (p[j * 3 + 2] - p[i * 3 + 2]) * f;
}

/**
 * The segments actually drawn for a path, simplified as the points stream in: a
 * vertex is kept only where the path turns by more than `tolerance` (world units),
 * i.e. where a straight chord over it would miss some vertex by more than that. A
 * smooth curve, a straight run or a run settled in a minimum then costs tens of
 * segments instead of thousands (software WebGL pays per segment instance); corners
 * of a zig-zag stay. The last vertex is always reached through a provisional tail
 * segment, rewritten when more points arrive. The full-resolution vertices stay in
 * PathBuffers for the ball and the step markers.
 */
export interface PathSegments {
  /** Vertex index of each kept vertex, in order. */
  readonly kept: Int32Array;
  keptCount: number;
  /** For every scanned vertex, the index (into `kept`) of the last kept vertex at or before it. */
  readonly keptBefore: Int32Array;
  /** Vertices examined so far. */
  scanned: number;
  /** Segments valid in the instance buffer (kept − 1, plus the tail when the last vertex is not kept). */
  count: number;
  /** The last vertex that was at least the tolerance away from its predecessor. */
  lastAccepted: number;
  /** Accepted vertices since the last kept one: what a chord from it must pass near. */
  readonly window: Int32Array;
  windowCount: number;
}

/** Accepted vertices a chord may stand in for, at most (bounds the work per vertex). */
const SIMPLIFY_WINDOW = 64;

export function createPathSegments(vertexCapacity: number): PathSegments {
  const capacity = Math.max(1, vertexCapacity);
  return {
    kept: new Int32Array(capacity),
    keptCount: 0,
    keptBefore: new Int32Array(capacity),
    scanned: 0,
    count: 0,
    lastAccepted: -1,
    window: new Int32Array(SIMPLIFY_WINDOW),
    windowCount: 0,
  };
}

export function resetPathSegments(segments: PathSegments): void {
  segments.keptCount = 0;
  segments.scanned = 0;
  segments.count = 0;
  segments.lastAccepted = -1;
  segments.windowCount = 0;
}

function writeSegment(out: Float32Array, s: number, p: Float32Array, a: number, b: number): void {
  const o = s * 6;
  out[o] = p[a * 3];
  out[o + 1] = p[a * 3 + 1];
  out[o + 2] = p[a * 3 + 2];
  out[o + 3] = p[b * 3];
  out[o + 4] = p[b * 3 + 1];
  out[o + 5] = p[b * 3 + 2];
}

function distanceSquared(p: Float32Array, a: number, b: number): number {
  const dx = p[b * 3] - p[a * 3];
  const dy = p[b * 3 + 1] - p[a * 3 + 1];
  const dz = p[b * 3 + 2] - p[a * 3 + 2];
  return dx * dx + dy * dy + dz * dz;
}

/** True when every vertex in `window` lies within √maxSquared of the segment a–b. */
function chordCovers(p: Float32Array, a: number, b: number, window: Int32Array, count: number, maxSquared: number): boolean {
  const ax = p[a * 3];
  const ay = p[a * 3 + 1];
  const az = p[a * 3 + 2];
  const dx = p[b * 3] - ax;
  const dy = p[b * 3 + 1] - ay;
  const dz = p[b * 3 + 2] - az;
  const length2 = dx * dx + dy * dy + dz * dz;
  for (let w = 0; w < count; w++) {
    const j = window[w];
    const px = p[j * 3] - ax;
    const py = p[j * 3 + 1] - ay;
    const pz = p[j * 3 + 2] - az;
    const t = length2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy + pz * dz) / length2)) : 0;
    const ex = px - t * dx;
    const ey = py - t * dy;
    const ez = pz - t * dz;
    if (ex * ex + ey * ey + ez * ez > maxSquared) return false;
  }
  return true;
}

/**
 * Scan the vertices written since the last call, keep the corners (see PathSegments),
 * and write the changed segments (start xyz, end xyz) into `out`. A vertex within the
 * tolerance of the last accepted one is skipped at once (a settled run costs O(1) per
 * point); an accepted vertex is checked against at most SIMPLIFY_WINDOW others. Every
 * vertex ends within twice the tolerance of the drawn path. Decisions depend only on
 * vertices already written, so streaming gives the same segments as one pass.
 * Returns the first segment index written (for a partial upload).
 */
export function updatePathSegments(buffers: PathBuffers, segments: PathSegments, out: Float32Array, tolerance: number): number {
  const p = buffers.positions;
  const end = Math.min(buffers.vertexCount, segments.kept.length);
  const toleranceSquared = tolerance * tolerance;
  // The old tail (if any) is rewritten: it starts at the last kept vertex.
  const firstChanged = Math.max(0, segments.keptCount - 1);
  for (let i = segments.scanned; i < end; i++) {
    if (segments.keptCount === 0) {
      segments.kept[segments.keptCount++] = i;
      segments.keptBefore[i] = 0;
      segments.lastAccepted = i;
      segments.windowCount = 0;
      continue;
    }
    segments.keptBefore[i] = segments.keptCount - 1;
    if (distanceSquared(p, segments.lastAccepted, i) < toleranceSquared) continue;
    const anchor = segments.kept[segments.keptCount - 1];
    const previous = segments.lastAccepted;
    // The previous accepted vertex becomes a corner when the chord from the anchor to i
    // would pass farther than the tolerance from an accepted vertex in between.
    if (previous !== anchor && (segments.windowCount >= SIMPLIFY_WINDOW || !chordCovers(p, anchor, i, segments.window, segments.windowCount, toleranceSquared))) {
      segments.kept[segments.keptCount++] = previous;
      for (let v = previous; v <= i; v++) segments.keptBefore[v] = segments.keptCount - 1;
      segments.windowCount = 0;
    }
    segments.window[segments.windowCount++] = i;
    segments.lastAccepted = i;
  }
  segments.scanned = Math.max(segments.scanned, end);
  const maxSegments = out.length / 6;
  let count = 0;
  for (let s = firstChanged; s + 1 < segments.keptCount && s < maxSegments; s++) {
    writeSegment(out, s, p, segments.kept[s], segments.kept[s + 1]);
    count = s + 1;
  }
  count = Math.max(count, Math.min(segments.keptCount - 1, maxSegments));
  const last = end - 1;
  if (segments.keptCount > 0 && last > segments.kept[segments.keptCount - 1] && count < maxSegments) {
    writeSegment(out, count, p, segments.kept[segments.keptCount - 1], last);
    count++;
  }
  segments.count = Math.max(0, count);
  return firstChanged;
}

/**
 * Where the ball at fractional vertex `vertex` cuts the drawn path: `whole` segments
 * are drawn in full and segment `whole` (when `partial`) ends at the ball.
 */
export function segmentsBehind(segments: PathSegments, vertex: number): { whole: number; partial: boolean } {
  if (segments.scanned === 0 || segments.count === 0) return { whole: 0, partial: false };
  const v = Math.min(Math.max(0, vertex), segments.scanned - 1);
  const j = segments.keptBefore[Math.floor(v)];
  if (j >= segments.count) return { whole: segments.count, partial: false };
  const startsAt = segments.kept[j];
  return { whole: j, partial: v > startsAt };
}
