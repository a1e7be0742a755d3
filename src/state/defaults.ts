/**
 * The default setup and default runs. Hyper-parameters come from core's one
 * table (torch.optim's defaults); only the learning rate is chosen here, per
 * surface, so that the first picture teaches something.
 */
import { DEFAULT_BOWL_CONDITION, DEFAULT_DATASET_SIZE, defaultNoise, OPTIMIZER_IDS, optimizerDefaults, surfaces } from '../core/index.ts';
import type { HyperParameterValues, OptimizerId, Surface } from '../core/index.ts';
import { tableDefaults } from '../core/hyperParameters.ts';
import { RUN_PALETTE, type RunConfig, type Setup } from './setup.ts';

/** The surface the app opens on: several valleys, so the three default runs visibly part ways. */
export const DEFAULT_SURFACE_ID = 'valleys';
export const DEFAULT_STEPS = 200;
export const DEFAULT_STEPS_PER_SECOND = 60;
/** The runs of the default setup: the three ideas most people meet first. */
export const DEFAULT_OPTIMIZERS: readonly OptimizerId[] = ['sgd', 'momentum', 'adam'];

/** Round to 1, 2 or 5 × a power of ten, so default learning rates read cleanly (0.05, not 0.0483). */
export function niceNumber(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return value;
  const power = 10 ** Math.floor(Math.log10(value));
  const mantissa = value / power;
  const nice = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
  return Number((nice * power).toPrecision(1));
}

/**
 * A learning rate that shows the optimizer's character on `surface`.
 * - SGD: the surface's suggestedLr.
 * - Momentum and Nesterov (μ = 0.9): half of it. A running sum of gradients
 *   makes their steps up to 1/(1 − μ) = 10× longer on a steady slope, so they
 *   still get there sooner (on Rosenbrock, 200 steps take momentum to loss 0.3
 *   where SGD is still at 3.5), while Nesterov stays stable on surfaces whose
 *   suggested lr sits near SGD's limit (the bowl: it diverges at the full lr).
 * - Adagrad, RMSprop, Adam move each coordinate by about lr per step whatever
 *   the slope, so their lr scales with the size of the domain: about 1/100 of
 *   its span for Adam and RMSprop, 5× that for Adagrad, whose steps shrink as
 *   1/√t.
 * - Any other optimizer (one added to core's table since): SGD's, the surface's
 *   suggestedLr, until a line here says better.
 */
export function defaultLr(optimizer: OptimizerId, surface: Surface): number {
  const span = Math.max(surface.domain.x[1] - surface.domain.x[0], surface.domain.y[1] - surface.domain.y[0]);
  switch (optimizer) {
    case 'sgd':
      return surface.suggestedLr;
    case 'momentum':
    case 'nesterov':
      return niceNumber(surface.suggestedLr / 2);
    case 'rmsprop':
    case 'adam':
      return niceNumber(span / 100);
    case 'adagrad':
      return niceNumber((5 * span) / 100);
    default:
      return surface.suggestedLr;
  }
}

/**
 * Every hyper-parameter, with `optimizer`'s defaults for those it uses and the
 * table's for the rest, so every RunConfig is complete (switching optimizer
 * later fills the real defaults).
 */
export function optimizerParams(optimizer: OptimizerId): HyperParameterValues {
  return { ...tableDefaults(), ...optimizerDefaults(optimizer) };
}

/** The first optimizer (in display order) none of the runs uses yet; SGD when all are taken. */
export function nextOptimizer(used: readonly OptimizerId[]): OptimizerId {
  return OPTIMIZER_IDS.find((id) => !used.includes(id)) ?? 'sgd';
}

export interface DefaultRunOptions {
  /** The surface the run starts on (its lr is chosen for it); the default surface when omitted. */
  readonly surface?: Surface;
  /** N of the setup; the run starts full batch (B = N). */
  readonly datasetSize?: number;
}

/** A run of `optimizer` with torch defaults, id `r{index + 1}` and palette color `index`. */
export function defaultRun(optimizer: OptimizerId, index: number, options: DefaultRunOptions = {}): RunConfig {
  const surface = options.surface ?? surfaces[DEFAULT_SURFACE_ID];
  return {
    id: `r${index + 1}`,
    optimizer,
    lr: defaultLr(optimizer, surface),
    ...optimizerParams(optimizer),
    schedule: { type: 'constant' },
    batchSize: options.datasetSize ?? DEFAULT_DATASET_SIZE,
    noise: defaultNoise(surface),
    seed: 1,
    color: RUN_PALETTE[index % RUN_PALETTE.length],
    visible: true,
    start: null,
    pane: 0,
  };
}

/** What the app shows before anyone changes anything. */
export function defaultSetup(): Setup {
  const surface = surfaces[DEFAULT_SURFACE_ID];
  return {
    panes: [{ surface: DEFAULT_SURFACE_ID }],
    bowlCondition: DEFAULT_BOWL_CONDITION,
    custom: null,
    neuralNet: { dataset: 'moons', directions: 'random' },
    start: surface.suggestedStart,
    steps: DEFAULT_STEPS,
    datasetSize: DEFAULT_DATASET_SIZE,
    runs: DEFAULT_OPTIMIZERS.map((optimizer, index) => defaultRun(optimizer, index, { surface })),
    playback: { mode: 'instant', stepsPerSecond: DEFAULT_STEPS_PER_SECOND },
    view: { camera: '3d', logHeight: 'auto', overlays: { gradient: false, velocity: false, effectiveStep: false }, chartX: 'steps' },
  };
}
