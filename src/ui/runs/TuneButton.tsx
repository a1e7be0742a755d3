/**
 * "Tune η" on a run card: searches the learning rate that ends lowest with this run's
 * own budget of gradient evaluations (state/tune.ts, on a pool of map workers started
 * for the search and ended after it), applies it and says what it found in a notice,
 * so "Adam beats SGD" can be judged at each one's best η rather than at a default.
 */
import { useSyncExternalStore } from 'react';
import { OPTIMIZERS, type LearningRateTrial } from '../../core/index.ts';
import { appStore, useAppStore } from '../../state/app.ts';
import { wireRunSpec } from '../../state/engine.ts';
import { searchOnFreshPool, type TuneSearch } from '../../state/tune.ts';
import { formatNumber } from '../../view/format.ts';

/** The search in progress (one at a time, for the whole page). */
interface Tuning {
  readonly runId: string;
  readonly done: number;
  readonly planned: number;
}

let tuning: Tuning | null = null;
const listeners = new Set<() => void>();
function setTuning(next: Tuning | null): void {
  tuning = next;
  for (const listener of listeners) listener();
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

const lossText = (trial: LearningRateTrial) => (trial.diverged ? 'diverged' : `loss ${formatNumber(trial.finalLoss)}`);

/** What the search found, in a sentence for the notice. */
export function tuneNotice(runName: string, search: TuneSearch, applied: boolean): string {
  const { best, current, trials } = search;
  const budget = Math.max(...trials.map((trial) => trial.gradientEvaluations));
  const tried = `${trials.length} learning rates tried from ${formatNumber(trials[0].lr)} to ${formatNumber(trials[trials.length - 1].lr)}, each with ${formatNumber(budget)} gradient evaluations`;
  if (best.diverged) return `Tune η, ${runName}: every learning rate diverged (${tried}); η was left at ${formatNumber(current.lr)}.`;
  if (!applied) return `Tune η, ${runName}: η = ${formatNumber(current.lr)} already ends lowest (${lossText(current)}; ${tried}).`;
  return `Tune η, ${runName}: η = ${formatNumber(best.lr)} ends lowest (${lossText(best)}, against ${lossText(current)} at η = ${formatNumber(current.lr)}; ${tried}). Applied.`;
}

async function tune(runId: string): Promise<void> {
  const { setup } = appStore.getState();
  const index = setup.runs.findIndex((run) => run.id === runId);
  if (index < 0 || tuning) return;
  const run = setup.runs[index];
  const runName = `run ${index + 1} (${OPTIMIZERS[run.optimizer].label})`;
  const spec = wireRunSpec(setup, run);
  setTuning({ runId, done: 0, planned: 0 });
  try {
    const search = await searchOnFreshPool(spec, { onProgress: (done, planned) => setTuning({ runId, done, planned }) });
    // Applied only to the run as it was searched: a setup changed meanwhile would get an η found for another.
    const now = appStore.getState().setup.runs.find((item) => item.id === runId);
    if (!now || JSON.stringify(wireRunSpec(appStore.getState().setup, now)) !== JSON.stringify(spec)) {
      appStore.getState().pushNotice('info', `Tune η, ${runName}: the run changed during the search, so nothing was applied. Try again.`);
      return;
    }
    const applied = !search.best.diverged && search.best.lr !== spec.lr;
    if (applied) appStore.getState().updateRun(runId, { lr: search.best.lr });
    appStore.getState().pushNotice('info', tuneNotice(runName, search, applied));
  } catch (error) {
    appStore.getState().pushNotice('error', `Tune η, ${runName}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    setTuning(null);
  }
}

export function TuneButton({ runId, accessibleName }: { readonly runId: string; readonly accessibleName: string }) {
  const current = useSyncExternalStore(subscribe, () => tuning);
  const usesGradient = useAppStore((state) => OPTIMIZERS[state.setup.runs.find((run) => run.id === runId)?.optimizer ?? 'sgd'].usesGradient);
  if (!usesGradient) return null;
  const mine = current?.runId === runId;
  return (
    <div className="tune-row">
      <button
        type="button"
        className="button"
        aria-label={accessibleName}
        disabled={current !== null}
        title="Search the learning rate that ends lowest with this run's budget of gradient evaluations, and apply it"
        onClick={() => void tune(runId)}
      >
        {mine ? `Tuning η… ${current.done}/${current.planned}` : 'Tune η'}
      </button>
    </div>
  );
}
