/**
 * The start point every run begins from (unless it has its own) and the number of steps.
 */
import { useId } from 'react';
import { useAppStore } from '../../state/app.ts';
import { MAX_COORDINATE, MAX_STEPS } from '../../core/index.ts';
import { formatInteger } from '../../view/format.ts';
import { NumberField } from '../widgets/NumberField.tsx';
import { RangeField } from '../widgets/RangeField.tsx';
import { LockNote, useLessonControl } from '../lesson/LockNote.tsx';

export function StartControls() {
  const start = useAppStore((state) => state.setup.start);
  const steps = useAppStore((state) => state.setup.steps);
  const setStart = useAppStore((state) => state.setStart);
  const setSteps = useAppStore((state) => state.setSteps);
  const id = useId();
  const locked = useLessonControl('lock-start');

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Start and steps
      </h2>
      <fieldset className="field-grid panel-fieldset-grid" disabled={locked}>
        <legend className="visually-hidden">Start point</legend>
        <NumberField label="Start x" value={start[0]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(x) => setStart([x, start[1]])} />
        <NumberField label="Start y" value={start[1]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(y) => setStart([start[0], y])} />
      </fieldset>
      {locked ? <LockNote>This lesson fixes the start point.</LockNote> : <p className="field-hint">Or click the surface to set the start.</p>}
      <RangeField label="Steps" value={steps} min={10} max={MAX_STEPS} fieldMin={1} log integer format={formatInteger} onChange={(value) => setSteps(Math.round(value))} />
    </section>
  );
}
