/**
 * The runs: add one (choosing its optimizer), and a card per run.
 */
import { useId, useState } from 'react';
import { MAX_RUNS, OPTIMIZERS } from '../../core/index.ts';
import type { OptimizerId } from '../../core/types.ts';
import { useAppStore } from '../../state/app.ts';
import { OPTIMIZER_IDS } from '../../view/catalog.ts';
import { RunCard } from './RunCard.tsx';
import { useLessonControl } from '../lesson/LockNote.tsx';

export function RunsPanel() {
  const runs = useAppStore((state) => state.setup.runs);
  const addRun = useAppStore((state) => state.addRun);
  const selectRun = useAppStore((state) => state.selectRun);
  const [optimizer, setOptimizer] = useState<OptimizerId>('adam');
  const selectId = useId();
  const full = runs.length >= MAX_RUNS;
  const locked = useLessonControl('lock-runs');

  return (
    <section className="panel-section" aria-labelledby={`${selectId}-title`}>
      <h2 id={`${selectId}-title`} className="panel-title">
        Runs <span className="muted">({runs.length})</span>
      </h2>
      <fieldset className="add-run" disabled={locked}>
        <legend className="visually-hidden">Add a run</legend>
        <label htmlFor={selectId} className="field-label">
          New run
        </label>
        <select id={selectId} value={optimizer} onChange={(event) => setOptimizer(event.currentTarget.value as OptimizerId)}>
          {OPTIMIZER_IDS.map((id) => (
            <option key={id} value={id}>
              {OPTIMIZERS[id].label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button primary"
          disabled={full}
          onClick={() => {
            const id = addRun(optimizer);
            if (id) selectRun(id);
          }}
        >
          Add run
        </button>
      </fieldset>
      {runs.length === 0 ? <p className="muted">No runs yet: add one to roll a ball down the landscape.</p> : null}
      <ol className="run-list">
        {runs.map((run, index) => (
          <RunCard key={run.id} run={run} index={index} several={runs.length > 1} />
        ))}
      </ol>
    </section>
  );
}
