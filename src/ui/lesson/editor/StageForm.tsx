/**
 * One stage in the editor: its text, its question, the explanation shown after
 * the answer (with the placeholders it may use), what it reveals, and moving or
 * removing it.
 */
import { useId } from 'react';
import { TEXT_LIMITS, type Stage } from '../../../state/lessons/schema.ts';
import { QuestionFields } from './QuestionFields.tsx';
import { RevealFields } from './RevealFields.tsx';

interface StageFormProps {
  readonly stage: Stage;
  readonly index: number;
  readonly count: number;
  readonly runNames: readonly string[];
  readonly steps: number;
  readonly onChange: (stage: Stage) => void;
  readonly onMove: (to: number) => void;
  readonly onRemove: () => void;
}

export function StageForm({ stage, index, count, runNames, steps, onChange, onMove, onRemove }: StageFormProps) {
  const id = useId();
  const where = `Stage ${index + 1}`;
  return (
    <fieldset className="editor-stage">
      <legend>{where}</legend>
      <label className="editor-field" htmlFor={`${id}-text`}>
        <span className="field-label">What the learner reads first</span>
      </label>
      <textarea id={`${id}-text`} rows={3} value={stage.text} maxLength={TEXT_LIMITS.text} aria-label={`${where}: text`} placeholder="Three runs start from the same point with different learning rates…" onChange={(event) => onChange({ ...stage, text: event.currentTarget.value })} />
      <QuestionFields question={stage.question} where={where} runNames={runNames} onChange={(question) => {
        const { question: _old, ...rest } = stage;
        onChange(question ? { ...rest, question } : rest);
      }} />
      <label className="editor-field" htmlFor={`${id}-explanation`}>
        <span className="field-label">{stage.question ? 'Explanation after the answer' : 'Explanation (optional)'}</span>
      </label>
      <textarea
        id={`${id}-explanation`}
        rows={3}
        value={stage.explanation ?? ''}
        maxLength={TEXT_LIMITS.text}
        aria-label={`${where}: explanation`}
        aria-describedby={`${id}-placeholders`}
        onChange={(event) => {
          const { explanation: _old, ...rest } = stage;
          onChange(event.currentTarget.value ? { ...rest, explanation: event.currentTarget.value } : rest);
        }}
      />
      <p id={`${id}-placeholders`} className="field-hint">
        Filled from the real paths: <code>{'{guess}'}</code> <code>{'{answer}'}</code> <code>{'{miss}'}</code> <code>{'{final.loss.run1}'}</code> <code>{'{final.x.run2}'}</code> <code>{'{lowest.step.run1}'}</code> <code>{'{step50.loss.run3}'}</code>
      </p>
      <RevealFields reveal={stage.reveal} where={where} runNames={runNames} steps={steps} onChange={(reveal) => onChange({ ...stage, reveal })} />
      <div className="editor-actions">
        <button type="button" className="button" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`Move stage ${index + 1} up`}>
          Move up
        </button>
        <button type="button" className="button" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move stage ${index + 1} down`}>
          Move down
        </button>
        <button type="button" className="button danger" disabled={count <= 1} onClick={onRemove} aria-label={`Remove stage ${index + 1}`}>
          Remove stage
        </button>
      </div>
    </fieldset>
  );
}
