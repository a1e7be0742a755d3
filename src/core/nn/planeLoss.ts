/**
 * The objective on a plane θ(α, β) = c + α d₁ + β d₂, loss only, for many
 * points in a row: what a height field needs. It computes exactly the sums of
 * `objective` (mlpLoss.ts) and of a slice's `loss` (evaluator.ts), in the same
 * order, so each value is the same bits; it is about twice as fast because it
 * keeps nothing for a backward pass: the second layer's activations go straight
 * into the logit (z accumulates over j in the order the one-row pass sums over
 * k), no slope ∂ℓ/∂z is formed, and no row's activations are stored beyond its
 * block of four. Nothing allocates per point.
 */
import type { MlpLayout } from './mlpLayout.ts';
import { exp, log1pUnit, tanh } from './portableMath.ts';

/** Rows per block: four sums per weight of W₂ at once (as MlpBatch's blocked pass). */
const BLOCK = 4;

/** L(α, β) = (1/N) Σᵢ ℓᵢ(θ) + λ/2 ‖θ‖² at θ = center + α d₁ + β d₂; the returned function reuses its buffers. */
export function planeLoss(
  layout: MlpLayout,
  inputs: Float64Array,
  labels: Float64Array,
  center: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
  weightDecay: number,
): (alpha: number, beta: number) => number {
  const rows = labels.length;
  const theta = new Float64Array(layout.parameterCount);
  /** First-layer activations of a block of rows, row r's at r·H. */
  const a1 = new Float64Array(BLOCK * layout.hidden);
  // Everything the loops read is a local of the call (not a closure slot), so the JIT keeps it in registers.
  return (alpha, beta) => loss(layout, inputs, labels, rows, center, d1, d2, weightDecay, theta, a1, alpha, beta);
}

/** ℓ(z, y), as MlpBatch's finishRow writes it. */
function rowLoss(z: number, y: number): number {
  const e = exp(z < 0 ? z : -z);
  return (z > 0 ? z : 0) - z * y + log1pUnit(e);
}

/** First layer of row i into a1 at `offset`. */
function firstLayer(layout: MlpLayout, theta: Float64Array, inputs: Float64Array, i: number, a1: Float64Array, offset: number): void {
  const { hidden, w1, b1 } = layout;
  const x0 = inputs[2 * i];
  const x1 = inputs[2 * i + 1];
  for (let j = 0; j < hidden; j++) a1[offset + j] = tanh(theta[w1 + 2 * j] * x0 + theta[w1 + 2 * j + 1] * x1 + theta[b1 + j]);
}

function loss(
  layout: MlpLayout,
  inputs: Float64Array,
  labels: Float64Array,
  rows: number,
  center: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
  weightDecay: number,
  theta: Float64Array,
  a1: Float64Array,
  alpha: number,
  beta: number,
): number {
  const { hidden, w2, b2, w3, b3, parameterCount } = layout;
  let squares = 0;
  for (let p = 0; p < parameterCount; p++) theta[p] = center[p] + alpha * d1[p] + beta * d2[p];
  for (let p = 0; p < parameterCount; p++) squares += theta[p] * theta[p];
  const outBias = theta[b3];
  const q1 = hidden;
  const q2 = 2 * hidden;
  const q3 = 3 * hidden;
  let sum = 0;
  let i = 0;
  for (; i + BLOCK <= rows; i += BLOCK) {
    firstLayer(layout, theta, inputs, i, a1, 0);
    firstLayer(layout, theta, inputs, i + 1, a1, q1);
    firstLayer(layout, theta, inputs, i + 2, a1, q2);
    firstLayer(layout, theta, inputs, i + 3, a1, q3);
    let z0 = outBias;
    let z1 = outBias;
    let z2 = outBias;
    let z3 = outBias;
    for (let j = 0; j < hidden; j++) {
      const row = w2 + j * hidden;
      const bias = theta[b2 + j];
      let s0 = bias;
      let s1 = bias;
      let s2 = bias;
      let s3 = bias;
      for (let k = 0; k < hidden; k++) {
        const w = theta[row + k];
        s0 += w * a1[k];
        s1 += w * a1[q1 + k];
        s2 += w * a1[q2 + k];
        s3 += w * a1[q3 + k];
      }
      const out = theta[w3 + j];
      z0 += out * tanh(s0);
      z1 += out * tanh(s1);
      z2 += out * tanh(s2);
      z3 += out * tanh(s3);
    }
    sum += rowLoss(z0, labels[i]);
    sum += rowLoss(z1, labels[i + 1]);
    sum += rowLoss(z2, labels[i + 2]);
    sum += rowLoss(z3, labels[i + 3]);
  }
  for (; i < rows; i++) {
    firstLayer(layout, theta, inputs, i, a1, 0);
    let z = outBias;
    for (let j = 0; j < hidden; j++) {
      const row = w2 + j * hidden;
      let s = theta[b2 + j];
      for (let k = 0; k < hidden; k++) s += theta[row + k] * a1[k];
      z += theta[w3 + j] * tanh(s);
    }
    sum += rowLoss(z, labels[i]);
  }
  return sum / rows + 0.5 * weightDecay * squares;
}
