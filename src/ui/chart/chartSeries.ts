/**
 * One series of the loss chart as a polyline, decimated per pixel column on the raw
 * values (first, extremes, last), so 100,000 steps draw as fast as 1,000. A series that
 * says which generation of its buffer it shows is reduced incrementally: while a run
 * streams in, each redraw reduces only the points that arrived since the last one.
 */
import { axisMapper, type Axis } from './chartScale.ts';
import { firstIndexAtLeast } from './chartAxes.ts';
import type { ChartLayout, ChartSeries } from './chartDraw.ts';

function dashFor(style: ChartSeries['style'], scale: number): number[] {
  if (style === 'dashed') return [6 * scale, 4 * scale];
  if (style === 'dotted') return [1.5 * scale, 3 * scale];
  return [];
}

const MOVE = 0;
const LINE = 1;

/**
 * The reduction of a series' first `processed` points to pen moves and lines in
 * (pixel column, raw value), plus the column still open (its ops are written when
 * it closes; a draw adds them without closing it).
 */
interface Reduction {
  readonly key: string;
  readonly xs: ArrayLike<number> | null;
  ops: Float64Array;
  opCount: number;
  processed: number;
  penDown: boolean;
  column: number;
  columnEnd: number;
  first: number;
  lowest: number;
  highest: number;
  last: number;
}

/** Reductions of the series drawn last, by their value buffer (results reuse a run's buffers). */
const reductions = new WeakMap<object, Reduction>();

function emptyReduction(key: string, xs: ArrayLike<number> | null): Reduction {
  return { key, xs, ops: new Float64Array(3 * 256), opCount: 0, processed: 0, penDown: false, column: Number.NaN, columnEnd: 0, first: 0, lowest: 0, highest: 0, last: 0 };
}

function push(reduction: Reduction, kind: number, x: number, value: number): void {
  if ((reduction.opCount + 1) * 3 > reduction.ops.length) {
    const grown = new Float64Array(reduction.ops.length * 2);
    grown.set(reduction.ops);
    reduction.ops = grown;
  }
  const o = reduction.opCount * 3;
  reduction.ops[o] = kind;
  reduction.ops[o + 1] = x;
  reduction.ops[o + 2] = value;
  reduction.opCount++;
}

/**
 * The open column's vertical span from its first value, ending at its last: one segment
 * when the column is monotone (the usual case), none when it holds one value.
 */
function closeColumn(r: Reduction, line: (x: number, value: number) => void): void {
  const { column, first, lowest, highest, last } = r;
  if (Number.isNaN(column) || lowest === highest) return;
  if (last === lowest) {
    if (highest !== first) line(column, highest);
    line(column, lowest);
  } else if (last === highest) {
    if (lowest !== first) line(column, lowest);
    line(column, highest);
  } else {
    line(column, highest);
    line(column, lowest);
    line(column, last);
  }
}

/** Reduce points [r.processed, count) of the series into `r`. */
function reduce(r: Reduction, layout: ChartLayout, axis: Axis, series: ChartSeries, count: number): void {
  const { left, width, maxX } = layout;
  const values = series.values;
  const xs = r.xs;
  const offset = series.offset ?? 0;
  const log = axis.log;
  const floor = log && series.floorAtZero === true;
  const line = (x: number, value: number) => push(r, LINE, x, value);
  const xOf = (index: number) => Math.round(left + ((xs ? xs[index] : index) / maxX) * width);
  // The first index after `index` that lands in another column than x (xOf is non-decreasing).
  const nextColumnAt = (index: number, x: number): number => {
    let next = firstIndexAtLeast(xs, index + 1, count, ((x + 0.5 - left) / width) * maxX);
    while (next > index + 1 && xOf(next - 1) !== x) next--;
    while (next < count && xOf(next) === x) next++;
    return next;
  };
  for (let step = r.processed; step < count; step++) {
    let value = values[step] - offset;
    // At or below L*: on the floor of the axis.
    if (floor && value <= 0) value = axis.min;
    // What the axis cannot show (non-finite, or ≤ 0 on a log axis) lifts the pen.
    if (!Number.isFinite(value) || (log && value <= 0)) {
      closeColumn(r, line);
      r.column = Number.NaN;
      r.penDown = false;
      continue;
    }
    if (r.penDown && step < r.columnEnd) {
      if (value < r.lowest) r.lowest = value;
      if (value > r.highest) r.highest = value;
      r.last = value;
      continue;
    }
    const x = xOf(step);
    r.columnEnd = nextColumnAt(step, x);
    if (!r.penDown) {
      push(r, MOVE, x, value);
      r.penDown = true;
      r.column = x;
      r.first = r.lowest = r.highest = r.last = value;
      continue;
    }
    if (x !== r.column) {
      closeColumn(r, line);
      r.column = x;
      r.first = r.lowest = r.highest = r.last = value;
      line(x, value);
    } else {
      if (value < r.lowest) r.lowest = value;
      if (value > r.highest) r.highest = value;
      r.last = value;
    }
  }
  r.processed = Math.max(r.processed, count);
}

/**
 * The reduction of `series` up to `count` points: continued from the last draw when the
 * series names its buffer's generation and nothing that shapes the columns changed.
 */
function reductionFor(layout: ChartLayout, axis: Axis, series: ChartSeries, count: number): Reduction {
  const xs = series.xs ?? null;
  const floor = axis.log && series.floorAtZero === true;
  if (series.generation === undefined) {
    const fresh = emptyReduction('', xs);
    reduce(fresh, layout, axis, series, count);
    return fresh;
  }
  const key = `${series.generation}|${layout.left}|${layout.width}|${layout.maxX}|${series.offset ?? 0}|${axis.log}|${floor ? axis.min : ''}`;
  let reduction = reductions.get(series.values as object);
  if (!reduction || reduction.key !== key || reduction.xs !== xs || count < reduction.processed) {
    reduction = emptyReduction(key, xs);
    reductions.set(series.values as object, reduction);
  }
  reduce(reduction, layout, axis, series, count);
  return reduction;
}

/**
 * One polyline, reduced to first/min/max/last per pixel column. The reduction runs on
 * the raw values (the axis mapping is monotonic), so only a few values per column are
 * mapped to pixels: 16 runs × 100,000 steps cost a pass over the numbers, not 1.6 M logs,
 * and a redraw while they stream in costs only the points that are new.
 */
export function drawSeries(ctx: CanvasRenderingContext2D, layout: ChartLayout, axis: Axis, series: ChartSeries): void {
  const { top, height, maxX } = layout;
  ctx.strokeStyle = series.color;
  ctx.lineWidth = series.style === 'solid' ? 2 : 1.5;
  ctx.setLineDash(dashFor(series.style, 1));
  // Bevel joins: a decimated series turns sharply in every pixel column, and round joins made
  // Chromium's rasterisation of 16 such series 1.4–2× slower (the canvas's end-of-task raster was
  // 50–80 ms per redraw under 16 × 100,000 steps); at these widths the joins look the same.
  ctx.lineJoin = 'bevel';
  ctx.beginPath();
  // Off-scale values are pinned just outside the plot so the line leaves it visibly.
  const fraction = axisMapper(axis);
  const yOf = (value: number) => top + height * (1 - Math.max(-0.05, Math.min(1.05, fraction(value))));
  // Steps past the axis are clipped; evaluations and epochs end where the run does.
  const count = series.xs ? series.length : Math.min(series.length, Math.floor(maxX) + 1);
  const reduction = reductionFor(layout, axis, series, count);
  const { ops, opCount } = reduction;
  for (let i = 0; i < opCount; i++) {
    const o = i * 3;
    if (ops[o] === MOVE) ctx.moveTo(ops[o + 1], yOf(ops[o + 2]));
    else ctx.lineTo(ops[o + 1], yOf(ops[o + 2]));
  }
  closeColumn(reduction, (x, value) => ctx.lineTo(x, yOf(value)));
  ctx.stroke();
  ctx.setLineDash([]);
}
