/**
 * Drawing the loss chart on a 2D canvas: axes, grid, one polyline per series
 * (decimated to min/max per pixel column so 100 000 steps draw as fast as 1 000),
 * and the playhead cursor on a separate overlay canvas.
 */
import { axisFraction, axisTicks, type Axis } from './chartScale.ts';
import { drawSeries } from './chartSeries.ts';
import type { ChartXAxis } from '../../state/setup.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';

export interface ChartSeries {
  readonly color: string;
  readonly values: ArrayLike<number>;
  readonly length: number;
  readonly style: 'solid' | 'dashed' | 'dotted';
  readonly axis: 'left' | 'right';
  /** The x of each point, non-decreasing (evaluations, epochs); absent: the point's index (steps). */
  readonly xs?: ArrayLike<number> | null;
  /** Subtracted from every value before plotting (L* on a log scale of L − L*). */
  readonly offset?: number;
  /** On a log axis, values at or below zero (after the offset) sit on the floor instead of lifting the pen. */
  readonly floorAtZero?: boolean;
  /**
   * Which generation of its (reused) buffer `values` holds. When given, the drawing
   * keeps the series' reduction and continues it at the next draw (points only arrive
   * at the end within a generation); when absent, every draw reduces from scratch.
   */
  readonly generation?: number;
}

export interface ChartModel {
  /** The largest x shown: the step count, or the most evaluations/epochs any run reaches. */
  readonly maxX: number;
  readonly xAxis: ChartXAxis;
  readonly xTitle: string;
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
  readonly maxX: number;
  readonly xAxis: ChartXAxis;
}

export const CHART_COLORS = {
  background: '#0f131a',
  grid: '#273042',
  axis: '#5b667a',
  text: '#c5cedb',
  cursor: '#ffffff',
} as const;

/**
 * Plot rectangle for a canvas of `width` × `height` CSS pixels with text of `fontSize` px.
 * The loss axis's title runs up its left side, or, when it is longer than the plot is tall
 * ("loss − L* (…)"), sits above the plot (`titleAbove`), never across the ticks.
 */
export function chartLayout(width: number, height: number, fontSize: number, maxX: number, hasRightAxis: boolean, xAxis: ChartXAxis = 'steps', titleAbove = false): ChartLayout {
  const left = Math.round(fontSize * (titleAbove ? 3.9 : 4.6));
  const right = hasRightAxis ? Math.round(fontSize * 4.6) : Math.round(fontSize);
  const top = Math.round(fontSize * (titleAbove ? 1.9 : 0.9));
  const bottom = Math.round(fontSize * 2.4);
  const plotWidth = Math.max(1, width - left - right);
  return { left, top, width: plotWidth, height: Math.max(1, height - top - bottom), maxX: maxX > 0 && Number.isFinite(maxX) ? maxX : 1, xAxis };
}

/** The canvas x (CSS pixels) of the axis value `x`. */
export function xPixel(layout: ChartLayout, x: number): number {
  return layout.left + (x / layout.maxX) * layout.width;
}

/** Draw axes and series. `ctx` is already scaled to CSS pixels. */
export function drawChart(ctx: CanvasRenderingContext2D, width: number, height: number, fontSize: number, model: ChartModel): ChartLayout {
  ctx.font = `${fontSize}px system-ui, sans-serif`;
  const titleAbove = ctx.measureText(model.leftTitle).width > chartLayout(width, height, fontSize, model.maxX, model.right !== null).height - fontSize;
  const layout = chartLayout(width, height, fontSize, model.maxX, model.right !== null, model.xAxis, titleAbove);
  const { left, top, width: plotWidth, height: plotHeight } = layout;
  ctx.clearRect(0, 0, width, height);
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

  // Bottom ticks: whole steps, or round counts of evaluations or epochs.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const wholeSteps = layout.xAxis === 'steps';
  const xTicks = axisTicks({ log: false, min: 0, max: layout.maxX }, Math.max(2, Math.floor(plotWidth / (fontSize * 6))));
  for (const tick of xTicks) {
    if (tick < 0 || tick > layout.maxX || (wholeSteps && !Number.isInteger(tick))) continue;
    const x = xPixel(layout, tick);
    ctx.strokeStyle = CHART_COLORS.grid;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, top);
    ctx.lineTo(Math.round(x) + 0.5, top + plotHeight);
    ctx.stroke();
    // Centred under its grid line, but never past the canvas's edge (the last count sits at the plot's right edge).
    const label = wholeSteps ? formatInteger(tick) : formatNumber(tick, 3);
    const half = ctx.measureText(label).width / 2;
    ctx.fillText(label, Math.min(Math.max(x, half), width - half), top + plotHeight + fontSize * 0.35);
  }
  ctx.fillText(model.xTitle, left + plotWidth / 2, top + plotHeight + fontSize * 1.35);

  // The loss axis's title: rotated beside the ticks, or above the plot (shrunk to fit beside the rotated learning-rate title).
  ctx.save();
  ctx.textBaseline = 'middle';
  if (titleAbove) {
    const room = width - fontSize * 0.6 - (model.right ? fontSize * 2 : 0);
    const titleWidth = ctx.measureText(model.leftTitle).width;
    if (titleWidth > room) ctx.font = `${Math.max(8, (fontSize * room) / titleWidth)}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    ctx.fillText(model.leftTitle, fontSize * 0.3, top / 2);
  } else {
    ctx.translate(fontSize * 0.9, top + plotHeight / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(model.leftTitle, 0, 0);
  }
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

export interface CursorPoint {
  readonly color: string;
  /** Where the run is at the playhead's step, on the chart's x axis (its step, evaluations or epochs). */
  readonly x: number;
  /** The plotted value there (after any offset). */
  readonly value: number;
}

/**
 * The playhead: a dot on each run's curve at the playhead's step and, when the x axis
 * counts steps (the same x for every run), a vertical line through them.
 */
export function drawCursor(ctx: CanvasRenderingContext2D, width: number, height: number, layout: ChartLayout, axis: Axis, step: number, points: readonly CursorPoint[]): void {
  ctx.clearRect(0, 0, width, height);
  if (!Number.isFinite(step)) return;
  if (layout.xAxis === 'steps') {
    const x = xPixel(layout, Math.min(step, layout.maxX));
    ctx.strokeStyle = CHART_COLORS.cursor;
    ctx.globalAlpha = 0.7;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, layout.top);
    ctx.lineTo(Math.round(x) + 0.5, layout.top + layout.height);
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  for (const point of points) {
    const fraction = axisFraction(axis, point.value);
    if (Number.isNaN(fraction) || fraction < 0 || fraction > 1 || !(point.x >= 0 && point.x <= layout.maxX)) continue;
    const x = xPixel(layout, point.x);
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
