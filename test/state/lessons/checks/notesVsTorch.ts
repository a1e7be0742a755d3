import { expect } from 'vitest';
import { learningRateAt, optimizerDefaults, simulate, type Schedule, type Surface, type Trajectory } from '../../../../src/core/index.ts';
import { climbs, distance, finalLoss, roundedTo, type LessonChecks } from '../runLesson.ts';

/**
 * The notes' momentum, by hand: v₀ = 0, vₜ = μvₜ₋₁ − ηₜ∇L(wₜ₋₁), wₜ = wₜ₋₁ + vₜ.
 * Worked out for this lesson's bowl from w₀ = (−2.5, 2): ∇L(w₀) = g₁, v₁ = −0.1 g₁ — the same first
 * step as torch's b₁ = g₁, θ₁ = θ₀ − 0.1 b₁. Then v₂ = 0.9 v₁ − 0.1 g₂ = −0.1 (0.9 g₁ + g₂) = −0.1 b₂:
 * with η constant, v = −ηb at every step. Once ηₜ changes, torch scales all of b by the new ηₜ while
 * v keeps the old one's contributions, and the two part.
 */
function notesPath(surface: Surface, lr: number, momentum: number, schedule: Schedule, start: readonly [number, number], steps: number): { x: number[]; y: number[] } {
  const g = new Float64Array(2);
  let [x, y] = start;
  let [vx, vy] = [0, 0];
  const path = { x: [x], y: [y] };
  for (let t = 0; t < steps; t++) {
    surface.gradient(x, y, g);
    const eta = learningRateAt(lr, schedule, t);
    vx = momentum * vx - eta * g[0];
    vy = momentum * vy - eta * g[1];
    x += vx;
    y += vy;
    path.x.push(x);
    path.y.push(y);
  }
  return path;
}

type Path = { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> };
const stepLength = (path: Path, i: number) => Math.hypot(path.x[i + 1] - path.x[i], path.y[i + 1] - path.y[i]);
const travelledFrom = (path: Path, from: number, to: number) => {
  let total = 0;
  for (let i = from; i < to; i++) total += stepLength(path, i);
  return total;
};

export const notesVsTorchChecks: LessonChecks = {
  claims: {
    'same-rule': ({ runs, specs }) => {
      const { surface, lr, momentum, start, steps } = specs[0];
      const notes = notesPath(surface, lr, momentum!, { type: 'constant' }, start, steps);
      for (let i = 0; i <= steps; i++) expect(distance([notes.x[i], notes.y[i]], [runs[0].x[i], runs[0].y[i]])).toBeLessThan(1e-14);
    },
    'torch-brakes': ({ runs }) => {
      expect(roundedTo(stepLength(runs[1], 10) / stepLength(runs[1], 9), 2)).toBe(0.09);
    },
    'notes-coast': ({ specs }) => {
      const { surface, lr, momentum, schedule, start, steps } = specs[1];
      const notes = notesPath(surface, lr, momentum!, schedule!, start, steps);
      expect(roundedTo(stepLength(notes, 10) / stepLength(notes, 9), 2)).toBe(0.9);
    },
    'distance-after': ({ runs, specs }) => {
      const { surface, lr, momentum, schedule, start, steps } = specs[1];
      const notes = notesPath(surface, lr, momentum!, schedule!, start, steps);
      expect(roundedTo(travelledFrom(runs[1], 10, steps), 2)).toBe(0.36);
      expect(roundedTo(travelledFrom(notes, 10, steps), 1)).toBe(4.1);
    },
    apart: ({ runs, specs }) => {
      const { surface, lr, momentum, schedule, start, steps } = specs[1];
      const notes = notesPath(surface, lr, momentum!, schedule!, start, steps);
      expect(roundedTo(distance([notes.x[steps], notes.y[steps]], [runs[1].x[steps], runs[1].y[steps]]), 1)).toBe(1.9);
      const constant = notesPath(surface, lr, momentum!, { type: 'constant' }, start, steps);
      let largest = 0;
      for (let i = 0; i <= steps; i++) largest = Math.max(largest, distance([constant.x[i], constant.y[i]], [runs[0].x[i], runs[0].y[i]]));
      expect(largest).toBeGreaterThan(0);
      expect(largest).toBeLessThan(1e-14);
    },
    defaults: ({ specs }) => {
      expect(optimizerDefaults('rmsprop').alpha).toBe(0.99);
      expect(optimizerDefaults('adam').beta2).toBe(0.999);
      expect(specs[2].alpha).toBe(0.99);
    },
    'short-memory-hops': ({ runs, specs }) => {
      const path = runs[3];
      const moves: number[] = [];
      for (let i = 200; i < 300; i++) moves.push(Math.abs(path.x[i + 1] - path.x[i]) / specs[3].lr, Math.abs(path.y[i + 1] - path.y[i]) / specs[3].lr);
      moves.sort((a, b) => a - b);
      expect(moves[moves.length >> 1]).toBeGreaterThan(0.8);
      expect(moves[moves.length >> 1]).toBeLessThan(1.2);
      expect(roundedTo(finalLoss(path) * 1e4, 1)).toBe(9.5);
      expect(climbs(path, 0, 201)).toBe(49);
    },
    'long-memory-settles': ({ runs }) => {
      expect(Math.round(Math.log10(finalLoss(runs[2])))).toBe(-12);
      expect(climbs(runs[2])).toBe(0);
    },
    'adam-beta2': () => {
      const run = (beta2: number): Trajectory => simulate({ surface: 'rosenbrock', optimizer: 'adam', lr: 0.2, beta2, start: [-1.2, 1], steps: 1000 });
      expect(roundedTo(finalLoss(run(0.99)) * 1e3, 1)).toBe(1.2);
      expect(roundedTo(finalLoss(run(0.999)) * 1e9, 0)).toBe(2);
    },
  },
  answers: {
    // The first step after the drop, as a share of the one before: torch's against the notes'.
    0: ({ runs, specs }) => {
      const { surface, lr, momentum, schedule, start, steps } = specs[1];
      const notes = notesPath(surface, lr, momentum!, schedule!, start, steps);
      const [torchShare, notesShare] = [stepLength(runs[1], 10) / stepLength(runs[1], 9), stepLength(notes, 10) / stepLength(notes, 9)];
      if (torchShare > 0.5 && notesShare > 0.5) return 0;
      return torchShare < notesShare ? 1 : 2;
    },
    // The one whose loss still rises in its last 100 steps.
    1: ({ runs }) => (climbs(runs[3], 0, 201) > climbs(runs[2], 0, 201) ? 1 : 0),
  },
};
