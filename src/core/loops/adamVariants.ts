/**
 * NAdam, RAdam and Adamax, torch 1.13's single-tensor rules, weight decay L2
 * (g ← g + λθ). t counts steps from 1; powers are computed as torch does (β^t).
 */
import { learningRateAt } from '../schedules.ts';
import { adamMoments } from './adam.ts';
import { finish, leaves, ONE_GRADIENT, scalar, stepsTaken, vector, type Loop, type OptimizerLoop } from './types.ts';

/**
 * NAdam (torch.optim.NAdam): μₜ = β₁(1 − ½·0.96^(tψ)), μₜ₊₁ likewise; Πₜ = Πₜ₋₁ μₜ and
 * Π' = Πₜ μₜ μₜ₊₁ (torch 1.13 multiplies μₜ in twice here; later versions do not);
 * m, v as Adam; d = √(vₜ / (1 − β₂ᵗ)) + ε;
 * θ ← θ − η(1 − μₜ)/(1 − Πₜ) · gₜ/d, then θ ← θ − η μₜ₊₁/(1 − Π') · mₜ/d.
 * State: [mx, my, vx, vy, Πₜ].
 */
const nadamLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, beta1, beta2, weightDecay, momentumDecay } = run.settings;
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
  let muProduct = state[4];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    let gx = g[0];
    let gy = g[1];
    const t = i + 1;
    const correction2 = 1 - Math.pow(beta2, t);
    if (weightDecay !== 0) {
      gx += weightDecay * x;
      gy += weightDecay * y;
    }
    const mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
    const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
    muProduct *= mu;
    const muProductNext = muProduct * mu * muNext;
    mx = mx * beta1 + w1 * gx;
    my = my * beta1 + w1 * gy;
    vx = vx * beta2 + w2 * gx * gx;
    vy = vy * beta2 + w2 * gy * gy;
    const dx = Math.sqrt(vx / correction2) + eps;
    const dy = Math.sqrt(vy / correction2) + eps;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    const gradientWeight = (-eta * (1 - mu)) / (1 - muProduct);
    const momentumWeight = (-eta * muNext) / (1 - muProductNext);
    x += (gradientWeight * gx) / dx;
    y += (gradientWeight * gy) / dy;
    x += (momentumWeight * mx) / dx;
    y += (momentumWeight * my) / dy;
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
  state[4] = muProduct;
  return finish(run, i);
};

/**
 * RAdam (torch.optim.RAdam): m, v as Adam; m̂ = mₜ/(1 − β₁ᵗ); ρ∞ = 2/(1 − β₂) − 1,
 * ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ). While ρₜ ≤ 5 the variance estimate is too young:
 * θ ← θ − η m̂ (momentum SGD). Then r = √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ)) and
 * θ ← θ − η m̂ · r · √(1 − β₂ᵗ)/(√vₜ + ε). State: [mx, my, vx, vy].
 */
const radamLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, beta1, beta2, weightDecay } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  const rhoInfinity = 2 / (1 - beta2) - 1;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let mx = state[0];
  let my = state[1];
  let vx = state[2];
  let vy = state[3];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    let gx = g[0];
    let gy = g[1];
    const t = i + 1;
    const correction1 = 1 - Math.pow(beta1, t);
    const beta2Power = Math.pow(beta2, t);
    const correction2 = 1 - beta2Power;
    if (weightDecay !== 0) {
      gx += weightDecay * x;
      gy += weightDecay * y;
    }
    mx = mx * beta1 + w1 * gx;
    my = my * beta1 + w1 * gy;
    vx = vx * beta2 + w2 * gx * gx;
    vy = vy * beta2 + w2 * gy * gy;
    const mHatX = mx / correction1;
    const mHatY = my / correction1;
    const rho = rhoInfinity - (2 * t * beta2Power) / correction2;
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    if (rho > 5) {
      const rectification = Math.sqrt(((rho - 4) * (rho - 2) * rhoInfinity) / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho));
      const root = Math.sqrt(correction2);
      // torch: math.sqrt(bc2) / tensor is tensor.reciprocal() * math.sqrt(bc2)
      x -= mHatX * eta * ((1 / (Math.sqrt(vx) + eps)) * root) * rectification;
      y -= mHatY * eta * ((1 / (Math.sqrt(vy) + eps)) * root) * rectification;
    } else {
      x -= mHatX * eta;
      y -= mHatY * eta;
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
  state[0] = mx;
  state[1] = my;
  state[2] = vx;
  state[3] = vy;
  return finish(run, i);
};

/**
 * Adamax (torch.optim.Adamax): mₜ = β₁ mₜ₋₁ + (1 − β₁) gₜ; uₜ = max(β₂ uₜ₋₁, |gₜ| + ε);
 * θₜ = θₜ₋₁ − (η / (1 − β₁ᵗ)) · mₜ / uₜ. State: [mx, my, ux, uy].
 */
const adamaxLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, state } = run;
  const { lr, schedule, eps, beta1, beta2, weightDecay } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  const w1 = 1 - beta1;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let mx = state[0];
  let my = state[1];
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
    mx = mx * beta1 + w1 * gx;
    my = my * beta1 + w1 * gy;
    ux = Math.max(ux * beta2, Math.abs(gx) + eps);
    uy = Math.max(uy * beta2, Math.abs(gy) + eps);
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    const stepSize = eta / (1 - Math.pow(beta1, i + 1));
    x -= (stepSize * mx) / ux;
    y -= (stepSize * my) / uy;
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
  state[2] = ux;
  state[3] = uy;
  return finish(run, i);
};

export const NADAM: OptimizerLoop = {
  loop: nadamLoop,
  stateSize: () => 5,
  init: (state) => {
    state[4] = 1;
  },
  cost: ONE_GRADIENT,
  describe: (run) => {
    const t = stepsTaken(run);
    const { beta1, beta2 } = run.settings;
    return [...adamMoments(run, 1 - Math.pow(beta1, t), 1 - Math.pow(beta2, t)), scalar('Product of momentum coefficients', '\\textstyle\\prod_{k \\le t} \\mu_k', run.state[4])];
  },
};

export const RADAM: OptimizerLoop = {
  loop: radamLoop,
  stateSize: () => 4,
  init: () => {},
  cost: ONE_GRADIENT,
  describe: (run) => {
    const t = stepsTaken(run);
    const { beta1, beta2 } = run.settings;
    const quantities = adamMoments(run, 1 - Math.pow(beta1, t), 1 - Math.pow(beta2, t));
    if (t > 0) {
      const rhoInfinity = 2 / (1 - beta2) - 1;
      const beta2Power = Math.pow(beta2, t);
      const rho = rhoInfinity - (2 * t * beta2Power) / (1 - beta2Power);
      quantities.push(scalar('Length of the variance estimate (rectified once > 5)', '\\rho_t', rho));
      // The loop's rectification term, as it computed it for the last step (only used once ρ > 5).
      if (rho > 5) quantities.push(scalar('Rectification of the last step', 'r_t', Math.sqrt(((rho - 4) * (rho - 2) * rhoInfinity) / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho))));
    }
    return quantities;
  },
};

export const ADAMAX: OptimizerLoop = {
  loop: adamaxLoop,
  stateSize: () => 4,
  init: () => {},
  cost: ONE_GRADIENT,
  describe: (run) => [
    vector('First moment (mean gradient)', 'm', run.state[0], run.state[1]),
    vector('Decaying largest |gradient|', 'u', run.state[2], run.state[3]),
  ],
};
