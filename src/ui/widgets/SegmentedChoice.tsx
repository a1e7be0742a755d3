/**
 * One choice among a few, as a row of joined buttons: native radio inputs (so
 * arrow keys move the choice) inside labels styled as segments, under a legend.
 */
export interface SegmentedChoiceProps<T extends string | number> {
  /** What is being chosen: the fieldset's legend. */
  readonly legend: string;
  /** Keep the legend for assistive technology only. */
  readonly hideLegend?: boolean;
  /** Accessible name of the group when it should say more than the legend. */
  readonly groupLabel?: string;
  /** The radio group's name (unique on the page, e.g. from useId). */
  readonly name: string;
  /** Each option's value and visible text, in order. */
  readonly options: readonly (readonly [T, string])[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  /** Accessible name of an option when its visible text is too short to say it ("2" → "2 panes"). */
  readonly optionLabel?: (value: T) => string;
}

export function SegmentedChoice<T extends string | number>({ legend, hideLegend = false, groupLabel, name, options, value, onChange, optionLabel }: SegmentedChoiceProps<T>) {
  return (
    <fieldset className="segmented" aria-label={groupLabel}>
      <legend className={hideLegend ? 'field-label visually-hidden' : 'field-label'}>{legend}</legend>
      {options.map(([option, text]) => (
        <label key={option} className={value === option ? 'active' : ''}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} aria-label={optionLabel?.(option)} />
          {text}
        </label>
      ))}
    </fieldset>
  );
}
