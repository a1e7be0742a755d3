import { REGRESSION_ROWS } from '../data/regression.ts';
import type { ExampleSet, Point, Surface } from '../types.ts';

const inputs = Float64Array.from(REGRESSION_ROWS, ([u]) => u);
const targets = Float64Array.from(REGRESSION_ROWS, ([, target]) => target);
const rowCount = inputs.length;

/** Means of u, t, u², u·t and t² over the rows: the full loss is a quadratic in (w, b) with these coefficients. */
function moments(): { u: number; t: number; uu: number; ut: number; tt: number } {
  let u = 0;
  let t = 0;
  let uu = 0;
  let ut = 0;
  let tt = 0;
  for (let i = 0; i < rowCount; i++) {
    u += inputs[i];
    t += targets[i];
    uu += inputs[i] * inputs[i];
    ut += inputs[i] * targets[i];
    tt += targets[i] * targets[i];
  }
  return { u: u / rowCount, t: t / rowCount, uu: uu / rowCount, ut: ut / rowCount, tt: tt / rowCount };
}

const mean = moments();

/** The least-squares line, in closed form: w = cov(u, t) / var(u), b = t̄ − w·ū. */
export const LEAST_SQUARES: Point = (() => {
  const w = (mean.ut - mean.u * mean.t) / (mean.uu - mean.u * mean.u);
  return [w, mean.t - w * mean.u];
})();

/** Row i's loss is its squared residual (w·uᵢ + b − tᵢ)²; its gradient is 2r·(uᵢ, 1). */
const examples: ExampleSet = {
  size: rowCount,
  exampleLoss: (index, w, b) => {
    const residual = w * inputs[index] + b - targets[index];
    return residual * residual;
  },
  exampleGradient: (index, w, b, out) => {
    const residual = w * inputs[index] + b - targets[index];
    out[0] += 2 * residual * inputs[index];
    out[1] += 2 * residual;
  },
};

/**
 * Mean squared error of the line f(u) = w·u + b over the 64 shipped rows
 * (data/regression.ts), as a function of (x, y) = (w, b):
 * L(w, b) = (1/N) Σ (w·uᵢ + b − tᵢ)². The full loss and gradient use the data's
 * moments (exactly the same quadratic, O(1) per call); mini-batches use the rows.
 */
export const linearRegression: Surface = {
  id: 'linear-regression',
  label: 'Linear regression',
  teaches: 'A real loss: the mean squared error of a line over data; mini-batches are real rows of that data.',
  tex: '\\frac{1}{N}\\sum_{i=1}^{N} \\left(x\\,u_i + y - t_i\\right)^2',
  loss: (w, b) => w * w * mean.uu + 2 * w * b * mean.u + b * b - 2 * w * mean.ut - 2 * b * mean.t + mean.tt,
  gradient: (w, b, out) => {
    out[0] = 2 * (w * mean.uu + b * mean.u - mean.ut);
    out[1] = 2 * (w * mean.u + b - mean.t);
  },
  // The mean of the rows' Hessians 2·(uᵢ, 1)(uᵢ, 1)ᵀ: constant, 2·[[mean u², mean u], [mean u, 1]].
  hessian: (_w, _b, out) => {
    out[0] = 2 * mean.uu;
    out[1] = 2 * mean.u;
    out[2] = 2;
  },
  domain: { x: [-1, 5], y: [-4, 2] },
  minima: [LEAST_SQUARES],
  suggestedStart: [-0.5, 1.5],
  lrRange: [1e-3, 0.8],
  suggestedLr: 0.1,
  logHeight: false,
  examples,
};
