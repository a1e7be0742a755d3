/**
 * The text beside the chart when no lesson is taught: the surface's formula and
 * what it teaches, and the update rules of the optimizers on screen. Formulas
 * are typeset by KaTeX, loaded lazily.
 */
import { OPTIMIZERS } from '../../core/index.ts';
import type { OptimizerId } from '../../core/types.ts';
import { useAppStore } from '../../state/app.ts';
import { useSurfaceById } from '../../state/surfaceOf.ts';
import { Tex } from '../widgets/Tex.tsx';

/** The typeset update rule of each optimizer in `optimizers`, as a definition list. */
export function UpdateRules({ optimizers }: { optimizers: readonly OptimizerId[] }) {
  return (
    <dl className="rules">
      {optimizers.map((id) => (
        <div key={id} className="rule" tabIndex={0}>
          <dt>{OPTIMIZERS[id].label}</dt>
          <dd>
            <Tex tex={OPTIMIZERS[id].updateRuleTex} block />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The selected run's update rule, first in the text (selecting a run in the legend or with 1–9 shows it here). */
function SelectedRule() {
  const number = useAppStore((state) => state.setup.runs.findIndex((run) => run.id === state.selectedRunId) + 1);
  const optimizer = useAppStore((state) => state.setup.runs.find((run) => run.id === state.selectedRunId)?.optimizer ?? null);
  if (optimizer === null) return null;
  return (
    <dl className="rules">
      <div className="rule selected-rule" tabIndex={0}>
        <dt>
          Run {number} · {OPTIMIZERS[optimizer].label}
        </dt>
        <dd>
          <Tex tex={OPTIMIZERS[optimizer].updateRuleTex} block />
        </dd>
      </div>
    </dl>
  );
}

export function SurfaceNotes({ onWrite }: { onWrite: () => void }) {
  const setup = useAppStore((state) => state.setup);
  const surface = useSurfaceById(setup.panes[0].surface, setup.bowlCondition, setup.custom);
  const optimizers = [...new Set(setup.runs.filter((run) => run.visible).map((run) => run.optimizer))];
  return (
    <section className="text-panel" aria-labelledby="surface-title" tabIndex={0}>
      <h2 id="surface-title" className="panel-title">
        {surface?.label ?? 'Custom surface'}
      </h2>
      <SelectedRule />
      {surface ? (
        <>
          <p>{surface.teaches}</p>
          <div className="rule" tabIndex={0}>
            <Tex tex={`L(x, y) = ${surface.tex}`} block />
          </div>
        </>
      ) : null}
      <UpdateRules optimizers={optimizers} />
      <p className="muted small">
        Pick a lesson from the Lessons menu at the top: it asks what you expect before it shows the paths. Or{' '}
        <button type="button" className="link-button" onClick={onWrite}>
          write a lesson
        </button>{' '}
        from this setup.
      </p>
    </section>
  );
}
