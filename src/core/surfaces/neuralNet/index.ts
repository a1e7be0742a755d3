/** The neural-net surfaces: makeNeuralNetSlice for any slice, `neuralNet` for the registered one (built lazily). */
import { lazyNeuralNetSlice } from './lazy.ts';
import { DEFAULT_NEURAL_NET_OPTIONS, type NeuralNetSlice } from './slice.ts';

/**
 * surfaces['neural-net']: the default slice, trained on first use (see lazy.ts).
 * Its lesson fields are what makeNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS)
 * computes; test/core/neuralNet.test.ts checks they still are.
 */
export const neuralNet: NeuralNetSlice = lazyNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS, {
  suggestedStart: [0, -1.5],
  suggestedLr: 0.02,
  lrRange: [0.0002, 0.2],
  logHeight: true,
});

export {
  makeNeuralNetSlice,
  resolveNeuralNetOptions,
  isNeuralNetSlice,
  DEFAULT_NEURAL_NET_OPTIONS,
  MAX_HIDDEN,
  NEURAL_NET_WEIGHT_DECAY,
  RANDOM_EXTENT,
  SLICE_DIRECTIONS,
} from './slice.ts';
export type { NeuralNetSlice, NeuralNetSliceOptions, ProjectedPath, SliceDirections } from './slice.ts';
export { DATASET_IDS, DATASET_SIZE, type DatasetId, type ClassificationData } from '../../nn/datasets.ts';
