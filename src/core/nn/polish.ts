/**
 * The polish after Adam: L-BFGS to a small gradient, then Newton steps on a
 * forward-difference Hessian, until ‖∇L‖ falls to rounding (POLISH_TOLERANCE),
 * so the trained θ* is a true minimum of the objective (see train.ts).
 */
import { cholesky, choleskySolve, dot, norm } from './linalg.ts';
import { objective, type MlpBatch } from './mlp.ts';

const MEMORY = 10;
const LBFGS_ITERATIONS = 2000;
/** L-BFGS hands over to Newton at this ‖∇L‖₂: close enough for full Newton steps, and L-BFGS slows down below it. */
export const LBFGS_TOLERANCE = 1e-5;
/** Hessians the Newton polish may compute (each costs P gradients). */
const NEWTON_HESSIANS = 3;
/** The polish stops when ‖∇L‖₂ is below this (rounding in L's gradient is about 1e-16 per term). */
export const POLISH_TOLERANCE = 1e-12;

/**
 * L-BFGS (Nocedal and Wright, Algorithm 7.4: two-loop recursion, memory 10)
 * with an Armijo backtracking line search, from θ in place, until
 * ‖∇L‖₂ ≤ tolerance or no step lowers L. Leaves ∇L(θ) in grad; calls
 * onIterate after each iteration.
 */
export function lbfgs(
  batch: MlpBatch,
  theta: Float64Array,
  weightDecay: number,
  grad: Float64Array,
  tolerance: number,
  onIterate: (theta: Float64Array, loss: number, iteration: number) => void,
): { loss: number; iterations: number } {
  const size = theta.length;
  const s = new Float64Array(MEMORY * size);
  const y = new Float64Array(MEMORY * size);
  const rho = new Float64Array(MEMORY);
  const alpha = new Float64Array(MEMORY);
  const direction = new Float64Array(size);
  const trial = new Float64Array(size);
  const trialGrad = new Float64Array(size);
  let stored = 0;
  let newest = -1;
  let loss = objective(batch, theta, weightDecay, grad);
  let iteration = 0;
  for (; iteration < LBFGS_ITERATIONS && norm(grad) > tolerance; iteration++) {
    // direction = −H·grad by the two-loop recursion.
    for (let p = 0; p < size; p++) direction[p] = -grad[p];
    for (let k = 0; k < stored; k++) {
      const slot = (newest - k + MEMORY) % MEMORY;
      alpha[slot] = rho[slot] * dot(s, slot * size, direction, 0, size);
      for (let p = 0; p < size; p++) direction[p] -= alpha[slot] * y[slot * size + p];
    }
    if (stored > 0) {
      const gamma = 1 / (rho[newest] * dot(y, newest * size, y, newest * size, size));
      for (let p = 0; p < size; p++) direction[p] *= gamma;
    } else {
      const first = Math.min(1, 1e-2 / norm(grad));
      for (let p = 0; p < size; p++) direction[p] *= first;
    }
    for (let k = stored - 1; k >= 0; k--) {
      const slot = (newest - k + MEMORY) % MEMORY;
      const beta = rho[slot] * dot(y, slot * size, direction, 0, size);
      for (let p = 0; p < size; p++) direction[p] += (alpha[slot] - beta) * s[slot * size + p];
    }
    let slope = 0;
    for (let p = 0; p < size; p++) slope += grad[p] * direction[p];
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      stored = 0;
      for (let p = 0; p < size; p++) direction[p] = -grad[p];
      slope = -dot(grad, 0, grad, 0, size);
    }
    let step = 1;
    let trialLoss = Infinity;
    let accepted = false;
    const before = norm(grad);
    for (let tries = 0; tries < 40 && !accepted; tries++, step *= 0.5) {
      for (let p = 0; p < size; p++) trial[p] = theta[p] + step * direction[p];
      trialLoss = objective(batch, trial, weightDecay, trialGrad);
      // Armijo; or, once L changes by no more than its rounding, a step that lowers ‖∇L‖.
      accepted = trialLoss <= loss + 1e-4 * step * slope || (trialLoss <= loss + 1e-15 * Math.abs(loss) && norm(trialGrad) < before);
    }
    if (!accepted) break; // no step helps: θ is as good as rounding allows
    newest = (newest + 1) % MEMORY;
    let sy = 0;
    for (let p = 0; p < size; p++) {
      const sp = trial[p] - theta[p];
      const yp = trialGrad[p] - grad[p];
      s[newest * size + p] = sp;
      y[newest * size + p] = yp;
      sy += sp * yp;
    }
    if (sy > 0) {
      rho[newest] = 1 / sy;
      stored = Math.min(stored + 1, MEMORY);
    } else {
      newest = (newest - 1 + MEMORY) % MEMORY; // curvature condition failed: keep the old pairs
    }
    theta.set(trial);
    grad.set(trialGrad);
    loss = trialLoss;
    onIterate(theta, loss, iteration + 1);
  }
  return { loss, iterations: iteration };
}

/**
 * Newton's method, chord variant: the Hessian by forward differences of the
 * exact gradient (column p from a step h = 1e-7·max(1, |θ_p|)), symmetrised and
 * factorised by Cholesky (shifted until positive definite), then reused for
 * step after step: each costs one gradient, and ‖∇L‖ falls by about the
 * Hessian's relative error (~1e-3) per step. A step (halved up to 8 times) is
 * kept when it lowers ‖∇L‖; when none does, the Hessian is computed afresh
 * where θ now is, at most NEWTON_HESSIANS times in all.
 */
export function newton(batch: MlpBatch, theta: Float64Array, weightDecay: number, grad: Float64Array): { loss: number; iterations: number } {
  const size = theta.length;
  const hessian = new Float64Array(size * size);
  const column = new Float64Array(size);
  const step = new Float64Array(size);
  const trial = new Float64Array(size);
  const trialGrad = new Float64Array(size);
  objective(batch, theta, weightDecay, grad);
  let iteration = 0;
  for (let factorisations = 0; factorisations < NEWTON_HESSIANS && norm(grad) > POLISH_TOLERANCE; factorisations++) {
    factoriseHessian(batch, theta, weightDecay, grad, hessian, column);
    let progress = false;
    for (let chord = 0; chord < 12 && norm(grad) > POLISH_TOLERANCE; chord++, iteration++) {
      for (let p = 0; p < size; p++) step[p] = -grad[p];
      choleskySolve(hessian, size, step);
      const before = norm(grad);
      let accepted = false;
      for (let t = 1, halvings = 0; halvings <= 8 && !accepted; halvings++, t *= 0.5) {
        for (let p = 0; p < size; p++) trial[p] = theta[p] + t * step[p];
        objective(batch, trial, weightDecay, trialGrad);
        if (norm(trialGrad) < before) {
          theta.set(trial);
          grad.set(trialGrad);
          accepted = true;
        }
      }
      if (!accepted) break;
      progress = true;
    }
    if (!progress && factorisations > 0) break;
  }
  // Evaluated once more at θ itself: L(θ*) as `objective` gives it, and θ's own gradient left in grad.
  return { loss: objective(batch, theta, weightDecay, grad), iterations: iteration };
}

/** The symmetrised forward-difference Hessian of L at θ (grad = ∇L(θ)), Cholesky-factorised in place, shifted by the least 1e-8·10^k that makes it positive definite. */
function factoriseHessian(batch: MlpBatch, theta: Float64Array, weightDecay: number, grad: Float64Array, hessian: Float64Array, column: Float64Array): void {
  const size = theta.length;
  for (let p = 0; p < size; p++) {
    const held = theta[p];
    const moved = held + 1e-7 * Math.max(1, Math.abs(held));
    const h = moved - held;
    theta[p] = moved;
    objective(batch, theta, weightDecay, column);
    theta[p] = held;
    for (let q = 0; q < size; q++) hessian[q * size + p] = (column[q] - grad[q]) / h;
  }
  for (let p = 0; p < size; p++) {
    for (let q = 0; q < p; q++) {
      const mean = 0.5 * (hessian[p * size + q] + hessian[q * size + p]);
      hessian[p * size + q] = mean;
      hessian[q * size + p] = mean;
    }
  }
  const copy = hessian.slice();
  for (let shift = 0; !cholesky(hessian, size, shift); shift = shift === 0 ? 1e-8 : shift * 10) hessian.set(copy);
}
