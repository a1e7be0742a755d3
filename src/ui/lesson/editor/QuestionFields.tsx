/**
 * The question of one stage in the editor: none, multiple choice (options and
 * the right one), a number (answer, tolerance, unit) or "click where this run
 * ends" (the run and how close counts).
 */
import { useId } from 'react';
import { MAX_COORDINATE } from '../../../core/index.ts';
import { MAX_OPTIONS, TEXT_LIMITS, type Question } from '../../../state/lessons/schema.ts';
import { NumberField } from '../../widgets/NumberField.tsx';

type Kind = Question['kind'] | 'none';

const KIND_LABELS: readonly (readonly [Kind, string])[] = [
  ['none', 'No question'],
  ['choice', 'Multiple choice'],
  ['number', 'A number'],
  ['click', 'Click where a run ends'],
];

/** A fresh question of `kind`, keeping the prompt already written. */
function questionOf(kind: Kind, prompt: string): Question | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'choice':
      return { kind, prompt, options: ['', ''], answer: 0 };
    case 'number':
      return { kind, prompt, answer: 0, tolerance: 0.1 };
    case 'click':
      return { kind, prompt, run: 0, radius: 0.25 };
  }
}

interface QuestionFieldsProps {
  readonly question: Question | undefined;
  /** "Stage 2": accessible names say which stage a field belongs to. */
  readonly where: string;
  readonly runNames: readonly string[];
  readonly onChange: (question: Question | undefined) => void;
}

export function QuestionFields({ question, where, runNames, onChange }: QuestionFieldsProps) {
  const id = useId();
  const kind: Kind = question?.kind ?? 'none';
  return (
    <fieldset className="editor-group">
      <legend>Question</legend>
      <div className="field-row">
        <label htmlFor={`${id}-kind`} className="field-label">
          Ask
        </label>
        <select id={`${id}-kind`} value={kind} aria-label={`${where}: question kind`} onChange={(event) => onChange(questionOf(event.currentTarget.value as Kind, question?.prompt ?? ''))}>
          {KIND_LABELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {question ? (
        <label className="editor-field">
          <span className="field-label">Prompt</span>
          <input type="text" value={question.prompt} maxLength={TEXT_LIMITS.prompt} aria-label={`${where}: prompt`} placeholder="Which run ends lowest?" onChange={(event) => onChange({ ...question, prompt: event.currentTarget.value })} />
        </label>
      ) : null}
      {question?.kind === 'choice' ? (
        <div className="editor-options">
          {question.options.map((option, index) => (
            <div key={index} className="editor-option">
              <label className="check" title="The right answer">
                <input type="radio" name={`${id}-answer`} checked={question.answer === index} onChange={() => onChange({ ...question, answer: index })} aria-label={`${where}: option ${index + 1} is the right answer`} />
              </label>
              <input
                type="text"
                value={option}
                maxLength={TEXT_LIMITS.option}
                aria-label={`${where}: option ${index + 1}`}
                placeholder={`Option ${String.fromCharCode(65 + index)}`}
                onChange={(event) => onChange({ ...question, options: question.options.map((old, at) => (at === index ? event.currentTarget.value : old)) })}
              />
              <button
                type="button"
                className="button"
                disabled={question.options.length <= 2}
                aria-label={`${where}: remove option ${index + 1}`}
                onClick={() => {
                  const options = question.options.filter((_, at) => at !== index);
                  onChange({ ...question, options, answer: question.answer === index ? 0 : question.answer > index ? question.answer - 1 : question.answer });
                }}
              >
                Remove
              </button>
            </div>
          ))}
          <p className="field-hint">The selected circle marks the right answer.</p>
          <button type="button" className="button" disabled={question.options.length >= MAX_OPTIONS} onClick={() => onChange({ ...question, options: [...question.options, ''] })}>
            Add an option
          </button>
        </div>
      ) : null}
      {question?.kind === 'number' ? (
        <div className="editor-grid">
          <NumberField label={`${where}: answer`} value={question.answer} min={-1e12} max={1e12} onCommit={(answer) => onChange({ ...question, answer })} />
          <NumberField label={`${where}: tolerance (±)`} value={question.tolerance} min={0} max={1e12} onCommit={(tolerance) => onChange({ ...question, tolerance })} />
          <label className="editor-field">
            <span className="field-label">Unit (optional)</span>
            <input
              type="text"
              value={question.unit ?? ''}
              maxLength={TEXT_LIMITS.unit}
              aria-label={`${where}: unit`}
              onChange={(event) => {
                const { unit: _unit, ...rest } = question;
                onChange(event.currentTarget.value ? { ...rest, unit: event.currentTarget.value } : rest);
              }}
            />
          </label>
        </div>
      ) : null}
      {question?.kind === 'click' ? (
        <div className="editor-grid">
          <label className="editor-field">
            <span className="field-label">Where does this run end?</span>
            <select value={question.run} aria-label={`${where}: the run to place`} onChange={(event) => onChange({ ...question, run: Number(event.currentTarget.value) })}>
              {runNames.map((name, index) => (
                <option key={index} value={index}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <NumberField label={`${where}: close enough within`} value={question.radius} min={1e-6} max={MAX_COORDINATE} onCommit={(radius) => onChange({ ...question, radius })} />
        </div>
      ) : null}
    </fieldset>
  );
}
