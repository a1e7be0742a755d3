import { expect } from 'vitest';
import type { Trajectory } from '../../../../src/core/index.ts';
import { firstStep, roundedTo, type LessonChecks } from '../runLesson.ts';

/** The run's closest approach to the saddle (the origin) among points with |y| < limit, and its step. */
function closest(path: Trajectory, limit = Infinity): { distance: number; step: number } {
  let best = { distance: Infinity, step: -1 };
  for (let i = 0; i < path.length; i++) {
    const away = Math.hypot(path.x[i], path.y[i]);
    if (Math.abs(path.y[i]) < limit && away < best.distance) best = { distance: away, step: i };
  }
  return best;
}

const leaves = (path: Trajectory) => firstStep(path, (i) => Math.abs(path.y[i]) >= 0.5);

export const saddleChecks: LessonChecks = {
  claims: {
    shape: ({ specs }) => {
      const surface = specs[0].surface;
      const g = new Float64Array(2);
      surface.gradient(0, 0, g);
      expect(Math.hypot(g[0], g[1])).toBe(0);
      // Up along x, down along y, at the origin.
      expect(surface.loss(0.01, 0)).toBeGreaterThan(0);
      expect(surface.loss(0, 0.01)).toBeLessThan(0);
      expect(surface.minima).toEqual([
        [0, 1],
        [0, -1],
      ]);
    },
    'slow-growth': ({ runs }) => {
      const [sgd] = runs;
      for (const i of [50, 150, 250]) expect(sgd.y[i + 1] / sgd.y[i]).toBeCloseTo(1.01, 5);
    },
    'sgd-lingers': ({ runs }) => {
      const near = closest(runs[0]);
      expect(roundedTo(near.distance, 3)).toBe(0.015);
      expect(near.step).toBe(254);
    },
    'sgd-leaves': ({ runs }) => {
      const [sgd] = runs;
      expect(leaves(sgd)).toBe(639);
      expect(firstStep(sgd, (i) => Math.abs(sgd.x[i]) < 0.05 && Math.abs(sgd.y[i] - 1) < 0.05)).toBe(805);
    },
    momentum: ({ runs }) => {
      const momentum = runs[1];
      const near = closest(momentum);
      expect(roundedTo(near.distance, 3)).toBe(0.008);
      expect(near.step).toBe(37);
      expect(near.distance).toBeLessThan(closest(runs[0]).distance);
      expect(leaves(momentum)).toBe(105);
    },
    'adam-first-step': ({ runs, specs }) => {
      const adam = runs[2];
      // Step 1 of Adam: m̂ = g and v̂ = g², so each coordinate moves by η·g/(|g| + ε) ≈ η, whatever the size of g.
      expect(adam.y[1] - adam.y[0]).toBeCloseTo(0.05, 6);
      expect(adam.x[1] - adam.x[0]).toBeCloseTo(0.05, 6);
      const g = new Float64Array(2);
      specs[2].surface.gradient(specs[2].start[0], specs[2].start[1], g);
      expect(Math.round(Math.abs(g[0] / g[1]))).toBe(3000);
    },
    'adam-far': ({ runs }) => {
      expect(roundedTo(closest(runs[2], 0.1).distance, 2)).toBe(1.4);
    },
  },
  answers: {
    // Never leaves (0), leaves after 100 steps or more (1), within 50 steps (2).
    0: ({ runs }) => {
      const step = leaves(runs[0]);
      return step < 0 ? 0 : step >= 100 ? 1 : step <= 50 ? 2 : -1;
    },
  },
};
