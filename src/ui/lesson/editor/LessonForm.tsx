/**
 * One lesson in the editor: title and length, the setup it opens with (taken
 * from the app's current setup), how its runs are named, which controls
 * students see, and its stages. Below, what students would get: the problems
 * parseLesson finds, named field by field, before anything is shared.
 */
import { useId } from 'react';
import { MAX_STEPS, OPTIMIZERS } from '../../../core/index.ts';
import { appStore } from '../../../state/app.ts';
import { blankStage, moveItem, setupChoiceOf } from '../../../state/lessons/draft.ts';
import type { LessonProblem } from '../../../state/lessons/parse.ts';
import { CONTROL_FLAGS, MAX_LESSON_MINUTES, MAX_STAGES, TEXT_LIMITS, type ControlFlag, type Lesson } from '../../../state/lessons/schema.ts';
import { surfaceLabel } from '../../../view/catalog.ts';
import { formatInteger, formatPoint } from '../../../view/format.ts';
import { NumberField } from '../../widgets/NumberField.tsx';
import { StageForm } from './StageForm.tsx';

/** What each control flag does, as the teacher reads it. */
const CONTROL_WORDS: Readonly<Record<ControlFlag, string>> = {
  'hide-learning-rate': 'Hide the learning-rate sliders',
  'hide-hyper-parameters': 'Hide momentum, β and the other hyper-parameters',
  'hide-schedule': 'Hide the schedules',
  'hide-batch-size': 'Hide batch size, noise and seed',
  'lock-start': 'Lock the start point',
  'lock-surface': 'Lock the landscape',
  'lock-runs': 'Lock the runs (no adding, removing or changing optimizers)',
  'hide-maps': 'Hide the maps',
};

interface LessonFormProps {
  readonly lesson: Lesson;
  readonly problems: readonly LessonProblem[];
  readonly onChange: (lesson: Lesson) => void;
  /** Say something in the editor's status line. */
  readonly onStatus: (text: string) => void;
}

export function LessonForm({ lesson, problems, onChange, onStatus }: LessonFormProps) {
  const id = useId();
  const { setup } = lesson;
  const runNames = setup.runs.map((run, index) => `run ${index + 1} (${run.label ?? OPTIMIZERS[run.optimizer].label})`);
  const controls = lesson.controls ?? [];
  const setStages = (stages: Lesson['stages']) => onChange({ ...lesson, stages });

  const takeSetup = () => {
    const { choice, problems: notes } = setupChoiceOf(appStore.getState().setup, setup.runs.map((run) => run.label));
    if (choice) onChange({ ...lesson, setup: choice });
    onStatus(choice ? `The lesson now opens with the current setup.${notes.length ? ` ${notes.join(' ')}` : ''}` : notes.join(' '));
  };

  return (
    <div className="editor-lesson">
      <div className="editor-grid">
        <label className="editor-field wide">
          <span className="field-label">Title</span>
          <input type="text" value={lesson.title} maxLength={TEXT_LIMITS.title} onChange={(event) => onChange({ ...lesson, title: event.currentTarget.value })} />
        </label>
        <label className="editor-field">
          <span className="field-label">Id (in links and file names)</span>
          <input type="text" value={lesson.id} maxLength={TEXT_LIMITS.id} spellCheck={false} onChange={(event) => onChange({ ...lesson, id: event.currentTarget.value })} />
        </label>
        <NumberField label="Minutes" value={lesson.minutes} min={0.5} max={MAX_LESSON_MINUTES} onCommit={(minutes) => onChange({ ...lesson, minutes })} />
      </div>

      <fieldset className="editor-group">
        <legend>Setup</legend>
        <p>
          {surfaceLabel(setup.surface, setup.bowlCondition ?? 10)}
          {setup.splitWith?.length ? ` and ${setup.splitWith.length} more pane${setup.splitWith.length === 1 ? '' : 's'}` : ''} · start {formatPoint(setup.start[0], setup.start[1])} · {formatInteger(Math.min(setup.steps, MAX_STEPS))} steps ·{' '}
          {setup.runs.length} run{setup.runs.length === 1 ? '' : 's'}
        </p>
        <button type="button" className="button" onClick={takeSetup}>
          Use the current setup
        </button>
        <div className="editor-grid">
          {setup.runs.map((run, index) => (
            <label key={index} className="editor-field">
              <span className="field-label">
                Name of run {index + 1} ({OPTIMIZERS[run.optimizer].label}, η {run.lr})
              </span>
              <input
                type="text"
                value={run.label ?? ''}
                maxLength={TEXT_LIMITS.label}
                placeholder={OPTIMIZERS[run.optimizer].label}
                onChange={(event) => {
                  const text = event.currentTarget.value;
                  const runs = setup.runs.map((old, at) => {
                    if (at !== index) return old;
                    const { label: _label, ...rest } = old;
                    return text ? { ...rest, label: text } : rest;
                  }) as Lesson['setup']['runs'];
                  onChange({ ...lesson, setup: { ...setup, runs } });
                }}
              />
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="editor-group editor-controls">
        <legend>What students can change</legend>
        {CONTROL_FLAGS.map((flag) => (
          <label key={flag} className="check">
            <input
              type="checkbox"
              checked={controls.includes(flag)}
              onChange={(event) => {
                const next = CONTROL_FLAGS.filter((candidate) => (candidate === flag ? event.currentTarget.checked : controls.includes(candidate)));
                const { controls: _old, ...rest } = lesson;
                onChange(next.length ? { ...rest, controls: next } : rest);
              }}
            />
            {CONTROL_WORDS[flag]}
          </label>
        ))}
      </fieldset>

      {lesson.stages.map((stage, index) => (
        <StageForm
          key={index}
          stage={stage}
          index={index}
          count={lesson.stages.length}
          runNames={runNames}
          steps={setup.steps}
          onChange={(next) => setStages(lesson.stages.map((old, at) => (at === index ? next : old)))}
          onMove={(to) => setStages(moveItem(lesson.stages, index, to))}
          onRemove={() => setStages(lesson.stages.filter((_, at) => at !== index))}
        />
      ))}
      <button type="button" className="button" disabled={lesson.stages.length >= MAX_STAGES} onClick={() => setStages([...lesson.stages, blankStage()])}>
        Add a stage
      </button>

      <section className="editor-check" aria-labelledby={`${id}-check`}>
        <h3 id={`${id}-check`}>{problems.length ? `Before sharing: ${problems.length} thing${problems.length === 1 ? '' : 's'} to look at` : 'Ready to share'}</h3>
        {problems.length ? (
          <ul className="editor-problems">
            {problems.map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
        ) : (
          <p className="field-hint">Students get exactly this lesson.</p>
        )}
      </section>
    </div>
  );
}
