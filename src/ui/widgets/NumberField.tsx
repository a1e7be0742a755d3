/**
 * A numeric text field that only ever commits a valid number. Out-of-range,
 * empty or non-numeric input shows an inline message (announced) and the last
 * good value stays in force; the text returns to it when the field loses focus.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { formatForInput, formatNumber } from '../../view/format.ts';

export interface NumberFieldProps {
  /** Accessible name (also shown as the label unless `hideLabel`). */
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly onCommit: (value: number) => void;
  /** Keep the label for assistive technology only (e.g. beside a slider with its own visible label). */
  readonly hideLabel?: boolean;
  readonly id?: string;
  readonly className?: string;
}

/** Parse user text: a finite number within [min, max] (an integer when asked), or an explanation. */
export function parseNumberInput(text: string, min: number, max: number, integer = false): { ok: true; value: number } | { ok: false; reason: string } {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  const range = `between ${formatNumber(min)} and ${formatNumber(max)}`;
  if (trimmed === '') return { ok: false, reason: `Enter a number ${range}.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, reason: `“${trimmed.slice(0, 20)}” is not a number; enter one ${range}.` };
  if (integer && !Number.isInteger(value)) return { ok: false, reason: `Enter a whole number ${range}.` };
  if (value < min || value > max) return { ok: false, reason: `${formatNumber(value)} is out of range; enter a number ${range}.` };
  return { ok: true, value };
}

export function NumberField({ label, value, min, max, integer = false, onCommit, hideLabel = false, id, className }: NumberFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const messageId = `${inputId}-message`;
  // null while not editing: the field then shows the committed value.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = (text: string) => {
    const parsed = parseNumberInput(text, min, max, integer);
    if (parsed.ok) {
      setError(null);
      setDraft(null);
      if (parsed.value !== value) onCommit(parsed.value);
    } else {
      setError(`${parsed.reason} Kept ${formatNumber(value)}.`);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(event.currentTarget.value);
    if (event.key === 'Escape' && draft !== null) {
      setDraft(null);
      setError(null);
    }
  };

  return (
    <span className={['number-field', className ?? '', error ? 'has-error' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? formatForInput(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? messageId : undefined}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (draft === null) return;
          commit(event.currentTarget.value);
          // Invalid text never stays behind: show the last good value again.
          setDraft(null);
        }}
      />
      <span id={messageId} className="field-error" role="alert">
        {error}
      </span>
    </span>
  );
}
