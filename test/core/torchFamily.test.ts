import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, OPTIMIZER_IDS, optimizerDefaults, simulate, surfaces, type RunSpec, type Trajectory } from '../../src/core/index.ts';

/**
 * The rest of torch.optim's family, worked by hand on the saddle L = x² + y⁴/4 − y²/2
 * (g = (2x, y³ − y)) from θ₀ = (1, 2), where g₁ = (2, 6), with torch 1.13's rules and
 * defaults unless stated. test/core/torchReference.test.ts compares longer paths with real torch.
 */
const path = (spec: Omit<RunSpec, 'surface' | 'start' | 'steps'>, steps = 2) => simulate({ surface: 'saddle', start: [1, 2], steps, ...spec });

function expectPoint(trajectory: Trajectory, k: number, [x, y]: readonly [number, number], digits = 9): void {
  expect(trajectory.x[k]).toBeCloseTo(x, digits);
  expect(trajectory.y[k]).toBeCloseTo(y, digits);
}

describe('torch.optim rules, first steps by hand', () => {
  it('adamw: decoupled weight decay shrinks θ by ηλ before the Adam step', () => {
    // η = 0.1, λ = 0.01: θ ← (1, 2)(1 − 0.001) = (0.999, 1.998). m₁ = 0.1·g₁ = (0.2, 0.6), v₁ = 0.001·g₁² = (0.004, 0.036);
    // step size 0.1/(1 − 0.9) = 1, denominator √v₁/√0.001 + ε = (2, 6): θ₁ = (0.999 − 0.1, 1.998 − 0.1) = (0.899, 1.898).
    expectPoint(path({ optimizer: 'adamw', lr: 0.1 }), 1, [0.899, 1.898]);
    expect(optimizerDefaults('adamw').weightDecay).toBe(1e-2);
  });

  it('adam with L2 weight decay adds λθ to the gradient; AMSGrad matches Adam while v only grows', () => {
    // λ = 0.5: g₁ + λθ₀ = (2.5, 7); Adam's first step is still η·sign = 0.1 per coordinate: θ₁ = (0.9, 1.9).
    // Later the decay pulls toward 0 where the saddle's minima are at y = ±1: after 50 steps it is closer to the origin.
    const decayed = path({ optimizer: 'adam', lr: 0.1, weightDecay: 0.5 }, 50);
    const plain = path({ optimizer: 'adam', lr: 0.1 }, 50);
    expectPoint(decayed, 1, [0.9, 1.9]);
    expect(Math.hypot(decayed.x[50], decayed.y[50])).toBeLessThan(Math.hypot(plain.x[50], plain.y[50]) - 0.05);
    // v₂ = 0.999·v₁ + 0.001·g₂² > v₁ in both coordinates here, so max(v₁, v₂) = v₂ and AMSGrad takes Adam's steps.
    expect(path({ optimizer: 'adam', lr: 0.1, amsgrad: true }).x).toEqual(path({ optimizer: 'adam', lr: 0.1 }).x);
  });

  it('nadam: momentum warmed up by μₜ = β₁(1 − ½·0.96^(tψ)), a Nesterov look-ahead on m', () => {
    // ψ = 0.004: μ₁ = 0.9(1 − ½·0.96^0.004) = 0.45007347, μ₂ = 0.9(1 − ½·0.96^0.008) = 0.45014694.
    // Π₁ = μ₁; torch 1.13's Π' = Π₁·μ₁·μ₂ = 0.09118450. m₁ = (0.2, 0.6), v₁ = (0.004, 0.036), d = √(v₁/0.001) + ε = (2, 6).
    // θ −= 0.1·(1 − μ₁)/(1 − Π₁)·g₁/d = 0.1·(1, 1); θ −= 0.1·μ₂/(1 − Π')·m₁/d = 0.1·0.49531239·(0.1, 0.1) = 0.00495312.
    // θ₁ = (1 − 0.1 − 0.00495312, 2 − 0.1 − 0.00495312) = (0.89504688, 1.89504688).
    expectPoint(path({ optimizer: 'nadam', lr: 0.1 }), 1, [0.89504688, 1.89504688], 7);
  });

  it('radam: plain momentum steps while ρₜ ≤ 5', () => {
    // ρ∞ = 2/0.001 − 1 = 1999. t = 1: ρ₁ = 1999 − 2·0.999/0.001 = 1 ≤ 5, so θ₁ = θ₀ − η m̂₁ = θ₀ − η g₁ = (0.8, 1.4).
    // t = 2: ρ₂ = 1999 − 4·0.998001/0.001999 = 1.9995 ≤ 5. g₂ = (1.6, 1.344); m₂ = 0.9·(0.2, 0.6) + 0.1·g₂ = (0.34, 0.6744);
    // m̂₂ = m₂/0.19 = (1.78947368, 3.54947368); θ₂ = (0.8 − 0.17894737, 1.4 − 0.35494737) = (0.62105263, 1.04505263).
    const radam = path({ optimizer: 'radam', lr: 0.1 });
    expectPoint(radam, 1, [0.8, 1.4]);
    expectPoint(radam, 2, [0.62105263, 1.04505263], 8);
  });

  it('adamax: scales by a decaying max of |g| instead of a root mean square', () => {
    // m₁ = (0.2, 0.6); u₁ = max(0, |g₁| + ε) = (2, 6); step 0.1/(1 − 0.9) = 1: θ₁ = (1 − 0.2/2, 2 − 0.6/6) = (0.9, 1.9).
    expectPoint(path({ optimizer: 'adamax', lr: 0.1 }), 1, [0.9, 1.9]);
  });

  it('adadelta: the first step is √ε/√(v₁ + ε)·g (torch lr 1, ρ 0.9, ε 1e-6)', () => {
    // v₁ = 0.1·g₁² = (0.4, 3.6); Δ₁ = √1e-6/√(v₁ + 1e-6)·g₁ = (1e-3·2/0.63245632, 1e-3·6/1.89736686) = (0.00316227, 0.00316228).
    expectPoint(path({ optimizer: 'adadelta', lr: 1 }), 1, [0.99683773, 1.99683772], 8);
    expect(OPTIMIZERS.adadelta.defaultLr).toBe(1);
  });

  it('rprop: steps by the sign, growing the step size by 1.2 while the sign holds', () => {
    // Δ₀ = η = 0.1, no previous gradient (factor 1): θ₁ = (1, 2) − 0.1·sign(2, 6) = (0.9, 1.9).
    // g₂ = (1.8, 4.959) has the same signs: Δ = 0.12, θ₂ = (0.78, 1.78).
    const rprop = path({ optimizer: 'rprop', lr: 0.1 });
    expectPoint(rprop, 1, [0.9, 1.9]);
    expectPoint(rprop, 2, [0.78, 1.78]);
  });

  it('rprop halves the step and skips a coordinate whose gradient changes sign', () => {
    // On the bowl-like x-direction of the saddle from x = 0.05 with Δ = 0.1: x₁ = −0.05 (g changes sign), so at step 2
    // the x step size halves to 0.05 and x stays; at step 3 the factor is 1 (the remembered gradient is 0): x moves by 0.05.
    const rprop = simulate({ surface: 'saddle', optimizer: 'rprop', lr: 0.1, start: [0.05, 1], steps: 3 });
    expect(rprop.x[1]).toBeCloseTo(-0.05, 12);
    expect(rprop.x[2]).toBeCloseTo(-0.05, 12);
    expect(rprop.x[3]).toBeCloseTo(0, 12);
  });

  it('lbfgs without line search: first step min(1, 1/‖g‖₁)·η along −g, then the two-loop direction', () => {
    // η = 1. t₁ = min(1, 1/8) = 0.125, d₁ = −g₁: θ₁ = (1 − 0.25, 2 − 0.75) = (0.75, 1.25).
    // g₂ = (1.5, 0.703125); y = g₂ − g₁ = (−0.5, −5.296875), s = t₁d₁ = (−0.25, −0.75), yᵀs = 4.09765625, γ = yᵀs/yᵀy = 0.14475829.
    // q = −g₂; α = ρ sᵀq = 0.22020972; q −= αy → (−1.38989514, 0.46329953); r = γq; β = ρ yᵀr = −0.06214340;
    // r += (α − β)s → d₂ = (−0.27178712, −0.14469856); t = η = 1: θ₂ = (0.47821288, 1.10530144).
    const lbfgs = path({ optimizer: 'lbfgs', lr: 1 });
    expectPoint(lbfgs, 1, [0.75, 1.25]);
    expectPoint(lbfgs, 2, [0.47821288, 1.10530144], 8);
    expect(Array.from(lbfgs.gradientEvaluations)).toEqual([0, 1, 2]);
  });

  it('lbfgs with a strong-Wolfe line search reaches the bowl minimum in a few steps and counts every evaluation', () => {
    const wolfe = simulate({ surface: 'bowl', optimizer: 'lbfgs', lr: 1, lineSearch: 'strong-wolfe', start: [-2.5, 2], steps: 10 });
    expect(Math.hypot(wolfe.x[10], wolfe.y[10])).toBeLessThan(1e-6);
    const perStep = Array.from(wolfe.gradientEvaluations).map((count, k) => (k === 0 ? 0 : count - wolfe.gradientEvaluations[k - 1]));
    expect(perStep.slice(1).every((count) => count >= 1)).toBe(true);
    expect(perStep.some((count) => count >= 2)).toBe(true);
  });

  it('lbfgs stays put once every gradient component is within tolerance_grad', () => {
    const settled = simulate({ surface: 'bowl', optimizer: 'lbfgs', lr: 1, start: [-2.5, 2], steps: 40, lineSearch: 'strong-wolfe', toleranceGrad: 1e-3 });
    expect(settled.x[40]).toBe(settled.x[30]);
    expect(settled.y[40]).toBe(settled.y[30]);
  });
});

describe('evaluation counts', () => {
  it('count B/N gradients per step for first-order methods and no loss evaluations', () => {
    for (const optimizer of OPTIMIZER_IDS.filter((id) => OPTIMIZERS[id].usesGradient && id !== 'newton' && id !== 'lbfgs')) {
      const full = simulate({ surface: 'bowl', optimizer, lr: 0.01, start: [-2.5, 2], steps: 5 });
      expect(Array.from(full.gradientEvaluations)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(Array.from(full.lossEvaluations)).toEqual([0, 0, 0, 0, 0, 0]);
      const batched = simulate({ surface: 'bowl', optimizer, lr: 0.01, start: [-2.5, 2], steps: 5, batchSize: 64 });
      expect(Array.from(batched.gradientEvaluations)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25]);
    }
  });

  it('count a Newton Hessian by differences as 4 full gradients, an exact one as 2', () => {
    // The bowl has an exact Hessian: 1 + 2 per step. Without it Newton takes central differences: 1 + 4.
    expect(simulate({ surface: 'bowl', optimizer: 'newton', lr: 1, start: [-2.5, 2], steps: 2 }).gradientEvaluations[2]).toBe(6);
    const numerical = { ...surfaces.bowl, hessian: undefined };
    expect(simulate({ surface: numerical, optimizer: 'newton', lr: 1, start: [-2.5, 2], steps: 2 }).gradientEvaluations[2]).toBe(10);
  });
});
