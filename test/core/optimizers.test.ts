import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, OPTIMIZER_IDS, optimizerDefaults, simulate, surfaceList, type OptimizerId, type RunSpec } from '../../src/core/index.ts';

/**
 * Hand-worked steps on the saddle L = x² + y⁴/4 − y²/2, whose gradient is
 * g = (2x, y³ − y), from θ₀ = (1, 2), where g₁ = (2, 6). Each test works the first
 * two steps out in comments (torch.optim's rules, defaults unless stated), then
 * asserts them.
 */
const twoSteps = (spec: Omit<RunSpec, 'surface' | 'start' | 'steps'>) => simulate({ surface: 'saddle', start: [1, 2], steps: 2, ...spec });

function expectPoints(path: ReturnType<typeof simulate>, points: readonly (readonly [number, number])[], digits = 9): void {
  expect(path.length).toBe(points.length + 1);
  points.forEach(([x, y], k) => {
    expect(path.x[k + 1]).toBeCloseTo(x, digits);
    expect(path.y[k + 1]).toBeCloseTo(y, digits);
  });
}

describe('optimizers follow torch.optim step by step', () => {
  it('sgd: θ ← θ − η g', () => {
    // η = 0.1. Step 1: θ₁ = (1, 2) − 0.1·(2, 6) = (0.8, 1.4).
    // Step 2: g₂ = (1.6, 1.4³ − 1.4) = (1.6, 1.344); θ₂ = (0.8 − 0.16, 1.4 − 0.1344) = (0.64, 1.2656).
    expectPoints(twoSteps({ optimizer: 'sgd', lr: 0.1 }), [[0.8, 1.4], [0.64, 1.2656]]);
  });

  it('momentum: the buffer starts as the first gradient (dampening 0)', () => {
    // η = 0.1, μ = 0.9. Step 1: b₁ = g₁ = (2, 6); θ₁ = (1, 2) − 0.1·(2, 6) = (0.8, 1.4).
    // Step 2: g₂ = (1.6, 1.344); b₂ = 0.9·(2, 6) + (1.6, 1.344) = (3.4, 6.744);
    // θ₂ = (0.8 − 0.34, 1.4 − 0.6744) = (0.46, 0.7256).
    expectPoints(twoSteps({ optimizer: 'momentum', lr: 0.1 }), [[0.8, 1.4], [0.46, 0.7256]]);
  });

  it('nesterov: steps along g + μ b (torch nesterov=True)', () => {
    // η = 0.1, μ = 0.9. Step 1: b₁ = (2, 6); g + μb = (3.8, 11.4); θ₁ = (0.62, 0.86).
    // Step 2: g₂ = (1.24, 0.86³ − 0.86) = (1.24, −0.223944); b₂ = 0.9·(2, 6) + g₂ = (3.04, 5.176056);
    // g₂ + μb₂ = (3.976, 4.4345064); θ₂ = (0.62 − 0.3976, 0.86 − 0.44345064) = (0.2224, 0.41654936).
    expectPoints(twoSteps({ optimizer: 'nesterov', lr: 0.1 }), [[0.62, 0.86], [0.2224, 0.41654936]]);
  });

  it('adagrad: divides by the root of the summed squared gradients (eps 1e-10)', () => {
    // η = 0.1. Step 1: s₁ = (4, 36); √s₁ = (2, 6); θ₁ = (1, 2) − 0.1·(2/2, 6/6) = (0.9, 1.9) (ε shifts the 12th digit).
    // Step 2: g₂ = (1.8, 1.9³ − 1.9) = (1.8, 4.959); s₂ = (7.24, 60.591681); √s₂ = (2.69072481, 7.78406584);
    // θ₂ = (0.9 − 0.1·1.8/2.69072481, 1.9 − 0.1·4.959/7.78406584) = (0.83310353, 1.83629293).
    expectPoints(twoSteps({ optimizer: 'adagrad', lr: 0.1 }), [[0.9, 1.9], [0.8331035268, 1.8362929335]]);
  });

  it('rmsprop: divides by a moving root mean square (alpha 0.99, eps 1e-8)', () => {
    // η = 0.01. Step 1: v₁ = 0.01·(4, 36) = (0.04, 0.36); d₁ = √v₁ + ε = (0.2, 0.6); g/d = (10, 10);
    // θ₁ = (0.9, 1.9) (ε shifts the 9th digit).
    // Step 2: g₂ = (1.8, 4.959); v₂ = 0.99·v₁ + 0.01·(3.24, 24.591681) = (0.072, 0.60231681);
    // d₂ = (0.26832817, 0.77609073); g/d = (6.70820370, 6.38971682); θ₂ = (0.83291797, 1.83610283).
    expectPoints(twoSteps({ optimizer: 'rmsprop', lr: 0.01 }), [[0.900000005, 1.9000000017], [0.832917968, 1.8361028335]]);
  });

  it('rmsprop centered with momentum: d = √(v − ḡ²) + ε, b = μb + g/d', () => {
    // η = 0.01, μ = 0.5. Step 1: v₁ = (0.04, 0.36); ḡ₁ = 0.01·g₁ = (0.02, 0.06);
    // d₁ = √(0.04 − 0.0004, 0.36 − 0.0036) = (0.19899750, 0.59699247); b₁ = g₁/d₁ = (10.0503776, 10.0503780);
    // θ₁ = (1, 2) − 0.01·b₁ = (0.89949622, 1.89949622).
    // Step 2: g₂ = (1.79899245, 4.95404929); v₂ = (0.07196374, 0.60182604); ḡ₂ = (0.03778992, 0.10894049);
    // d₂ = (0.26558551, 0.76808725); b₂ = 0.5·b₁ + g₂/d₂ = (11.7988732, 11.4750412);
    // θ₂ = θ₁ − 0.01·b₂ = (0.78150749, 1.78474581).
    expectPoints(twoSteps({ optimizer: 'rmsprop', lr: 0.01, centered: true, momentum: 0.5 }), [[0.8994962235, 1.8994962202], [0.7815074915, 1.7847458078]]);
  });

  it('adam: bias-corrected as torch (step size η/(1 − β₁ᵗ), denominator √v/√(1 − β₂ᵗ) + ε)', () => {
    // η = 0.1, β = (0.9, 0.999). Step 1: m₁ = 0.1·(2, 6) = (0.2, 0.6); v₁ = 0.001·(4, 36) = (0.004, 0.036);
    // bc₁ = 0.1, bc₂ = 0.001; step size 0.1/0.1 = 1; denominator √v₁/√0.001 + ε = (2, 6);
    // θ₁ = (1, 2) − 1·(0.2/2, 0.6/6) = (0.9, 1.9): Adam's first step is η·sign(g).
    // Step 2: g₂ = (1.8, 4.959); m₂ = 0.9·m₁ + 0.1·g₂ = (0.36, 1.0359);
    // v₂ = 0.999·v₁ + 0.001·g₂² = (0.007236, 0.060555681); bc₁ = 0.19, bc₂ = 0.001999;
    // step size 0.1/0.19 = 0.52631579; denominator = (1.90257981, 5.50390653);
    // θ₂ = (0.9 − 0.52631579·0.36/1.90257981, 1.9 − 0.52631579·1.0359/5.50390653) = (0.80041223, 1.80094117).
    expectPoints(twoSteps({ optimizer: 'adam', lr: 0.1 }), [[0.9, 1.9], [0.8004122287, 1.8009411729]]);
  });

  it('adam with β₁ = 0 and β₂ → 0 is sign descent', () => {
    const path = simulate({ surface: 'booth', optimizer: 'adam', lr: 0.5, start: [-8, -6], steps: 3, beta1: 0, beta2: 1e-12, eps: 1e-12 });
    expect(path.x[1] - path.x[0]).toBeCloseTo(0.5, 9);
    expect(path.y[1] - path.y[0]).toBeCloseTo(0.5, 9);
  });
});

describe('the optimizer table', () => {
  it('lists every optimizer with controls whose defaults are optimizerDefaults', () => {
    expect(OPTIMIZER_IDS).toEqual([
      'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam',
      'adamw', 'nadam', 'radam', 'adamax', 'adadelta', 'rprop', 'lbfgs', 'newton', 'random-search', 'evolution',
    ]);
    for (const id of OPTIMIZER_IDS) {
      const defaults = optimizerDefaults(id) as Record<string, number | boolean>;
      const controls = OPTIMIZERS[id].hyperParameters;
      expect(controls.map((control) => control.key).sort()).toEqual(Object.keys(defaults).sort());
      for (const control of controls) expect(control.default).toBe(defaults[control.key]);
      // The update rule is TeX KaTeX can typeset, and it says what θ_t becomes.
      expect(() => katex.renderToString(OPTIMIZERS[id].updateRuleTex, { throwOnError: true }), id).not.toThrow();
      expect(OPTIMIZERS[id].updateRuleTex, id).toMatch(/\\theta_t\s*=/);
    }
  });

  it('has torch.optim defaults', () => {
    expect(optimizerDefaults('adagrad')).toEqual({ eps: 1e-10, weightDecay: 0 });
    expect(optimizerDefaults('rmsprop')).toEqual({ alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 });
    expect(optimizerDefaults('adam')).toEqual({ beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(optimizerDefaults('momentum')).toEqual({ momentum: 0.9, weightDecay: 0 });
  });
});

/**
 * Learning rates for the table run: plain methods use the surface's own, adaptive ones a fixed fraction
 * of the domain. RAdam's first steps are momentum SGD (until ρₜ > 5) and L-BFGS's step is η times a
 * Newton-like direction, so they take the plain rate.
 */
function tableLr(optimizer: OptimizerId, suggestedLr: number, span: number): number {
  if (optimizer === 'sgd' || optimizer === 'radam' || optimizer === 'lbfgs') return suggestedLr;
  if (optimizer === 'momentum' || optimizer === 'nesterov') return suggestedLr / 10;
  return span / 100;
}

describe('every optimizer on every surface with suggested settings', () => {
  for (const surface of surfaceList) {
    // Newton is left out: it heads for the nearest stationary point, saddles and maxima included (newton.test.ts).
    for (const optimizer of OPTIMIZER_IDS.filter((id) => id !== 'newton')) {
      it(`${optimizer} on ${surface.id} stays finite for 1000 steps and does not climb`, () => {
        const span = surface.domain.x[1] - surface.domain.x[0];
        const path = simulate({ surface: surface.id, optimizer, lr: tableLr(optimizer, surface.suggestedLr, span), start: surface.suggestedStart, steps: 1000 });
        expect(path.diverged).toBe(false);
        expect(path.length).toBe(1001);
        expect(path.loss[1000]).toBeLessThan(path.loss[0]);
      });
    }
  }
});
