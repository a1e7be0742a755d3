import { describe, expect, it } from 'vitest';
import { formatForInput, formatInteger, formatNumber, formatPoint } from '../../src/view/format.ts';

describe('the number formatter', () => {
  it('shows three significant digits and drops trailing zeros', () => {
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(123.456)).toBe('123');
    expect(formatNumber(12_345)).toBe('12300');
  });

  it('uses exponent form for tiny and huge magnitudes, with a real minus sign', () => {
    expect(formatNumber(1e-8)).toBe('1e\u22128');
    expect(formatNumber(0.000123456)).toBe('1.23e\u22124');
    expect(formatNumber(2.5e12)).toBe('2.5e12');
    expect(formatNumber(-3.2e-5)).toBe('\u22123.2e\u22125');
  });

  it('writes negative numbers with U+2212 and zero as 0', () => {
    expect(formatNumber(-0.25)).toBe('\u22120.25');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('says what non-finite values are', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('\u2212∞');
  });

  it('honours the requested number of significant digits', () => {
    expect(formatNumber(0.999, 4)).toBe('0.999');
    expect(formatNumber(Math.PI, 5)).toBe('3.1416');
    expect(formatNumber(Math.PI, 1)).toBe('3');
  });

  it('groups integers with thin spaces', () => {
    expect(formatInteger(100000)).toBe('100\u2009000');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(-1234)).toBe('\u22121\u2009234');
  });

  it('formats points and editable values', () => {
    expect(formatPoint(1, -0.5)).toBe('(1, \u22120.5)');
    expect(formatForInput(0.1 + 0.2)).toBe('0.3');
    expect(formatForInput(-1e-7)).toBe('-1e-7');
    expect(Number(formatForInput(0.0123456789))).toBeCloseTo(0.0123457, 9);
    expect(formatForInput(Number.NaN)).toBe('');
  });
});
