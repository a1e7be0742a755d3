/**
 * Per-coordinate step sizes: Adagrad, RMSprop, Adadelta (torch.optim, weight decay
 * L2 as torch adds it: g ← g + λθ) and Rprop (sign-based, no weight decay in torch).
 */
import { learningRateAt } from '../schedules.ts';
import { finish, leaves, ONE_GRADIENT, vector, type Loop, type OptimizerLoop, type StateQuantity } from './types.ts';

/**
 * Adagrad (torch.optim.Adagrad, lr_decay 0, initial accumulator 0): sₜ = sₜ₋₁ + gₜ²;
 * θₜ = θₜ₋₁ − η gₜ / (√sₜ + ε). State: [·, ·, sx, sy].
 */
const adagradLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, weightDecay } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let sx = state[2];
  let sy = state[3];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    let gx = g[0];
    let gy = g[1];
    if (weightDecay !== 0) {
      gx += weightDecay * x;
      gy += weightDecay * y;
    }
    sx += gx * gx;
    sy += gy * gy;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    x -= eta * (gx / (Math.sqrt(sx) + eps));
    y -= eta * (gy / (Math.sqrt(sy) + eps));
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, l)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
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
 * (b₀ = 0), θₜ = θₜ₋₁ − η bₜ; else θₜ = θₜ₋₁ − η gₜ/dₜ. State: [bx, by, vx, vy, ḡx, ḡy].
 */
const rmspropLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, alpha, momentum, centered, weightDecay } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
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
    let gx = g[0];
    let gy = g[1];
    if (weightDecay !== 0) {
      gx += weightDecay * x;
      gy += weightDecay * y;
    }
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
      if (leaves(run, i + 1, x, y, l)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
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
 * Adadelta (torch.optim.Adadelta): vₜ = ρ vₜ₋₁ + (1 − ρ) gₜ²;
 * Δₜ = √(uₜ₋₁ + ε) / √(vₜ + ε) · gₜ; uₜ = ρ uₜ₋₁ + (1 − ρ) Δₜ²; θₜ = θₜ₋₁ − η Δₜ.
 * State: [vx, vy, ux, uy].
 */
const adadeltaLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, rho, weightDecay } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  const keep = 1 - rho;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let vx = state[0];
  let vy = state[1];
  let ux = state[2];
  let uy = state[3];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    let gx = g[0];
    let gy = g[1];
    if (weightDecay !== 0) {
      gx += weightDecay * x;
      gy += weightDecay * y;
    }
    vx = vx * rho + keep * gx * gx;
    vy = vy * rho + keep * gy * gy;
    const deltaX = (Math.sqrt(ux + eps) / Math.sqrt(vx + eps)) * gx;
    const deltaY = (Math.sqrt(uy + eps) / Math.sqrt(vy + eps)) * gy;
    ux = ux * rho + keep * deltaX * deltaX;
    uy = uy * rho + keep * deltaY * deltaY;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    x -= eta * deltaX;
    y -= eta * deltaY;
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, l)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = l;
  }
  state[0] = vx;
  state[1] = vy;
  state[2] = ux;
  state[3] = uy;
  return finish(run, i);
};

/**
 * Rprop (torch.optim.Rprop): per coordinate, the step size Δ (Δ₀ = η at the first
 * step; torch never reads the learning rate again, so schedules do not affect it)
 * is multiplied by η₊ while gₜ·gₜ₋₁ > 0, by η₋ when it is < 0, and clamped to
 * [Δmin, Δmax]; θ moves by −sign(gₜ)·Δ, except that after a sign change the
 * coordinate stays and its gradient is remembered as 0. State: [prev gx, prev gy, Δx, Δy].
 */
const rpropLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { etaMinus, etaPlus, stepSizeMin, stepSizeMax } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let px = state[0];
  let py = state[1];
  let sx = state[2];
  let sy = state[3];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    const productX = gx * px;
    const productY = gy * py;
    sx = Math.min(Math.max(sx * (productX > 0 ? etaPlus : productX < 0 ? etaMinus : 1), stepSizeMin), stepSizeMax);
    sy = Math.min(Math.max(sy * (productY > 0 ? etaPlus : productY < 0 ? etaMinus : 1), stepSizeMin), stepSizeMax);
    // torch zeroes the gradient where the factor is η₋, i.e. where the sign changed (η₋ < 1 < η₊): no move, and 0 remembered.
    const changedX = productX < 0;
    const changedY = productY < 0;
    // −sign(g)·Δ, written out (gx·0 keeps sign(±0) = ±0 and NaN as Math.sign does).
    x -= changedX ? 0 : gx > 0 ? sx : gx < 0 ? -sx : gx * 0;
    y -= changedY ? 0 : gy > 0 ? sy : gy < 0 ? -sy : gy * 0;
    px = changedX ? 0 : gx;
    py = changedY ? 0 : gy;
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, l)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = l;
  }
  state[0] = px;
  state[1] = py;
  state[2] = sx;
  state[3] = sy;
  return finish(run, i);
};

export const ADAGRAD: OptimizerLoop = {
  loop: adagradLoop,
  stateSize: () => 4,
  init: () => {},
  cost: ONE_GRADIENT,
  describe: (run) => [vector('Sum of squared gradients', 's', run.state[2], run.state[3])],
};

export const RMSPROP: OptimizerLoop = {
  loop: rmspropLoop,
  stateSize: () => 6,
  init: () => {},
  cost: ONE_GRADIENT,
  describe: (run) => {
    const s = run.state;
    const quantities: StateQuantity[] = [vector('Mean squared gradient', 'v', s[2], s[3])];
    if (run.settings.centered) quantities.push(vector('Mean gradient', '\\bar g', s[4], s[5]));
    if (run.settings.momentum > 0) quantities.push(vector('Momentum buffer', 'b', s[0], s[1]));
    return quantities;
  },
};

export const ADADELTA: OptimizerLoop = {
  loop: adadeltaLoop,
  stateSize: () => 4,
  init: () => {},
  cost: ONE_GRADIENT,
  describe: (run) => [
    vector('Mean squared gradient', 'v', run.state[0], run.state[1]),
    vector('Mean squared update', 'u', run.state[2], run.state[3]),
  ],
};

export const RPROP: OptimizerLoop = {
  loop: rpropLoop,
  stateSize: () => 4,
  init: (state, settings) => {
    state[2] = settings.lr;
    state[3] = settings.lr;
  },
  cost: ONE_GRADIENT,
  describe: (run) => [
    vector('Step sizes', '\\Delta', run.state[2], run.state[3]),
    vector('Previous gradient (0 after a sign change)', 'g_{t-1}', run.state[0], run.state[1]),
  ],
};
