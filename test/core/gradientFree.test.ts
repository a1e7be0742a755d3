import { describe, expect, it } from 'vitest';
import { simulate, surfaceList, type RunSpec } from '../../src/core/index.ts';

const variants: readonly Pick<RunSpec, 'optimizer' | 'sampling'>[] = [
  { optimizer: 'random-search', sampling: 'local' },
  { optimizer: 'random-search', sampling: 'uniform' },
  { optimizer: 'evolution' },
];

describe('gradient-free baselines', () => {
  for (const variant of variants) {
    const name = `${variant.optimizer}${variant.sampling === undefined ? '' : ` (${variant.sampling})`}`;

    it(`${name} never increases the best loss, on every surface`, { timeout: 60_000 }, () => {
      for (const surface of surfaceList) {
        const path = simulate({ ...variant, surface: surface.id, lr: 1, start: surface.suggestedStart, steps: 300 });
        expect(path.length).toBe(301);
        for (let k = 1; k < path.length; k++) expect(path.loss[k]).toBeLessThanOrEqual(path.loss[k - 1]);
        expect(path.loss[300]).toBeLessThan(path.loss[0]);
        // The path is the best point found: its stored loss is the loss there.
        expect(path.loss[300]).toBe(surface.loss(path.x[300], path.y[300]));
      }
    });

    it(`${name} is reproducible by seed and differs between seeds`, () => {
      const spec: RunSpec = { ...variant, surface: 'himmelblau', lr: 1, start: [-0.5, -0.5], steps: 100, seed: 42 };
      const first = simulate(spec);
      const again = simulate(spec);
      const other = simulate({ ...spec, seed: 43 });
      expect(again.x).toEqual(first.x);
      expect(again.y).toEqual(first.y);
      expect(other.x).not.toEqual(first.x);
    });
  }

  it('count loss evaluations only: the start, then the candidates or the new generation of each step', () => {
    const search = simulate({ surface: 'bowl', optimizer: 'random-search', lr: 1, start: [-2.5, 2], steps: 3, candidates: 5 });
    expect(Array.from(search.lossEvaluations)).toEqual([1, 6, 11, 16]);
    expect(Array.from(search.gradientEvaluations)).toEqual([0, 0, 0, 0]);
    const evolution = simulate({ surface: 'bowl', optimizer: 'evolution', lr: 1, start: [-2.5, 2], steps: 3, populationSize: 10 });
    expect(Array.from(evolution.lossEvaluations)).toEqual([1, 10, 19, 28]);
  });

  it('find the global minimum of the bowl and Rosenbrock within 300 steps (local sampling)', () => {
    for (const optimizer of ['random-search', 'evolution'] as const) {
      expect(simulate({ surface: 'bowl', optimizer, lr: 1, start: [-2.5, 2], steps: 300 }).loss[300]).toBeLessThan(1e-12);
      expect(simulate({ surface: 'rosenbrock', optimizer, lr: 1, start: [-1.2, 1], steps: 300 }).loss[300]).toBeLessThan(1e-4);
    }
  });

  it('ignore the learning rate and the batch size', () => {
    const base: RunSpec = { surface: 'valleys', optimizer: 'evolution', lr: 1, start: [3, -2.25], steps: 50 };
    expect(simulate({ ...base, lr: 1e-4, batchSize: 8 }).x).toEqual(simulate(base).x);
  });
});
