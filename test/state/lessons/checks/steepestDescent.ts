import { expect } from 'vitest';
import type { Surface } from '../../../../src/core/index.ts';
import { roundedTo, type LessonChecks, type LessonOutcome } from '../runLesson.ts';

/** The gradient at the lesson's start. */
function gradientAtStart({ specs }: LessonOutcome): { surface: Surface; start: readonly [number, number]; g: Float64Array; norm: number } {
  const { surface, start } = specs[0];
  const g = new Float64Array(2);
  surface.gradient(start[0], start[1], g);
  return { surface, start, g, norm: Math.hypot(g[0], g[1]) };
}

/** The change of L over a step of `length` turned anticlockwise by `degrees` from −∇L, and its first-order part ∇L·Δ. */
function turnedStep(outcome: LessonOutcome, length: number, degrees: number): { change: number; firstOrder: number } {
  const { surface, start, g, norm } = gradientAtStart(outcome);
  const angle = (degrees * Math.PI) / 180;
  const [dx, dy] = [-g[0] / norm, -g[1] / norm];
  const step = [length * (dx * Math.cos(angle) - dy * Math.sin(angle)), length * (dx * Math.sin(angle) + dy * Math.cos(angle))];
  const change = surface.loss(start[0] + step[0], start[1] + step[1]) - surface.loss(start[0], start[1]);
  return { change, firstOrder: g[0] * step[0] + g[1] * step[1] };
}

const ANGLES = [0, 45, 90, 135, 180];

export const steepestDescentChecks: LessonChecks = {
  claims: {
    start: (outcome) => {
      const { g, norm } = gradientAtStart(outcome);
      expect(roundedTo(outcome.runs[0].loss[0], 1)).toBe(13.3);
      expect([roundedTo(g[0], 2), roundedTo(g[1], 2)]).toEqual([-6.26, 4.19]);
      expect(roundedTo(norm, 2)).toBe(7.53);
    },
    steepest: (outcome) => {
      // Among 3,600 directions of a small step, the lowest loss lies along −∇L (within a tenth of a degree).
      const changes = Array.from({ length: 3600 }, (_, tenth) => turnedStep(outcome, 1e-4, tenth / 10).change);
      const best = changes.indexOf(Math.min(...changes));
      expect(Math.min(best, 3600 - best)).toBeLessThanOrEqual(1);
    },
    'step-length': ({ runs }) => {
      const [path] = runs;
      expect(roundedTo(Math.hypot(path.x[1] - path.x[0], path.y[1] - path.y[0]), 4)).toBe(0.0753);
    },
    'by-angle': (outcome) => {
      expect(ANGLES.map((degrees) => roundedTo(turnedStep(outcome, 0.0753, degrees).change, 2))).toEqual([-0.56, -0.39, 0.01, 0.41, 0.57]);
    },
    cosine: (outcome) => {
      const { norm } = gradientAtStart(outcome);
      expect(roundedTo(-0.0753 * norm, 3)).toBe(-0.567);
      for (const degrees of ANGLES) {
        expect(turnedStep(outcome, 0.0753, degrees).firstOrder).toBeCloseTo(-0.0753 * norm * Math.cos((degrees * Math.PI) / 180), 12);
      }
      expect(Math.abs(turnedStep(outcome, 0.0753, 90).firstOrder)).toBeLessThan(1e-12);
    },
    'curvature-left': (outcome) => {
      // L is a quadratic, so what first order leaves out is exactly ½ΔᵀHΔ; at 90° that is all there is.
      const { surface, g, norm } = gradientAtStart(outcome);
      const [g0, gx, gy] = [new Float64Array(2), new Float64Array(2), new Float64Array(2)];
      surface.gradient(0, 0, g0);
      surface.gradient(1, 0, gx);
      surface.gradient(0, 1, gy);
      const step = [0.0753 * (g[1] / norm), 0.0753 * (-g[0] / norm)]; // −∇L turned by 90° anticlockwise
      const hStep = [(gx[0] - g0[0]) * step[0] + (gy[0] - g0[0]) * step[1], (gx[1] - g0[1]) * step[0] + (gy[1] - g0[1]) * step[1]];
      const curvature = 0.5 * (step[0] * hStep[0] + step[1] * hStep[1]);
      const { change } = turnedStep(outcome, 0.0753, 90);
      expect(change).toBeCloseTo(curvature, 12);
      expect(curvature).toBeGreaterThan(0);
      expect(roundedTo(change, 2)).toBe(0.01);
    },
    'small-step': (outcome) => {
      const { norm } = gradientAtStart(outcome);
      const [path] = outcome.runs;
      expect(roundedTo(-0.01 * norm * norm, 3)).toBe(-0.567);
      expect(roundedTo(path.loss[1] - path.loss[0], 3)).toBe(-0.561);
    },
    'big-step': (outcome) => {
      const { norm } = gradientAtStart(outcome);
      expect(roundedTo(-0.3 * norm * norm, 1)).toBe(-17);
    },
    'two-thirds': (outcome) => {
      const { norm } = gradientAtStart(outcome);
      const path = outcome.runs[1];
      const change = path.loss[1] - path.loss[0];
      expect(roundedTo(change, 1)).toBe(-11.2);
      expect(change / (-0.3 * norm * norm)).toBeCloseTo(2 / 3, 1);
    },
    'longer-worse': (outcome) => {
      const { norm } = gradientAtStart(outcome);
      const shares = [0.01, 0.05, 0.1, 0.2, 0.3].map((lr) => {
        const path = outcome.rerun(0, { lr, steps: 1 });
        return (path.loss[1] - path.loss[0]) / (-lr * norm * norm);
      });
      for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeLessThan(shares[i - 1]);
    },
  },
  answers: {
    // The 90° step against the 0° one: barely changes (1), falls (0) or rises (2).
    0: (outcome) => {
      const along = turnedStep(outcome, 0.0753, 0).change;
      const across = turnedStep(outcome, 0.0753, 90).change;
      if (Math.abs(across) < 0.1 * Math.abs(along)) return 1;
      return across < 0 ? 0 : 2;
    },
    1: ({ runs }) => runs[1].loss[1] - runs[1].loss[0],
  },
};
