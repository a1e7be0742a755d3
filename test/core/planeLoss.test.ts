import { describe, expect, it } from 'vitest';
import { createRandom, heightFieldRows, makeNeuralNetSlice } from '../../src/core/index.ts';
import { MlpBatch, mlpLayout, objective } from '../../src/core/nn/mlp.ts';
import { planeLoss } from '../../src/core/nn/planeLoss.ts';
import { sliceFieldRows } from '../../src/core/surfaces/neuralNet/parts.ts';
import { sliceLandscape, trainSliceBasis } from '../../src/core/surfaces/neuralNet/slice.ts';

describe('the loss-only kernel of height fields', { timeout: 120_000 }, () => {
  it('is objective() at c + α d₁ + β d₂, bit for bit, for row counts that are and are not a multiple of four', () => {
    const random = createRandom(11);
    for (const [hidden, rows] of [[3, 7], [5, 12], [16, 9]]) {
      const layout = mlpLayout(hidden);
      const inputs = Float64Array.from({ length: 2 * rows }, () => 4 * random() - 2);
      const labels = Float64Array.from({ length: rows }, () => (random() < 0.5 ? 0 : 1));
      const vector = () => Float64Array.from({ length: layout.parameterCount }, () => 2 * random() - 1);
      const [center, d1, d2] = [vector(), vector(), vector()];
      const loss = planeLoss(layout, inputs, labels, center, d1, d2, 1e-3);
      const batch = new MlpBatch(layout, inputs, labels);
      for (const [alpha, beta] of [[0, 0], [0.3, -1.7], [-2, 2], [1e-9, 0.5]]) {
        const theta = center.map((c, p) => c + alpha * d1[p] + beta * d2[p]);
        expect(loss(alpha, beta)).toBe(objective(batch, theta, 1e-3, null));
      }
    }
  });

  it('a field from the trained basis alone is the slice’s heightFieldRows, and the two stages are makeNeuralNetSlice', () => {
    for (const options of [{ hidden: 6, seed: 5 }, { hidden: 5, dataset: 'spirals', directions: 'pca' }] as const) {
      const slice = makeNeuralNetSlice(options);
      const basis = trainSliceBasis(options);
      expect(basis.center).toEqual(slice.basis.center);
      expect(basis.domain).toEqual(slice.domain);
      expect(sliceFieldRows(structuredClone(basis), 20, 3, 11)).toEqual(heightFieldRows(slice, 20, 3, 11));
      const landscape = sliceLandscape(basis);
      expect(landscape.minima).toEqual(slice.minima);
      expect([landscape.suggestedStart, landscape.suggestedLr, landscape.lrRange, landscape.logHeight]).toEqual([slice.suggestedStart, slice.suggestedLr, slice.lrRange, slice.logHeight]);
    }
  });

  it('refuses a basis whose vectors do not fit its network', () => {
    const basis = trainSliceBasis({ hidden: 2 });
    expect(() => sliceFieldRows({ ...basis, options: { ...basis.options, hidden: 3 } }, 8, 0, 1)).toThrow(/needs 25 parameters/);
  });
});
