/**
 * The engine's vocabulary. Everything in src/core is pure TypeScript: no DOM,
 * React, three or zustand. These names are public (see index.ts): keep them stable.
 */
import type { HyperParameterValues } from './hyperParameters.ts';
import type { OptimizerId } from './optimizers.ts';

/** A closed interval [min, max]. */
export type Range = readonly [min: number, max: number];

/** A point of the (x, y) parameter plane. */
export type Point = readonly [x: number, y: number];

/** The rectangle of the parameter plane a surface is shown over. */
export interface Domain {
  readonly x: Range;
  readonly y: Range;
}

/**
 * A loss surface L(x, y): one record with its exact gradient. `gradient` writes
 * ∂L/∂x into out[0] and ∂L/∂y into out[1] so that hot loops allocate nothing;
 * `hessian`, when present, writes the exact second derivatives the same way.
 *
 * Every surface is also a finite sum of `datasetSize` per-example losses whose
 * mean is exactly `loss` (see noise.ts); `examples`, when present, replaces the
 * default perturbation model with real per-example losses (linear regression).
 */
export interface Surface {
  readonly id: string;
  /** Display name, e.g. "Rosenbrock". */
  readonly label: string;
  /** One line: what this landscape teaches. */
  readonly teaches: string;
  /** Formula in TeX, for the UI (no evaluation ever happens from it). */
  readonly tex: string;
  loss(x: number, y: number): number;
  gradient(x: number, y: number, out: Float64Array): void;
  /**
   * Loss and gradient in one evaluation, for surfaces whose two share most of their work
   * (valleys' exponentials): writes the gradient into `out` and returns the loss, bit for
   * bit what `loss` and `gradient` give. Optional; runs use it to evaluate each new point once.
   */
  lossGradient?(x: number, y: number, out: Float64Array): number;
  /**
   * The exact Hessian, when the surface has one: writes ∂²L/∂x² into out[0], ∂²L/∂x∂y
   * into out[1] and ∂²L/∂y² into out[2]; allocation-free, symmetric by construction. Every
   * built-in analytic surface and every typed-in function has one; where it is absent (the
   * neural-net slice), Newton's method and the inspector use central differences of `gradient`
   * (see hessian.ts).
   */
  hessian?(x: number, y: number, out: Float64Array): void;
  readonly domain: Domain;
  /** Known minima, global first. */
  readonly minima: readonly Point[];
  /** A start that shows the surface's lesson well. */
  readonly suggestedStart: Point;
  /** Learning rates that make sense for plain SGD here (min, max); a log slider spans it. */
  readonly lrRange: Range;
  /** A good default learning rate for plain SGD. */
  readonly suggestedLr: number;
  /** True when the loss spans orders of magnitude and the view should default to log height. */
  readonly logHeight: boolean;
  /** Real per-example data (linear regression); absent for analytic surfaces. */
  readonly examples?: ExampleSet;
  /**
   * Default spread of the per-example gradient perturbations (see noise.ts), chosen
   * so that batch size 1 is visibly noisy against this surface's gradients. When
   * absent (custom surfaces) noise.ts estimates one from the gradient scale.
   */
  readonly defaultNoise?: number;
}

/**
 * Per-example losses L_i for a data-driven surface: the surface's loss is
 * (1/N) Σ L_i. `exampleGradient` ADDS ∇L_i at (x, y) into out (so a batch sums in place).
 */
export interface ExampleSet {
  readonly size: number;
  exampleGradient(index: number, x: number, y: number, out: Float64Array): void;
  exampleLoss(index: number, x: number, y: number): number;
}

/** Optimizer ids come from the optimizer table (optimizers.ts) alone. */
export type { OptimizerId } from './optimizers.ts';

/** Learning-rate schedules, as torch.optim.lr_scheduler defines them; `t` counts optimizer steps from 0. */
export type Schedule =
  | { readonly type: 'constant' }
  /** StepLR: lr · gamma^floor(t / stepSize). */
  | { readonly type: 'step'; readonly stepSize: number; readonly gamma: number }
  /** ExponentialLR: lr · gamma^t. */
  | { readonly type: 'exponential'; readonly gamma: number }
  /** CosineAnnealingLR: etaMin + (lr − etaMin)(1 + cos(π t / tMax)) / 2. */
  | { readonly type: 'cosine'; readonly tMax: number; readonly etaMin: number }
  /** Inverse time (LambdaLR with 1/(1 + decay·t)): lr / (1 + decay · t). */
  | { readonly type: 'inverse-time'; readonly decay: number };

export type ScheduleType = Schedule['type'];

/**
 * Everything that determines one optimizer path. Hyper-parameters (momentum, alpha,
 * centered, beta1, beta2, eps, …: see hyperParameters.ts) are optional and default to
 * the optimizer's torch defaults; an optimizer ignores those it does not use.
 */
export interface RunSpec extends Partial<HyperParameterValues> {
  /** A surface id from `surfaces`, or a Surface record (custom or parameterised surfaces). */
  readonly surface: string | Surface;
  readonly optimizer: OptimizerId;
  readonly lr: number;
  readonly start: Point;
  /** Number of optimizer steps; the trajectory has steps + 1 points unless it diverges. */
  readonly steps: number;
  readonly schedule?: Schedule;
  /** Mini-batch size B, 1 … datasetSize; default datasetSize (full batch). */
  readonly batchSize?: number;
  /** N, the number of examples the surface is the mean of; default 256 (data set size for linear regression). */
  readonly datasetSize?: number;
  /** Spread (standard deviation) of the per-example gradient perturbations; default per surface. */
  readonly noise?: number;
  /** PRNG seed for perturbations and shuffling; default 1. */
  readonly seed?: number;
}

/**
 * Why a run stopped before its last step:
 * - 'none': it has not stopped (all steps taken, or still running);
 * - 'non-finite': a coordinate or the loss of the next point was NaN or ±∞;
 * - 'bound': the next point ran away, more than DIVERGENCE_SPANS plot widths from the
 *   plot's centre, or its |loss| passed DIVERGENCE_LOSS (see simulate.ts);
 * - 'singular-hessian': Newton's method met a Hessian it cannot invert.
 */
export type StopReason = 'none' | 'non-finite' | 'bound' | 'singular-hessian';

/**
 * A computed path. Arrays hold `length` valid entries, the start first.
 *
 * Evaluation counts (`lossEvaluations`, `gradientEvaluations`) are cumulative:
 * entry k counts what the optimizer asked for to get from the start to point k,
 * in units of the full data set, so a mini-batch of B out of N examples counts B/N
 * and "epochs" = examples seen ÷ N = lossEvaluations + gradientEvaluations.
 * - A gradient evaluation also yields the loss at that point (as a forward and
 *   backward pass do), so it is not counted again as a loss evaluation: SGD, Adam …
 *   count B/N gradients per step and no losses.
 * - Line searches (L-BFGS with strong Wolfe) count every trial point: one gradient each.
 * - Newton's method counts its gradient plus its Hessian: 2 full gradients for an
 *   exact Hessian (two Hessian-vector products, what automatic differentiation pays
 *   in two dimensions), 4 for central differences of the gradient.
 * - Gradient-free methods count loss evaluations only, the start's included (entry 0 is 1).
 * - The losses stored in `loss` for display are not counted.
 */
export interface Trajectory {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  /** Cumulative loss-only evaluations up to each point (see above). */
  readonly lossEvaluations: Float64Array;
  /** Cumulative gradient evaluations up to each point (see above). */
  readonly gradientEvaluations: Float64Array;
  /** Points computed: steps + 1 unless the run stopped early. */
  readonly length: number;
  /** The loss at the start, even when it is not finite (then `length` is 0: the loss is undefined there). */
  readonly startLoss: number;
  /**
   * True when the run ran away or broke down (stopReason ≠ 'none'): its next point was
   * non-finite, more than DIVERGENCE_SPANS plot widths away, or Newton's Hessian was singular.
   */
  readonly diverged: boolean;
  /**
   * When it diverged: the first step of its final stretch more than RUNAWAY_SPANS (5) plot
   * widths out, if it ran away, else the step that broke down; −1 if it did not.
   */
  readonly divergedAt: number;
  readonly stopReason: StopReason;
  /**
   * The first step whose point lies outside the surface's domain (the plot), −1 if none; it may
   * have come back. When that step is the one that stopped the run, its point is not stored (index = length).
   */
  readonly leftDomainAt: number;
}
