/**
 * torch.optim.SGD (dampening 0): plain, with momentum, and Nesterov. Weight decay λ
 * is L2 as torch adds it: g ← g + λθ before anything else (skipped when λ = 0, so
 * the arithmetic is the same as without it).
 */
import { learningRateAt } from '../schedules.ts';
import { finish, leaves, ONE_GRADIENT, vector, type Loop, type OptimizerLoop } from './types.ts';

/** SGD: θₜ = θₜ₋₁ − η gₜ (torch.optim.SGD, momentum 0). */
const sgdLoop: Loop = (run, count) => {
  const { gradient, lossAt, g } = run;
  const { lr, schedule, weightDecay } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    let gx = g[0];
    let gy = g[1];
    if (weightDecay !== 0) {
      gx += weightDecay * x;
      gy += weightDecay * y;
    }
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    x -= eta * gx;
    y -= eta * gy;
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, l)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
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
 * State: [bx, by].
 */
function momentumLoop(nesterov: boolean): Loop {
  return (run, count) => {
    const { gradient, lossAt, g, state } = run;
    const { lr, schedule, momentum, weightDecay } = run.settings;
    const { x: xs, y: ys, loss: ls } = run;
    let { xLow, xHigh, yLow, yHigh } = run.bounds;
    const lossLimit = run.bounds.lossLimit;
    let i = run.length - 1;
    let x = xs[i];
    let y = ys[i];
    let bx = state[0];
    let by = state[1];
    const end = i + count;
    while (i < end) {
      gradient(x, y, g);
      let gx = g[0];
      let gy = g[1];
      if (weightDecay !== 0) {
        gx += weightDecay * x;
        gy += weightDecay * y;
      }
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
        if (leaves(run, i + 1, x, y, l)) break;
        ({ xLow, xHigh, yLow, yHigh } = run.bounds);
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

const noState = { stateSize: () => 0, init: () => {} };

export const SGD: OptimizerLoop = { loop: sgdLoop, ...noState, cost: ONE_GRADIENT, describe: () => [] };

const momentumRecord = (nesterov: boolean): OptimizerLoop => ({
  loop: momentumLoop(nesterov),
  stateSize: () => 2,
  init: () => {},
  cost: ONE_GRADIENT,
  describe: (run) => [vector('Momentum buffer', 'b', run.state[0], run.state[1])],
});

export const MOMENTUM = momentumRecord(false);
export const NESTEROV = momentumRecord(true);
