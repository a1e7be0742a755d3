/**
 * The pieces the inspector's rules are typeset from: numbers and points in TeX,
 * lines stacked in an aligned block, the state's named quantities looked up by
 * symbol, and the gradient an optimizer actually uses (L2 weight decay added).
 */
import { OPTIMIZERS, type Point, type StateQuantity, type StepInspection } from '../../core/index.ts';
import type { RunConfig } from '../../state/setup.ts';
import { formatNumber } from '../../view/format.ts';

/** Digits of the numbers inside a rule. */
export const DIGITS = 4;

/** A number in TeX: the display digits, a real minus, exponents as ×10^k. */
export function texNumber(value: number, digits = DIGITS): string {
  if (Number.isNaN(value)) return '\\text{NaN}';
  if (!Number.isFinite(value)) return value > 0 ? '\\infty' : '-\\infty';
  const text = formatNumber(value, digits).replace('\u2212', '-');
  const [mantissa, exponent] = text.split('e');
  if (exponent === undefined) return text;
  return `${mantissa}\\times10^{${exponent.replace('\u2212', '-')}}`;
}

/** A factor in a product: negative numbers and exponent forms in parentheses. */
export function texFactor(value: number, digits = DIGITS): string {
  const text = texNumber(value, digits);
  return value < 0 || text.includes('times') ? `(${text})` : text;
}

export const texPoint = (point: Point, digits = DIGITS): string => `(${texNumber(point[0], digits)},\\ ${texNumber(point[1], digits)})`;

/** Two coordinate expressions as a pair. */
export const texPair = (x: string, y: string): string => `\\bigl(${x},\\ ${y}\\bigr)`;

/**
 * Where a line "a &= symbols = numbers = result" breaks for a narrow panel: before every
 * top-level " = " after its "&=" but the last, up to its first top-level \\quad (what follows
 * a \\quad is a side remark and stays on its row). Offsets of the breaks, in order.
 */
function breaksOf(line: string): number[] {
  const anchor = line.indexOf('&=');
  if (anchor < 0) return [];
  const equals: number[] = [];
  let depth = 0;
  for (let i = anchor + 2; i < line.length; i++) {
    const char = line[i];
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 0 && line.startsWith('\\quad', i)) break;
    else if (depth === 0 && line.startsWith(' = ', i)) equals.push(i);
  }
  return equals.slice(0, -1);
}

/** One line as rows: the symbols first, then the numbers and the result, each continuing with "&=". */
export function breakLine(line: string): string {
  let out = '';
  let from = 0;
  for (const at of breaksOf(line)) {
    out += `${line.slice(from, at)} \\\\ &= `;
    from = at + 3;
  }
  return out + line.slice(from);
}

/** Lines stacked and aligned at their `&`, each broken into rows that fit a narrow panel (breakLine). */
export const aligned = (lines: readonly string[]): string => `\\begin{aligned}${lines.map(breakLine).join(' \\\\ ')}\\end{aligned}`;

const find = (quantities: readonly StateQuantity[], symbol: string): StateQuantity | undefined => quantities.find((quantity) => quantity.symbol === symbol);

export function vectorOf(quantities: readonly StateQuantity[], symbol: string): Point | null {
  const found = find(quantities, symbol);
  return found?.kind === 'vector' ? found.value : null;
}

export function scalarOf(quantities: readonly StateQuantity[], symbol: string): number | null {
  const found = find(quantities, symbol);
  return found?.kind === 'scalar' ? found.value : null;
}

export function matrixOf(quantities: readonly StateQuantity[], symbol: string): readonly [Point, Point] | null {
  const found = find(quantities, symbol);
  return found?.kind === 'matrix' ? found.value : null;
}

export function pointsOf(quantities: readonly StateQuantity[], symbol: string): readonly Point[] | null {
  const found = find(quantities, symbol);
  return found?.kind === 'points' ? found.value : null;
}

export function listOf(quantities: readonly StateQuantity[], symbol: string): readonly number[] | null {
  const found = find(quantities, symbol);
  return found?.kind === 'list' ? found.value : null;
}

/** The L2 weight decay λ the optimizer adds to its gradient (g ← g + λθ), 0 for AdamW (decoupled) and those without it. */
export function l2Decay(run: RunConfig): number {
  return run.optimizer !== 'adamw' && OPTIMIZERS[run.optimizer].hyperParameters.some((parameter) => parameter.key === 'weightDecay') ? run.weightDecay : 0;
}

/** The gradient the rule uses: the loss's (batch) gradient plus L2 weight decay λθ where the optimizer adds it. */
export function usedGradient(run: RunConfig, step: StepInspection): Point | null {
  if (!step.gradient) return null;
  const l2 = l2Decay(run);
  return [step.gradient[0] + l2 * step.point[0], step.gradient[1] + l2 * step.point[1]];
}

/** The index of the lowest value (the first of equals), −1 for none; NaN never wins. */
export function argMin(values: readonly number[]): number {
  let best = -1;
  for (let k = 0; k < values.length; k++) if (values[k] === values[k] && (best < 0 || values[k] < values[best])) best = k;
  return best;
}
