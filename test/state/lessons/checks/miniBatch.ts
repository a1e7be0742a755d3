import { expect } from 'vitest';
import { LEAST_SQUARES, type Trajectory } from '../../../../src/core/index.ts';
import { distance, finalPoint, indexOfLeast, roundedTo, type LessonChecks } from '../runLesson.ts';

/** Mean step length over the last 100 steps. */
function jitter(path: Trajectory): number {
  let total = 0;
  for (let i = path.length - 101; i < path.length - 1; i++) total += Math.hypot(path.x[i + 1] - path.x[i], path.y[i + 1] - path.y[i]);
  return total / 100;
}

export const miniBatchChecks: LessonChecks = {
  claims: {
    rows: ({ setup, specs }) => {
      expect(setup.datasetSize).toBe(64);
      // L is the mean of the rows' losses, at the start as anywhere.
      const { loss, examples } = specs[0].surface;
      const [x, y] = specs[0].start;
      let total = 0;
      for (let i = 0; i < examples!.size; i++) total += examples!.exampleLoss(i, x, y);
      expect(total / examples!.size).toBeCloseTo(loss(x, y), 12);
      expect(specs.map((spec) => spec.batchSize)).toEqual([1, 16, 64]);
    },
    'one-spiky': ({ runs }) => {
      expect(roundedTo(jitter(runs[0]) / jitter(runs[1]), 1)).toBe(4.3);
    },
    'full-smooth': ({ runs }) => {
      expect(jitter(runs[1]) / jitter(runs[2])).toBeGreaterThan(1000);
    },
    'same-answer': ({ runs }) => {
      for (const path of runs) expect(distance(finalPoint(path), LEAST_SQUARES)).toBeLessThan(0.03);
    },
  },
  answers: {
    0: ({ runs }) => indexOfLeast(runs.map((path) => -jitter(path))),
  },
};
