import { expect } from 'vitest';
import { LEAST_SQUARES } from '../../../../src/core/index.ts';
import { distance, indexOfLeast, pointAt, roundedTo, type LessonChecks } from '../runLesson.ts';

/** Steps in one epoch for batch size B of N rows (torch's drop_last: ⌊N/B⌋). */
const epochSteps = (rows: number, batch: number) => Math.floor(rows / batch);

export const miniBatchEpochsChecks: LessonChecks = {
  claims: {
    'epoch-steps': ({ specs }) => {
      expect(specs.map((spec) => epochSteps(spec.datasetSize!, spec.batchSize!))).toEqual([64, 4, 1]);
    },
    start: ({ runs }) => {
      for (const path of runs) expect(roundedTo(distance(pointAt(path, 0), LEAST_SQUARES), 2)).toBe(3.54);
    },
    'after-epoch': ({ runs }) => {
      const [one, sixteen, full] = runs;
      expect(roundedTo(distance(pointAt(one, 64), LEAST_SQUARES), 2)).toBe(0.12);
      expect(roundedTo(distance(pointAt(sixteen, 4), LEAST_SQUARES), 1)).toBe(2.3);
      expect(roundedTo(distance(pointAt(full, 1), LEAST_SQUARES), 2)).toBe(3.17);
    },
    seeds: ({ rerun }) => {
      const ends = Array.from({ length: 20 }, (_, i) => distance(pointAt(rerun(0, { seed: i + 1, steps: 64 }), 64), LEAST_SQUARES));
      expect(roundedTo(Math.min(...ends), 2)).toBe(0.03);
      expect(roundedTo(Math.max(...ends), 2)).toBe(0.23);
    },
    'per-step': ({ runs }) => {
      expect(roundedTo(distance(pointAt(runs[2], 64), LEAST_SQUARES), 3)).toBe(0.006);
      expect(roundedTo(distance(pointAt(runs[0], 64), LEAST_SQUARES), 2)).toBe(0.12);
      // Still jittering: its last steps are far from shrinking to nothing.
      expect(Math.hypot(runs[0].x[64] - runs[0].x[63], runs[0].y[64] - runs[0].y[63])).toBeGreaterThan(1e-3);
    },
  },
  answers: {
    0: ({ runs, specs }) => indexOfLeast(runs.map((path, i) => distance(pointAt(path, epochSteps(specs[i].datasetSize!, specs[i].batchSize!)), LEAST_SQUARES))),
  },
};
