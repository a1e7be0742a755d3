import { expect } from 'vitest';
import type { Trajectory } from '../../../../src/core/index.ts';
import { distance, firstStepForGood, pointAt, roundedTo, type LessonChecks, type LessonOutcome } from '../runLesson.ts';

const MINIMUM = [1, 3] as const;
const stepLength = (path: Trajectory, i: number) => Math.hypot(path.x[i + 1] - path.x[i], path.y[i + 1] - path.y[i]);
const away = (path: Trajectory, step: number) => distance(pointAt(path, step), MINIMUM);

/** AdaGrad's sums of squared gradients (x, y) after `steps` steps, added up by hand along its path. */
function sumsOfSquares({ runs, specs }: LessonOutcome, steps: number): [number, number] {
  const g = new Float64Array(2);
  const sums: [number, number] = [0, 0];
  for (let i = 0; i < steps; i++) {
    specs[0].surface.gradient(runs[0].x[i], runs[0].y[i], g);
    sums[0] += g[0] * g[0];
    sums[1] += g[1] * g[1];
  }
  return sums;
}

export const adagradRmspropChecks: LessonChecks = {
  claims: {
    'same-first-step': ({ runs }) => {
      expect(stepLength(runs[0], 0)).toBeCloseTo(stepLength(runs[1], 0), 6);
      expect(roundedTo(stepLength(runs[0], 0), 2)).toBe(0.71);
    },
    'adagrad-sums': (outcome) => {
      // θₜ = θₜ₋₁ − η gₜ/(√sₜ + ε) with sₜ the sum of all squared gradients so far, worked out for the first steps.
      const { runs, specs } = outcome;
      const eta = specs[0].lr;
      for (const step of [1, 2, 3, 50]) {
        const [sx, sy] = sumsOfSquares(outcome, step);
        const g = new Float64Array(2);
        specs[0].surface.gradient(runs[0].x[step - 1], runs[0].y[step - 1], g);
        expect(runs[0].x[step]).toBeCloseTo(runs[0].x[step - 1] - (eta * g[0]) / (Math.sqrt(sx) + 1e-10), 12);
        expect(runs[0].y[step]).toBeCloseTo(runs[0].y[step - 1] - (eta * g[1]) / (Math.sqrt(sy) + 1e-10), 12);
      }
    },
    'rmsprop-leaky': ({ specs }) => {
      expect(specs[1].alpha).toBe(0.99);
    },
    'after-300': ({ runs }) => {
      const [adagrad, rmsprop] = runs;
      expect(roundedTo(away(adagrad, 300), 2)).toBe(0.33);
      expect(roundedTo(away(rmsprop, 300), 3)).toBe(0.009);
      expect(Math.round(stepLength(adagrad, 0) / stepLength(adagrad, 299))).toBe(200);
    },
    converges: ({ runs }) => {
      const [adagrad] = runs;
      expect(roundedTo(away(adagrad, 1000) * 1e4, 1)).toBe(1.7);
      expect(roundedTo(away(adagrad, 3000) * 1e14, 0)).toBe(8);
    },
    'sum-settles': (outcome) => {
      const [early, late] = [sumsOfSquares(outcome, 1000), sumsOfSquares(outcome, 3000)];
      for (const axis of [0, 1]) expect(late[axis] / early[axis] - 1).toBeLessThan(1e-6);
      // Its steps are η·g/√s: with s settled, from step 1,000 on a step is a fixed multiple of the gradient, as in plain gradient descent.
    },
    'three-times': ({ runs }) => {
      const within = (path: Trajectory) => firstStepForGood(path, (i) => away(path, i) < 1e-4);
      expect(within(runs[0])).toBe(1051);
      expect(within(runs[1])).toBe(382);
      expect(Math.round(within(runs[0]) / within(runs[1]))).toBe(3);
    },
  },
  answers: {
    // Stalls short of the minimum (0) or reaches it (1).
    1: ({ runs }) => (away(runs[0], 3000) < 1e-6 ? 1 : 0),
  },
};
