/**
 * Global controls: the landscape (surface per pane, pane count, bowl condition,
 * or the person's own f(x, y)), the start point and number of steps.
 */
import { useId, useState } from 'react';
import { MAX_BOWL_CONDITION, MAX_COORDINATE, MAX_PANES, MAX_STEPS, MIN_BOWL_CONDITION } from '../core/index.ts';
import { appStore, useAppStore } from '../state/app.ts';
import { loadExpressionParser } from '../state/customSurface.ts';
import { SURFACE_LIST, paneSurfaceId, surfaceById, surfaceLabel } from './catalog.ts';
import { CustomSurfacePanel, DEFAULT_CUSTOM } from './CustomSurfacePanel.tsx';
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
  const usesCustom = setup.panes.some((pane) => pane.surface === 'custom');
  // The pane waiting for the parser to load after "Custom f(x, y)…" was picked.
  const [customPending, setCustomPending] = useState<number | null>(null);

  const chooseSurface = (surfaceId: string, pane: number) => {
    if (surfaceId !== 'custom') {
      setCustomPending(null);
      setSurface(surfaceId, pane, true);
      return;
    }
    // The parser loads on first use; the pane switches once the function can be analysed (start, learning rates).
    setCustomPending(pane);
    loadExpressionParser().then(
      () => {
        setCustomPending(null);
        const { setup: latest, setCustomSurface } = appStore.getState();
        setCustomSurface(latest.custom ?? DEFAULT_CUSTOM, pane);
      },
      (error: unknown) => {
        setCustomPending(null);
        appStore.getState().pushNotice('error', `The function parser could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`);
      },
    );
  };

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
            <select id={selectId} value={customPending === index ? 'custom' : pane.surface} onChange={(event) => chooseSurface(event.currentTarget.value, index)}>
              {SURFACE_LIST.map((option) => (
                <option key={option.id} value={option.id}>
                  {surfaceLabel(option.id, setup.bowlCondition)}
                </option>
              ))}
              <option value="custom">Custom f(x, y)…</option>
            </select>
            {surface ? <p className="field-hint teaches">{surface.teaches}</p> : null}
          </div>
        );
      })}
      {usesCustom ? <CustomSurfacePanel /> : null}
      {!usesCustom && customPending !== null ? <p className="field-hint" role="status">Loading the function parser…</p> : null}
      {usesBowl ? (
        <RangeField
          label="Bowl condition number κ"
          value={setup.bowlCondition}
          min={MIN_BOWL_CONDITION}
          max={MAX_BOWL_CONDITION}
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
