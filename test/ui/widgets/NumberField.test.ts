import { describe, expect, it } from 'vitest';
import { parseNumberInput } from '../../../src/ui/widgets/NumberField.tsx';

describe('numeric fields', () => {
  it('accept finite numbers in range, including a typographic minus', () => {
    expect(parseNumberInput(' 0.05 ', 0, 1)).toEqual({ ok: true, value: 0.05 });
    expect(parseNumberInput('\u22121.5', -2, 2)).toEqual({ ok: true, value: -1.5 });
    expect(parseNumberInput('1e-3', 0, 1)).toEqual({ ok: true, value: 0.001 });
  });

  it('reject empty, non-numeric, non-finite, out-of-range and fractional-when-whole input with a reason', () => {
    for (const [text, integer] of [['', false], ['abc', false], ['NaN', false], ['Infinity', false], ['2', false], ['-0.1', false], ['1.5', true]] as const) {
      const result = parseNumberInput(text, 0, 1.9, integer);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/between 0 and 1\.9/);
    }
  });
});
