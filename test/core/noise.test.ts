import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_SIZE, defaultNoise, MiniBatchGradient, perturbations, simulate, surfaceList, surfaces, type RunSpec } from '../../src/core/index.ts';

const base: RunSpec = { surface: 'bowl', optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 300 };

describe('mini-batches of a true finite sum', () => {
  it('perturbations are exactly centered with population spread 1', () => {
    for (const size of [2, 10, 256, 1000]) {
      const { a, b } = perturbations(size);
      for (const values of [a, b]) {
        const mean = values.reduce((sum, v) => sum + v, 0) / size;
        const spread = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / size);
        expect(Math.abs(mean)).toBeLessThan(1e-15);
        expect(spread).toBeCloseTo(1, 12);
      }
    }
    expect(DEFAULT_DATASET_SIZE).toBe(256);
  });

  it('B = N reproduces full-batch gradient descent exactly', () => {
    for (const optimizer of ['sgd', 'adam', 'rmsprop'] as const) {
      const full = simulate({ ...base, optimizer });
      const batched = simulate({ ...base, optimizer, batchSize: 256, datasetSize: 256, noise: 5, seed: 99 });
      expect(batched.x).toEqual(full.x);
      expect(batched.y).toEqual(full.y);
      expect(batched.loss).toEqual(full.loss);
    }
    const regression = { ...base, surface: 'linear-regression', start: [-0.5, 1.5] as const };
    expect(simulate({ ...regression, batchSize: 64 }).x).toEqual(simulate(regression).x);
  });

  it('B < N is noisy, and the same seed reproduces the same path', () => {
    const spec = { ...base, batchSize: 1, seed: 7 };
    const first = simulate(spec);
    const again = simulate(spec);
    const other = simulate({ ...spec, seed: 8 });
    const full = simulate(base);
    expect(again.x).toEqual(first.x);
    expect(again.y).toEqual(first.y);
    expect(other.x).not.toEqual(first.x);
    expect(first.x).not.toEqual(full.x);
    expect(first.diverged).toBe(false);
  });

  it('linear-regression batches are real rows: B = 1 steps along one row’s gradient', () => {
    const surface = surfaces['linear-regression'];
    const path = simulate({ surface: 'linear-regression', optimizer: 'sgd', lr: 0.01, start: [0, 0], steps: 1, batchSize: 1 });
    // The step must equal −lr·∇L_i for some row i.
    const out = new Float64Array(2);
    const matches = Array.from({ length: 64 }, (_, i) => {
      out.fill(0);
      surface.examples!.exampleGradient(i, 0, 0, out);
      return Math.abs(path.x[1] + 0.01 * out[0]) < 1e-15 && Math.abs(path.y[1] + 0.01 * out[1]) < 1e-15;
    });
    expect(matches.filter(Boolean).length).toBeGreaterThanOrEqual(1);
  });

  it.each([1, 4, 16, 64, 128, 200, 255])('variance of the batch mean falls like (N − B)/(B(N − 1)): B = %d of 256', (batchSize) => {
    const noise = 3;
    const N = 256;
    const batches = new MiniBatchGradient(surfaces.bowl, batchSize, N, noise, 12345);
    const offset = new Float64Array(2);
    const draws = 40_000;
    let sumX = 0;
    let squaresX = 0;
    let squaresY = 0;
    for (let k = 0; k < draws; k++) {
      batches.nextBatch();
      batches.batchOffset(offset);
      sumX += offset[0];
      squaresX += offset[0] * offset[0];
      squaresY += offset[1] * offset[1];
    }
    const expected = (noise * noise * (N - batchSize)) / (batchSize * (N - 1));
    // The mean is known to be 0, so the mean square estimates the variance; ±6% is several standard errors.
    expect(squaresX / draws / expected).toBeGreaterThan(0.94);
    expect(squaresX / draws / expected).toBeLessThan(1.06);
    expect(squaresY / draws / expected).toBeGreaterThan(0.94);
    expect(squaresY / draws / expected).toBeLessThan(1.06);
    expect(Math.abs(sumX / draws)).toBeLessThan(5 * Math.sqrt(expected / draws));
  });

  it('a run’s steps carry exactly the batch perturbation (SGD on the bowl recovers it)', () => {
    const steps = 4000;
    const noise = 2;
    const batchSize = 16;
    const path = simulate({ ...base, lr: 0.01, steps, batchSize, noise, seed: 3 });
    const full = new Float64Array(2);
    let squares = 0;
    for (let t = 0; t < steps; t++) {
      surfaces.bowl.gradient(path.x[t], path.y[t], full);
      const offsetX = (path.x[t] - path.x[t + 1]) / 0.01 - full[0];
      squares += offsetX * offsetX;
    }
    const expected = (noise * noise * (256 - batchSize)) / (batchSize * 255);
    expect(squares / steps / expected).toBeGreaterThan(0.9);
    expect(squares / steps / expected).toBeLessThan(1.1);
  });

  it('every surface has a default noise, and a surface without one gets an estimate', () => {
    for (const surface of surfaceList) expect(defaultNoise(surface)).toBeGreaterThan(0);
    const { defaultNoise: _, ...bare } = surfaces.rosenbrock;
    const estimate = defaultNoise(bare);
    expect(estimate).toBeGreaterThan(1);
    expect(defaultNoise(bare)).toBe(estimate);
  });
});
