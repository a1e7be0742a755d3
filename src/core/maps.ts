/**
 * Maps: many runs at once, summarised per cell.
 *
 * - A basin map runs one optimizer from every start of a G×G grid over a domain
 *   and classifies where each run ends: the index of the known minimum it settled
 *   within `tolerance` of (and the step it got there), diverged, or not converged.
 * - A hyper-parameter map runs from one start over a grid of learning rate (log
 *   axis) × momentum μ (or Adam's β₁) and records the final loss, the steps it took
 *   to get within tolerance of a minimum, and the same outcome code.
 *
 * Both are computed tile by tile (`tileGrid`), so a pool of workers can share one
 * map; a tile's cells are independent of every other cell.
 *
 * Speed. Each of the six classic optimizers has one loop (mapLoops.ts) that runs a whole cell with its state in
 * locals and writes only the cell's summary into structure-of-arrays typed
 * arrays: nothing allocates per step or per cell, and the only call per step is
 * the surface's own gradient (full batch: maps are deterministic). Cells stop
 * early when they diverge and, in basin maps, when they have settled (see
 * SETTLE_FRACTION; not RMSprop and Adam, see SETTLES).
 *
 * Agreement with `simulate`: the update arithmetic is loops.ts's, expression for
 * expression, so a cell's iterates are bit-identical to the single run's from the
 * same start. The divergence guard checks the same bounds every step but tests the
 * loss (|L| > DIVERGENCE_LOSS) only at the start and at the end, not every step,
 * which would double the cost; a run whose loss passes 1e30 inside the bounds
 * leaves them a step or two later anyway, so only `divergedAt` could differ, and
 * maps do not report it.
 *
 * Every other optimizer, and the classic ones with weight decay or AMSGrad, run
 * each cell through the generic path (mapCells.ts): the optimizer's own loop from
 * loops/, as simulate runs it, with every step computed (no early exit).
 */
import { CELL_LOOPS, SETTLE_FRACTION, type CellContext } from './mapLoops.ts';
import { defaultTolerance, genericCellRunner, MAP_DIVERGED, MAP_MAX_MINIMA, MAP_NOT_CONVERGED } from './mapCells.ts';
import type { HyperParameterValues } from './hyperParameters.ts';
import { MAX_MAP_RESOLUTION, MAX_MAP_STEPS } from './limits.ts';
import { optimizerDefaults } from './optimizers.ts';
import { DIVERGENCE_LOSS, DIVERGENCE_SPANS } from './simulate.ts';
import type { Domain, OptimizerId, Point, RunSpec, Surface } from './types.ts';
import { resolveHyperParameters } from './validate.ts';
import { checkTile, hyperCellLr, hyperCellParam, positiveFinite, unitParameter, wholeGrid, wholeInRange, type GridTile } from './mapGrid.ts';

export { SETTLE_FRACTION, SETTLE_STEPS } from './mapLoops.ts';
export { basinCellStart, hyperCellLr, hyperCellParam, tileGrid, tileSideFor, type GridTile } from './mapGrid.ts';
export { classifyEnd, defaultTolerance, DEFAULT_TOLERANCE_FRACTION, MAP_DIVERGED, MAP_MAX_MINIMA, MAP_NOT_CONVERGED } from './mapCells.ts';

/** The optimizer settings a map uses (full batch; no noise): any hyper-parameter; omitted values take torch's defaults. */
export type MapOptimizer = Pick<RunSpec, 'optimizer' | 'lr' | 'schedule'> & Partial<HyperParameterValues>;

/** What a basin map computes. */
export interface BasinMapSpec extends MapOptimizer {
  readonly surface: Surface;
  readonly steps: number;
  /** Cells per side, G (starts at cell centres). */
  readonly resolution: number;
  /** The rectangle of starts; the surface's domain by default. */
  readonly domain?: Domain;
  /** Distance to a minimum that counts as reached; DEFAULT_TOLERANCE_FRACTION of the domain's larger side by default. */
  readonly tolerance?: number;
}

/** The axis a hyper-parameter map varies besides the learning rate. */
export type HyperAxis = 'momentum' | 'beta1';

/** What a hyper-parameter map computes: cells over log-lr (columns) × `axis` (rows), one start. */
export interface HyperMapSpec extends MapOptimizer {
  readonly surface: Surface;
  readonly steps: number;
  readonly start: Point;
  /** Columns: learning rates lrMin … lrMax, evenly spaced in log(lr), both ends included. */
  readonly lrMin: number;
  readonly lrMax: number;
  readonly lrCells: number;
  /** Rows: axis values paramMin … paramMax, evenly spaced, both ends included. */
  readonly axis: HyperAxis;
  readonly paramMin: number;
  readonly paramMax: number;
  readonly paramCells: number;
  readonly tolerance?: number;
}

/** One basin-map tile's cells, row-major within the tile (row = y index from y.min). */
export interface BasinTileResult {
  readonly tile: GridTile;
  /** Outcome per cell: minimum index, MAP_NOT_CONVERGED or MAP_DIVERGED. */
  readonly outcome: Uint8Array;
  /**
   * Step at which the run first came within tolerance of the minimum it ended at
   * (since it last was near another), −1 when it ended near none.
   */
  readonly stepsToTolerance: Int32Array;
  /** Optimizer steps actually computed for the tile (early exits make it smaller than cells × steps). */
  readonly stepsComputed: number;
}

/** One hyper-parameter-map tile's cells, row-major within the tile (row = axis index from paramMin). */
export interface HyperTileResult {
  readonly tile: GridTile;
  readonly outcome: Uint8Array;
  readonly stepsToTolerance: Int32Array;
  /** Loss at the last point (NaN when diverged). */
  readonly finalLoss: Float64Array;
  readonly stepsComputed: number;
}

/**
 * Which optimizer a hyper-parameter map runs and which axis it varies, for the
 * optimizer a person picked: SGD is mapped as momentum (its μ = 0 row is exactly
 * SGD), the Adam family (Adam, AdamW, NAdam, RAdam, Adamax) varies β₁, the others
 * with a torch momentum (momentum, Nesterov, RMSprop) vary μ; the rest get null.
 */
export function hyperAxisOf(optimizer: OptimizerId): { readonly optimizer: OptimizerId; readonly axis: HyperAxis } | null {
  if (optimizer === 'sgd') return { optimizer: 'momentum', axis: 'momentum' };
  const axis = axisOf(optimizer);
  return axis === null ? null : { optimizer, axis };
}

/** The axis an optimizer's own hyper-parameters offer: β₁ if it has one, else μ, else null. */
function axisOf(optimizer: OptimizerId): HyperAxis | null {
  const defaults = optimizerDefaults(optimizer);
  if (defaults.beta1 !== undefined) return 'beta1';
  if (defaults.momentum !== undefined) return 'momentum';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Set-up

/**
 * The classic optimizers whose settled runs stay settled. RMSprop and Adam divide by a running
 * RMS of the gradient that decays as the gradient vanishes, so a run resting in a
 * minimum can burst out again hundreds of steps later (RMSprop on valleys does);
 * their cells always run every step.
 */
const SETTLES: Readonly<Partial<Record<OptimizerId, boolean>>> = { sgd: true, momentum: true, nesterov: true, adagrad: true };

function cellContext(spec: MapOptimizer & { readonly surface: Surface; readonly steps: number }, resolved: HyperParameterValues, tolerance: number, earlyExit: boolean): CellContext {
  const { surface } = spec;
  const { x: [x0, x1], y: [y0, y1] } = surface.domain;
  // The bounds simulate uses, from the surface's own domain (not the map's).
  const reach = DIVERGENCE_SPANS * Math.max(x1 - x0, y1 - y0);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const minima = surface.minima.slice(0, MAP_MAX_MINIMA);
  const { alpha, centered, beta2, eps } = resolved;
  return {
    gradient: surface.gradient,
    g: new Float64Array(2),
    steps: spec.steps,
    schedule: spec.schedule === undefined || spec.schedule.type === 'constant' ? undefined : spec.schedule,
    nesterov: spec.optimizer === 'nesterov',
    alpha,
    centered,
    beta2,
    eps,
    xLow: cx - reach,
    xHigh: cx + reach,
    yLow: cy - reach,
    yHigh: cy + reach,
    minimaX: Float64Array.from(minima, (point) => point[0]),
    minimaY: Float64Array.from(minima, (point) => point[1]),
    tolerance2: tolerance * tolerance,
    settle2: earlyExit && SETTLES[spec.optimizer] === true ? (SETTLE_FRACTION * tolerance) ** 2 : -1,
    out: new Float64Array(5),
  };
}

/** Runs one cell from (x, y) with learning rate lr and axis value `param`, writing its summary into `out` (see CellContext.out). */
type CellRun = (x: number, y: number, lr: number, param: number) => void;

/**
 * The cell runner for a map: the optimizer's specialised cell loop when it has one
 * and the spec uses nothing that loop leaves out (weight decay, AMSGrad), else the
 * generic path. `axis` is the hyper map's (null for a basin map).
 */
function cellRunner(spec: MapOptimizer & { readonly surface: Surface; readonly steps: number }, tolerance: number, earlyExit: boolean, axis: HyperAxis | null): { run: CellRun; out: Float64Array } {
  const resolved = resolveHyperParameters(spec, spec.optimizer);
  const loop = CELL_LOOPS[spec.optimizer];
  if (loop !== undefined && resolved.weightDecay === 0 && !resolved.amsgrad) {
    const context = cellContext(spec, resolved, tolerance, earlyExit);
    const fixed = spec.optimizer === 'adam' ? resolved.beta1 : resolved.momentum;
    return { run: (x, y, lr, param) => loop(context, x, y, lr, axis === null ? fixed : param), out: context.out };
  }
  const out = new Float64Array(5);
  const { surface, optimizer, steps, schedule } = spec;
  const runner = genericCellRunner({ ...resolved, surface, optimizer, steps, schedule }, tolerance, out);
  return { run: (x, y, lr, param) => runner(x, y, lr, axis === null ? {} : { [axis]: param }), out };
}

/** Whether a start is usable at all (simulate marks a run diverged at step 0 when its loss is not). */
function usableLoss(loss: number): boolean {
  return loss <= DIVERGENCE_LOSS && loss >= -DIVERGENCE_LOSS;
}

/** Outcome code of a finished cell: the loop's `current` (−2 diverged, −1 none) plus an end-of-run loss check. */
function outcomeCode(current: number, endLoss: number): number {
  if (current === -2 || !usableLoss(endLoss)) return MAP_DIVERGED;
  return current < 0 ? MAP_NOT_CONVERGED : current;
}

// ---------------------------------------------------------------------------------------------
// The maps

/**
 * One tile of a basin map (the whole map when `tile` is omitted): from each
 * cell's centre, run `steps` steps of the optimizer and classify the end.
 * Throws an Error naming the field when the spec is invalid.
 */
export function basinMap(spec: BasinMapSpec, tile?: GridTile): BasinTileResult {
  const resolution = wholeInRange('resolution', spec.resolution, 1, MAX_MAP_RESOLUTION);
  const steps = wholeInRange('steps', spec.steps, 1, MAX_MAP_STEPS);
  const lr = positiveFinite('lr', spec.lr);
  const domain = spec.domain ?? spec.surface.domain;
  const tolerance = positiveFinite('tolerance', spec.tolerance ?? defaultTolerance(domain));
  const area = tile ?? wholeGrid(resolution, resolution);
  checkTile(area, resolution, resolution);

  const { run, out } = cellRunner({ ...spec, steps }, tolerance, true, null);
  const { surface } = spec;
  const cells = area.columns * area.rows;
  const outcome = new Uint8Array(cells);
  const stepsToTolerance = new Int32Array(cells);
  let stepsComputed = 0;
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const dx = (x1 - x0) / resolution;
  const dy = (y1 - y0) / resolution;
  for (let r = 0; r < area.rows; r++) {
    const y = y0 + (area.row + r + 0.5) * dy;
    for (let q = 0; q < area.columns; q++) {
      const x = x0 + (area.column + q + 0.5) * dx;
      const cell = r * area.columns + q;
      if (!usableLoss(surface.loss(x, y))) {
        outcome[cell] = MAP_DIVERGED;
        stepsToTolerance[cell] = -1;
        continue;
      }
      run(x, y, lr, 0);
      stepsComputed += out[4];
      const code = out[2] < 0 ? outcomeCode(out[2], 0) : outcomeCode(out[2], surface.loss(out[0], out[1]));
      outcome[cell] = code;
      stepsToTolerance[cell] = code < MAP_MAX_MINIMA ? out[3] : -1;
    }
  }
  return { tile: area, outcome, stepsToTolerance, stepsComputed };
}

/**
 * One tile of a hyper-parameter map (the whole map when `tile` is omitted): from
 * `start`, run every (learning rate, μ or β₁) cell for all `steps` (no early exit
 * on convergence, so the final loss is the loss after the last step, as in simulate).
 */
export function hyperMap(spec: HyperMapSpec, tile?: GridTile): HyperTileResult {
  const steps = wholeInRange('steps', spec.steps, 1, MAX_MAP_STEPS);
  const lrMin = positiveFinite('lrMin', spec.lrMin);
  const lrMax = positiveFinite('lrMax', spec.lrMax);
  if (lrMax < lrMin) throw new Error(`lrMax must be ≥ lrMin (got ${lrMin} … ${lrMax})`);
  const lrCells = wholeInRange('lrCells', spec.lrCells, 1, MAX_MAP_RESOLUTION);
  const paramCells = wholeInRange('paramCells', spec.paramCells, 1, MAX_MAP_RESOLUTION);
  unitParameter('paramMin', spec.paramMin, 0);
  unitParameter('paramMax', spec.paramMax, 0);
  if (spec.paramMax < spec.paramMin) throw new Error(`paramMax must be ≥ paramMin (got ${spec.paramMin} … ${spec.paramMax})`);
  if (spec.axis !== axisOf(spec.optimizer)) throw new Error(`axis ${spec.axis} does not apply to optimizer ${spec.optimizer}`);
  const domain = spec.surface.domain;
  const tolerance = positiveFinite('tolerance', spec.tolerance ?? defaultTolerance(domain));
  const area = tile ?? wholeGrid(lrCells, paramCells);
  checkTile(area, lrCells, paramCells);
  const [sx, sy] = spec.start;
  if (!Number.isFinite(sx) || !Number.isFinite(sy)) throw new Error(`start must be two finite numbers (got ${sx}, ${sy})`);

  const { run, out } = cellRunner({ ...spec, steps }, tolerance, false, spec.axis);
  const { surface } = spec;
  const cells = area.columns * area.rows;
  const outcome = new Uint8Array(cells);
  const stepsToTolerance = new Int32Array(cells);
  const finalLoss = new Float64Array(cells);
  const startUsable = usableLoss(surface.loss(sx, sy));
  let stepsComputed = 0;
  for (let r = 0; r < area.rows; r++) {
    const param = hyperCellParam(spec, area.row + r);
    for (let q = 0; q < area.columns; q++) {
      const lr = hyperCellLr(spec, area.column + q);
      const cell = r * area.columns + q;
      if (!startUsable) {
        outcome[cell] = MAP_DIVERGED;
        stepsToTolerance[cell] = -1;
        finalLoss[cell] = Number.NaN;
        continue;
      }
      run(sx, sy, lr, param);
      stepsComputed += out[4];
      const loss = out[2] === -2 ? Number.NaN : surface.loss(out[0], out[1]);
      const code = outcomeCode(out[2], loss);
      outcome[cell] = code;
      stepsToTolerance[cell] = code < MAP_MAX_MINIMA ? out[3] : -1;
      finalLoss[cell] = code === MAP_DIVERGED ? Number.NaN : loss;
    }
  }
  return { tile: area, outcome, stepsToTolerance, finalLoss, stepsComputed };
}
