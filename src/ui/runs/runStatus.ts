/**
 * What the runs legend says about a run: while it computes, how far it got; once it
 * has stopped, core's describeOutcome in its own words ("diverged at step 14 · left
 * the plot at step 1", "converged at step 75 · reached minimum 1 (a global minimum)",
 * "the loss is undefined at the start"), and the loss it ended at.
 */
import type { Surface } from '../../core/types.ts';
import type { RunResult } from '../../state/results.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';
import { outcomeTone, runOutcome, type OutcomeTone } from '../../view/runOutcome.ts';

export type RunStatusKind = 'pending' | 'computing' | 'error' | OutcomeTone;

export interface RunSummary {
  /** Also the legend entry's colour class (`status-<kind>`): see outcomeTone. */
  readonly kind: RunStatusKind;
  /** Loss at the last computed point, NaN when there is none. */
  readonly finalLoss: number;
  /** Plain words, as core's describeOutcome gives them once the run has stopped. */
  readonly text: string;
}

/**
 * The summary of `result` on `surface`, the surface of the run's pane (null while a
 * custom function's parser is still loading: the run is then described once it has).
 */
export function summarizeRun(result: RunResult | undefined, surface: Surface | null): RunSummary {
  if (!result) return { kind: 'pending', finalLoss: Number.NaN, text: 'waiting…' };
  const finalLoss = result.length > 0 ? result.loss[result.length - 1] : Number.NaN;
  if (result.status === 'error') return { kind: 'error', finalLoss, text: result.message ?? 'could not be computed' };
  if (result.status === 'computing') return { kind: 'computing', finalLoss, text: `computing… ${formatInteger(Math.max(0, result.length - 1))} steps` };
  const outcome = surface ? runOutcome(result, surface) : null;
  if (!outcome) return { kind: 'pending', finalLoss, text: 'waiting…' };
  return { kind: outcomeTone(outcome), finalLoss, text: outcome.text };
}

/** "final loss 1.2e−5" */
export function finalLossText(summary: RunSummary): string {
  return `final loss ${formatNumber(summary.finalLoss)}`;
}
