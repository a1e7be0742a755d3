/**
 * The step inspector: what one optimizer step did, with the optimizer's state
 * before (and after) it. It is computed by the very loop `simulate` runs: the run
 * is advanced t steps, its persisted state is described by the optimizer's own
 * `describe` (next to its loop), and one more step is taken with the gradient
 * source watched, not replaced. So `next` is simulate's point t + 1, bit for bit.
 */
import { LOOPS, type StateQuantity } from './loops/index.ts';
import { learningRateAt } from './schedules.ts';
import { RunState } from './simulate.ts';
import type { Point, RunSpec, StopReason } from './types.ts';
import { validateSpec } from './validate.ts';

export type { Quantity, StateQuantity } from './loops/index.ts';

/** One step, from point t to point t + 1. */
export interface StepInspection {
  /** t: the step goes from point t to point t + 1 (torch's step number t + 1). */
  readonly step: number;
  readonly point: Point;
  /** The full loss at `point`. */
  readonly loss: number;
  /**
   * The gradient the optimizer used at `point`: the batch's with mini-batches, for L-BFGS its
   * closure's first evaluation; null for the gradient-free methods, which use none.
   */
  readonly gradient: Point | null;
  /** The learning rate of this step (the schedule's value at t). */
  readonly lr: number;
  /** The optimizer's named quantities before the step (buffers, moments, step sizes, Hessian, population …). */
  readonly state: readonly StateQuantity[];
  /** The same quantities after the step. */
  readonly stateAfter: readonly StateQuantity[];
  /** next − point; null when the step stopped the run. */
  readonly update: Point | null;
  /** Point t + 1, exactly as simulate computes it; null when the step stopped the run (see stopReason). */
  readonly next: Point | null;
  readonly nextLoss: number;
  /** 'none' unless this step stopped the run. */
  readonly stopReason: StopReason;
  /** What this step cost (see Trajectory's evaluation counts). */
  readonly lossEvaluations: number;
  readonly gradientEvaluations: number;
  /** With mini-batches: the example indices of the step's batch, in drawing order, and the full-batch gradient at `point`. */
  readonly batch: { readonly rows: readonly number[]; readonly fullGradient: Point } | null;
}

/**
 * Inspects step t (0 ≤ t < spec.steps) of `spec`. Throws an Error naming the field
 * for a bad spec or step, and when the run stopped before reaching point t.
 */
export function inspectStep(spec: RunSpec, t: number): StepInspection {
  const settings = validateSpec(spec);
  if (!Number.isInteger(t) || t < 0 || t >= settings.steps) throw new Error(`step must be an integer from 0 to ${settings.steps - 1} (got ${t})`);
  const run = new RunState(spec, { ...settings, steps: t + 1 });
  run.advance(t);
  if (run.length !== t + 1) throw new Error(`step ${t} is never reached: the run stopped at step ${run.stoppedAt} (${run.stopReason})`);
  const { describe } = LOOPS[settings.optimizer];
  const point: Point = [run.x[t], run.y[t]];
  const state = describe(run);

  // Watch the first gradient evaluation of the step (and the batch it drew); the arithmetic is untouched.
  let seen: Point | null = null;
  let rows: number[] | null = null;
  const watch = (out: Float64Array): void => {
    if (seen !== null) return;
    seen = [out[0], out[1]];
    rows = run.batches === null ? null : run.batches.rows();
  };
  const { gradient, batch } = run;
  run.gradient = (x, y, out) => {
    gradient(x, y, out);
    watch(out);
  };
  run.batch = {
    next: () => batch.next(),
    loss: (x, y) => batch.loss(x, y),
    gradient: (x, y, out) => {
      batch.gradient(x, y, out);
      watch(out);
    },
  };
  run.advance(1);

  const moved = run.length === t + 2;
  const next: Point | null = moved ? [run.x[t + 1], run.y[t + 1]] : null;
  const full = new Float64Array(2);
  run.surface.gradient(point[0], point[1], full);
  return {
    step: t,
    point,
    loss: run.loss[t],
    gradient: seen,
    lr: learningRateAt(settings.lr, settings.schedule, t),
    state,
    stateAfter: describe(run),
    update: next === null ? null : [next[0] - point[0], next[1] - point[1]],
    next,
    nextLoss: moved ? run.loss[t + 1] : Number.NaN,
    stopReason: run.stopReason,
    lossEvaluations: moved ? run.lossEvaluations[t + 1] - run.lossEvaluations[t] : Number.NaN,
    gradientEvaluations: moved ? run.gradientEvaluations[t + 1] - run.gradientEvaluations[t] : Number.NaN,
    batch: rows === null ? null : { rows, fullGradient: [full[0], full[1]] },
  };
}
