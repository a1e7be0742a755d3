/**
 * The hot loops: one specialised loop per optimizer, chosen once per run, with
 * the optimizer's state in locals. Each takes up to `count` steps from the
 * run's last point, stores every new point, and stops at the first point that
 * is non-finite or absurdly far (see `Bounds`), without storing it. Buffers,
 * bounds and optimizer state are read into locals once per call; nothing here allocates.
 *
 * Update rules (torch.optim, weight decay 0): see the doc comment of each loop.
 */
import { learningRateAt } from './schedules.ts';
import type { OptimizerId } from './types.ts';
import type { ResolvedRunSpec } from './validate.ts';

/** Where a run counts as diverged: outside [xLow, xHigh] × [yLow, yHigh] or |loss| > lossLimit (NaN fails every test). */
export interface Bounds {
  readonly xLow: number;
  readonly xHigh: number;
  readonly yLow: number;
  readonly yHigh: number;
  readonly lossLimit: number;
}

/** What a loop reads and writes: the run's buffers, settings and optimizer state. */
export interface LoopState {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  /** Points stored so far (≥ 1 when a loop runs). */
  length: number;
  diverged: boolean;
  divergedAt: number;
  /** The gradient the optimizer sees: the surface's, or the next mini-batch's. Called exactly once per step. */
  readonly gradient: (x: number, y: number, out: Float64Array) => void;
  readonly lossAt: (x: number, y: number) => number;
  readonly bounds: Bounds;
  /** The validated spec: learning rate, schedule (undefined when constant) and every hyper-parameter. */
  readonly settings: ResolvedRunSpec;
  /** Optimizer state: [buffer or m (x, y), v or sum (x, y), grad average (x, y), β₁ᵗ, β₂ᵗ]; all 0 but β₁ᵗ = β₂ᵗ = 1 at the start. */
  readonly state: Float64Array;
  /** Scratch for the gradient. */
  readonly g: Float64Array;
}

type Loop = (run: LoopState, count: number) => number;

/** Marks the run diverged at step `index` (the point is not stored). */
function diverge(run: LoopState, index: number): void {
  run.diverged = true;
  run.divergedAt = index;
}

/** SGD: θₜ = θₜ₋₁ − η gₜ (torch.optim.SGD, momentum 0). */
const sgdLoop: Loop = (run, count) => {
  const { gradient, lossAt, g } = run;
  const { lr, schedule } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  const { xLow, xHigh, yLow, yHigh, lossLimit } = run.bounds;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    x -= eta * g[0];
    y -= eta * g[1];
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      diverge(run, i + 1);
      break;
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = l;
  }
  return finish(run, i);
};

/**
 * Momentum and Nesterov (torch.optim.SGD, dampening 0): b₁ = g₁, bₜ = μ bₜ₋₁ + gₜ;
 * then θₜ = θₜ₋₁ − η bₜ, or with nesterov=True θₜ = θₜ₋₁ − η (gₜ + μ bₜ).
 */
function momentumLoop(nesterov: boolean): Loop {
  return (run, count) => {
    const { gradient, lossAt, g, state } = run;
    const { lr, schedule, momentum } = run.settings;
    const { x: xs, y: ys, loss: ls } = run;
    const { xLow, xHigh, yLow, yHigh, lossLimit } = run.bounds;
    let i = run.length - 1;
    let x = xs[i];
    let y = ys[i];
    let bx = state[0];
    let by = state[1];
    const end = i + count;
    while (i < end) {
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
      if (nesterov) {
        x -= eta * (gx + momentum * bx);
        y -= eta * (gy + momentum * by);
      } else {
        x -= eta * bx;
        y -= eta * by;
      }
      const l = lossAt(x, y);
      if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
        diverge(run, i + 1);
        break;
      }
      xs[++i] = x;
      ys[i] = y;
      ls[i] = l;
    }
    state[0] = bx;
    state[1] = by;
    return finish(run, i);
  };
}

/** Adagrad (torch.optim.Adagrad, lr_decay 0, initial accumulator 0): sₜ = sₜ₋₁ + gₜ²; θₜ = θₜ₋₁ − η gₜ / (√sₜ + ε). */
const adagradLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  const { xLow, xHigh, yLow, yHigh, lossLimit } = run.bounds;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let sx = state[2];
  let sy = state[3];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    sx += gx * gx;
    sy += gy * gy;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    x -= eta * (gx / (Math.sqrt(sx) + eps));
    y -= eta * (gy / (Math.sqrt(sy) + eps));
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      diverge(run, i + 1);
      break;
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = l;
  }
  state[2] = sx;
  state[3] = sy;
  return finish(run, i);
};

/**
 * RMSprop (torch.optim.RMSprop): vₜ = α vₜ₋₁ + (1 − α) gₜ²; centered: ḡₜ = α ḡₜ₋₁ + (1 − α) gₜ
 * and dₜ = √(vₜ − ḡₜ²) + ε, else dₜ = √vₜ + ε. With momentum μ > 0: bₜ = μ bₜ₋₁ + gₜ/dₜ
 * (b₀ = 0), θₜ = θₜ₋₁ − η bₜ; else θₜ = θₜ₋₁ − η gₜ/dₜ.
 */
const rmspropLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, alpha, momentum, centered } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  const { xLow, xHigh, yLow, yHigh, lossLimit } = run.bounds;
  const keep = 1 - alpha;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let bx = state[0];
  let by = state[1];
  let vx = state[2];
  let vy = state[3];
  let ax = state[4];
  let ay = state[5];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    vx = alpha * vx + keep * gx * gx;
    vy = alpha * vy + keep * gy * gy;
    let dx: number;
    let dy: number;
    if (centered) {
      ax += keep * (gx - ax); // torch: grad_avg.lerp_(grad, 1 − α)
      ay += keep * (gy - ay);
      dx = Math.sqrt(vx - ax * ax) + eps;
      dy = Math.sqrt(vy - ay * ay) + eps;
    } else {
      dx = Math.sqrt(vx) + eps;
      dy = Math.sqrt(vy) + eps;
    }
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    if (momentum > 0) {
      bx = momentum * bx + gx / dx;
      by = momentum * by + gy / dy;
      x -= eta * bx;
      y -= eta * by;
    } else {
      x -= eta * (gx / dx);
      y -= eta * (gy / dy);
    }
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      diverge(run, i + 1);
      break;
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = l;
  }
  state[0] = bx;
  state[1] = by;
  state[2] = vx;
  state[3] = vy;
  state[4] = ax;
  state[5] = ay;
  return finish(run, i);
};

/**
 * Adam (torch.optim.Adam, amsgrad off): mₜ = β₁ mₜ₋₁ + (1 − β₁) gₜ (as torch's lerp),
 * vₜ = β₂ vₜ₋₁ + (1 − β₂) gₜ²; θₜ = θₜ₋₁ − (η / (1 − β₁ᵗ)) · mₜ / (√vₜ / √(1 − β₂ᵗ) + ε).
 * β₁ᵗ and β₂ᵗ are kept as running products (equal to the powers up to rounding).
 */
const adamLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, beta1, beta2 } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  const { xLow, xHigh, yLow, yHigh, lossLimit } = run.bounds;
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let mx = state[0];
  let my = state[1];
  let vx = state[2];
  let vy = state[3];
  let beta1Power = state[6];
  let beta2Power = state[7];
  const end = i + count;
  while (i < end) {
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
    x -= stepSize * (mx / (Math.sqrt(vx) / correction + eps));
    y -= stepSize * (my / (Math.sqrt(vy) / correction + eps));
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      diverge(run, i + 1);
      break;
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = l;
  }
  state[0] = mx;
  state[1] = my;
  state[2] = vx;
  state[3] = vy;
  state[6] = beta1Power;
  state[7] = beta2Power;
  return finish(run, i);
};

/** Records the new length after a loop and returns the steps it stored. */
function finish(run: LoopState, lastIndex: number): number {
  const taken = lastIndex + 1 - run.length;
  run.length = lastIndex + 1;
  return taken;
}

/** The loop for each optimizer. */
export const LOOPS: Readonly<Record<OptimizerId, Loop>> = {
  sgd: sgdLoop,
  momentum: momentumLoop(false),
  nesterov: momentumLoop(true),
  adagrad: adagradLoop,
  rmsprop: rmspropLoop,
  adam: adamLoop,
};
