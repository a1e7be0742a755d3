/**
 * A height field prepared for drawing: every sample mapped to t ∈ [0, 1] once per
 * field revision (NaN and ±∞ guarded), plus exact lookups on the same triangles the
 * mesh draws, so that paths, markers and clicks sit exactly on the visible surface.
 */
import type { Domain } from '../../core/types.ts';
import { createHeightMapping, finiteRange, type HeightMapping } from './heightMapping.ts';

export interface MappedField {
  readonly resolution: number;
  readonly domain: Domain;
  readonly mapping: HeightMapping;
  /** resolution² values of t, row-major, row = y index from y.min. Never NaN. */
  readonly t: Float32Array;
}

/** Map raw losses to t. Non-finite samples (a blown-up custom formula) become the top of the scale. */
export function mapField(heights: Float32Array, resolution: number, domain: Domain, min: number, max: number, log: boolean): MappedField {
  const range = Number.isFinite(min) && Number.isFinite(max) && max >= min ? { min, max } : finiteRange(heights);
  const mapping = createHeightMapping(range.min, range.max, log);
  const t = new Float32Array(resolution * resolution);
  for (let i = 0; i < t.length; i++) {
    const v = heights[i];
    t[i] = v === undefined || !Number.isFinite(v) ? (v === -Infinity ? 0 : 1) : mapping.toT(v);
  }
  return { resolution, domain, mapping, t };
}

/** Parameter-plane point → fractional grid coordinates (column, row), clamped to the grid. */
export function toGrid(field: MappedField, x: number, y: number, out: Float64Array | number[]): void {
  const n = field.resolution - 1;
  const [x0, x1] = field.domain.x;
  const [y0, y1] = field.domain.y;
  const gx = ((x - x0) / (x1 - x0)) * n;
  const gy = ((y - y0) / (y1 - y0)) * n;
  out[0] = gx > 0 ? (gx < n ? gx : n) : 0;
  out[1] = gy > 0 ? (gy < n ? gy : n) : 0;
}

/**
 * t at fractional grid coordinates, interpolated on the mesh's own triangles:
 * each cell is split along its (i, j)–(i+1, j+1) diagonal. NaN input reads as the cell origin.
 */
export function sampleGrid(field: MappedField, gx: number, gy: number): number {
  const n = field.resolution - 1;
  const cx = gx > 0 ? (gx < n ? gx : n) : 0;
  const cy = gy > 0 ? (gy < n ? gy : n) : 0;
  const i = Math.min(n - 1, Math.floor(cx));
  const j = Math.min(n - 1, Math.floor(cy));
  const u = cx - i;
  const v = cy - j;
  const r = field.resolution;
  const t = field.t;
  const a = t[j * r + i];
  const b = t[j * r + i + 1];
  const c = t[(j + 1) * r + i];
  const d = t[(j + 1) * r + i + 1];
  return u >= v ? a + u * (b - a) + v * (d - b) : a + v * (c - a) + u * (d - c);
}

/** t at a point of the parameter plane (clamped into the domain). */
export function sampleAt(field: MappedField, x: number, y: number, scratch: Float64Array | number[]): number {
  toGrid(field, x, y, scratch);
  return sampleGrid(field, scratch[0], scratch[1]);
}

/**
 * First hit of a ray with the height surface, in grid space: the ray is
 * (gx, gy, h) = origin + s · direction with h in t units. Marches half a cell at a
 * time through the grid box, then bisects. Writes (gx, gy) and returns true on a hit.
 */
export function raycastGrid(
  field: MappedField,
  origin: readonly [number, number, number],
  direction: readonly [number, number, number],
  out: Float64Array | number[],
): boolean {
  const n = field.resolution - 1;
  // Clip the ray to the box [0, n] × [0, n] × [0, 1] (slab method).
  let s0 = 0;
  let s1 = Infinity;
  const lo = [0, 0, 0];
  const hi = [n, n, 1];
  for (let axis = 0; axis < 3; axis++) {
    const o = origin[axis];
    const d = direction[axis];
    if (Math.abs(d) < 1e-12) {
      if (o < lo[axis] || o > hi[axis]) return false;
      continue;
    }
    let a = (lo[axis] - o) / d;
    let b = (hi[axis] - o) / d;
    if (a > b) [a, b] = [b, a];
    s0 = Math.max(s0, a);
    s1 = Math.min(s1, b);
  }
  if (!(s1 >= s0)) return false;
  const planar = Math.hypot(direction[0], direction[1]);
  const step = planar > 1e-9 ? 0.5 / planar : s1 - s0;
  const above = (s: number) => origin[2] + s * direction[2] - sampleGrid(field, origin[0] + s * direction[0], origin[1] + s * direction[1]);
  let previous = s0;
  if (above(s0) <= 0) {
    out[0] = origin[0] + s0 * direction[0];
    out[1] = origin[1] + s0 * direction[1];
    return true;
  }
  for (let s = s0 + step; ; s += step) {
    const at = Math.min(s, s1);
    if (above(at) <= 0) {
      let a = previous;
      let b = at;
      for (let k = 0; k < 30; k++) {
        const mid = (a + b) / 2;
        if (above(mid) > 0) a = mid;
        else b = mid;
      }
      out[0] = origin[0] + b * direction[0];
      out[1] = origin[1] + b * direction[1];
      return true;
    }
    if (at >= s1) return false;
    previous = at;
  }
}
