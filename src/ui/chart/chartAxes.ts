/**
 * What the loss chart plots, decided from the data: which loss scale it can honestly
 * use, and what its x axis counts. Pure, so the rules can be tested without a canvas.
 *
 * A log scale plots L − L*, L* being the lowest known minimum of the run's surface (for a
 * typed-in function, the lowest minimum its analysis found): linear convergence reads as
 * a straight line on every surface, including those whose loss goes below zero. Without
 * an L* for every run, it plots the loss itself, which a log scale can show only while it
 * stays above zero; otherwise the chart is linear and says why (it never claims a scale
 * it is not using).
 */
import type { ChartXAxis } from '../../state/setup.ts';

export interface LossScale {
  /** True when the left axis is logarithmic. */
  readonly log: boolean;
  /** Per run, what is subtracted from its loss before plotting (L*, or 0). */
  readonly offsets: readonly number[];
  /** True when values at or below zero (a run at L*) sit on the axis floor instead of leaving it. */
  readonly floorAtZero: boolean;
  /** The left axis title. */
  readonly title: string;
  /** Why a log scale that was asked for is not used, or null. */
  readonly why: string | null;
}

/**
 * The loss scale for runs whose surfaces' lowest known losses are `lowest` (null where none
 * is known), given whether a log scale is wanted and whether any loss shown is ≤ 0.
 * `found`: some L* comes from analysing a typed-in function, not from a known minimum.
 */
export function lossScale(wantLog: boolean, lowest: readonly (number | null)[], anyNonPositive: boolean, found = false): LossScale {
  const zeros = lowest.map(() => 0);
  if (!wantLog) return { log: false, offsets: zeros, floorAtZero: false, title: 'loss', why: null };
  if (lowest.length > 0 && lowest.every((value) => value !== null && Number.isFinite(value))) {
    const offsets = lowest as readonly number[];
    const subtract = offsets.some((value) => value !== 0);
    const title = subtract ? `loss − L* (L* = ${found ? 'lowest minimum found' : 'lowest known minimum'})` : 'loss';
    return { log: true, offsets: subtract ? offsets : zeros, floorAtZero: true, title, why: null };
  }
  if (!anyNonPositive) return { log: true, offsets: zeros, floorAtZero: false, title: 'loss', why: null };
  return { log: false, offsets: zeros, floorAtZero: false, title: 'loss', why: 'the loss goes below zero and no minimum is known to measure from' };
}

/** The x axis title. */
export function xAxisTitle(axis: ChartXAxis): string {
  switch (axis) {
    case 'steps':
      return 'step';
    case 'gradients':
      return 'gradient evaluations (full-data units)';
    case 'epochs':
      return 'epochs (examples seen ÷ N)';
  }
}

/** The short name of an x value in readouts: "step 12", "3.5 gradients", "2 epochs". */
export function xUnit(axis: ChartXAxis): string {
  return axis === 'steps' ? 'step' : axis === 'gradients' ? 'gradient evaluations' : 'epochs';
}

/** The largest x any run reaches; steps always span the setup's steps. At least 1, so the axis has a width. */
export function xAxisMax(axis: ChartXAxis, steps: number, series: readonly { readonly xs: ArrayLike<number> | null; readonly length: number }[]): number {
  if (axis === 'steps') return Math.max(1, steps);
  let max = 0;
  for (const { xs, length } of series) {
    if (xs && length > 0 && Number.isFinite(xs[length - 1])) max = Math.max(max, xs[length - 1]);
  }
  return max > 0 ? max : 1;
}

/** The last index in [0, length) whose x is at most `value` (x non-decreasing; null xs = the index), or −1. */
export function indexAtX(xs: ArrayLike<number> | null, length: number, value: number): number {
  if (length === 0 || !(value >= (xs ? xs[0] : 0))) return -1;
  if (!xs) return Math.min(length - 1, Math.floor(value));
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (xs[middle] <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The first index in [from, to) whose x is at least `value` (x non-decreasing), or `to`. */
export function firstIndexAtLeast(xs: ArrayLike<number> | null, from: number, to: number, value: number): number {
  if (!xs) return Math.min(to, Math.max(from, Math.ceil(value)));
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (xs[middle] >= value) high = middle;
    else low = middle + 1;
  }
  return low;
}
