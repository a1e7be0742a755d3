import { expect } from 'vitest';
import { climbs, distance, finalLoss, finalPoint, nearestMinimum, roundedTo, type LessonChecks } from '../runLesson.ts';

export const startDecidesChecks: LessonChecks = {
  claims: {
    downhill: ({ runs }) => {
      // Rounding: a loss of about −1.8 is stored to about 2 × 10⁻¹⁶.
      for (const path of runs) expect(climbs(path, 1e-15)).toBe(0);
    },
    'run-1-deepest': ({ runs, specs }) => {
      const surface = specs[0].surface;
      expect(nearestMinimum(surface, finalPoint(runs[0]))).toBe(0);
      expect(distance(finalPoint(runs[0]), surface.minima[0])).toBeLessThan(1e-3);
      expect(surface.minima).toHaveLength(3);
    },
    'close-starts': ({ specs }) => {
      expect(specs[1].start).toEqual([-0.6, 0]);
      expect(distance(specs[0].start, specs[1].start)).toBeLessThan(1);
    },
    'run-2-other': ({ runs, specs }) => {
      const surface = specs[1].surface;
      expect(nearestMinimum(surface, finalPoint(runs[1]))).not.toBe(0);
      expect(distance(finalPoint(runs[1]), surface.minima[nearestMinimum(surface, finalPoint(runs[1]))])).toBeLessThan(1e-3);
      expect(roundedTo(finalLoss(runs[1]), 2)).toBe(-1.28);
      expect(roundedTo(finalLoss(runs[0]), 2)).toBe(-1.84);
    },
    basins: ({ specs, rerun }) => {
      // Walk from one start to the other: where the run ends changes from run 1's well to run 2's, at a border in between.
      const surface = specs[0].surface;
      const [a, b] = [specs[0].start, specs[1].start];
      const ends = Array.from({ length: 41 }, (_, i) => {
        const start = [a[0] + ((b[0] - a[0]) * i) / 40, a[1] + ((b[1] - a[1]) * i) / 40] as const;
        return nearestMinimum(surface, finalPoint(rerun(0, { start })));
      });
      expect(ends[0]).toBe(0);
      expect(ends[40]).toBe(nearestMinimum(surface, finalPoint(rerun(1, {}))));
      const border = ends.findIndex((minimum) => minimum !== ends[0]);
      expect(border).toBeGreaterThan(0);
      expect(ends.slice(0, border).every((minimum) => minimum === ends[0])).toBe(true);
      expect(ends.slice(border).every((minimum) => minimum === ends[40])).toBe(true);
    },
  },
  answers: {},
};
