/**
 * Newton's method, pure and undamped: θₜ = θₜ₋₁ − η H⁻¹ gₜ with H the exact Hessian
 * at θₜ₋₁ (the surface's `hessian`, else central differences of its gradient; see
 * hessian.ts). It jumps to the stationary point of the local quadratic model,
 * whatever its kind: where H is not positive definite that is a saddle or a
 * maximum, and Newton goes there. With mini-batches g is the batch's gradient and
 * H the full loss's. A singular H (|det H| ≤ 1e-15·‖H‖², nothing to invert) stops
 * the run as diverged with reason 'singular-hessian'; no NaN is ever stored.
 */
import { hessianAt, hessianCost, symmetricEigenvalues } from '../hessian.ts';
import { learningRateAt } from '../schedules.ts';
import { stop, finish, leaves, scalar, vector, type Loop, type OptimizerLoop, type StateQuantity } from './types.ts';

/** |det H| at or below this times the squared Frobenius norm of H counts as singular (condition number ≳ 10¹⁵). */
export const SINGULAR_HESSIAN = 1e-15;

const newtonLoop: Loop = (run, count) => {
  const { gradient, lossAt, g, surface } = run;
  const { lr, schedule } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  const exact = surface.hessian;
  const surfaceGradient = surface.gradient;
  const hessian = new Float64Array(3);
  const plus = new Float64Array(2);
  const minus = new Float64Array(2);
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  const end = i + count;
  while (i < end) {
    gradient(x, y, g);
    let a: number;
    let b: number;
    let c: number;
    if (exact !== undefined) {
      exact(x, y, hessian);
      a = hessian[0];
      b = hessian[1];
      c = hessian[2];
    } else {
      // hessian.ts's differenceHessian, written out here so the gradient calls stay specialised to this run's surface.
      const h = 1e-5 * Math.max(1, Math.abs(x), Math.abs(y));
      surfaceGradient(x + h, y, plus);
      surfaceGradient(x - h, y, minus);
      a = (plus[0] - minus[0]) / (2 * h);
      const mixed = (plus[1] - minus[1]) / (2 * h);
      surfaceGradient(x, y + h, plus);
      surfaceGradient(x, y - h, minus);
      b = 0.5 * (mixed + (plus[0] - minus[0]) / (2 * h));
      c = (plus[1] - minus[1]) / (2 * h);
    }
    const determinant = a * c - b * b;
    if (!(Math.abs(determinant) > SINGULAR_HESSIAN * (a * a + 2 * b * b + c * c))) {
      stop(run, i + 1, x, y, Number.isFinite(determinant) ? 0 : Number.NaN, Number.isFinite(determinant) ? 'singular-hessian' : 'non-finite');
      break;
    }
    const eta = schedule === undefined ? lr : learningRateAt(lr, schedule, i);
    x -= eta * ((c * g[0] - b * g[1]) / determinant);
    y -= eta * ((a * g[1] - b * g[0]) / determinant);
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

export const NEWTON: OptimizerLoop = {
  loop: newtonLoop,
  stateSize: () => 0,
  init: () => {},
  cost: (_settings, batchFraction, surface) => ({ lossAtStart: 0, lossPerStep: 0, gradientPerStep: batchFraction + hessianCost(surface) }),
  gradientAtEachPoint: true,
  describe: (run) => {
    // Newton keeps no state between steps: what it acts on is the Hessian at the current point.
    const last = run.length - 1;
    const hessian = new Float64Array(3);
    hessianAt(run.surface, run.x[last], run.y[last], hessian);
    const [a, b, c] = hessian;
    const [low, high] = symmetricEigenvalues(a, b, c);
    const quantities: StateQuantity[] = [
      { name: 'Hessian at this point', symbol: 'H', kind: 'matrix', value: [[a, b], [b, c]] },
      vector('Eigenvalues of H (curvatures along its axes)', '\\lambda', low, high),
      scalar('Determinant of H', '\\det H', a * c - b * b),
    ];
    return quantities;
  },
};
