/**
 * Axes of the loss chart: value ranges, log/linear mapping and tick positions.
 * Pure, so the arithmetic can be tested without a canvas.
 */
import { niceTicks } from '../../view/ticks.ts';

export interface Axis {
  readonly log: boolean;
  /** Data range (log axes: positive values). */
  readonly min: number;
  readonly max: number;
}

/** A closed range of finite values seen in some series; null when none. */
export interface Extent {
  min: number;
  max: number;
}

/**
 * Widen `extent` by the finite (and, for log axes, positive) values of
 * `values[from … length)` minus `offset` that do not exceed `cap` (a diverging run's last
 * values are left out so they cannot squash every other line; they leave the plot at the top).
 */
export function extendExtent(extent: Extent | null, values: ArrayLike<number>, length: number, log: boolean, cap = Infinity, offset = 0, from = 0): Extent | null {
  let min = extent?.min ?? Infinity;
  let max = extent?.max ?? -Infinity;
  for (let i = from; i < length; i++) {
    const value = values[i] - offset;
    if (!Number.isFinite(value) || (log && value <= 0) || value > cap) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? { min, max } : extent;
}

/** Most decades a log axis spans: below that, a converged run's last crumbs of loss sit on the floor. */
export const MAX_DECADES = 20;

/** An axis around the extent: whole decades for log axes (at most MAX_DECADES), 5 % padding for linear ones. */
export function axisFor(extent: Extent | null, log: boolean): Axis {
  if (!extent) return log ? { log, min: 1e-3, max: 1 } : { log, min: 0, max: 1 };
  if (log) {
    const top = Math.ceil(Math.log10(extent.max));
    const bottom = Math.max(Math.floor(Math.log10(extent.min)), top - MAX_DECADES);
    return { log, min: 10 ** bottom, max: 10 ** Math.max(top, bottom + 1) };
  }
  const span = extent.max - extent.min || Math.abs(extent.max) || 1;
  return { log, min: extent.min - span * 0.05, max: extent.max + span * 0.05 };
}

/** Position of `value` on the axis as a fraction 0 (min) … 1 (max); NaN when it cannot be shown. */
export function axisFraction(axis: Axis, value: number): number {
  return axisMapper(axis)(value);
}

/** `axisFraction` for one axis, with its logarithms taken once (a series maps thousands of values). */
export function axisMapper(axis: Axis): (value: number) => number {
  if (axis.log) {
    const low = Math.log10(axis.min);
    const span = Math.log10(axis.max) - low;
    return (value) => (Number.isFinite(value) && value > 0 ? (Math.log10(value) - low) / span : Number.NaN);
  }
  const { min } = axis;
  const span = axis.max - min;
  return (value) => (Number.isFinite(value) ? (value - min) / span : Number.NaN);
}

/** Tick values: every decade (thinned to at most `maxTicks`) on log axes, round steps on linear ones. */
export function axisTicks(axis: Axis, maxTicks = 6): number[] {
  if (axis.log) {
    const low = Math.round(Math.log10(axis.min));
    const high = Math.round(Math.log10(axis.max));
    const stride = Math.max(1, Math.ceil((high - low) / maxTicks));
    const ticks: number[] = [];
    for (let exponent = low; exponent <= high; exponent += stride) ticks.push(10 ** exponent);
    return ticks;
  }
  return niceTicks(axis.min, axis.max, maxTicks);
}
