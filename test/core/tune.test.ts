import { describe, expect, it } from 'vitest';
import { evaluateLearningRates, learningRateBudget, learningRateGrid, refineLearningRates, simulate, tuneLearningRate, type RunSpec } from '../../src/core/index.ts';

const bowl: RunSpec = { surface: 'bowl', optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 100 };

describe('tuneLearningRate', () => {
  it('finds SGD\'s best rate on the bowl just below the stability limit 2/λmax = 1', () => {
    // Curvatures 0.1 and 2: the fastest contraction of both is at η = 2/(0.1 + 2) ≈ 0.95; above 1 the steep direction diverges.
    const { best, trials, budget } = tuneLearningRate(bowl);
    expect(budget).toBe(100);
    expect(best.lr).toBeGreaterThan(0.85);
    expect(best.lr).toBeLessThan(1);
    expect(best.diverged).toBe(false);
    expect(best.finalLoss).toBe(simulate({ ...bowl, lr: best.lr }).loss[100]);
    expect(trials.some((trial) => trial.diverged && trial.lr > 1)).toBe(true);
    for (let k = 1; k < trials.length; k++) expect(trials[k].lr).toBeGreaterThan(trials[k - 1].lr);
  });

  it('holds every candidate to the same budget of gradient evaluations, whatever a step costs', () => {
    // Strong-Wolfe L-BFGS spends several evaluations on some steps; Newton 1 + 2 per step (the bowl's exact Hessian).
    for (const spec of [{ ...bowl, optimizer: 'lbfgs', lineSearch: 'strong-wolfe' }, { ...bowl, optimizer: 'newton' }, { ...bowl, batchSize: 32 }] as RunSpec[]) {
      const budget = learningRateBudget(spec, { budget: 40 });
      for (const trial of evaluateLearningRates(spec, [0.01, 0.3, 1], budget)) {
        expect(trial.gradientEvaluations).toBeLessThanOrEqual(40);
        if (!trial.diverged) expect(trial.gradientEvaluations).toBeGreaterThan(40 - 10);
      }
    }
    expect(evaluateLearningRates({ ...bowl, optimizer: 'newton' }, [1], 40)[0].steps).toBe(13);
  });

  it('splits across workers: scoring a grid in parts gives the same trials as in one go', () => {
    const grid = learningRateGrid({ lrMin: 1e-3, lrMax: 3, gridSize: 10 });
    const whole = evaluateLearningRates(bowl, grid, 100);
    const parts = [...evaluateLearningRates(bowl, grid.slice(5), 100), ...evaluateLearningRates(bowl, grid.slice(0, 5), 100)];
    expect(parts.sort((a, b) => a.lr - b.lr)).toEqual(whole);
  });

  it('refines strictly between the best trial\'s neighbours', () => {
    const trials = evaluateLearningRates(bowl, learningRateGrid({ lrMin: 0.01, lrMax: 10, gridSize: 7 }), 100);
    const best = trials.reduce((a, b) => (b.finalLoss < a.finalLoss ? b : a));
    const index = trials.indexOf(best);
    const refined = refineLearningRates(trials, 5);
    expect(refined).toHaveLength(5);
    for (const lr of refined) {
      expect(lr).toBeGreaterThan(trials[index - 1].lr);
      expect(lr).toBeLessThan(trials[index + 1].lr);
    }
  });

  it('refuses an optimizer without a learning rate', () => {
    expect(() => tuneLearningRate({ ...bowl, optimizer: 'random-search' })).toThrow(/no learning rate/);
  });
});
