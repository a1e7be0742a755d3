/**
 * The open question of a stage, as a fieldset whose legend is the prompt:
 * multiple choice (one button per option: choosing is answering), a number (a
 * field with its unit), or "click where you think this run ends" (a click on
 * the surface places a magenta ring; the point can also be typed). "Skip to the
 * answer" is always there: nothing depends on answering, or on answering right.
 */
import { useId, useState, type FormEvent } from 'react';
import { appStore, useAppStore } from '../../state/app.ts';
import type { Guess } from '../../state/lessons/guess.ts';
import type { Question } from '../../state/lessons/schema.ts';
import { formatForInput } from '../../view/format.ts';
import { parseNumberInput } from '../widgets/NumberField.tsx';
import { animateReveals } from './motion.ts';

const answer = (guess: Guess) => appStore.getState().answerQuestion(guess, animateReveals());
const LIMIT = 1e12;

function ChoiceQuestion({ question }: { question: Extract<Question, { kind: 'choice' }> }) {
  return (
    <div className="lesson-options">
      {question.options.map((option, index) => (
        <button key={index} type="button" className="button lesson-option" onClick={() => answer({ kind: 'choice', option: index })}>
          <span className="option-letter" aria-hidden="true">
            {String.fromCharCode(65 + index)}
          </span>
          {option}
        </button>
      ))}
    </div>
  );
}

function NumberQuestion({ question }: { question: Extract<Question, { kind: 'number' }> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseNumberInput(text, -LIMIT, LIMIT);
    if (!parsed.ok) {
      setError(text.trim() === '' ? 'Type a number first, or skip to the answer.' : parsed.reason);
      return;
    }
    answer({ kind: 'number', value: parsed.value });
  };
  return (
    <form className="lesson-number" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-value`} className="field-label">
        Your estimate
      </label>
      <span className="lesson-number-row">
        <input
          id={`${id}-value`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setError(null);
          }}
        />
        {question.unit ? <span className="lesson-unit">{question.unit}</span> : null}
        <button type="submit" className="button primary">
          Check
        </button>
      </span>
      <span id={`${id}-error`} className="field-error" role="alert">
        {error}
      </span>
    </form>
  );
}

function ClickQuestion({ question }: { question: Extract<Question, { kind: 'click' }> }) {
  const id = useId();
  const guess = useAppStore((state) => state.lesson?.clickGuess ?? null);
  const [drafts, setDrafts] = useState<{ x: string | null; y: string | null }>({ x: null, y: null });
  const [error, setError] = useState<string | null>(null);
  const shown = (axis: 0 | 1) => drafts[axis === 0 ? 'x' : 'y'] ?? (guess ? formatForInput(guess[axis]) : '');
  const type = (axis: 0 | 1, text: string) => {
    setDrafts((old) => ({ ...old, [axis === 0 ? 'x' : 'y']: text }));
    setError(null);
    const other = shown(axis === 0 ? 1 : 0);
    const a = parseNumberInput(axis === 0 ? text : other, -LIMIT, LIMIT);
    const b = parseNumberInput(axis === 0 ? other : text, -LIMIT, LIMIT);
    if (a.ok && b.ok) appStore.getState().setClickGuess([a.value, b.value]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!guess) {
      setError('Click the surface where you think the run ends (or type x and y) first, or skip to the answer.');
      return;
    }
    answer({ kind: 'click', point: guess });
  };
  return (
    <form className="lesson-click" onSubmit={submit} noValidate>
      <p className="field-hint">
        Click the surface where you think run {question.run + 1} ends: a magenta ring marks your guess. Or type the point, or focus the landscape and move the ring with the arrow keys.
      </p>
      <span className="lesson-point">
        {([0, 1] as const).map((axis) => (
          <span key={axis} className="number-field">
            <label htmlFor={`${id}-${axis}`} className="field-label">
              {axis === 0 ? 'x (w₁)' : 'y (w₂)'}
            </label>
            <input id={`${id}-${axis}`} type="text" inputMode="decimal" autoComplete="off" value={shown(axis)} onChange={(event) => type(axis, event.currentTarget.value)} onBlur={() => setDrafts({ x: null, y: null })} />
          </span>
        ))}
        <button type="submit" className="button primary">
          Check my guess
        </button>
      </span>
      <span className="field-error" role="alert">
        {error}
      </span>
    </form>
  );
}

/** The question of the current stage, while it waits for an answer. */
export function QuestionForm({ question, stageNumber }: { question: Question; stageNumber: number }) {
  const id = useId();
  return (
    <fieldset className="lesson-question" aria-describedby={`${id}-hint`}>
      <legend className="lesson-prompt">{question.prompt}</legend>
      <p id={`${id}-hint`} className="visually-hidden">
        Stage {stageNumber}: the paths stay hidden until you answer or skip to the answer.
      </p>
      {question.kind === 'choice' ? <ChoiceQuestion question={question} /> : question.kind === 'number' ? <NumberQuestion question={question} /> : <ClickQuestion question={question} />}
      <button type="button" className="link-button lesson-skip" onClick={() => appStore.getState().skipToAnswer(animateReveals())}>
        Skip to the answer
      </button>
    </fieldset>
  );
}
