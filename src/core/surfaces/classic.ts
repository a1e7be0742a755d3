/**
 * Classic optimization test functions with their textbook definitions, unscaled
 * (Surjanovic & Bingham, "Virtual Library of Simulation Experiments",
 * sfu.ca/~ssurjano). Any scaling for display belongs to the view.
 */
import type { Point, Surface } from '../types.ts';
import { refineMinimum } from './refine.ts';

/** Rosenbrock's banana, a = 1, b = 100: L = (1 − x)² + 100(y − x²)². */
export const rosenbrock: Surface = {
  id: 'rosenbrock',
  label: 'Rosenbrock',
  teaches: 'Finding the curved valley is easy; following its nearly flat floor to the minimum is slow.',
  tex: '(1 - x)^2 + 100\\,(y - x^2)^2',
  loss: (x, y) => {
    const a = 1 - x;
    const b = y - x * x;
    return a * a + 100 * b * b;
  },
  gradient: (x, y, out) => {
    const b = y - x * x;
    out[0] = -2 * (1 - x) - 400 * x * b;
    out[1] = 200 * b;
  },
  // ∂²L/∂x² = 2 − 400(y − x²) + 800x² = 2 − 400y + 1200x²; at the minimum (1, 1): [[802, −400], [−400, 200]].
  hessian: (x, y, out) => {
    out[0] = 2 - 400 * y + 1200 * x * x;
    out[1] = -400 * x;
    out[2] = 200;
  },
  domain: { x: [-2, 2], y: [-1, 3] },
  minima: [[1, 1]],
  suggestedStart: [-1.2, 1],
  lrRange: [1e-5, 3e-3],
  suggestedLr: 1e-3,
  logHeight: true,
  defaultNoise: 50,
};

function himmelblauGradient(x: number, y: number, out: Float64Array): void {
  const a = x * x + y - 11;
  const b = x + y * y - 7;
  out[0] = 4 * x * a + 2 * b;
  out[1] = 2 * a + 4 * y * b;
}

/** With a = x² + y − 11 and b = x + y² − 7: [[4a + 8x² + 2, 4(x + y)], [4(x + y), 4b + 8y² + 2]]. */
function himmelblauHessian(x: number, y: number, out: Float64Array): void {
  const a = x * x + y - 11;
  const b = x + y * y - 7;
  out[0] = 4 * a + 8 * x * x + 2;
  out[1] = 4 * (x + y);
  out[2] = 4 * b + 8 * y * y + 2;
}

/** Himmelblau: L = (x² + y − 11)² + (x + y² − 7)², four minima of equal depth 0. */
export const himmelblau: Surface = {
  id: 'himmelblau',
  label: 'Himmelblau',
  teaches: 'Four equally deep minima: the start and the optimizer decide which one you reach.',
  tex: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  loss: (x, y) => {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return a * a + b * b;
  },
  gradient: himmelblauGradient,
  hessian: himmelblauHessian,
  domain: { x: [-5, 5], y: [-5, 5] },
  // (3, 2) is exact; the other three have no closed form and are refined numerically.
  minima: [[3, 2], ...([[-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]] as const).map((guess): Point => refineMinimum(himmelblauGradient, guess))],
  suggestedStart: [-0.5, -0.5],
  lrRange: [1e-4, 0.02],
  suggestedLr: 0.005,
  logHeight: false,
  defaultNoise: 30,
};

/** Beale: L = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, 0.5). */
export const beale: Surface = {
  id: 'beale',
  label: 'Beale',
  teaches: 'Flat plateaus beside steep walls: a single learning rate is too big in one place and too small in another.',
  tex: '(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
  loss: (x, y) => {
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y * y;
    const c = 2.625 - x + x * y * y * y;
    return a * a + b * b + c * c;
  },
  gradient: (x, y, out) => {
    const y2 = y * y;
    const y3 = y2 * y;
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y2;
    const c = 2.625 - x + x * y3;
    out[0] = 2 * a * (y - 1) + 2 * b * (y2 - 1) + 2 * c * (y3 - 1);
    out[1] = 2 * a * x + 4 * b * x * y + 6 * c * x * y2;
  },
  // L = Σ rₖ² with rₖ = cₖ − x + x·yᵏ (k = 1, 2, 3), so H = 2 Σ (∇rₖ∇rₖᵀ + rₖ∇²rₖ):
  // ∇rₖ = (yᵏ − 1, k·x·yᵏ⁻¹), ∂²rₖ/∂x∂y = k·yᵏ⁻¹, ∂²rₖ/∂y² = k(k − 1)·x·yᵏ⁻².
  hessian: (x, y, out) => {
    const y2 = y * y;
    const y3 = y2 * y;
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y2;
    const c = 2.625 - x + x * y3;
    const ax = y - 1;
    const bx = y2 - 1;
    const cx = y3 - 1;
    out[0] = 2 * (ax * ax + bx * bx + cx * cx);
    out[1] = 2 * (ax * x + a) + 4 * y * (bx * x + b) + 6 * y2 * (cx * x + c);
    out[2] = 2 * x * x + 4 * x * (2 * x * y2 + b) + 6 * x * (3 * x * y2 * y2 + 2 * c * y);
  },
  domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  minima: [[3, 0.5]],
  suggestedStart: [1, 1.5],
  lrRange: [1e-5, 0.02],
  suggestedLr: 0.002,
  logHeight: true,
  defaultNoise: 10,
};

/** Booth: L = (x + 2y − 7)² + (2x + y − 5)², a quadratic with minimum 0 at (1, 3). */
export const booth: Surface = {
  id: 'booth',
  label: 'Booth',
  teaches: 'A plain tilted quadratic: the baseline every optimizer should solve.',
  tex: '(x + 2y - 7)^2 + (2x + y - 5)^2',
  loss: (x, y) => {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    return a * a + b * b;
  },
  gradient: (x, y, out) => {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    out[0] = 2 * a + 4 * b;
    out[1] = 4 * a + 2 * b;
  },
  // A quadratic: 2·(1, 2)(1, 2)ᵀ + 2·(2, 1)(2, 1)ᵀ = [[10, 8], [8, 10]] everywhere.
  hessian: (_x, _y, out) => {
    out[0] = 10;
    out[1] = 8;
    out[2] = 10;
  },
  domain: { x: [-10, 10], y: [-10, 10] },
  minima: [[1, 3]],
  suggestedStart: [-8, -6],
  lrRange: [1e-3, 0.12],
  suggestedLr: 0.02,
  logHeight: false,
  defaultNoise: 20,
};
