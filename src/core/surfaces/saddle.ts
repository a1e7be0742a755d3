import type { Surface } from '../types.ts';

/**
 * L(x, y) = x² + y⁴/4 − y²/2: a true saddle at the origin (curving up along x,
 * down along y) that is bounded below, with two minima at (0, ±1), L = −1/4.
 * From a start on (or a hair off) the x-axis, plain gradient descent walks into
 * the saddle and lingers: the escaping y-component grows only by a factor
 * (1 + lr) per step. Momentum compounds that growth; Adam and RMSprop rescale
 * the tiny y-gradient to a full-size step and leave at once.
 */
export const saddle: Surface = {
  id: 'saddle',
  label: 'Saddle',
  teaches: 'Plain gradient descent stalls at a saddle point; momentum and adaptive steps escape it.',
  tex: 'x^2 + \\tfrac{1}{4}y^4 - \\tfrac{1}{2}y^2',
  loss: (x, y) => x * x + 0.25 * y * y * y * y - 0.5 * y * y,
  gradient: (x, y, out) => {
    out[0] = 2 * x;
    out[1] = y * y * y - y;
  },
  // ∂²L/∂x² = 2, ∂²L/∂y² = 3y² − 1: negative for |y| < 1/√3, which is what makes the origin a saddle.
  hessian: (_x, y, out) => {
    out[0] = 2;
    out[1] = 0;
    out[2] = 3 * y * y - 1;
  },
  domain: { x: [-2, 2], y: [-2, 2] },
  minima: [
    [0, 1],
    [0, -1],
  ],
  suggestedStart: [-1.5, 1e-3],
  lrRange: [1e-3, 0.9],
  suggestedLr: 0.05,
  logHeight: false,
  defaultNoise: 1,
};
