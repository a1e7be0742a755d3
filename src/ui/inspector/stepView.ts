/**
 * What the update inspector shows, as plain data (tested without a browser): the
 * numbers of one step as text rows, the optimizer's state before and after, its
 * update rule with the numbers put in (TeX), and one sentence saying what happened.
 * Every number comes from the engine's inspection; nothing here recomputes a step.
 */
import { OPTIMIZERS, type Point, type StateQuantity, type StepInspection } from '../../core/index.ts';
import type { RunConfig } from '../../state/setup.ts';
import { steepFactor, type StabilityLimit } from '../../state/stability.ts';
import { formatInteger, formatNumber, formatPoint } from '../../view/format.ts';

/** Digits of θ and L (the CSV export's values agree to these). */
export const VALUE_DIGITS = 6;
/** Digits of everything else. */
const DIGITS = 4;

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

/** A number in TeX: the display digits, a real minus, exponents as ×10^k. */
export function texNumber(value: number, digits = DIGITS): string {
  const text = formatNumber(value, digits).replace('\u2212', '-');
  const [mantissa, exponent] = text.split('e');
  if (exponent === undefined) return text;
  return `${mantissa}\\times10^{${exponent.replace('\u2212', '-')}}`;
}

const texPoint = (point: Point, digits = DIGITS): string => `(${texNumber(point[0], digits)},\\ ${texNumber(point[1], digits)})`;
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

const vectorOf = (quantities: readonly StateQuantity[], symbol: string): Point | null => {
  const found = quantities.find((quantity) => quantity.symbol === symbol);
  return found?.kind === 'vector' ? found.value : null;
};
const scalarOf = (quantities: readonly StateQuantity[], symbol: string): number | null => {
  const found = quantities.find((quantity) => quantity.symbol === symbol);
  return found?.kind === 'scalar' ? found.value : null;
};

/** The gradient the rule uses: the loss's (batch) gradient plus L2 weight decay λθ where the optimizer adds it. */
export function usedGradient(run: RunConfig, step: StepInspection): Point | null {
  if (!step.gradient) return null;
  const l2 = run.optimizer !== 'adamw' && OPTIMIZERS[run.optimizer].hyperParameters.some((parameter) => parameter.key === 'weightDecay') ? run.weightDecay : 0;
  return [step.gradient[0] + l2 * step.point[0], step.gradient[1] + l2 * step.point[1]];
}

/** The rule of `run`'s optimizer with the numbers of `step` put in (TeX). */
export function ruleWithNumbers(run: RunConfig, step: StepInspection): string {
  const update = step.update;
  const g = usedGradient(run, step);
  const eta = texNumber(step.lr);
  const delta = update ? texPoint(update) : '\\text{(the run stopped here)}';
  const t = step.step;
  const generic = `\\theta_{${t + 1}} = \\theta_{${t}} + \\Delta\\theta = ${texPoint(step.point)} + ${delta}`;
  if (!update) return generic;
  switch (run.optimizer) {
    case 'sgd':
      return g ? `\\Delta\\theta = -\\eta_{${t}}\\, g_{${t}} = -${eta}\\cdot ${texPoint(g)} = ${delta}` : generic;
    case 'momentum':
    case 'nesterov': {
      const before = vectorOf(step.state, 'b');
      const after = vectorOf(step.stateAfter, 'b');
      if (!g || !before || !after) return generic;
      const mu = texNumber(run.momentum);
      const buffer = t === 0 ? `b_{1} = g_{0} = ${texPoint(after)}` : `b = \\mu b + g = ${mu}\\cdot ${texPoint(before)} + ${texPoint(g)} = ${texPoint(after)}`;
      const step_ = run.optimizer === 'momentum' ? `\\Delta\\theta = -\\eta\\, b = -${eta}\\cdot ${texPoint(after)} = ${delta}` : `\\Delta\\theta = -\\eta\\,(g + \\mu b) = -${eta}\\cdot\\bigl(${texPoint(g)} + ${mu}\\cdot ${texPoint(after)}\\bigr) = ${delta}`;
      return `${buffer};\\quad ${step_}`;
    }
    case 'adam':
    case 'adamw':
    case 'nadam':
    case 'radam': {
      const m = vectorOf(step.stateAfter, '\\hat m');
      const v = vectorOf(step.stateAfter, '\\hat v');
      if (!m || !v) return generic;
      return `\\Delta\\theta \\approx -\\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon} = -${eta}\\cdot\\Bigl(\\frac{${texNumber(m[0])}}{\\sqrt{${texNumber(v[0])}}},\\ \\frac{${texNumber(m[1])}}{\\sqrt{${texNumber(v[1])}}}\\Bigr) = ${delta}`;
    }
    case 'adagrad':
    case 'rmsprop': {
      const sum = vectorOf(step.stateAfter, run.optimizer === 'adagrad' ? 's' : 'v');
      if (!g || !sum) return generic;
      const symbol = run.optimizer === 'adagrad' ? 's' : 'v';
      return `\\Delta\\theta_i = -\\frac{\\eta}{\\sqrt{${symbol}_i}+\\epsilon}\\, g_i:\\ -${eta}\\cdot\\Bigl(\\frac{${texNumber(g[0])}}{\\sqrt{${texNumber(sum[0])}}},\\ \\frac{${texNumber(g[1])}}{\\sqrt{${texNumber(sum[1])}}}\\Bigr) = ${delta}`;
    }
    case 'lbfgs': {
      const direction = vectorOf(step.stateAfter, 'd');
      const length = scalarOf(step.stateAfter, 't');
      if (!direction || length === null) return generic;
      return `\\Delta\\theta = \\tau\\, d = ${texNumber(length)}\\cdot ${texPoint(direction)} = ${delta}`;
    }
    default:
      return generic;
  }
}

/** The direction a step mostly goes: "−x", "+y", or "both axes". */
function mainAxis(update: Point): string {
  const [dx, dy] = update;
  const ratio = Math.abs(dx) / Math.max(1e-300, Math.abs(dy));
  if (ratio > 1.5) return `mostly along ${dx < 0 ? '−' : '+'}x`;
  if (ratio < 1 / 1.5) return `mostly along ${dy < 0 ? '−' : '+'}y`;
  return `along both axes (${dx < 0 ? '−' : '+'}x, ${dy < 0 ? '−' : '+'}y)`;
}

/** One plain sentence about the step. */
export function stepSentence(run: RunConfig, step: StepInspection): string {
  const g = usedGradient(run, step);
  const parts: string[] = [];
  if (g) parts.push(`The gradient is ${formatNumber(Math.hypot(g[0], g[1]), 3)} long and points up the slope`);
  else parts.push('This method uses no gradient: it compares losses at candidate points');
  if ((run.optimizer === 'momentum' || run.optimizer === 'nesterov') && step.step > 0) parts.push(`momentum keeps ${formatNumber(run.momentum, 3)} of the last step`);
  if (step.batch) parts.push(`the mini-batch of ${formatInteger(step.batch.rows.length)} rows misses the full gradient by ${formatNumber(Math.hypot((step.gradient?.[0] ?? 0) - step.batch.fullGradient[0], (step.gradient?.[1] ?? 0) - step.batch.fullGradient[1]), 3)}`);
  if (!step.update) return `${parts.join('; ')}; this step stopped the run (${step.stopReason}).`;
  const length = Math.hypot(step.update[0], step.update[1]);
  let text = `${parts.join('; ')}, so the step is ${formatNumber(length, 3)} long, ${mainAxis(step.update)}`;
  if (g && length > 0 && Math.hypot(g[0], g[1]) > 0) {
    const cosine = -(step.update[0] * g[0] + step.update[1] * g[1]) / (length * Math.hypot(g[0], g[1]));
    const degrees = (Math.acos(Math.max(-1, Math.min(1, cosine))) * 180) / Math.PI;
    text += `, ${formatNumber(degrees, 2)}° from straight downhill`;
  }
  const change = step.nextLoss - step.loss;
  text += `. The loss ${change < 0 ? 'falls' : change > 0 ? 'rises' : 'stays'} from ${formatNumber(step.loss, 4)} to ${formatNumber(step.nextLoss, 4)}.`;
  return text;
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
