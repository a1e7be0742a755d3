import { expect } from 'vitest';
import { learningRateAt } from '../../../../src/core/index.ts';
import { climbs, finalLoss, roundedTo, type LessonChecks } from '../runLesson.ts';

/** The across-valley coordinate v of the bowl (its steep axis, turned 15°). */
const across = (x: number, y: number) => Math.cos(Math.PI / 12) * y - Math.sin(Math.PI / 12) * x;

export const scheduleRescueChecks: LessonChecks = {
  claims: {
    'constant-diverges': ({ runs }) => {
      const path = runs[0];
      for (let i = 0; i < path.length - 1; i++) expect(Math.abs(across(path.x[i + 1], path.y[i + 1]))).toBeGreaterThan(Math.abs(across(path.x[i], path.y[i])));
      expect(path.diverged).toBe(true);
      expect(path.leftDomainAt).toBe(1);
      expect(path.divergedAt).toBe(10);
    },
    'decay-below-limit': ({ specs }) => {
      const { lr, schedule } = specs[1];
      expect(learningRateAt(lr, schedule, 3)).toBeCloseTo(1, 12);
      for (let t = 4; t < 150; t++) expect(learningRateAt(lr, schedule, t)).toBeLessThan(1);
      for (let t = 0; t < 3; t++) expect(learningRateAt(lr, schedule, t)).toBeGreaterThan(1);
    },
    'climbs-then-settles': ({ runs }) => {
      const path = runs[1];
      expect(climbs(path, 0, 1, 3)).toBe(3);
      expect(climbs(path)).toBe(3);
      expect(roundedTo(Math.max(...path.loss), 1)).toBe(19);
      expect(path.loss[3]).toBe(Math.max(...path.loss));
      expect(path.diverged).toBe(false);
      expect(finalLoss(path)).toBeLessThan(1e-15);
    },
  },
  answers: {
    // Diverges (0), climbs then settles (1), never climbs (2).
    0: ({ runs }) => (runs[1].diverged ? 0 : climbs(runs[1]) === 0 ? 2 : finalLoss(runs[1]) < 1e-6 ? 1 : 0),
  },
};
