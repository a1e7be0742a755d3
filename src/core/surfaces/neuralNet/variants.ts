/**
 * The slices the app offers: the registered network (moons, 16 neurons per
 * hidden layer, seed 7) on either data set, along random or training-path
 * directions. What each one's lesson is (domain, start, learning rates) is
 * written here, so a page can set a run up before the slice is trained; a test
 * checks every entry against makeNeuralNetSlice.
 */
import type { Surface } from '../../types.ts';
import type { DatasetId } from '../../nn/datasets.ts';
import { DATASET_SIZE } from '../../nn/datasets.ts';
import { DEFAULT_NEURAL_NET_OPTIONS, describeNeuralNetSlice, RANDOM_DOMAIN, type NeuralNetSliceOptions, type SliceDirections } from './slice.ts';

/** What the app lets a person choose about the slice. */
export interface NeuralNetChoice {
  readonly dataset: DatasetId;
  readonly directions: SliceDirections;
}

/** The lesson fields makeNeuralNetSlice chooses for each choice (seed 7, 16 neurons). */
const LESSONS: Record<`${DatasetId}-${SliceDirections}`, Pick<Surface, 'domain' | 'suggestedStart' | 'suggestedLr' | 'lrRange' | 'logHeight'>> = {
  'moons-random': { domain: RANDOM_DOMAIN, suggestedStart: [0, -1.5], suggestedLr: 0.02, lrRange: [0.0002, 0.2], logHeight: true },
  'moons-pca': { domain: { x: [-2.4499999999999997, 6.99], y: [-2.7199999999999998, 6.72] }, suggestedStart: [4.13, 5.14], suggestedLr: 2, lrRange: [0.02, 20], logHeight: true },
  'spirals-random': { domain: RANDOM_DOMAIN, suggestedStart: [0, -1.5], suggestedLr: 0.02, lrRange: [0.0002, 0.2], logHeight: true },
  'spirals-pca': { domain: { x: [-4.19, 13.25], y: [-5.170000000000001, 12.27] }, suggestedStart: [6.68, 9.37], suggestedLr: 1, lrRange: [0.01, 10], logHeight: true },
};

/** The slice options of a choice: the registered network's, with this data set and these directions. */
export function neuralNetChoiceOptions(choice: NeuralNetChoice): Required<NeuralNetSliceOptions> {
  return { ...DEFAULT_NEURAL_NET_OPTIONS, dataset: choice.dataset, directions: choice.directions };
}

/**
 * A stand-in for a slice that is still training elsewhere: its names, formula,
 * domain, start and learning rates are the real slice's, but it has no minima
 * yet and its loss and gradient are NaN. Nothing should run on it; it lets a
 * page describe and set up the surface without training on its own thread.
 */
export function pendingNeuralNetSurface(choice: NeuralNetChoice): Surface {
  const options = neuralNetChoiceOptions(choice);
  const { id, label, teaches, tex } = describeNeuralNetSlice(options);
  return {
    id,
    label,
    teaches,
    tex,
    ...LESSONS[`${choice.dataset}-${choice.directions}`],
    minima: [],
    loss: () => Number.NaN,
    gradient: (_x, _y, out) => {
      out[0] = Number.NaN;
      out[1] = Number.NaN;
    },
    examples: { size: DATASET_SIZE, exampleLoss: () => Number.NaN, exampleGradient: () => undefined },
  };
}
