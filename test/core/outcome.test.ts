import { describe, expect, it } from 'vitest';
import {
  DIVERGENCE_SPANS,
  describeOutcome,
  lowestKnownLoss,
  makeBowl,
  OPTIMIZER_IDS,
  simulate,
  surfaceList,
  surfaces,
  type Surface,
} from '../../src/core/index.ts';
import { surfaceFromExpression } from '../../src/core/expression/index.ts';

const bowl5 = makeBowl(5);

describe('divergence means running away', () => {
  it('SGD on the κ = 5 bowl diverges within 100 steps at η = 1.05 and 1.1, not at 0.99', () => {
    // The steep curvature is 2 on every bowl: the steep component is multiplied by |1 − 2η| per step,
    // 1.1 at η = 1.05 and 1.2 at η = 1.1 (growing), 0.98 at η = 0.99 (shrinking).
    const run = (lr: number) => simulate({ surface: bowl5, optimizer: 'sgd', lr, start: [-2.5, 2], steps: 100 });
    const [slow, fast, stable] = [run(1.05), run(1.1), run(0.99)];
    for (const path of [slow, fast]) {
      expect(path.diverged).toBe(true);
      expect(path.divergedAt).toBeGreaterThan(0);
      expect(path.divergedAt).toBeLessThan(100);
      expect(path.leftDomainAt).toBe(1);
      expect(describeOutcome(path, bowl5).phrases).toEqual([`diverged at step ${path.divergedAt}`, 'left the plot at step 1']);
    }
    // 1.2× per step passes 5 plot widths sooner than 1.1×.
    expect(fast.divergedAt).toBeLessThan(slow.divergedAt);
    expect(stable.diverged).toBe(false);
    expect(describeOutcome(stable, bowl5).kind).not.toBe('diverged');
  });

  it('a path that leaves the plot and comes back is not diverged', () => {
    // RMSprop's first step is η/√(1 − α) = 10η per coordinate: with η = 0.9 it jumps 9 out of the [−3, 3] plot, then returns.
    const path = simulate({ surface: 'bowl', optimizer: 'rmsprop', lr: 0.9, start: [-2.5, 2], steps: 300 });
    expect(path.leftDomainAt).toBe(1);
    expect(path.diverged).toBe(false);
    expect(path.divergedAt).toBe(-1);
    const last = path.length - 1;
    expect(Math.abs(path.x[last])).toBeLessThan(3);
    expect(describeOutcome(path, surfaces.bowl).phrases).toContain('left the plot at step 1');
  });

  it('raises no false alarm: every built-in surface × optimizer at its suggested start and learning rate', { timeout: 300_000 }, () => {
    const diverged: string[] = [];
    for (const surface of surfaceList) {
      for (const optimizer of OPTIMIZER_IDS) {
        const spec = { surface, optimizer, lr: surface.suggestedLr, start: surface.suggestedStart, steps: 2000 } as const;
        const path = simulate(spec);
        if (!path.diverged) continue;
        diverged.push(`${optimizer} on ${surface.id}`);
        // A true alarm: with the plot (and so the stopping bound) a million times larger, the same run still runs away.
        const wide: Surface = { ...surface, domain: { x: [surface.domain.x[0] * 1e6, surface.domain.x[1] * 1e6], y: [surface.domain.y[0] * 1e6, surface.domain.y[1] * 1e6] } };
        const free = simulate({ ...spec, surface: wide });
        const far = DIVERGENCE_SPANS * Math.max(surface.domain.x[1] - surface.domain.x[0], surface.domain.y[1] - surface.domain.y[0]);
        const end = free.length - 1;
        expect(free.diverged || Math.max(Math.abs(free.x[end]), Math.abs(free.y[end])) > far).toBe(true);
      }
    }
    // Every alarm above is confirmed. Among the built-in surfaces there is one: Nesterov with μ = 0.9 is stable on a quadratic
    // only for η·λ < 2(1 + μ)/(1 + 2μ) ≈ 1.36, and the bowl's λ = 2 with its suggested η = 0.9 (chosen for SGD, stable
    // below 1) gives 1.8. (Not an exact list: surfaces added later may have their own true alarms.)
    expect(diverged).toContain('nesterov on bowl');
  });
});

describe('describeOutcome', () => {
  it('says the same about Adam on valleys after 200 and after 100,000 steps', { timeout: 60_000 }, () => {
    for (const lr of [0.01, 0.05, 0.08, 0.1]) {
      const spec = { surface: 'valleys', optimizer: 'adam', lr, start: [3, -2.25], steps: 200 } as const;
      const short = describeOutcome(simulate(spec), surfaces.valleys);
      const long = describeOutcome(simulate({ ...spec, steps: 100_000 }), surfaces.valleys);
      if (short.convergedAt >= 0) expect(long.convergedAt).toBe(short.convergedAt);
      // A longer run may see convergence the short one had no room to confirm, but never contradicts it.
      if (long.convergedAt >= 0 && long.convergedAt < 190) expect(short.convergedAt).toBe(long.convergedAt);
    }
  });

  it('names the minimum reached and whether it is a local one', () => {
    // SGD from the suggested start drains into the shallowest well; Adam's larger steps reach the deepest.
    const sgd = describeOutcome(simulate({ surface: 'valleys', optimizer: 'sgd', lr: 0.1, start: [3, -2.25], steps: 500 }), surfaces.valleys);
    expect(sgd).toMatchObject({ kind: 'converged', minimum: 2, localMinimum: true });
    expect(sgd.text).toBe(`converged at step ${sgd.convergedAt} · reached minimum 3 (a local minimum)`);
    const adam = describeOutcome(simulate({ surface: 'valleys', optimizer: 'adam', lr: 0.1, start: [3, -2.25], steps: 1000 }), surfaces.valleys);
    expect(adam).toMatchObject({ kind: 'converged', minimum: 0, localMinimum: false });
    expect(adam.gap).toBeLessThan(1e-10);
    // Himmelblau's four minima are equally deep: whichever is reached is global.
    const himmelblau = describeOutcome(simulate({ surface: 'himmelblau', optimizer: 'lbfgs', lr: 1, lineSearch: 'strong-wolfe', start: [-0.5, -0.5], steps: 50 }), surfaces.himmelblau);
    expect(himmelblau.kind).toBe('converged');
    expect(himmelblau.localMinimum).toBe(false);
  });

  it('calls a noisy mini-batch walk still moving', () => {
    const noisy = simulate({ surface: 'bowl', optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 2000, batchSize: 4 });
    expect(describeOutcome(noisy, surfaces.bowl)).toMatchObject({ kind: 'moving', convergedAt: -1 });
  });

  it('says "undefined here" when the loss is not a number at the start, as log(−1) is', () => {
    const result = surfaceFromExpression('log(x) + y^2', { x: [-2, 2], y: [-2, 2] });
    if (!result.ok) throw new Error(result.error.message);
    const path = simulate({ surface: result.surface, optimizer: 'sgd', lr: 0.1, start: [-1, 0], steps: 10 });
    expect(path.length).toBe(0);
    expect(path.startLoss).toBeNaN();
    expect(describeOutcome(path, result.surface)).toMatchObject({ kind: 'undefined', text: 'the loss is undefined at the start' });
  });

  it('exports the lowest known loss L* for plotting L − L*', () => {
    expect(lowestKnownLoss(surfaces.bowl)).toBe(0);
    expect(lowestKnownLoss(surfaces['six-hump-camel'])).toBeCloseTo(-1.0316284535, 9);
    expect(lowestKnownLoss(surfaces['goldstein-price'])).toBeCloseTo(3, 12);
    expect(lowestKnownLoss({ ...surfaces.booth, minima: [] })).toBeNull();
  });
});
