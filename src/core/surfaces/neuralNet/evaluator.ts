/**
 * The loss of a trained network on the plane θ(α, β) = θ* + α d₁ + β d₂, its
 * exact gradient in (α, β) and the per-example terms, as closures over one
 * parameter vector and the batch's activation cache.
 *
 * θ is formed once per (α, β) and each row's forward pass is kept until θ
 * changes, so the usual pattern of a run (loss at the new point, then the
 * gradient at that same point) does the forward pass once. Rows remember which
 * θ they were computed for (a stamp), so a mini-batch's rows, the full batch and
 * the loss share work without ever mixing two θs. Nothing allocates after
 * construction.
 *
 *   L(α, β)        = (1/N) Σᵢ ℓᵢ(θ) + λ/2 ‖θ‖²          (nn/mlp.ts `objective`, same sums)
 *   ∂L/∂α, ∂L/∂β   = ∇θL · d₁, ∇θL · d₂                  (backpropagation, then two dot products)
 *   Lᵢ(α, β)       = ℓᵢ(θ) + λ/2 ‖θ‖²                     (so (1/N) Σᵢ Lᵢ = L)
 */
import { logits, meanLoss, penalty, sigmoid, type MlpBatch } from '../../nn/mlp.ts';

export interface SliceEvaluator {
  /** θ(α, β) as last formed; callers must not modify it. */
  readonly theta: Float64Array;
  loss(alpha: number, beta: number): number;
  gradient(alpha: number, beta: number, out: Float64Array): void;
  exampleLoss(index: number, alpha: number, beta: number): number;
  /** Adds ∇Lᵢ in (α, β) into out. */
  exampleGradient(index: number, alpha: number, beta: number, out: Float64Array): void;
  /** The network's probability p = σ(z) at `count` inputs (x at 2k, y at 2k + 1), into out[k]. */
  predict(alpha: number, beta: number, inputs: ArrayLike<number>, count: number, out: Float64Array): void;
}

export function sliceEvaluator(batch: MlpBatch, center: Float64Array, d1: Float64Array, d2: Float64Array, weightDecay: number): SliceEvaluator {
  const size = center.length;
  const rows = batch.size;
  const theta = new Float64Array(size);
  const grad = new Float64Array(size);
  const scratch = new Float64Array(batch.layout.hidden);
  /** The θ version each row's cached forward pass belongs to. */
  const stamps = new Float64Array(rows).fill(-1);
  let version = 0;
  let allRows = false;
  let formedAlpha = NaN;
  let formedBeta = NaN;
  let formedPenalty = 0;

  const form = (alpha: number, beta: number) => {
    if (alpha === formedAlpha && beta === formedBeta) return;
    for (let p = 0; p < size; p++) theta[p] = center[p] + alpha * d1[p] + beta * d2[p];
    formedAlpha = alpha;
    formedBeta = beta;
    formedPenalty = penalty(theta, weightDecay);
    version++;
    allRows = false;
  };
  const forwardAll = () => {
    if (allRows) return;
    batch.forward(theta, 0, rows);
    stamps.fill(version);
    allRows = true;
  };
  const forwardOne = (index: number) => {
    if (stamps[index] === version) return;
    batch.forwardRow(theta, index);
    stamps[index] = version;
  };
  /** out[0], out[1] += (g + λθ)·d₁, (g + λθ)·d₂ for g = grad / divisor. */
  const project = (divisor: number, out: Float64Array) => {
    let along1 = 0;
    let along2 = 0;
    for (let p = 0; p < size; p++) {
      const g = grad[p] / divisor + weightDecay * theta[p];
      along1 += g * d1[p];
      along2 += g * d2[p];
    }
    out[0] += along1;
    out[1] += along2;
  };

  return {
    theta,
    loss(alpha, beta) {
      form(alpha, beta);
      forwardAll();
      return meanLoss(batch) + formedPenalty;
    },
    gradient(alpha, beta, out) {
      form(alpha, beta);
      forwardAll();
      grad.fill(0);
      batch.backward(theta, 0, rows, grad);
      out[0] = 0;
      out[1] = 0;
      project(rows, out);
    },
    exampleLoss(index, alpha, beta) {
      form(alpha, beta);
      forwardOne(index);
      return batch.rowLoss[index] + formedPenalty;
    },
    exampleGradient(index, alpha, beta, out) {
      form(alpha, beta);
      forwardOne(index);
      grad.fill(0);
      batch.backwardRow(theta, index, grad);
      project(1, out);
    },
    predict(alpha, beta, inputs, count, out) {
      form(alpha, beta);
      logits(batch.layout, theta, inputs, count, out, scratch);
      for (let k = 0; k < count; k++) out[k] = sigmoid(out[k]);
    },
  };
}
