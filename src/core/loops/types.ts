/**
 * What every optimizer loop shares: the run state it reads and writes, the
 * per-optimizer record (loop, state layout, evaluation costs, state description),
 * and the two helpers every loop ends with.
 */
import type { Random } from '../random.ts';
import type { Point, StopReason, Surface } from '../types.ts';
import type { ResolvedRunSpec } from '../validate.ts';

/** Where a run stops: outside [xLow, xHigh] × [yLow, yHigh] or |loss| > lossLimit (NaN fails every test). */
export interface Bounds {
  readonly xLow: number;
  readonly xHigh: number;
  readonly yLow: number;
  readonly yHigh: number;
  readonly lossLimit: number;
}

/**
 * The data set as an optimizer that evaluates several points per step sees it
 * (L-BFGS's line search): `next()` draws the step's batch, after which `loss`
 * and `gradient` evaluate that same batch as often as asked. Full batch: the surface itself.
 */
export interface BatchView {
  next(): void;
  loss(x: number, y: number): number;
  gradient(x: number, y: number, out: Float64Array): void;
}

/** What a loop reads and writes: the run's buffers, settings and optimizer state. */
export interface LoopState {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  /** Cumulative evaluation counts (see Trajectory); loops with a variable cost per step write them, the run fills the others. */
  readonly lossEvaluations: Float64Array;
  readonly gradientEvaluations: Float64Array;
  /** Points stored so far (≥ 1 when a loop runs). */
  length: number;
  /** Set by `stop`: the run broke down at step `stoppedAt` for `stopReason`. */
  stopped: boolean;
  stoppedAt: number;
  stopReason: StopReason;
  /** The gradient a one-gradient-per-step optimizer sees: the surface's, or the next mini-batch's. Called exactly once per step. */
  readonly gradient: (x: number, y: number, out: Float64Array) => void;
  /** The same data for optimizers that evaluate several points per step. */
  readonly batch: BatchView;
  /** The full loss, stored with every point. */
  readonly lossAt: (x: number, y: number) => number;
  readonly surface: Surface;
  /**
   * The box a loop tests every new point against: the plot (the surface's domain)
   * until the path first leaves it, then the divergence bounds. A point outside it
   * goes to `leaves`, so noticing the first step out of the plot costs the loops nothing.
   */
  bounds: Bounds;
  /** The run's stopping bounds (see DIVERGENCE_SPANS in simulate.ts). */
  readonly divergenceBounds: Bounds;
  /** The first step whose point lies outside the plot, −1 while none has. */
  leftDomainAt: number;
  /** The validated spec: learning rate, schedule (undefined when constant) and every hyper-parameter. */
  readonly settings: ResolvedRunSpec;
  /** Optimizer state, laid out by each optimizer (see its `init`); persists across `advance` calls. */
  readonly state: Float64Array;
  /** Scratch for the gradient. */
  readonly g: Float64Array;
  /** The run's seeded generator (gradient-free methods draw from it). */
  readonly random: Random;
  /** B/N: what one batch gradient or loss counts for. */
  readonly batchFraction: number;
}

/** Takes up to `count` steps from the run's last point; returns how many were stored. */
export type Loop = (run: LoopState, count: number) => number;

/** A value the step inspector shows: a number, a vector, a symmetric 2×2 matrix, or a list (of points or of numbers). */
export type Quantity =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'vector'; readonly value: Point }
  | { readonly kind: 'matrix'; readonly value: readonly [Point, Point] }
  | { readonly kind: 'points'; readonly value: readonly Point[] }
  | { readonly kind: 'list'; readonly value: readonly number[] };

/** One named quantity of an optimizer's state, with its TeX symbol. */
export type StateQuantity = Quantity & { readonly name: string; readonly symbol: string };

/** Fixed evaluation costs: loss-only evaluations at the start and per step, gradients per step (in full-data units). */
export interface StepCost {
  readonly lossAtStart: number;
  readonly lossPerStep: number;
  readonly gradientPerStep: number;
}

/**
 * Writes a fixed-cost run's cumulative evaluation counts at points [from, to): point k has taken
 * lossAtStart + k·lossPerStep losses and k·gradientPerStep gradients (see Trajectory). The
 * engine and whoever receives a run's points by their cost (state/results.ts) both use this.
 */
export function writeStepCounts(cost: StepCost, from: number, to: number, losses: Float64Array, gradients: Float64Array): void {
  for (let k = from; k < to; k++) {
    losses[k] = cost.lossAtStart + k * cost.lossPerStep;
    gradients[k] = k * cost.gradientPerStep;
  }
}

/** Everything the engine knows about running one optimizer. */
export interface OptimizerLoop {
  readonly loop: Loop;
  /** Length of its state array for these settings (the run allocates it zeroed, then calls init). */
  stateSize(settings: ResolvedRunSpec): number;
  /** Sets the state before the first step. */
  init(state: Float64Array, settings: ResolvedRunSpec): void;
  /** The cost of every step, or null when the loop writes the counts itself (it varies per step). */
  cost(settings: ResolvedRunSpec, batchFraction: number, surface: Surface): StepCost | null;
  /** Its state after `run.length − 1` steps, as the inspector shows it (read-only: it never changes the run). */
  describe(run: LoopState): StateQuantity[];
  /**
   * True when each step calls `run.gradient` exactly once, at the step's starting point, and
   * nothing else (true by default for ONE_GRADIENT optimizers): the run then keeps the gradient
   * norm it sees at each point instead of evaluating the gradient again.
   */
  readonly gradientAtEachPoint?: boolean;
}

/** Marks the run stopped at step `index` (its point is not stored): non-finite, out of bounds, or `reason`. */
export function stop(run: LoopState, index: number, x: number, y: number, loss: number, reason?: StopReason): void {
  run.stopped = true;
  run.stoppedAt = index;
  run.stopReason = reason ?? (Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(loss) ? 'bound' : 'non-finite');
}

/**
 * Called by a loop when the point of step `index` fails its box test: when the path is
 * only leaving the plot for the first time, records the step, widens the box to the
 * divergence bounds and returns false (store the point, carry on: the loop reloads
 * the box); otherwise stops the run and returns true.
 */
export function leaves(run: LoopState, index: number, x: number, y: number, loss: number): boolean {
  if (run.leftDomainAt < 0) {
    const plot = run.bounds;
    const outside = Number.isFinite(x) && Number.isFinite(y) && !(x >= plot.xLow && x <= plot.xHigh && y >= plot.yLow && y <= plot.yHigh);
    const { xLow, xHigh, yLow, yHigh, lossLimit } = run.divergenceBounds;
    if (outside) run.leftDomainAt = index;
    if (outside && x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && loss <= lossLimit && loss >= -lossLimit) {
      run.bounds = run.divergenceBounds;
      return false;
    }
  }
  stop(run, index, x, y, loss);
  return true;
}

/** Records the new length after a loop and returns the steps it stored. */
export function finish(run: LoopState, lastIndex: number): number {
  const taken = lastIndex + 1 - run.length;
  run.length = lastIndex + 1;
  return taken;
}

/** One gradient of B/N per step, nothing else: what most optimizers cost. */
export const ONE_GRADIENT = (_settings: ResolvedRunSpec, batchFraction: number): StepCost => ({ lossAtStart: 0, lossPerStep: 0, gradientPerStep: batchFraction });

/** Quantity builders for `describe`. */
export const scalar = (name: string, symbol: string, value: number): StateQuantity => ({ name, symbol, kind: 'scalar', value });
export const vector = (name: string, symbol: string, x: number, y: number): StateQuantity => ({ name, symbol, kind: 'vector', value: [x, y] });

/** Steps taken so far (the t of torch's bias corrections is this + 1 during the next step). */
export const stepsTaken = (run: LoopState): number => run.length - 1;
