import { describe, expect, it } from 'vitest';
import { inspectStep, OPTIMIZER_IDS, simulate, surfaces, type OptimizerId, type RunSpec, type Schedule, type StateQuantity } from '../../src/core/index.ts';

/** A learning rate that keeps each optimizer on valleys for 40 steps. */
const LR: Record<OptimizerId, number> = {
  sgd: 0.2, momentum: 0.05, nesterov: 0.05, adagrad: 0.3, rmsprop: 0.02, adam: 0.05, adamw: 0.05, nadam: 0.05, radam: 0.05,
  adamax: 0.05, adadelta: 1, rprop: 0.05, lbfgs: 0.5, newton: 0.5, 'random-search': 1, evolution: 1,
};
const SCHEDULES: readonly (Schedule | undefined)[] = [undefined, { type: 'step', stepSize: 5, gamma: 0.5 }, { type: 'cosine', tMax: 30, etaMin: 0.001 }];

/** Variants whose loops branch on a hyper-parameter get their own runs. */
const VARIANTS: readonly Partial<RunSpec>[] = [{}, { weightDecay: 0.1 }];
const EXTRA: readonly Partial<RunSpec>[] = [
  { optimizer: 'adam', amsgrad: true },
  { optimizer: 'adamw', amsgrad: true },
  { optimizer: 'rmsprop', centered: true, momentum: 0.5 },
  { optimizer: 'lbfgs', lineSearch: 'strong-wolfe', lr: 1 },
  { optimizer: 'lbfgs', historySize: 3 },
  { optimizer: 'random-search', sampling: 'uniform' },
];

const quantity = (quantities: readonly StateQuantity[], symbol: string): StateQuantity['value'] | undefined => quantities.find((q) => q.symbol === symbol)?.value;

describe('inspectStep runs the loop simulate runs', () => {
  const specs: RunSpec[] = [];
  for (const optimizer of OPTIMIZER_IDS) {
    for (const variant of [...VARIANTS, ...EXTRA.filter((extra) => extra.optimizer === optimizer)]) {
      for (const schedule of SCHEDULES) {
        for (const batchSize of [undefined, 16]) {
          specs.push({ surface: 'valleys', optimizer, lr: LR[optimizer], start: [3, -2.25], steps: 40, seed: 3, ...variant, schedule, batchSize });
        }
      }
    }
  }

  it(`next is simulate's point t + 1, bit for bit, for every optimizer (${specs.length} specs × 4 steps)`, { timeout: 60_000 }, () => {
    for (const spec of specs) {
      const path = simulate(spec);
      expect(path.length, `${spec.optimizer} ${JSON.stringify(spec)}`).toBe(41);
      for (const t of [0, 1, 7, 39]) {
        const step = inspectStep(spec, t);
        const where = `${JSON.stringify(spec)} at step ${t}`;
        expect(Object.is(step.next?.[0], path.x[t + 1]) && Object.is(step.next?.[1], path.y[t + 1]), where).toBe(true);
        expect(Object.is(step.point[0], path.x[t]) && Object.is(step.point[1], path.y[t]), where).toBe(true);
        expect(step.nextLoss).toBe(path.loss[t + 1]);
        expect(step.gradientEvaluations).toBe(path.gradientEvaluations[t + 1] - path.gradientEvaluations[t]);
        expect(step.update).toEqual([path.x[t + 1] - path.x[t], path.y[t + 1] - path.y[t]]);
      }
    }
  });
});

describe('inspectStep shows the arithmetic', () => {
  // On the saddle L = x² + y⁴/4 − y²/2 from θ₀ = (1, 2), as in optimizers.test.ts: g₁ = (2, 6).
  const saddle = { surface: 'saddle', start: [1, 2], steps: 5 } as const;

  it('momentum at step 1: the buffer is b₁ = g₁ before, b₂ = μb₁ + g₂ after, and the update is −ηb₂', () => {
    // η = 0.1, μ = 0.9. θ₁ = (0.8, 1.4), g₂ = (1.6, 1.4³ − 1.4) = (1.6, 1.344);
    // b₂ = 0.9·(2, 6) + (1.6, 1.344) = (3.4, 6.744); update = −0.1·b₂ = (−0.34, −0.6744); θ₂ = (0.46, 0.7256).
    const step = inspectStep({ ...saddle, optimizer: 'momentum', lr: 0.1 }, 1);
    expect(step.point[0]).toBeCloseTo(0.8, 15);
    expect(step.gradient?.[0]).toBeCloseTo(1.6, 14);
    expect(step.gradient?.[1]).toBeCloseTo(1.344, 14);
    expect(step.lr).toBe(0.1);
    expect(quantity(step.state, 'b')).toEqual([2, 6]);
    const after = quantity(step.stateAfter, 'b') as readonly number[];
    expect(after[0]).toBeCloseTo(3.4, 14);
    expect(after[1]).toBeCloseTo(6.744, 14);
    expect(step.update?.[0]).toBeCloseTo(-0.34, 14);
    expect(step.update?.[1]).toBeCloseTo(-0.6744, 14);
    expect(step.batch).toBeNull();
  });

  it('adam at step 1: m, v, m̂, v̂ before the step, and the step they make', () => {
    // η = 0.1, β = (0.9, 0.999). After step 1: m₁ = 0.1·(2, 6) = (0.2, 0.6); v₁ = 0.001·(4, 36) = (0.004, 0.036);
    // m̂₁ = m₁/(1 − 0.9) = (2, 6); v̂₁ = v₁/(1 − 0.999) = (4, 36). θ₁ = (0.9, 1.9) (ε shifts the 10th digit), g₂ = (1.8, 4.959).
    // m₂ = 0.9·m₁ + 0.1·g₂ = (0.36, 1.0359); v₂ = 0.999·v₁ + 0.001·g₂² = (0.007236, 0.060555681);
    // θ₂ = (0.80041223, 1.80094117): update = θ₂ − θ₁ = (−0.09958777, −0.09905883).
    const step = inspectStep({ ...saddle, optimizer: 'adam', lr: 0.1 }, 1);
    const close = (value: unknown, expected: readonly number[], digits = 12) => {
      const [x, y] = value as readonly number[];
      expect(x).toBeCloseTo(expected[0], digits);
      expect(y).toBeCloseTo(expected[1], digits);
    };
    close(quantity(step.state, 'm'), [0.2, 0.6]);
    close(quantity(step.state, 'v'), [0.004, 0.036]);
    close(quantity(step.state, '\\hat m'), [2, 6]);
    close(quantity(step.state, '\\hat v'), [4, 36]);
    close(step.gradient, [1.8, 4.959], 8);
    close(quantity(step.stateAfter, 'm'), [0.36, 1.0359], 9);
    close(quantity(step.stateAfter, 'v'), [0.007236, 0.060555681], 9);
    close(step.next, [0.8004122287, 1.8009411729], 9);
    close(step.update, [-0.09958777, -0.09905883], 8);
    // Before the first step there is nothing to bias-correct.
    expect(quantity(inspectStep({ ...saddle, optimizer: 'adam', lr: 0.1 }, 0).state, '\\hat m')).toBeUndefined();
  });

  it('with mini-batches: the rows drawn, the batch gradient used and the full-batch gradient', () => {
    const step = inspectStep({ surface: 'bowl', optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 10, batchSize: 8, seed: 4 }, 3);
    expect(step.batch?.rows).toHaveLength(8);
    expect(new Set(step.batch?.rows).size).toBe(8);
    const full = new Float64Array(2);
    surfaces.bowl.gradient(step.point[0], step.point[1], full);
    expect(step.batch?.fullGradient).toEqual([full[0], full[1]]);
    expect(step.gradient).not.toEqual(step.batch?.fullGradient);
    // SGD's update is −η times the batch gradient.
    expect(step.update?.[0]).toBeCloseTo(-0.1 * (step.gradient?.[0] ?? Number.NaN), 14);
    expect(step.gradientEvaluations).toBe(8 / 256);
  });

  it("shows Newton's Hessian and its eigenvalues, L-BFGS's direction, the population of evolution", () => {
    const newton = inspectStep({ surface: 'bowl', optimizer: 'newton', lr: 1, start: [-2.5, 2], steps: 1 }, 0);
    const [low, high] = quantity(newton.state, '\\lambda') as readonly number[];
    // The bowl's curvatures are 2/κ = 0.1 and 2.
    expect(low).toBeCloseTo(0.1, 8);
    expect(high).toBeCloseTo(2, 8);
    const lbfgs = inspectStep({ surface: 'bowl', optimizer: 'lbfgs', lr: 1, start: [-2.5, 2], steps: 5 }, 2);
    expect(quantity(lbfgs.state, 'd')).toHaveLength(2);
    const evolution = inspectStep({ surface: 'bowl', optimizer: 'evolution', lr: 1, start: [-2.5, 2], steps: 5 }, 2);
    expect(quantity(evolution.state, '\\theta^{(k)}')).toHaveLength(16);
    expect(evolution.gradient).toBeNull();
    expect(evolution.lossEvaluations).toBe(15);
  });

  it('refuses a step the run never reaches, naming it', () => {
    expect(() => inspectStep({ surface: 'bowl', optimizer: 'sgd', lr: 5, start: [-2.5, 2], steps: 100 }, 80)).toThrow(/step 80/);
    expect(() => inspectStep({ surface: 'bowl', optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 10 }, 10)).toThrow(/^step/);
  });
});
