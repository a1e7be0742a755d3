/**
 * A real network's loss landscape as a Surface: a small perceptron is trained
 * once on a toy data set (nn/), and the surface is its loss on a plane through
 * the trained weights θ*:
 *
 *   L(α, β) = (1/N) Σᵢ ℓ(f(uᵢ; θ* + α d₁ + β d₂), tᵢ) + λ/2 ‖θ* + α d₁ + β d₂‖²
 *
 * with (x, y) = (α, β). The directions are filter-normalised random ones or the
 * training path's principal directions (nn/directions.ts). Everything is drawn
 * from one seed with portable arithmetic, so a slice is the same bits in Node and
 * in any browser's worker.
 */
import { makeDataset, DATASET_IDS, type ClassificationData, type DatasetId } from '../../nn/datasets.ts';
import { filterNormalizedDirection, principalDirections } from '../../nn/directions.ts';
import { MlpBatch, mlpLayout } from '../../nn/mlp.ts';
import { planeLoss } from '../../nn/planeLoss.ts';
import { train } from '../../nn/train.ts';
import type { Domain, ExampleSet, Surface } from '../../types.ts';
import { sliceEvaluator, type SliceEvaluator } from './evaluator.ts';
import { chooseLesson, inputDomainOf, pathDomain } from './lesson.ts';
import { projectPath, type ProjectedPath } from './path.ts';
import { findSliceMinima, lossGrid } from './minima.ts';

/** How the plane's two directions are chosen. */
export const SLICE_DIRECTIONS = ['random', 'pca'] as const;
export type SliceDirections = (typeof SLICE_DIRECTIONS)[number];

export interface NeuralNetSliceOptions {
  /** Default 'moons'. */
  readonly dataset?: DatasetId;
  /** Seed of the data, the initialisation and the random directions; an integer 0 … 2³² − 1, default 1. */
  readonly seed?: number;
  /**
   * Neurons per hidden layer, 1 … 32; default 16. The build grows with it (the
   * polish's Hessian has P² entries, P = H² + 5H + 1): about 0.1 s at 8, 0.4 s at
   * 16 and 2 s at 32 here.
   */
  readonly hidden?: number;
  /** Default 'random'. */
  readonly directions?: SliceDirections;
}

/**
 * The registered slice (surfaces['neural-net']): moons, 16 neurons per hidden layer, random directions,
 * seed 7, chosen for its lesson: from the suggested start SGD, momentum and Nesterov reach θ*, while Adam,
 * RMSprop and Adagrad, whose first steps follow the gradient's signs, cross into a second basin where the
 * network predicts ½ everywhere (loss ≈ ln 2).
 */
export const DEFAULT_NEURAL_NET_OPTIONS: Required<NeuralNetSliceOptions> = { dataset: 'moons', seed: 7, hidden: 16, directions: 'random' };

/** Largest hidden layer a slice may have (see NeuralNetSliceOptions.hidden). */
export const MAX_HIDDEN = 32;

/** λ of the L2 term every slice's network is trained and measured with (see nn/train.ts for why there is one). */
export const NEURAL_NET_WEIGHT_DECAY = 1e-3;

/** Full-batch Adam steps and learning rate per data set: enough to fit each well (then a polish to the exact minimum). */
const TRAINING: Record<DatasetId, { readonly steps: number; readonly lr: number }> = {
  moons: { steps: 500, lr: 0.03 },
  spirals: { steps: 1000, lr: 0.02 },
};
/** Points kept along the Adam path (plus its end and θ*). */
const PATH_POINTS = 100;
/** Random slices span α, β ∈ [−RANDOM_EXTENT, RANDOM_EXTENT]: filter-normalised units, where α = 1 moves every neuron's weights by their own length. */
export const RANDOM_EXTENT = 2;
/** The domain of every random slice. */
export const RANDOM_DOMAIN: Domain = { x: [-RANDOM_EXTENT, RANDOM_EXTENT], y: [-RANDOM_EXTENT, RANDOM_EXTENT] };
/** Grid side of the minima search. */
const MINIMA_GRID = 25;

export type { ProjectedPath } from './path.ts';

/** A slice as a Surface, plus what a model view needs. */
export interface NeuralNetSlice extends Surface {
  readonly options: Required<NeuralNetSliceOptions>;
  /** The training rows (inputs at 2i, 2i + 1; labels 0 or 1). */
  readonly data: ClassificationData;
  /** A square around the data with a margin: where to paint the decision regions. */
  readonly inputDomain: Domain;
  readonly parameterCount: number;
  readonly weightDecay: number;
  /** L(θ*), the loss training ended with; equal, bit for bit, to loss(0, 0). */
  readonly trainedLoss: number;
  /** ‖∇θ L(θ*)‖, the full gradient at the trained minimum. */
  readonly trainedGradientNorm: number;
  /** The training path on the plane (PCA slices; null for random directions, which the path barely touches). */
  readonly trainingPath: ProjectedPath | null;
  /** PCA slices: the share of the path's Σ‖θᵢ − θ*‖² along d₁ and d₂. */
  readonly explainedVariance: readonly [number, number] | null;
  /** The network's probability of class 1 at `count` inputs (x at 2k, y at 2k + 1), for the weights at slice point (x, y). */
  predict(x: number, y: number, inputs: ArrayLike<number>, count: number, out: Float64Array): void;
  /** Share of training rows classified right (p ≥ ½ ⇔ class 1) by the weights at (x, y). */
  accuracy(x: number, y: number): number;
  /** θ(x, y) = θ* + x d₁ + y d₂, a copy. */
  parameters(x: number, y: number): Float64Array;
  /** θ* and the plane's directions d₁, d₂ (copies), P numbers each in the layout of nn/mlp.ts. */
  readonly basis: { readonly center: Float64Array; readonly d1: Float64Array; readonly d2: Float64Array };
}

/** Throws an Error naming the bad option, or returns them all resolved. */
export function resolveNeuralNetOptions(options: NeuralNetSliceOptions = {}): Required<NeuralNetSliceOptions> {
  const resolved = { ...DEFAULT_NEURAL_NET_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  if (!DATASET_IDS.includes(resolved.dataset)) throw new Error(`dataset must be one of ${DATASET_IDS.join(', ')} (got ${String(resolved.dataset)})`);
  if (!Number.isInteger(resolved.seed) || resolved.seed < 0 || resolved.seed > 2 ** 32 - 1) throw new Error(`seed must be an integer from 0 to 2³² − 1 (got ${resolved.seed})`);
  if (!Number.isInteger(resolved.hidden) || resolved.hidden < 1 || resolved.hidden > MAX_HIDDEN) throw new Error(`hidden must be an integer from 1 to ${MAX_HIDDEN} (got ${resolved.hidden})`);
  if (!SLICE_DIRECTIONS.includes(resolved.directions)) throw new Error(`directions must be one of ${SLICE_DIRECTIONS.join(', ')} (got ${String(resolved.directions)})`);
  return resolved;
}

/** The id of the slice for these options: 'neural-net' for the registered one. */
export function neuralNetSliceId(options: Required<NeuralNetSliceOptions>): string {
  const { dataset, seed, hidden, directions } = options;
  const isDefault = dataset === DEFAULT_NEURAL_NET_OPTIONS.dataset && seed === DEFAULT_NEURAL_NET_OPTIONS.seed && hidden === DEFAULT_NEURAL_NET_OPTIONS.hidden && directions === DEFAULT_NEURAL_NET_OPTIONS.directions;
  return isDefault ? 'neural-net' : `neural-net-${dataset}-${directions}-h${hidden}-s${seed}`;
}

/** What a slice's options alone determine, known before any training: its names, formula and sizes. */
export function describeNeuralNetSlice(
  options: Required<NeuralNetSliceOptions>,
): Pick<NeuralNetSlice, 'id' | 'label' | 'teaches' | 'tex' | 'options' | 'parameterCount' | 'weightDecay' | 'defaultNoise'> {
  const { dataset, hidden, directions } = options;
  const size = mlpLayout(hidden).parameterCount;
  return {
    id: neuralNetSliceId(options),
    label: directions === 'random' ? `Neural net (${dataset})` : `Neural net (${dataset}, training plane)`,
    teaches:
      directions === 'random'
        ? `A real network's loss: a 2D slice through its ${size} weights around the trained minimum, along two filter-normalised random directions (Li et al., 2018).`
        : `The plane of the training path: the two main directions Adam's path took through the ${size} weights; the path drawn on it is projected, and its heights are not the slice's.`,
    tex: '\\frac{1}{N}\\sum_{i=1}^{N} \\ell\\!\\left(f(u_i;\\, \\theta^* + x\\,d_1 + y\\,d_2),\\, t_i\\right) + \\frac{\\lambda}{2}\\lVert\\theta\\rVert^2',
    options,
    parameterCount: size,
    weightDecay: NEURAL_NET_WEIGHT_DECAY,
    // Unused (mini-batches are real rows), but written down: estimating it would evaluate the network, and train a lazy slice, wherever a run is set up.
    defaultNoise: 0.5,
  };
}

/** Independent seeds for the data, the initialisation and each direction, from the one seed (a multiplicative hash). */
function streamSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}

/**
 * Trains the network and builds its slice (see the module comment). Takes a few
 * hundred milliseconds; the result is fixed by the options, bit for bit. In two
 * stages a pool can share out: trainSliceBasis (training and the directions,
 * once) and sliceLandscape (the minima and the lesson, from the basis alone).
 */
export function makeNeuralNetSlice(options: NeuralNetSliceOptions = {}): NeuralNetSlice {
  const basis = trainSliceBasis(options);
  const data = sliceDataset(basis.options);
  const evaluator = sliceEvaluator(new MlpBatch(mlpLayout(basis.options.hidden), data.inputs, data.labels), basis.center, basis.d1, basis.d2, NEURAL_NET_WEIGHT_DECAY);
  return assembleSlice(basis.options, data, evaluator, { ...basis, ...sliceLandscape(basis) });
}

/** What training gives a slice: θ*, the plane and the training path on it (all a height field needs). */
export interface SliceBasis {
  readonly options: Required<NeuralNetSliceOptions>;
  readonly center: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly domain: Domain;
  readonly trainedLoss: number;
  readonly trainedGradientNorm: number;
  readonly trainingPath: ProjectedPath | null;
  readonly explainedVariance: readonly [number, number] | null;
}

/** The first stage of makeNeuralNetSlice: the data, training to θ*, the directions and the domain. */
export function trainSliceBasis(options: NeuralNetSliceOptions = {}): SliceBasis {
  const resolved = resolveNeuralNetOptions(options);
  const { dataset, seed, hidden, directions } = resolved;
  const data = sliceDataset(resolved);
  const layout = mlpLayout(hidden);
  const batch = new MlpBatch(layout, data.inputs, data.labels);
  const { steps, lr } = TRAINING[dataset];
  const trained = train(batch, { steps, lr, weightDecay: NEURAL_NET_WEIGHT_DECAY, seed: streamSeed(seed, 1), recordEvery: Math.max(1, Math.round(steps / PATH_POINTS)) });
  const center = trained.theta;
  let d1: Float64Array;
  let d2: Float64Array;
  let trainingPath: ProjectedPath | null = null;
  let explainedVariance: readonly [number, number] | null = null;
  if (directions === 'random') {
    d1 = filterNormalizedDirection(layout, center, streamSeed(seed, 2));
    d2 = filterNormalizedDirection(layout, center, streamSeed(seed, 3));
  } else {
    const principal = principalDirections(trained.path, trained.pathCount, center);
    d1 = principal.d1;
    d2 = principal.d2;
    explainedVariance = principal.explained;
    trainingPath = projectPath(trained, center, d1, d2);
  }
  const domain = trainingPath === null ? RANDOM_DOMAIN : pathDomain(trainingPath);
  return { options: resolved, center, d1, d2, domain, trainedLoss: trained.loss, trainedGradientNorm: trained.gradientNorm, trainingPath, explainedVariance };
}

/** The landscape's facts a slice records: its minima and its lesson (start, learning rates, log height). */
export type SliceLandscape = Pick<SliceFindings, 'minima' | 'suggestedStart' | 'lrRange' | 'suggestedLr' | 'logHeight'>;

/** The second stage of makeNeuralNetSlice: minima and lesson, searched on the basis's plane (no training). */
export function sliceLandscape(basis: SliceBasis): SliceLandscape {
  const data = sliceDataset(basis.options);
  const batch = new MlpBatch(mlpLayout(basis.options.hidden), data.inputs, data.labels);
  const evaluator = sliceEvaluator(batch, basis.center, basis.d1, basis.d2, NEURAL_NET_WEIGHT_DECAY);
  // The loss-only kernel gives the evaluator's bits at about twice its speed (the grid is 625 losses).
  const landscape = { loss: basisPlaneLoss(basis, data), gradient: evaluator.gradient };
  const { domain } = basis;
  const grid = lossGrid(landscape, domain, MINIMA_GRID);
  const minima = findSliceMinima(landscape, domain, grid, MINIMA_GRID, [0, 0]);
  const lesson = chooseLesson(landscape, domain, grid, MINIMA_GRID, basis.trainingPath);
  return { minima, suggestedStart: lesson.start, lrRange: lesson.lrRange, suggestedLr: lesson.lr, logHeight: lesson.logHeight };
}

/** The slice's loss L(α, β) as nn/planeLoss.ts computes it: the evaluator's bits, loss only, for grids. */
export function basisPlaneLoss(basis: Pick<SliceBasis, 'options' | 'center' | 'd1' | 'd2'>, data: ClassificationData = sliceDataset(basis.options)): (alpha: number, beta: number) => number {
  return planeLoss(mlpLayout(basis.options.hidden), data.inputs, data.labels, basis.center, basis.d1, basis.d2, NEURAL_NET_WEIGHT_DECAY);
}

/** What training and the landscape search found: with the options, all a slice needs (see parts.ts). */
export interface SliceFindings extends Omit<SliceBasis, 'options'> {
  readonly minima: Surface['minima'];
  readonly suggestedStart: Surface['suggestedStart'];
  readonly lrRange: Surface['lrRange'];
  readonly suggestedLr: Surface['suggestedLr'];
  readonly logHeight: boolean;
}

/** The data set of a slice's options (the same rows makeNeuralNetSlice trains on). */
export function sliceDataset(options: Required<NeuralNetSliceOptions>): ClassificationData {
  return makeDataset(options.dataset, streamSeed(options.seed, 0));
}

/** The slice record over an evaluator of its trained network and what training found. */
export function assembleSlice(resolved: Required<NeuralNetSliceOptions>, data: ClassificationData, evaluator: SliceEvaluator, found: SliceFindings): NeuralNetSlice {
  const { center, d1, d2 } = found;
  const size = center.length;
  const examples: ExampleSet = { size: data.size, exampleLoss: evaluator.exampleLoss, exampleGradient: evaluator.exampleGradient };
  const probabilities = new Float64Array(data.size);
  return {
    ...describeNeuralNetSlice(resolved),
    loss: evaluator.loss,
    gradient: evaluator.gradient,
    domain: found.domain,
    minima: found.minima,
    suggestedStart: found.suggestedStart,
    lrRange: found.lrRange,
    suggestedLr: found.suggestedLr,
    logHeight: found.logHeight,
    examples,
    data,
    inputDomain: inputDomainOf(data),
    trainedLoss: found.trainedLoss,
    trainedGradientNorm: found.trainedGradientNorm,
    trainingPath: found.trainingPath,
    explainedVariance: found.explainedVariance,
    predict: evaluator.predict,
    accuracy(x, y) {
      evaluator.predict(x, y, data.inputs, data.size, probabilities);
      let right = 0;
      for (let i = 0; i < data.size; i++) if (probabilities[i] >= 0.5 === (data.labels[i] === 1)) right++;
      return right / data.size;
    },
    parameters(x, y) {
      const theta = new Float64Array(size);
      for (let p = 0; p < size; p++) theta[p] = center[p] + x * d1[p] + y * d2[p];
      return theta;
    },
    basis: { center: center.slice(), d1: d1.slice(), d2: d2.slice() },
  };
}

/** True for a neural-net slice (built or lazy): the surfaces a model view can draw as a network. */
export function isNeuralNetSlice(surface: Surface): surface is NeuralNetSlice {
  return 'predict' in surface && 'parameterCount' in surface && 'options' in surface;
}
