import { afterEach, describe, expect, it } from 'vitest';
import { learningRateGrid, tuneLearningRate } from '../../src/core/index.ts';
import { searchLearningRate } from '../../src/state/tune.ts';
import { createMapPool } from '../../src/worker/pool.ts';
import type { MapPool } from '../../src/worker/poolTypes.ts';
import type { WireRunSpec } from '../../src/worker/protocol.ts';

let pool: MapPool | null = null;
afterEach(() => pool?.dispose());

describe('Tune η on the map worker pool', () => {
  it('finds what core’s tuneLearningRate finds, trial for trial, whichever worker scored what', async () => {
    // A learning rate on the grid itself, so both searches score the same list.
    const lr = learningRateGrid()[9];
    const spec: WireRunSpec = { surface: { kind: 'builtin', id: 'rosenbrock' }, optimizer: 'adam', lr, start: [-1.2, 1], steps: 300 };
    pool = createMapPool({ size: 3 });
    const progress: [number, number][] = [];
    const search = await searchLearningRate(pool, spec, { onProgress: (done, planned) => progress.push([done, planned]) });
    const expected = tuneLearningRate({ ...spec, surface: 'rosenbrock' });
    expect(search.trials).toEqual(expected.trials);
    expect(search.best).toEqual(expected.best);
    expect(search.current.lr).toBe(lr);
    expect(search.best.finalLoss).toBeLessThanOrEqual(search.current.finalLoss);
    expect(progress.at(-1)).toEqual([expected.trials.length, expected.trials.length]);
  });

  it('on the κ = 5 bowl, plain SGD’s best η is below the stability limit 2/λmax = 1 and beats a timid η', async () => {
    const spec: WireRunSpec = { surface: { kind: 'bowl', condition: 5 }, optimizer: 'sgd', lr: 0.005, start: [-2.5, 2], steps: 100 };
    pool = createMapPool({ size: 2 });
    const search = await searchLearningRate(pool, spec);
    expect(search.best.lr).toBeGreaterThan(0.1);
    expect(search.best.lr).toBeLessThan(1);
    expect(search.best.diverged).toBe(false);
    expect(search.current.finalLoss).toBeGreaterThan(1);
    expect(search.best.finalLoss).toBeLessThan(1e-6);
    // Learning rates above the limit diverged and scored +∞.
    expect(search.trials.filter((trial) => trial.lr > 1.05).every((trial) => trial.diverged && trial.finalLoss === Infinity)).toBe(true);
    // Deterministic: a second search gives the same answer.
    const again = await searchLearningRate(pool, spec);
    expect(again.trials).toEqual(search.trials);
  });

  it('says in plain words when the run cannot be scored', async () => {
    pool = createMapPool({ size: 2 });
    const spec: WireRunSpec = { surface: { kind: 'builtin', id: 'atlantis' }, optimizer: 'sgd', lr: 0.1, start: [0, 0], steps: 10 };
    await expect(searchLearningRate(pool, spec)).rejects.toThrow(/atlantis/);
  });
});
