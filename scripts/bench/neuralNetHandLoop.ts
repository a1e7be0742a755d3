/**
 * Plain SGD on a neural-net slice, written out by hand: what benchNeuralNet.ts (Node) and
 * benchNeuralNetBrowser.ts (in the page) measure `simulate` against.
 *
 * θ = θ* + α d₁ + β d₂, forward row by row (activations kept), loss; each step backpropagates
 * the kept activations, projects ∇θL on d₁, d₂, moves (α, β), forms θ again and runs the
 * forward pass that gives the new loss (one forward and one backward pass per step, as
 * simulate manages through the slice's cache). Every point is stored, as simulate stores them.
 *
 * The function is self-contained (no imports, no closures over the module) so that Playwright
 * can send its source to a page: there it uses Math's tanh, exp and log1p; in Node the
 * benchmark passes the engine's portable ones.
 */

/** θ*, the plane, the data and the run, as plain arrays (structured-cloneable). */
export interface HandLoopInput {
  readonly center: ArrayLike<number>;
  readonly d1: ArrayLike<number>;
  readonly d2: ArrayLike<number>;
  /** Row i's inputs at 2i, 2i + 1. */
  readonly inputs: ArrayLike<number>;
  readonly labels: ArrayLike<number>;
  readonly hidden: number;
  readonly lambda: number;
  readonly lr: number;
  readonly start: readonly [number, number];
  readonly steps: number;
}

/** The elementary functions the loop uses (ln(1 + u) only for u in (0, 1]). */
export interface HandLoopMath {
  tanh(x: number): number;
  exp(x: number): number;
  log1p(u: number): number;
}

/** Runs the SGD and returns the number of steps taken (fewer if it diverged). */
export function neuralNetHandLoop(input: HandLoopInput, math?: HandLoopMath): number {
  const { tanh, exp, log1p } = math ?? Math;
  const { center, d1, d2, inputs, labels, hidden, lambda, lr, start, steps } = input;
  const size = center.length;
  const rows = labels.length;
  const w1 = 0;
  const b1 = 2 * hidden;
  const w2 = b1 + hidden;
  const b2 = w2 + hidden * hidden;
  const w3 = b2 + hidden;
  const b3 = w3 + hidden;
  const theta = new Float64Array(size);
  const grad = new Float64Array(size);
  const a1 = new Float64Array(rows * hidden);
  const a2 = new Float64Array(rows * hidden);
  const slope = new Float64Array(rows);
  const delta = new Float64Array(hidden);
  const back = new Float64Array(hidden);
  const xs = new Float64Array(steps + 1);
  const ys = new Float64Array(steps + 1);
  const ls = new Float64Array(steps + 1);

  const forward = (alpha: number, beta: number): number => {
    let squares = 0;
    for (let p = 0; p < size; p++) {
      theta[p] = center[p] + alpha * d1[p] + beta * d2[p];
      squares += theta[p] * theta[p];
    }
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const o = i * hidden;
      const x0 = inputs[2 * i];
      const x1 = inputs[2 * i + 1];
      for (let j = 0; j < hidden; j++) a1[o + j] = tanh(theta[w1 + 2 * j] * x0 + theta[w1 + 2 * j + 1] * x1 + theta[b1 + j]);
      for (let j = 0; j < hidden; j++) {
        let s = theta[b2 + j];
        for (let k = 0; k < hidden; k++) s += theta[w2 + j * hidden + k] * a1[o + k];
        a2[o + j] = tanh(s);
      }
      let z = theta[b3];
      for (let k = 0; k < hidden; k++) z += theta[w3 + k] * a2[o + k];
      const e = exp(z < 0 ? z : -z);
      sum += (z > 0 ? z : 0) - z * labels[i] + log1p(e);
      slope[i] = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - labels[i];
    }
    return sum / rows + 0.5 * lambda * squares;
  };

  let alpha = start[0];
  let beta = start[1];
  xs[0] = alpha;
  ys[0] = beta;
  ls[0] = forward(alpha, beta);
  let step = 0;
  for (; step < steps; step++) {
    grad.fill(0);
    for (let i = 0; i < rows; i++) {
      const o = i * hidden;
      const g = slope[i];
      grad[b3] += g;
      for (let k = 0; k < hidden; k++) {
        const a = a2[o + k];
        grad[w3 + k] += g * a;
        delta[k] = g * theta[w3 + k] * (1 - a * a);
        back[k] = 0;
      }
      for (let j = 0; j < hidden; j++) {
        const d = delta[j];
        grad[b2 + j] += d;
        for (let k = 0; k < hidden; k++) {
          grad[w2 + j * hidden + k] += d * a1[o + k];
          back[k] += theta[w2 + j * hidden + k] * d;
        }
      }
      for (let k = 0; k < hidden; k++) {
        const a = a1[o + k];
        const d = back[k] * (1 - a * a);
        grad[b1 + k] += d;
        grad[w1 + 2 * k] += d * inputs[2 * i];
        grad[w1 + 2 * k + 1] += d * inputs[2 * i + 1];
      }
    }
    let gAlpha = 0;
    let gBeta = 0;
    for (let p = 0; p < size; p++) {
      const g = grad[p] / rows + lambda * theta[p];
      gAlpha += g * d1[p];
      gBeta += g * d2[p];
    }
    alpha -= lr * gAlpha;
    beta -= lr * gBeta;
    const loss = forward(alpha, beta);
    if (!(Math.abs(loss) <= 1e30)) break;
    xs[step + 1] = alpha;
    ys[step + 1] = beta;
    ls[step + 1] = loss;
  }
  return step;
}
