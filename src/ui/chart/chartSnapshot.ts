/**
 * The loss chart as a recording sees it: LossChart publishes its plot canvas and
 * layout after each draw, and a recording draws them, with the playhead's cursor
 * at the frame's step, beside the landscape. No React, no rAF: one frame at a time.
 */
import { CHART_COLORS, type ChartLayout } from './chartDraw.ts';

let source: { readonly plot: HTMLCanvasElement; readonly layout: ChartLayout } | null = null;

/** Called by LossChart after it draws (null when it unmounts). */
export function publishChart(next: { readonly plot: HTMLCanvasElement; readonly layout: ChartLayout } | null): void {
  source = next;
}

/** True when a chart is on screen to be recorded. */
export function hasChart(): boolean {
  return source !== null;
}

/**
 * Draw the chart into the box (x, y, width, height) of `context`, scaled to fit and
 * centred, with a cursor at `step` (when the x axis counts steps).
 */
export function drawChartAt(context: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, step: number): void {
  if (!source) return;
  const { plot, layout } = source;
  const cssWidth = plot.clientWidth || plot.width;
  const cssHeight = plot.clientHeight || plot.height;
  const scale = Math.min(width / cssWidth, height / cssHeight);
  const left = x + (width - cssWidth * scale) / 2;
  const top = y + (height - cssHeight * scale) / 2;
  context.drawImage(plot, left, top, cssWidth * scale, cssHeight * scale);
  // A step is one x for every run only when the axis counts steps.
  if (layout.xAxis !== 'steps') return;
  const cursor = left + (layout.left + (Math.min(step, layout.maxX) / layout.maxX) * layout.width) * scale;
  context.save();
  context.strokeStyle = CHART_COLORS.cursor;
  context.globalAlpha = 0.8;
  context.lineWidth = Math.max(1, 1.5 * scale);
  context.beginPath();
  context.moveTo(cursor, top + layout.top * scale);
  context.lineTo(cursor, top + (layout.top + layout.height) * scale);
  context.stroke();
  context.restore();
}
