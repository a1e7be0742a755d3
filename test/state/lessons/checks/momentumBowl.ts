import { expect } from 'vitest';
import type { Trajectory } from '../../../../src/core/index.ts';
import { climbs, finalLoss, firstStep, pathLength, roundedTo, type LessonChecks } from '../runLesson.ts';

/** The bowl's coordinates: u along the valley, v across it (axes turned 15°). */
const along = (x: number, y: number) => Math.cos(Math.PI / 12) * x + Math.sin(Math.PI / 12) * y;
const across = (x: number, y: number) => Math.cos(Math.PI / 12) * y - Math.sin(Math.PI / 12) * x;

export const momentumBowlChecks: LessonChecks = {
  claims: {
    narrow: ({ specs }) => {
      const surface = specs[0].surface;
      // L = u²/κ + v²: curvature 2/κ along, 2 across.
      const step = 1e-3;
      const curvature = (du: number, dv: number) => {
        const point = (t: number) => [Math.cos(Math.PI / 12) * du * t - Math.sin(Math.PI / 12) * dv * t, Math.sin(Math.PI / 12) * du * t + Math.cos(Math.PI / 12) * dv * t];
        const [p, q] = [point(step), point(-step)];
        return (surface.loss(p[0], p[1]) + surface.loss(q[0], q[1]) - 2 * surface.loss(0, 0)) / (step * step);
      };
      expect(curvature(0, 1) / curvature(1, 0)).toBeCloseTo(50, 6);
      // Across, the curvature is 2: plain gradient descent's limit is η < 2/2 = 1, and 0.98 is just under it.
      expect(curvature(0, 1)).toBeCloseTo(2, 6);
    },
    'gradient-across': ({ runs, specs }) => {
      // Along SGD's path the gradient's component across the valley is larger than along it at every step.
      const g = new Float64Array(2);
      const path = runs[0];
      for (let i = 0; i < path.length; i++) {
        specs[0].surface.gradient(path.x[i], path.y[i], g);
        expect(Math.abs(across(g[0], g[1]))).toBeGreaterThan(Math.abs(along(g[0], g[1])));
      }
    },
    'sgd-bounces': ({ runs }) => {
      const path = runs[0];
      for (let i = 0; i < 100; i++) expect(Math.sign(across(path.x[i + 1], path.y[i + 1]))).toBe(-Math.sign(across(path.x[i], path.y[i])));
      // Creeping: of all the ground its path covers, under 2% is progress along the valley; momentum's share is over five times that.
      const progress = (path: Trajectory) => Math.abs(along(path.x[path.length - 1], path.y[path.length - 1]) - along(path.x[0], path.y[0])) / pathLength(path);
      expect(progress(path)).toBeLessThan(0.02);
      expect(progress(runs[1])).toBeGreaterThan(5 * progress(path));
    },
    'sgd-smooth-loss': ({ runs }) => {
      expect(runs[0].length).toBe(151);
      expect(climbs(runs[0])).toBe(0);
    },
    'momentum-arcs': ({ runs }) => {
      expect(Math.round(pathLength(runs[1]))).toBe(15);
      expect(Math.round(pathLength(runs[0]))).toBe(126);
      expect(climbs(runs[1])).toBe(69);
    },
    'momentum-faster': ({ runs }) => {
      const [sgd, momentum] = runs;
      expect(firstStep(momentum, (i) => momentum.loss[i] < 1e-4)).toBe(78);
      expect(firstStep(sgd, (i) => sgd.loss[i] < 1e-4)).toBe(137);
      expect(roundedTo(finalLoss(momentum) * 1e7, 1)).toBe(9.2);
      expect(roundedTo(finalLoss(sgd) * 1e5, 1)).toBe(3.2);
      expect(Math.round(finalLoss(sgd) / finalLoss(momentum))).toBe(35);
    },
  },
  answers: {
    // Smooth means: the loss never rises. SGD (0), momentum (1), neither (2).
    0: ({ runs }) => {
      const smooth = runs.map((path) => climbs(path) === 0);
      return smooth[0] && !smooth[1] ? 0 : smooth[1] && !smooth[0] ? 1 : 2;
    },
  },
};
