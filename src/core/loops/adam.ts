/**
 * Adam and AdamW (torch.optim.Adam, torch.optim.AdamW). Adam's weight decay is L2
 * (g ← g + λθ); AdamW's is decoupled (θ ← θ(1 − ηλ) before the update). AMSGrad
 * divides by the largest second moment seen so far.
 */
import { learningRateAt } from '../schedules.ts';
import { finish, leaves, ONE_GRADIENT, stepsTaken, vector, type Loop, type LoopState, type OptimizerLoop, type StateQuantity } from './types.ts';

/**
 * Adam (torch.optim.Adam): mₜ = β₁ mₜ₋₁ + (1 − β₁) gₜ (as torch's lerp),
 * vₜ = β₂ vₜ₋₁ + (1 − β₂) gₜ²; with AMSGrad v̄ₜ = max(v̄ₜ₋₁, vₜ) replaces vₜ below;
 * θₜ = θₜ₋₁ − (η / (1 − β₁ᵗ)) · mₜ / (√vₜ / √(1 − β₂ᵗ) + ε).
 * β₁ᵗ and β₂ᵗ are kept as running products (equal to the powers up to rounding).
 * State: [mx, my, vx, vy, ·, ·, β₁ᵗ, β₂ᵗ, v̄x, v̄y].
 */
const adamLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, beta1, beta2, weightDecay, amsgrad } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
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
  let maxX = state[8];
  let maxY = state[9];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    let gx = g[0];
    let gy = g[1];
    if (weightDecay !== 0) {
      gx += weightDecay * x;
      gy += weightDecay * y;
    }
    mx += w1 * (gx - mx);
    my += w1 * (gy - my);
    vx = beta2 * vx + w2 * gx * gx;
    vy = beta2 * vy + w2 * gy * gy;
    beta1Power *= beta1;
    beta2Power *= beta2;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    const stepSize = eta / (1 - beta1Power);
    const correction = Math.sqrt(1 - beta2Power);
    let sx = vx;
    let sy = vy;
    if (amsgrad) {
      maxX = Math.max(maxX, vx);
      maxY = Math.max(maxY, vy);
      sx = maxX;
      sy = maxY;
    }
    x -= stepSize * (mx / (Math.sqrt(sx) / correction + eps));
    y -= stepSize * (my / (Math.sqrt(sy) / correction + eps));
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, l)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
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
  state[8] = maxX;
  state[9] = maxY;
  return finish(run, i);
};

/**
 * AdamW (torch.optim.AdamW, torch 1.13): θ ← θ(1 − ηλ); mₜ = β₁ mₜ₋₁ + (1 − β₁) gₜ;
 * vₜ = β₂ vₜ₋₁ + (1 − β₂) gₜ² (v̄ₜ = max(v̄ₜ₋₁, vₜ) replaces it with AMSGrad);
 * θₜ = θ − (η / (1 − β₁ᵗ)) · mₜ / (√vₜ / √(1 − β₂ᵗ) + ε), the powers computed as torch does (β^t).
 * State: [mx, my, vx, vy, v̄x, v̄y].
 */
const adamwLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, beta1, beta2, weightDecay, amsgrad } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let mx = state[0];
  let my = state[1];
  let vx = state[2];
  let vy = state[3];
  let maxX = state[4];
  let maxY = state[5];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    const t = i + 1;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    const shrink = 1 - eta * weightDecay;
    x *= shrink;
    y *= shrink;
    mx = mx * beta1 + w1 * gx;
    my = my * beta1 + w1 * gy;
    vx = vx * beta2 + w2 * gx * gx;
    vy = vy * beta2 + w2 * gy * gy;
    const stepSize = eta / (1 - Math.pow(beta1, t));
    const correction = Math.sqrt(1 - Math.pow(beta2, t));
    let sx = vx;
    let sy = vy;
    if (amsgrad) {
      maxX = Math.max(maxX, vx);
      maxY = Math.max(maxY, vy);
      sx = maxX;
      sy = maxY;
    }
    x -= (stepSize * mx) / (Math.sqrt(sx) / correction + eps);
    y -= (stepSize * my) / (Math.sqrt(sy) / correction + eps);
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, l)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = l;
  }
  state[0] = mx;
  state[1] = my;
  state[2] = vx;
  state[3] = vy;
  state[4] = maxX;
  state[5] = maxY;
  return finish(run, i);
};

/**
 * The moments every Adam-family optimizer keeps, for the inspector: m and v at
 * state[0..3], and after the first step their bias-corrected values
 * m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ) (1 − β₁ᵗ and 1 − β₂ᵗ given).
 */
export function adamMoments(run: LoopState, correction1: number, correction2: number): StateQuantity[] {
  const s = run.state;
  const quantities = [vector('First moment (mean gradient)', 'm', s[0], s[1]), vector('Second moment (mean squared gradient)', 'v', s[2], s[3])];
  if (stepsTaken(run) > 0) {
    quantities.push(vector('Bias-corrected first moment', '\\hat m', s[0] / correction1, s[1] / correction1));
    quantities.push(vector('Bias-corrected second moment', '\\hat v', s[2] / correction2, s[3] / correction2));
  }
  return quantities;
}

export const ADAM: OptimizerLoop = {
  loop: adamLoop,
  stateSize: () => 10,
  init: (state) => {
    state[6] = 1;
    state[7] = 1;
  },
  cost: ONE_GRADIENT,
  describe: (run) => {
    const quantities = adamMoments(run, 1 - run.state[6], 1 - run.state[7]);
    if (run.settings.amsgrad) quantities.push(vector('Largest second moment so far', '\\bar v', run.state[8], run.state[9]));
    return quantities;
  },
};

export const ADAMW: OptimizerLoop = {
  loop: adamwLoop,
  stateSize: () => 6,
  init: () => {},
  cost: ONE_GRADIENT,
  describe: (run) => {
    const t = stepsTaken(run);
    const { beta1, beta2, amsgrad } = run.settings;
    const quantities = adamMoments(run, 1 - Math.pow(beta1, t), 1 - Math.pow(beta2, t));
    if (amsgrad) quantities.push(vector('Largest second moment so far', '\\bar v', run.state[4], run.state[5]));
    return quantities;
  },
};
