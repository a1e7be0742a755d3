import { describe, expect, test } from 'vitest';
import { vectorLength } from '../../src/core/field.ts';
import { createRandom } from '../../src/core/random.ts';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

describe('vectorLength', () => {
  test('is within two ulps of Math.hypot (each is within about one of the exact length) from tiny to huge components, signs and zeros included', () => {
    const random = createRandom(7);
    let worst = 0;
    for (let k = 0; k < 200_000; k++) {
      // Magnitudes from 1e-320 to 1e308, either sign, sometimes exactly zero.
      const draw = () => (random() < 0.05 ? 0 : (random() < 0.5 ? -1 : 1) * 10 ** (-320 + 628 * random()));
      const a = draw();
      const b = draw();
      const expected = Math.hypot(a, b);
      const got = vectorLength(a, b);
      expect(Number.isFinite(got)).toBe(Number.isFinite(expected));
      worst = Math.max(worst, Math.abs(ulps(got, expected)));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  test('takes Math.hypot where the squares would overflow or underflow', () => {
    expect(vectorLength(3e200, 4e200)).toBe(Math.hypot(3e200, 4e200));
    expect(vectorLength(3e-200, 4e-200)).toBe(Math.hypot(3e-200, 4e-200));
    expect(vectorLength(1e308, 1e308)).toBe(Math.hypot(1e308, 1e308));
    expect(vectorLength(0, 0)).toBe(0);
    expect(vectorLength(Number.POSITIVE_INFINITY, Number.NaN)).toBe(Number.POSITIVE_INFINITY);
    expect(vectorLength(Number.NaN, 1)).toBeNaN();
    expect(vectorLength(-3, 4)).toBe(5);
  });
});
