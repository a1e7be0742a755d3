/**
 * Finding the learning rate that ends lowest: "compare each optimizer at its best
 * learning rate and at an equal budget of gradient evaluations".
 *
 * A candidate learning rate runs the spec until its next step would take its
 * gradient evaluations (Trajectory.gradientEvaluations: a mini-batch counts B/N, a
 * line search every trial point, Newton its Hessian) past the budget; its score is
 * the full loss at the last point reached, and a run that diverged scores +∞. The
 * search is a log-spaced grid, then rounds of refinement between the best
 * candidate's two neighbours. Everything is pure and deterministic (mini-batches
 * follow the spec's seed), so the work can be split: `learningRateGrid` and
 * `refineLearningRates` propose lists of learning rates, `evaluateLearningRates`
 * scores any list (one worker's share, in any order), and `tuneLearningRate` is
 * the three put together in one thread.
 */
import { OPTIMIZERS } from './optimizers.ts';
import { createRun } from './simulate.ts';
import type { RunSpec } from './types.ts';
import { validateSpec } from './validate.ts';

/** One scored learning rate. */
export interface LearningRateTrial {
  readonly lr: number;
  /** The full loss at the last point reached within the budget; +∞ when the run diverged. */
  readonly finalLoss: number;
  readonly diverged: boolean;
  /** Steps taken and gradient evaluations used within the budget. */
  readonly steps: number;
  readonly gradientEvaluations: number;
}

export interface TuneOptions {
  /** Gradient evaluations per candidate (full-data units); default spec.steps × B/N, what one gradient per step uses. */
  readonly budget?: number;
  /** The first grid: `gridSize` learning rates from lrMin to lrMax, evenly spaced in log; default 1e-5 … 10, 19 (three a decade). */
  readonly lrMin?: number;
  readonly lrMax?: number;
  readonly gridSize?: number;
  /** Refinement rounds after the grid (default 2), each of `refineSize` learning rates (default 6). */
  readonly rounds?: number;
  readonly refineSize?: number;
}

export interface TuneResult {
  /** The trial that ended lowest (the smaller learning rate on a tie). */
  readonly best: LearningRateTrial;
  /** Every trial, by increasing learning rate. */
  readonly trials: readonly LearningRateTrial[];
  readonly budget: number;
}

/** The budget `options` ask for, or the spec's own: steps × B/N. Throws for an optimizer without a learning rate. */
export function learningRateBudget(spec: RunSpec, options: Pick<TuneOptions, 'budget'> = {}): number {
  const settings = validateSpec(spec);
  if (!OPTIMIZERS[settings.optimizer].usesGradient) throw new Error(`optimizer ${settings.optimizer} has no learning rate to tune`);
  const budget = options.budget ?? (settings.steps * settings.batchSize) / settings.datasetSize;
  if (!(budget > 0 && Number.isFinite(budget))) throw new Error(`budget must be a positive finite number (got ${budget})`);
  return budget;
}

/** `size` learning rates from lrMin to lrMax, evenly spaced in log, both ends included. */
function logSpaced(lrMin: number, lrMax: number, size: number): number[] {
  if (size === 1) return [lrMin];
  return Array.from({ length: size }, (_, k) => Math.exp(Math.log(lrMin) + (k / (size - 1)) * Math.log(lrMax / lrMin)));
}

/** The first grid of a search (see TuneOptions). */
export function learningRateGrid(options: Pick<TuneOptions, 'lrMin' | 'lrMax' | 'gridSize'> = {}): number[] {
  const { lrMin = 1e-5, lrMax = 10, gridSize = 19 } = options;
  if (!(lrMin > 0 && lrMax >= lrMin && Number.isFinite(lrMax))) throw new Error(`lrMin and lrMax must satisfy 0 < lrMin ≤ lrMax < ∞ (got ${lrMin} … ${lrMax})`);
  if (!Number.isInteger(gridSize) || gridSize < 1) throw new Error(`gridSize must be a whole number ≥ 1 (got ${gridSize})`);
  return logSpaced(lrMin, lrMax, gridSize);
}

/** Scores each learning rate of `lrs` on `spec` within `budget` gradient evaluations, in the order given. */
export function evaluateLearningRates(spec: RunSpec, lrs: readonly number[], budget: number): LearningRateTrial[] {
  const { batchSize, datasetSize } = validateSpec(spec);
  // Every gradient-based step evaluates at least one batch gradient, so this many steps always exhaust the budget.
  const steps = Math.floor((budget * datasetSize) / batchSize + 1e-9);
  return lrs.map((lr) => {
    const run = createRun({ ...spec, lr, steps });
    while (!run.done) {
      run.advance(1024);
      if (run.gradientEvaluations[run.length - 1] >= budget) break;
    }
    // The last point whose count is within the budget (counts grow with the index; a line search may overshoot).
    let last = run.length - 1;
    while (last > 0 && run.gradientEvaluations[last] > budget * (1 + 1e-12)) last--;
    if (run.diverged || last < 0) return { lr, finalLoss: Infinity, diverged: true, steps: Math.max(last, 0), gradientEvaluations: last < 0 ? 0 : run.gradientEvaluations[last] };
    return { lr, finalLoss: run.loss[last], diverged: false, steps: last, gradientEvaluations: run.gradientEvaluations[last] };
  });
}

const byLr = (a: LearningRateTrial, b: LearningRateTrial): number => a.lr - b.lr;

/** The best trial: lowest final loss, the smaller learning rate on a tie. */
export function bestTrial(trials: readonly LearningRateTrial[]): LearningRateTrial {
  if (trials.length === 0) throw new Error('trials must not be empty');
  return [...trials].sort(byLr).reduce((best, trial) => (trial.finalLoss < best.finalLoss ? trial : best));
}

/**
 * The next learning rates to try: `size` of them evenly spaced in log strictly between
 * the best trial's two neighbours (by learning rate; at an end of the range, the
 * mirror image of the other neighbour), leaving out any already tried.
 */
export function refineLearningRates(trials: readonly LearningRateTrial[], size = 6): number[] {
  const sorted = [...trials].sort(byLr);
  const best = bestTrial(sorted);
  const index = sorted.indexOf(best);
  if (sorted.length < 2) return [];
  const below = index > 0 ? sorted[index - 1].lr : (best.lr * best.lr) / sorted[index + 1].lr;
  const above = index < sorted.length - 1 ? sorted[index + 1].lr : (best.lr * best.lr) / sorted[index - 1].lr;
  const tried = new Set(sorted.map((trial) => trial.lr));
  return logSpaced(below, above, size + 2)
    .slice(1, -1)
    .filter((lr) => !tried.has(lr));
}

/** The learning rate that ends lowest within the budget: the grid, then `rounds` refinements (see the module comment). */
export function tuneLearningRate(spec: RunSpec, options: TuneOptions = {}): TuneResult {
  const budget = learningRateBudget(spec, options);
  const { rounds = 2, refineSize = 6 } = options;
  const trials = evaluateLearningRates(spec, learningRateGrid(options), budget);
  for (let round = 0; round < rounds; round++) trials.push(...evaluateLearningRates(spec, refineLearningRates(trials, refineSize), budget));
  trials.sort(byLr);
  return { best: bestTrial(trials), trials, budget };
}
