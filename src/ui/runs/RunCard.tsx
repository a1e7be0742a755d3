/**
 * One run's controls: optimizer, color, exactly that optimizer's
 * hyper-parameters (from core's OPTIMIZERS table), schedule, batch size, noise,
 * seed and an optional start of its own.
 */
import { memo, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LR_LIMITS, MAX_COORDINATE, MAX_NOISE, MAX_SEED, OPTIMIZERS, SCHEDULES, type ScheduleParameter } from '../../core/index.ts';
import type { OptimizerId, Schedule, ScheduleType } from '../../core/types.ts';
import { useAppStore } from '../../state/app.ts';
import { stabilityLimit } from '../../state/stability.ts';
import { RUN_PALETTE, scheduleParameterMax, type RunConfig } from '../../state/setup.ts';
import { paneDomain } from '../../state/startDomain.ts';
import { SCHEDULE_TYPES, paneSurfaceId, paneSurfaceLabel, surfaceById } from '../../view/catalog.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';
import { colorName } from '../../view/runColors.ts';
import { LockNote, useLessonControl } from '../lesson/LockNote.tsx';
import { CloseIcon, DuplicateIcon } from '../widgets/icons.tsx';
import { NumberField } from '../widgets/NumberField.tsx';
import { RangeField } from '../widgets/RangeField.tsx';
import { HyperParameterControls } from './HyperParameterControls.tsx';
import { NewtonNote } from './NewtonNote.tsx';
import { OPTIMIZER_GROUPS, optimizerGroupOf } from './optimizerGroups.ts';
import { TuneButton } from './TuneButton.tsx';
import { useLrRange } from './useLrRange.ts';

interface RunCardProps {
  readonly run: RunConfig;
  readonly index: number;
  /** More than one run: accessible names say which run a control belongs to. */
  readonly several: boolean;
}

/** Where a schedule parameter's slider runs: useful values for a lesson, not the whole valid range. */
function scheduleSliderSpan(parameter: ScheduleParameter, run: RunConfig, steps: number): { min: number; max: number; log: boolean; step?: number } {
  switch (parameter.key) {
    case 'stepSize':
    case 'tMax':
      return { min: 1, max: Math.max(2, steps), log: steps > 50 };
    case 'gamma':
      return run.schedule.type === 'exponential' ? { min: 0.9, max: 1, log: false, step: 0.0005 } : { min: 0.05, max: 1, log: false, step: 0.01 };
    case 'etaMin':
      return { min: 0, max: Math.max(run.lr, 1e-6), log: false };
    case 'decay':
      return { min: 1e-4, max: 1, log: true };
  }
}

/** Memoised: scrubbing one run's slider re-renders that card only. */
export const RunCard = memo(function RunCard({ run, index, several }: RunCardProps) {
  const updateRun = useAppStore((state) => state.updateRun);
  const duplicateRun = useAppStore((state) => state.duplicateRun);
  const removeRun = useAppStore((state) => state.removeRun);
  const selectRun = useAppStore((state) => state.selectRun);
  const selected = useAppStore((state) => state.selectedRunId === run.id);
  const runsLocked = useLessonControl('lock-runs');
  const headingId = useId();
  // Folded cards render no controls (issue 17.2: the DOM holds what is on screen). Open by default: the first card and the selected one.
  const [openByUser, setOpen] = useState<boolean | null>(null);
  const open = openByUser ?? (selected || index === 0);
  const optimizer = OPTIMIZERS[run.optimizer];
  const number = index + 1;
  const patch = (change: Partial<Omit<RunConfig, 'id'>>) => updateRun(run.id, change);

  return (
    <li className={`run-card${selected ? ' selected' : ''}${run.visible ? '' : ' hidden-run'}`} aria-labelledby={headingId} style={{ borderLeftColor: run.color }}>
      <div className="run-card-head">
        <button type="button" className="run-select" id={headingId} aria-pressed={selected} onClick={() => selectRun(selected ? null : run.id)} title="Select: highlight this run and show its update rule">
          <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
          <span>
            <span className="visually-hidden">Run </span>
            {number} · {optimizer.label}
          </span>
        </button>
        <label className="check compact" title="Show this run">
          <input type="checkbox" checked={run.visible} onChange={(event) => patch({ visible: event.currentTarget.checked })} aria-label={`Show run ${number}`} />
          Show
        </label>
        {runsLocked ? null : (
          <>
            <button type="button" className="icon-button" onClick={() => duplicateRun(run.id)} aria-label={`Duplicate run ${number}`} title="Duplicate">
              <DuplicateIcon />
            </button>
            <button type="button" className="icon-button danger" onClick={() => removeRun(run.id)} aria-label={`Remove run ${number}`} title="Remove">
              <CloseIcon />
            </button>
          </>
        )}
        <button type="button" className="icon-button run-card-toggle" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={`${open ? 'Fold' : 'Show'} the settings of run ${number}`} title={open ? 'Fold' : 'Settings'}>
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
      </div>

      {open ? <RunCardBody run={run} number={number} several={several} headingId={headingId} /> : null}
    </li>
  );
});

/** A run's settings: mounted only while its card is open. */
function RunCardBody({ run, number, several, headingId }: { run: RunConfig; number: number; several: boolean; headingId: string }) {
  const updateRun = useAppStore((state) => state.updateRun);
  const datasetSize = useAppStore((state) => state.setup.datasetSize);
  const globalStart = useAppStore((state) => state.setup.start);
  const steps = useAppStore((state) => state.setup.steps);
  // Data-driven surfaces (linear regression) draw mini-batches from real rows: noise does not apply.
  const dataDriven = useAppStore((state) => surfaceById(paneSurfaceId(state.setup, run.pane))?.examples !== undefined);
  // Labels of the panes a run can move to (none with a single pane).
  const paneLabels = useAppStore(useShallow((state) => (state.setup.panes.length > 1 ? state.setup.panes.map((_, pane) => paneSurfaceLabel(state.setup, pane)) : [])));
  const lrRange = useLrRange(run);
  // An own start must lie in its pane's plot: its fields accept only that range (and say so).
  const plot = useAppStore(
    useShallow((state) => {
      const domain = paneDomain(state.setup, run.pane);
      return domain ? [domain.x[0], domain.x[1], domain.y[0], domain.y[1]] : [-MAX_COORDINATE, MAX_COORDINATE, -MAX_COORDINATE, MAX_COORDINATE];
    }),
  );
  const limit = useAppStore((state) => stabilityLimit(state.setup, run)?.lrLimit ?? null);
  // A lesson may hide some controls and lock the runs or the start.
  const hideLr = useLessonControl('hide-learning-rate');
  const hideHyper = useLessonControl('hide-hyper-parameters');
  const hideSchedule = useLessonControl('hide-schedule');
  const hideBatch = useLessonControl('hide-batch-size');
  const runsLocked = useLessonControl('lock-runs');
  const startLocked = useLessonControl('lock-start');
  const optimizer = OPTIMIZERS[run.optimizer];
  const nameOf = (label: string) => (several ? `${label}, run ${number} (${optimizer.label})` : label);
  const patch = (change: Partial<Omit<RunConfig, 'id'>>) => updateRun(run.id, change);

  const setScheduleType = (type: ScheduleType) => {
    const info = SCHEDULES[type];
    const params = Object.fromEntries(info.parameters.map((parameter) => [parameter.key, parameter.default]));
    patch({ schedule: { type, ...params } as Schedule });
  };

  return (
    <div className="run-card-body">
      <div className="field-row">
        <label className="field-label" htmlFor={`${headingId}-optimizer`}>
          Optimizer
        </label>
        <select id={`${headingId}-optimizer`} value={run.optimizer} aria-label={nameOf('Optimizer')} aria-describedby={`${headingId}-summary`} disabled={runsLocked} onChange={(event) => patch({ optimizer: event.currentTarget.value as OptimizerId })}>
          {OPTIMIZER_GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.ids.map((id) => (
                <option key={id} value={id} title={OPTIMIZERS[id].summary}>
                  {OPTIMIZERS[id].label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <p className="field-hint optimizer-summary" id={`${headingId}-summary`}>
        <span className="optimizer-group">{optimizerGroupOf(run.optimizer)}</span> · {optimizer.summary}
      </p>
      {run.optimizer === 'newton' ? <NewtonNote run={run} /> : null}
      {runsLocked ? <LockNote>This lesson fixes the runs and their optimizers.</LockNote> : null}

      <fieldset className="swatches">
        <legend className="field-label">Color</legend>
        {RUN_PALETTE.map((color) => (
          <label key={color} className="swatch-choice" title={colorName(color)}>
            <input type="radio" name={`${headingId}-color`} value={color} checked={run.color === color} onChange={() => patch({ color })} aria-label={`${colorName(color)}${several ? `, run ${number}` : ''}`} />
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
          </label>
        ))}
      </fieldset>

      {hideLr ? null : !optimizer.usesGradient ? (
        <p className="field-hint">No learning rate: {optimizer.label.toLowerCase()} only compares losses, and sets its own search radius.</p>
      ) : <RangeField label="Learning rate" accessibleName={nameOf('Learning rate')} value={run.lr} min={lrRange[0]} max={lrRange[1]} fieldMin={LR_LIMITS[0]} fieldMax={LR_LIMITS[1]} log onChange={(lr) => patch({ lr })} marks={limit === null ? undefined : [{ value: limit, label: '2/λmax', description: `Gradient descent diverges above 2/λmax = ${formatNumber(limit)} on this quadratic surface.` }]} />}
      {hideLr || !optimizer.usesGradient ? null : <TuneButton runId={run.id} accessibleName={nameOf('Tune η')} />}

      {hideHyper ? null : <HyperParameterControls run={run} nameOf={nameOf} onPatch={patch} />}

      {hideSchedule ? null : (
        <>
          <div className="field-row">
            <label className="field-label" htmlFor={`${headingId}-schedule`}>
              Schedule
            </label>
            <select id={`${headingId}-schedule`} value={run.schedule.type} aria-label={nameOf('Schedule')} onChange={(event) => setScheduleType(event.currentTarget.value as ScheduleType)}>
              {SCHEDULE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {SCHEDULES[type].label}
                </option>
              ))}
            </select>
          </div>
          {SCHEDULES[run.schedule.type].parameters.map((parameter) => {
            const span = scheduleSliderSpan(parameter, run, steps);
            return (
              <RangeField
                key={parameter.key}
                label={parameter.label}
                accessibleName={nameOf(parameter.label)}
                value={Number((run.schedule as unknown as Record<string, number>)[parameter.key])}
                min={span.min}
                max={span.max}
                fieldMin={parameter.minInclusive ? parameter.min : Math.max(parameter.min, 0) + 1e-9}
                fieldMax={scheduleParameterMax(parameter)}
                log={span.log}
                integer={parameter.integer}
                step={span.step}
                hint={parameter.description}
                onChange={(value) => patch({ schedule: { ...run.schedule, [parameter.key]: value } as Schedule })}
              />
            );
          })}
        </>
      )}

      {hideBatch ? null : !optimizer.usesGradient ? (
        <p className="field-hint">Every candidate is scored on the full loss: no batches, no gradient noise. The seed decides the random draws.</p>
      ) : (
        <>
          <RangeField
            label="Batch size"
            accessibleName={nameOf('Batch size')}
            value={run.batchSize}
            min={1}
            max={datasetSize}
            integer
            log={datasetSize > 32}
            format={(value) => (value >= datasetSize ? `full batch (${formatInteger(datasetSize)})` : formatInteger(value))}
            onChange={(batchSize) => patch({ batchSize: Math.round(batchSize) })}
            hint={run.batchSize >= datasetSize ? `Full batch: every step averages all ${formatInteger(datasetSize)} examples.` : `Each step averages ${formatInteger(run.batchSize)} of ${formatInteger(datasetSize)} examples.`}
          />
          {dataDriven ? (
            <p className="field-hint">Mini-batches here are real rows of the data set, so there is no artificial noise to set.</p>
          ) : (
            <RangeField label="Noise spread" accessibleName={nameOf('Noise spread')} value={run.noise} min={0} max={Math.max(10, run.noise)} fieldMax={MAX_NOISE} step={0.05} onChange={(noise) => patch({ noise })} hint="Spread of the per-example gradients around the full-batch gradient." />
          )}
        </>
      )}
      <div className="field-grid">
        {hideBatch ? null : <NumberField label={nameOf('Seed')} value={run.seed} min={0} max={MAX_SEED} integer onCommit={(seed) => patch({ seed })} />}
        {paneLabels.length > 1 ? (
          <span className="number-field">
            <label className="field-label" htmlFor={`${headingId}-pane`}>
              Pane
            </label>
            <select id={`${headingId}-pane`} value={run.pane} aria-label={nameOf('Pane')} onChange={(event) => patch({ pane: Number(event.currentTarget.value) })}>
              {paneLabels.map((label, pane) => (
                <option key={pane} value={pane}>
                  {pane + 1}: {label}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>

      <label className="check">
        <input type="checkbox" checked={run.start !== null} disabled={startLocked} onChange={(event) => patch({ start: event.currentTarget.checked ? [globalStart[0], globalStart[1]] : null })} aria-label={nameOf('Own start')} />
        Own start {run.start === null ? <span className="muted">(uses the global start)</span> : null}
      </label>
      {run.start !== null && !startLocked ? (
        <div className="field-grid">
          <NumberField label={nameOf('Start x')} value={run.start[0]} min={plot[0]} max={plot[1]} onCommit={(x) => patch({ start: [x, run.start?.[1] ?? 0] })} />
          <NumberField label={nameOf('Start y')} value={run.start[1]} min={plot[2]} max={plot[3]} onCommit={(y) => patch({ start: [run.start?.[0] ?? 0, y] })} />
        </div>
      ) : null}
    </div>
  );
}
