/**
 * Running an optimizer over a surface: `createRun` for a resumable run that a
 * worker streams in chunks, `simulate` for the whole path at once.
 */
import { LOOPS, type Bounds, type LoopState } from './loops.ts';
import { MiniBatchGradient } from './noise.ts';
import type { RunSpec, Surface, Trajectory } from './types.ts';
import { validateSpec, type ResolvedRunSpec } from './validate.ts';

/**
 * Divergence: a run stops at the first step whose new point is non-finite or
 * more than DIVERGENCE_SPANS domain spans (the larger side) from the domain's
 * centre, or whose loss is non-finite or larger in magnitude than
 * DIVERGENCE_LOSS. That point is not stored.
 */
export const DIVERGENCE_SPANS = 1e6;
/** See DIVERGENCE_SPANS. */
export const DIVERGENCE_LOSS = 1e30;

/** A run in progress. Its buffers hold `capacity` = steps + 1 entries, of which the first `length` are valid. */
export interface Run {
  readonly spec: RunSpec;
  /** The spec with defaults filled in. */
  readonly settings: ResolvedRunSpec;
  readonly surface: Surface;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly capacity: number;
  /** Points stored so far (the start is point 0). */
  readonly length: number;
  /** Optimizer steps whose results were stored: length − 1 (0 before any step; −1 if even the start was unusable). */
  readonly step: number;
  /** True when every step has been taken or the run diverged. */
  readonly done: boolean;
  readonly diverged: boolean;
  /** The step (= index of the point) that diverged, or −1. */
  readonly divergedAt: number;
  /** Takes up to `maxSteps` more steps; returns how many were stored. */
  advance(maxSteps: number): number;
  /** The points so far, as views of the run's buffers (no copy). */
  trajectory(): Trajectory;
}

class RunState implements Run, LoopState {
  readonly spec: RunSpec;
  readonly settings: ResolvedRunSpec;
  readonly surface: Surface;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly capacity: number;
  length = 0;
  diverged = false;
  divergedAt = -1;
  readonly gradient: (x: number, y: number, out: Float64Array) => void;
  readonly lossAt: (x: number, y: number) => number;
  readonly bounds: Bounds;
  readonly state = new Float64Array([0, 0, 0, 0, 0, 0, 1, 1]);
  readonly g = new Float64Array(2);

  constructor(spec: RunSpec, settings: ResolvedRunSpec) {
    const surface = settings.surface;
    this.spec = spec;
    this.settings = settings;
    this.surface = surface;
    this.capacity = settings.steps + 1;
    this.x = new Float64Array(this.capacity);
    this.y = new Float64Array(this.capacity);
    this.loss = new Float64Array(this.capacity);
    this.lossAt = surface.loss;
    if (settings.batchSize === settings.datasetSize) {
      // Full batch: the surface's own gradient, bit for bit, with no noise machinery in the loop.
      this.gradient = surface.gradient;
    } else {
      const batches = new MiniBatchGradient(surface, settings.batchSize, settings.datasetSize, settings.noise, settings.seed);
      this.gradient = (x, y, out) => {
        batches.nextBatch();
        batches.gradient(x, y, out);
      };
    }
    const { x: [x0, x1], y: [y0, y1] } = surface.domain;
    const reach = DIVERGENCE_SPANS * Math.max(x1 - x0, y1 - y0);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    this.bounds = { xLow: cx - reach, xHigh: cx + reach, yLow: cy - reach, yHigh: cy + reach, lossLimit: DIVERGENCE_LOSS };

    const [sx, sy] = settings.start;
    const l = surface.loss(sx, sy);
    if (l <= DIVERGENCE_LOSS && l >= -DIVERGENCE_LOSS) {
      this.x[0] = sx;
      this.y[0] = sy;
      this.loss[0] = l;
      this.length = 1;
    } else {
      this.diverged = true;
      this.divergedAt = 0;
    }
  }

  get step(): number {
    return this.length - 1;
  }

  get done(): boolean {
    return this.diverged || this.length === this.capacity;
  }

  advance(maxSteps: number): number {
    if (this.done || !(maxSteps >= 1)) return 0;
    const count = Math.min(Math.floor(maxSteps), this.capacity - this.length);
    return LOOPS[this.settings.optimizer](this, count);
  }

  trajectory(): Trajectory {
    const length = this.length;
    return {
      x: this.x.subarray(0, length),
      y: this.y.subarray(0, length),
      loss: this.loss.subarray(0, length),
      length,
      diverged: this.diverged,
      divergedAt: this.divergedAt,
    };
  }
}

/**
 * Validates `spec` (throwing an Error that names the bad field) and prepares a
 * run: buffers for steps + 1 points, the start stored as point 0. A start whose
 * loss is non-finite leaves the run empty and diverged at step 0.
 */
export function createRun(spec: RunSpec): Run {
  return new RunState(spec, validateSpec(spec));
}

/** The whole path of `spec`: createRun(spec), then every step. */
export function simulate(spec: RunSpec): Trajectory {
  const run = createRun(spec);
  run.advance(run.capacity - 1);
  return run.trajectory();
}
