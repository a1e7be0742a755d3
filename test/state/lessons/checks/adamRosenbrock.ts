import { expect } from 'vitest';
import type { Trajectory } from '../../../../src/core/index.ts';
import { distance, finalLoss, finalPoint, roundedTo, type LessonChecks, type LessonOutcome } from '../runLesson.ts';

/** Times the path crosses the floor's centre line y = x². */
function floorCrossings(path: Trajectory): number {
  let count = 0;
  for (let i = 1; i < path.length; i++) if (Math.sign(path.y[i] - path.x[i] ** 2) !== Math.sign(path.y[i - 1] - path.x[i - 1] ** 2)) count++;
  return count;
}

const RATES = [1e-4, 2e-4, 5e-4, 1e-3, 1.5e-3, 2e-3, 2.5e-3, 3e-3, 3.5e-3, 4e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1, 2];

/** What each rate does for run `run`'s optimizer: 'reaches' (within 0.05 of (1, 1)), 'diverges' or 'slow'. */
function outcomes({ rerun }: LessonOutcome, run: number): Map<number, 'reaches' | 'diverges' | 'slow'> {
  return new Map(
    RATES.map((lr) => {
      const path = rerun(run, { lr });
      return [lr, path.diverged ? 'diverges' : distance(finalPoint(path), [1, 1]) < 0.05 ? 'reaches' : 'slow'];
    }),
  );
}

export const adamRosenbrockChecks: LessonChecks = {
  claims: {
    valley: ({ specs }) => {
      const { loss, minima } = specs[0].surface;
      expect(minima[0]).toEqual([1, 1]);
      // On the floor y = x² only (1 − x)² is left; a step of 0.1 off it across costs 100 × 0.01 = 1.
      for (const x of [-1, 0, 0.5]) {
        expect(loss(x, x * x)).toBeCloseTo((1 - x) ** 2, 12);
        expect(loss(x, x * x + 0.1) - loss(x, x * x)).toBeCloseTo(1, 12);
      }
    },
    'momentum-swings': ({ runs }) => {
      expect(floorCrossings(runs[0])).toBe(75);
      expect(runs[0].length).toBe(1001);
    },
    'double-diverges': ({ runs }) => {
      expect(runs[1].diverged).toBe(true);
      expect(runs[1].leftDomainAt).toBe(4);
      expect(runs[1].divergedAt).toBe(12);
    },
    'momentum-range': (outcome) => {
      const results = outcomes(outcome, 0);
      const reaching = RATES.filter((lr) => results.get(lr) === 'reaches');
      expect(reaching).toEqual([1e-3, 1.5e-3, 2e-3, 2.5e-3, 3e-3]);
      expect(RATES.filter((lr) => lr >= 3.5e-3).every((lr) => results.get(lr) === 'diverges')).toBe(true);
    },
    'adam-bounded': ({ runs, specs }) => {
      for (const run of [2, 3]) {
        const path = runs[run];
        let largest = 0;
        for (let i = 0; i < path.length - 1; i++) largest = Math.max(largest, Math.abs(path.x[i + 1] - path.x[i]), Math.abs(path.y[i + 1] - path.y[i]));
        expect(largest).toBeLessThanOrEqual(specs[run].lr);
      }
    },
    'adam-hugs': ({ runs }) => {
      expect(floorCrossings(runs[2])).toBe(18);
      expect(roundedTo(finalLoss(runs[2]) * 1e9, 0)).toBe(2);
    },
    'adam-double': ({ runs }) => {
      expect(runs[3].diverged).toBe(false);
      expect(distance(finalPoint(runs[3]), [1, 1])).toBeLessThan(1e-5);
    },
    'adam-never-diverges': (outcome) => {
      const results = outcomes(outcome, 2);
      expect([...results.values()]).not.toContain('diverges');
      expect(results.get(1e-4)).toBe('slow');
    },
  },
  answers: {
    // Doubled momentum: arrives (0), diverges (1), stops short (2).
    0: ({ runs }) => (runs[1].diverged ? 1 : distance(finalPoint(runs[1]), [1, 1]) < 0.05 ? 0 : 2),
    // Doubled Adam: reaches (0), diverges (1), stalls (2).
    1: ({ runs }) => (runs[3].diverged ? 1 : distance(finalPoint(runs[3]), [1, 1]) < 0.05 ? 0 : 2),
  },
};
