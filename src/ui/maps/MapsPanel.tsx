/**
 * Maps: for one run's optimizer and settings, the basins of attraction
 * (drawn on the surface) and a learning-rate × momentum heatmap (drawn here),
 * each with its progress, a cancel button, and what it found.
 */
import { lazy, Suspense, useId, useState } from 'react';
import { OPTIMIZERS } from '../../core/index.ts';
import { appMaps, useAppStore } from '../../state/app.ts';
import { BASIN_RESOLUTIONS } from '../../state/maps/jobs.ts';
import type { MapKind, MapSlotState } from '../../state/maps/types.ts';
import { colormapGradientCss } from '../../view/colormap.ts';
import { basinColor, DIVERGED_COLOR, NOT_CONVERGED_COLOR } from '../../view/mapColors.ts';
import { formatInteger, formatNumber, formatPoint } from '../../view/format.ts';
import { useBasinMap } from '../../view/mapResults.ts';
import { arrivalSentence, arrivalsAt } from '../../view/mapTimeline.ts';
import { LoadBoundary } from '../widgets/LoadBoundary.tsx';
import { SegmentedChoice } from '../widgets/SegmentedChoice.tsx';
import type { HyperMetric } from './HyperMap.tsx';

/** The heatmap and its drawing code load only when the map is opened (issue 17.2: rarely used parts are lazy chunks). */
const HyperMap = lazy(() => import('./HyperMap.tsx').then((module) => ({ default: module.HyperMap })));

/** "64 of 64 tiles · 0.42 s · 9.8 M steps" and friends. */
function statusText(slot: MapSlotState): string {
  const seconds = `${formatNumber(slot.elapsedMs / 1000, 2)} s`;
  const steps = `${formatNumber(slot.stepsComputed / 1e6, 3)} M steps`;
  switch (slot.status) {
    case 'queued':
      return 'Waiting for the other map…';
    case 'computing':
      return `Computing: ${slot.tilesDone} of ${slot.tilesTotal} tiles`;
    case 'done':
      return `Done in ${seconds} (${steps}, ${appMaps.pool?.size ?? 2} workers).`;
    case 'cancelled':
      return `Cancelled after ${slot.tilesDone} of ${slot.tilesTotal} tiles.`;
    case 'error':
      return slot.message ?? 'The map could not be computed.';
    case 'idle':
      return '';
  }
}

function MapProgress({ kind, slot, label }: { kind: MapKind; slot: MapSlotState; label: string }) {
  const cancelMap = useAppStore((state) => state.cancelMap);
  const busy = slot.status === 'computing' || slot.status === 'queued';
  return (
    <div className="map-progress" data-map={kind} data-status={slot.status}>
      {busy && (
        <div className="map-progress-row">
          <progress max={Math.max(1, slot.tilesTotal)} value={slot.tilesDone} aria-label={`${label} progress`} />
          <button type="button" className="button" aria-label={`Cancel ${label.toLowerCase()}`} onClick={() => cancelMap(kind)}>
            Cancel
          </button>
        </div>
      )}
      <p className={slot.status === 'error' ? 'field-error' : 'field-hint'} role="status">
        {statusText(slot)}
      </p>
    </div>
  );
}

function BasinLegend() {
  const data = useBasinMap();
  const step = useAppStore((state) => state.timelineStep);
  // Bumped as tiles arrive: the count below reads the map's cells afresh.
  useAppStore((state) => state.maps.basin.revision);
  if (!data) return null;
  return (
    <div className="basin-legend" aria-label="Basin colors">
      <ul>
        {data.minima.map(([x, y], index) => (
          <li key={index}>
            <span className="swatch" style={{ background: basinColor(index) }} aria-hidden="true" />
            Minimum {index + 1} {formatPoint(x, y)} <span className="muted">{data.global[index] ? 'global' : 'local'}</span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NOT_CONVERGED_COLOR }} aria-hidden="true" />
          Not at a known minimum after {formatInteger(data.spec.steps)} steps
        </li>
        <li>
          <span className="swatch" style={{ background: DIVERGED_COLOR }} aria-hidden="true" />
          Diverged
        </li>
      </ul>
      <p className="field-hint">Brighter: reached its minimum in fewer steps. Click the surface to start a run from there.</p>
      <p className="field-hint" data-testid="basin-timeline">
        {arrivalSentence(step, arrivalsAt(data.filled, data.stepsToTolerance, step), 'starts', 'faded (the surface shows through)')} Move the timeline to watch them arrive.
      </p>
    </div>
  );
}

/** What the heatmap's colours can show. */
const METRICS: readonly (readonly [HyperMetric, string])[] = [
  ['loss', 'Final loss'],
  ['steps', 'Steps'],
  ['minimum', 'Minimum'],
];

export function MapsPanel() {
  const id = useId();
  const runs = useAppStore((state) => state.setup.runs);
  const selectedRunId = useAppStore((state) => state.selectedRunId);
  const basin = useAppStore((state) => state.maps.basin);
  const hyper = useAppStore((state) => state.maps.hyper);
  const resolution = useAppStore((state) => state.maps.basinResolution);
  const openMap = useAppStore((state) => state.openMap);
  const closeMap = useAppStore((state) => state.closeMap);
  const setBasinResolution = useAppStore((state) => state.setBasinResolution);
  const [chosenRunId, setChosenRunId] = useState<string | null>(null);
  const [metric, setMetric] = useState<HyperMetric>('loss');
  // The run an open map follows, else the one chosen here, else the selected run, else the first.
  const candidates = [basin.open ? basin.runId : null, hyper.open ? hyper.runId : null, chosenRunId, selectedRunId];
  const runId = candidates.find((candidate) => candidate !== null && runs.some((run) => run.id === candidate)) ?? runs[0]?.id ?? null;

  const chooseRun = (next: string) => {
    setChosenRunId(next);
    if (basin.open) openMap('basin', next);
    if (hyper.open) openMap('hyper', next);
  };

  return (
    <section className="panel-section maps-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Maps
      </h2>
      <div className="field-row">
        <label htmlFor={`${id}-run`} className="field-label">
          Map run
        </label>
        <select id={`${id}-run`} value={runId ?? ''} onChange={(event) => chooseRun(event.currentTarget.value)} disabled={runs.length === 0}>
          {runs.map((run, index) => (
            <option key={run.id} value={run.id}>
              Run {index + 1} · {OPTIMIZERS[run.optimizer].label}, η {formatNumber(run.lr)}
            </option>
          ))}
        </select>
      </div>

      <div className="map-block">
        <div className="field-row">
          <span className="field-label">Basins of attraction</span>
          <button
            type="button"
            className="button"
            aria-pressed={basin.open}
            disabled={runId === null}
            onClick={() => (basin.open ? closeMap('basin') : openMap('basin', runId))}
          >
            {basin.open ? 'Hide basin map' : 'Show basin map'}
          </button>
        </div>
        <div className="field-row">
          <label htmlFor={`${id}-resolution`} className="field-hint">
            Starts per side
          </label>
          <select id={`${id}-resolution`} value={resolution} onChange={(event) => setBasinResolution(Number(event.currentTarget.value))}>
            {BASIN_RESOLUTIONS.map((value) => (
              <option key={value} value={value}>
                {value} × {value}
              </option>
            ))}
          </select>
        </div>
        {basin.open && <MapProgress kind="basin" slot={basin} label="Basin map" />}
        {basin.open && <BasinLegend />}
        {!basin.open && <p className="field-hint">Runs this optimizer from every start of a grid and colors each start by the minimum it ends in.</p>}
      </div>

      <div className="map-block">
        <div className="field-row">
          <span className="field-label">Learning rate × momentum</span>
          <button
            type="button"
            className="button"
            aria-pressed={hyper.open}
            disabled={runId === null}
            onClick={() => (hyper.open ? closeMap('hyper') : openMap('hyper', runId))}
          >
            {hyper.open ? 'Hide learning-rate map' : 'Show learning-rate map'}
          </button>
        </div>
        {hyper.open && (
          <>
            <SegmentedChoice legend="Color by" hideLegend name={`${id}-metric`} options={METRICS} value={metric} onChange={setMetric} />
            <LoadBoundary fallback={<p className="field-error">The map view could not be loaded. Reload the page to try again.</p>}>
              <Suspense fallback={<div className="hyper-map-loading field-hint">Loading the map view…</div>}>
                <HyperMap metric={metric} />
              </Suspense>
            </LoadBoundary>
            {metric === 'minimum' ? (
              <p className="field-hint">Colored by the minimum each run ends in, as in the basin legend; brighter: sooner.</p>
            ) : (
              // Low on the left in purple, high on the right in yellow: the surface's own loss key.
              <div className="hyper-legend" data-testid="hyper-legend" aria-label={metric === 'loss' ? 'Colour scale: final loss, lower in purple, higher in yellow (log)' : 'Colour scale: steps to a minimum, fewer in purple, more in yellow'}>
                <span className="hyper-legend-title">{metric === 'loss' ? 'final loss (log)' : 'steps'}</span>
                <span>{metric === 'loss' ? 'lower' : 'fewer'}</span>
                <span className="hyper-legend-ramp" style={{ background: colormapGradientCss('to right') }} />
                <span>{metric === 'loss' ? 'higher' : 'more'}</span>
              </div>
            )}
            <p className="field-hint">
              <span className="swatch" style={{ background: DIVERGED_COLOR }} /> diverged, outlined in white · <span className="swatch" style={{ background: NOT_CONVERGED_COLOR }} /> not at a known minimum · dots: the best
              {' '}
              {hyper.open && appMaps.results.hyper?.spec.axis === 'beta1' ? 'β₁' : 'μ'} for each η · ring: this run
            </p>
            <MapProgress kind="hyper" slot={hyper} label="Hyper-parameter map" />
          </>
        )}
        {!hyper.open && <p className="field-hint">One run from the current start for each learning rate and momentum (β₁ for Adam): where it is stable, where it diverges, which momentum is best.</p>}
      </div>
    </section>
  );
}
