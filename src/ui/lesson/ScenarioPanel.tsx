/**
 * The text beside the chart: the guided scenario's explanation and update
 * rules, or (without a scenario) the surface's formula and lesson and the update
 * rules of the optimizers on screen. Formulas are typeset by KaTeX, loaded lazily.
 */
import { OPTIMIZERS } from '../../core/index.ts';
import type { OptimizerId } from '../../core/types.ts';
import { useAppStore } from '../../state/app.ts';
import { scenarioById } from '../../state/scenarios.ts';
import { useSurfaceById } from '../../state/surfaceOf.ts';
import { CloseIcon } from '../widgets/icons.tsx';
import { Tex } from '../widgets/Tex.tsx';

/** The selected run's update rule, first in the text (selecting a run in the legend or with 1–9 shows it here). */
function SelectedRule() {
  const number = useAppStore((state) => state.setup.runs.findIndex((run) => run.id === state.selectedRunId) + 1);
  const optimizer = useAppStore((state) => state.setup.runs.find((run) => run.id === state.selectedRunId)?.optimizer ?? null);
  if (optimizer === null) return null;
  return (
    <dl className="rules">
      <div className="rule selected-rule">
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

export function ScenarioPanel() {
  const scenarioId = useAppStore((state) => state.scenarioId);
  const setScenarioId = useAppStore((state) => state.setScenarioId);
  const setup = useAppStore((state) => state.setup);
  const surfaceId = setup.panes[0].surface;
  const surface = useSurfaceById(surfaceId, setup.bowlCondition, setup.custom);
  const scenario = scenarioId ? scenarioById(scenarioId) : undefined;

  if (scenario) {
    return (
      <section className="text-panel" aria-labelledby="scenario-title" tabIndex={0}>
        <div className="text-panel-head">
          <h2 id="scenario-title" className="panel-title">
            {scenario.title}
          </h2>
          <button type="button" className="icon-button" onClick={() => setScenarioId(null)} aria-label="Close the scenario text">
            <CloseIcon />
          </button>
        </div>
        <SelectedRule />
        <p>{scenario.text}</p>
        <dl className="rules">
          {scenario.rules.map((rule) => (
            <div key={rule.label} className="rule">
              <dt>{rule.label}</dt>
              <dd>
                <Tex tex={rule.tex} block />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const optimizers = [...new Set(setup.runs.filter((run) => run.visible).map((run) => run.optimizer))] as OptimizerId[];
  return (
    <section className="text-panel" aria-labelledby="surface-title" tabIndex={0}>
      <h2 id="surface-title" className="panel-title">
        {surface?.label ?? 'Custom surface'}
      </h2>
      <SelectedRule />
      {surface ? (
        <>
          <p>{surface.teaches}</p>
          <div className="rule">
            <Tex tex={`L(x, y) = ${surface.tex}`} block />
          </div>
        </>
      ) : null}
      <dl className="rules">
        {optimizers.map((id) => (
          <div key={id} className="rule">
            <dt>{OPTIMIZERS[id].label}</dt>
            <dd>
              <Tex tex={OPTIMIZERS[id].updateRuleTex} block />
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small">Pick a guided scenario at the top for a lesson with its own setup.</p>
    </section>
  );
}
