import { describe, expect, it } from 'vitest';
import { createRandom, makeBowl, surfaceList, surfaces, type Surface } from '../../src/core/index.ts';
import { REGRESSION_ROWS } from '../../src/core/data/regression.ts';
import { compileExpression, FUNCTION_NAMES, parseExpression, surfaceFromExpression, type CompiledExpression } from '../../src/core/expression/index.ts';

type Derivative = (x: number, y: number, out: Float64Array) => void;

const hessianAt = (hessian: Derivative, x: number, y: number): [number, number, number] => {
  const out = new Float64Array(3);
  hessian(x, y, out);
  return [out[0], out[1], out[2]];
};

/** The built-in Hessian, which every built-in surface must have (checked below, by name). */
const hessianOf = (surface: Surface): Derivative => {
  if (!surface.hessian) throw new Error(`${surface.id} has no hessian`);
  return surface.hessian;
};

function compiled(text: string): CompiledExpression {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
  return compileExpression(parsed.tree);
}

/**
 * Checks the exact Hessian against central differences of the exact gradient at (x, y).
 * Both mixed partials, ∂(∂L/∂x)/∂y and ∂(∂L/∂y)/∂x, are compared with the one stored
 * entry out[1]: a Hessian symmetric by construction must match each of them.
 *
 * The step h = 1e-5·max(1, |x|, |y|) keeps the differences' error (h²·|∇³L|/6 from
 * truncation, ε·|∇L|/h from rounding) near 1e-9 of the scale. The scale is the Hessian's
 * largest entry plus |∇L|/max(1, |x|, |y|): that floor is the curvature that would move
 * the gradient by its own size over the point's length scale, so entries that are 0
 * (or nearly) beside a steep gradient are judged against something that is not 0.
 */
function expectHessianMatchesDifferences(gradient: Derivative, hessian: Derivative, x: number, y: number, where: string): void {
  const length = Math.max(1, Math.abs(x), Math.abs(y));
  const h = 1e-5 * length;
  const plus = new Float64Array(2);
  const minus = new Float64Array(2);
  gradient(x + h, y, plus);
  gradient(x - h, y, minus);
  const dxx = (plus[0] - minus[0]) / (2 * h);
  const dyx = (plus[1] - minus[1]) / (2 * h);
  gradient(x, y + h, plus);
  gradient(x, y - h, minus);
  const dxy = (plus[0] - minus[0]) / (2 * h);
  const dyy = (plus[1] - minus[1]) / (2 * h);
  const g = new Float64Array(2);
  gradient(x, y, g);
  const [hxx, hxy, hyy] = hessianAt(hessian, x, y);
  for (const value of [hxx, hxy, hyy]) expect(Number.isFinite(value), `${where}: finite`).toBe(true);
  const scale = Math.max(Math.abs(hxx), Math.abs(hxy), Math.abs(hyy)) + Math.hypot(g[0], g[1]) / length;
  const tolerance = 1e-6 * scale;
  expect(Math.abs(hxx - dxx), `${where}: ∂²/∂x² ${hxx} vs ${dxx}`).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(hxy - dxy), `${where}: ∂²/∂x∂y ${hxy} vs ∂(∂x)/∂y ${dxy}`).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(hxy - dyx), `${where}: ∂²/∂x∂y ${hxy} vs ∂(∂y)/∂x ${dyx}`).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(hyy - dyy), `${where}: ∂²/∂y² ${hyy} vs ${dyy}`).toBeLessThanOrEqual(tolerance);
}

/** Every built-in surface, plus bowls of other condition numbers (makeBowl builds any). */
/**
 * Surfaces whose Hessian is left to Newton's fallback (central differences of the exact
 * gradient), each for a stated reason. The neural-net slice's Hessian in (α, β) is dᵀ H d of a
 * network with hundreds of weights: exact second-order backpropagation would cost more code than
 * the one optimizer that needs it is worth, and its exact gradient makes the differences accurate.
 */
const NUMERICAL_HESSIAN = new Set(['neural-net']);
const analytic = surfaceList.filter((surface) => !NUMERICAL_HESSIAN.has(surface.id));
const checked: readonly Surface[] = [...analytic, makeBowl(1), makeBowl(3.5), makeBowl(1000)];

describe('built-in surfaces', () => {
  it('every surface in surfaceList has an exact Hessian (a new surface cannot forget it)', () => {
    const missing = analytic.filter((surface) => typeof surface.hessian !== 'function').map((surface) => surface.id);
    expect(missing).toEqual([]);
  });

  it.each(checked.map((surface) => [surface.label, surface] as const))('%s: Hessian matches differences of the gradient at 60 random points', (_, surface) => {
    const random = createRandom(11);
    const { x: [x0, x1], y: [y0, y1] } = surface.domain;
    for (let k = 0; k < 60; k++) {
      const x = x0 + (x1 - x0) * random();
      const y = y0 + (y1 - y0) * random();
      expectHessianMatchesDifferences(surface.gradient, hessianOf(surface), x, y, `${surface.id} at (${x}, ${y})`);
    }
  });

  it('writes exactly three entries, out[0..2]', () => {
    for (const surface of analytic) {
      const out = new Float64Array(4).fill(7.5);
      hessianOf(surface)(0.3, -0.2, out);
      expect(out[3], surface.id).toBe(7.5);
    }
  });

  it('Rosenbrock: [[802, −400], [−400, 200]] at the minimum (1, 1), and 2 − 400y + 1200x² = 1902 at (−1.5, 2)', () => {
    const hessian = hessianOf(surfaces.rosenbrock);
    expect(hessianAt(hessian, 1, 1)).toEqual([802, -400, 200]);
    // 2 − 800 + 2700 = 1902; −400·(−1.5) = 600; 200.
    expect(hessianAt(hessian, -1.5, 2)).toEqual([1902, 600, 200]);
  });

  it.each([1, 20, 1000])('the bowl of condition %d has eigenvalues 2/κ and 2 everywhere', (condition) => {
    const hessian = hessianOf(makeBowl(condition));
    for (const [x, y] of [[0, 0], [-2.5, 2], [1, -3]] as const) {
      const [hxx, hxy, hyy] = hessianAt(hessian, x, y);
      // trace = 2/κ + 2, determinant = (2/κ)·2.
      expect(hxx + hyy).toBeCloseTo(2 / condition + 2, 14);
      expect(hxx * hyy - hxy * hxy).toBeCloseTo(4 / condition, 14);
    }
  });

  it('linear regression: the mean over the 64 rows of each row\'s Hessian 2·(uᵢ, 1)(uᵢ, 1)ᵀ', () => {
    let uu = 0;
    let u = 0;
    for (const [input] of REGRESSION_ROWS) {
      uu += 2 * input * input;
      u += 2 * input;
    }
    const rows = REGRESSION_ROWS.length;
    const [hxx, hxy, hyy] = hessianAt(hessianOf(surfaces['linear-regression']), 0.7, -1.3);
    expect(hxx).toBeCloseTo(uu / rows, 12);
    expect(hxy).toBeCloseTo(u / rows, 12);
    expect(hyy).toBe(2);
  });

  it('the saddle curves up along x and down along y at the origin: diag(2, −1)', () => {
    expect(hessianAt(hessianOf(surfaces.saddle), 0, 0)).toEqual([2, 0, -1]);
  });

  it('Ackley at its cone tip keeps only the ripple: 2π²e·I', () => {
    // The cone's curvature is infinite at the origin; like the gradient, the Hessian drops it there.
    // The ripple π·exp((cos 2πx + cos 2πy)/2) contributes π·e·(2π cos 0 − π sin² 0) = 2π²e on the diagonal.
    const [hxx, hxy, hyy] = hessianAt(hessianOf(surfaces.ackley), 0, 0);
    expect(hxx).toBeCloseTo(2 * Math.PI * Math.PI * Math.E, 12);
    expect(hxy).toBeCloseTo(0, 15);
    expect(hyy).toBe(hxx);
    // Just off the tip the cone dominates, positive-definite and huge (≈ 2/r across, ≈ 0.4 along the radius).
    const [nearXX, , nearYY] = hessianAt(hessianOf(surfaces.ackley), 1e-9, 0);
    expect(nearYY).toBeGreaterThan(1e9);
    expect(nearXX).toBeLessThan(nearYY);
  });
});

/**
 * Typed-in functions, each sampled over a box where it is smooth (away from poles and
 * branch cuts; kinks of abs, min, max, floor, ceil and sign are crossed, but a random
 * point lands within a step of one with negligible probability). Together they use
 * every allowlisted function (checked below) and every compiled form of a power:
 * x², x³, x⁴ (squared twice), x^0.5 (sqrt), other constant exponents, a variable
 * exponent, a constant base and e^….
 */
const EXPRESSIONS: readonly [text: string, lo: number, hi: number][] = [
  ['(1 - x)^2 + 100 (y - x^2)^2', -2, 2],
  ['sin(3x) * cos(y) + 0.1(x^2 + y^2)', -3, 3],
  ['tan(x / 2) + atan(3y) + asin(x / 3) + acos(y / 3)', -1.4, 1.4],
  ['sinh(x) cosh(y) + tanh(x - 2y)', -2, 2],
  ['exp(-(x^2 + y^2) / 2) * sin(x - y) - -x^3 y', -2, 2],
  ['log(x) + ln(y^2) + log10(x y) + log2(x + y)', 0.2, 3],
  ['sqrt(x^2 + y^2 + 1) + cbrt(x + 4) * cbrt(y - 4)', -2, 2],
  ['x^2.5 + y^0.5 + x^-2 + y^-3 + x^4 y + (x y)^1.7', 0.3, 2],
  ['x^y + pow(x + y, x - y) + pow(y, 3)', 0.3, 2],
  ['2^x + pi^(x y) + e^(-y) + pow(3, y^2)', -2, 2],
  ['atan2(y, x + 3) + atan2(x y, 2) + hypot(x, y, 1) + hypot(x - y)', -2, 2],
  ['min(x^2, y + 1, 3) + max(x y, sin(y), -1) * x', -2, 2],
  ['abs(x - y) * x + abs(sin(x y)) y', -2, 2],
  ['floor(x) + ceil(y) x + sign(x y) x^2 + floor(2 y) x y', -2, 2],
  ['(x + 1)(y - 1) / (x^2 + 4) - y / (2 + sin(x))', -3, 3],
  ['exp(sin(x y)) - cos(exp(y / 2)) + x / y^2', 0.5, 2],
];

describe('typed-in functions', () => {
  it('the expressions below use every function the language allows, pow included', () => {
    const unused = FUNCTION_NAMES.filter((name) => !EXPRESSIONS.some(([text]) => new RegExp(`\\b${name}\\(`).test(text)));
    expect(unused).toEqual([]);
  });

  it.each(EXPRESSIONS)('%s: Hessian matches differences of the gradient at 40 random points', (text, lo, hi) => {
    const f = compiled(text);
    const random = createRandom(13);
    for (let k = 0; k < 40; k++) {
      const x = lo + (hi - lo) * random();
      const y = lo + (hi - lo) * random();
      expectHessianMatchesDifferences(f.gradient, f.hessian, x, y, `${text} at (${x}, ${y})`);
    }
  });

  it('typed-in Rosenbrock gives the hand-written Hessian exactly', () => {
    const f = compiled('(1 - x)^2 + 100 (y - x^2)^2');
    // (1 − x)² adds 2 to ∂²/∂x². With b = y − x², ∇b = (−2x, 1) = (3, 1), ∇²b = diag(−2, 0) and
    // b = −0.25 at (−1.5, 2): ∇²(b²) = 2b∇²b + 2∇b∇bᵀ = [[1 + 18, 6], [6, 2]], times 100.
    expect(hessianAt(f.hessian, -1.5, 2)).toEqual([1902, 600, 200]);
    expect(hessianAt(f.hessian, -1.5, 2)).toEqual(hessianAt(hessianOf(surfaces.rosenbrock), -1.5, 2));
  });

  it('is attached to the Surface that surfaceFromExpression returns', () => {
    const result = surfaceFromExpression('x^4 - 2x^2 + x y + y^2', { x: [-2, 2], y: [-2, 2] });
    if (!result.ok) throw new Error(result.error.message);
    // [[12x² − 4, 1], [1, 2]]: at (1, 0.5), [[8, 1], [1, 2]].
    expect(hessianAt(hessianOf(result.surface), 1, 0.5)).toEqual([8, 1, 2]);
  });

  it('is exact for constants, x and y alone (no instructions): all zero', () => {
    for (const text of ['3', 'x', 'y', 'pi e']) expect(hessianAt(compiled(text).hessian, 0.4, -0.9), text).toEqual([0, 0, 0]);
  });

  it('follows the gradient\'s conventions at kinks and cusps', () => {
    // |x| + |y| and min/max take one side: the flat pieces have no curvature.
    expect(hessianAt(compiled('abs(x) + abs(y)').hessian, 0, 0)).toEqual([0, 0, 0]);
    // hypot and atan2 are given gradient 0 at the origin, and Hessian 0 with it.
    expect(hessianAt(compiled('hypot(x, y) + atan2(y, x)').hessian, 0, 0)).toEqual([0, 0, 0]);
    // sqrt(y) + x at y = 0: the x-direction is untouched (0, not NaN); ∂²/∂y² is genuinely −∞.
    expect(hessianAt(compiled('sqrt(y) + x').hessian, 0, 0)).toEqual([0, 0, -Infinity]);
  });
});
