/**
 * The controls of one run's hyper-parameters, generated from core's tables:
 * exactly the ones its optimizer uses (OPTIMIZERS[id].hyperParameters), each
 * with the control its kind calls for — a slider (log where the table says so)
 * for a number, an integer slider for a whole number, joined buttons (or a
 * menu, when the options are long) for a choice, a check box for a boolean — over the range the table's `control`
 * offers, and the table's one-line description as its hint.
 */
import { useId } from 'react';
import { OPTIMIZERS, type HyperParameter } from '../../core/index.ts';
import type { RunConfig } from '../../state/setup.ts';
import { formatInteger } from '../../view/format.ts';
import { RangeField } from '../widgets/RangeField.tsx';
import { SegmentedChoice } from '../widgets/SegmentedChoice.tsx';

type RunPatch = Partial<Omit<RunConfig, 'id'>>;

interface HyperParameterControlsProps {
  readonly run: RunConfig;
  /** The accessible name of a control ("β₁, run 2 (Adam)" when there are several runs). */
  readonly nameOf: (label: string) => string;
  readonly onPatch: (patch: RunPatch) => void;
}

/**
 * A linear slider's step: about a hundredth of its span, rounded down to a power
 * of ten, and no coarser than the four decimals β₂ = 0.9999 needs near 1.
 */
export function linearStep(min: number, max: number): number {
  const span = max - min;
  if (!(span > 0)) return 1;
  const byspan = 10 ** Math.floor(Math.log10(span / 100));
  return max >= 0.9999 && max < 1 ? Math.min(byspan, 1e-4) : byspan;
}

/** Integer sliders go log when they span more than a factor of 32 (a history of 1 … 200). */
function integerWantsLog(min: number, max: number): boolean {
  return min > 0 && max / min > 32;
}

function HyperParameterControl({ parameter, run, nameOf, onPatch }: { parameter: HyperParameter } & HyperParameterControlsProps) {
  const name = useId();
  const value = (run as unknown as Record<string, unknown>)[parameter.key];
  switch (parameter.kind) {
    case 'boolean':
      return (
        <label className="check" title={parameter.description}>
          <input type="checkbox" checked={value === true} onChange={(event) => onPatch({ [parameter.key]: event.currentTarget.checked })} aria-label={nameOf(parameter.label)} />
          {parameter.label}
        </label>
      );
    case 'choice': {
      const options = parameter.options.map((option, index) => [option, parameter.optionLabels[index] ?? option] as const);
      // Short options read best side by side; long ones would wrap into a ragged row, so they go in a menu.
      if (options.some(([, text]) => text.length > 14)) {
        return (
          <div className="field-row" title={parameter.description}>
            <label className="field-label" htmlFor={name}>
              {parameter.label}
            </label>
            <select id={name} value={String(value)} aria-label={nameOf(parameter.label)} onChange={(event) => onPatch({ [parameter.key]: event.currentTarget.value })}>
              {options.map(([option, text]) => (
                <option key={option} value={option}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        );
      }
      return (
        <div className="field-block" title={parameter.description}>
          <SegmentedChoice legend={parameter.label} groupLabel={nameOf(parameter.label)} name={name} options={options} value={String(value)} onChange={(option) => onPatch({ [parameter.key]: option })} />
        </div>
      );
    }
    case 'integer':
    case 'number': {
      const whole = parameter.kind === 'integer';
      const { min, max } = parameter.control;
      const log = whole ? integerWantsLog(min, max) : parameter.control.logScale;
      return (
        <RangeField
          label={parameter.label}
          accessibleName={nameOf(parameter.label)}
          value={Number(value)}
          min={min}
          max={max}
          integer={whole}
          log={log}
          step={whole || log ? undefined : linearStep(min, max)}
          format={whole ? formatInteger : undefined}
          hint={parameter.description}
          onChange={(next) => onPatch({ [parameter.key]: whole ? Math.round(next) : next })}
        />
      );
    }
  }
}

export function HyperParameterControls({ run, nameOf, onPatch }: HyperParameterControlsProps) {
  return (
    <>
      {OPTIMIZERS[run.optimizer].hyperParameters.map((parameter) => (
        <HyperParameterControl key={parameter.key} parameter={parameter} run={run} nameOf={nameOf} onPatch={onPatch} />
      ))}
    </>
  );
}
