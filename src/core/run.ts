/**
 * A run as its users see it (the Run interface, what it can be asked to keep) and the buffers
 * it fills; simulate.ts's RunState is the one implementation.
 */
import type { StepCost } from './loops/index.ts';
import type { RunSpec, Surface, Trajectory } from './types.ts';
import type { ResolvedRunSpec } from './validate.ts';

/**
 * A run in progress: the Trajectory fields (but its length) over the run's whole buffers, which
 * hold `capacity` = steps + 1 entries, of which the first `length` are valid.
 */
export interface Run extends Omit<Trajectory, 'length'> {
  readonly spec: RunSpec;
  /** The spec with defaults filled in. */
  readonly settings: ResolvedRunSpec;
  readonly surface: Surface;
  readonly capacity: number;
  /** Points stored so far (the start is point 0). */
  readonly length: number;
  /** Optimizer steps whose results were stored: length − 1 (0 before any step; −1 if even the start was unusable). */
  readonly step: number;
  /** True when every step has been taken or the run diverged. */
  readonly done: boolean;
  /**
   * ‖∇L‖ of the full loss at each point, valid below `length` (written on first read where the
   * run did not already see it: with RunOptions.recordGradientNorms, a full-batch run of a
   * one-gradient optimizer keeps the norm of every gradient it takes; the rest are evaluated when read).
   */
  readonly gradientNorms: Float64Array;
  /**
   * What every step costs when that is fixed (then the counts are writeStepCounts of it), or null
   * when it varies per step (L-BFGS's line search): then only the count arrays say.
   */
  readonly stepCost: StepCost | null;
  /** Takes up to `maxSteps` more steps; returns how many were stored. */
  advance(maxSteps: number): number;
  /** The points so far, as views of the run's buffers (no copy). */
  trajectory(): Trajectory;
}

/** How a run is kept beyond its path. */
export interface RunOptions {
  /**
   * Keep the norm of every gradient a one-gradient optimizer takes on a full batch, so that
   * `gradientNorms` costs nothing more to read (the engine worker streams them); otherwise
   * they are evaluated when read.
   */
  readonly recordGradientNorms?: boolean;
}

/** A run's buffers, reusable by another run of the same capacity (map cells); the evaluation counts are optional. */
export type RunBuffers = Pick<Trajectory, 'x' | 'y' | 'loss'> & Partial<Pick<Trajectory, 'lossEvaluations' | 'gradientEvaluations'>>;

/** Fresh zeroed buffers for `capacity` points (with the two count arrays when `counts`). */
export function runBuffers(capacity: number, counts = false): RunBuffers {
  const points = { x: new Float64Array(capacity), y: new Float64Array(capacity), loss: new Float64Array(capacity) };
  return counts ? { ...points, lossEvaluations: new Float64Array(capacity), gradientEvaluations: new Float64Array(capacity) } : points;
}
