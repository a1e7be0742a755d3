/**
 * Two-class toy data sets in the plane, drawn from a seed (mulberry32 from
 * random.ts, normals and angles from portableMath.ts, so the same bits in every
 * engine). Rows alternate between the classes: label i mod 2.
 */
import { createRandom } from '../random.ts';
import { cos, gaussian, sin } from './portableMath.ts';

/** The data sets a slice can be trained on. */
export const DATASET_IDS = ['moons', 'spirals'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** Rows of a binary classification problem: inputs (x, y) at 2i, 2i + 1 and labels 0 or 1. */
export interface ClassificationData {
  readonly size: number;
  readonly inputs: Float64Array;
  readonly labels: Float64Array;
}

/** Rows per data set. */
export const DATASET_SIZE = 200;

/** Standard deviation of the Gaussian noise added to each coordinate. */
export const MOONS_NOISE = 0.15;
export const SPIRALS_NOISE = 0.05;
/** Turns each spiral arm makes. */
export const SPIRAL_TURNS = 1;

const PI = 3.141592653589793;

/**
 * Two interleaving half circles (as scikit-learn's make_moons draws them, with a
 * uniform angle t ∈ [0, π) per row): class 0 on (cos t, sin t), class 1 on
 * (1 − cos t, ½ − sin t), plus noise, then shifted by (−½, −¼) so the data are
 * centred on the origin.
 */
function moons(seed: number, size: number): ClassificationData {
  const random = createRandom(seed);
  const inputs = new Float64Array(2 * size);
  const labels = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const label = i % 2;
    const t = PI * random();
    const x = label === 0 ? cos(t) : 1 - cos(t);
    const y = label === 0 ? sin(t) : 0.5 - sin(t);
    inputs[2 * i] = x + MOONS_NOISE * gaussian(random) - 0.5;
    inputs[2 * i + 1] = y + MOONS_NOISE * gaussian(random) - 0.25;
    labels[i] = label;
  }
  return { size, inputs, labels };
}

/**
 * Two arms of an Archimedean spiral, the second the first turned by π: for a
 * uniform t ∈ [0, 1), radius 0.1 + 0.9t and angle 2π·SPIRAL_TURNS·t (+ π for
 * class 1), plus noise. The data fill the unit disc.
 */
function spirals(seed: number, size: number): ClassificationData {
  const random = createRandom(seed);
  const inputs = new Float64Array(2 * size);
  const labels = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const label = i % 2;
    const t = random();
    const radius = 0.1 + 0.9 * t;
    const angle = 2 * PI * SPIRAL_TURNS * t + label * PI;
    inputs[2 * i] = radius * cos(angle) + SPIRALS_NOISE * gaussian(random);
    inputs[2 * i + 1] = radius * sin(angle) + SPIRALS_NOISE * gaussian(random);
    labels[i] = label;
  }
  return { size, inputs, labels };
}

/** The data set `id` drawn from `seed`: DATASET_SIZE rows. */
export function makeDataset(id: DatasetId, seed: number): ClassificationData {
  return id === 'moons' ? moons(seed, DATASET_SIZE) : spirals(seed, DATASET_SIZE);
}
