/**
 * surfaces['neural-net'] without paying for training at import time.
 *
 * The record's descriptive fields (id, label, teaches, tex, domain, start,
 * learning rates, log height, the number of examples, the options) are known
 * without training and are plain values. Everything else — loss, gradient,
 * minima, the examples' functions, the model-view members — is a getter that
 * builds the slice on first use (makeNeuralNetSlice: a few hundred
 * milliseconds, once per thread), caches it, and replaces every getter with the
 * built slice's own value, so hot loops afterwards read plain properties.
 *
 * Whichever thread first reads one of those members pays the build: a UI that
 * only lists surfaces pays nothing; a worker that runs the surface pays it once.
 * A test checks the fields written here against the built slice.
 */
import { DATASET_SIZE } from '../../nn/datasets.ts';
import type { ExampleSet, Point, Range } from '../../types.ts';
import { describeNeuralNetSlice, makeNeuralNetSlice, RANDOM_DOMAIN, resolveNeuralNetOptions, type NeuralNetSlice, type NeuralNetSliceOptions } from './slice.ts';

/** What makeNeuralNetSlice derives from the landscape, written down for a slice that is not built yet. */
export interface SliceLesson {
  readonly suggestedStart: Point;
  readonly suggestedLr: number;
  readonly lrRange: Range;
  readonly logHeight: boolean;
}

/** Members that need the trained network. */
const BUILT_MEMBERS = ['loss', 'gradient', 'minima', 'data', 'inputDomain', 'trainedLoss', 'trainedGradientNorm', 'trainingPath', 'explainedVariance', 'predict', 'accuracy', 'parameters', 'basis'] as const;

/**
 * A random-direction slice (the domain is then known in advance) that trains on
 * first use. `lesson` must be what makeNeuralNetSlice(options) chooses.
 */
export function lazyNeuralNetSlice(options: NeuralNetSliceOptions, lesson: SliceLesson): NeuralNetSlice {
  const resolved = resolveNeuralNetOptions(options);
  if (resolved.directions !== 'random') throw new Error('directions must be random for a lazy slice: a PCA slice’s domain depends on its training path');
  let built: NeuralNetSlice | null = null;
  const examples = { size: DATASET_SIZE } as ExampleSet;
  const record = { ...describeNeuralNetSlice(resolved), domain: RANDOM_DOMAIN, ...lesson, examples } as NeuralNetSlice;

  const build = (): NeuralNetSlice => {
    if (built === null) {
      const slice = makeNeuralNetSlice(resolved);
      built = slice;
      for (const key of BUILT_MEMBERS) Object.defineProperty(record, key, { value: slice[key], enumerable: true, writable: false, configurable: false });
      for (const key of ['exampleLoss', 'exampleGradient'] as const) {
        Object.defineProperty(examples, key, { value: slice.examples?.[key], enumerable: true, writable: false, configurable: false });
      }
    }
    return built;
  };
  for (const key of BUILT_MEMBERS) Object.defineProperty(record, key, { get: () => build()[key], enumerable: true, configurable: true });
  for (const key of ['exampleLoss', 'exampleGradient'] as const) {
    Object.defineProperty(examples, key, { get: () => build().examples?.[key], enumerable: true, configurable: true });
  }
  return record;
}
