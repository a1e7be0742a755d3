/**
 * One series of the loss chart as a polyline, decimated per pixel column on the raw
 * values (first, extremes, last), so 100,000 steps draw as fast as 1,000.
 */
import { axisMapper, type Axis } from './chartScale.ts';
import { firstIndexAtLeast } from './chartAxes.ts';
import type { ChartLayout, ChartSeries } from './chartDraw.ts';

function dashFor(style: ChartSeries['style'], scale: number): number[] {
  if (style === 'dashed') return [6 * scale, 4 * scale];
  if (style === 'dotted') return [1.5 * scale, 3 * scale];
  return [];
}

/**
 * One polyline, reduced to first/min/max/last per pixel column. The reduction runs on
 * the raw values (the axis mapping is monotonic), so only a few values per column are
 * mapped to pixels: 16 runs × 100,000 steps cost a pass over the numbers, not 1.6 M logs.
 */
export function drawSeries(ctx: CanvasRenderingContext2D, layout: ChartLayout, axis: Axis, series: ChartSeries): void {
  const { left, top, width, height, maxX } = layout;
  ctx.strokeStyle = series.color;
  ctx.lineWidth = series.style === 'solid' ? 2 : 1.5;
  ctx.setLineDash(dashFor(series.style, 1));
  ctx.lineJoin = 'round';
  ctx.beginPath();
  // Off-scale values are pinned just outside the plot so the line leaves it visibly.
  const fraction = axisMapper(axis);
  const yOf = (value: number) => top + height * (1 - Math.max(-0.05, Math.min(1.05, fraction(value))));
  const values = series.values;
  const xs = series.xs ?? null;
  const offset = series.offset ?? 0;
  const log = axis.log;
  const floor = log && series.floorAtZero === true;
  let penDown = false;
  let column = Number.NaN;
  let first = 0;
  let lowest = 0;
  let highest = 0;
  let last = 0;
  // The column's vertical span from its first value, ending at its last: one segment when
  // the column is monotone (the usual case), none when it holds one value.
  const flush = () => {
    if (Number.isNaN(column) || lowest === highest) return;
    if (last === lowest) {
      if (highest !== first) ctx.lineTo(column, yOf(highest));
      ctx.lineTo(column, yOf(lowest));
    } else if (last === highest) {
      if (lowest !== first) ctx.lineTo(column, yOf(lowest));
      ctx.lineTo(column, yOf(highest));
    } else {
      ctx.lineTo(column, yOf(highest));
      ctx.lineTo(column, yOf(lowest));
      ctx.lineTo(column, yOf(last));
    }
  };
  // Steps past the axis are clipped; evaluations and epochs end where the run does.
  const count = xs ? series.length : Math.min(series.length, Math.floor(maxX) + 1);
  const xOf = (index: number) => Math.round(left + ((xs ? xs[index] : index) / maxX) * width);
  // The first index after `index` that lands in another column than x (xOf is non-decreasing).
  const nextColumnAt = (index: number, x: number): number => {
    let next = firstIndexAtLeast(xs, index + 1, count, ((x + 0.5 - left) / width) * maxX);
    while (next > index + 1 && xOf(next - 1) !== x) next--;
    while (next < count && xOf(next) === x) next++;
    return next;
  };
  let columnEnd = 0;
  for (let step = 0; step < count; step++) {
    let value = values[step] - offset;
    // At or below L*: on the floor of the axis.
    if (floor && value <= 0) value = axis.min;
    // What the axis cannot show (non-finite, or ≤ 0 on a log axis) lifts the pen.
    if (!Number.isFinite(value) || (log && value <= 0)) {
      flush();
      column = Number.NaN;
      penDown = false;
      continue;
    }
    if (penDown && step < columnEnd) {
      if (value < lowest) lowest = value;
      if (value > highest) highest = value;
      last = value;
      continue;
    }
    const x = xOf(step);
    columnEnd = nextColumnAt(step, x);
    if (!penDown) {
      ctx.moveTo(x, yOf(value));
      penDown = true;
      column = x;
      first = lowest = highest = last = value;
      continue;
    }
    if (x !== column) {
      flush();
      column = x;
      first = lowest = highest = last = value;
      ctx.lineTo(x, yOf(value));
    } else {
      if (value < lowest) lowest = value;
      if (value > highest) highest = value;
      last = value;
    }
  }
  flush();
  ctx.stroke();
  ctx.setLineDash([]);
}
