/**
 * Each point of a data-driven landscape is a model. What a model view needs to
 * draw it: for a neural-net slice, the network's probabilities over the input
 * plane (decision regions) and the training rows; for linear regression, the
 * line w·u + b through the data and each row's residual.
 */
import { REGRESSION_ROWS } from '../data/regression.ts';
import type { NeuralNetSlice } from '../surfaces/neuralNet/slice.ts';
import type { Domain, Range } from '../types.ts';

/** The inputs of a resolution × resolution grid, (x, y) at 2k, 2k + 1, k = j·resolution + i, as heightField lays out its grid. */
function gridInputs(domain: Domain, resolution: number): Float64Array {
  const inputs = new Float64Array(2 * resolution * resolution);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  for (let j = 0; j < resolution; j++) {
    const y = j === resolution - 1 ? y1 : y0 + (j * (y1 - y0)) / (resolution - 1);
    for (let i = 0; i < resolution; i++) {
      const k = j * resolution + i;
      inputs[2 * k] = i === resolution - 1 ? x1 : x0 + (i * (x1 - x0)) / (resolution - 1);
      inputs[2 * k + 1] = y;
    }
  }
  return inputs;
}

let cachedGrid: { readonly domain: Domain; readonly resolution: number; readonly inputs: Float64Array } | null = null;
let cachedProbabilities = new Float64Array(0);

/**
 * The probability of class 1 that the network at slice point (x, y) gives over
 * a resolution × resolution grid of the input plane (the slice's inputDomain by
 * default), row-major with row 0 at y.min, edges included (heightField's layout).
 * Written into `out` when given. A 64 × 64 grid takes a few milliseconds.
 */
export function decisionGrid(slice: NeuralNetSlice, x: number, y: number, resolution: number, out?: Float32Array, domain: Domain = slice.inputDomain): Float32Array {
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 1024) throw new Error(`resolution must be an integer from 2 to 1024 (got ${resolution})`);
  const count = resolution * resolution;
  const target = out ?? new Float32Array(count);
  if (target.length < count) throw new Error(`out must hold resolution² = ${count} numbers (got ${target.length})`);
  if (cachedGrid === null || cachedGrid.resolution !== resolution || !sameDomain(cachedGrid.domain, domain)) {
    cachedGrid = { domain: { x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] }, resolution, inputs: gridInputs(domain, resolution) };
  }
  if (cachedProbabilities.length < count) cachedProbabilities = new Float64Array(count);
  slice.predict(x, y, cachedGrid.inputs, count, cachedProbabilities);
  for (let k = 0; k < count; k++) target[k] = cachedProbabilities[k];
  return target;
}

const sameDomain = (a: Domain, b: Domain) => a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];

/** The linear-regression rows: u at 2i, target at 2i + 1 (a copy). */
export function regressionData(): { readonly size: number; readonly inputs: Float64Array } {
  const inputs = new Float64Array(2 * REGRESSION_ROWS.length);
  REGRESSION_ROWS.forEach(([u, target], i) => {
    inputs[2 * i] = u;
    inputs[2 * i + 1] = target;
  });
  return { size: REGRESSION_ROWS.length, inputs };
}

/** The range the regression inputs u were drawn from (data/regression.ts): draw the line over it. */
export const REGRESSION_INPUT_RANGE: Range = [-2, 2];

/** The line of slice point (w, b) at u: w·u + b. */
export const regressionLine = (w: number, b: number, u: number): number => w * u + b;

/** Each row's residual w·uᵢ + b − tᵢ at (w, b), into out (length 64); its square is that row's loss. */
export function regressionResiduals(w: number, b: number, out: Float64Array): Float64Array {
  for (let i = 0; i < REGRESSION_ROWS.length; i++) out[i] = w * REGRESSION_ROWS[i][0] + b - REGRESSION_ROWS[i][1];
  return out;
}
