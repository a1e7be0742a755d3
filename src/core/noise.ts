/**
 * Mini-batch noise as a true finite sum.
 *
 * Every surface is the mean of N per-example losses. For the analytic surfaces
 * L_i(x, y) = L(x, y) + a_i·x + b_i·y, where the a_i and b_i are drawn once
 * (standard normals from a fixed data seed), then centered exactly and scaled
 * to population standard deviation `noise`, so (1/N) Σ L_i = L. The data set is
 * a property of the surface, not of the run: a run's `seed` only drives the
 * order examples are visited in. For a surface with `examples` (linear
 * regression) the examples are its data rows.
 *
 * A step with batch size B averages the gradients of B distinct examples. The
 * examples are visited in a permutation reshuffled (Fisher–Yates, the run's
 * seeded PRNG) at the start of every epoch; an epoch is ⌊N/B⌋ batches of exactly
 * B, and the N mod B examples left at the end of a shuffled order sit that
 * epoch out (torch DataLoader's drop_last=True). Every batch is therefore a
 * uniform draw without replacement, and the variance of its mean perturbation
 * is noise²·(N − B)/(B(N − 1)). B = N is served by the exact full gradient.
 */
import { typicalGradientNorm } from './field.ts';
import { createRandom, normal, shuffle, type Random } from './random.ts';
import type { ExampleSet, Surface } from './types.ts';

/** Examples each analytic surface is the mean of, unless a spec says otherwise. */
export const DEFAULT_DATASET_SIZE = 256;

/** Seed of the per-example perturbations (fixed: the data set belongs to the surface). */
const DATA_SEED = 0x5eed_da7a;

const unitPerturbations = new Map<number, { readonly a: Float64Array; readonly b: Float64Array }>();

/** Draws N values, centers them and scales them to population standard deviation 1 (all 0 when N = 1). */
function standardized(count: number, random: Random): Float64Array {
  const values = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i] = normal(random);
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) {
    values[i] -= mean;
    squares += values[i] * values[i];
  }
  const spread = Math.sqrt(squares / count);
  if (spread > 0) for (let i = 0; i < count; i++) values[i] /= spread;
  return values;
}

/**
 * The unit-spread perturbation coefficients (a_i), (b_i) of an N-example data
 * set: exactly centered (up to rounding), population standard deviation 1.
 * Shared and cached; callers must not modify them.
 */
export function perturbations(datasetSize: number): { readonly a: Float64Array; readonly b: Float64Array } {
  let cached = unitPerturbations.get(datasetSize);
  if (cached === undefined) {
    const random = createRandom(DATA_SEED ^ datasetSize);
    cached = { a: standardized(datasetSize, random), b: standardized(datasetSize, random) };
    unitPerturbations.set(datasetSize, cached);
  }
  return cached;
}

/**
 * The default perturbation spread of a surface: its own `defaultNoise`, or for
 * a surface without one, half its typical gradient norm (the median on a 16 × 16
 * grid of its domain; see typicalGradientNorm), 1 when that is not a positive finite number.
 */
export function defaultNoise(surface: Surface): number {
  if (surface.defaultNoise !== undefined) return surface.defaultNoise;
  const median = typicalGradientNorm(surface);
  return median > 0 && Number.isFinite(median) ? 0.5 * median : 1;
}

/**
 * The examples of one run, visited batch by batch: `nextBatch()` advances to
 * the next batch (reshuffling at epoch boundaries), after which `gradient`
 * writes that batch's mean gradient. Allocation-free after construction.
 */
export class MiniBatchGradient {
  /** Example indices in this epoch's visiting order. */
  readonly order: Int32Array;
  /** Index into `order` of the current batch's first example. */
  private position = 0;
  /** Index into `order` of the first example not yet visited this epoch. */
  private next: number;
  private readonly random: Random;
  private readonly surface: Surface;
  private readonly examples: ExampleSet | undefined;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly noise: number;
  /** Mean perturbation of the current batch (analytic surfaces). */
  private offsetX = 0;
  private offsetY = 0;

  readonly batchSize: number;
  readonly datasetSize: number;

  constructor(surface: Surface, batchSize: number, datasetSize: number, noise: number, seed: number) {
    this.batchSize = batchSize;
    this.datasetSize = datasetSize;
    this.surface = surface;
    this.examples = surface.examples;
    this.noise = noise;
    const unit = perturbations(datasetSize);
    this.a = unit.a;
    this.b = unit.b;
    this.random = createRandom(seed);
    this.order = new Int32Array(datasetSize);
    for (let i = 0; i < datasetSize; i++) this.order[i] = i;
    this.next = datasetSize; // the first nextBatch() shuffles
  }

  /** Moves to the next batch of B examples, starting a new shuffled epoch when fewer than B remain. */
  nextBatch(): void {
    if (this.next + this.batchSize > this.datasetSize) {
      shuffle(this.order, this.random);
      this.next = 0;
    }
    const start = this.next;
    this.position = start;
    this.next = start + this.batchSize;
    if (this.examples === undefined) {
      let sumA = 0;
      let sumB = 0;
      for (let k = start, end = start + this.batchSize; k < end; k++) {
        const i = this.order[k];
        sumA += this.a[i];
        sumB += this.b[i];
      }
      this.offsetX = (this.noise * sumA) / this.batchSize;
      this.offsetY = (this.noise * sumB) / this.batchSize;
    }
  }

  /** The mean perturbation (∂/∂x, ∂/∂y) of the current batch: zero-mean over batches, for analytic surfaces. */
  batchOffset(out: Float64Array): void {
    out[0] = this.offsetX;
    out[1] = this.offsetY;
  }

  /**
   * The current batch's mean loss at (x, y): L + (mean perturbation)·(x, y) for the
   * analytic surfaces, the mean of the rows' losses for a data-driven one.
   */
  loss(x: number, y: number): number {
    const examples = this.examples;
    if (examples === undefined) return this.surface.loss(x, y) + this.offsetX * x + this.offsetY * y;
    let sum = 0;
    for (let k = this.position, end = this.position + this.batchSize; k < end; k++) sum += examples.exampleLoss(this.order[k], x, y);
    return sum / this.batchSize;
  }

  /** The example indices of the current batch, in the order they were drawn (a copy). */
  rows(): number[] {
    return Array.from(this.order.subarray(this.position, this.position + this.batchSize));
  }

  /** Writes the current batch's mean gradient at (x, y) into out. */
  gradient(x: number, y: number, out: Float64Array): void {
    const examples = this.examples;
    if (examples === undefined) {
      this.surface.gradient(x, y, out);
      out[0] += this.offsetX;
      out[1] += this.offsetY;
      return;
    }
    out[0] = 0;
    out[1] = 0;
    for (let k = this.position, end = this.position + this.batchSize; k < end; k++) examples.exampleGradient(this.order[k], x, y, out);
    out[0] /= this.batchSize;
    out[1] /= this.batchSize;
  }
}
