/**
 * Training a perceptron once, to θ*: seeded initialisation, full-batch Adam
 * (torch.optim.Adam's rule, its weight_decay as the L2 term), then a polish,
 * L-BFGS and a few Newton steps, until the gradient vanishes to rounding
 * (‖∇L‖ ≤ 1e-12), so θ* is a true minimum of the objective.
 *
 * Why the L2 term: cross-entropy on data a network can separate has no minimum
 * (the loss keeps falling as the weights grow), so Adam's last iterate would not
 * be a stationary point and the slice's origin would not be a minimum of it. A
 * small λ/2 ‖θ‖² (the weight decay Li et al. also train with) gives the loss a
 * minimum, which training reaches and the polish pins down.
 */
import { createRandom } from '../random.ts';
import { norm } from './linalg.ts';
import { objective, type MlpBatch } from './mlp.ts';
import { lbfgs, LBFGS_TOLERANCE, newton, POLISH_TOLERANCE } from './polish.ts';

export { POLISH_TOLERANCE } from './polish.ts';

export interface TrainingOptions {
  /** Full-batch Adam steps. */
  readonly steps: number;
  /** Adam's learning rate (torch's betas 0.9, 0.999 and eps 1e-8). */
  readonly lr: number;
  /** λ of the L2 term (torch's weight_decay). */
  readonly weightDecay: number;
  /** Seed of the initialisation. */
  readonly seed: number;
  /** A point of the path is kept every this many Adam steps and L-BFGS iterations. */
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
   * The path: θ₀, θ_k, θ_2k, … and the last Adam iterate, then every k-th
   * L-BFGS iterate of the polish, then θ*: `pathCount` rows of P numbers,
   * row-major, with L at each (the objective, not any slice's height).
   */
  readonly path: Float64Array;
  readonly pathLoss: Float64Array;
  /** Each row's step: Adam steps 0 … steps, then steps + the polish iteration. */
  readonly pathStep: Int32Array;
  readonly pathCount: number;
  /** The index of the first polish row (the rows before it are Adam's). */
  readonly polishStart: number;
  /** L-BFGS and Newton iterations the polish took. */
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

  const rows: Float64Array[] = [];
  const losses: number[] = [];
  const stepsTaken: number[] = [];
  const record = (point: Float64Array, loss: number, step: number) => {
    rows.push(point.slice());
    losses.push(loss);
    stepsTaken.push(step);
  };

  // torch.optim.Adam: g ← ∇L + λθ (in `objective`); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
  // θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε). β₁ᵗ, β₂ᵗ as running products (as loops.ts keeps them).
  let beta1t = 1;
  let beta2t = 1;
  for (let t = 0; t < steps; t++) {
    const loss = objective(batch, theta, weightDecay, grad);
    if (t % recordEvery === 0) record(theta, loss, t);
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
  record(theta, objective(batch, theta, weightDecay, null), steps);
  const polishStart = rows.length;

  let polishIterations = 0;
  const recordPolish = (point: Float64Array, loss: number, iteration: number) => {
    if ((polishIterations + iteration) % recordEvery === 0) record(point, loss, steps + polishIterations + iteration);
  };
  polishIterations += lbfgs(batch, theta, weightDecay, grad, LBFGS_TOLERANCE, recordPolish).iterations;
  let polish = newton(batch, theta, weightDecay, grad);
  polishIterations += polish.iterations;
  if (norm(grad) > POLISH_TOLERANCE) {
    // Newton stalled (negative curvature nearby, or not yet in its quadratic region): L-BFGS all the way, then Newton once more.
    polishIterations += lbfgs(batch, theta, weightDecay, grad, POLISH_TOLERANCE, recordPolish).iterations;
    polish = newton(batch, theta, weightDecay, grad);
    polishIterations += polish.iterations;
  }
  record(theta, polish.loss, steps + polishIterations);
  const path = new Float64Array(rows.length * size);
  rows.forEach((row, i) => path.set(row, i * size));
  return {
    theta,
    loss: polish.loss,
    gradientNorm: norm(grad),
    path,
    pathLoss: Float64Array.from(losses),
    pathStep: Int32Array.from(stepsTaken),
    pathCount: rows.length,
    polishStart,
    polishIterations,
  };
}
