/**
 * torch.optim.LBFGS's strong-Wolfe line search (`_strong_wolfe` and
 * `_cubic_interpolate` in torch/optim/lbfgs.py, themselves ported from
 * torch/optim's lswolfe.lua), for a 2-D parameter, branch for branch. It
 * searches along d from θ for a step length t with sufficient decrease
 * L(θ + td) ≤ L(θ) + c₁ t gᵀd and a flattened slope |∇L(θ + td)ᵀd| ≤ c₂ |gᵀd|.
 * Only what the caller uses is kept: trial points' losses and slopes, not their
 * gradients. Allocation-free: the scratch below is module-level.
 */
import type { BatchView } from './types.ts';

const C1 = 1e-4;
const C2 = 0.9;
const MAX_LINE_SEARCH = 25;

/** Python's min and max of two numbers (the first wins ties; a NaN first argument stays). */
const pyMin = (a: number, b: number): number => (b < a ? b : a);
const pyMax = (a: number, b: number): number => (b > a ? b : a);

/**
 * The minimiser of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2,
 * clamped to [low, high] (the two points' range when not given); the middle of the
 * range when the cubic has no real minimiser.
 */
function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, low?: number, high?: number): number {
  const lowBound = low ?? (x1 <= x2 ? x1 : x2);
  const highBound = high ?? (x1 <= x2 ? x2 : x1);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minimum = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return pyMin(pyMax(minimum, lowBound), highBound);
  }
  return (lowBound + highBound) / 2;
}

/** Scratch (the search is synchronous and never re-entered): a trial's [loss, slope], and the bracket's two ends. */
const trialResult = new Float64Array(2);
const bracket = new Float64Array(2);
const bracketLoss = new Float64Array(2);
const bracketSlope = new Float64Array(2);

function setBracket(t0: number, t1: number, loss0: number, loss1: number, slope0: number, slope1: number): void {
  bracket[0] = t0;
  bracket[1] = t1;
  bracketLoss[0] = loss0;
  bracketLoss[1] = loss1;
  bracketSlope[0] = slope0;
  bracketSlope[1] = slope1;
}

/** Evaluates loss and slope ∇Lᵀd at (x, y) + step·(dx, dy) into trialResult. */
function trial(batch: BatchView, x: number, y: number, dx: number, dy: number, step: number, g: Float64Array): void {
  const px = x + step * dx;
  const py = y + step * dy;
  trialResult[0] = batch.loss(px, py);
  batch.gradient(px, py, g);
  trialResult[1] = g[0] * dx + g[1] * dy;
}

/**
 * Searches along (dx, dy) from (x, y), where the loss is `loss` and the slope gᵀd is
 * `slope` (< 0), starting at step length t. Evaluates `batch` (loss and gradient)
 * at each trial point, using `g` as scratch. Writes [step length, loss there,
 * evaluations] into `out`.
 */
export function strongWolfe(
  batch: BatchView,
  x: number,
  y: number,
  dx: number,
  dy: number,
  t: number,
  loss: number,
  slope: number,
  toleranceChange: number,
  g: Float64Array,
  out: Float64Array,
): void {
  const directionNorm = pyMax(Math.abs(dx), Math.abs(dy));
  trial(batch, x, y, dx, dy, t, g);
  let newLoss = trialResult[0];
  let newSlope = trialResult[1];

  // Bracket an interval containing a point satisfying the Wolfe conditions.
  let previousT = 0;
  let previousLoss = loss;
  let previousSlope = slope;
  let done = false;
  /** Trials after the first (torch's ls_iter; its func_evals is always one more). */
  let iteration = 0;
  let size = 2;
  while (iteration < MAX_LINE_SEARCH) {
    if (newLoss > loss + C1 * t * slope || (iteration > 1 && newLoss >= previousLoss)) {
      setBracket(previousT, t, previousLoss, newLoss, previousSlope, newSlope);
      break;
    }
    if (Math.abs(newSlope) <= -C2 * slope) {
      bracket[0] = t;
      bracketLoss[0] = newLoss;
      size = 1;
      done = true;
      break;
    }
    if (newSlope >= 0) {
      setBracket(previousT, t, previousLoss, newLoss, previousSlope, newSlope);
      break;
    }
    const minStep = t + 0.01 * (t - previousT);
    const maxStep = t * 10;
    const held = t;
    t = cubicInterpolate(previousT, previousLoss, previousSlope, t, newLoss, newSlope, minStep, maxStep);
    previousT = held;
    previousLoss = newLoss;
    previousSlope = newSlope;
    trial(batch, x, y, dx, dy, t, g);
    newLoss = trialResult[0];
    newSlope = trialResult[1];
    iteration++;
  }
  if (iteration === MAX_LINE_SEARCH) {
    // torch leaves the slopes unset here: the zoom below cannot run, as the search is out of evaluations.
    setBracket(0, t, loss, newLoss, Number.NaN, Number.NaN);
  }

  // Zoom: shrink the bracket until a point satisfies the conditions.
  let insufficientProgress = false;
  let low = bracketLoss[0] <= bracketLoss[size - 1] ? 0 : 1;
  let high = 1 - low;
  while (!done && iteration < MAX_LINE_SEARCH) {
    if (Math.abs(bracket[1] - bracket[0]) * directionNorm < toleranceChange) break;
    t = cubicInterpolate(bracket[0], bracketLoss[0], bracketSlope[0], bracket[1], bracketLoss[1], bracketSlope[1]);
    // Too close to an end of the bracket: move to 0.1 of its length from that end when the last step also was.
    const top = pyMax(bracket[0], bracket[1]);
    const bottom = pyMin(bracket[0], bracket[1]);
    const margin = 0.1 * (top - bottom);
    if (pyMin(top - t, t - bottom) < margin) {
      if (insufficientProgress || t >= top || t <= bottom) {
        t = Math.abs(t - top) < Math.abs(t - bottom) ? top - margin : bottom + margin;
        insufficientProgress = false;
      } else {
        insufficientProgress = true;
      }
    } else {
      insufficientProgress = false;
    }
    trial(batch, x, y, dx, dy, t, g);
    newLoss = trialResult[0];
    newSlope = trialResult[1];
    iteration++;
    if (newLoss > loss + C1 * t * slope || newLoss >= bracketLoss[low]) {
      // Not enough decrease, or not below the lowest point: t becomes the high end.
      bracket[high] = t;
      bracketLoss[high] = newLoss;
      bracketSlope[high] = newSlope;
      low = bracketLoss[0] <= bracketLoss[1] ? 0 : 1;
      high = 1 - low;
    } else {
      if (Math.abs(newSlope) <= -C2 * slope) {
        done = true;
      } else if (newSlope * (bracket[high] - bracket[low]) >= 0) {
        // The old low end becomes the high end.
        bracket[high] = bracket[low];
        bracketLoss[high] = bracketLoss[low];
        bracketSlope[high] = bracketSlope[low];
      }
      bracket[low] = t;
      bracketLoss[low] = newLoss;
      bracketSlope[low] = newSlope;
    }
  }
  out[0] = bracket[low];
  out[1] = bracketLoss[low];
  out[2] = iteration + 1; // evaluations: the first trial, then one per iteration (torch counts both, always in step)
}
