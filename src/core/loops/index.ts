/**
 * The hot loops: one specialised loop per optimizer, chosen once per run, with the
 * optimizer's state in locals. Each takes up to `count` steps from the run's last
 * point, stores every new point, and stops at the first point that is non-finite
 * or out of bounds (see `Bounds`), without storing it. Buffers, bounds and
 * optimizer state are read into locals once per call; nothing allocates per step.
 * The update rules are in each loop's doc comment (and in optimizers.ts).
 */
import type { OptimizerId } from '../types.ts';
import { ADAM, ADAMW } from './adam.ts';
import { ADAMAX, NADAM, RADAM } from './adamVariants.ts';
import { ADADELTA, ADAGRAD, RMSPROP, RPROP } from './adaptive.ts';
import { EVOLUTION, RANDOM_SEARCH } from './gradientFree.ts';
import { LBFGS } from './lbfgs.ts';
import { NEWTON } from './newton.ts';
import { MOMENTUM, NESTEROV, SGD } from './sgd.ts';
import type { OptimizerLoop } from './types.ts';

export { ONE_GRADIENT, writeStepCounts } from './types.ts';
export type { BatchView, Bounds, LoopState, OptimizerLoop, Quantity, StateQuantity, StepCost } from './types.ts';

/** Each optimizer's loop, state layout, cost and state description. */
export const LOOPS: Readonly<Record<OptimizerId, OptimizerLoop>> = {
  sgd: SGD,
  momentum: MOMENTUM,
  nesterov: NESTEROV,
  adagrad: ADAGRAD,
  rmsprop: RMSPROP,
  adam: ADAM,
  adamw: ADAMW,
  nadam: NADAM,
  radam: RADAM,
  adamax: ADAMAX,
  adadelta: ADADELTA,
  rprop: RPROP,
  lbfgs: LBFGS,
  newton: NEWTON,
  'random-search': RANDOM_SEARCH,
  evolution: EVOLUTION,
};
