/**
 * The two directions d₁, d₂ that span a slice θ* + α d₁ + β d₂ of parameter space.
 *
 * - Random, filter-normalised (Li, Xu, Taylor, Studer and Goldstein, "Visualizing
 *   the Loss Landscape of Neural Nets", NeurIPS 2018, §4): d ~ N(0, I), then each
 *   filter of d is rescaled to the norm of the same filter of θ*. For a dense
 *   layer a filter is one neuron's incoming weight vector (a row of W). Biases
 *   get 0, as the paper's code does with `--xignore biasbn` (the setting of its
 *   published figures), so a bias never moves along the slice.
 * - PCA of the training path: the two leading principal directions of the rows
 *   θᵢ − θ* (Li et al., §7), orthonormal, over every parameter, biases included.
 *   Unlike the paper's code (scikit-learn's PCA, which first subtracts the rows'
 *   mean) the rows are not centred: the plane must pass through θ*, and the
 *   uncentred directions are those of the plane through θ* closest to the path
 *   (least total squared distance).
 */
import { createRandom } from '../random.ts';
import { dot, norm } from './linalg.ts';
import type { MlpLayout } from './mlp.ts';
import { gaussian } from './portableMath.ts';

/** A random direction, filter-normalised to θ*, biases 0 (see the module comment). */
export function filterNormalizedDirection(layout: MlpLayout, center: Float64Array, seed: number): Float64Array {
  const { hidden, w1, b1, w2, b2, w3, b3, parameterCount } = layout;
  const random = createRandom(seed);
  const direction = new Float64Array(parameterCount);
  for (let p = 0; p < parameterCount; p++) direction[p] = gaussian(random);
  const filter = (start: number, length: number) => {
    let directionSquares = 0;
    let weightSquares = 0;
    for (let p = start; p < start + length; p++) {
      directionSquares += direction[p] * direction[p];
      weightSquares += center[p] * center[p];
    }
    // Li et al.'s code: d ← d · ‖w‖ / (‖d‖ + 1e-10).
    const factor = Math.sqrt(weightSquares) / (Math.sqrt(directionSquares) + 1e-10);
    for (let p = start; p < start + length; p++) direction[p] *= factor;
  };
  for (let j = 0; j < hidden; j++) filter(w1 + 2 * j, 2);
  for (let j = 0; j < hidden; j++) filter(w2 + j * hidden, hidden);
  filter(w3, hidden);
  direction.fill(0, b1, w2);
  direction.fill(0, b2, w3);
  direction[b3] = 0;
  return direction;
}

/** Two orthonormal principal directions and the share of Σᵢ‖θᵢ − θ*‖² each holds. */
export interface PrincipalDirections {
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly explained: readonly [number, number];
}

const SUBSPACE_ITERATIONS = 500;

/**
 * The two leading eigenvectors of Σᵢ (θᵢ − θ*)(θᵢ − θ*)ᵀ over `count` path rows
 * (P numbers each, row-major). Computed on the small Gram matrix Gᵢⱼ = (θᵢ − θ*)·(θⱼ − θ*)
 * by subspace iteration with a Rayleigh–Ritz step (a fixed procedure, so the
 * same bits everywhere), then mapped back: d = Σᵢ uᵢ (θᵢ − θ*) / ‖…‖. Signs are
 * chosen so that the path's first point has α, β ≥ 0.
 */
export function principalDirections(path: Float64Array, count: number, center: Float64Array): PrincipalDirections {
  const size = center.length;
  const rows = new Float64Array(count * size);
  for (let i = 0; i < count; i++) for (let p = 0; p < size; p++) rows[i * size + p] = path[i * size + p] - center[p];
  const gram = new Float64Array(count * count);
  let trace = 0;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j <= i; j++) {
      const value = dot(rows, i * size, rows, j * size, size);
      gram[i * count + j] = value;
      gram[j * count + i] = value;
    }
    trace += gram[i * count + i];
  }
  // Start from the path's first point and a point half-way: the path's main directions.
  let u = new Float64Array(count);
  let v = new Float64Array(count);
  u[0] = 1;
  v[count >> 1] = 1;
  let nextU = new Float64Array(count);
  let nextV = new Float64Array(count);
  orthonormalize(u, v);
  for (let iteration = 0; iteration < SUBSPACE_ITERATIONS; iteration++) {
    multiply(gram, count, u, nextU);
    multiply(gram, count, v, nextV);
    orthonormalize(nextU, nextV);
    const change = Math.abs(Math.abs(dot(nextU, 0, u, 0, count)) - 1) + Math.abs(Math.abs(dot(nextV, 0, v, 0, count)) - 1);
    [u, nextU] = [nextU, u];
    [v, nextV] = [nextV, v];
    if (change < 1e-15) break;
  }
  // Rayleigh–Ritz: the 2 × 2 matrix [[a, b], [b, c]] of G on span(u, v), diagonalised by a
  // Jacobi rotation (Golub and Van Loan, Algorithm 8.4.1: square roots only, no trigonometry).
  multiply(gram, count, u, nextU);
  multiply(gram, count, v, nextV);
  const a = dot(u, 0, nextU, 0, count);
  const b = dot(u, 0, nextV, 0, count);
  const c = dot(v, 0, nextV, 0, count);
  let t = 0;
  if (b !== 0) {
    const tau = (c - a) / (2 * b);
    t = tau >= 0 ? 1 / (tau + Math.sqrt(1 + tau * tau)) : -1 / (-tau + Math.sqrt(1 + tau * tau));
  }
  const cosine = 1 / Math.sqrt(1 + t * t);
  const sine = t * cosine;
  const first = new Float64Array(count);
  const second = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    first[i] = cosine * u[i] - sine * v[i];
    second[i] = sine * u[i] + cosine * v[i];
  }
  const lambda1 = a - t * b;
  const lambda2 = c + t * b;
  const [top, next, topValue, nextValue] = lambda1 >= lambda2 ? [first, second, lambda1, lambda2] : [second, first, lambda2, lambda1];
  const d1 = combine(rows, count, size, top);
  const d2 = combine(rows, count, size, next);
  // Exactly orthonormal (Gram–Schmidt once more in parameter space), signs fixed by the path's start.
  orthonormalize(d1, d2);
  if (dot(rows, 0, d1, 0, size) < 0) for (let p = 0; p < size; p++) d1[p] = -d1[p];
  if (dot(rows, 0, d2, 0, size) < 0) for (let p = 0; p < size; p++) d2[p] = -d2[p];
  return { d1, d2, explained: [topValue / trace, nextValue / trace] };
}

/** out = G·x for a symmetric n × n G. */
function multiply(gram: Float64Array, n: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = dot(gram, i * n, x, 0, n);
}

/** Gram–Schmidt on two vectors in place. */
function orthonormalize(u: Float64Array, v: Float64Array): void {
  const uNorm = norm(u);
  for (let i = 0; i < u.length; i++) u[i] /= uNorm;
  const overlap = dot(u, 0, v, 0, u.length);
  for (let i = 0; i < v.length; i++) v[i] -= overlap * u[i];
  const vNorm = norm(v);
  for (let i = 0; i < v.length; i++) v[i] /= vNorm;
}

/** Σᵢ weightᵢ · rowᵢ, a parameter-space vector. */
function combine(rows: Float64Array, count: number, size: number, weights: Float64Array): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < count; i++) {
    const weight = weights[i];
    for (let p = 0; p < size; p++) out[p] += weight * rows[i * size + p];
  }
  return out;
}
