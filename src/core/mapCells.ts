/**
 * How a map cell's run is summarised (outcome codes, the nearest known minimum),
 * and the generic way to run a cell: the optimizer's own loop from loops/, in a
 * RunState whose buffers every cell of a tile reuses. Its iterates are simulate's,
 * bit for bit, for every optimizer; the specialised cell loops of mapLoops.ts are
 * the fast path for the six classic ones.
 */
import type { HyperParameterValues } from './hyperParameters.ts';
import { runBuffers } from './run.ts';
import { RunState } from './simulate.ts';
import type { Domain, OptimizerId, RunSpec, Schedule, Surface } from './types.ts';
import { validateSpec } from './validate.ts';

/** Outcome code of a cell that diverged (non-finite or absurdly far). Codes 0 … 252 are minimum indices. */
export const MAP_DIVERGED = 255;
/** Outcome code of a cell that ended within tolerance of no known minimum. */
export const MAP_NOT_CONVERGED = 254;
/** Known minima beyond this many are ignored (codes 253 … 255 are reserved). */
export const MAP_MAX_MINIMA = 253;
/** Default tolerance: this fraction of the domain's larger side. */
export const DEFAULT_TOLERANCE_FRACTION = 0.01;

/** The outcome a single run's last point gets in a map: the nearest known minimum within tolerance, else not converged. */
export function classifyEnd(surface: Surface, x: number, y: number, tolerance: number, diverged: boolean): number {
  if (diverged) return MAP_DIVERGED;
  const count = Math.min(surface.minima.length, MAP_MAX_MINIMA);
  let best = MAP_NOT_CONVERGED;
  let bestDistance2 = tolerance * tolerance;
  for (let k = 0; k < count; k++) {
    const dx = x - surface.minima[k][0];
    const dy = y - surface.minima[k][1];
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestDistance2) {
      bestDistance2 = d2;
      best = k;
    }
  }
  return best;
}

/** The tolerance a map uses for `surface` unless told otherwise. */
export function defaultTolerance(domain: Domain): number {
  return DEFAULT_TOLERANCE_FRACTION * Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
}

/** What every cell of a generic tile shares: the optimizer, its settings and the surface. */
export interface GenericCellSpec extends Partial<HyperParameterValues> {
  readonly surface: Surface;
  readonly optimizer: OptimizerId;
  readonly steps: number;
  readonly schedule?: Schedule;
}

/**
 * A cell runner for `spec`: called with a start, a learning rate and overrides
 * (the hyper map's μ or β₁), it runs the optimizer's loop for spec.steps steps
 * and writes the cell summary into `out` as the cell loops do: [end x, end y,
 * minimum index (−1 none, −2 diverged), step it entered that minimum's tolerance
 * ball (since it was last near another), steps computed]. No early exit: every
 * step is run, so the end is simulate's end.
 */
export function genericCellRunner(spec: GenericCellSpec, tolerance: number, out: Float64Array): (x: number, y: number, lr: number, overrides: Partial<HyperParameterValues>) => void {
  const buffers = runBuffers(spec.steps + 1, true);
  const { surface } = spec;
  return (x, y, lr, overrides) => {
    const cell: RunSpec = { ...spec, ...overrides, lr, start: [x, y] };
    const run = new RunState(cell, validateSpec(cell), buffers);
    run.advance(spec.steps);
    const last = run.length - 1;
    out[0] = run.x[last];
    out[1] = run.y[last];
    if (run.stopped) {
      out[2] = -2;
      out[3] = -1;
      out[4] = run.stoppedAt;
      return;
    }
    let ball = classifyEnd(surface, run.x[0], run.y[0], tolerance, false);
    let entered = 0;
    for (let i = 1; i <= last; i++) {
      const k = classifyEnd(surface, run.x[i], run.y[i], tolerance, false);
      if (k !== MAP_NOT_CONVERGED && k !== ball) {
        ball = k;
        entered = i;
      }
    }
    const inside = classifyEnd(surface, run.x[last], run.y[last], tolerance, false) !== MAP_NOT_CONVERGED;
    out[2] = inside ? ball : -1;
    out[3] = inside ? entered : -1;
    out[4] = last;
  };
}
