import { describe, expect, it } from 'vitest';
import {
  createRun,
  DIVERGENCE_LOSS,
  DIVERGENCE_SPANS,
  gradientNorm,
  heightField,
  heightFieldRange,
  makeBowl,
  resolveSurface,
  simulate,
  surfaces,
  validateSpec,
  type RunSpec,
  type Trajectory,
} from '../../src/core/index.ts';

const spec: RunSpec = { surface: 'rosenbrock', optimizer: 'adam', lr: 0.02, start: [-1.2, 1], steps: 500 };

function expectAllFinite(path: Trajectory): void {
  for (let k = 0; k < path.length; k++) {
    expect(Number.isFinite(path.x[k]) && Number.isFinite(path.y[k]) && Number.isFinite(path.loss[k])).toBe(true);
  }
}

describe('simulate', () => {
  it('returns steps + 1 points, the start first, losses on the surface', () => {
    const path = simulate(spec);
    expect(path.length).toBe(501);
    expect(path.x.length).toBe(501);
    expect([path.x[0], path.y[0]]).toEqual([-1.2, 1]);
    expect(path.diverged).toBe(false);
    expect(path.divergedAt).toBe(-1);
    for (const k of [0, 1, 250, 500]) expect(path.loss[k]).toBe(surfaces.rosenbrock.loss(path.x[k], path.y[k]));
    expect(path.loss[500]).toBeLessThan(path.loss[0]);
  });

  it('accepts a Surface record and zero steps', () => {
    const path = simulate({ ...spec, surface: makeBowl(50), steps: 0 });
    expect(path.length).toBe(1);
  });
});

describe('createRun streams the same path in chunks', () => {
  it('advance in chunks equals simulate in one go', () => {
    for (const optimizer of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const) {
      const chunked = { ...spec, optimizer, lr: 1e-3, batchSize: 8, seed: 5, schedule: { type: 'cosine', tMax: 200, etaMin: 0 } } as const;
      const run = createRun(chunked);
      expect(run.capacity).toBe(501);
      expect(run.length).toBe(1);
      expect(run.step).toBe(0);
      let taken = 0;
      while (!run.done) taken += run.advance(37);
      expect(taken).toBe(500);
      expect(run.step).toBe(500);
      expect(run.advance(10)).toBe(0);
      const whole = simulate(chunked);
      expect(run.trajectory().x).toEqual(whole.x);
      expect(run.trajectory().y).toEqual(whole.y);
      expect(run.trajectory().loss).toEqual(whole.loss);
    }
  });
});

describe('divergence', () => {
  it('a huge learning rate stops at the first absurd point and stores only finite ones', () => {
    // SGD on the bowl with lr 5 multiplies the steep component by (1 − 2·5) = −9 per step.
    const path = simulate({ surface: 'bowl', optimizer: 'sgd', lr: 5, start: [-2.5, 2], steps: 100 });
    expect(path.diverged).toBe(true);
    expect(path.stopReason).toBe('bound');
    // It leaves the plot at step 1, is past 5 plot widths (|y| > 30) from step 2 on, and is stopped 50 widths out.
    expect(path.leftDomainAt).toBe(1);
    expect(path.divergedAt).toBe(2);
    expect(path.length).toBeGreaterThan(2);
    expectAllFinite(path);
    // One more step from the last stored point is the one that broke the bound.
    const k = path.length - 1;
    const g = new Float64Array(2);
    surfaces.bowl.gradient(path.x[k], path.y[k], g);
    const [x, y] = [path.x[k] - 5 * g[0], path.y[k] - 5 * g[1]];
    const reach = DIVERGENCE_SPANS * 6;
    expect(Math.abs(x) > reach || Math.abs(y) > reach || surfaces.bowl.loss(x, y) > DIVERGENCE_LOSS).toBe(true);
  });

  it('overflow to Infinity or NaN at step 1 leaves only the start', () => {
    for (const optimizer of ['sgd', 'momentum', 'nesterov'] as const) {
      const path = simulate({ surface: 'rosenbrock', optimizer, lr: 1e200, start: [-1.2, 1], steps: 50 });
      expect(path.diverged).toBe(true);
      expect(path.divergedAt).toBe(1);
      expect(path.length).toBe(1);
      expectAllFinite(path);
    }
  });

  it('Rosenbrock with lr 0.01 blows up within a few steps, never storing NaN', () => {
    const run = createRun({ surface: 'rosenbrock', optimizer: 'sgd', lr: 0.01, start: [-1.2, 1], steps: 1000 });
    run.advance(1000);
    expect(run.diverged).toBe(true);
    expect(run.done).toBe(true);
    expect(run.divergedAt).toBeGreaterThan(0);
    expect(run.divergedAt).toBeLessThanOrEqual(run.length);
    expect(run.length).toBeLessThan(20);
    expectAllFinite(run.trajectory());
  });

  it('a start where the loss is not finite yields an empty, diverged run', () => {
    const path = simulate({ ...spec, surface: { ...surfaces.rosenbrock, loss: () => Number.NaN } });
    expect(path).toMatchObject({ length: 0, diverged: true, divergedAt: 0 });
  });
});

describe('bad specs throw an Error naming the field', () => {
  const cases: [string, Partial<Record<keyof RunSpec, unknown>>, RegExp][] = [
    ['unknown surface', { surface: 'moon' }, /^surface/],
    ['inherited key as surface', { surface: 'constructor' }, /^surface/],
    ['unknown optimizer', { optimizer: 'asgd' }, /^optimizer/],
    ['negative lr', { lr: -1 }, /^lr/],
    ['zero lr', { lr: 0 }, /^lr/],
    ['NaN lr', { lr: Number.NaN }, /^lr/],
    ['infinite lr', { lr: Infinity }, /^lr/],
    ['negative steps', { steps: -1 }, /^steps/],
    ['fractional steps', { steps: 2.5 }, /^steps/],
    ['non-finite start', { start: [0, Number.NaN] }, /^start/],
    ['short start', { start: [0] }, /^start/],
    ['batch size 0', { batchSize: 0 }, /^batchSize/],
    ['batch size above N', { batchSize: 257 }, /^batchSize/],
    ['fractional batch size', { batchSize: 1.5 }, /^batchSize/],
    ['dataset size 0', { datasetSize: 0 }, /^datasetSize/],
    ['momentum 1', { momentum: 1 }, /^momentum/],
    ['negative momentum', { momentum: -0.1 }, /^momentum/],
    ['beta1 1', { beta1: 1 }, /^beta1/],
    ['beta2 above 1', { beta2: 1.5 }, /^beta2/],
    ['alpha 1', { alpha: 1 }, /^alpha/],
    ['eps 0', { eps: 0 }, /^eps/],
    ['centered not boolean', { centered: 'yes' }, /^centered/],
    ['negative noise', { noise: -1 }, /^noise/],
    ['fractional seed', { seed: 0.5 }, /^seed/],
    ['unknown schedule', { schedule: { type: 'warp' } }, /^schedule/],
    ['step schedule without step size', { schedule: { type: 'step', gamma: 0.5 } }, /^schedule\.stepSize/],
    ['exponential γ 0', { schedule: { type: 'exponential', gamma: 0 } }, /^schedule\.gamma/],
    ['cosine T_max 0', { schedule: { type: 'cosine', tMax: 0, etaMin: 0 } }, /^schedule\.tMax/],
    ['negative decay', { schedule: { type: 'inverse-time', decay: -1 } }, /^schedule\.decay/],
  ];
  it.each(cases)('%s', (_, change, field) => {
    const bad = { ...spec, ...change } as RunSpec;
    expect(() => simulate(bad)).toThrow(field);
    expect(() => createRun(bad)).toThrow(Error);
    expect(() => validateSpec(bad)).toThrow(field);
  });

  it('linear regression takes its data set size from its rows', () => {
    const regression = { ...spec, surface: 'linear-regression' };
    expect(() => simulate({ ...regression, datasetSize: 256 })).toThrow(/^datasetSize/);
    expect(() => simulate({ ...regression, batchSize: 65 })).toThrow(/^batchSize/);
    expect(validateSpec({ ...regression, datasetSize: 64 }).datasetSize).toBe(64);
  });

  it('fills in defaults', () => {
    const resolved = validateSpec({ ...spec, optimizer: 'rmsprop' });
    expect(resolved).toMatchObject({ alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, batchSize: 256, datasetSize: 256, seed: 1, noise: 50 });
    expect(validateSpec({ ...spec, optimizer: 'adagrad' }).eps).toBe(1e-10);
    expect(resolveSurface('booth')).toBe(surfaces.booth);
  });
});

describe('height fields', () => {
  it('are row-major with rows along y, edges included', () => {
    const surface = surfaces.rosenbrock;
    const resolution = 5;
    const heights = heightField(surface, resolution);
    expect(heights.length).toBe(25);
    const [x0, x1] = surface.domain.x;
    const [y0, y1] = surface.domain.y;
    for (let j = 0; j < resolution; j++) {
      for (let i = 0; i < resolution; i++) {
        const x = x0 + ((x1 - x0) * i) / (resolution - 1);
        const y = y0 + ((y1 - y0) * j) / (resolution - 1);
        expect(heights[j * resolution + i]).toBe(Math.fround(surface.loss(x, y)));
      }
    }
    expect(heights[24]).toBe(Math.fround(surface.loss(x1, y1)));
    const { min, max } = heightFieldRange(heights);
    expect(min).toBe(Math.min(...heights));
    expect(max).toBe(Math.max(...heights));
  });

  it('take a domain, skip non-finite values in the range, and refuse a bad resolution', () => {
    const heights = heightField(surfaces.booth, 3, { x: [0, 2], y: [2, 4] });
    expect(heights[4]).toBe(surfaces.booth.loss(1, 3));
    expect(heightFieldRange([Number.NaN, 2, Infinity, -1])).toEqual({ min: -1, max: 2 });
    expect(heightFieldRange([Number.NaN])).toEqual({ min: 0, max: 0 });
    expect(() => heightField(surfaces.booth, 1)).toThrow(/resolution/);
  });

  it('gradientNorm is the length of the full gradient', () => {
    // Rosenbrock at (0, 0): ∇L = (−2, 0)
    expect(gradientNorm(surfaces.rosenbrock, 0, 0)).toBe(2);
  });
});
