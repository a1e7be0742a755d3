import { expect } from 'vitest';
import type { Point } from '../../../../src/core/index.ts';
import { distance, finalLoss, finalPoint, nearestMinimum, roundedTo, type LessonChecks, type LessonOutcome } from '../runLesson.ts';

/** Minima of the valleys surface, deepest first. */
const [DEEPEST, MIDDLE, SHALLOW] = [0, 1, 2];

/** The well a run ends in (−1 if it is not within 10⁻³ of one). */
function endWell({ runs, specs }: LessonOutcome, run: number): number {
  const end = finalPoint(runs[run]);
  const well = nearestMinimum(specs[run].surface, end);
  return distance(end, specs[run].surface.minima[well]) < 1e-3 ? well : -1;
}

/** The basin a point lies in: the well plain gradient descent (run 1's settings) ends in from there. */
function basinOf(outcome: LessonOutcome, point: Point): number {
  const path = outcome.rerun(0, { start: point, steps: 2000 });
  return nearestMinimum(outcome.specs[0].surface, finalPoint(path));
}

export const momentumValleysChecks: LessonChecks = {
  claims: {
    wells: ({ specs }) => {
      const { minima, loss } = specs[0].surface;
      expect(minima.map(([x, y]) => [roundedTo(x, 2), roundedTo(y, 2)])).toEqual([
        [1.47, 0.98],
        [-1.47, -0.49],
        [0.59, -2.15],
      ]);
      const depths = minima.map(([x, y]) => loss(x, y));
      expect(depths[DEEPEST]).toBeLessThan(depths[MIDDLE]);
      expect(depths[MIDDLE]).toBeLessThan(depths[SHALLOW]);
    },
    'sgd-shallow': (outcome) => {
      expect(endWell(outcome, 0)).toBe(SHALLOW);
      expect(basinOf(outcome, outcome.specs[0].start)).toBe(SHALLOW);
    },
    'half-shallow': (outcome) => {
      expect(endWell(outcome, 1)).toBe(SHALLOW);
    },
    'heavy-deepest': (outcome) => {
      const path = outcome.runs[2];
      const basins = Array.from({ length: 16 }, (_, i) => basinOf(outcome, [path.x[i], path.y[i]]));
      expect(basins.slice(0, 11).every((basin) => basin === SHALLOW)).toBe(true);
      expect(basins.slice(11).every((basin) => basin === DEEPEST)).toBe(true);
      expect(endWell(outcome, 2)).toBe(DEEPEST);
      expect(roundedTo(finalLoss(path), 2)).toBe(-1.84);
      expect(roundedTo(finalLoss(outcome.runs[0]), 2)).toBe(-0.75);
    },
    'counter-start': (outcome) => {
      expect(outcome.specs[3].start).toEqual([3.5, -2.5]);
      expect(endWell(outcome, 3)).toBe(DEEPEST);
    },
    'heavier-past': (outcome) => {
      const path = outcome.runs[4];
      const basins = Array.from({ length: 25 }, (_, i) => basinOf(outcome, [path.x[i], path.y[i]]));
      expect(basins.flatMap((basin, step) => (basin === DEEPEST ? [step] : []))).toEqual([13, 14, 15, 16, 17, 18]);
      expect(endWell(outcome, 4)).toBe(MIDDLE);
      expect(roundedTo(finalLoss(path), 2)).toBe(-1.28);
    },
  },
  answers: {
    // Options list the wells as shallow, deepest, middle.
    0: (outcome) => [SHALLOW, DEEPEST, MIDDLE].indexOf(endWell(outcome, 2)),
    1: (outcome) => [SHALLOW, DEEPEST, MIDDLE].indexOf(endWell(outcome, 4)),
  },
};
