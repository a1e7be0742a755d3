/**
 * What the update inspector shows, as plain data (tested without a browser): the
 * numbers of one step as text rows, the optimizer's state before and after, its
 * update rule with the numbers put in (TeX), and one sentence saying what happened.
 * Every number comes from the engine's inspection; nothing here recomputes a step.
 */
import type { Point, StateQuantity, StepInspection } from '../../core/index.ts';
import type { RunConfig } from '../../state/setup.ts';
import { steepFactor, type StabilityLimit } from '../../state/stability.ts';
import { formatInteger, formatNumber, formatPoint } from '../../view/format.ts';
import { ruleWithNumbers } from './ruleTex.ts';
import { stepSentence } from './stepSentence.ts';
import { DIGITS, usedGradient } from './texParts.ts';

/** Digits of θ and L (the CSV export's values agree to these). */
export const VALUE_DIGITS = 6;

export interface StepRow {
  readonly label: string;
  readonly value: string;
}

export interface StateRow {
  readonly name: string;
  readonly symbol: string;
  readonly before: string;
  readonly after: string;
}

export interface StepView {
  /** "θ₄₀", "L(θ₄₀)", "g₄₀", "η₄₀" … as text rows. */
  readonly rows: readonly StepRow[];
  readonly state: readonly StateRow[];
  /** The update rule with this step's numbers (TeX). */
  readonly ruleTex: string;
  readonly result: readonly StepRow[];
  readonly sentence: string;
  /** Gradient descent on a quadratic surface: η against 2/λmax, and what happens to the steep direction. */
  readonly stability: { readonly text: string; readonly past: boolean } | null;
}

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
function subscript(n: number): string {
  return String(n).replace(/\d/g, (digit) => SUBSCRIPT_DIGITS[Number(digit)]);
}

const textPoint = (point: Point, digits = DIGITS): string => formatPoint(point[0], point[1], digits);

function quantityText(quantity: StateQuantity | undefined): string {
  if (!quantity) return '—';
  switch (quantity.kind) {
    case 'scalar':
      return formatNumber(quantity.value, DIGITS);
    case 'vector':
      return textPoint(quantity.value);
    case 'matrix':
      return `[${textPoint(quantity.value[0])}, ${textPoint(quantity.value[1])}]`;
    case 'points':
      return `${formatInteger(quantity.value.length)} points: ${quantity.value.slice(0, 4).map((point) => textPoint(point, 3)).join(', ')}${quantity.value.length > 4 ? ', …' : ''}`;
    case 'list':
      return `${quantity.value.slice(0, 6).map((value) => formatNumber(value, 3)).join(', ')}${quantity.value.length > 6 ? ', …' : ''}`;
  }
}

/** The inspector's content for `run` at `step`; `limit` when the run is gradient descent on a quadratic surface. */
export function stepView(run: RunConfig, step: StepInspection, limit: StabilityLimit | null): StepView {
  const t = subscript(step.step);
  const rows: StepRow[] = [
    { label: `θ${t}`, value: textPoint(step.point, VALUE_DIGITS) },
    { label: `L(θ${t})`, value: formatNumber(step.loss, VALUE_DIGITS) },
  ];
  const g = usedGradient(run, step);
  if (step.gradient) rows.push({ label: `g${t}${step.batch ? ' (mini-batch)' : ''}`, value: `${textPoint(step.gradient)}, length ${formatNumber(Math.hypot(step.gradient[0], step.gradient[1]), DIGITS)}` });
  if (g && step.gradient && (g[0] !== step.gradient[0] || g[1] !== step.gradient[1])) rows.push({ label: 'g + λθ (weight decay)', value: textPoint(g) });
  if (step.batch) {
    const { rows: batchRows, fullGradient } = step.batch;
    rows.push({ label: 'Mini-batch rows', value: `${batchRows.slice(0, 12).join(', ')}${batchRows.length > 12 ? `, … (${formatInteger(batchRows.length)} rows)` : ''}` });
    rows.push({ label: 'Full gradient', value: textPoint(fullGradient) });
    rows.push({ label: '|g − full gradient|', value: formatNumber(Math.hypot((step.gradient?.[0] ?? 0) - fullGradient[0], (step.gradient?.[1] ?? 0) - fullGradient[1]), DIGITS) });
  }
  rows.push({ label: `η${t} (learning rate)`, value: formatNumber(step.lr, DIGITS) });

  const symbols = [...new Set([...step.state, ...step.stateAfter].map((quantity) => quantity.symbol))];
  const state = symbols.map((symbol) => {
    const before = step.state.find((quantity) => quantity.symbol === symbol);
    const after = step.stateAfter.find((quantity) => quantity.symbol === symbol);
    return { name: (before ?? after)?.name ?? symbol, symbol, before: quantityText(before), after: quantityText(after) };
  });

  const t1 = subscript(step.step + 1);
  const result: StepRow[] = [];
  if (step.update && step.next) {
    result.push({ label: 'Δθ', value: textPoint(step.update) });
    result.push({ label: `θ${t1}`, value: textPoint(step.next, VALUE_DIGITS) });
    result.push({ label: `L(θ${t1})`, value: formatNumber(step.nextLoss, VALUE_DIGITS) });
    if (g) {
      const predicted = step.loss + g[0] * step.update[0] + g[1] * step.update[1];
      result.push({ label: 'First-order prediction L + g·Δθ', value: `${formatNumber(predicted, VALUE_DIGITS)} (true ${formatNumber(step.nextLoss, VALUE_DIGITS)})` });
    }
  } else {
    result.push({ label: 'Δθ', value: `none: the step stopped the run (${step.stopReason})` });
  }

  let stability: StepView['stability'] = null;
  if (limit) {
    const past = step.lr > limit.lrLimit;
    const factor = formatNumber(steepFactor(limit, step.lr), 3);
    stability = past
      ? { past, text: `η = ${formatNumber(step.lr, 3)} > 2/λmax = ${formatNumber(limit.lrLimit, 3)}: the steep direction grows by |1 − ηλ| = ${factor} each step.` }
      : { past, text: `η = ${formatNumber(step.lr, 3)} ≤ 2/λmax = ${formatNumber(limit.lrLimit, 3)}: the steep direction shrinks by |1 − ηλ| = ${factor} each step.` };
  }
  return { rows, state, ruleTex: ruleWithNumbers(run, step), result, sentence: stepSentence(run, step), stability };
}
