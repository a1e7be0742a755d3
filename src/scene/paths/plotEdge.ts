/**
 * Where a path meets the edge of the plot: whether a point is inside, which part
 * of a step lies inside (Liang–Barsky clipping), and where a run first leaves.
 */
import type { Domain } from '../../core/index.ts';

const clip = new Float64Array(2);

/** True when (x, y) lies in the closed box (false for NaN). */
export function insidePlot(x: number, y: number, domain: Domain): boolean {
  return x >= domain.x[0] && x <= domain.x[1] && y >= domain.y[0] && y <= domain.y[1];
}

/**
 * The part of the segment p→q inside the box, as parameters [t0, t1] ⊆ [0, 1] in
 * out (Liang–Barsky); false when the segment misses the box or is not finite.
 */
export function clipSegment(px: number, py: number, qx: number, qy: number, domain: Domain, out: Float64Array): boolean {
  const dx = qx - px;
  const dy = qy - py;
  if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(dx) || !Number.isFinite(dy)) return false;
  let t0 = 0;
  let t1 = 1;
  const edges = [-dx, px - domain.x[0], dx, domain.x[1] - px, -dy, py - domain.y[0], dy, domain.y[1] - py];
  for (let e = 0; e < 8; e += 2) {
    const p = edges[e];
    const q = edges[e + 1];
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  out[0] = t0;
  out[1] = t1;
  return true;
}

/**
 * Where a run first leaves the plot, scanning points [from, length): its step and
 * the point where that step crosses the edge (out[0], out[1]); −1 when it stays inside.
 * A step that cannot be followed (not finite) leaves from its last point inside.
 */
export function firstExit(xs: ArrayLike<number>, ys: ArrayLike<number>, length: number, domain: Domain, from: number, out: Float64Array): number {
  for (let k = Math.max(1, from); k < length; k++) {
    if (insidePlot(xs[k], ys[k], domain) || !insidePlot(xs[k - 1], ys[k - 1], domain)) continue;
    const t = clipSegment(xs[k - 1], ys[k - 1], xs[k], ys[k], domain, clip) ? clip[1] : 0;
    out[0] = xs[k - 1] + t * (xs[k] - xs[k - 1]);
    out[1] = ys[k - 1] + t * (ys[k] - ys[k - 1]);
    if (!Number.isFinite(out[0]) || !Number.isFinite(out[1])) {
      out[0] = xs[k - 1];
      out[1] = ys[k - 1];
    }
    return k;
  }
  return -1;
}
