import { describe, expect, it } from 'vitest';
import {
  createRandom,
  decisionGrid,
  DEFAULT_NEURAL_NET_OPTIONS,
  heightField,
  heightFieldRows,
  isNeuralNetSlice,
  makeNeuralNetSlice,
  regressionData,
  regressionResiduals,
  rowBands,
  simulate,
  surfaces,
  type NeuralNetSlice,
  type Surface,
} from '../../src/core/index.ts';
import { makeDataset } from '../../src/core/nn/datasets.ts';
import { MlpBatch, mlpLayout, objective } from '../../src/core/nn/mlp.ts';
import * as portable from '../../src/core/nn/portableMath.ts';
import { initialParameters } from '../../src/core/nn/train.ts';
import { numericalHessian } from '../../src/core/surfaces/neuralNet/minima.ts';

/** The registered slice (trained on first use) and two others, built once for the whole file. */
const moons = surfaces['neural-net'] as NeuralNetSlice;
const moonsPca = makeNeuralNetSlice({ directions: 'pca' });
const spirals = makeNeuralNetSlice({ dataset: 'spirals', seed: 3 });
const slices: readonly NeuralNetSlice[] = [moons, moonsPca, spirals];
const named = slices.map((slice) => [slice.id, slice] as const);

const gradientAt = (surface: Surface, x: number, y: number): [number, number] => {
  const out = new Float64Array(2);
  surface.gradient(x, y, out);
  return [out[0], out[1]];
};

// Builds and 1000-step runs take about a second each here, several on a loaded machine.
describe('the registered slice', { timeout: 60_000 }, () => {
  it('lists without training: descriptive fields are plain values, the rest builds on first use', async () => {
    // A fresh module instance, so this test sees the record before anything touched it.
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = (await import('../../src/core/index.ts')).surfaces['neural-net'] as NeuralNetSlice;
    expect(fresh.label).toBe('Neural net (moons)');
    expect(fresh.examples?.size).toBe(200);
    expect(fresh.domain).toEqual({ x: [-2, 2], y: [-2, 2] });
    expect(fresh.parameterCount).toBe(337);
    expect(isNeuralNetSlice(fresh)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(fresh, 'loss')?.get).toBeTypeOf('function');
    fresh.loss(0, 0);
    expect(Object.getOwnPropertyDescriptor(fresh, 'loss')?.get).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(fresh, 'loss')?.value).toBeTypeOf('function');
  });

  it('states the lesson fields makeNeuralNetSlice computes for its options', () => {
    const built = makeNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS);
    for (const key of ['id', 'label', 'teaches', 'tex', 'domain', 'suggestedStart', 'suggestedLr', 'lrRange', 'logHeight', 'parameterCount', 'options'] as const) {
      expect(moons[key], key).toEqual(built[key]);
    }
    expect(moons.minima).toEqual(built.minima);
    expect(moons.trainedLoss).toBe(built.trainedLoss);
  });

  it('teaches what its comment says: SGD and momentum reach θ*, Adam and RMSprop the other basin, where the network predicts ½', () => {
    expect(moons.minima.length).toBe(2);
    const reaches = (optimizer: 'sgd' | 'momentum' | 'adam' | 'rmsprop', lr: number) => {
      const path = simulate({ surface: moons, optimizer, lr, start: moons.suggestedStart, steps: 1000 });
      const [x, y] = [path.x[path.length - 1], path.y[path.length - 1]];
      return moons.minima.findIndex(([mx, my]) => Math.hypot(x - mx, y - my) < 0.05);
    };
    expect(reaches('sgd', moons.suggestedLr)).toBe(0);
    expect(reaches('momentum', moons.suggestedLr)).toBe(0);
    expect(reaches('adam', 0.02)).toBe(1);
    expect(reaches('rmsprop', 0.02)).toBe(1);
    const [x, y] = moons.minima[1];
    expect(moons.loss(x, y)).toBeCloseTo(Math.LN2, 1);
    expect(moons.accuracy(x, y)).toBeLessThan(0.9);
  });
});

describe('each slice', { timeout: 60_000 }, () => {
  it.each(named)('%s: the gradient matches central finite differences to 1e-6 relative', (_, slice) => {
    const random = createRandom(11);
    const { x: [x0, x1], y: [y0, y1] } = slice.domain;
    const h = 1e-5 * (x1 - x0);
    for (let k = 0; k < 40; k++) {
      const x = x0 + (x1 - x0) * random();
      const y = y0 + (y1 - y0) * random();
      const [gx, gy] = gradientAt(slice, x, y);
      const fdx = (slice.loss(x + h, y) - slice.loss(x - h, y)) / (2 * h);
      const fdy = (slice.loss(x, y + h) - slice.loss(x, y - h)) / (2 * h);
      const scale = Math.max(Math.hypot(gx, gy), 1e-3);
      expect(Math.hypot(gx - fdx, gy - fdy) / scale, `at (${x}, ${y})`).toBeLessThan(1e-6);
    }
  });

  it.each(named)('%s: (0, 0) is θ*, its loss is the trained loss bit for bit, and θ* is a stationary point', (_, slice) => {
    expect(slice.parameters(0, 0)).toEqual(slice.basis.center);
    expect(slice.loss(0, 0)).toBe(slice.trainedLoss);
    expect(slice.trainedGradientNorm).toBeLessThan(1e-12);
    const [gx, gy] = gradientAt(slice, 0, 0);
    expect(Math.hypot(gx, gy)).toBeLessThan(1e-11);
    expect(slice.minima[0]).toEqual([0, 0]);
  });

  it.each(named)('%s: every listed minimum has a vanishing gradient and a positive definite numerical Hessian', (_, slice) => {
    const h = 1e-4 * (slice.domain.x[1] - slice.domain.x[0]);
    for (const [x, y] of slice.minima) {
      const [gx, gy] = gradientAt(slice, x, y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-9);
      const [hxx, hxy, hyy] = numericalHessian(slice, x, y, h);
      expect(hxx).toBeGreaterThan(0);
      expect(hxx * hyy - hxy * hxy).toBeGreaterThan(0);
    }
  });

  it.each(named)('%s: is the mean of its 200 per-example losses and gradients, and each example gradient is that example loss’s', (_, slice) => {
    const examples = slice.examples!;
    expect(examples.size).toBe(200);
    const random = createRandom(5);
    for (let k = 0; k < 5; k++) {
      const x = slice.domain.x[0] + (slice.domain.x[1] - slice.domain.x[0]) * random();
      const y = slice.domain.y[0] + (slice.domain.y[1] - slice.domain.y[0]) * random();
      let lossSum = 0;
      const summed = new Float64Array(2);
      for (let i = 0; i < examples.size; i++) {
        lossSum += examples.exampleLoss(i, x, y);
        examples.exampleGradient(i, x, y, summed);
      }
      expect(lossSum / examples.size).toBeCloseTo(slice.loss(x, y), 12);
      const [gx, gy] = gradientAt(slice, x, y);
      expect(summed[0] / examples.size).toBeCloseTo(gx, 10);
      expect(summed[1] / examples.size).toBeCloseTo(gy, 10);
      const i = Math.floor(random() * examples.size);
      const h = 1e-6;
      const one = new Float64Array(2);
      examples.exampleGradient(i, x, y, one);
      expect(one[0]).toBeCloseTo((examples.exampleLoss(i, x + h, y) - examples.exampleLoss(i, x - h, y)) / (2 * h), 6);
      expect(one[1]).toBeCloseTo((examples.exampleLoss(i, x, y + h) - examples.exampleLoss(i, x, y - h)) / (2 * h), 6);
    }
  });

  it.each(named)('%s: the decision function at (0, 0) classifies the training data well', (_, slice) => {
    // Measured: 200 of 200 rows on the registered moons slice (the PCA slice shares its θ*) and on spirals seed 3; moons seed 1 gets 199.
    expect(slice.accuracy(0, 0)).toBeGreaterThanOrEqual(0.99);
  });
});

describe('mini-batches', { timeout: 60_000 }, () => {
  it('batch size B = N gives exactly the full-batch path, bit for bit', () => {
    for (const optimizer of ['sgd', 'adam'] as const) {
      const spec = { surface: moons, optimizer, lr: 0.02, start: moons.suggestedStart, steps: 200 } as const;
      const full = simulate(spec);
      const batched = simulate({ ...spec, batchSize: 200, seed: 9 });
      expect(batched.length).toBe(full.length);
      expect(batched.x).toEqual(full.x);
      expect(batched.y).toEqual(full.y);
      expect(batched.loss).toEqual(full.loss);
    }
  });

  it('small batches are real rows: noisier, still descending', () => {
    const start = moons.suggestedStart;
    const run = (batchSize: number) => simulate({ surface: moons, optimizer: 'sgd', lr: moons.suggestedLr, start, steps: 300, batchSize, seed: 4 });
    const single = run(1);
    const full = run(200);
    expect(single.loss[300]).toBeLessThan(single.loss[0]);
    expect(single.x).not.toEqual(full.x);
  });
});

describe('determinism', { timeout: 60_000 }, () => {
  it('the same seed gives the same slice bit for bit; another seed another slice', () => {
    const again = makeNeuralNetSlice({ dataset: 'spirals', seed: 3 });
    expect(again.trainedLoss).toBe(spirals.trainedLoss);
    expect(again.basis.center).toEqual(spirals.basis.center);
    expect(again.basis.d1).toEqual(spirals.basis.d1);
    expect(again.basis.d2).toEqual(spirals.basis.d2);
    expect(again.minima).toEqual(spirals.minima);
    expect(again.data.inputs).toEqual(spirals.data.inputs);
    expect(again.loss(0.3, -1.2)).toBe(spirals.loss(0.3, -1.2));
    const other = makeNeuralNetSlice({ dataset: 'spirals', seed: 4 });
    expect(other.trainedLoss).not.toBe(spirals.trainedLoss);
    expect(other.data.inputs).not.toEqual(spirals.data.inputs);
  });

  it('pins the registered slice to the bits Node 20 and Chromium 156 both computed (portable arithmetic throughout)', () => {
    // Checked by hand: the same values came out of a Web Worker in Chromium 156 (see nn/portableMath.ts).
    const bits = (v: number) => {
      const words = new Uint32Array(new Float64Array([v]).buffer);
      return words[1].toString(16).padStart(8, '0') + words[0].toString(16).padStart(8, '0');
    };
    expect(bits(moons.trainedLoss)).toBe('3fa4478e930f1efa');
    expect(bits(moons.loss(0.37, -1.1))).toBe('3fff02b643cedaef');
    expect(moons.minima[1].map(bits)).toEqual(['bff4c7d4f04f32fa', 'bfe625b099832700']);
  });

  it('the blocked forward pass gives each row the bits of the one-row pass', () => {
    const data = makeDataset('moons', 2);
    const batch = new MlpBatch(mlpLayout(16), data.inputs, data.labels);
    const theta = initialParameters(batch, 3);
    batch.forward(theta, 0, batch.size);
    const blocked = batch.rowLoss.slice();
    const blockedSlopes = batch.rowSlope.slice();
    const gradBlocked = new Float64Array(theta.length);
    batch.backward(theta, 0, batch.size, gradBlocked);
    const gradRows = new Float64Array(theta.length);
    for (let i = 0; i < batch.size; i++) {
      batch.forwardRow(theta, i);
      batch.backwardRow(theta, i, gradRows);
    }
    expect(batch.rowLoss).toEqual(blocked);
    expect(batch.rowSlope).toEqual(blockedSlopes);
    expect(gradRows).toEqual(gradBlocked);
  });
});

describe('the network', () => {
  it('has a backpropagated gradient equal to finite differences in every parameter', () => {
    const data = makeDataset('spirals', 1);
    const batch = new MlpBatch(mlpLayout(5), data.inputs, data.labels);
    const theta = initialParameters(batch, 1);
    const grad = new Float64Array(theta.length);
    objective(batch, theta, 1e-3, grad);
    for (let p = 0; p < theta.length; p++) {
      const held = theta[p];
      theta[p] = held + 1e-6;
      const up = objective(batch, theta, 1e-3, null);
      theta[p] = held - 1e-6;
      const down = objective(batch, theta, 1e-3, null);
      theta[p] = held;
      expect(grad[p], `parameter ${p}`).toBeCloseTo((up - down) / 2e-6, 8);
    }
  });

  it('random directions are filter-normalised: each neuron’s incoming weights as long as in θ*, biases 0', () => {
    const { center, d1 } = moons.basis;
    const { hidden, w1, b1, w2, b2, w3, b3 } = mlpLayout(16);
    const length = (v: Float64Array, start: number, count: number) => Math.hypot(...v.subarray(start, start + count));
    // Li et al. divide by ‖d‖ + 1e-10, so lengths agree to about 1e-10 relative.
    for (let j = 0; j < hidden; j++) {
      expect(length(d1, w1 + 2 * j, 2)).toBeCloseTo(length(center, w1 + 2 * j, 2), 9);
      expect(length(d1, w2 + j * hidden, hidden)).toBeCloseTo(length(center, w2 + j * hidden, hidden), 9);
    }
    expect(length(d1, w3, hidden)).toBeCloseTo(length(center, w3, hidden), 9);
    for (const [start, count] of [[b1, hidden], [b2, hidden], [b3, 1]]) expect([...d1.subarray(start, start + count)].every((v) => v === 0)).toBe(true);
  });
});

describe('PCA slices', () => {
  it('have orthonormal directions, and the projected training path ends at (0, 0) with the trained loss', () => {
    const { d1, d2 } = moonsPca.basis;
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((sum, v, p) => sum + v * b[p], 0);
    expect(dot(d1, d1)).toBeCloseTo(1, 14);
    expect(dot(d2, d2)).toBeCloseTo(1, 14);
    expect(Math.abs(dot(d1, d2))).toBeLessThan(1e-14);
    const path = moonsPca.trainingPath!;
    const last = path.length - 1;
    expect([path.x[last], path.y[last], path.offPlane[last]]).toEqual([0, 0, 0]);
    expect(path.loss[last]).toBe(moonsPca.trainedLoss);
    expect(path.step[0]).toBe(0);
    // The path starts at the initialisation; the slice's suggested start is its projection.
    expect(moonsPca.suggestedStart[0]).toBeCloseTo(path.x[0], 2);
    expect(moonsPca.suggestedStart[1]).toBeCloseTo(path.y[0], 2);
    // Most of the path lies in the plane, and its true losses are not the slice's heights off it.
    const [first, second] = moonsPca.explainedVariance!;
    expect(first + second).toBeGreaterThan(0.8);
    expect(path.offPlane[0]).toBeGreaterThan(0.1);
    expect(moonsPca.loss(path.x[0], path.y[0])).not.toBe(path.loss[0]);
  });

  it('share θ* with the random slice of the same options', () => {
    expect(moonsPca.basis.center).toEqual(moons.basis.center);
    expect(moonsPca.trainedLoss).toBe(moons.trainedLoss);
  });
});

describe('model view', () => {
  it('paints decision regions on a grid laid out as heightField, agreeing with the training rows', () => {
    const grid = decisionGrid(moons, 0, 0, 64);
    expect(grid.length).toBe(64 * 64);
    expect(Math.min(...grid)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...grid)).toBeLessThanOrEqual(1);
    const probability = new Float64Array(1);
    const { x, y } = moons.inputDomain;
    moons.predict(0, 0, [x[1], y[0]], 1, probability); // column 63 of row 0
    expect(grid[63]).toBe(Math.fround(probability[0]));
    const onRows = new Float64Array(200);
    moons.predict(0, 0, moons.data.inputs, 200, onRows);
    const right = onRows.filter((p, i) => p >= 0.5 === (moons.data.labels[i] === 1)).length;
    expect(right / 200).toBe(moons.accuracy(0, 0));
  });

  it('gives linear regression its rows and residuals, whose squares are the per-example losses', () => {
    const surface = surfaces['linear-regression'];
    const { size, inputs } = regressionData();
    expect(size).toBe(64);
    const residuals = regressionResiduals(1.5, -0.5, new Float64Array(size));
    for (let i = 0; i < size; i++) {
      expect(residuals[i]).toBe(1.5 * inputs[2 * i] - 0.5 - inputs[2 * i + 1]);
      expect(residuals[i] ** 2).toBe(surface.examples!.exampleLoss(i, 1.5, -0.5));
    }
  });
});

describe('height fields in tiles', { timeout: 60_000 }, () => {
  it('heightFieldRows stitched in order is heightField, bit for bit', () => {
    for (const surface of [moons, surfaces.rosenbrock]) {
      const whole = heightField(surface, 24);
      const stitched = new Float32Array(24 * 24);
      for (const [start, end] of rowBands(24, 5)) stitched.set(heightFieldRows(surface, 24, start, end), start * 24);
      expect(stitched).toEqual(whole);
    }
    expect(rowBands(10, 3)).toEqual([
      [0, 4],
      [4, 7],
      [7, 10],
    ]);
  });
});

describe('options', () => {
  it('refuse bad values, naming the option', () => {
    expect(() => makeNeuralNetSlice({ dataset: 'circles' as 'moons' })).toThrow(/^dataset/);
    expect(() => makeNeuralNetSlice({ seed: -1 })).toThrow(/^seed/);
    expect(() => makeNeuralNetSlice({ hidden: 0 })).toThrow(/^hidden/);
    expect(() => makeNeuralNetSlice({ hidden: 33 })).toThrow(/^hidden/);
    expect(() => makeNeuralNetSlice({ directions: 'eigen' as 'pca' })).toThrow(/^directions/);
  });
});

describe('portable elementary functions', { timeout: 60_000 }, () => {
  it('agree with Math.* to a few units in the last place (tanh to 4e-16 absolute)', () => {
    const random = createRandom(2);
    const ulps = (value: number, reference: number) => Math.abs(value - reference) / (Math.abs(reference) * 2 ** -52 || Number.MIN_VALUE);
    const worst = { exp: 0, tanh: 0, log1p: 0, log: 0, sin: 0, cos: 0 };
    for (let k = 0; k < 20000; k++) {
      const x = (random() - 0.5) * 60;
      const u = random();
      worst.exp = Math.max(worst.exp, ulps(portable.exp(x), Math.exp(x)));
      worst.tanh = Math.max(worst.tanh, Math.abs(portable.tanh(x) - Math.tanh(x)), Math.abs(portable.tanh(x / 30) - Math.tanh(x / 30)));
      worst.log1p = Math.max(worst.log1p, ulps(portable.log1pUnit(u), Math.log1p(u)));
      worst.log = Math.max(worst.log, ulps(portable.log(u + 1e-300), Math.log(u + 1e-300)));
      worst.sin = Math.max(worst.sin, Math.abs(portable.sin(x) - Math.sin(x)));
      worst.cos = Math.max(worst.cos, Math.abs(portable.cos(x) - Math.cos(x)));
    }
    expect(worst.exp).toBeLessThan(2);
    expect(worst.tanh).toBeLessThan(4e-16);
    expect(worst.log1p).toBeLessThan(3);
    expect(worst.log).toBeLessThan(3);
    expect(worst.sin).toBeLessThan(3e-16);
    expect(worst.cos).toBeLessThan(3e-16);
    expect(portable.tanh(30)).toBe(1);
    expect(portable.tanh(-30)).toBe(-1);
    expect(portable.exp(-800)).toBe(0);
    expect(portable.exp(800)).toBe(Infinity);
    expect(Number.isNaN(portable.tanh(NaN))).toBe(true);
  });
});
