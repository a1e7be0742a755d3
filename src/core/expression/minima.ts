/**
 * Local minima of a compiled f(x, y) over a rectangle, found numerically: the
 * lowest grid points that are no higher than their 8 neighbours are refined by a
 * 2×2 BFGS descent with backtracking (exact gradients, no Hessian), kept inside
 * the domain. A refined point counts as a minimum only if no point a short step
 * away in 8 directions is lower, so descent that ends against the edge (the
 * function keeps falling outside) is not reported.
 */

import type { Domain, Point } from '../types.ts';
import type { CompiledExpression } from './compile.ts';
import { gridCandidates } from '../gridMinima.ts';

/** f sampled on an n × n grid that includes the domain's edges; row-major, y outer. */
export interface Grid {
  readonly size: number;
  readonly values: Float64Array;
}

export const gridX = (domain: Domain, size: number, i: number): number =>
  domain.x[0] + ((domain.x[1] - domain.x[0]) * i) / (size - 1);
export const gridY = (domain: Domain, size: number, j: number): number =>
  domain.y[0] + ((domain.y[1] - domain.y[0]) * j) / (size - 1);

const CANDIDATES = 16;
const ITERATIONS = 200;

/** Up to `count` distinct local minima, lowest first. */
export function findMinima(f: CompiledExpression, domain: Domain, grid: Grid, count: number): Point[] {
  const found: { point: Point; value: number }[] = [];
  const diagonal = Math.hypot(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
  for (const index of gridCandidates(grid.values, grid.size, CANDIDATES)) {
    const n = grid.size;
    const refined = descend(f, domain, [gridX(domain, n, index % n), gridY(domain, n, Math.floor(index / n))]);
    if (refined === null || !isLocalMinimum(f, domain, refined)) continue;
    const point = snap(f, refined);
    if (found.some((m) => Math.hypot(m.point[0] - point[0], m.point[1] - point[1]) < 1e-2 * diagonal)) continue;
    found.push({ point, value: f.value(point[0], point[1]) });
  }
  found.sort((a, b) => a.value - b.value);
  return found.slice(0, count).map((m) => m.point);
}

const clamp = (v: number, range: readonly [number, number]): number => Math.min(range[1], Math.max(range[0], v));

/** BFGS with an Armijo backtracking line search, projected onto the domain. Null if it never finds a finite point. */
function descend(f: CompiledExpression, domain: Domain, start: Point): Point | null {
  const g = new Float64Array(2);
  const gNext = new Float64Array(2);
  let x = start[0], y = start[1];
  let fx = f.valueAndGradient(x, y, g);
  if (!Number.isFinite(fx) || !Number.isFinite(g[0]) || !Number.isFinite(g[1])) return null;
  const span = Math.min(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
  // Inverse-Hessian estimate [[a, b], [b, c]], first scaled so a step moves at most a tenth of the domain.
  const scale = () => (0.1 * span) / Math.max(Math.hypot(g[0], g[1]), 1e-300);
  let a = scale(), b = 0, c = a;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let dx = -(a * g[0] + b * g[1]), dy = -(b * g[0] + c * g[1]);
    if (dx * g[0] + dy * g[1] >= 0) {
      a = c = scale(); b = 0;
      dx = -a * g[0]; dy = -a * g[1];
    }
    let t = 1, accepted = false, nx = x, ny = y, fn = fx;
    for (let tries = 0; tries < 50; tries++, t *= 0.5) {
      nx = clamp(x + t * dx, domain.x);
      ny = clamp(y + t * dy, domain.y);
      fn = f.valueAndGradient(nx, ny, gNext);
      if (Number.isFinite(fn) && fn <= fx + 1e-4 * (g[0] * (nx - x) + g[1] * (ny - y))) { accepted = true; break; }
    }
    if (!accepted || !Number.isFinite(gNext[0]) || !Number.isFinite(gNext[1])) break;
    const sx = nx - x, sy = ny - y, yx = gNext[0] - g[0], yy = gNext[1] - g[1];
    x = nx; y = ny; fx = fn; g[0] = gNext[0]; g[1] = gNext[1];
    if (Math.hypot(sx, sy) <= 1e-15 * (1 + Math.hypot(x, y))) break;
    const sTy = sx * yx + sy * yy;
    if (sTy <= 1e-12 * Math.hypot(sx, sy) * Math.hypot(yx, yy)) {
      a = c = scale(); b = 0;
      continue;
    }
    // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, written out for 2 × 2.
    const rho = 1 / sTy;
    const hyx = a * yx + b * yy, hyy = b * yx + c * yy;
    const yHy = yx * hyx + yy * hyy;
    const k = rho * rho * yHy + rho;
    a += k * sx * sx - rho * 2 * sx * hyx;
    b += k * sx * sy - rho * (sx * hyy + sy * hyx);
    c += k * sy * sy - rho * 2 * sy * hyy;
  }
  return [x, y];
}

function isLocalMinimum(f: CompiledExpression, domain: Domain, p: Point): boolean {
  const value = f.value(p[0], p[1]);
  if (!Number.isFinite(value)) return false;
  const hx = 1e-3 * (domain.x[1] - domain.x[0]), hy = 1e-3 * (domain.y[1] - domain.y[0]);
  const tolerance = 1e-12 * (1 + Math.abs(value));
  for (let k = 0; k < 8; k++) {
    const angle = (k * Math.PI) / 4;
    const w = f.value(p[0] + hx * Math.cos(angle), p[1] + hy * Math.sin(angle));
    if (w < value - tolerance) return false;
  }
  return true;
}

/** Rounds 2.9999999997 to 3 when that is no higher, so minima read cleanly. */
function snap(f: CompiledExpression, p: Point): Point {
  const round = (v: number): number => {
    const r = Math.round(v * 1e6) / 1e6 + 0; // + 0 turns -0 into 0
    return Math.abs(r - v) < 1e-7 * Math.max(1, Math.abs(v)) ? r : v;
  };
  const snapped: Point = [round(p[0]), round(p[1])];
  const before = f.value(p[0], p[1]);
  return f.value(snapped[0], snapped[1]) <= before + 1e-12 * (1 + Math.abs(before)) ? snapped : p;
}
