/**
 * The cell loops of maps.ts: one per optimizer, each running one start (one map
 * cell) for up to `steps` steps with all optimizer state in locals, and writing
 * only the cell's summary into `CellContext.out`. The update arithmetic is
 * loops/'s, expression for expression, so a cell's iterates are bit-identical
 * to simulate's from the same start; what differs is what is kept (the end, not
 * every point) and when a cell stops (diverged, or settled: see maps.ts).
 */
import { learningRateAt } from './schedules.ts';
import type { OptimizerId, Schedule } from './types.ts';

/**
 * A cell has settled when, within tolerance of a minimum, SETTLE_STEPS steps in a
 * row were each shorter than SETTLE_FRACTION × tolerance. One short step is not
 * enough: a heavy ball at the turning point of an oscillation, or RMSprop whose
 * steps never shrink, can take one and then leave.
 */
export const SETTLE_FRACTION = 1e-3;
/** See SETTLE_FRACTION. */
export const SETTLE_STEPS = 8;

/**
 * Everything a cell loop reads, fixed for a whole tile. One shape for every
 * optimizer, so the loops see a single hidden class.
 */
export interface CellContext {
  readonly gradient: (x: number, y: number, out: Float64Array) => void;
  readonly g: Float64Array;
  readonly steps: number;
  readonly schedule: Schedule | undefined;
  readonly nesterov: boolean;
  readonly alpha: number;
  readonly centered: boolean;
  readonly beta2: number;
  readonly eps: number;
  readonly xLow: number;
  readonly xHigh: number;
  readonly yLow: number;
  readonly yHigh: number;
  /** Known minima, SoA. */
  readonly minimaX: Float64Array;
  readonly minimaY: Float64Array;
  readonly tolerance2: number;
  /** Squared step length below which a cell inside a tolerance ball has settled; −1 disables early exit. */
  readonly settle2: number;
  /**
   * Written by each loop: [end x, end y, outcome, steps to tolerance, steps computed].
   * The outcome here is the minimum index, −1 (none) or −2 (diverged).
   */
  readonly out: Float64Array;
}

/** Index of the nearest minimum within tolerance of (x, y), or −1. Small enough for V8 to inline into the loops. */
function nearestMinimum(c: CellContext, x: number, y: number): number {
  const mx = c.minimaX;
  const my = c.minimaY;
  let best = -1;
  let bestDistance2 = c.tolerance2;
  for (let k = 0; k < mx.length; k++) {
    const dx = x - mx[k];
    const dy = y - my[k];
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestDistance2) {
      bestDistance2 = d2;
      best = k;
    }
  }
  return best;
}

/** Records a cell's end. `current` is the minimum the run ended within tolerance of (−1 none, −2 diverged), `entered` when it first got there. */
function finishCell(c: CellContext, x: number, y: number, current: number, entered: number, taken: number): void {
  const out = c.out;
  out[0] = x;
  out[1] = y;
  out[2] = current;
  out[3] = current >= 0 ? entered : -1;
  out[4] = taken;
}

/** A cell loop: runs from (x, y) with learning rate lr and momentum μ or β₁ = `param`. */
export type CellLoop = (c: CellContext, x: number, y: number, lr: number, param: number) => void;

/** SGD: θₜ = θₜ₋₁ − η gₜ. */
const sgdCell: CellLoop = (c, x, y, lr) => {
  const { gradient, g, steps, schedule, xLow, xHigh, yLow, yHigh, settle2 } = c;
  let ball = nearestMinimum(c, x, y);
  let inside = ball >= 0;
  let entered = 0;
  let calm = 0;
  let i = 0;
  while (i < steps) {
    gradient(x, y, g);
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    const sx = eta * g[0];
    const sy = eta * g[1];
    x -= sx;
    y -= sy;
    i++;
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh)) return finishCell(c, x, y, -2, 0, i);
    const k = nearestMinimum(c, x, y);
    inside = k >= 0;
    if (inside && k !== ball) {
      ball = k;
      entered = i;
    }
    if (inside && sx * sx + sy * sy < settle2) {
      if (++calm >= SETTLE_STEPS) break;
    } else {
      calm = 0;
    }
  }
  finishCell(c, x, y, inside ? ball : -1, entered, i);
};

/** Momentum and Nesterov (dampening 0): b₁ = g₁, bₜ = μ bₜ₋₁ + gₜ; θₜ = θₜ₋₁ − η bₜ, or − η (gₜ + μ bₜ). */
const momentumCell: CellLoop = (c, x, y, lr, momentum) => {
  const { gradient, g, steps, schedule, nesterov, xLow, xHigh, yLow, yHigh, settle2 } = c;
  let ball = nearestMinimum(c, x, y);
  let inside = ball >= 0;
  let entered = 0;
  let calm = 0;
  let bx = 0;
  let by = 0;
  let i = 0;
  while (i < steps) {
    gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    if (i === 0) {
      bx = gx;
      by = gy;
    } else {
      bx = momentum * bx + gx;
      by = momentum * by + gy;
    }
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    let sx: number;
    let sy: number;
    if (nesterov) {
      sx = eta * (gx + momentum * bx);
      sy = eta * (gy + momentum * by);
    } else {
      sx = eta * bx;
      sy = eta * by;
    }
    x -= sx;
    y -= sy;
    i++;
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh)) return finishCell(c, x, y, -2, 0, i);
    const k = nearestMinimum(c, x, y);
    inside = k >= 0;
    if (inside && k !== ball) {
      ball = k;
      entered = i;
    }
    if (inside && sx * sx + sy * sy < settle2) {
      if (++calm >= SETTLE_STEPS) break;
    } else {
      calm = 0;
    }
  }
  finishCell(c, x, y, inside ? ball : -1, entered, i);
};

/** Adagrad: sₜ = sₜ₋₁ + gₜ²; θₜ = θₜ₋₁ − η gₜ / (√sₜ + ε). */
const adagradCell: CellLoop = (c, x, y, lr) => {
  const { gradient, g, steps, schedule, eps, xLow, xHigh, yLow, yHigh, settle2 } = c;
  let ball = nearestMinimum(c, x, y);
  let inside = ball >= 0;
  let entered = 0;
  let calm = 0;
  let sumX = 0;
  let sumY = 0;
  let i = 0;
  while (i < steps) {
    gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    sumX += gx * gx;
    sumY += gy * gy;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    const sx = eta * (gx / (Math.sqrt(sumX) + eps));
    const sy = eta * (gy / (Math.sqrt(sumY) + eps));
    x -= sx;
    y -= sy;
    i++;
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh)) return finishCell(c, x, y, -2, 0, i);
    const k = nearestMinimum(c, x, y);
    inside = k >= 0;
    if (inside && k !== ball) {
      ball = k;
      entered = i;
    }
    if (inside && sx * sx + sy * sy < settle2) {
      if (++calm >= SETTLE_STEPS) break;
    } else {
      calm = 0;
    }
  }
  finishCell(c, x, y, inside ? ball : -1, entered, i);
};

/** RMSprop (optionally centered, optionally with momentum μ = `param`); see loops.ts for the rule. */
const rmspropCell: CellLoop = (c, x, y, lr, momentum) => {
  const { gradient, g, steps, schedule, eps, alpha, centered, xLow, xHigh, yLow, yHigh, settle2 } = c;
  const keep = 1 - alpha;
  let ball = nearestMinimum(c, x, y);
  let inside = ball >= 0;
  let entered = 0;
  let calm = 0;
  let bx = 0;
  let by = 0;
  let vx = 0;
  let vy = 0;
  let ax = 0;
  let ay = 0;
  let i = 0;
  while (i < steps) {
    gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    vx = alpha * vx + keep * gx * gx;
    vy = alpha * vy + keep * gy * gy;
    let dx: number;
    let dy: number;
    if (centered) {
      ax += keep * (gx - ax);
      ay += keep * (gy - ay);
      dx = Math.sqrt(vx - ax * ax) + eps;
      dy = Math.sqrt(vy - ay * ay) + eps;
    } else {
      dx = Math.sqrt(vx) + eps;
      dy = Math.sqrt(vy) + eps;
    }
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    let sx: number;
    let sy: number;
    if (momentum > 0) {
      bx = momentum * bx + gx / dx;
      by = momentum * by + gy / dy;
      sx = eta * bx;
      sy = eta * by;
    } else {
      sx = eta * (gx / dx);
      sy = eta * (gy / dy);
    }
    x -= sx;
    y -= sy;
    i++;
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh)) return finishCell(c, x, y, -2, 0, i);
    const k = nearestMinimum(c, x, y);
    inside = k >= 0;
    if (inside && k !== ball) {
      ball = k;
      entered = i;
    }
    if (inside && sx * sx + sy * sy < settle2) {
      if (++calm >= SETTLE_STEPS) break;
    } else {
      calm = 0;
    }
  }
  finishCell(c, x, y, inside ? ball : -1, entered, i);
};

/** Adam (amsgrad off) with β₁ = `param`; see loops.ts for the rule. */
const adamCell: CellLoop = (c, x, y, lr, beta1) => {
  const { gradient, g, steps, schedule, eps, beta2, xLow, xHigh, yLow, yHigh, settle2 } = c;
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  let ball = nearestMinimum(c, x, y);
  let inside = ball >= 0;
  let entered = 0;
  let calm = 0;
  let mx = 0;
  let my = 0;
  let vx = 0;
  let vy = 0;
  let beta1Power = 1;
  let beta2Power = 1;
  let i = 0;
  while (i < steps) {
    gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    mx += w1 * (gx - mx);
    my += w1 * (gy - my);
    vx = beta2 * vx + w2 * gx * gx;
    vy = beta2 * vy + w2 * gy * gy;
    beta1Power *= beta1;
    beta2Power *= beta2;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    const stepSize = eta / (1 - beta1Power);
    const correction = Math.sqrt(1 - beta2Power);
    const sx = stepSize * (mx / (Math.sqrt(vx) / correction + eps));
    const sy = stepSize * (my / (Math.sqrt(vy) / correction + eps));
    x -= sx;
    y -= sy;
    i++;
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh)) return finishCell(c, x, y, -2, 0, i);
    const k = nearestMinimum(c, x, y);
    inside = k >= 0;
    if (inside && k !== ball) {
      ball = k;
      entered = i;
    }
    if (inside && sx * sx + sy * sy < settle2) {
      if (++calm >= SETTLE_STEPS) break;
    } else {
      calm = 0;
    }
  }
  finishCell(c, x, y, inside ? ball : -1, entered, i);
};

/**
 * The cell loop of each classic optimizer (Nesterov shares momentum's, switched by
 * `nesterov`); the others run through mapCells.ts's generic path.
 */
export const CELL_LOOPS: Readonly<Partial<Record<OptimizerId, CellLoop>>> = {
  sgd: sgdCell,
  momentum: momentumCell,
  nesterov: momentumCell,
  adagrad: adagradCell,
  rmsprop: rmspropCell,
  adam: adamCell,
};
