import { describe, expect, it } from 'vitest';
import { compileExpression, parseExpression } from '../../src/core/expression/index.ts';
import { createRandom } from '../../src/core/random.ts';

/** Expressions, each sampled over a box where it is smooth (away from kinks, poles and branch cuts). */
const EXPRESSIONS: readonly [text: string, lo: number, hi: number][] = [
  ['x^2 + 10*y^2', -3, 3],
  ['(1 - x)^2 + 100 (y - x^2)^2', -2, 2],
  ['sin(3x) * cos(y) + 0.1(x^2 + y^2)', -3, 3],
  ['(x^2 + y - 11)^2 + (x + y^2 - 7)^2', -5, 5],
  ['x^3 y - x y^4 + 2xy', -2, 2],
  ['x^-2 + y^-3', 0.5, 2],
  ['x^2.5 + y^0.5 + x^y', 0.3, 2],
  ['2^x + pi^(x y) + e^(-y)', -2, 2],
  ['exp(-(x^2 + y^2) / 2) * sin(x - y)', -2, 2],
  ['log(x) + ln(y^2) + log10(x y) + log2(x + y)', 0.2, 3],
  ['sqrt(x^2 + y^2 + 1) + cbrt(x + 4)', -2, 2],
  ['tan(x / 2) + atan(3y) + asin(x / 3) + acos(y / 3)', -1.4, 1.4],
  ['sinh(x) cosh(y) + tanh(x - 2y)', -2, 2],
  ['atan2(y, x + 3) + hypot(x, y, 1)', -2, 2],
  ['x / (1 + y^2) - y / (2 + sin(x))', -3, 3],
  ['min(x^2, y + 5) + max(x y, -10)', -2, 2],
  ['abs(x + 5) + abs(y - 5)', -2, 2],
  ['-x^2 y + --y', -2, 2],
  ['pow(x + 3, y) + pow(2, -x)', -2, 2],
  ['(x + 1)(y - 1) / (x^2 + 4)', -2, 2],
  ['0.5 (x - 1)^4 + (y + 0.5)^2 - x y', -2, 2],
  ['exp(sin(x y)) - cos(exp(y / 2))', -2, 2],
  ['x^4 - 2x^2 + y^2 + 0.3x', -2, 2],
  ['sqrt(1 + x^2) * log(2 + cos(y))', -3, 3],
];

describe('compiled gradients', () => {
  it(`agree with central finite differences for ${EXPRESSIONS.length} expressions at random points`, () => {
    const next = createRandom(7);
    const out = new Float64Array(2);
    for (const [text, lo, hi] of EXPRESSIONS) {
      const parsed = parseExpression(text);
      if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
      const f = compileExpression(parsed.tree);
      for (let trial = 0; trial < 20; trial++) {
        const x = lo + (hi - lo) * next(), y = lo + (hi - lo) * next();
        f.gradient(x, y, out);
        const h = 1e-6;
        const fdx = (f.value(x + h, y) - f.value(x - h, y)) / (2 * h);
        const fdy = (f.value(x, y + h) - f.value(x, y - h)) / (2 * h);
        const tolerance = 1e-5 * (1 + Math.abs(f.value(x, y)) + Math.abs(fdx) + Math.abs(fdy));
        expect(Math.abs(out[0] - fdx), `${text} ∂x at (${x}, ${y})`).toBeLessThan(tolerance);
        expect(Math.abs(out[1] - fdy), `${text} ∂y at (${x}, ${y})`).toBeLessThan(tolerance);
      }
    }
  });

  it('matches the hand-written Rosenbrock gradient exactly', () => {
    const parsed = parseExpression('(1 - x)^2 + 100 (y - x^2)^2');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const f = compileExpression(parsed.tree);
    const out = new Float64Array(2);
    // ∂/∂x = -2(1 - x) - 400x(y - x²), ∂/∂y = 200(y - x²); at (-1.5, 2): -2·2.5 - 400·(-1.5)·(-0.25) = -155, 200·(-0.25) = -50.
    f.gradient(-1.5, 2, out);
    expect(Array.from(out)).toEqual([-155, -50]);
  });

  it('gives 0, not NaN, at cusps where the inner derivative is 0', () => {
    const out = new Float64Array(2);
    for (const text of ['sqrt(x^2 + y^2)', 'abs(x) + abs(y)', 'hypot(x, y)', 'atan2(y, x)', 'sqrt(y) + x']) {
      const parsed = parseExpression(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      compileExpression(parsed.tree).gradient(0, 0, out);
      expect(Array.from(out).every(Number.isFinite) || text === 'sqrt(y) + x', text).toBe(true);
    }
    const parsed = parseExpression('sqrt(y) + x');
    if (!parsed.ok) throw new Error(parsed.error.message);
    compileExpression(parsed.tree).gradient(0, 0, out);
    // ∂/∂x = 1 exactly; ∂/∂y is genuinely infinite at y = 0.
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(Infinity);
  });

  it('treats floor, ceil and sign as flat (gradient 0 almost everywhere)', () => {
    const parsed = parseExpression('floor(x) + ceil(y) + sign(x y)');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const out = new Float64Array(2);
    compileExpression(parsed.tree).gradient(1.5, -0.5, out);
    expect(Array.from(out)).toEqual([0, 0]);
  });

  it('allocates nothing per evaluation: one output buffer serves a million calls', () => {
    const parsed = parseExpression('sin(3x) * cos(y) + 0.1(x^2 + y^2)');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const f = compileExpression(parsed.tree);
    const out = new Float64Array(2);
    let sum = 0;
    for (let i = 0; i < 1_000_000; i++) {
      f.gradient(i * 1e-6, 1 - i * 1e-6, out);
      sum += out[0] + out[1];
    }
    expect(Number.isFinite(sum)).toBe(true);
  });
});
