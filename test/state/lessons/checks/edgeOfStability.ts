import { expect } from 'vitest';
import { climbs, finalLoss, type LessonChecks } from '../runLesson.ts';

/** The across-valley coordinate v of the bowl (its steep axis, turned 15°). */
const across = (x: number, y: number) => Math.cos(Math.PI / 12) * y - Math.sin(Math.PI / 12) * x;

export const edgeOfStabilityChecks: LessonChecks = {
  claims: {
    'edge-is-one': ({ specs }) => {
      // The Hessian by differences of the (exact, quadratic) gradient: its eigenvalues are 2/κ and 2.
      const surface = specs[0].surface;
      const g0 = new Float64Array(2);
      const gx = new Float64Array(2);
      const gy = new Float64Array(2);
      surface.gradient(0, 0, g0);
      surface.gradient(1, 0, gx);
      surface.gradient(0, 1, gy);
      const [a, b, d] = [gx[0] - g0[0], gy[0] - g0[0], gy[1] - g0[1]];
      const largest = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
      expect(largest).toBeCloseTo(2, 12);
      expect(2 / largest).toBeCloseTo(1, 12);
    },
    'one-bounces': ({ runs }) => {
      const path = runs[1];
      // Across the valley the sign flips every step and the size never changes ...
      for (let i = 40; i < 100; i++) {
        const now = across(path.x[i], path.y[i]);
        const next = across(path.x[i + 1], path.y[i + 1]);
        expect(Math.sign(next)).toBe(-Math.sign(now));
        expect(Math.abs(next)).toBeCloseTo(Math.abs(now), 12);
      }
      // ... while along it the point has come to the floor's centre.
      const along = Math.cos(Math.PI / 12) * path.x[100] + Math.sin(Math.PI / 12) * path.y[100];
      expect(Math.abs(along)).toBeLessThan(1e-15);
    },
    'one-stuck': ({ runs }) => {
      const losses = Array.from(runs[1].loss.subarray(50));
      expect(Math.max(...losses) - Math.min(...losses)).toBeLessThan(1e-12);
      expect(finalLoss(runs[1])).toBeCloseTo(6.65, 2);
    },
    'below-converges': ({ runs }) => {
      const path = runs[0];
      const ratio = Math.abs(across(path.x[60], path.y[60]) / across(path.x[59], path.y[59]));
      expect(ratio).toBeCloseTo(0.9, 10);
      expect(finalLoss(path)).toBeGreaterThan(4.65e-9);
      expect(finalLoss(path)).toBeLessThan(4.75e-9);
    },
    'above-climbs': ({ runs }) => {
      const path = runs[2];
      expect(path.stopReason).toBe('bound');
      expect(path.length).toBe(51);
      const ratio = Math.abs(across(path.x[40], path.y[40]) / across(path.x[39], path.y[39]));
      expect(ratio).toBeCloseTo(1.1, 10);
      expect(climbs(path)).toBe(50);
      expect(path.loss[0]).toBeCloseTo(7.37, 2);
      expect(path.loss[50] / 1e4).toBeCloseTo(9.2, 1);
    },
    'above-leaves': ({ runs }) => {
      expect(runs[2].leftDomainAt).toBe(1);
      expect(runs[2].diverged).toBe(true);
      expect(runs[2].divergedAt).toBe(27);
    },
  },
  answers: {
    // The run with η = 1.0: converged (0), bouncing with a steady loss (1), or growing without bound (2).
    0: ({ runs }) => {
      const path = runs[1];
      if (path.diverged || climbs(path, 0, 50) > 25) return 2;
      return finalLoss(path) < 1e-6 ? 0 : 1;
    },
  },
};
