/**
 * What a computed run did, in core's words (describeOutcome), for every place that
 * says it: the runs legend, and anything else that labels a run. One source of
 * truth: nothing here rephrases core; it only caches the answer per run and
 * names the colour class a status is shown in.
 */
import { describeOutcome, type Outcome, type Surface } from '../core/index.ts';
import type { RunResult } from '../state/results.ts';

interface Cached {
  readonly surface: Surface;
  readonly generation: number;
  readonly length: number;
  readonly status: RunResult['status'];
  readonly outcome: Outcome;
}

/** One entry per result buffer: a finished run is described once, not on every legend render. */
const cache = new WeakMap<RunResult, Cached>();

/** True when the run has stopped (every step taken, or stopped early): its outcome will not change. */
export function isFinished(result: RunResult): boolean {
  return result.status === 'done' || result.status === 'diverged';
}

/** core's describeOutcome of a finished run on `surface` (the surface its pane shows), cached; null while it computes or after an error. */
export function runOutcome(result: RunResult, surface: Surface): Outcome | null {
  if (!isFinished(result)) return null;
  const cached = cache.get(result);
  if (cached && cached.surface === surface && cached.generation === result.generation && cached.length === result.length && cached.status === result.status) return cached.outcome;
  const outcome = describeOutcome(result, surface);
  cache.set(result, { surface, generation: result.generation, length: result.length, status: result.status, outcome });
  return outcome;
}

/**
 * The colour a status is shown in. Green ('converged') is kept for a run that settled at a
 * global minimum; one that settled anywhere else (a local minimum, a point that is no known
 * minimum) is 'local', never green.
 */
export type OutcomeTone = 'converged' | 'local' | 'moving' | 'diverged' | 'undefined';

export function outcomeTone(outcome: Outcome): OutcomeTone {
  if (outcome.kind !== 'converged') return outcome.kind;
  return outcome.minimum >= 0 && !outcome.localMinimum ? 'converged' : 'local';
}
