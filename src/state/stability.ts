/**
 * The stability limit of gradient descent on a quadratic surface: with Hessian
 * H (constant), plain gradient descent multiplies the error along H's steepest
 * direction by (1 − ηλmax) each step, so it converges only for η < 2/λmax.
 * Only quadratic surfaces have one such number; elsewhere the curvature moves.
 */
import { hessianAt, symmetricEigenvalues } from '../core/index.ts';
import type { RunConfig, Setup } from './setup.ts';
import { paneIndexOf, surfaceById } from './surfaceOf.ts';

/** Surfaces whose loss is exactly quadratic (constant Hessian). */
export const QUADRATIC_SURFACES: ReadonlySet<string> = new Set(['bowl', 'linear-regression']);

export interface StabilityLimit {
  /** The largest curvature (plus weight decay, which adds λ to every curvature). */
  readonly lambdaMax: number;
  /** 2/λmax: the largest learning rate for which gradient descent converges. */
  readonly lrLimit: number;
}

/** The limit for `run` (plain gradient descent on a quadratic surface), or null when there is none. */
export function stabilityLimit(setup: Setup, run: RunConfig): StabilityLimit | null {
  if (run.optimizer !== 'sgd') return null;
  const id = setup.panes[paneIndexOf(setup, run.pane)]?.surface ?? '';
  if (!QUADRATIC_SURFACES.has(id)) return null;
  const surface = surfaceById(id, setup);
  if (!surface) return null;
  const hessian = new Float64Array(3);
  const [x, y] = surface.suggestedStart ?? [0, 0];
  hessianAt(surface, x, y, hessian);
  const lambdaMax = symmetricEigenvalues(hessian[0], hessian[1], hessian[2])[1] + run.weightDecay;
  if (!(lambdaMax > 0) || !Number.isFinite(lambdaMax)) return null;
  return { lambdaMax, lrLimit: 2 / lambdaMax };
}

/** How fast the steep direction grows or shrinks per step at learning rate `lr`: |1 − ηλmax|. */
export function steepFactor(limit: StabilityLimit, lr: number): number {
  return Math.abs(1 - lr * limit.lambdaMax);
}
