/**
 * The perceptron's objective over a batch (mean cross-entropy plus the L2
 * penalty, and its gradient), and its logits and probabilities at any inputs
 * without touching a batch's cached activations.
 */
import type { MlpBatch } from './mlp.ts';
import type { MlpLayout } from './mlpLayout.ts';
import { exp, tanh } from './portableMath.ts';

/** λ/2 ‖θ‖², the L2 penalty (summed in index order). */
export function penalty(theta: Float64Array, weightDecay: number): number {
  let squares = 0;
  for (let p = 0; p < theta.length; p++) squares += theta[p] * theta[p];
  return 0.5 * weightDecay * squares;
}

/**
 * The training objective L(θ) = (1/N) Σᵢ ℓᵢ + λ/2 ‖θ‖², and when `grad` is given
 * its gradient (1/N) Σᵢ ∇ℓᵢ + λθ written into it. The slices evaluate the same
 * sums in the same order, so L at the slice's origin is this value, bit for bit.
 */
export function objective(batch: MlpBatch, theta: Float64Array, weightDecay: number, grad: Float64Array | null): number {
  batch.forward(theta, 0, batch.size);
  if (grad !== null) {
    grad.fill(0);
    batch.backward(theta, 0, batch.size, grad);
    for (let p = 0; p < grad.length; p++) grad[p] = grad[p] / batch.size + weightDecay * theta[p];
  }
  return meanLoss(batch) + penalty(theta, weightDecay);
}

/** (1/N) Σᵢ ℓᵢ over the batch's last forward pass, summed in row order. */
export function meanLoss(batch: MlpBatch): number {
  let sum = 0;
  for (let i = 0; i < batch.size; i++) sum += batch.rowLoss[i];
  return sum / batch.size;
}

/**
 * The logit z of the network at θ for each of `count` inputs (x at 2k, y at
 * 2k + 1), written into out[k]; `scratch` holds H numbers. Does not touch any
 * batch's cached activations.
 */
export function logits(layout: MlpLayout, theta: Float64Array, inputs: ArrayLike<number>, count: number, out: Float64Array, scratch: Float64Array): void {
  const { hidden, w1, b1, w2, b2, w3, b3 } = layout;
  for (let n = 0; n < count; n++) {
    const x0 = inputs[2 * n];
    const x1 = inputs[2 * n + 1];
    for (let j = 0; j < hidden; j++) scratch[j] = tanh(theta[w1 + 2 * j] * x0 + theta[w1 + 2 * j + 1] * x1 + theta[b1 + j]);
    let z = theta[b3];
    for (let j = 0; j < hidden; j++) {
      const row = w2 + j * hidden;
      let sum = theta[b2 + j];
      for (let k = 0; k < hidden; k++) sum += theta[row + k] * scratch[k];
      z += theta[w3 + j] * tanh(sum);
    }
    out[n] = z;
  }
}

/** σ(z) = 1 / (1 + e^{−z}), without overflow. */
export function sigmoid(z: number): number {
  const e = exp(z < 0 ? z : -z);
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}
