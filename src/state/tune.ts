/**
 * "Tune η": the learning rate that ends lowest under the run's own budget of gradient
 * evaluations, searched on the map worker pool. Core decides everything (tune.ts: the
 * log grid, the refinement between the best candidate's neighbours, the scoring);
 * here each list of candidates becomes one pool job, one learning rate per tile, so
 * the workers score them in parallel. The answer does not depend on which worker
 * scored what: the same run always gets the same learning rate.
 */
import { bestTrial, learningRateGrid, refineLearningRates, type LearningRateTrial } from '../core/index.ts';
import { createMapPool } from '../worker/pool.ts';
import type { MapPool } from '../worker/poolTypes.ts';
import type { WireRunSpec } from '../worker/protocol.ts';

export interface TuneSearchOptions {
  /** The first grid (core's defaults: 1e-5 … 10, three a decade) and the refinement rounds after it. */
  readonly lrMin?: number;
  readonly lrMax?: number;
  readonly gridSize?: number;
  readonly rounds?: number;
  readonly refineSize?: number;
  /** Learning rates scored so far, of all planned (the total grows as rounds are planned). */
  readonly onProgress?: (done: number, planned: number) => void;
}

export interface TuneSearch {
  /** The trial that ended lowest (the smaller learning rate on a tie). */
  readonly best: LearningRateTrial;
  /** The run's own learning rate, scored the same way. */
  readonly current: LearningRateTrial;
  /** Every trial, by increasing learning rate. */
  readonly trials: readonly LearningRateTrial[];
}

/** Scores `lrs` on the pool (one the search has to itself): one tile per learning rate. Rejects with plain words when the job fails. */
function score(pool: MapPool, spec: WireRunSpec, lrs: readonly number[], onTrial: () => void): Promise<LearningRateTrial[]> {
  return new Promise((resolve, reject) => {
    const trials: LearningRateTrial[] = [];
    const tiles = lrs.map((_, index) => ({ index, column: index, row: 0, columns: 1, rows: 1 }));
    pool.run({ kind: 'tune', spec, lrs, budget: null }, tiles, {
      onTile(_tile, result) {
        trials.push(...(result.trials ?? []));
        onTrial();
      },
      onDone: () => resolve(trials),
      onError: (message) => reject(new Error(message)),
    });
  });
}

/**
 * The search for `spec` (see the module comment); `spec.lr` is scored beside the grid.
 * The pool must be the search's alone: a job run on it meanwhile would supersede the search's.
 */
export async function searchLearningRate(pool: MapPool, spec: WireRunSpec, options: TuneSearchOptions = {}): Promise<TuneSearch> {
  const { rounds = 2, refineSize = 6, onProgress } = options;
  let done = 0;
  let planned = 0;
  const run = async (lrs: number[]): Promise<LearningRateTrial[]> => {
    planned += lrs.length;
    onProgress?.(done, planned);
    return score(pool, spec, lrs, () => onProgress?.(++done, planned));
  };
  const grid = learningRateGrid(options);
  const trials = await run(grid.includes(spec.lr) ? grid : [...grid, spec.lr]);
  for (let round = 0; round < rounds; round++) {
    const next = refineLearningRates(trials, refineSize);
    if (next.length === 0) break;
    trials.push(...(await run(next)));
  }
  trials.sort((a, b) => a.lr - b.lr);
  const current = trials.find((trial) => trial.lr === spec.lr)!;
  return { best: bestTrial(trials), current, trials };
}

/** The search on a pool of map workers started for it and ended after it (the maps' own pool is left alone). */
export async function searchOnFreshPool(spec: WireRunSpec, options: TuneSearchOptions = {}): Promise<TuneSearch> {
  const pool = createMapPool();
  try {
    return await searchLearningRate(pool, spec, options);
  } finally {
    pool.dispose();
  }
}
