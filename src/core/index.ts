/**
 * Descent Lab's engine, the public API. Pure TypeScript: runs unchanged in
 * Node, in a Web Worker and in tests.
 *
 *   import { simulate, surfaces } from './src/core/index.ts';
 *   const path = simulate({ surface: 'rosenbrock', optimizer: 'adam', lr: 0.02, start: [-1.2, 1], steps: 1000 });
 */
export type { Domain, ExampleSet, OptimizerId, Point, Range, RunSpec, Schedule, ScheduleType, StopReason, Surface, Trajectory } from './types.ts';

export { surfaces, surfaceList, SURFACE_IDS, makeBowl, DEFAULT_BOWL_CONDITION, LEAST_SQUARES } from './surfaces/index.ts';

export { OPTIMIZERS, OPTIMIZER_IDS, optimizerDefaults, isOptimizerId } from './optimizers.ts';
export type { HyperParameter, HyperParameterKey, OptimizerInfo, OptimizerSettings } from './optimizers.ts';

export { learningRateAt, SCHEDULES, scheduleDefaults, scheduleError } from './schedules.ts';
export type { ScheduleInfo, ScheduleParameter } from './schedules.ts';

export { DEFAULT_DATASET_SIZE, defaultNoise, MiniBatchGradient, perturbations } from './noise.ts';

export { createRun, simulate, DIVERGENCE_LOSS, DIVERGENCE_SPANS, RUNAWAY_SPANS } from './simulate.ts';
export type { Run, RunOptions } from './run.ts';
export { writeStepCounts } from './loops/index.ts';
export type { StepCost } from './loops/index.ts';

export { validateSpec, resolveSurface, DEFAULT_SEED } from './validate.ts';

export * from './limits.ts';

export { HYPER_PARAMETERS, HYPER_PARAMETER_KEYS, hyperParameterError } from './hyperParameters.ts';
export type { HyperParameterSpec, HyperParameterValues, NumberParameterSpec, IntegerParameterSpec, BooleanParameterSpec, ChoiceParameterSpec } from './hyperParameters.ts';
export type { ResolvedRunSpec } from './validate.ts';

export { heightField, heightFieldRange, gradientNorm, typicalGradientNorm } from './field.ts';

export { hessianAt, differenceHessian, symmetricEigenvalues } from './hessian.ts';

export * from './nn/public.ts';

export { createRandom, type Random } from './random.ts';

export {
  basinMap,
  hyperMap,
  tileGrid,
  tileSideFor,
  basinCellStart,
  hyperCellLr,
  hyperCellParam,
  hyperAxisOf,
  classifyEnd,
  defaultTolerance,
  MAP_DIVERGED,
  MAP_NOT_CONVERGED,
  MAP_MAX_MINIMA,
  SETTLE_FRACTION,
  SETTLE_STEPS,
} from './maps.ts';
export type { BasinMapSpec, BasinTileResult, GridTile, HyperAxis, HyperMapSpec, HyperTileResult, MapOptimizer } from './maps.ts';

export { describeOutcome, convergedAt, lowestKnownLoss, CONVERGENCE } from './outcome.ts';
export type { Outcome, OutcomeKind, PathSummary } from './outcome.ts';

export { inspectStep } from './inspect.ts';
export type { Quantity, StateQuantity, StepInspection } from './inspect.ts';

export { tuneLearningRate, evaluateLearningRates, learningRateGrid, refineLearningRates, learningRateBudget, bestTrial } from './tune.ts';
export type { LearningRateTrial, TuneOptions, TuneResult } from './tune.ts';
