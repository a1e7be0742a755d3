/** The neural-net slice's public API, re-exported whole by core/index.ts (one line there). */
export {
  makeNeuralNetSlice,
  resolveNeuralNetOptions,
  isNeuralNetSlice,
  DEFAULT_NEURAL_NET_OPTIONS,
  MAX_HIDDEN,
  NEURAL_NET_WEIGHT_DECAY,
  RANDOM_EXTENT,
  SLICE_DIRECTIONS,
  neuralNetSliceId,
  type NeuralNetSlice,
  type NeuralNetSliceOptions,
  type ProjectedPath,
  type SliceDirections,
} from '../surfaces/neuralNet/slice.ts';
export { DATASET_IDS, DATASET_SIZE, type DatasetId, type ClassificationData } from './datasets.ts';
export { decisionGrid, regressionData, regressionLine, regressionResiduals, REGRESSION_INPUT_RANGE } from './modelView.ts';
export { heightFieldRows, rowBands } from './fieldRows.ts';
export { sliceParts, neuralNetSliceFromParts, neuralNetOptionsFromId, type NeuralNetSliceParts } from '../surfaces/neuralNet/parts.ts';
export { pendingNeuralNetSurface, neuralNetChoiceOptions, type NeuralNetChoice } from '../surfaces/neuralNet/variants.ts';
