/** The built-in surfaces, keyed by id, in the order the UI lists them. */
import type { Surface } from '../types.ts';
import { bowl } from './bowl.ts';
import { beale, booth, himmelblau, rosenbrock } from './classic.ts';
import { linearRegression } from './linearRegression.ts';
import { ackley, goldsteinPrice, rastrigin, sixHumpCamel } from './multimodal.ts';
import { neuralNet } from './neuralNet/index.ts';
import { saddle } from './saddle.ts';
import { valleys } from './valleys.ts';

/** Built-in surfaces in display order. */
export const surfaceList: readonly Surface[] = [
  saddle,
  bowl,
  valleys,
  rosenbrock,
  himmelblau,
  beale,
  rastrigin,
  ackley,
  sixHumpCamel,
  booth,
  goldsteinPrice,
  linearRegression,
  neuralNet,
];

/** Every built-in surface by id: `surfaces.rosenbrock`, `surfaces['six-hump-camel']`. */
export const surfaces: Readonly<Record<string, Surface>> = Object.freeze(Object.fromEntries(surfaceList.map((surface) => [surface.id, surface])));

/** Built-in surface ids in display order. */
export const SURFACE_IDS: readonly string[] = surfaceList.map((surface) => surface.id);

export { makeBowl, DEFAULT_BOWL_CONDITION } from './bowl.ts';
export { LEAST_SQUARES } from './linearRegression.ts';
