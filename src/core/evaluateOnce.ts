/**
 * One evaluation per new point for a full-batch run of a one-gradient optimizer (simulate.ts):
 * the closures its loop calls instead of the surface's own loss and gradient.
 */
import type { LoopState } from './loops/index.ts';
import type { Surface } from './types.ts';
import { vectorLength } from './field.ts';

/** Where a recording gradient writes: the run's norm array (null when it records none) and the point it is at. */
export interface NormCursor {
  norms: Float64Array | null;
  at: number;
}

/**
 * The loss and gradient a one-gradient optimizer's loop calls on a full batch: each step's
 * gradient is taken at the point the previous step stored, so where the surface evaluates
 * loss and gradient together (`lossGradient`) the loss of a new point also gives the next
 * step's gradient; and when the run records gradient norms, every gradient's norm is written
 * at `cursor.at`, the point it was taken at, so the norms cost one square root a step.
 */
export function evaluateOnce(surface: Surface, cursor: NormCursor): Pick<LoopState, 'lossAt' | 'gradient'> {
  const norms = cursor.norms;
  const surfaceGradient = surface.gradient;
  const fused = surface.lossGradient;
  if (fused === undefined) {
    if (norms === null) return { lossAt: surface.loss, gradient: surfaceGradient };
    return {
      lossAt: surface.loss,
      gradient: (x, y, out) => {
        surfaceGradient(x, y, out);
        norms[cursor.at++] = vectorLength(out[0], out[1]);
      },
    };
  }
  const kept = new Float64Array(2);
  let keptX = Number.NaN;
  let keptY = Number.NaN;
  return {
    lossAt: (x, y) => {
      keptX = x;
      keptY = y;
      return fused(x, y, kept);
    },
    gradient: (x, y, out) => {
      if (x === keptX && y === keptY) {
        out[0] = kept[0];
        out[1] = kept[1];
      } else {
        surfaceGradient(x, y, out);
      }
      if (norms !== null) norms[cursor.at++] = vectorLength(out[0], out[1]);
    },
  };
}
