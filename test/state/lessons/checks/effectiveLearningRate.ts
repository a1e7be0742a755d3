import { expect } from 'vitest';
import { climbs, distance, finalLoss, finalPoint, roundedTo, type LessonChecks } from '../runLesson.ts';

/** The bowl's coordinates: u along the valley, v across it (axes turned 15°). */
const along = (x: number, y: number) => Math.cos(Math.PI / 12) * x + Math.sin(Math.PI / 12) * y;
const across = (x: number, y: number) => Math.cos(Math.PI / 12) * y - Math.sin(Math.PI / 12) * x;

export const effectiveLearningRateChecks: LessonChecks = {
  claims: {
    'geometric-sum': ({ specs }) => {
      // torch's buffer under a constant gradient: b₁ = g, bₜ = μbₜ₋₁ + g.
      const mu = specs[1].momentum!;
      let buffer = 1;
      for (let t = 2; t <= 400; t++) buffer = mu * buffer + 1;
      expect(buffer).toBeCloseTo(1 / (1 - mu), 8);
      expect(specs[1].lr / (1 - mu)).toBeCloseTo(specs[0].lr, 12);
    },
    'flat-valley': ({ runs, specs }) => {
      const surface = specs[0].surface;
      const g = new Float64Array(2);
      // Curvature: L = u²/100 + v².
      expect(surface.loss(Math.cos(Math.PI / 12), Math.sin(Math.PI / 12))).toBeCloseTo(1 / 100, 12);
      expect(surface.loss(-Math.sin(Math.PI / 12), Math.cos(Math.PI / 12))).toBeCloseTo(1, 12);
      // Along the momentum run, after its first steps, the gradient along the valley changes by under 1% per step.
      const path = runs[1];
      let previous = NaN;
      for (let i = 30; i < path.length; i++) {
        surface.gradient(path.x[i], path.y[i], g);
        const slope = along(g[0], g[1]);
        if (i > 30) expect(Math.abs(slope / previous - 1)).toBeLessThan(0.01);
        previous = slope;
      }
    },
    'same-place': ({ runs, specs }) => {
      const [sgd, momentum] = runs.map(finalPoint);
      for (const end of [sgd, momentum]) expect(distance(end, specs[0].surface.minima[0])).toBeGreaterThan(1);
      expect(roundedTo(along(...momentum), 3)).toBe(-1.049);
      expect(roundedTo(along(...sgd), 3)).toBe(-1.041);
      expect(Math.abs(along(...momentum) / along(...sgd) - 1)).toBeLessThan(0.01);
    },
    flips: ({ runs }) => {
      const path = runs[2];
      for (let i = 0; i < path.length - 1; i++) expect(Math.sign(across(path.x[i + 1], path.y[i + 1]))).toBe(-Math.sign(across(path.x[i], path.y[i])));
    },
    'sgd-stuck': ({ runs }) => {
      const path = runs[2];
      expect(path.diverged).toBe(false);
      expect(roundedTo(finalLoss(path), 2)).toBe(6.65);
      // The part across the valley keeps its size at every bounce; along it the error fades (by 2η/κ per step), so the loss levels off at 6.65.
      for (let i = 0; i < path.length - 1; i++) expect(Math.abs(across(path.x[i + 1], path.y[i + 1]))).toBeCloseTo(Math.abs(across(path.x[i], path.y[i])), 12);
      const floor = across(path.x[0], path.y[0]) ** 2;
      for (const loss of path.loss.subarray(200)) {
        expect(loss).toBeGreaterThan(floor);
        expect(loss - floor).toBeLessThan(1e-4);
      }
    },
    'momentum-converges': ({ runs }) => {
      expect(runs[3].diverged).toBe(false);
      expect(finalLoss(runs[3])).toBeLessThan(1e-8);
      expect(finalLoss(runs[2]) / finalLoss(runs[3])).toBeGreaterThan(1e8);
    },
    'heavy-ball-limit': ({ rerun, specs }) => {
      expect((2 * (1 + specs[3].momentum!)) / 2).toBeCloseTo(1.9, 12);
      expect(rerun(3, { lr: 1.88, steps: 3000 }).diverged).toBe(false);
      expect(rerun(3, { lr: 1.92, steps: 3000 }).diverged).toBe(true);
    },
  },
  answers: {
    // Stalled (0), converged (1) or diverged (2), for the momentum run with effective rate 1.0.
    2: ({ runs }) => {
      const path = runs[3];
      if (path.diverged || climbs(path, 0, 200) > 50) return 2;
      return finalLoss(path) < 1e-6 ? 1 : 0;
    },
  },
};
