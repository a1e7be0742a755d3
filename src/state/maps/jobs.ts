/**
 * What a map computes, built from the setup: the job the pool runs (a wire
 * spec: the run's optimizer settings, the pane's surface, the grid), the key
 * that says whether it changed, and the empty cells its results fill.
 */
import { defaultTolerance, hyperAxisOf, MAP_MAX_MINIMA, MAP_STEP_LIMIT, OPTIMIZERS, type Domain, type HyperAxis } from '../../core/index.ts';
import type { MapJob, WireBasinSpec, WireHyperSpec } from '../../worker/mapProtocol.ts';
import { optimizerSpec } from '../engine.ts';
import type { RunConfig, Setup } from '../setup.ts';
import { paneIndexOf, surfaceById, surfaceRefOf } from '../surfaceOf.ts';
import type { BasinData, HyperData, MapKind } from './types.ts';

export const BASIN_RESOLUTIONS = [64, 128, 256] as const;
export const DEFAULT_BASIN_RESOLUTION = 128;
/** Cells per side of the hyper-parameter map. */
export const HYPER_CELLS = 64;
/** The hyper map's momentum / β₁ axis. */
export const HYPER_PARAM_RANGE = [0, 0.99] as const;

const INVALID_SURFACE = 'This surface cannot be mapped until its function is valid.';

/** The run a map is for: the requested one if it still exists, else the selected, else the first. */
export function targetRun(setup: Setup, runId: string | null, selectedRunId: string | null): RunConfig | null {
  return setup.runs.find((run) => run.id === runId) ?? setup.runs.find((run) => run.id === selectedRunId) ?? setup.runs[0] ?? null;
}

/** The basin-map job for a run, or a reason there is none. */
export function basinJobFor(setup: Setup, run: RunConfig, resolution: number): { job: MapJob & { kind: 'basin' }; pane: number; domain: Domain } | { error: string } {
  const pane = paneIndexOf(setup, run.pane);
  const surface = surfaceById(setup.panes[pane].surface, setup);
  if (!surface) return { error: INVALID_SURFACE };
  const spec: WireBasinSpec = {
    ...optimizerSpec(run),
    surface: surfaceRefOf(setup, pane),
    steps: Math.min(setup.steps, MAP_STEP_LIMIT),
    resolution,
    tolerance: defaultTolerance(surface.domain),
  };
  return { job: { kind: 'basin', spec }, pane, domain: surface.domain };
}

/** The learning-rate span of a hyper map: the surface's SGD range, reaching 4× past its top so the edge of divergence shows. */
export function hyperLrRange(lrRange: readonly [number, number]): [number, number] {
  return [lrRange[0], lrRange[1] * 4];
}

/** The hyper-parameter-map job for a run, or a reason there is none. */
export function hyperJobFor(setup: Setup, run: RunConfig): { job: MapJob & { kind: 'hyper' }; axis: HyperAxis; bestLoss: number; startLoss: number } | { error: string } {
  const mapped = hyperAxisOf(run.optimizer);
  if (!mapped) return { error: `${OPTIMIZERS[run.optimizer].label} has no momentum or β₁ to map; pick a run with SGD, momentum, Nesterov, RMSprop or Adam.` };
  const pane = paneIndexOf(setup, run.pane);
  const surface = surfaceById(setup.panes[pane].surface, setup);
  if (!surface) return { error: INVALID_SURFACE };
  const [lrMin, lrMax] = hyperLrRange(surface.lrRange);
  const spec: WireHyperSpec = {
    ...optimizerSpec(run),
    optimizer: mapped.optimizer,
    surface: surfaceRefOf(setup, pane),
    steps: Math.min(setup.steps, MAP_STEP_LIMIT),
    start: run.start ?? setup.start,
    lrMin,
    lrMax,
    lrCells: HYPER_CELLS,
    axis: mapped.axis,
    paramMin: HYPER_PARAM_RANGE[0],
    paramMax: HYPER_PARAM_RANGE[1],
    paramCells: HYPER_CELLS,
    tolerance: defaultTolerance(surface.domain),
  };
  const best = surface.minima[0];
  return { job: { kind: 'hyper', spec }, axis: mapped.axis, bestLoss: best ? surface.loss(best[0], best[1]) : 0, startLoss: surface.loss(spec.start[0], spec.start[1]) };
}

/** A map ready to start: its job, the key that changes when the job does, and its empty cells. */
export interface PlannedMap {
  readonly job: MapJob;
  readonly key: string;
  /** Columns of its grid (cells per row), for placing tiles. */
  readonly columns: number;
  emptyCells(): BasinData | HyperData;
}

/** The map of `kind` for `run` in `setup`, or why there is none. */
export function planMap(kind: MapKind, setup: Setup, run: RunConfig, basinResolution: number): PlannedMap | { error: string } {
  if (kind === 'basin') {
    const made = basinJobFor(setup, run, basinResolution);
    if ('error' in made) return made;
    const { job, pane, domain } = made;
    const { spec } = job;
    const surface = surfaceById(setup.panes[pane].surface, setup);
    const minima = (surface?.minima ?? []).slice(0, MAP_MAX_MINIMA);
    const losses = minima.map(([x, y]) => surface?.loss(x, y) ?? Number.NaN);
    const lowest = Math.min(...losses);
    const global = losses.map((loss) => Math.abs(loss - lowest) <= 1e-6 * (1 + Math.abs(lowest)));
    const cells = spec.resolution * spec.resolution;
    return {
      job,
      key: JSON.stringify([job, pane]),
      columns: spec.resolution,
      emptyCells: () => ({ kind: 'basin', spec, pane, domain, resolution: spec.resolution, minima, global, outcome: new Uint8Array(cells), stepsToTolerance: new Int32Array(cells), filled: new Uint8Array(cells) }),
    };
  }
  const made = hyperJobFor(setup, run);
  if ('error' in made) return made;
  const { spec } = made.job;
  const cells = spec.lrCells * spec.paramCells;
  return {
    job: made.job,
    key: JSON.stringify(made.job),
    columns: spec.lrCells,
    emptyCells: () => ({
      kind: 'hyper',
      spec,
      sourceOptimizer: run.optimizer,
      runId: run.id,
      outcome: new Uint8Array(cells),
      stepsToTolerance: new Int32Array(cells),
      finalLoss: new Float64Array(cells).fill(Number.NaN),
      bestLoss: made.bestLoss,
      startLoss: made.startLoss,
      filled: new Uint8Array(cells),
    }),
  };
}
