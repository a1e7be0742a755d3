/**
 * Training a perceptron once, to θ*: seeded initialisation, full-batch Adam
 * (torch.optim.Adam's rule, its weight_decay as the L2 term), then L-BFGS until
 * the gradient vanishes to rounding, so θ* is a true minimum of the objective.
 *
 * Why the L2 term: cross-entropy on data a network can separate has no minimum
 * (the loss keeps falling as the weights grow), so Adam's last iterate would not
 * be a stationary point and the slice's origin would not be a minimum of it. A
 * small λ/2 ‖θ‖² (the weight decay Li et al. also train with) gives the loss a
 * minimum, which training reaches and L-BFGS then pins down.
 */
import { createRandom } from '../random.ts';
import { objective, type MlpBatch } from './mlp.ts';

export interface TrainingOptions {
  /** Full-batch Adam steps. */
  readonly steps: number;
  /** Adam's learning rate (torch's betas 0.9, 0.999 and eps 1e-8). */
  readonly lr: number;
  /** λ of the L2 term (torch's weight_decay). */
  readonly weightDecay: number;
  /** Seed of the initialisation. */
  readonly seed: number;
  /** A point of the path is kept every this many Adam steps. */
  readonly recordEvery: number;
}

export interface TrainingResult {
  /** θ*, the polished minimum. */
  readonly theta: Float64Array;
  /** L(θ*), the objective as `objective` computes it. */
  readonly loss: number;
  /** ‖∇L(θ*)‖₂. */
  readonly gradientNorm: number;
  /**
   * The path θ₀, θ_k, θ_2k, …, the last Adam iterate, then θ*: `count` rows of
   * P numbers, row-major, with L at each (the objective, not any slice's height).
   */
  readonly path: Float64Array;
  readonly pathLoss: Float64Array;
  /** The Adam step of each row (the polished θ* counts as steps + polishIterations). */
  readonly pathStep: Int32Array;
  readonly pathCount: number;
  /** L-BFGS iterations the polish took. */
  readonly polishIterations: number;
}

/** torch.nn.Linear's default initialisation: weights and biases uniform on ±1/√fan_in. */
export function initialParameters(batch: MlpBatch, seed: number): Float64Array {
  const { hidden, w1, b1, w2, b2, w3, b3, parameterCount } = batch.layout;
  const theta = new Float64Array(parameterCount);
  const random = createRandom(seed);
  const fill = (start: number, end: number, fanIn: number) => {
    const bound = 1 / Math.sqrt(fanIn);
    for (let p = start; p < end; p++) theta[p] = bound * (2 * random() - 1);
  };
  fill(w1, b1, 2);
  fill(b1, w2, 2);
  fill(w2, b2, hidden);
  fill(b2, w3, hidden);
  fill(w3, b3, hidden);
  fill(b3, b3 + 1, hidden);
  return theta;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** Trains the batch's network (see the module comment). */
export function train(batch: MlpBatch, options: TrainingOptions): TrainingResult {
  const { steps, lr, weightDecay, recordEvery } = options;
  const size = batch.layout.parameterCount;
  const theta = initialParameters(batch, options.seed);
  const grad = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);

  const capacity = Math.ceil(steps / recordEvery) + 2;
  const path = new Float64Array(capacity * size);
  const pathLoss = new Float64Array(capacity);
  const pathStep = new Int32Array(capacity);
  let count = 0;
  const record = (loss: number, step: number) => {
    path.set(theta, count * size);
    pathLoss[count] = loss;
    pathStep[count] = step;
    count++;
  };

  // torch.optim.Adam: g ← ∇L + λθ (in `objective`); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
  // θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε). β₁ᵗ, β₂ᵗ as running products (as loops.ts keeps them).
  let beta1t = 1;
  let beta2t = 1;
  for (let t = 0; t < steps; t++) {
    const loss = objective(batch, theta, weightDecay, grad);
    if (t % recordEvery === 0) record(loss, t);
    beta1t *= BETA1;
    beta2t *= BETA2;
    const stepSize = lr / (1 - beta1t);
    const correction2 = Math.sqrt(1 - beta2t);
    for (let p = 0; p < size; p++) {
      const g = grad[p];
      m[p] = BETA1 * m[p] + (1 - BETA1) * g;
      v[p] = BETA2 * v[p] + (1 - BETA2) * g * g;
      theta[p] -= (stepSize * m[p]) / (Math.sqrt(v[p]) / correction2 + EPS);
    }
  }
  record(objective(batch, theta, weightDecay, null), steps);

  const polish = lbfgs(batch, theta, weightDecay, grad);
  record(polish.loss, steps + polish.iterations);
  return {
    theta,
    loss: polish.loss,
    gradientNorm: norm(grad),
    path: path.subarray(0, count * size),
    pathLoss: pathLoss.subarray(0, count),
    pathStep: pathStep.subarray(0, count),
    pathCount: count,
    polishIterations: polish.iterations,
  };
}

function norm(values: Float64Array): number {
  let squares = 0;
  for (let p = 0; p < values.length; p++) squares += values[p] * values[p];
  return Math.sqrt(squares);
}

function dot(a: Float64Array, b: Float64Array, offset: number, size: number): number {
  let sum = 0;
  for (let p = 0; p < size; p++) sum += a[offset + p] * b[p];
  return sum;
}

const MEMORY = 10;
const POLISH_ITERATIONS = 2000;
/** The polish stops when ‖∇L‖₂ is below this (rounding in L's gradient is about 1e-16 per term). */
export const POLISH_TOLERANCE = 1e-12;

/**
 * L-BFGS (Nocedal and Wright, Algorithm 7.4: two-loop recursion, memory 10)
 * with an Armijo backtracking line search, from θ in place, until
 * ‖∇L‖₂ ≤ POLISH_TOLERANCE or no step lowers L. Leaves ∇L(θ) in grad.
 */
function lbfgs(batch: MlpBatch, theta: Float64Array, weightDecay: number, grad: Float64Array): { loss: number; iterations: number } {
  const size = theta.length;
  const s = new Float64Array(MEMORY * size);
  const y = new Float64Array(MEMORY * size);
  const rho = new Float64Array(MEMORY);
  const alpha = new Float64Array(MEMORY);
  const direction = new Float64Array(size);
  const trial = new Float64Array(size);
  const trialGrad = new Float64Array(size);
  let stored = 0;
  let newest = -1;
  let loss = objective(batch, theta, weightDecay, grad);
  let iteration = 0;
  for (; iteration < POLISH_ITERATIONS && norm(grad) > POLISH_TOLERANCE; iteration++) {
    // direction = −H·grad by the two-loop recursion.
    for (let p = 0; p < size; p++) direction[p] = -grad[p];
    for (let k = 0; k < stored; k++) {
      const slot = (newest - k + MEMORY) % MEMORY;
      alpha[slot] = rho[slot] * dot(s, direction, slot * size, size);
      for (let p = 0; p < size; p++) direction[p] -= alpha[slot] * y[slot * size + p];
    }
    if (stored > 0) {
      const gamma = 1 / (rho[newest] * dot(y, y.subarray(newest * size, newest * size + size), newest * size, size));
      for (let p = 0; p < size; p++) direction[p] *= gamma;
    } else {
      const first = Math.min(1, 1e-2 / norm(grad));
      for (let p = 0; p < size; p++) direction[p] *= first;
    }
    for (let k = stored - 1; k >= 0; k--) {
      const slot = (newest - k + MEMORY) % MEMORY;
      const beta = rho[slot] * dot(y, direction, slot * size, size);
      for (let p = 0; p < size; p++) direction[p] += (alpha[slot] - beta) * s[slot * size + p];
    }
    let slope = 0;
    for (let p = 0; p < size; p++) slope += grad[p] * direction[p];
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      stored = 0;
      for (let p = 0; p < size; p++) direction[p] = -grad[p];
      slope = -dot(grad, grad, 0, size);
    }
    let step = 1;
    let trialLoss = Infinity;
    for (let tries = 0; tries < 40; tries++, step *= 0.5) {
      for (let p = 0; p < size; p++) trial[p] = theta[p] + step * direction[p];
      trialLoss = objective(batch, trial, weightDecay, trialGrad);
      if (trialLoss <= loss + 1e-4 * step * slope) break;
    }
    if (!(trialLoss <= loss)) break; // no step lowers L: θ is as good as rounding allows
    newest = (newest + 1) % MEMORY;
    let sy = 0;
    for (let p = 0; p < size; p++) {
      const sp = trial[p] - theta[p];
      const yp = trialGrad[p] - grad[p];
      s[newest * size + p] = sp;
      y[newest * size + p] = yp;
      sy += sp * yp;
    }
    if (sy > 0) {
      rho[newest] = 1 / sy;
      stored = Math.min(stored + 1, MEMORY);
    } else {
      newest = (newest - 1 + MEMORY) % MEMORY; // curvature condition failed: keep the old pairs
    }
    theta.set(trial);
    grad.set(trialGrad);
    loss = trialLoss;
  }
  return { loss, iterations: iteration };
}
