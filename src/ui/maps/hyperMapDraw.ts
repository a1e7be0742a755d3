/**
 * Drawing the hyper-parameter heatmap on a 2D canvas, and reading it back: the
 * color of each cell, the edge of divergence, the best μ (or β₁) per learning
 * rate, the axes, the cell under the pointer and its read-out in words.
 * Plain functions of the map's cells (HyperMap.tsx is the component).
 */
import { hyperCellLr, hyperCellParam, MAP_DIVERGED, MAP_NOT_CONVERGED, type Outcome } from '../../core/index.ts';
import type { HyperData } from '../../state/maps/types.ts';
import { colormapInto } from '../../view/colormap.ts';
import { basinCellInto, DIVERGED_RGB, NOT_CONVERGED_RGB } from '../../view/mapColors.ts';
import { fitCanvas2d } from '../../view/canvas2d.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';
import { fadePending, pendingAt } from '../../view/mapTimeline.ts';
import { hatchPattern } from './hyperTimeline.ts';

/** What the cells' colors show: the final loss, the steps to reach a minimum, or which minimum (basin colors). */
export type HyperMetric = 'loss' | 'steps' | 'minimum';

/** Canvas layout in CSS pixels. */
const LEFT = 38;
const BOTTOM = 30;
const TOP = 6;
const RIGHT = 6;

/** Loss gaps below this count as "at the minimum" for the color scale. */
const GAP_FLOOR = 1e-12;
/** The loss color scale spans at most this many decades below the start's loss. */
const SCALE_DECADES = 8;

/** log10 of the loss gap above the global minimum, clamped at GAP_FLOOR. */
function gapLog(loss: number, best: number): number {
  return Math.log10(Math.max(GAP_FLOOR, loss - best));
}

/**
 * The color scale of the loss metric, in log10 of the gap above the global
 * minimum: from the start's gap (no better than not moving: darkest) down
 * SCALE_DECADES decades, or to the best cell if that is closer (brightest).
 */
export function lossScale(data: HyperData): { lo: number; hi: number } {
  let best = Infinity;
  for (let cell = 0; cell < data.finalLoss.length; cell++) {
    if (!data.filled[cell] || data.outcome[cell] === MAP_DIVERGED) continue;
    best = Math.min(best, gapLog(data.finalLoss[cell], data.bestLoss));
  }
  const hi = Number.isFinite(data.startLoss) ? gapLog(data.startLoss, data.bestLoss) : 0;
  const lo = Math.min(hi - 1, Math.max(Number.isFinite(best) ? best : hi - SCALE_DECADES, hi - SCALE_DECADES));
  return { lo, hi };
}

/** Brightness t ∈ [0, 1] of a cell (1 = best), or null for diverged / never reached. */
function cellT(data: HyperData, cell: number, metric: HyperMetric, scale: { lo: number; hi: number }): number | null {
  if (data.outcome[cell] === MAP_DIVERGED) return null;
  if (metric === 'steps' || metric === 'minimum') {
    const steps = data.stepsToTolerance[cell];
    return steps < 0 ? null : 1 - steps / data.spec.steps;
  }
  return 1 - (gapLog(data.finalLoss[cell], data.bestLoss) - scale.lo) / (scale.hi - scale.lo);
}

/**
 * Where a cell's colour sits on the colour map, read as the surface's key reads:
 * 0 (dark purple) for the lowest loss or the fewest steps, 1 (yellow) for the
 * start's loss or all the steps; null for diverged or never-reached cells.
 */
export function cellColormapPosition(data: HyperData, cell: number, metric: Exclude<HyperMetric, 'minimum'>, scale: { lo: number; hi: number }): number | null {
  const t = cellT(data, cell, metric, scale);
  return t === null ? null : Math.min(1, Math.max(0, 1 - t));
}

/**
 * The heatmap at one pixel per cell (row 0 at the bottom of the picture = paramMin), into `pixels`
 * (RGBA, columns × rows). At timeline step `step` a cell whose run reaches its minimum only later is
 * faded (view/mapTimeline.ts); drawHyperMap hatches it.
 */
export function paintHyperCells(data: HyperData, metric: HyperMetric, step: number, pixels: Uint8ClampedArray): void {
  const { lrCells: columns, paramCells: rows } = data.spec;
  const scale = lossScale(data);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      const o = ((rows - 1 - row) * columns + column) * 4;
      if (!data.filled[cell]) {
        pixels[o + 3] = 0;
        continue;
      }
      if (metric === 'minimum') {
        basinCellInto(data.outcome[cell], data.stepsToTolerance[cell], data.spec.steps, pixels, o);
        if (pendingAt(data.stepsToTolerance[cell], step)) fadePending(pixels, o);
        continue;
      }
      const t = cellColormapPosition(data, cell, metric, scale);
      if (t === null) {
        const rgb = data.outcome[cell] === MAP_DIVERGED ? DIVERGED_RGB : NOT_CONVERGED_RGB;
        pixels[o] = rgb[0];
        pixels[o + 1] = rgb[1];
        pixels[o + 2] = rgb[2];
      } else {
        colormapInto(t, pixels, o, 255);
      }
      pixels[o + 3] = 255;
      if (pendingAt(data.stepsToTolerance[cell], step)) fadePending(pixels, o);
    }
  }
}

/** For each learning rate (column), the row with the best value of the metric, or −1. */
export function bestRowPerColumn(data: HyperData, metric: HyperMetric): Int32Array {
  const { lrCells: columns, paramCells: rows } = data.spec;
  const best = new Int32Array(columns).fill(-1);
  const scale = lossScale(data);
  for (let column = 0; column < columns; column++) {
    let bestT = -Infinity;
    for (let row = 0; row < rows; row++) {
      const cell = row * columns + column;
      if (!data.filled[cell]) continue;
      const t = cellT(data, cell, metric, scale);
      if (t !== null && t > bestT + 1e-12) {
        bestT = t;
        best[column] = row;
      }
    }
  }
  return best;
}

const LR_TICKS = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100];

export interface Cell {
  readonly column: number;
  readonly row: number;
}

/** Draws the heatmap at timeline step `step` (cells reaching their minimum after it faded and hatched), the mapped run's ring and the keyboard's cell. */
export function drawHyperMap(canvas: HTMLCanvasElement, data: HyperData | null, metric: HyperMetric, current: { lr: number; param: number } | null, focus: Cell | null, step: number): void {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const context = fitCanvas2d(canvas, width, height);
  if (!context) return;
  context.clearRect(0, 0, width, height);
  const plotW = width - LEFT - RIGHT;
  const plotH = height - TOP - BOTTOM;
  context.fillStyle = '#10151d';
  context.fillRect(LEFT, TOP, plotW, plotH);
  if (!data) return;
  const { lrCells: columns, paramCells: rows, lrMin, lrMax, paramMin, paramMax } = data.spec;
  const cellW = plotW / columns;
  const cellH = plotH / rows;

  // Cells, scaled up without smoothing.
  const image = new ImageData(columns, rows);
  paintHyperCells(data, metric, step, image.data);
  const cells = document.createElement('canvas');
  cells.width = columns;
  cells.height = rows;
  cells.getContext('2d')?.putImageData(image, 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(cells, LEFT, TOP, plotW, plotH);

  const xOf = (column: number) => LEFT + column * cellW;
  const yOf = (row: number) => TOP + plotH - row * cellH;

  // Cells not yet at their minimum at this step: faded above, hatched here.
  const hatch = hatchPattern(context);
  if (hatch) {
    context.fillStyle = hatch;
    for (let cell = 0; cell < data.stepsToTolerance.length; cell++) {
      if (data.filled[cell] && pendingAt(data.stepsToTolerance[cell], step)) context.fillRect(xOf(cell % columns), yOf(Math.floor(cell / columns) + 1), cellW, cellH);
    }
  }

  // The edge of divergence: white segments between diverged and finished cells.
  context.strokeStyle = 'rgba(255,255,255,0.9)';
  context.lineWidth = 1.5;
  context.beginPath();
  const isDiverged = (column: number, row: number) => data.filled[row * columns + column] === 1 && data.outcome[row * columns + column] === MAP_DIVERGED;
  const isStable = (column: number, row: number) => data.filled[row * columns + column] === 1 && data.outcome[row * columns + column] !== MAP_DIVERGED;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (column + 1 < columns && ((isDiverged(column, row) && isStable(column + 1, row)) || (isStable(column, row) && isDiverged(column + 1, row)))) {
        context.moveTo(xOf(column + 1), yOf(row));
        context.lineTo(xOf(column + 1), yOf(row + 1));
      }
      if (row + 1 < rows && ((isDiverged(column, row) && isStable(column, row + 1)) || (isStable(column, row) && isDiverged(column, row + 1)))) {
        context.moveTo(xOf(column), yOf(row + 1));
        context.lineTo(xOf(column + 1), yOf(row + 1));
      }
    }
  }
  context.stroke();

  // The best μ (or β₁) for each learning rate.
  const best = bestRowPerColumn(data, metric);
  context.fillStyle = 'rgba(255,255,255,0.95)';
  context.strokeStyle = 'rgba(0,0,0,0.6)';
  context.lineWidth = 1;
  for (let column = 0; column < columns; column++) {
    if (best[column] < 0) continue;
    context.beginPath();
    context.arc(xOf(column + 0.5), yOf(best[column] + 0.5), Math.max(1.3, Math.min(cellW, cellH) * 0.32), 0, Math.PI * 2);
    context.fill();
  }

  // The mapped run's own settings.
  const logSpan = Math.log(lrMax / lrMin);
  const xOfLr = (lr: number) => LEFT + ((Math.log(lr / lrMin) / logSpan) * (columns - 1) + 0.5) * cellW;
  const yOfParam = (param: number) => yOf(((param - paramMin) / (paramMax - paramMin)) * (rows - 1) + 0.5);
  if (current && current.lr >= lrMin && current.lr <= lrMax) {
    context.strokeStyle = '#ffffff';
    context.lineWidth = 2;
    context.beginPath();
    context.arc(xOfLr(current.lr), yOfParam(Math.min(paramMax, Math.max(paramMin, current.param))), 5, 0, Math.PI * 2);
    context.stroke();
  }

  // The keyboard's cell.
  if (focus) {
    context.strokeStyle = '#ffd54f';
    context.lineWidth = 2;
    context.strokeRect(xOf(focus.column) - 1, yOf(focus.row + 1) - 1, cellW + 2, cellH + 2);
  }

  // Axes.
  context.fillStyle = '#a3afc2';
  context.strokeStyle = '#a3afc2';
  context.lineWidth = 1;
  context.font = '10px system-ui, sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const tick of LR_TICKS) {
    if (tick < lrMin * 0.999 || tick > lrMax * 1.001) continue;
    const x = xOfLr(tick);
    context.beginPath();
    context.moveTo(x, TOP + plotH);
    context.lineTo(x, TOP + plotH + 3);
    context.stroke();
    context.fillText(formatNumber(tick), x, TOP + plotH + 4);
  }
  context.fillText('learning rate η (log)', LEFT + plotW / 2, TOP + plotH + 17);
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const tick of [0, 0.5, 0.9, 0.99]) {
    if (tick < paramMin || tick > paramMax) continue;
    const y = yOfParam(tick);
    context.beginPath();
    context.moveTo(LEFT - 3, y);
    context.lineTo(LEFT, y);
    context.stroke();
    context.fillText(String(tick), LEFT - 5, y);
  }
  context.save();
  context.translate(9, TOP + plotH / 2);
  context.rotate(-Math.PI / 2);
  context.textAlign = 'center';
  context.fillText(data.spec.axis === 'beta1' ? 'β₁' : 'momentum μ', 0, 0);
  context.restore();
}

/** The cell under a canvas point, or null. */
export function cellAt(canvas: HTMLCanvasElement, data: HyperData, clientX: number, clientY: number): Cell | null {
  const rect = canvas.getBoundingClientRect();
  const plotW = rect.width - LEFT - RIGHT;
  const plotH = rect.height - TOP - BOTTOM;
  const column = Math.floor(((clientX - rect.left - LEFT) / plotW) * data.spec.lrCells);
  const row = Math.floor(((rect.top + TOP + plotH - clientY) / plotH) * data.spec.paramCells);
  if (column < 0 || row < 0 || column >= data.spec.lrCells || row >= data.spec.paramCells) return null;
  return { column, row };
}

/**
 * What a hovered cell says, in words. With `outcome` (core's describeOutcome of
 * the run a click on the cell adds, state/maps/cellRun.ts) it says what that
 * run's label says; without it (its surface not ready), what the map's cell
 * found within the map's steps.
 */
export function describeCell(data: HyperData, column: number, row: number, outcome?: Pick<Outcome, 'text' | 'finalLoss'> | null): string {
  const cell = row * data.spec.lrCells + column;
  // As a click adds them (4 significant digits) and as the runs legend writes them.
  const lr = Number(hyperCellLr(data.spec, column).toPrecision(4));
  const param = Number(hyperCellParam(data.spec, row).toPrecision(4));
  const settings = `η ${formatNumber(lr)}, ${data.spec.axis === 'beta1' ? 'β₁' : 'μ'} ${formatNumber(param, 4)}`;
  if (outcome) return `${settings}: ${outcome.text}${Number.isFinite(outcome.finalLoss) ? `; final loss ${formatNumber(outcome.finalLoss, 4)}` : ''}`;
  if (!data.filled[cell]) return `${settings}: not computed yet`;
  const code = data.outcome[cell];
  if (code === MAP_DIVERGED) return `${settings}: diverged`;
  const loss = `final loss ${formatNumber(data.finalLoss[cell], 4)} (${formatNumber(data.finalLoss[cell] - data.bestLoss, 2)} above the best)`;
  if (code === MAP_NOT_CONVERGED) return `${settings}: ${loss}; reached no minimum in ${formatInteger(data.spec.steps)} steps`;
  return `${settings}: ${loss}; reached minimum ${code + 1} in ${formatInteger(data.stepsToTolerance[cell])} steps`;
}
