/**
 * The landscape section: the pane count, the surface of each pane, the bowl's
 * condition number, or the person's own f(x, y).
 */
import { lazy, Suspense, useId, useState } from 'react';
import { MAX_BOWL_CONDITION, MAX_PANES, MIN_BOWL_CONDITION } from '../../core/index.ts';
import { appStore, useAppStore } from '../../state/app.ts';
import { loadExpressionParser } from '../../state/customSurface.ts';
import { SURFACE_LIST, paneSurfaceId, surfaceById, surfaceLabel } from '../../view/catalog.ts';

/** Most visits never type a function: its panel is a lazy chunk, like the parser it drives. */
const loadCustomPanel = () => import('./CustomSurfacePanel.tsx');
const CustomSurfacePanel = lazy(() => loadCustomPanel().then((module) => ({ default: module.CustomSurfacePanel })));
import { formatInteger } from '../../view/format.ts';
import { LoadBoundary } from '../widgets/LoadBoundary.tsx';
import { RangeField } from '../widgets/RangeField.tsx';
import { SegmentedChoice } from '../widgets/SegmentedChoice.tsx';
import { LockNote, useLessonControl } from '../lesson/LockNote.tsx';
import { NeuralNetControls } from '../model/NeuralNetControls.tsx';

/** 1 … MAX_PANES, each shown as its number. */
const PANE_COUNTS = Array.from({ length: MAX_PANES }, (_, i) => [i + 1, String(i + 1)] as const);

export function SurfaceControls() {
  const setup = useAppStore((state) => state.setup);
  const setSurface = useAppStore((state) => state.setSurface);
  const prewarmSliceBuild = useAppStore((state) => state.prewarmSliceBuild);
  const setPaneCount = useAppStore((state) => state.setPaneCount);
  const setBowlCondition = useAppStore((state) => state.setBowlCondition);
  const id = useId();
  const locked = useLessonControl('lock-surface');
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
    Promise.all([loadExpressionParser(), loadCustomPanel()]).then(
      ([, panel]) => {
        setCustomPending(null);
        const { setup: latest, setCustomSurface } = appStore.getState();
        setCustomSurface(latest.custom ?? panel.DEFAULT_CUSTOM, pane);
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
      {locked ? <LockNote>This lesson fixes the landscape.</LockNote> : null}
      <fieldset className="panel-fieldset" disabled={locked}>
        <legend className="visually-hidden">Landscape settings</legend>
        <SegmentedChoice
          legend="Panes"
          groupLabel="Number of panes"
          name={`${id}-panes`}
          options={PANE_COUNTS}
          value={setup.panes.length}
          onChange={setPaneCount}
          optionLabel={(count) => `${count} pane${count > 1 ? 's' : ''}`}
        />
        {setup.panes.map((pane, index) => {
          const surfaceId = paneSurfaceId(setup, index);
          const surface = surfaceById(surfaceId);
          const selectId = `${id}-surface-${index}`;
          return (
            <div key={index} className="field-block">
              <label htmlFor={selectId} className="field-label">
                {setup.panes.length > 1 ? `Surface, pane ${index + 1}` : 'Surface'}
              </label>
              <select
                id={selectId}
                value={customPending === index ? 'custom' : pane.surface}
                onChange={(event) => chooseSurface(event.currentTarget.value, index)}
                // Opening the menu starts the network slice's workers, so choosing it builds sooner.
                onPointerDown={prewarmSliceBuild}
                onKeyDown={prewarmSliceBuild}
              >
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
        {usesCustom ? (
          <LoadBoundary fallback={<p className="field-error">The function editor could not be loaded. Reload the page to try again.</p>}>
            <Suspense fallback={<p className="field-hint">Loading the function editor…</p>}>
              <CustomSurfacePanel />
            </Suspense>
          </LoadBoundary>
        ) : null}
        {!usesCustom && customPending !== null ? <p className="field-hint" role="status">Loading the function parser…</p> : null}
        {setup.panes.some((pane) => pane.surface === 'neural-net') ? <NeuralNetControls /> : null}
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
      </fieldset>
    </section>
  );
}
