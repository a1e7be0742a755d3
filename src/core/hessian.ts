/**
 * Second derivatives of a surface: its exact Hessian when it has one, else
 * central differences of its exact gradient. Used by Newton's method, by the
 * step inspector and to refine minima that have no closed form.
 */
import type { Surface } from './types.ts';

type Gradient = (x: number, y: number, out: Float64Array) => void;

/** Scratch for the differences: g(x ± h, y) and g(x, y ± h). Not re-entrant; nothing here calls back into itself. */
const plus = new Float64Array(2);
const minus = new Float64Array(2);

/**
 * The Hessian of the function whose gradient is given, by central differences of
 * that gradient with step h = 1e-5·max(1, |x|, |y|) (near the optimal ε^⅓ for an
 * exact gradient): writes [Hxx, Hxy, Hyy] into out, Hxy the mean of the two mixed differences.
 * Costs 4 gradient evaluations. Newton's loop (loops/newton.ts) repeats these lines so that
 * its gradient calls see one surface: here they see every surface refineMinimum refines.
 */
export function differenceHessian(gradient: Gradient, x: number, y: number, out: Float64Array): void {
  const h = 1e-5 * Math.max(1, Math.abs(x), Math.abs(y));
  gradient(x + h, y, plus);
  gradient(x - h, y, minus);
  const hxx = (plus[0] - minus[0]) / (2 * h);
  const hxy1 = (plus[1] - minus[1]) / (2 * h);
  gradient(x, y + h, plus);
  gradient(x, y - h, minus);
  out[0] = hxx;
  out[1] = 0.5 * (hxy1 + (plus[0] - minus[0]) / (2 * h));
  out[2] = (plus[1] - minus[1]) / (2 * h);
}

/** The surface's Hessian at (x, y) into out as [Hxx, Hxy, Hyy]: exact when the surface has `hessian`, else differenceHessian. */
export function hessianAt(surface: Surface, x: number, y: number, out: Float64Array): void {
  if (surface.hessian !== undefined) surface.hessian(x, y, out);
  else differenceHessian(surface.gradient, x, y, out);
}

/** What one Hessian costs in full-gradient evaluations: 2 exact (two Hessian-vector products), 4 by differences. */
export function hessianCost(surface: Surface): number {
  return surface.hessian !== undefined ? 2 : 4;
}

/** Eigenvalues of the symmetric matrix [[a, b], [b, c]], smaller first (stable form: no cancellation in the discriminant). */
export function symmetricEigenvalues(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}
