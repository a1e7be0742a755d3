/**
 * The run a hyper-parameter map cell stands for: the settings a click on the
 * cell adds (its learning rate and μ or β₁, rounded as a person would type them,
 * with the mapped run's other settings and start), and what that run does, in
 * core's words (describeOutcome). The heatmap's read-out says exactly what the
 * added run's label will say, because both come from the same run.
 */
import { describeOutcome, hyperCellLr, hyperCellParam, OPTIMIZERS, simulate, type OptimizerId, type Outcome } from '../../core/index.ts';
import { defaultRun } from '../defaults.ts';
import { wireRunSpec } from '../engine.ts';
import type { RunConfig, Setup } from '../setup.ts';
import { paneIndexOf, surfaceById } from '../surfaceOf.ts';
import type { HyperData } from './types.ts';

/** A cell's run as the store's addRun takes it. */
export interface CellRun {
  readonly optimizer: OptimizerId;
  readonly patch: Partial<Omit<RunConfig, 'id'>>;
}

/** What clicking cell (column, row) adds. */
export function cellRun(setup: Setup, data: HyperData, column: number, row: number): CellRun {
  const source = setup.runs.find((run) => run.id === data.runId);
  const lr = Number(hyperCellLr(data.spec, column).toPrecision(4));
  const param = Number(hyperCellParam(data.spec, row).toPrecision(4));
  // SGD is mapped as momentum: its μ = 0 row is SGD itself.
  const optimizer = data.sourceOptimizer === 'sgd' && param > 0 ? 'momentum' : data.sourceOptimizer;
  const patch = {
    ...(source ? { alpha: source.alpha, centered: source.centered, beta2: source.beta2, eps: source.eps, schedule: source.schedule, start: source.start, pane: source.pane } : {}),
    lr,
    ...(data.spec.axis === 'beta1' ? { beta1: param } : OPTIMIZERS[optimizer].hyperParameters.some((p) => p.key === 'momentum') ? { momentum: param } : {}),
  };
  return { optimizer, patch };
}

/** The cell's run as the setup would hold it once added (the store's addRun, without its clamps: a cell's values are in range). */
export function cellRunConfig(setup: Setup, data: HyperData, column: number, row: number): RunConfig | null {
  const { optimizer, patch } = cellRun(setup, data, column, row);
  const pane = paneIndexOf(setup, patch.pane ?? 0);
  const surface = surfaceById(setup.panes[pane].surface, setup);
  if (!surface) return null;
  return { ...defaultRun(optimizer, setup.runs.length, { surface, datasetSize: setup.datasetSize }), ...patch, optimizer };
}

/** What the run of a cell does over the setup's steps, or null when its surface is not ready. */
export function cellOutcome(setup: Setup, data: HyperData, column: number, row: number): Outcome | null {
  const run = cellRunConfig(setup, data, column, row);
  if (!run) return null;
  const surface = surfaceById(setup.panes[paneIndexOf(setup, run.pane)].surface, setup);
  if (!surface) return null;
  const trajectory = simulate({ ...wireRunSpec(setup, run), surface });
  return describeOutcome(trajectory, surface);
}
