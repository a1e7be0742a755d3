/**
 * L-BFGS as torch.optim.LBFGS(max_iter=1) runs it: one step of ours is one
 * `optimizer.step(closure)`, and the history persists between steps as torch's
 * optimizer state does. Each step:
 *
 * 1. evaluates loss and gradient g at θ (the closure; with mini-batches, one batch
 *    for the whole step, line search included); if max|g| ≤ tolerance_grad it stays put;
 * 2. the first time, d = −g; after that, with y = g − g_prev and s = t_prev·d_prev,
 *    stores (y, s, ρ = 1/yᵀs) when yᵀs > 1e-10 (dropping the oldest beyond
 *    `historySize`), sets γ = yᵀs/yᵀy, and runs the two-loop recursion: d = −H g
 *    with H the L-BFGS inverse-Hessian estimate scaled by γ;
 * 3. t = η (the first step: min(1, 1/‖g‖₁)·η); if gᵀd > −tolerance_change it stays put;
 * 4. with lineSearch 'strong-wolfe', t comes from the strong-Wolfe search along d;
 * 5. θ ← θ + t d.
 *
 * State: [dx, dy, t, γ, g_prev x, g_prev y, loss_prev, iterations, pairs, oldest, evaluations, ·×5,
 * then y pairs (2m), s pairs (2m), ρ (m), α scratch (m)] for history size m, a ring buffer.
 */
import { learningRateAt } from '../schedules.ts';
import { strongWolfe } from './strongWolfe.ts';
import { finish, leaves, scalar, vector, type Loop, type OptimizerLoop } from './types.ts';

const HEADER = 16;

const lbfgsLoop: Loop = (run, count) => {
  const { batch, lossAt, g, state, batchFraction } = run;
  const { lr, schedule, lineSearch, toleranceGrad, toleranceChange } = run.settings;
  const m = run.settings.historySize | 0;
  const { x: xs, y: ys, loss: ls, gradientEvaluations: counts } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  // Views of the history in the state: y pairs, s pairs, ρ, and scratch for the two-loop recursion's α.
  const yPairs = state.subarray(HEADER, HEADER + 2 * m);
  const sPairs = state.subarray(HEADER + 2 * m, HEADER + 4 * m);
  const rho = state.subarray(HEADER + 4 * m, HEADER + 5 * m);
  const alpha = state.subarray(HEADER + 5 * m, HEADER + 6 * m);
  const search = new Float64Array(3);
  // Counters as small integers (state holds them as doubles; ring-buffer arithmetic on doubles is far slower).
  let iteration = state[7] | 0;
  let pairs = state[8] | 0;
  let oldest = state[9] | 0;
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  const end = i + count;
  while (i < end) {
    batch.next();
    const loss = batch.loss(x, y);
    batch.gradient(x, y, g);
    const gx = g[0];
    const gy = g[1];
    let evaluations = 1;
    if (!(Math.max(Math.abs(gx), Math.abs(gy)) <= toleranceGrad)) {
      iteration++;
      let dx: number;
      let dy: number;
      if (iteration === 1) {
        dx = -gx;
        dy = -gy;
        pairs = 0;
        oldest = 0;
        state[3] = 1;
      } else {
        const yx = gx - state[4];
        const yy = gy - state[5];
        const sx = state[0] * state[2];
        const sy = state[1] * state[2];
        const curvature = yx * sx + yy * sy;
        if (curvature > 1e-10) {
          if (pairs === m) {
            oldest = oldest + 1 === m ? 0 : oldest + 1;
            pairs--;
          }
          const slot = (oldest + pairs) % m;
          yPairs[2 * slot] = yx;
          yPairs[2 * slot + 1] = yy;
          sPairs[2 * slot] = sx;
          sPairs[2 * slot + 1] = sy;
          rho[slot] = 1 / curvature;
          pairs++;
          state[3] = curvature / (yx * yx + yy * yy);
        }
        let qx = -gx;
        let qy = -gy;
        for (let k = pairs - 1; k >= 0; k--) {
          const slot = (oldest + k) % m;
          const a = (sPairs[2 * slot] * qx + sPairs[2 * slot + 1] * qy) * rho[slot];
          alpha[k] = a;
          qx += -a * yPairs[2 * slot];
          qy += -a * yPairs[2 * slot + 1];
        }
        dx = qx * state[3];
        dy = qy * state[3];
        for (let k = 0; k < pairs; k++) {
          const slot = (oldest + k) % m;
          const b = (yPairs[2 * slot] * dx + yPairs[2 * slot + 1] * dy) * rho[slot];
          const weight = alpha[k] - b;
          dx += weight * sPairs[2 * slot];
          dy += weight * sPairs[2 * slot + 1];
        }
      }
      state[4] = gx;
      state[5] = gy;
      state[6] = loss;
      const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
      let t = eta;
      if (iteration === 1) {
        const inverse = 1 / (Math.abs(gx) + Math.abs(gy));
        t = (inverse < 1 ? inverse : 1) * eta;
      }
      state[0] = dx;
      state[1] = dy;
      const slope = gx * dx + gy * dy;
      if (!(slope > -toleranceChange)) {
        if (lineSearch === 'strong-wolfe') {
          strongWolfe(batch, x, y, dx, dy, t, loss, slope, toleranceChange, g, search);
          t = search[0];
          evaluations += search[2];
        }
        x += t * dx;
        y += t * dy;
      }
      state[2] = t;
    }
    state[10] = evaluations;
    const l = lossAt(x, y);
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && l <= lossLimit && l >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, l)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
    }
    counts[i + 1] = counts[i] + evaluations * batchFraction;
    xs[++i] = x;
    ys[i] = y;
    ls[i] = l;
  }
  state[7] = iteration;
  state[8] = pairs;
  state[9] = oldest;
  return finish(run, i);
};

export const LBFGS: OptimizerLoop = {
  loop: lbfgsLoop,
  stateSize: (settings) => HEADER + 6 * settings.historySize,
  init: () => {},
  cost: () => null,
  describe: (run) => {
    const s = run.state;
    if (s[7] === 0) return [scalar('Iterations so far', 'k', 0)];
    return [
      vector('Last direction', 'd', s[0], s[1]),
      scalar('Last step length', 't', s[2]),
      scalar('Initial inverse-Hessian scale', '\\gamma', s[3]),
      scalar('Stored (s, y) pairs', 'k', s[8]),
      vector('Previous gradient', 'g_{t-1}', s[4], s[5]),
      scalar('Loss and gradient evaluations in the last step', 'n', s[10]),
    ];
  },
};
