/**
 * Running an optimizer over a surface: `createRun` for a resumable run that a
 * worker streams in chunks, `simulate` for the whole path at once.
 */
import { LOOPS, ONE_GRADIENT, writeStepCounts, type BatchView, type Bounds, type LoopState, type OptimizerLoop, type StepCost } from './loops/index.ts';
import { MiniBatchGradient } from './noise.ts';
import { evaluateOnce, type NormCursor } from './evaluateOnce.ts';
import { gradientNorm } from './field.ts';
import { createRandom, type Random } from './random.ts';
import { runBuffers, type Run, type RunBuffers, type RunOptions } from './run.ts';
import type { RunSpec, StopReason, Surface, Trajectory } from './types.ts';
import { validateSpec, type ResolvedRunSpec } from './validate.ts';

/**
 * Divergence: a run stops at the first step whose new point is non-finite or
 * more than DIVERGENCE_SPANS plot widths (the plot's larger side) from the plot's
 * centre, or whose loss is non-finite or larger in magnitude than DIVERGENCE_LOSS.
 * That point is not stored. Fifty plot widths is far enough that no path that
 * comes back gets there (a stable run's excursions scale with its start's
 * distance), and near enough that a geometric blow-up is caught within tens of
 * steps, long before the numbers overflow: SGD on the κ = 5 bowl with η = 1.05,
 * whose steep component grows 1.1× per step, stops at step 51.
 */
export const DIVERGENCE_SPANS = 50;
/** See DIVERGENCE_SPANS. */
export const DIVERGENCE_LOSS = 1e30;
/**
 * When a run that ran away is said to have diverged: the first step of its final
 * stretch more than RUNAWAY_SPANS plot widths from the plot's centre (it never came
 * back before it was stopped DIVERGENCE_SPANS out), or the step that broke down when
 * it was not that far out. SGD on the bowl with η = 1.1 leaves the plot at step 1 and
 * diverges at step 14, when its steep component, growing 1.2× per step, passes 5 plot widths.
 */
export const RUNAWAY_SPANS = 5;

/** Steps per call of an optimizer's loop (see advance). */
const LOOP_CHUNK = 1024;

/** The run, as both the public Run and the LoopState its optimizer's loop works on. */
export class RunState implements Run, LoopState {
  readonly spec: RunSpec;
  readonly settings: ResolvedRunSpec;
  readonly surface: Surface;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly capacity: number;
  length = 0;
  stopped = false;
  stoppedAt = -1;
  stopReason: StopReason = 'none';
  leftDomainAt = -1;
  readonly startLoss: number;
  /** What the loops call; `inspectStep` wraps them to watch one step. */
  gradient: (x: number, y: number, out: Float64Array) => void;
  batch: BatchView;
  readonly lossAt: (x: number, y: number) => number;
  /** See Run.gradientNorms (`normCursor.norms`, allocated when first needed): entries below `normsKnown` are final; `normCursor.at` is where the recording gradient writes next. */
  private normsKnown = 0;
  private readonly normCursor: NormCursor = { norms: null, at: 0 };
  /** Whether `gradient` records the norm of each gradient it returns (see evaluateOnce). */
  private readonly recordsNorms: boolean;
  bounds: Bounds;
  readonly divergenceBounds: Bounds;
  readonly state: Float64Array;
  readonly g = new Float64Array(2);
  readonly random: Random;
  readonly batchFraction: number;
  /** The mini-batch source, or null at full batch. */
  readonly batches: MiniBatchGradient | null;
  private readonly optimizer: OptimizerLoop;
  private readonly cost: StepCost | null;
  get stepCost(): StepCost | null {
    return this.cost;
  }
  /**
   * The evaluation counts. For optimizers with a fixed cost per step they are written
   * only when read (`fillCounts`), so a run whose counts nobody reads pays nothing for
   * them; loops with a variable cost (L-BFGS) write them as they go.
   */
  private lossCounts: Float64Array | null = null;
  private gradientCounts: Float64Array | null = null;
  private counted = 0;
  private readonly buffers: RunBuffers;

  constructor(spec: RunSpec, settings: ResolvedRunSpec, buffers: RunBuffers = runBuffers(settings.steps + 1), options: RunOptions = {}) {
    const surface = settings.surface;
    this.spec = spec;
    this.settings = settings;
    this.surface = surface;
    this.capacity = settings.steps + 1;
    if (buffers.x.length < this.capacity) throw new Error(`buffers hold ${buffers.x.length} points, the run needs ${this.capacity}`);
    ({ x: this.x, y: this.y, loss: this.loss } = buffers);
    this.buffers = buffers;
    this.lossAt = surface.loss;
    this.batchFraction = settings.batchSize / settings.datasetSize;
    this.optimizer = LOOPS[settings.optimizer];
    const fullBatch = settings.batchSize === settings.datasetSize;
    const eachPoint = fullBatch && (this.optimizer.gradientAtEachPoint ?? this.optimizer.cost === ONE_GRADIENT);
    this.recordsNorms = eachPoint && options.recordGradientNorms === true;
    if (this.recordsNorms) this.normCursor.norms = this.normArray();
    if (fullBatch) {
      // Full batch: the surface's own gradient, bit for bit, with no noise machinery in the loop.
      this.batches = null;
      this.gradient = surface.gradient;
      this.batch = { next: () => {}, loss: surface.loss, gradient: surface.gradient };
      if (eachPoint && (surface.lossGradient !== undefined || this.recordsNorms)) ({ lossAt: this.lossAt, gradient: this.gradient } = evaluateOnce(surface, this.normCursor));
    } else {
      const batches = new MiniBatchGradient(surface, settings.batchSize, settings.datasetSize, settings.noise, settings.seed);
      this.batches = batches;
      this.gradient = (x, y, out) => {
        batches.nextBatch();
        batches.gradient(x, y, out);
      };
      this.batch = { next: () => batches.nextBatch(), loss: (x, y) => batches.loss(x, y), gradient: (x, y, out) => batches.gradient(x, y, out) };
    }
    this.random = createRandom(settings.seed);
    this.state = new Float64Array(this.optimizer.stateSize(settings));
    this.optimizer.init(this.state, settings);
    this.cost = this.optimizer.cost(settings, this.batchFraction, surface);
    const { x: [x0, x1], y: [y0, y1] } = surface.domain;
    const reach = DIVERGENCE_SPANS * Math.max(x1 - x0, y1 - y0);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    this.divergenceBounds = { xLow: cx - reach, xHigh: cx + reach, yLow: cy - reach, yHigh: cy + reach, lossLimit: DIVERGENCE_LOSS };
    this.bounds = { xLow: x0, xHigh: x1, yLow: y0, yHigh: y1, lossLimit: DIVERGENCE_LOSS };

    const [sx, sy] = settings.start;
    const l = surface.loss(sx, sy);
    this.startLoss = l;
    if (this.cost === null) {
      this.allocateCounts();
      (this.lossCounts as Float64Array)[0] = 0;
      (this.gradientCounts as Float64Array)[0] = 0;
    }
    if (l <= DIVERGENCE_LOSS && l >= -DIVERGENCE_LOSS) {
      this.x[0] = sx;
      this.y[0] = sy;
      this.loss[0] = l;
      this.length = 1;
      if (!(sx >= x0 && sx <= x1 && sy >= y0 && sy <= y1)) {
        this.leftDomainAt = 0;
        this.bounds = this.divergenceBounds;
      }
    } else {
      this.stopped = true;
      this.stoppedAt = 0;
      this.stopReason = Number.isFinite(l) ? 'bound' : 'non-finite';
    }
  }

  private normArray(): Float64Array {
    this.normCursor.norms ??= new Float64Array(this.capacity);
    return this.normCursor.norms;
  }

  get gradientNorms(): Float64Array {
    const norms = this.normArray();
    for (let k = this.normsKnown; k < this.length; k++) norms[k] = gradientNorm(this.surface, this.x[k], this.y[k]);
    this.normsKnown = Math.max(this.normsKnown, this.length);
    return norms;
  }

  get step(): number {
    return this.length - 1;
  }

  get done(): boolean {
    return this.stopped || this.length === this.capacity;
  }

  get diverged(): boolean {
    return this.stopped;
  }

  get divergedAt(): number {
    if (!this.stopped) return -1;
    let first = this.length;
    while (first > 1 && this.runningAway(first - 1)) first--;
    return first;
  }

  advance(maxSteps: number): number {
    if (this.done || !(maxSteps >= 1)) return 0;
    const start = this.length;
    const end = start + Math.min(Math.floor(maxSteps), this.capacity - start);
    const loop = this.optimizer.loop;
    // The recording gradient's first call is at the last stored point; the norms before it must be known already.
    const recording = this.recordsNorms && this.normsKnown >= start - 1;
    this.normCursor.at = start - 1;
    // In chunks: a loop entered many times gets fully optimized by V8; one entered once per run is left to
    // on-stack replacement, whose code for Rprop's loop ran at a third of the speed.
    while (this.length < end && !this.stopped) loop(this, Math.min(LOOP_CHUNK, end - this.length));
    // Every step stored took its gradient at the point before it (a step not stored may have taken one at the last point).
    if (recording) this.normsKnown = Math.max(this.normsKnown, Math.min(this.normCursor.at, this.length));
    return this.length - start;
  }

  get lossEvaluations(): Float64Array {
    this.fillCounts();
    return this.lossCounts as Float64Array;
  }

  get gradientEvaluations(): Float64Array {
    this.fillCounts();
    return this.gradientCounts as Float64Array;
  }

  private allocateCounts(): void {
    this.lossCounts = this.buffers.lossEvaluations ?? new Float64Array(this.capacity);
    this.gradientCounts = this.buffers.gradientEvaluations ?? new Float64Array(this.capacity);
  }

  /** Writes the counts of fixed-cost optimizers up to the current length. */
  private fillCounts(): void {
    const cost = this.cost;
    if (cost === null) return;
    if (this.lossCounts === null) this.allocateCounts();
    writeStepCounts(cost, this.counted, this.length, this.lossCounts as Float64Array, this.gradientCounts as Float64Array);
    this.counted = Math.max(this.counted, this.length);
  }

  trajectory(): Trajectory {
    const length = this.length;
    const losses = (): Float64Array => this.lossEvaluations.subarray(0, length);
    const gradients = (): Float64Array => this.gradientEvaluations.subarray(0, length);
    return {
      x: this.x.subarray(0, length),
      y: this.y.subarray(0, length),
      loss: this.loss.subarray(0, length),
      // Written on first read (see fillCounts); entries below `length` never change afterwards.
      get lossEvaluations() {
        return losses();
      },
      get gradientEvaluations() {
        return gradients();
      },
      length,
      startLoss: this.startLoss,
      diverged: this.diverged,
      divergedAt: this.divergedAt,
      stopReason: this.stopReason,
      leftDomainAt: this.leftDomainAt,
    };
  }

  /** Whether point k lies more than RUNAWAY_SPANS plot widths from the plot's centre (along x or y). */
  private runningAway(k: number): boolean {
    const { x: [x0, x1], y: [y0, y1] } = this.surface.domain;
    const reach = RUNAWAY_SPANS * Math.max(x1 - x0, y1 - y0);
    return Math.abs(this.x[k] - (x0 + x1) / 2) > reach || Math.abs(this.y[k] - (y0 + y1) / 2) > reach;
  }

}

/**
 * Validates `spec` (throwing an Error that names the bad field) and prepares a
 * run: buffers for steps + 1 points, the start stored as point 0. A start whose
 * loss is non-finite leaves the run empty and diverged at step 0.
 */
export function createRun(spec: RunSpec, options: RunOptions = {}): Run {
  return new RunState(spec, validateSpec(spec), undefined, options);
}

/** The whole path of `spec`: createRun(spec), then every step. */
export function simulate(spec: RunSpec): Trajectory {
  const run = createRun(spec);
  run.advance(run.capacity - 1);
  return run.trajectory();
}
