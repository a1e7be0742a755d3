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
  /** Values marked on the slider's track with a short label (e.g. a stability limit); outside the span they are not drawn. */
  readonly marks?: readonly RangeMark[];
}

export interface RangeMark {
  readonly value: number;
  /** Short visible label, e.g. "2/λmax". */
  readonly label: string;
  /** What the mark means, for screen readers (joined to the slider's description). */
  readonly description: string;
}

const LOG_STEPS = 120;

/** Round a log-slider value to 3 significant digits so the store holds tidy numbers. */
function tidy(value: number): number {
  return Number(value.toPrecision(3));
}

export function RangeField({ label, accessibleName, value, min, max, fieldMin, fieldMax, log = false, integer = false, step, onChange, format = formatNumber, hint, marks }: RangeFieldProps) {
  const sliderId = useId();
  const hintId = `${sliderId}-hint`;
  const marksId = `${sliderId}-marks`;
  const name = accessibleName ?? label;
  const clamped = Math.min(max, Math.max(min, value));
  const sliderMin = log ? Math.log10(min) : min;
  const sliderMax = log ? Math.log10(max) : max;
  const sliderValue = log ? Math.log10(clamped) : clamped;
  const sliderStep = log ? (sliderMax - sliderMin) / LOG_STEPS : (step ?? (integer ? 1 : (max - min) / 100));
  const valueText = format(value);
  const shownMarks = (marks ?? []).filter((mark) => mark.value >= min && mark.value <= max);
  const describedBy = [hint ? hintId : '', shownMarks.length > 0 ? marksId : ''].filter(Boolean).join(' ') || undefined;
  const markFraction = (mark: RangeMark) => ((log ? Math.log10(mark.value) : mark.value) - sliderMin) / (sliderMax - sliderMin);

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
        aria-describedby={describedBy}
        onChange={(event) => {
          const raw = Number(event.currentTarget.value);
          const next = log ? (integer ? Math.round(10 ** raw) : tidy(10 ** raw)) : integer ? Math.round(raw) : raw;
          if (Number.isFinite(next) && next !== value) onChange(next);
        }}
      />
      {shownMarks.length > 0 ? (
        <div id={marksId} className="range-marks">
          {shownMarks.map((mark) => (
            <span key={mark.label} className="range-mark" style={{ left: `calc(8px + ${markFraction(mark).toFixed(4)} * (100% - 16px))` }} title={mark.description}>
              <span className="visually-hidden">{mark.description}</span>
              <span aria-hidden="true">{mark.label}</span>
            </span>
          ))}
        </div>
      ) : null}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
