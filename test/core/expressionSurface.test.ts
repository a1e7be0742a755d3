import { describe, expect, it } from 'vitest';
import { surfaceFromExpression, type CustomSurface } from '../../src/core/expression/index.ts';
import type { Domain } from '../../src/core/types.ts';

function surface(text: string, domain: Domain): CustomSurface {
  const result = surfaceFromExpression(text, domain);
  if (!result.ok) throw new Error(result.error.message);
  return result.surface;
}

describe('surfaceFromExpression', () => {
  it('finds the bowl minimum at the origin and a curvature-based learning rate', () => {
    const bowl = surface('x^2 + 10*y^2', { x: [-2, 2], y: [-2, 2] });
    expect(bowl.id).toBe('custom');
    expect(bowl.label).toBe('Your function');
    expect(bowl.minima).toEqual([[0, 0]]);
    // Largest curvature 20 → SGD is stable below 2/20; the default is 1/20.
    expect(bowl.suggestedLr).toBe(0.05);
    expect(bowl.lrRange[0]).toBeLessThan(0.05);
    expect(bowl.lrRange[1]).toBeGreaterThan(0.1);
    expect(bowl.logHeight).toBe(false);
    expect(bowl.nonFiniteFraction).toBe(0);
    expect(bowl.warning).toBeNull();
    expect(bowl.loss(1, 1)).toBe(11);
    const out = new Float64Array(2);
    bowl.gradient(1, 1, out);
    expect(Array.from(out)).toEqual([2, 20]);
  });

  it("finds Himmelblau's four minima, all at loss 0", () => {
    const himmelblau = surface('(x^2 + y - 11)^2 + (x + y^2 - 7)^2', { x: [-5, 5], y: [-5, 5] });
    const known = [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]];
    expect(himmelblau.minima).toHaveLength(4);
    for (const [x, y] of known) {
      expect(himmelblau.minima.some((m) => Math.hypot(m[0] - x, m[1] - y) < 1e-5), `(${x}, ${y})`).toBe(true);
    }
    for (const [x, y] of himmelblau.minima) expect(himmelblau.loss(x, y)).toBeLessThan(1e-12);
  });

  it('lists the global minimum first, and starts away from it', () => {
    const wavy = surface('sin(3x) * cos(y) + 0.1(x^2 + y^2)', { x: [-3, 3], y: [-3, 3] });
    const values = wavy.minima.map(([x, y]) => wavy.loss(x, y));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(wavy.minima.length).toBeGreaterThan(1);
    const [gx, gy] = wavy.minima[0];
    expect(Math.hypot(wavy.suggestedStart[0] - gx, wavy.suggestedStart[1] - gy)).toBeGreaterThan(2);
  });

  it('finds the Rosenbrock minimum at (1, 1) and asks for log height', () => {
    const rosenbrock = surface('(1 - x)^2 + 100 (y - x^2)^2', { x: [-2, 2], y: [-1, 3] });
    expect(rosenbrock.minima).toEqual([[1, 1]]);
    expect(rosenbrock.logHeight).toBe(true);
    expect(rosenbrock.tex).toBe('{\\left(1 - x\\right)}^{2} + 100{\\left(y - {x}^{2}\\right)}^{2}');
    expect(rosenbrock.source).toBe('(1 - x)^2 + 100 (y - x^2)^2');
  });

  it('reports no minimum for a plane, whose descent ends at the edge', () => {
    const plane = surface('x + 2y', { x: [-1, 1], y: [-1, 1] });
    expect(plane.minima).toEqual([]);
    expect(plane.suggestedLr).toBeGreaterThan(0);
  });

  it('warns when the function is non-finite over much of the domain', () => {
    const log = surface('log(x) + y', { x: [-1, 1], y: [-1, 1] });
    expect(log.nonFiniteFraction).toBe(0.5);
    expect(log.warning).toBe('f is undefined or infinite over 50% of this domain');
    expect(Number.isFinite(log.loss(...log.suggestedStart))).toBe(true);
    const nowhere = surface('sqrt(-1 - x^2)', { x: [-1, 1], y: [-1, 1] });
    expect(nowhere.nonFiniteFraction).toBe(1);
    expect(nowhere.minima).toEqual([]);
  });

  it('returns parse errors with their position', () => {
    const result = surfaceFromExpression('x + (y', { x: [-1, 1], y: [-1, 1] });
    expect(result).toEqual({ ok: false, error: { message: "expected ')' at 6 to close '(' at 4, found end of input", position: 6, length: 0, expected: ["')'"] } });
  });

  it.each([
    [{ x: [1, 1], y: [-1, 1] }, 'the x range needs min < max (got 1 … 1)'],
    [{ x: [-1, 1], y: [2, -2] }, 'the y range needs min < max (got 2 … -2)'],
    [{ x: [-1, NaN], y: [-1, 1] }, 'the x range needs two finite numbers'],
    [{ x: [-1, 1], y: [-Infinity, 1] }, 'the y range needs two finite numbers'],
    [{ x: [-1e10, 1], y: [-1, 1] }, 'the x range must lie within ±1e9'],
  ] as const)('rejects the domain %j', (domain, message) => {
    expect(surfaceFromExpression('x', domain)).toEqual({ ok: false, error: { message, position: -1, length: -1, expected: [] } });
  });
});
