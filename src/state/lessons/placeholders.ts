/**
 * Placeholders: words in a lesson's text that the UI replaces with the engine's
 * real numbers, so an explanation can say what happened without anyone typing
 * the number in. A placeholder is a name in braces, read by a fixed grammar —
 * never evaluated:
 *
 *   {final.loss.run1}   the loss at run 1's last point (its last finite point if it diverged)
 *   {start.x.run2}      x at run 2's start;  fields: loss, x, y, step
 *   {lowest.step.run3}  the step at which run 3's loss was lowest
 *   {step300.loss.run1} the loss after 300 steps ("—" if the run stopped before)
 *   {guess}             the learner's answer; {answer} the right one; {miss} how far apart
 *
 * Runs count from 1, as the legend shows them. Braces around anything else
 * ("{x}") are a mistake that parseLesson reports; they are shown as written.
 */
import type { Trajectory } from '../../core/index.ts';

/** What a placeholder reads of a run's path: its points and losses. */
export type PlaceholderPath = Pick<Trajectory, 'x' | 'y' | 'loss' | 'length' | 'diverged' | 'divergedAt'>;
import { MAX_RUNS, MAX_STEPS } from '../../core/index.ts';

export type PointName = 'start' | 'final' | 'lowest' | { readonly step: number };
export type PointField = 'loss' | 'x' | 'y' | 'step';

export type Placeholder =
  | { readonly kind: 'point'; readonly at: PointName; readonly field: PointField; /** From 0. */ readonly run: number }
  | { readonly kind: 'guess' }
  | { readonly kind: 'answer' }
  | { readonly kind: 'miss' };

/** Anything that looks like a placeholder: a lowercase letter, then letters, digits and dots, in braces. */
const TOKEN = /\{([a-z][A-Za-z0-9.]{0,40})\}/g;
const FIELDS: readonly PointField[] = ['loss', 'x', 'y', 'step'];

/** The placeholder a name stands for ("final.loss.run1"), or null when it is not one. */
export function parsePlaceholder(name: string): Placeholder | null {
  if (name === 'guess' || name === 'answer' || name === 'miss') return { kind: name };
  const parts = name.split('.');
  if (parts.length !== 3) return null;
  const [pointPart, fieldPart, runPart] = parts;
  let at: PointName;
  if (pointPart === 'start' || pointPart === 'final' || pointPart === 'lowest') at = pointPart;
  else {
    const step = /^step(\d{1,6})$/.exec(pointPart);
    if (!step || Number(step[1]) > MAX_STEPS) return null;
    at = { step: Number(step[1]) };
  }
  const field = FIELDS.find((candidate) => candidate === fieldPart);
  const run = /^run(\d{1,2})$/.exec(runPart);
  if (field === undefined || !run || Number(run[1]) < 1 || Number(run[1]) > MAX_RUNS) return null;
  return { kind: 'point', at, field, run: Number(run[1]) - 1 };
}

/** Every placeholder-like token in `text`, with what it parses to (null: not a placeholder). */
export function placeholdersIn(text: string): { readonly token: string; readonly placeholder: Placeholder | null }[] {
  return [...text.matchAll(TOKEN)].map((match) => ({ token: match[0], placeholder: parsePlaceholder(match[1]) }));
}

const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * A number as a lesson prints it: three significant digits, a true minus sign,
 * and "× 10ⁿ" outside 0.001 … 99,999 ("4.69 × 10⁻⁹", "−0.561", "6.65").
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const sign = value < 0 ? '−' : '';
  const size = Math.abs(value);
  const rounded = Number(size.toPrecision(3));
  if (rounded >= 1e-3 && rounded < 1e5) return sign + String(rounded);
  const [mantissa, exponent] = size.toExponential(2).split('e');
  const digits = String(Number(mantissa));
  const power = String(Number(exponent)).replace(/[-0-9]/g, (char) => SUPERSCRIPT[char]);
  return `${sign}${digits} × 10${power}`;
}

/** What fills the placeholders of one stage. */
export interface PlaceholderValues {
  /** The runs' paths, in the lesson's run order. */
  readonly runs: readonly PlaceholderPath[];
  /** The learner's answer, as shown to them. */
  readonly guess?: string;
  /** The right answer, as shown. */
  readonly answer?: string;
  /** How far the guess was from the answer (plane units for a click). */
  readonly miss?: number;
}

function pointIndex(path: PlaceholderPath, at: PointName): number {
  if (at === 'start') return 0;
  if (at === 'final') return path.length - 1;
  if (at === 'lowest') {
    let lowest = 0;
    for (let i = 1; i < path.length; i++) if (path.loss[i] < path.loss[lowest]) lowest = i;
    return lowest;
  }
  return at.step < path.length ? at.step : -1;
}

/** The text that replaces one placeholder, or null when the values cannot fill it. */
export function placeholderText(placeholder: Placeholder, values: PlaceholderValues): string | null {
  switch (placeholder.kind) {
    case 'guess':
      return values.guess ?? null;
    case 'answer':
      return values.answer ?? null;
    case 'miss':
      return values.miss === undefined ? null : formatNumber(values.miss);
    case 'point': {
      const path = values.runs[placeholder.run];
      if (path === undefined || path.length === 0) return null;
      const index = pointIndex(path, placeholder.at);
      if (index < 0) return '—';
      if (placeholder.field === 'step') return String(index);
      const value = placeholder.field === 'loss' ? path.loss[index] : placeholder.field === 'x' ? path.x[index] : path.y[index];
      return formatNumber(value);
    }
  }
}

/** `text` with every placeholder the values can fill replaced; anything else is left as written. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(TOKEN, (token, name: string) => {
    const placeholder = parsePlaceholder(name);
    return (placeholder && placeholderText(placeholder, values)) ?? token;
  });
}
