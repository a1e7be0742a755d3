/**
 * Global controls: the landscape (surface per pane, pane count, bowl condition),
 * the start point and number of steps.
 */
import { useId } from 'react';
import { useAppStore } from '../state/app.ts';
import { MAX_PANES, MAX_STEPS } from '../state/setup.ts';
import { MAX_COORDINATE } from '../state/url.ts';
import { SURFACE_LIST, paneSurfaceId, surfaceById, surfaceLabel } from './catalog.ts';
import { formatInteger } from './format.ts';
import { NumberField } from './NumberField.tsx';
import { RangeField } from './RangeField.tsx';

export function SurfaceControls() {
  const setup = useAppStore((state) => state.setup);
  const setSurface = useAppStore((state) => state.setSurface);
  const setPaneCount = useAppStore((state) => state.setPaneCount);
  const setBowlCondition = useAppStore((state) => state.setBowlCondition);
  const id = useId();
  const usesBowl = setup.panes.some((pane) => pane.surface === 'bowl');

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Landscape
      </h2>
      <fieldset className="segmented" aria-label="Number of panes">
        <legend className="field-label">Panes</legend>
        {Array.from({ length: MAX_PANES }, (_, i) => i + 1).map((count) => (
          <label key={count} className={setup.panes.length === count ? 'active' : ''}>
            <input type="radio" name={`${id}-panes`} value={count} checked={setup.panes.length === count} onChange={() => setPaneCount(count)} aria-label={`${count} pane${count > 1 ? 's' : ''}`} />
            {count}
          </label>
        ))}
      </fieldset>
      {setup.panes.map((pane, index) => {
        const surfaceId = paneSurfaceId(setup, index);
        const surface = surfaceById(surfaceId);
        const selectId = `${id}-surface-${index}`;
        return (
          <div key={index} className="field-block">
            <label htmlFor={selectId} className="field-label">
              {setup.panes.length > 1 ? `Surface, pane ${index + 1}` : 'Surface'}
            </label>
            <select id={selectId} value={pane.surface} onChange={(event) => setSurface(event.currentTarget.value, index, true)}>
              {SURFACE_LIST.map((option) => (
                <option key={option.id} value={option.id}>
                  {surfaceLabel(option.id, setup.bowlCondition)}
                </option>
              ))}
              {setup.custom ? <option value="custom">Custom surface</option> : null}
            </select>
            {surface ? <p className="field-hint teaches">{surface.teaches}</p> : null}
          </div>
        );
      })}
      {usesBowl ? (
        <RangeField
          label="Bowl condition number κ"
          value={setup.bowlCondition}
          min={1}
          max={1000}
          log
          format={(value) => `κ = ${formatInteger(value)}`}
          onChange={(value) => setBowlCondition(Math.round(value))}
          hint="Ratio of the steepest to the shallowest curvature; large κ makes a long, narrow valley."
        />
      ) : null}
    </section>
  );
}

export function StartControls() {
  const start = useAppStore((state) => state.setup.start);
  const steps = useAppStore((state) => state.setup.steps);
  const setStart = useAppStore((state) => state.setStart);
  const setSteps = useAppStore((state) => state.setSteps);
  const id = useId();

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Start and steps
      </h2>
      <div className="field-grid">
        <NumberField label="Start x" value={start[0]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(x) => setStart([x, start[1]])} />
        <NumberField label="Start y" value={start[1]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(y) => setStart([start[0], y])} />
      </div>
      <p className="field-hint">Or click the surface to set the start.</p>
      <RangeField label="Steps" value={steps} min={10} max={MAX_STEPS} fieldMin={1} log integer format={formatInteger} onChange={(value) => setSteps(Math.round(value))} />
    </section>
  );
}
