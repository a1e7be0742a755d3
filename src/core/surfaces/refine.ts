/**
 * Newton's method on the analytic gradient, for minima that have no closed
 * form: the Hessian comes from central differences of the exact gradient.
 */
import { differenceHessian } from '../hessian.ts';
import type { Point } from '../types.ts';

type Gradient = (x: number, y: number, out: Float64Array) => void;

/**
 * Refines `guess` to a stationary point of the surface whose gradient is given.
 * Converges quadratically from a nearby guess; the caller's tests check that the
 * result is a minimum (gradient ≈ 0, loss below its neighbours).
 */
export function refineMinimum(gradient: Gradient, guess: Point, iterations = 50): Point {
  const g = new Float64Array(2);
  const hessian = new Float64Array(3);
  let [x, y] = guess;
  for (let k = 0; k < iterations; k++) {
    gradient(x, y, g);
    differenceHessian(gradient, x, y, hessian);
    const [hxx, hxy, hyy] = hessian;
    const det = hxx * hyy - hxy * hxy;
    if (det === 0 || !Number.isFinite(det)) break;
    const dx = (hyy * g[0] - hxy * g[1]) / det;
    const dy = (hxx * g[1] - hxy * g[0]) / det;
    x -= dx;
    y -= dy;
    if (Math.abs(dx) + Math.abs(dy) < 1e-15 * (1 + Math.abs(x) + Math.abs(y))) break;
  }
  return [x, y];
}
