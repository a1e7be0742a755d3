/**
 * A labelled native range slider (linear or log scale) paired with a numeric
 * field. The slider is the accessible control: visible label, accessible name,
 * `aria-valuetext` with the formatted value; arrows, Page Up/Down, Home/End work natively.
 */
import { useId } from 'react';
import { formatNumber } from '../../view/format.ts';
import { NumberField } from './NumberField.tsx';

export interface RangeFieldProps {
  /** Visible label, e.g. "Learning rate". */
  readonly label: string;
  /** Accessible name when it must say more than the label ("Learning rate, run 2 (Adam)"); must start with the label. */
  readonly accessibleName?: string;
  readonly value: number;
  /** Slider span. */
  readonly min: number;
  readonly max: number;
  /** Wider bounds the numeric field accepts (the slider then pins at its end); defaults to the slider span. */
  readonly fieldMin?: number;
  readonly fieldMax?: number;
  readonly log?: boolean;
  readonly integer?: boolean;
  /** Linear step; log sliders use 1/120 of their span in log space. */
  readonly step?: number;
  readonly onChange: (value: number) => void;
  /** Value text for the slider and the read-out; the shared number format by default. */
  readonly format?: (value: number) => string;
  /** A short hint under the control. */
  readonly hint?: string;
}

const LOG_STEPS = 120;

/** Round a log-slider value to 3 significant digits so the store holds tidy numbers. */
function tidy(value: number): number {
  return Number(value.toPrecision(3));
}

export function RangeField({ label, accessibleName, value, min, max, fieldMin, fieldMax, log = false, integer = false, step, onChange, format = formatNumber, hint }: RangeFieldProps) {
  const sliderId = useId();
  const hintId = `${sliderId}-hint`;
  const name = accessibleName ?? label;
  const clamped = Math.min(max, Math.max(min, value));
  const sliderMin = log ? Math.log10(min) : min;
  const sliderMax = log ? Math.log10(max) : max;
  const sliderValue = log ? Math.log10(clamped) : clamped;
  const sliderStep = log ? (sliderMax - sliderMin) / LOG_STEPS : (step ?? (integer ? 1 : (max - min) / 100));
  const valueText = format(value);

  return (
    <div className="range-field">
      <div className="range-field-head">
        <label htmlFor={sliderId} className="field-label">
          {label}
        </label>
        <NumberField
          label={`${name} value`}
          hideLabel
          value={value}
          min={fieldMin ?? min}
          max={fieldMax ?? max}
          integer={integer}
          onCommit={onChange}
        />
      </div>
      <input
        id={sliderId}
        type="range"
        min={sliderMin}
        max={sliderMax}
        step={sliderStep}
        value={sliderValue}
        aria-label={accessibleName}
        aria-valuetext={valueText}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => {
          const raw = Number(event.currentTarget.value);
          const next = log ? (integer ? Math.round(10 ** raw) : tidy(10 ** raw)) : integer ? Math.round(raw) : raw;
          if (Number.isFinite(next) && next !== value) onChange(next);
        }}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
