import { describe, expect, it } from 'vitest';
import { makeBowl, simulate, surfaces, type Surface } from '../../src/core/index.ts';

/** The bowl with its exact Hessian (constant: R diag(2/κ, 2) Rᵀ), as surfaces gain `hessian`. */
function bowlWithHessian(condition: number): Surface {
  const bowl = makeBowl(condition);
  const g = new Float64Array(2);
  // A quadratic's Hessian is its gradient's Jacobian: columns ∇L(e₁) − ∇L(0) and ∇L(e₂) − ∇L(0), and ∇L(0) = 0.
  bowl.gradient(1, 0, g);
  const [hxx, hxy] = g;
  bowl.gradient(0, 1, g);
  const hyy = g[1];
  return { ...bowl, hessian: (_x, _y, out) => { out[0] = hxx; out[1] = hxy; out[2] = hyy; } };
}

describe("Newton's method, pure and undamped", () => {
  it('reaches the bowl minimum in one step with η = 1 (exactly with an exact Hessian)', () => {
    // θ₁ = θ₀ − H⁻¹∇L(θ₀) = θ₀ − H⁻¹Hθ₀ = 0 on L = θᵀHθ/2.
    const exact = simulate({ surface: bowlWithHessian(20), optimizer: 'newton', lr: 1, start: [-2.5, 2], steps: 1 });
    expect(Math.hypot(exact.x[1], exact.y[1])).toBeLessThan(1e-14);
    expect(exact.gradientEvaluations[1]).toBe(3);
    // Central differences of the gradient are exact on a quadratic up to rounding (~1e-10 here).
    const differences = simulate({ surface: 'bowl', optimizer: 'newton', lr: 1, start: [-2.5, 2], steps: 1 });
    expect(Math.hypot(differences.x[1], differences.y[1])).toBeLessThan(1e-8);
    expect(differences.loss[1]).toBeLessThan(1e-16);
  });

  it('goes to the saddle point from (−1.5, 0.001): H = diag(2, 3y² − 1) is not positive definite there', () => {
    // Step 1: x ← x − 2x/2 = 0 exactly (up to difference rounding); y ← y − (y³ − y)/(3y² − 1) ≈ −2e-9: Newton's
    // iteration for the root y = 0 of y³ − y converges cubically, toward the saddle, not the minima at y = ±1.
    const path = simulate({ surface: 'saddle', optimizer: 'newton', lr: 1, start: [-1.5, 0.001], steps: 6 });
    expect(Math.abs(path.x[6])).toBeLessThan(1e-9);
    expect(Math.abs(path.y[6])).toBeLessThan(1e-30);
    expect(path.loss[6]).toBeCloseTo(0, 15);
    expect(path.diverged).toBe(false);
  });

  it('climbs to a maximum: on −(x² + y²) one step lands on the top', () => {
    const dome: Surface = { ...surfaces.booth, hessian: undefined, id: 'dome', loss: (x, y) => -(x * x + y * y), gradient: (x, y, out) => { out[0] = -2 * x; out[1] = -2 * y; }, minima: [] };
    const path = simulate({ surface: dome, optimizer: 'newton', lr: 1, start: [3, -4], steps: 1 });
    expect(Math.hypot(path.x[1], path.y[1])).toBeLessThan(1e-8);
    expect(path.loss[1]).toBeGreaterThan(path.loss[0]);
  });

  it('stops as diverged, without NaN, where the Hessian is singular', () => {
    // L = x² + y has H = diag(2, 0), L = x + y has H = 0: neither can be inverted.
    const cases: [loss: Surface['loss'], gradient: Surface['gradient'], hessian: readonly number[]][] = [
      [(x, y) => x * x + y, (x, _y, out) => { out[0] = 2 * x; out[1] = 1; }, [2, 0, 0]],
      [(x, y) => x + y, (_x, _y, out) => { out[0] = 1; out[1] = 1; }, [0, 0, 0]],
    ];
    for (const [loss, gradient, hessian] of cases) {
      const flat: Surface = { ...surfaces.booth, id: 'flat', loss, gradient, hessian: (_x, _y, out) => out.set(hessian), minima: [] };
      const path = simulate({ surface: flat, optimizer: 'newton', lr: 1, start: [1, 1], steps: 5 });
      expect(path).toMatchObject({ length: 1, diverged: true, divergedAt: 1, stopReason: 'singular-hessian' });
      expect(Number.isFinite(path.x[0]) && Number.isFinite(path.loss[0])).toBe(true);
    }
  });
});
