import { describe, expect, it } from 'vitest';
import { makeNeuralNetSlice, neuralNetChoiceOptions, neuralNetOptionsFromId, neuralNetSliceId, pendingNeuralNetSurface, sliceParts, neuralNetSliceFromParts, DATASET_IDS, SLICE_DIRECTIONS } from '../../src/core/index.ts';

describe('the neural-net slices the app offers', () => {
  for (const dataset of DATASET_IDS) {
    for (const directions of SLICE_DIRECTIONS) {
      it(`${dataset}, ${directions}: the stand-in's domain, start and learning rates are the trained slice's`, () => {
        const slice = makeNeuralNetSlice(neuralNetChoiceOptions({ dataset, directions }));
        const stand = pendingNeuralNetSurface({ dataset, directions });
        expect(stand.id).toBe(slice.id);
        expect(stand.label).toBe(slice.label);
        expect(stand.domain).toEqual(slice.domain);
        expect(stand.suggestedStart).toEqual(slice.suggestedStart);
        expect(stand.suggestedLr).toBe(slice.suggestedLr);
        expect(stand.lrRange).toEqual(slice.lrRange);
        expect(stand.logHeight).toBe(slice.logHeight);
        expect(stand.minima).toEqual([]);
        expect(Number.isNaN(stand.loss(0, 0))).toBe(true);
        // The id names the slice, and a slice rebuilt from its parts is the same landscape.
        expect(neuralNetOptionsFromId(slice.id)).toEqual(slice.options);
        const again = neuralNetSliceFromParts(structuredClone(sliceParts(slice)));
        expect(again.loss(0.25, -0.75)).toBe(slice.loss(0.25, -0.75));
        expect(again.trainingPath?.length ?? 0).toBe(slice.trainingPath?.length ?? 0);
      }, 120_000);
    }
  }

  it('slice ids round-trip, and ids spelled any other way name nothing', () => {
    const options = { dataset: 'spirals', directions: 'pca', hidden: 8, seed: 12 } as const;
    expect(neuralNetOptionsFromId(neuralNetSliceId(options))).toEqual(options);
    expect(neuralNetOptionsFromId('neural-net')).toEqual(neuralNetChoiceOptions({ dataset: 'moons', directions: 'random' }));
    for (const id of ['neural-net-spirals-pca-h08-s12', 'neural-net-moons-random-h16-s7', 'neural-net-circles-pca-h8-s1', 'neural-net-moons-pca-h64-s1', 'neural-net-moons-pca-h8-s99999999999', 'constructor']) {
      expect(neuralNetOptionsFromId(id)).toBeNull();
    }
  });
});
