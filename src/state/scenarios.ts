/**
 * Guided scenarios: one click sets the surface, the start and the runs that show
 * one idea of a first course on gradient descent (see CURRICULUM.md), with a few
 * plain sentences and the update rules involved. test/state/scenarios.test.ts
 * runs every scenario through the engine and checks that its lesson is visible.
 */
import { makeBowl, OPTIMIZERS, SCHEDULES, surfaces } from '../core/index.ts';
import type { OptimizerId, Point, Surface } from '../core/types.ts';
import { defaultRun, defaultSetup } from './defaults.ts';
import type { RunConfig, Setup } from './setup.ts';

/** A formula shown with a scenario. */
export interface ScenarioRule {
  readonly label: string;
  readonly tex: string;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** Two or three plain sentences. */
  readonly text: string;
  readonly rules: readonly ScenarioRule[];
  /** A fresh, valid setup that shows the lesson. */
  build(): Setup;
}

type RunChoice = { readonly optimizer: OptimizerId } & Partial<Omit<RunConfig, 'id' | 'optimizer' | 'color'>>;

interface ScenarioSetup {
  readonly surface: string;
  readonly start: Point;
  readonly steps: number;
  readonly bowlCondition?: number;
  readonly datasetSize?: number;
  readonly runs: readonly RunChoice[];
}

function surfaceRecord(id: string, bowlCondition: number): Surface {
  return id === 'bowl' ? makeBowl(bowlCondition) : surfaces[id];
}

/** A whole setup from the few choices a scenario makes; everything else is the default. */
function buildSetup(choice: ScenarioSetup): Setup {
  const base = defaultSetup();
  const bowlCondition = choice.bowlCondition ?? base.bowlCondition;
  const surface = surfaceRecord(choice.surface, bowlCondition);
  const datasetSize = choice.datasetSize ?? surface.examples?.size ?? base.datasetSize;
  const runs = choice.runs.map((run, index): RunConfig => {
    const fresh = defaultRun(run.optimizer, index, { surface, datasetSize });
    return { ...fresh, ...run, id: fresh.id, color: fresh.color };
  });
  return {
    ...base,
    panes: [{ surface: choice.surface }],
    bowlCondition,
    start: choice.start,
    steps: choice.steps,
    datasetSize,
    runs,
    playback: { ...base.playback, mode: 'instant' },
  };
}

const rule = (optimizer: OptimizerId): ScenarioRule => ({ label: OPTIMIZERS[optimizer].label, tex: OPTIMIZERS[optimizer].updateRuleTex });

/** The scenarios, in the order a lecture meets their ideas. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'step-size',
    title: 'Step size: too small, just right, too big',
    text:
      'The same gradient descent three times, only the learning rate differs. Too small and the ball crawls; too big and every step overshoots the valley floor by more than it started, so the path flies apart. On a quadratic, plain gradient descent is stable only while the learning rate stays below 2 over the largest curvature.',
    rules: [rule('sgd'), { label: 'Stable when', tex: '\\eta < \\frac{2}{\\lambda_{\\max}} \\quad (\\lambda_{\\max} = 2 \\text{ here})' }],
    build: () =>
      buildSetup({
        surface: 'bowl',
        bowlCondition: 5,
        start: [-2.5, 2],
        steps: 100,
        runs: [
          { optimizer: 'sgd', lr: 0.005 },
          { optimizer: 'sgd', lr: 0.45 },
          { optimizer: 'sgd', lr: 1.1 },
        ],
      }),
  },
  {
    id: 'momentum-bowl',
    title: 'Momentum on a narrow valley',
    text:
      'In a long, narrow bowl the gradient points mostly across the valley, so plain gradient descent bounces from wall to wall and creeps along the floor. Momentum adds up past steps: the back-and-forth parts cancel while the steady push along the valley builds up, giving a smoother and faster path.',
    rules: [rule('sgd'), rule('momentum')],
    build: () =>
      buildSetup({
        surface: 'bowl',
        bowlCondition: 50,
        start: [-2.5, 2],
        steps: 150,
        runs: [
          { optimizer: 'sgd', lr: 0.98 },
          { optimizer: 'momentum', lr: 0.1, momentum: 0.9 },
        ],
      }),
  },
  {
    id: 'saddle',
    title: 'Stuck at a saddle point',
    text:
      'At a saddle the gradient vanishes although the point is no minimum: the surface curves up one way and down the other. Starting a hair off the ridge, plain gradient descent slides into the saddle and lingers, because the tiny sideways slope grows only slowly. Momentum builds that push up faster, and Adam rescales the tiny gradient to a full-size step and leaves at once.',
    rules: [rule('sgd'), rule('momentum'), rule('adam')],
    build: () =>
      buildSetup({
        surface: 'saddle',
        start: [-1.5, 1e-3],
        steps: 300,
        runs: [
          { optimizer: 'sgd', lr: 0.01 },
          { optimizer: 'momentum', lr: 0.01, momentum: 0.9 },
          { optimizer: 'adam', lr: 0.05 },
        ],
      }),
  },
  {
    id: 'start-decides',
    title: 'The start decides the valley',
    text:
      'Gradient descent only ever goes downhill from where it is, so it ends in the valley whose basin it starts in. The same optimizer with the same learning rate, started from two nearby points, settles in two different minima, and only one of them is the deepest.',
    rules: [rule('sgd')],
    build: () =>
      buildSetup({
        surface: 'valleys',
        start: [0.2, 0.4],
        steps: 300,
        runs: [
          { optimizer: 'sgd', lr: 0.1, start: [0.2, 0.4] },
          { optimizer: 'sgd', lr: 0.1, start: [-0.6, 0.0] },
        ],
      }),
  },
  {
    id: 'minibatch',
    title: 'Mini-batch noise: 1, 16 or all examples',
    text:
      'The loss of a line fitted to data is the average of one loss per data row. Full-batch gradient descent averages all rows at every step; a mini-batch uses a random few, which is cheaper but only an estimate of the true gradient. With one row per step the path is spiky, with 16 rows it is calmer, and all of them trace the smooth full-batch path.',
    rules: [
      { label: 'Mini-batch gradient', tex: 'g_t = \\frac{1}{B} \\sum_{i \\in \\mathcal{B}_t} \\nabla L_i(\\theta_{t-1})' },
      rule('sgd'),
    ],
    build: () => {
      const rows = surfaces['linear-regression'].examples?.size ?? 64;
      return buildSetup({
        surface: 'linear-regression',
        start: [-0.5, 1.5],
        steps: 200,
        datasetSize: rows,
        runs: [
          { optimizer: 'sgd', lr: 0.05, batchSize: 1, seed: 7 },
          { optimizer: 'sgd', lr: 0.05, batchSize: 16, seed: 7 },
          { optimizer: 'sgd', lr: 0.05, batchSize: rows },
        ],
      });
    },
  },
  {
    id: 'adagrad-rmsprop',
    title: "AdaGrad's shrinking steps vs RMSprop's leaky average",
    text:
      'Both divide each coordinate’s step by the size of its past gradients, and here both take the same first step. AdaGrad adds up every squared gradient forever, so the huge gradients of the first steps keep its later steps tiny and it runs out of steam short of the minimum. RMSprop keeps a leaky average instead, so old gradients fade and its steps stay useful all the way down.',
    rules: [rule('adagrad'), rule('rmsprop')],
    build: () =>
      buildSetup({
        surface: 'booth',
        start: [-8, -6],
        steps: 300,
        runs: [
          { optimizer: 'adagrad', lr: 0.5 },
          { optimizer: 'rmsprop', lr: 0.05 },
        ],
      }),
  },
  {
    id: 'adam-rosenbrock',
    title: "Adam vs momentum in Rosenbrock's curved valley",
    text:
      'Rosenbrock’s valley is steep across and nearly flat along its curving floor. SGD with momentum races along the floor but swings from wall to wall, and it is stable only for a small learning rate: double it and the steep walls throw the ball out. Adam scales each coordinate’s step by that coordinate’s own gradient history, so its path hugs the floor and a much wider range of learning rates works.',
    rules: [rule('momentum'), rule('adam')],
    build: () =>
      buildSetup({
        surface: 'rosenbrock',
        start: [-1.2, 1],
        steps: 1000,
        runs: [
          { optimizer: 'momentum', lr: 2e-3, momentum: 0.9 },
          { optimizer: 'momentum', lr: 4e-3, momentum: 0.9 },
          { optimizer: 'adam', lr: 0.2 },
        ],
      }),
  },
  {
    id: 'schedule-rescue',
    title: 'A schedule rescues a step that is too big',
    text:
      'With a learning rate a little too big, constant steps overshoot more every time and the run diverges. The same start and the same learning rate under a 1/t decay drop below the stability limit after a few steps, and from there the path settles into the minimum.',
    rules: [rule('sgd'), { label: SCHEDULES['inverse-time'].label, tex: SCHEDULES['inverse-time'].tex }],
    build: () =>
      buildSetup({
        surface: 'bowl',
        bowlCondition: 5,
        start: [-2.5, 2],
        steps: 150,
        runs: [
          { optimizer: 'sgd', lr: 1.15 },
          { optimizer: 'sgd', lr: 1.15, schedule: { type: 'inverse-time', decay: 0.05 } },
        ],
      }),
  },
];

/** The scenario with this id (own entries only), or undefined. */
export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
