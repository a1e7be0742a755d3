/**
 * The update inspector: for one run at the timeline's step, the engine's own
 * numbers (θ, L, g, η, the optimizer's state before and after), its update rule
 * with those numbers put in, Δθ and one sentence saying what happened. Every
 * number is text, so screen readers read what the picture shows.
 */
import { useId, useMemo, useSyncExternalStore } from 'react';
import { appInspections, useAppStore } from '../../state/app.ts';
import { stabilityLimit } from '../../state/stability.ts';
import { optimizerLabel } from '../../view/catalog.ts';
import { formatInteger } from '../../view/format.ts';
import { Tex } from '../widgets/Tex.tsx';
import { stepView, type StepRow } from './stepView.ts';

function Rows({ rows }: { rows: readonly StepRow[] }) {
  return (
    <table className="inspector-table">
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InspectorPanel() {
  const open = useAppStore((state) => state.inspectorOpen);
  const setup = useAppStore((state) => state.setup);
  const selectedRunId = useAppStore((state) => state.selectedRunId);
  const timelineStep = useAppStore((state) => state.timelineStep);
  const selectRun = useAppStore((state) => state.selectRun);
  const setInspectorOpen = useAppStore((state) => state.setInspectorOpen);
  useSyncExternalStore(appInspections.subscribe, appInspections.getVersion);
  const id = useId();

  const run = setup.runs.find((candidate) => candidate.id === selectedRunId) ?? setup.runs.find((candidate) => candidate.visible) ?? setup.runs[0];
  const answer = run ? appInspections.byRun.get(run.id) : undefined;
  const limit = useMemo(() => (run ? stabilityLimit(setup, run) : null), [setup, run]);
  if (!open) return null;
  const index = run ? setup.runs.indexOf(run) + 1 : 0;
  const inspection = answer?.inspection ?? null;
  const view = run && inspection ? stepView(run, inspection, limit) : null;

  return (
    <section id="update-inspector" className="inspector" aria-label="Update inspector">
      <div className="inspector-head">
        <h2 className="panel-title">Update inspector</h2>
        <button type="button" className="button" onClick={() => setInspectorOpen(false)}>
          Close
        </button>
      </div>
      <div className="inspector-run">
        <label htmlFor={`${id}-run`} className="field-label">
          Run
        </label>
        <select id={`${id}-run`} value={run?.id ?? ''} onChange={(event) => selectRun(event.currentTarget.value)}>
          {setup.runs.map((candidate, position) => (
            <option key={candidate.id} value={candidate.id}>
              {position + 1} · {optimizerLabel(candidate.optimizer)}
            </option>
          ))}
        </select>
      </div>
      {!run ? <p className="muted">Add a run to inspect its steps.</p> : null}
      {run && !view ? <p className="muted">{answer?.message ?? 'Computing this step…'}</p> : null}
      {run && view && inspection ? (
        <div className="inspector-body">
          <p className="inspector-step">
            Run {index} · {optimizerLabel(run.optimizer)}: step {formatInteger(inspection.step)} → {formatInteger(inspection.step + 1)}
            {inspection.step < timelineStep ? ` (the run's last step; the timeline is at ${formatInteger(timelineStep)})` : ''}
          </p>
          <p className="inspector-sentence" aria-live="polite">
            {view.sentence}
          </p>
          {view.stability ? <p className={view.stability.past ? 'inspector-warning' : 'muted'}>{view.stability.text}</p> : null}
          <h3 className="inspector-section-title">At step {formatInteger(inspection.step)}</h3>
          <Rows rows={view.rows} />
          {view.state.length > 0 ? (
            <>
              <h3 className="inspector-section-title">Optimizer state</h3>
              <table className="inspector-table">
                <thead>
                  <tr>
                    <th scope="col">Quantity</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {view.state.map((row) => (
                    <tr key={row.symbol}>
                      <th scope="row">{row.name}</th>
                      <td>{row.before}</td>
                      <td>{row.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          <h3 className="inspector-section-title">The update, with these numbers</h3>
          <div className="inspector-rule" tabIndex={0} role="group" aria-label="Update rule with this step's numbers">
            <Tex tex={view.ruleTex} block />
          </div>
          <Rows rows={view.result} />
        </div>
      ) : null}
    </section>
  );
}
