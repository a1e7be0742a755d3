/**
 * How a loss becomes a height (and a colour): t ∈ [0, 1] over the field's range,
 * linear or through log(1 + loss − min) so that surfaces spanning orders of
 * magnitude (Rosenbrock, Goldstein-Price, Beale) still show their valleys.
 * Surface, paths, ticks and legend all go through the same mapping.
 */
import type { Domain } from '../../core/types.ts';

export interface HeightMapping {
  readonly min: number;
  readonly max: number;
  readonly log: boolean;
  /** Loss → t ∈ [0, 1], clamped; NaN and +∞ map to 1 (the top), −∞ to 0. */
  toT(loss: number): number;
  /** t → loss (inverse of toT on [0, 1]). */
  fromT(t: number): number;
}

/** Build the mapping for a field whose finite values lie in [min, max]. */
export function createHeightMapping(min: number, max: number, log: boolean): HeightMapping {
  const lo = Number.isFinite(min) ? min : 0;
  const hi = Number.isFinite(max) && max > lo ? max : lo + 1;
  const span = hi - lo;
  const logSpan = Math.log1p(span);
  const clamp = (t: number): number => (t > 0 ? (t < 1 ? t : 1) : 0);
  const toT = log
    ? (loss: number) => (Number.isNaN(loss) ? 1 : clamp(Math.log1p(Math.max(0, loss - lo)) / logSpan))
    : (loss: number) => (Number.isNaN(loss) ? 1 : clamp((loss - lo) / span));
  const fromT = log ? (t: number) => lo + Math.expm1(clamp(t) * logSpan) : (t: number) => lo + clamp(t) * span;
  return { min: lo, max: hi, log, toT, fromT };
}

/** Min and max of the finite entries (the worker sends them, but a bad field must not poison the view). */
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max && v !== Infinity) max = v;
  }
  if (!Number.isFinite(min)) min = 0;
  if (!Number.isFinite(max) || max < min) max = min;
  return { min, max };
}

/**
 * Whether "auto" log height should be on for a field we know nothing else about
 * (custom surfaces): the median sits in the bottom 2% of the range, i.e. the
 * range is dominated by a few huge values.
 */
export function fieldWantsLog(values: Float32Array, min: number, max: number): boolean {
  if (!(max > min)) return false;
  const sample: number[] = [];
  const stride = Math.max(1, Math.floor(values.length / 2048));
  for (let i = 0; i < values.length; i += stride) if (Number.isFinite(values[i])) sample.push(values[i]);
  if (sample.length === 0) return false;
  sample.sort((a, b) => a - b);
  const median = sample[sample.length >> 1];
  return (median - min) / (max - min) < 0.02;
}

/**
 * Where the parameter plane sits in the world: w₁ along +X, w₂ along −Z (so w₂
 * grows "away" from the default camera and upward in the top view), loss along +Y.
 * The longer side of the domain spans 2 world units; heights span 0.6 of that.
 */
export interface WorldFrame {
  readonly domain: Domain;
  /** World units per parameter unit. */
  readonly scale: number;
  readonly halfWidth: number;
  readonly halfDepth: number;
  /** World height of t = 1. */
  readonly height: number;
  toWorldX(x: number): number;
  toWorldZ(y: number): number;
  fromWorldX(worldX: number): number;
  fromWorldZ(worldZ: number): number;
}

export const WORLD_SIZE = 2;
export const HEIGHT_RATIO = 0.6;

export function createWorldFrame(domain: Domain): WorldFrame {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const width = Math.max(x1 - x0, 1e-12);
  const depth = Math.max(y1 - y0, 1e-12);
  const scale = WORLD_SIZE / Math.max(width, depth);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return {
    domain,
    scale,
    halfWidth: (width * scale) / 2,
    halfDepth: (depth * scale) / 2,
    height: HEIGHT_RATIO * WORLD_SIZE,
    toWorldX: (x) => (x - cx) * scale,
    toWorldZ: (y) => -(y - cy) * scale,
    fromWorldX: (wx) => cx + wx / scale,
    fromWorldZ: (wz) => cy - wz / scale,
  };
}

/** Clamp a point of the plane into the domain box (far-away points of diverging runs are drawn at the edge). */
export function clampToDomain(x: number, y: number, domain: Domain, out: Float64Array | number[]): void {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  out[0] = Number.isNaN(x) ? (x0 + x1) / 2 : x < x0 ? x0 : x > x1 ? x1 : x;
  out[1] = Number.isNaN(y) ? (y0 + y1) / 2 : y < y0 ? y0 : y > y1 ? y1 : y;
}

/**
 * Evenly spaced ticks in t (so log height gets log-spaced values), each rounded
 * to two significant digits and placed back where its rounded value maps.
 */
export function mappedTicks(mapping: HeightMapping, count: number): { value: number; t: number }[] {
  const ticks: { value: number; t: number }[] = [];
  for (let i = 0; i < count; i++) {
    const raw = mapping.fromT(i / (count - 1));
    // A bottom value that is zero but for rounding noise (7.4e−5 on a range of 14) reads better as 0.
    const bottom = Math.abs(mapping.min) < 1e-3 * (mapping.max - mapping.min) ? 0 : roundNice(mapping.min);
    const value = i === 0 ? bottom : roundNice(raw);
    const t = mapping.toT(value);
    const previous = ticks[ticks.length - 1];
    if (previous && (value === previous.value || t - previous.t < 0.06)) continue;
    ticks.push({ value, t });
  }
  return ticks;
}

/** Round to two significant digits (0.000123 → 0.00012, 1234 → 1200). */
export function roundNice(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return Number.isFinite(value) ? value : 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / magnitude) * magnitude;
}
