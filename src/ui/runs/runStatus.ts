/**
 * What the runs legend says about a run: converged, diverged, still moving or
 * still computing, and the loss it ended at.
 *
 * "Converged at step k" means: from step k to the end, every point is
 * stationary, i.e. its full-batch gradient norm is below `CONVERGENCE.gradientNorm`
 * or its loss is within `CONVERGENCE.lossGap` of a known minimum's loss. A path
 * that merely slows down (a saddle, a noisy mini-batch walk) is "still moving".
 */
import type { Surface } from '../../core/types.ts';
import type { RunResult } from '../../state/results.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';

export const CONVERGENCE = {
  /** ‖∇L‖ below this counts as stationary. */
  gradientNorm: 1e-4,
  /** |L − L(minimum)| below this (relative to max(1, |L(minimum)|)) counts as at the minimum. */
  lossGap: 1e-6,
} as const;

export type RunStatusKind = 'pending' | 'computing' | 'converged' | 'diverged' | 'moving' | 'error';

export interface RunSummary {
  readonly kind: RunStatusKind;
  /** The step the status refers to (converged/diverged), or -1. */
  readonly step: number;
  /** Loss at the last computed point, NaN when there is none. */
  readonly finalLoss: number;
  /** Plain words: "converged at step 120". */
  readonly text: string;
}

/** Losses at the surface's known minima (empty for surfaces without known minima). */
export function minimumLosses(surface: Surface | undefined): number[] {
  if (!surface) return [];
  return surface.minima.map(([x, y]) => surface.loss(x, y)).filter(Number.isFinite);
}

function isStationary(result: RunResult, index: number, minima: readonly number[]): boolean {
  if (result.gradNorm[index] < CONVERGENCE.gradientNorm) return true;
  const loss = result.loss[index];
  return minima.some((minimum) => Math.abs(loss - minimum) <= CONVERGENCE.lossGap * Math.max(1, Math.abs(minimum)));
}

/** The first step from which every later point is stationary, or -1. */
export function convergedAt(result: RunResult, minima: readonly number[]): number {
  let first = -1;
  for (let index = result.length - 1; index >= 0; index--) {
    if (!isStationary(result, index, minima)) break;
    first = index;
  }
  return first;
}

export function summarizeRun(result: RunResult | undefined, minima: readonly number[]): RunSummary {
  if (!result) return { kind: 'pending', step: -1, finalLoss: Number.NaN, text: 'waiting…' };
  const finalLoss = result.length > 0 ? result.loss[result.length - 1] : Number.NaN;
  switch (result.status) {
    case 'error':
      return { kind: 'error', step: -1, finalLoss, text: result.message ?? 'could not be computed' };
    case 'diverged':
      return { kind: 'diverged', step: result.divergedAt, finalLoss, text: `diverged at step ${formatInteger(result.divergedAt)}` };
    case 'computing':
      return { kind: 'computing', step: -1, finalLoss, text: `computing… ${formatInteger(Math.max(0, result.length - 1))} steps` };
    case 'done': {
      const step = convergedAt(result, minima);
      return step >= 0
        ? { kind: 'converged', step, finalLoss, text: `converged at step ${formatInteger(step)}` }
        : { kind: 'moving', step: -1, finalLoss, text: 'still moving' };
    }
  }
}

/** "final loss 1.2e−5" */
export function finalLossText(summary: RunSummary): string {
  return `final loss ${formatNumber(summary.finalLoss)}`;
}
