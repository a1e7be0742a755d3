/**
 * Drawing the loss chart on a 2D canvas: axes, grid, one polyline per series
 * (decimated to min/max per pixel column so 100 000 steps draw as fast as 1 000),
 * and the playhead cursor on a separate overlay canvas.
 */
import { axisFraction, axisTicks, type Axis } from './chartScale.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';

export interface ChartSeries {
  readonly color: string;
  readonly values: ArrayLike<number>;
  readonly length: number;
  readonly style: 'solid' | 'dashed' | 'dotted';
  readonly axis: 'left' | 'right';
}

export interface ChartModel {
  readonly maxStep: number;
  readonly left: Axis;
  /** Learning-rate axis, when that series is on. */
  readonly right: Axis | null;
  readonly series: readonly ChartSeries[];
  readonly leftTitle: string;
  readonly rightTitle: string;
}

/** Where the plot sits inside the canvas (CSS pixels); kept for the cursor and for hovering. */
export interface ChartLayout {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly maxStep: number;
}

export const CHART_COLORS = {
  background: '#0f131a',
  grid: '#273042',
  axis: '#5b667a',
  text: '#c5cedb',
  cursor: '#ffffff',
} as const;

function dashFor(style: ChartSeries['style'], scale: number): number[] {
  if (style === 'dashed') return [6 * scale, 4 * scale];
  if (style === 'dotted') return [1.5 * scale, 3 * scale];
  return [];
}

/** Plot rectangle for a canvas of `width` × `height` CSS pixels with text of `fontSize` px. */
export function chartLayout(width: number, height: number, fontSize: number, maxStep: number, hasRightAxis: boolean): ChartLayout {
  const left = Math.round(fontSize * 4.6);
  const right = hasRightAxis ? Math.round(fontSize * 4.6) : Math.round(fontSize);
  const top = Math.round(fontSize * 0.9);
  const bottom = Math.round(fontSize * 2.4);
  return { left, top, width: Math.max(1, width - left - right), height: Math.max(1, height - top - bottom), maxStep: Math.max(1, maxStep) };
}

/** Draw axes and series. `ctx` is already scaled to CSS pixels. */
export function drawChart(ctx: CanvasRenderingContext2D, width: number, height: number, fontSize: number, model: ChartModel): ChartLayout {
  const layout = chartLayout(width, height, fontSize, model.maxStep, model.right !== null);
  const { left, top, width: plotWidth, height: plotHeight } = layout;
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${fontSize}px system-ui, sans-serif`;
  ctx.lineWidth = 1;

  // Grid and left ticks.
  ctx.fillStyle = CHART_COLORS.text;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  for (const tick of axisTicks(model.left, Math.max(2, Math.floor(plotHeight / (fontSize * 2.2))))) {
    const y = top + plotHeight * (1 - axisFraction(model.left, tick));
    if (!(y >= top - 0.5 && y <= top + plotHeight + 0.5)) continue;
    ctx.strokeStyle = CHART_COLORS.grid;
    ctx.beginPath();
    ctx.moveTo(left, Math.round(y) + 0.5);
    ctx.lineTo(left + plotWidth, Math.round(y) + 0.5);
    ctx.stroke();
    ctx.fillText(formatNumber(tick, 2), left - fontSize * 0.4, y);
  }
  if (model.right) {
    ctx.textAlign = 'left';
    for (const tick of axisTicks(model.right, Math.max(2, Math.floor(plotHeight / (fontSize * 2.2))))) {
      const y = top + plotHeight * (1 - axisFraction(model.right, tick));
      if (!(y >= top - 0.5 && y <= top + plotHeight + 0.5)) continue;
      ctx.fillText(formatNumber(tick, 2), left + plotWidth + fontSize * 0.4, y);
    }
  }

  // Bottom ticks (steps).
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const stepTicks = axisTicks({ log: false, min: 0, max: layout.maxStep }, Math.max(2, Math.floor(plotWidth / (fontSize * 6))));
  for (const tick of stepTicks) {
    if (tick < 0 || tick > layout.maxStep || !Number.isInteger(tick)) continue;
    const x = left + (tick / layout.maxStep) * plotWidth;
    ctx.strokeStyle = CHART_COLORS.grid;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, top);
    ctx.lineTo(Math.round(x) + 0.5, top + plotHeight);
    ctx.stroke();
    ctx.fillText(formatInteger(tick), x, top + plotHeight + fontSize * 0.35);
  }
  ctx.fillText('step', left + plotWidth / 2, top + plotHeight + fontSize * 1.35);

  // Axis titles, rotated.
  ctx.save();
  ctx.translate(fontSize * 0.9, top + plotHeight / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(model.leftTitle, 0, 0);
  ctx.restore();
  if (model.right) {
    ctx.save();
    ctx.translate(width - fontSize * 0.9, top + plotHeight / 2);
    ctx.rotate(Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(model.rightTitle, 0, 0);
    ctx.restore();
  }

  ctx.strokeStyle = CHART_COLORS.axis;
  ctx.strokeRect(left + 0.5, top + 0.5, plotWidth - 1, plotHeight - 1);

  // Series, clipped to the plot.
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, plotWidth, plotHeight);
  ctx.clip();
  for (const series of model.series) {
    const axis = series.axis === 'right' && model.right ? model.right : model.left;
    drawSeries(ctx, layout, axis, series);
  }
  ctx.restore();
  return layout;
}

/**
 * One polyline, reduced to first/min/max/last per pixel column. The reduction runs on
 * the raw values (the axis mapping is monotonic), so only a few values per column are
 * mapped to pixels: 16 runs × 100,000 steps cost a pass over the numbers, not 1.6 M logs.
 */
function drawSeries(ctx: CanvasRenderingContext2D, layout: ChartLayout, axis: Axis, series: ChartSeries): void {
  const { left, top, width, height, maxStep } = layout;
  ctx.strokeStyle = series.color;
  ctx.lineWidth = series.style === 'solid' ? 2 : 1.5;
  ctx.setLineDash(dashFor(series.style, 1));
  ctx.lineJoin = 'round';
  ctx.beginPath();
  // Off-scale values are pinned just outside the plot so the line leaves it visibly.
  const yOf = (value: number) => top + height * (1 - Math.max(-0.05, Math.min(1.05, axisFraction(axis, value))));
  const values = series.values;
  const log = axis.log;
  let penDown = false;
  let column = Number.NaN;
  let lowest = 0;
  let highest = 0;
  let last = 0;
  const flush = () => {
    if (Number.isNaN(column)) return;
    ctx.lineTo(column, yOf(highest));
    ctx.lineTo(column, yOf(lowest));
    ctx.lineTo(column, yOf(last));
  };
  const count = Math.min(series.length, maxStep + 1);
  const xOf = (step: number) => Math.round(left + (step / maxStep) * width);
  // The first step after `step` that lands in another column than x (xOf is non-decreasing).
  const nextColumnAt = (step: number, x: number): number => {
    let next = Math.max(step + 1, Math.ceil(((x + 0.5 - left) / width) * maxStep) - 1);
    while (next > step + 1 && xOf(next - 1) !== x) next--;
    while (next < count && xOf(next) === x) next++;
    return next;
  };
  let columnEnd = 0;
  for (let step = 0; step < count; step++) {
    const value = values[step];
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
      lowest = highest = last = value;
      continue;
    }
    if (x !== column) {
      flush();
      column = x;
      lowest = highest = last = value;
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

export interface CursorPoint {
  readonly color: string;
  readonly value: number;
}

/** The playhead: a vertical line at `step` and a dot on each run's loss there. */
export function drawCursor(ctx: CanvasRenderingContext2D, width: number, height: number, layout: ChartLayout, axis: Axis, step: number, points: readonly CursorPoint[]): void {
  ctx.clearRect(0, 0, width, height);
  if (!Number.isFinite(step)) return;
  const x = layout.left + (Math.min(step, layout.maxStep) / layout.maxStep) * layout.width;
  ctx.strokeStyle = CHART_COLORS.cursor;
  ctx.globalAlpha = 0.7;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(Math.round(x) + 0.5, layout.top);
  ctx.lineTo(Math.round(x) + 0.5, layout.top + layout.height);
  ctx.stroke();
  ctx.globalAlpha = 1;
  for (const point of points) {
    const fraction = axisFraction(axis, point.value);
    if (Number.isNaN(fraction) || fraction < 0 || fraction > 1) continue;
    const y = layout.top + layout.height * (1 - fraction);
    ctx.fillStyle = point.color;
    ctx.strokeStyle = CHART_COLORS.background;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, 4.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}
