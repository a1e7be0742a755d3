/**
 * The start point every run begins from (unless it has its own) and the number
 * of steps. A start typed outside the plot is moved to the nearest point inside
 * and the message says so; where a pane's plot does not hold the shared start
 * (panes on different surfaces), that pane starts its runs at its nearest point
 * inside, and the message names the pane and the point (state/startDomain.ts).
 */
import { useId, useState } from 'react';
import { useAppStore } from '../../state/app.ts';
import { MAX_COORDINATE, MAX_STEPS, type Domain } from '../../core/index.ts';
import { clampIntoDomain, panesMovingTheStart, startBox } from '../../state/startDomain.ts';
import { paneSurfaceLabel } from '../../view/catalog.ts';
import { formatInteger, formatNumber, formatPoint } from '../../view/format.ts';
import { NumberField } from '../widgets/NumberField.tsx';
import { RangeField } from '../widgets/RangeField.tsx';
import { LockNote, useLessonControl } from '../lesson/LockNote.tsx';

const range = (domain: Domain) => `x from ${formatNumber(domain.x[0])} to ${formatNumber(domain.x[1])}, y from ${formatNumber(domain.y[0])} to ${formatNumber(domain.y[1])}`;

export function StartControls() {
  const setup = useAppStore((state) => state.setup);
  const start = setup.start;
  const steps = setup.steps;
  const setStart = useAppStore((state) => state.setStart);
  const setSteps = useAppStore((state) => state.setSteps);
  const id = useId();
  const locked = useLessonControl('lock-start');
  // What the last typed start was moved to, and why (shown while the start is still there).
  const [clamped, setClamped] = useState<{ readonly at: readonly [number, number]; readonly text: string } | null>(null);

  const commit = (point: [number, number]) => {
    const box = startBox(setup);
    const inside = box ? clampIntoDomain(point, box) : point;
    const moved = box !== null && (inside[0] !== point[0] || inside[1] !== point[1]);
    setClamped(
      moved && box
        ? { at: inside, text: `${formatPoint(point[0], point[1])} lies outside the plot (${range(box)}), so the start is ${formatPoint(inside[0], inside[1])}, the nearest point inside.` }
        : null,
    );
    setStart(point);
  };
  const typedNote = clamped && clamped.at[0] === start[0] && clamped.at[1] === start[1] ? clamped.text : null;
  const several = setup.panes.length > 1;
  const paneNotes = panesMovingTheStart(setup).map(
    ({ pane, start: inside }) =>
      `${several ? `Pane ${pane + 1} (${paneSurfaceLabel(setup, pane)})` : 'The plot'} does not hold the start ${formatPoint(start[0], start[1])}: its runs start at ${formatPoint(inside[0], inside[1])}, the nearest point inside.`,
  );

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Start and steps
      </h2>
      <fieldset className="field-grid panel-fieldset-grid" disabled={locked}>
        <legend className="visually-hidden">Start point</legend>
        <NumberField label="Start x" value={start[0]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(x) => commit([x, start[1]])} />
        <NumberField label="Start y" value={start[1]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(y) => commit([start[0], y])} />
      </fieldset>
      <div aria-live="polite">
        {typedNote || paneNotes.length > 0 ? (
          <div className="field-warning" data-testid="start-note">
            {typedNote ? <p>{typedNote}</p> : null}
            {paneNotes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
        ) : null}
      </div>
      {locked ? <LockNote>This lesson fixes the start point.</LockNote> : <p className="field-hint">Or click the surface to set the start.</p>}
      <RangeField label="Steps" value={steps} min={10} max={MAX_STEPS} fieldMin={1} log integer format={formatInteger} onChange={(value) => setSteps(Math.round(value))} />
    </section>
  );
}
