/**
 * A built slice as plain, cloneable numbers, and the slice again from them.
 *
 * Training is the expensive part of a slice (makeNeuralNetSlice); what it finds
 * is θ*, the two directions and a few facts about the landscape. A worker that
 * built a slice posts those parts; the main thread rebuilds the same slice from
 * them (the data set again from its seed, the evaluator over θ*, d₁, d₂) in well
 * under a millisecond, without training, and its losses are the worker's bit for bit.
 */
import { MlpBatch, mlpLayout, type MlpLayout } from '../../nn/mlp.ts';
import type { Domain, Point } from '../../types.ts';
import { sliceEvaluator } from './evaluator.ts';
import { heightFieldRows } from '../../nn/fieldRows.ts';
import { assembleSlice, basisPlaneLoss, DEFAULT_NEURAL_NET_OPTIONS, NEURAL_NET_WEIGHT_DECAY, neuralNetSliceId, resolveNeuralNetOptions, sliceDataset, SLICE_DIRECTIONS, type NeuralNetSlice, type NeuralNetSliceOptions, type SliceBasis, type SliceFindings } from './slice.ts';
import { DATASET_IDS } from '../../nn/datasets.ts';

/** Everything a slice is, as typed arrays and plain values (structured-cloneable). */
export interface NeuralNetSliceParts extends SliceFindings {
  readonly options: Required<NeuralNetSliceOptions>;
}

/** The parts of a built slice (copies of its θ*, d₁, d₂). */
export function sliceParts(slice: NeuralNetSlice): NeuralNetSliceParts {
  const { center, d1, d2 } = slice.basis;
  return {
    options: { ...slice.options },
    center,
    d1,
    d2,
    domain: copyDomain(slice.domain),
    minima: slice.minima.map(([x, y]) => [x, y] as Point),
    suggestedStart: [slice.suggestedStart[0], slice.suggestedStart[1]],
    lrRange: [slice.lrRange[0], slice.lrRange[1]],
    suggestedLr: slice.suggestedLr,
    logHeight: slice.logHeight,
    trainedLoss: slice.trainedLoss,
    trainedGradientNorm: slice.trainedGradientNorm,
    trainingPath: slice.trainingPath,
    explainedVariance: slice.explainedVariance,
  };
}

/** The slice `parts` came from, without training again. Throws when the parts do not fit their options. */
export function neuralNetSliceFromParts(parts: NeuralNetSliceParts): NeuralNetSlice {
  const resolved = resolveNeuralNetOptions(parts.options);
  const layout = checkVectors(resolved, parts);
  const data = sliceDataset(resolved);
  const batch = new MlpBatch(layout, data.inputs, data.labels);
  const evaluator = sliceEvaluator(batch, parts.center.slice(), parts.d1.slice(), parts.d2.slice(), NEURAL_NET_WEIGHT_DECAY);
  return assembleSlice(resolved, data, evaluator, parts);
}

/**
 * Rows [rowStart, rowEnd) of the slice's height field at `resolution` from its
 * basis alone (no training, no minima): heightFieldRows(slice, …) of the slice
 * the basis belongs to, bit for bit, through the loss-only kernel (nn/planeLoss.ts).
 */
export function sliceFieldRows(basis: Pick<SliceBasis, 'options' | 'center' | 'd1' | 'd2' | 'domain'>, resolution: number, rowStart: number, rowEnd: number): Float32Array {
  const options = resolveNeuralNetOptions(basis.options);
  checkVectors(options, basis);
  return heightFieldRows({ loss: basisPlaneLoss({ ...basis, options }), domain: basis.domain }, resolution, rowStart, rowEnd);
}

/** The options of a slice id made by neuralNetSliceId ('neural-net', 'neural-net-spirals-pca-h16-s7'), or null. */
export function neuralNetOptionsFromId(id: string): Required<NeuralNetSliceOptions> | null {
  if (id === 'neural-net') return { ...DEFAULT_NEURAL_NET_OPTIONS };
  const match = /^neural-net-([a-z]+)-([a-z]+)-h(\d{1,2})-s(\d{1,10})$/.exec(id);
  if (!match) return null;
  const [, dataset, directions, hidden, seed] = match;
  if (!(DATASET_IDS as readonly string[]).includes(dataset) || !(SLICE_DIRECTIONS as readonly string[]).includes(directions)) return null;
  try {
    const options = resolveNeuralNetOptions({ dataset: dataset as (typeof DATASET_IDS)[number], directions: directions as (typeof SLICE_DIRECTIONS)[number], hidden: Number(hidden), seed: Number(seed) });
    // Only the id's own spelling names a slice (no leading zeros, and the default's is 'neural-net').
    return neuralNetSliceId(options) === id ? options : null;
  } catch {
    return null;
  }
}

/** The layout of the options' network; throws unless θ*, d₁ and d₂ fit it. */
function checkVectors(options: Required<NeuralNetSliceOptions>, vectors: Pick<SliceBasis, 'center' | 'd1' | 'd2'>): MlpLayout {
  const layout = mlpLayout(options.hidden);
  for (const vector of [vectors.center, vectors.d1, vectors.d2]) {
    if (!(vector instanceof Float64Array) || vector.length !== layout.parameterCount) throw new Error(`a slice of ${options.hidden} neurons per layer needs ${layout.parameterCount} parameters per vector`);
  }
  return layout;
}

/** A domain as a fresh plain object. */
const copyDomain = (domain: Domain): Domain => ({ x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] });
