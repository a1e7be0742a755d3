import { expect } from 'vitest';
import { describeOutcome } from '../../../../src/core/index.ts';
import { distance, finalPoint, pointAt, roundedTo, type LessonChecks } from '../runLesson.ts';

const LAMBDA = 0.5;

export const weightDecayChecks: LessonChecks = {
  claims: {
    'l2-same': ({ runs, specs }) => {
      const [sgd, adam] = [finalPoint(runs[0]), finalPoint(runs[1])];
      expect(distance(sgd, adam)).toBeLessThan(1e-9);
      expect([roundedTo(adam[0], 2), roundedTo(adam[1], 2)]).toEqual([1.68, -0.76]);
      // Stationary for L + (λ/2)‖θ‖²: ∇L(θ) + λθ = 0.
      const g = new Float64Array(2);
      specs[1].surface.gradient(adam[0], adam[1], g);
      expect(Math.hypot(g[0] + LAMBDA * adam[0], g[1] + LAMBDA * adam[1])).toBeLessThan(1e-9);
      expect(specs[1].weightDecay).toBe(LAMBDA);
    },
    'adam-early': ({ runs }) => {
      expect(distance(pointAt(runs[1], 500), finalPoint(runs[1]))).toBeLessThan(1e-3);
    },
    'adamw-elsewhere': ({ runs, specs }) => {
      expect(distance(finalPoint(runs[2]), finalPoint(runs[1]))).toBeGreaterThan(0.1);
      expect(describeOutcome(runs[2], specs[2].surface).kind).toBe('moving');
      expect(distance(pointAt(runs[2], 900), finalPoint(runs[2]))).toBeGreaterThan(0.01);
    },
  },
  answers: {
    // Same point as Adam (0), elsewhere and moving (1), at the unpenalised fit (2).
    0: ({ runs, specs }) => {
      const adamw = finalPoint(runs[2]);
      if (distance(adamw, finalPoint(runs[1])) < 1e-3) return 0;
      return distance(adamw, specs[2].surface.minima[0]) < 1e-3 ? 2 : 1;
    },
  },
};
