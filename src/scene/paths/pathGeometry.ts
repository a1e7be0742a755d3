/**
 * Turning a run's points into a polyline that lies on the drawn surface: points
 * are lifted a little above the mesh, and long steps are subdivided about once
 * per grid cell so the straight chord does not cut through hills. A step that
 * leaves the plot is drawn to where it crosses the edge and the path stops there;
 * if it comes back, a new piece starts where it re-enters (the gap is never drawn
 * along the rim). NaN never passes. Buffers are preallocated per run and extended
 * in place as chunks stream in.
 */
import { clampToDomain, type WorldFrame } from '../surface/heightMapping.ts';
import { sampleGrid, toGrid, type MappedField } from '../surface/mappedField.ts';
import { clipSegment, insidePlot } from './plotEdge.ts';

export { clipSegment, firstExit, insidePlot } from './plotEdge.ts';
export { createPathSegments, resetPathSegments, segmentsBehind, updatePathSegments, type PathSegments } from './pathSegments.ts';

/** Subdivisions allowed for one step (a step across the whole grid gets one point every few cells). */
const MAX_SUBDIVISIONS = 64;

export interface PathBuffers {
  /** Points the run can have (its capacity). */
  readonly pointCapacity: number;
  /** Vertices (x, y, z) in world space. */
  readonly positions: Float32Array;
  /** Index of the vertex of each step's point (for a point outside the plot: the last vertex drawn, where the path left it). */
  readonly stepVertex: Int32Array;
  /** 1 where a vertex starts a new piece: no segment joins it to the vertex before (the path was outside the plot in between). */
  readonly breakBefore: Uint8Array;
  vertexCount: number;
  /** Points written so far. */
  points: number;
  /** Extra vertices still available for subdividing long steps. */
  extraLeft: number;
  /** Grid coordinates of the last vertex written (where the next step's subdivision starts). */
  readonly lastGrid: Float64Array;
}

export function createPathBuffers(pointCapacity: number, extraVertices = 4096): PathBuffers {
  const capacity = Math.max(1, pointCapacity);
  return {
    pointCapacity: capacity,
    positions: new Float32Array((capacity + extraVertices) * 3),
    stepVertex: new Int32Array(capacity),
    breakBefore: new Uint8Array(capacity + extraVertices),
    vertexCount: 0,
    points: 0,
    extraLeft: extraVertices,
    lastGrid: new Float64Array(2),
  };
}

export function resetPath(buffers: PathBuffers, extraVertices = 4096): void {
  buffers.vertexCount = 0;
  buffers.points = 0;
  buffers.extraLeft = Math.min(extraVertices, buffers.positions.length / 3 - buffers.pointCapacity);
}

const scratch = new Float64Array(2);
const previousGrid = new Float64Array(2);
const clip = new Float64Array(2);

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
  buffers.breakBefore[buffers.vertexCount] = 0;
  buffers.vertexCount++;
}

/** Subdivide from the previous vertex to grid point (gx, gy) about once per cell, then write it. */
function writeStepTo(buffers: PathBuffers, field: MappedField, frame: WorldFrame, gx: number, gy: number, lift: number): void {
  const dx = gx - previousGrid[0];
  const dy = gy - previousGrid[1];
  const wanted = Math.min(MAX_SUBDIVISIONS, Math.ceil(Math.max(Math.abs(dx), Math.abs(dy))));
  const pieces = Math.max(1, Math.min(wanted, buffers.extraLeft + 1));
  for (let s = 1; s < pieces; s++) writeVertex(buffers, field, frame, previousGrid[0] + (dx * s) / pieces, previousGrid[1] + (dy * s) / pieces, lift);
  buffers.extraLeft -= pieces - 1;
  writeVertex(buffers, field, frame, gx, gy, lift);
  previousGrid[0] = gx;
  previousGrid[1] = gy;
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
  const domain = field.domain;
  // The last vertex written: where the path is, or where it left the plot.
  previousGrid.set(buffers.lastGrid);
  for (let k = buffers.points; k < end; k++) {
    const x = xs[k];
    const y = ys[k];
    const inside = insidePlot(x, y, domain);
    if (buffers.vertexCount === 0) {
      // A start outside the plot is drawn at its nearest point on the edge, where the start pin stands.
      clampToDomain(x, y, domain, scratch);
      toGrid(field, scratch[0], scratch[1], previousGrid);
      writeVertex(buffers, field, frame, previousGrid[0], previousGrid[1], lift);
    } else if (inside && insidePlot(xs[k - 1], ys[k - 1], domain)) {
      toGrid(field, x, y, scratch);
      writeStepTo(buffers, field, frame, scratch[0], scratch[1], lift);
    } else if (clipSegment(xs[k - 1], ys[k - 1], x, y, domain, clip) && (clip[1] > clip[0] || clip[0] === 0)) {
      // The step crosses the edge: draw its part inside the plot (a new piece when it comes in from outside).
      const [t0, t1] = clip;
      const px = xs[k - 1];
      const py = ys[k - 1];
      if (t0 > 0) {
        toGrid(field, px + t0 * (x - px), py + t0 * (y - py), previousGrid);
        writeVertex(buffers, field, frame, previousGrid[0], previousGrid[1], lift);
        buffers.breakBefore[buffers.vertexCount - 1] = 1;
      }
      toGrid(field, inside ? x : px + t1 * (x - px), inside ? y : py + t1 * (y - py), scratch);
      writeStepTo(buffers, field, frame, scratch[0], scratch[1], lift);
    }
    // Outside the plot (or a step that misses it): no vertex; the point's place is where the path left.
    buffers.stepVertex[k] = buffers.vertexCount - 1;
  }
  buffers.lastGrid.set(previousGrid);
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

