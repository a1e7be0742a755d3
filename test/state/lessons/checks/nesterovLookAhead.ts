import { expect } from 'vitest';
import { climbs, distance, firstStep, type LessonChecks } from '../runLesson.ts';

export const nesterovLookAheadChecks: LessonChecks = {
  claims: {
    /**
     * The notes' Nesterov by hand: v₀ = 0, vₜ = μvₜ₋₁ − η∇L(wₜ₋₁ + μvₜ₋₁), wₜ = wₜ₋₁ + vₜ.
     * With φ = w + μv: φₜ = φₜ₋₁ − η((1 + μ)∇L(φₜ₋₁) − μ²vₜ₋₁/η), and with v = −ηb that is torch's
     * θₜ = θₜ₋₁ − η(gₜ + μbₜ), bₜ = μbₜ₋₁ + gₜ. So torch's θₜ is the notes' wₜ + μvₜ, step for step.
     */
    'torch-is-look-ahead': ({ runs, specs }) => {
      const { surface, lr, momentum, start, steps } = specs[1];
      const mu = momentum!;
      const g = new Float64Array(2);
      let [wx, wy] = start;
      let [vx, vy] = [0, 0];
      for (let t = 1; t <= steps; t++) {
        surface.gradient(wx + mu * vx, wy + mu * vy, g);
        vx = mu * vx - lr * g[0];
        vy = mu * vy - lr * g[1];
        wx += vx;
        wy += vy;
        expect(distance([wx + mu * vx, wy + mu * vy], [runs[1].x[t], runs[1].y[t]]), `step ${t}`).toBeLessThan(1e-12);
      }
    },
    'first-below': ({ runs }) => {
      expect(firstStep(runs[1], (t) => runs[1].loss[t] < 1e-6)).toBe(61);
      expect(firstStep(runs[0], (t) => runs[0].loss[t] < 1e-6)).toBe(126);
    },
    'fewer-climbs': ({ runs }) => {
      expect(runs[1].length - 1).toBe(200);
      expect(climbs(runs[1])).toBe(66);
      expect(climbs(runs[0])).toBe(90);
    },
  },
  answers: {
    // Momentum first (0), Nesterov in about half the steps (1), the same step (2).
    0: ({ runs }) => {
      const [momentum, nesterov] = runs.map((path) => firstStep(path, (t) => path.loss[t] < 1e-6));
      if (momentum === nesterov) return 2;
      return nesterov < momentum && nesterov <= 0.6 * momentum ? 1 : 0;
    },
  },
};
