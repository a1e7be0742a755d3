/**
 * The drawn segments of a path: its vertices (pathGeometry.ts) simplified to the
 * corners that show, as the points stream in, with gaps where the path was
 * outside the plot, and where the ball cuts them.
 */
import type { PathBuffers } from './pathGeometry.ts';

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
  /** 1 where kept vertex s starts a new piece: segment s − 1 (into it) is a gap, written with zero length. */
  readonly keptBreak: Uint8Array;
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
    keptBreak: new Uint8Array(capacity),
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
      segments.keptBreak[0] = 0;
      segments.kept[segments.keptCount++] = i;
      segments.keptBefore[i] = 0;
      segments.lastAccepted = i;
      segments.windowCount = 0;
      continue;
    }
    if (buffers.breakBefore[i] === 1) {
      // A new piece: the last accepted vertex ends the old one (kept), and this vertex starts the next.
      if (segments.lastAccepted !== segments.kept[segments.keptCount - 1]) {
        segments.keptBreak[segments.keptCount] = 0;
        segments.kept[segments.keptCount++] = segments.lastAccepted;
        for (let v = segments.lastAccepted; v < i; v++) segments.keptBefore[v] = segments.keptCount - 1;
      }
      segments.keptBreak[segments.keptCount] = 1;
      segments.kept[segments.keptCount++] = i;
      segments.keptBefore[i] = segments.keptCount - 1;
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
      segments.keptBreak[segments.keptCount] = 0;
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
    // A gap between two pieces is a zero-length segment at the new piece's first vertex.
    writeSegment(out, s, p, segments.keptBreak[s + 1] === 1 ? segments.kept[s + 1] : segments.kept[s], segments.kept[s + 1]);
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
