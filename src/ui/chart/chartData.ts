/**
 * The loss chart's model, built from the runs' result buffers: which scale, which
 * axes, which series (loss, and optionally ‖∇L‖ and the learning rate), each with the
 * x values of its points. Plain functions of their inputs: LossChart calls them on
 * every redraw, and the playhead cursor and the hover readout use the same runs.
 */
import { learningRateAt } from '../../core/index.ts';
import type { RunResult } from '../../state/results.ts';
import type { ChartXAxis, RunConfig } from '../../state/setup.ts';
import { lossScale, xAxisMax, xAxisTitle, type LossScale } from './chartAxes.ts';
import type { ChartModel, ChartSeries } from './chartDraw.ts';
import { axisFor, extendExtent, type Axis, type Extent } from './chartScale.ts';

/** How far above the starting values a diverging run still shapes the y axis. */
const DIVERGED_CAP = 1000;

/** One visible run as the chart sees it. */
export interface ChartRun {
  readonly config: RunConfig;
  readonly result: RunResult | undefined;
  /** L* of its pane's surface, or null when none is known. */
  readonly lowest: number | null;
}

export interface ChartOptions {
  readonly logY: boolean;
  readonly gradNorm: boolean;
  readonly learningRate: boolean;
  readonly xAxis: ChartXAxis;
  readonly steps: number;
  /** Some L* was found by analysing a typed-in function. */
  readonly found: boolean;
}

/** What the cursor and the readout need per run: where its points sit and what was subtracted. */
export interface PlottedRun {
  readonly id: string;
  readonly color: string;
  readonly result: RunResult | undefined;
  readonly xs: ArrayLike<number> | null;
  readonly offset: number;
}

export interface ChartPlan {
  readonly model: ChartModel;
  readonly scale: LossScale;
  readonly left: Axis;
  readonly runs: readonly PlottedRun[];
}

/** The x of each point of `result` on `axis` (null: the index, for steps). */
export function xValuesOf(result: RunResult, axis: ChartXAxis): ArrayLike<number> | null {
  return axis === 'steps' ? null : axis === 'gradients' ? result.gradientEvaluations : result.epochs;
}

/** Learning rate at every step of a run (for the optional schedule series). */
function learningRates(run: RunConfig, steps: number): Float64Array {
  const values = new Float64Array(steps + 1);
  for (let t = 0; t <= steps; t++) values[t] = learningRateAt(run.lr, run.schedule, t);
  return values;
}

/**
 * A fold over a result buffer's points that continues from where it stopped while the
 * buffer holds the same generation and grows (the chart replans on every chunk of a
 * streaming run: 16 runs × 100,000 steps would otherwise be rescanned each time).
 */
interface Fold<T> {
  key: string;
  processed: number;
  value: T;
}

function folded<T>(memos: WeakMap<object, Fold<T>>, values: ArrayLike<number>, key: string, length: number, initial: T, fold: (value: T, from: number, to: number) => T): T {
  let memo = memos.get(values as object);
  if (!memo || memo.key !== key || length < memo.processed) {
    memo = { key, processed: 0, value: initial };
    memos.set(values as object, memo);
  }
  if (length > memo.processed) {
    memo.value = fold(memo.value, memo.processed, length);
    memo.processed = length;
  }
  return memo.value;
}

const nonPositiveFolds = new WeakMap<object, Fold<boolean>>();
const extentFolds = new WeakMap<object, Fold<Extent | null>>();

function anyNonPositive(runs: readonly ChartRun[]): boolean {
  return runs.some(({ result }) => {
    if (!result) return false;
    const loss = result.loss;
    return folded(nonPositiveFolds, loss, `${result.generation}`, result.length, false, (found, from, to) => {
      for (let i = from; i < to && !found; i++) if (loss[i] <= 0) found = true;
      return found;
    });
  });
}

/** extendExtent over one run's buffer, continued across replans (see Fold). */
function seriesExtent(result: RunResult, values: Float64Array, log: boolean, cap: number, offset = 0): Extent | null {
  return folded(extentFolds, values, `${result.generation}|${log}|${cap}|${offset}`, result.length, null, (extent, from, to) => extendExtent(extent, values, to, log, cap, offset, from));
}

function union(a: Extent | null, b: Extent | null): Extent | null {
  if (!a || !b) return a ?? b;
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

/** The chart for `runs` under `options` (see chartAxes.ts for the scale rules). */
export function planChart(runs: readonly ChartRun[], options: ChartOptions): ChartPlan {
  const scale = lossScale(options.logY, runs.map((run) => run.lowest), options.logY && anyNonPositive(runs), options.found);
  const log = scale.log;
  // A diverging run counts for the axis only up to DIVERGED_CAP × the largest starting value.
  let startLoss = 0;
  let startGradNorm = 0;
  runs.forEach(({ result }, index) => {
    if (!result || result.length === 0) return;
    const first = result.loss[0] - scale.offsets[index];
    if (Number.isFinite(first)) startLoss = Math.max(startLoss, Math.abs(first));
    if (Number.isFinite(result.gradNorm[0])) startGradNorm = Math.max(startGradNorm, result.gradNorm[0]);
  });
  const plotted: PlottedRun[] = [];
  const series: ChartSeries[] = [];
  let extent: Extent | null = null;
  runs.forEach(({ config, result }, index) => {
    const xs = result ? xValuesOf(result, options.xAxis) : null;
    const offset = scale.offsets[index];
    plotted.push({ id: config.id, color: config.color, result, xs, offset });
    if (!result) return;
    const diverged = result.status === 'diverged';
    const generation = result.generation;
    series.push({ color: config.color, values: result.loss, length: result.length, style: 'solid', axis: 'left', xs, offset, floorAtZero: scale.floorAtZero, generation });
    extent = union(extent, seriesExtent(result, result.loss, log, diverged ? DIVERGED_CAP * startLoss : Infinity, offset));
    if (options.gradNorm) {
      series.push({ color: config.color, values: result.gradNorm, length: result.length, style: 'dashed', axis: 'left', xs, generation });
      extent = union(extent, seriesExtent(result, result.gradNorm, log, diverged ? DIVERGED_CAP * startGradNorm : Infinity));
    }
  });
  let lrExtent: Extent | null = null;
  if (options.learningRate) {
    for (const run of plotted) {
      const values = learningRates(runs.find((item) => item.config.id === run.id)!.config, options.steps);
      // Off the steps axis, a learning rate is drawn only where its run has points (they carry the x).
      const length = run.xs ? Math.min(values.length, run.result?.length ?? 0) : values.length;
      series.push({ color: run.color, values, length, style: 'dotted', axis: 'right', xs: run.xs });
      lrExtent = extendExtent(lrExtent, values, values.length, true);
    }
  }
  const left = axisFor(extent, log);
  const right = options.learningRate ? axisFor(lrExtent, true) : null;
  const lossTitle = scale.title;
  const leftTitle = options.gradNorm ? `${lossTitle}, ‖∇L‖ (dashed)` : lossTitle;
  const maxX = xAxisMax(options.xAxis, options.steps, plotted.map((run) => ({ xs: run.xs, length: run.result?.length ?? 0 })));
  const model: ChartModel = { maxX, xAxis: options.xAxis, xTitle: xAxisTitle(options.xAxis), left, right, series, leftTitle, rightTitle: 'learning rate (dotted)' };
  return { model, scale, left, runs: plotted };
}

/** A run's plotted value at `index` (its loss minus the offset; at or below L*, the axis floor). */
export function plottedValue(run: PlottedRun, index: number, scale: LossScale, axis: Axis): number {
  const value = (run.result?.loss[index] ?? Number.NaN) - run.offset;
  return scale.floorAtZero && axis.log && value <= 0 ? axis.min : value;
}
