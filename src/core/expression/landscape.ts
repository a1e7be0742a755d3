/**
 * What the UI needs to show a typed-in function well, estimated from samples:
 * where it is non-finite, its minima, a start, a learning rate from its
 * curvature, and whether heights need a log scale.
 */

import type { Domain, Point, Range } from '../types.ts';
import type { CompiledExpression } from './compile.ts';
import { findMinima, gridX, gridY, type Grid } from './minima.ts';

export interface Landscape {
  /** Share of the grid where f is NaN or ±Infinity, 0 … 1. */
  readonly nonFiniteFraction: number;
  readonly minima: readonly Point[];
  readonly suggestedStart: Point;
  readonly lrRange: Range;
  readonly suggestedLr: number;
  readonly logHeight: boolean;
}

/** Samples f on a size × size grid that includes the edges. */
export function sampleGrid(f: CompiledExpression, domain: Domain, size: number): Grid {
  const values = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) values[j * size + i] = f.value(gridX(domain, size, i), gridY(domain, size, j));
  }
  return { size, values };
}

/** Estimates everything in Landscape; `gridSize` samples per axis (64 by default). */
export function describeLandscape(f: CompiledExpression, domain: Domain, gridSize: number, maxMinima: number): Landscape {
  const grid = sampleGrid(f, domain, gridSize);
  const finite = Array.from(grid.values).filter(Number.isFinite);
  const minima = finite.length === 0 ? [] : findMinima(f, domain, grid, maxMinima);
  const suggestedLr = Math.min(1e3, Math.max(1e-9, learningRate(f, domain)));
  return {
    nonFiniteFraction: 1 - finite.length / grid.values.length,
    minima,
    suggestedStart: startAwayFrom(f, domain, minima[0]),
    lrRange: [decadeBelow(suggestedLr / 50), decadeAbove(suggestedLr * 20)],
    suggestedLr,
    logHeight: heightDecades(finite) > LOG_HEIGHT_DECADES,
  };
}

/**
 * How many decades the loss spans above its minimum: log10 of (max − min) over
 * (10th percentile − min), on the 64² grid. Bowls stay below 2 (x² + 10y² on [-2, 2]²: 1.4;
 * Himmelblau on [-5, 5]²: 1.6); Rosenbrock on [-2, 2] × [-1, 3], whose valley floor is
 * far below its walls, spans 2.5.
 */
const LOG_HEIGHT_DECADES = 2;

export function heightDecades(finite: readonly number[]): number {
  if (finite.length < 2) return 0;
  const sorted = [...finite].sort((a, b) => a - b);
  const lowest = sorted[0];
  const top = sorted[sorted.length - 1] - lowest;
  const low = sorted[Math.floor(0.1 * (sorted.length - 1))] - lowest;
  if (!(top > 0)) return 0;
  return low > 0 ? Math.log10(top / low) : Infinity;
}

/**
 * A plain-SGD learning rate from curvature: 1 / L with L the 90th percentile, over a
 * 24 × 24 grid, of the Hessian's spectral radius (central differences of the exact
 * gradient). SGD is stable below 2 / L where the curvature is L; the percentile keeps
 * a few extreme corners from making the default uselessly small. Rounded down to 1, 2 or 5 × 10^k.
 */
export function learningRate(f: CompiledExpression, domain: Domain): number {
  const size = 24;
  const w = domain.x[1] - domain.x[0], h = domain.y[1] - domain.y[0];
  const hx = 1e-4 * w, hy = 1e-4 * h;
  const plus = new Float64Array(2), minus = new Float64Array(2);
  const radii: number[] = [];
  const slopes: number[] = [];
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = domain.x[0] + ((i + 0.5) * w) / size, y = domain.y[0] + ((j + 0.5) * h) / size;
      f.gradient(x + hx, y, plus);
      f.gradient(x - hx, y, minus);
      const hxx = (plus[0] - minus[0]) / (2 * hx), hyx = (plus[1] - minus[1]) / (2 * hx);
      f.gradient(x, y + hy, plus);
      f.gradient(x, y - hy, minus);
      const hxy = (plus[0] - minus[0]) / (2 * hy), hyy = (plus[1] - minus[1]) / (2 * hy);
      const off = (hxy + hyx) / 2, mean = (hxx + hyy) / 2;
      const radius = Math.abs(mean) + Math.hypot((hxx - hyy) / 2, off);
      if (Number.isFinite(radius)) radii.push(radius);
      f.gradient(x, y, plus);
      const slope = Math.hypot(plus[0], plus[1]);
      if (Number.isFinite(slope)) slopes.push(slope);
    }
  }
  const curvature = percentile(radii, 0.9);
  if (curvature > 1e-12) return niceBelow(1 / curvature);
  // Flat curvature (a plane or a constant): step about 1% of the domain per step at a typical slope.
  const slope = percentile(slopes, 0.5);
  return slope > 1e-12 ? niceBelow((0.01 * Math.hypot(w, h)) / slope) : 0.01;
}

/** Of eight points inset 15% from the domain's edges, the one farthest from `avoid` where f and ∇f are finite. */
function startAwayFrom(f: CompiledExpression, domain: Domain, avoid: Point | undefined): Point {
  const w = domain.x[1] - domain.x[0], h = domain.y[1] - domain.y[0];
  const target = avoid ?? [domain.x[0] + w / 2, domain.y[0] + h / 2];
  const fractions: readonly Point[] = [[0.15, 0.85], [0.85, 0.85], [0.15, 0.15], [0.85, 0.15], [0.5, 0.85], [0.15, 0.5], [0.85, 0.5], [0.5, 0.15]];
  const gradient = new Float64Array(2);
  let best: Point = [domain.x[0] + w / 2, domain.y[0] + h / 2];
  let bestDistance = -1;
  for (const [fx, fy] of fractions) {
    const x = domain.x[0] + fx * w, y = domain.y[0] + fy * h;
    const value = f.valueAndGradient(x, y, gradient);
    if (!Number.isFinite(value) || !Number.isFinite(gradient[0]) || !Number.isFinite(gradient[1])) continue;
    const distance = Math.hypot((x - target[0]) / w, (y - target[1]) / h);
    if (distance > bestDistance + 1e-9) {
      best = [Number(x.toPrecision(12)), Number(y.toPrecision(12))];
      bestDistance = distance;
    }
  }
  return best;
}

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))];
}

/** The largest of 1, 2, 5 × 10^k not above v. */
export function niceBelow(v: number): number {
  const exponent = Math.floor(Math.log10(v));
  const m = (v / Math.pow(10, exponent)) * (1 + 1e-9);
  return powerOfTen(m >= 5 ? 5 : m >= 2 ? 2 : 1, exponent);
}

/** m × 10^k without the rounding noise of m * Math.pow(10, k) (2 × 10^-4 stays 0.0002). */
const powerOfTen = (m: number, k: number): number => Number(`${m}e${k}`);
const decadeBelow = (v: number): number => powerOfTen(1, Math.floor(Math.log10(v) + 1e-9));
const decadeAbove = (v: number): number => powerOfTen(1, Math.ceil(Math.log10(v) - 1e-9));
