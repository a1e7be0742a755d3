/**
 * A 2 → H → H → 1 perceptron, forward and backward by hand over Float64Arrays:
 * tanh hidden layers, one logit out, binary cross-entropy from the logit.
 *
 *   a₁ = tanh(W₁x + b₁),  a₂ = tanh(W₂a₁ + b₂),  z = w₃·a₂ + b₃,  p = σ(z)
 *   ℓ(z, y) = max(z, 0) − z·y + log(1 + e^{−|z|})      (= −y log p − (1 − y) log(1 − p), without overflow)
 *   ∂ℓ/∂z = σ(z) − y
 *
 * All parameters live in one vector θ (layout below) so that a point of a slice,
 * θ* + α d₁ + β d₂, is one loop. `MlpBatch` keeps each data row's activations so
 * the backward pass (and a second evaluation at the same θ) reuses them; nothing
 * here allocates after construction. tanh, exp and log1p come from
 * portableMath.ts, so results are the same bits in every engine.
 */
import type { MlpLayout } from './mlpLayout.ts';
import { exp, log1pUnit, tanh } from './portableMath.ts';

export { INPUT_SIZE, mlpLayout, type MlpLayout } from './mlpLayout.ts';
export { penalty, objective, meanLoss, logits, sigmoid } from './mlpLoss.ts';

/** Rows the blocked passes take at once: four independent sums per weight hide the adder's latency (about 3× faster here). */
const BLOCK = 4;

/**
 * Rows (x, y) of a binary classification data set, and the network's activations
 * on each row for one θ at a time. `forward` fills rows' activations, losses ℓᵢ
 * and slopes ∂ℓ/∂zᵢ; `backward` then adds their ∇θ ℓᵢ into a gradient.
 *
 * The passes run four rows at a time, but every sum keeps the order of the
 * one-row formulas (bias first, then k = 0 … H − 1; gradients row after row),
 * so a row's numbers are the same bits whichever pass computed them.
 */
export class MlpBatch {
  readonly layout: MlpLayout;
  /** Row i's inputs at 2i, 2i + 1. */
  readonly inputs: Float64Array;
  /** 0 or 1. */
  readonly labels: Float64Array;
  readonly size: number;
  /** Hidden activations, row i's at i·H … i·H + H − 1. */
  readonly hidden1: Float64Array;
  readonly hidden2: Float64Array;
  /** ℓ(zᵢ, yᵢ) and ∂ℓ/∂zᵢ = σ(zᵢ) − yᵢ of the last forward pass of row i. */
  readonly rowLoss: Float64Array;
  readonly rowSlope: Float64Array;
  /** Backward scratch for a block of rows: ∂ℓ/∂(W₂a₁ + b₂) and Σⱼ W₂ⱼₖ δⱼ, row r's at r·H. */
  private readonly delta2: Float64Array;
  private readonly back1: Float64Array;

  constructor(layout: MlpLayout, inputs: Float64Array, labels: Float64Array) {
    this.layout = layout;
    this.inputs = inputs;
    this.labels = labels;
    this.size = labels.length;
    this.hidden1 = new Float64Array(this.size * layout.hidden);
    this.hidden2 = new Float64Array(this.size * layout.hidden);
    this.rowLoss = new Float64Array(this.size);
    this.rowSlope = new Float64Array(this.size);
    this.delta2 = new Float64Array(BLOCK * layout.hidden);
    this.back1 = new Float64Array(BLOCK * layout.hidden);
  }

  /** Forward pass of rows start … end − 1 at θ: stores activations, ℓᵢ and ∂ℓ/∂zᵢ. */
  forward(theta: Float64Array, start: number, end: number): void {
    let i = start;
    for (; i + BLOCK <= end; i += BLOCK) this.forwardBlock(theta, i);
    for (; i < end; i++) this.forwardRow(theta, i);
  }

  /** Adds Σ ∇θ ℓᵢ over rows start … end − 1 into grad (their forward pass at θ must be the last one run). */
  backward(theta: Float64Array, start: number, end: number, grad: Float64Array): void {
    let i = start;
    for (; i + BLOCK <= end; i += BLOCK) this.backwardBlock(theta, i, grad);
    for (; i < end; i++) this.backwardRow(theta, i, grad);
  }

  /** Forward pass of row i alone. */
  forwardRow(theta: Float64Array, i: number): void {
    const { hidden, w1, b1, w2, b2, w3, b3 } = this.layout;
    const a1 = this.hidden1;
    const a2 = this.hidden2;
    const offset = i * hidden;
    const x0 = this.inputs[2 * i];
    const x1 = this.inputs[2 * i + 1];
    for (let j = 0; j < hidden; j++) {
      a1[offset + j] = tanh(theta[w1 + 2 * j] * x0 + theta[w1 + 2 * j + 1] * x1 + theta[b1 + j]);
    }
    for (let j = 0; j < hidden; j++) {
      const row = w2 + j * hidden;
      let sum = theta[b2 + j];
      for (let k = 0; k < hidden; k++) sum += theta[row + k] * a1[offset + k];
      a2[offset + j] = tanh(sum);
    }
    let z = theta[b3];
    for (let k = 0; k < hidden; k++) z += theta[w3 + k] * a2[offset + k];
    this.finishRow(i, z);
  }

  /** Forward pass of rows i … i + 3: the one-row formulas, four sums at a time. */
  private forwardBlock(theta: Float64Array, i: number): void {
    const { hidden, w1, b1, w2, b2, w3, b3 } = this.layout;
    const a1 = this.hidden1;
    const a2 = this.hidden2;
    const inputs = this.inputs;
    for (let r = i; r < i + BLOCK; r++) {
      const offset = r * hidden;
      const x0 = inputs[2 * r];
      const x1 = inputs[2 * r + 1];
      for (let j = 0; j < hidden; j++) {
        a1[offset + j] = tanh(theta[w1 + 2 * j] * x0 + theta[w1 + 2 * j + 1] * x1 + theta[b1 + j]);
      }
    }
    const o0 = i * hidden;
    const o1 = o0 + hidden;
    const o2 = o1 + hidden;
    const o3 = o2 + hidden;
    for (let j = 0; j < hidden; j++) {
      const row = w2 + j * hidden;
      const bias = theta[b2 + j];
      let s0 = bias;
      let s1 = bias;
      let s2 = bias;
      let s3 = bias;
      for (let k = 0; k < hidden; k++) {
        const w = theta[row + k];
        s0 += w * a1[o0 + k];
        s1 += w * a1[o1 + k];
        s2 += w * a1[o2 + k];
        s3 += w * a1[o3 + k];
      }
      a2[o0 + j] = tanh(s0);
      a2[o1 + j] = tanh(s1);
      a2[o2 + j] = tanh(s2);
      a2[o3 + j] = tanh(s3);
    }
    const bias = theta[b3];
    let z0 = bias;
    let z1 = bias;
    let z2 = bias;
    let z3 = bias;
    for (let k = 0; k < hidden; k++) {
      const w = theta[w3 + k];
      z0 += w * a2[o0 + k];
      z1 += w * a2[o1 + k];
      z2 += w * a2[o2 + k];
      z3 += w * a2[o3 + k];
    }
    this.finishRow(i, z0);
    this.finishRow(i + 1, z1);
    this.finishRow(i + 2, z2);
    this.finishRow(i + 3, z3);
  }

  /** Row i's loss and slope from its logit z. */
  private finishRow(i: number, z: number): void {
    const y = this.labels[i];
    const e = exp(z < 0 ? z : -z); // e^{−|z|} ∈ (0, 1]
    this.rowLoss[i] = (z > 0 ? z : 0) - z * y + log1pUnit(e);
    this.rowSlope[i] = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y;
  }

  /** Adds ∇θ ℓᵢ of row i alone into grad. */
  backwardRow(theta: Float64Array, i: number, grad: Float64Array): void {
    const { hidden, w1, b1, w2, b2, w3, b3 } = this.layout;
    const a1 = this.hidden1;
    const a2 = this.hidden2;
    const delta2 = this.delta2;
    const back1 = this.back1;
    const offset = i * hidden;
    const slope = this.rowSlope[i];
    grad[b3] += slope;
    for (let k = 0; k < hidden; k++) {
      const a = a2[offset + k];
      grad[w3 + k] += slope * a;
      delta2[k] = slope * theta[w3 + k] * (1 - a * a);
      back1[k] = 0;
    }
    for (let j = 0; j < hidden; j++) {
      const d = delta2[j];
      const row = w2 + j * hidden;
      grad[b2 + j] += d;
      for (let k = 0; k < hidden; k++) {
        grad[row + k] += d * a1[offset + k];
        back1[k] += theta[row + k] * d;
      }
    }
    const x0 = this.inputs[2 * i];
    const x1 = this.inputs[2 * i + 1];
    for (let k = 0; k < hidden; k++) {
      const a = a1[offset + k];
      const d = back1[k] * (1 - a * a);
      grad[b1 + k] += d;
      grad[w1 + 2 * k] += d * x0;
      grad[w1 + 2 * k + 1] += d * x1;
    }
  }

  /** backwardRow for rows i … i + 3, each gradient entry receiving the rows' terms in row order. */
  private backwardBlock(theta: Float64Array, i: number, grad: Float64Array): void {
    const { hidden, w1, b1, w2, b2, w3, b3 } = this.layout;
    const a1 = this.hidden1;
    const a2 = this.hidden2;
    const delta2 = this.delta2;
    const back1 = this.back1;
    const slopes = this.rowSlope;
    const g0 = slopes[i];
    const g1 = slopes[i + 1];
    const g2 = slopes[i + 2];
    const g3 = slopes[i + 3];
    const o0 = i * hidden;
    const o1 = o0 + hidden;
    const o2 = o1 + hidden;
    const o3 = o2 + hidden;
    const q1 = hidden;
    const q2 = 2 * hidden;
    const q3 = 3 * hidden;
    let gb = grad[b3];
    gb += g0;
    gb += g1;
    gb += g2;
    gb += g3;
    grad[b3] = gb;
    for (let k = 0; k < hidden; k++) {
      const w = theta[w3 + k];
      const c0 = a2[o0 + k];
      const c1 = a2[o1 + k];
      const c2 = a2[o2 + k];
      const c3 = a2[o3 + k];
      let g = grad[w3 + k];
      g += g0 * c0;
      g += g1 * c1;
      g += g2 * c2;
      g += g3 * c3;
      grad[w3 + k] = g;
      delta2[k] = g0 * w * (1 - c0 * c0);
      delta2[q1 + k] = g1 * w * (1 - c1 * c1);
      delta2[q2 + k] = g2 * w * (1 - c2 * c2);
      delta2[q3 + k] = g3 * w * (1 - c3 * c3);
      back1[k] = 0;
      back1[q1 + k] = 0;
      back1[q2 + k] = 0;
      back1[q3 + k] = 0;
    }
    for (let j = 0; j < hidden; j++) {
      const d0 = delta2[j];
      const d1 = delta2[q1 + j];
      const d2 = delta2[q2 + j];
      const d3 = delta2[q3 + j];
      const row = w2 + j * hidden;
      let gbias = grad[b2 + j];
      gbias += d0;
      gbias += d1;
      gbias += d2;
      gbias += d3;
      grad[b2 + j] = gbias;
      for (let k = 0; k < hidden; k++) {
        const w = theta[row + k];
        let g = grad[row + k];
        g += d0 * a1[o0 + k];
        g += d1 * a1[o1 + k];
        g += d2 * a1[o2 + k];
        g += d3 * a1[o3 + k];
        grad[row + k] = g;
        back1[k] += w * d0;
        back1[q1 + k] += w * d1;
        back1[q2 + k] += w * d2;
        back1[q3 + k] += w * d3;
      }
    }
    const inputs = this.inputs;
    for (let r = 0; r < BLOCK; r++) {
      const offset = o0 + r * hidden;
      const x0 = inputs[2 * (i + r)];
      const x1 = inputs[2 * (i + r) + 1];
      for (let k = 0; k < hidden; k++) {
        const a = a1[offset + k];
        const d = back1[r * hidden + k] * (1 - a * a);
        grad[b1 + k] += d;
        grad[w1 + 2 * k] += d * x0;
        grad[w1 + 2 * k + 1] += d * x1;
      }
    }
  }
}
