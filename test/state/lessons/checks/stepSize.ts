import { expect } from 'vitest';
import { climbs, finalLoss, indexOfLeast, roundedTo, type LessonChecks } from '../runLesson.ts';

/** The across-valley coordinate v of the bowl (its steep axis, turned 15°). */
const across = (x: number, y: number) => Math.cos(Math.PI / 12) * y - Math.sin(Math.PI / 12) * x;

export const stepSizeChecks: LessonChecks = {
  claims: {
    'middle-lowest': ({ runs }) => {
      expect(indexOfLeast(runs.map(finalLoss))).toBe(1);
      expect(finalLoss(runs[1])).toBeLessThan(1e-15);
    },
    'small-crawls': ({ runs }) => {
      const [small] = runs;
      expect(roundedTo(finalLoss(small), 2)).toBe(1.37);
      expect(roundedTo(small.loss[0], 2)).toBe(7.37);
      expect(finalLoss(small) / small.loss[0]).toBeCloseTo(1 / 5, 1);
    },
    'big-overshoots': ({ runs }) => {
      // Every step crosses the floor (the sign across the valley flips) and lands farther from it.
      const big = runs[2];
      for (let i = 0; i < big.length - 1; i++) {
        const [now, next] = [across(big.x[i], big.y[i]), across(big.x[i + 1], big.y[i + 1])];
        expect(Math.sign(next)).toBe(-Math.sign(now));
        expect(Math.abs(next)).toBeGreaterThan(Math.abs(now));
      }
    },
    'big-climbs': ({ runs }) => {
      const big = runs[2];
      expect(big.diverged).toBe(true);
      expect(big.leftDomainAt).toBe(1);
      expect(big.divergedAt).toBe(14);
      expect(big.stopReason).toBe('bound');
      expect(big.length).toBe(27);
      expect(climbs(big)).toBe(26);
    },
    limit: ({ specs, rerun }) => {
      const g0 = new Float64Array(2);
      const gx = new Float64Array(2);
      const gy = new Float64Array(2);
      specs[0].surface.gradient(0, 0, g0);
      specs[0].surface.gradient(1, 0, gx);
      specs[0].surface.gradient(0, 1, gy);
      const [a, b, d] = [gx[0] - g0[0], gy[0] - g0[0], gy[1] - g0[1]];
      expect((a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b)).toBeCloseTo(2, 12);
      for (const lr of [1.01, 1.05, 1.2, 1.5]) expect(rerun(0, { lr, steps: 5000 }).diverged, `η = ${lr}`).toBe(true);
      expect(rerun(0, { lr: 0.99, steps: 5000 }).diverged).toBe(false);
    },
  },
  answers: {
    0: ({ runs }) => indexOfLeast(runs.map(finalLoss)),
  },
};
