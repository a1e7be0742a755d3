/**
 * The one number formatter of the views. Every number a person reads (legends,
 * axis ticks, chart read-out, slider value text, notices) goes through here so that the
 * same value always looks the same. Numeric *inputs* keep plain JS syntax
 * (see `formatForInput`) so that what a person edits parses back exactly.
 */

const MINUS = '\u2212';

/** True for values shown in exponent form: very small or very large magnitudes. */
function wantsExponent(magnitude: number): boolean {
  return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5);
}

function withMinus(text: string): string {
  return text.replace(/-/g, MINUS);
}

/**
 * A number for reading: `significant` significant digits, trailing zeros
 * dropped, exponent form ("1.5e−7") for tiny or huge magnitudes, a real minus
 * sign, "—" for NaN and "∞" for infinities.
 */
export function formatNumber(value: number, significant = 3): string {
  if (Number.isNaN(value)) return '—';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return `${MINUS}∞`;
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (wantsExponent(magnitude)) {
    const [mantissa, exponent] = value.toExponential(Math.max(0, significant - 1)).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    return withMinus(`${trimmed}e${Number(exponent)}`);
  }
  const rounded = Number(value.toPrecision(significant));
  // toPrecision can itself switch to exponent form for integers with more digits than `significant`.
  const text = Math.abs(rounded) >= 10 ** significant ? Math.round(rounded).toString() : rounded.toString();
  return withMinus(text);
}

/** A whole number with thin-space thousands grouping: 12 345. */
export function formatInteger(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const text = Math.round(Math.abs(value)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
  return value < 0 ? `${MINUS}${text}` : text;
}

/** A point of the parameter plane: "(1.2, −0.5)". */
export function formatPoint(x: number, y: number, significant = 3): string {
  return `(${formatNumber(x, significant)}, ${formatNumber(y, significant)})`;
}

/**
 * A value placed into an editable numeric field: plain JS syntax that parses
 * back to the same number (no grouping, ASCII minus), at most 6 significant digits.
 */
export function formatForInput(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toPrecision(6)));
}
