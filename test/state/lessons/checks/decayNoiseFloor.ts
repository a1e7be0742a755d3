import { expect } from 'vitest';
import { LEAST_SQUARES, surfaces } from '../../../../src/core/index.ts';
import { distance, finalPoint, roundedTo, type LessonChecks, type LessonOutcome } from '../runLesson.ts';

const away = (outcome: LessonOutcome, run: number, seed?: number) =>
  distance(finalPoint(seed === undefined ? outcome.runs[run] : outcome.rerun(run, { seed })), LEAST_SQUARES);

export const decayNoiseFloorChecks: LessonChecks = {
  claims: {
    'noisy-at-answer': () => {
      const surface = surfaces['linear-regression'];
      const examples = surface.examples!;
      const full = new Float64Array(2);
      surface.gradient(LEAST_SQUARES[0], LEAST_SQUARES[1], full);
      expect(Math.hypot(full[0], full[1])).toBeLessThan(1e-12);
      let total = 0;
      for (let i = 0; i < examples.size; i++) {
        const row = new Float64Array(2);
        examples.exampleGradient(i, LEAST_SQUARES[0], LEAST_SQUARES[1], row);
        total += Math.hypot(row[0], row[1]);
      }
      expect(total / examples.size).toBeGreaterThan(0.5);
    },
    'constant-hops': ({ runs }) => {
      const path = runs[0];
      // Its last 100 steps are as long on average as its distance to the answer is small: it is not settling.
      let travelled = 0;
      for (let i = 300; i < 400; i++) travelled += Math.hypot(path.x[i + 1] - path.x[i], path.y[i + 1] - path.y[i]);
      expect(travelled / 100).toBeGreaterThan(0.02);
      // And it is not closing in: its mean distance over steps 300–400 is no smaller than half that over 200–300.
      const meanDistance = (from: number, to: number) => {
        let total = 0;
        for (let i = from; i < to; i++) total += distance([path.x[i], path.y[i]], LEAST_SQUARES);
        return total / (to - from);
      };
      expect(meanDistance(300, 400)).toBeGreaterThan(0.5 * meanDistance(200, 300));
    },
    'ten-times': (outcome) => {
      expect(roundedTo(away(outcome, 0), 2)).toBe(0.22);
      expect(roundedTo(away(outcome, 1), 3)).toBe(0.025);
      expect(roundedTo(away(outcome, 0) / away(outcome, 1), 1)).toBe(8.6);
    },
    seeds: (outcome) => {
      const ratios = Array.from({ length: 20 }, (_, i) => away(outcome, 0, i + 1) / away(outcome, 1, i + 1)).sort((a, b) => a - b);
      expect(ratios[0]).toBeGreaterThan(1);
      expect(roundedTo(ratios[0], 1)).toBe(2.7);
      expect(Math.round(ratios[19])).toBe(90);
      expect(roundedTo((ratios[9] + ratios[10]) / 2, 1)).toBe(9.8);
    },
  },
  answers: {
    // About as close (0), twice (1), ten times (2), farther (3): the nearest on a log scale.
    0: (outcome) => {
      const ratio = away(outcome, 0) / away(outcome, 1);
      if (ratio < 1) return 3;
      const levels = [1, 2, 10];
      return levels.reduce((best, level, index) => (Math.abs(Math.log(ratio / level)) < Math.abs(Math.log(ratio / levels[best])) ? index : best), 0);
    },
  },
};
