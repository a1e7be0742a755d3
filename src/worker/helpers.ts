/**
 * Helper engine workers (client.ts): when a request is large enough to share, how many helpers
 * this machine gets, and how runs are split between the workers.
 */
import type { RunRequest } from './protocol.ts';

/** A request smaller than this many steps in all runs on the first worker alone (its first round answers it at once). */
export const HELPER_MIN_STEPS = 200_000;

/**
 * One helper per core beyond the first two, at most three: the page's own thread keeps a core
 * to itself. On two cores there is none: with a helper, 16 runs × 100,000 steps arrived about
 * 1.8× sooner here, but the page's thread, sharing two cores with two busy workers, had tasks
 * of 70–160 ms while they computed (the load check allows 100 ms; with one worker it saw none).
 */
export function defaultHelperCount(): number {
  const cores = typeof navigator !== 'undefined' && Number.isFinite(navigator.hardwareConcurrency) ? navigator.hardwareConcurrency : 2;
  return Math.max(0, Math.min(3, cores - 2));
}

/**
 * The runs of `input` split over `workers` workers, largest first onto the least loaded (by steps): each
 * worker's share in the order of `input.runs`. Every share but the first may be empty.
 */
export function splitRuns(runs: readonly RunRequest[], workers: number): RunRequest[][] {
  const shares: RunRequest[][] = Array.from({ length: workers }, () => []);
  const load = new Array<number>(workers).fill(0);
  const order = runs.map((run, index) => ({ run, index })).sort((a, b) => b.run.spec.steps - a.run.spec.steps || a.index - b.index);
  const owner = new Map<RunRequest, number>();
  for (const { run } of order) {
    let lightest = 0;
    for (let w = 1; w < workers; w++) if (load[w] < load[lightest]) lightest = w;
    load[lightest] += run.spec.steps;
    owner.set(run, lightest);
  }
  for (const run of runs) shares[owner.get(run) as number].push(run);
  return shares;
}
