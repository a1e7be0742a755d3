import { expect } from 'vitest';
import type { Trajectory } from '../../../../src/core/index.ts';
import { distance, finalPoint, finalLoss, pointAt, roundedTo, type LessonChecks } from '../runLesson.ts';

/** The last point a run reached within `budget` evaluations of the function (gradients and losses counted alike). */
function atBudget(path: Trajectory, budget: number): number {
  let last = 0;
  for (let i = 0; i < path.length; i++) if (path.lossEvaluations[i] + path.gradientEvaluations[i] <= budget) last = i;
  return last;
}

const BUDGET = 1000;

export const gradientFreeChecks: LessonChecks = {
  claims: {
    'gd-local': ({ runs, specs }) => {
      const gd = runs[0];
      expect(gd.gradientEvaluations[gd.length - 1]).toBe(BUDGET);
      expect(roundedTo(finalLoss(gd), 1)).toBe(17.9);
      expect(distance(finalPoint(gd), [-2.98, 2.98])).toBeLessThan(0.01);
      // A local minimum: the gradient vanishes, the Hessian is positive definite, the loss is above the global 0.
      const [x, y] = finalPoint(gd);
      const g = new Float64Array(2);
      const h = new Float64Array(3);
      specs[0].surface.gradient(x, y, g);
      specs[0].surface.hessian!(x, y, h);
      expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-6);
      expect(h[0]).toBeGreaterThan(0);
      expect(h[0] * h[2] - h[1] * h[1]).toBeGreaterThan(0);
      expect(distance(finalPoint(gd), specs[0].surface.minima[0])).toBeGreaterThan(4);
    },
    'at-budget': ({ runs, specs }) => {
      const random = atBudget(runs[1], BUDGET);
      const genetic = atBudget(runs[2], BUDGET);
      expect(runs[1].lossEvaluations[random]).toBeGreaterThan(BUDGET - 10);
      expect(runs[2].lossEvaluations[genetic]).toBeGreaterThan(BUDGET - 20);
      expect(roundedTo(runs[1].loss[random], 1)).toBe(1.0);
      expect(Math.hypot(...pointAt(runs[1], random))).toBeCloseTo(0.995, 2); // the ring of dips next to the centre
      expect(roundedTo(runs[2].loss[genetic], 1)).toBe(0);
      expect(distance(pointAt(runs[2], genetic), specs[2].surface.minima[0])).toBeLessThan(0.01);
    },
    seeds: ({ rerun }) => {
      for (let seed = 1; seed <= 10; seed++) {
        const random = rerun(1, { seed });
        const genetic = rerun(2, { seed });
        expect(random.loss[atBudget(random, BUDGET)], `random search, seed ${seed}`).toBeLessThan(10);
        expect(genetic.loss[atBudget(genetic, BUDGET)], `genetic algorithm, seed ${seed}`).toBeLessThan(2);
      }
    },
  },
  answers: {
    // The run whose best point within the budget is lowest.
    0: ({ runs }) => {
      const losses = runs.map((path) => path.loss[atBudget(path, BUDGET)]);
      return losses.indexOf(Math.min(...losses));
    },
  },
};
