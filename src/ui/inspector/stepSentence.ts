/**
 * The inspector's plain sentence about one step: how long the gradient is, what
 * this optimizer did with it (its momentum, its per-axis rates, its signs, its
 * curvature, its candidates), how long the step is and where it points, and what
 * the loss did. Numbers come from the engine's inspection, as in the rule.
 */
import { OPTIMIZERS, type Point, type StepInspection } from '../../core/index.ts';
import type { RunConfig } from '../../state/setup.ts';
import { formatInteger, formatNumber, formatPoint } from '../../view/format.ts';
import { argMin, l2Decay, listOf, scalarOf, usedGradient, vectorOf } from './texParts.ts';

const n = (value: number): string => formatNumber(value, 3);
const p = (point: Point): string => formatPoint(point[0], point[1], 3);

/** The direction a step mostly goes: "−x", "+y", or "both axes". */
function mainAxis(update: Point): string {
  const [dx, dy] = update;
  const ratio = Math.abs(dx) / Math.max(1e-300, Math.abs(dy));
  if (ratio > 1.5) return `mostly along ${dx < 0 ? '−' : '+'}x`;
  if (ratio < 1 / 1.5) return `mostly along ${dy < 0 ? '−' : '+'}y`;
  return `along both axes (${dx < 0 ? '−' : '+'}x, ${dy < 0 ? '−' : '+'}y)`;
}

/** η divided per axis by a denominator: the effective learning rates. */
const rates = (lr: number, d: Point): string => p([lr / d[0], lr / d[1]]);

function adamClause(run: RunConfig, step: StepInspection): string | null {
  const after = step.stateAfter;
  const v = vectorOf(after, '\\hat v');
  const m = vectorOf(after, '\\hat m');
  if (!v || !m) return null;
  const { eps, beta1 } = run;
  if (run.optimizer === 'radam') {
    const rho = scalarOf(after, '\\rho_t');
    const r = scalarOf(after, 'r_t');
    if (rho === null) return null;
    return rho > 5 && r !== null
      ? `ρ = ${n(rho)} > 5: this is an Adam step m̂/√v̂ scaled by the rectification r = ${n(r)}`
      : `ρ = ${n(rho)} ≤ 5: too few steps to trust the squared-gradient average, this is a plain momentum step −η·m̂ with m̂ = ${p(m)}`;
  }
  const d: Point = [Math.sqrt(v[0]) + eps, Math.sqrt(v[1]) + eps];
  if (run.optimizer === 'nadam') {
    const k = step.step + 1;
    const mu = beta1 * (1 - 0.5 * Math.pow(0.96, k * run.momentumDecay));
    return `NAdam adds the fresh gradient to the momentum (μ = ${n(mu)} this step, Nesterov's look-ahead), both divided by √v̂: each axis's rate is about ${rates(step.lr, d)}`;
  }
  const decay = run.optimizer === 'adamw' && run.weightDecay !== 0 ? `decoupled weight decay first shrinks θ by ηλ = ${n(step.lr * run.weightDecay)} of itself; then ` : '';
  const amsgrad = run.amsgrad ? ' (AMSGrad: the largest v so far)' : '';
  return `${decay}the averaged gradient m̂ = ${p(m)} is divided by √v̂${amsgrad}: each axis's rate η/(√v̂ + ε) is ${rates(step.lr, d)}`;
}

function rpropClause(step: StepInspection, g: Point): string | null {
  const before = vectorOf(step.state, '\\Delta');
  const after = vectorOf(step.stateAfter, '\\Delta');
  const previous = vectorOf(step.state, 'g_{t-1}');
  if (!before || !after || !previous) return null;
  const axes = (['x', 'y'] as const).map((name, axis) => {
    const product = g[axis] * previous[axis];
    if (product > 0) return `along ${name} the slope kept its sign, so its step grows to ${n(after[axis])}`;
    if (product < 0) return `along ${name} the slope flipped sign, so ${name} stays put and its step shrinks to ${n(after[axis])}`;
    return `along ${name} its step stays ${n(after[axis])}`;
  });
  return `Rprop uses only the gradient's signs: ${axes.join('; ')}`;
}

function curvatureClause(run: RunConfig, step: StepInspection): string | null {
  if (run.optimizer === 'newton') {
    const eigenvalues = vectorOf(step.state, '\\lambda');
    if (!eigenvalues) return null;
    const [low, high] = eigenvalues;
    const curvatures = `the Hessian's curvatures are ${n(low)} and ${n(high)}`;
    if (!step.update) return `${curvatures}: it cannot be inverted`;
    if (low > 0) return `${curvatures}, both positive: Newton jumps to the minimum of the local quadratic model`;
    if (high < 0) return `${curvatures}, both negative: Newton heads for the local model's maximum`;
    return `${curvatures}, one negative: the local model is a saddle, and Newton heads for it`;
  }
  const g = step.gradient;
  if (g && Math.max(Math.abs(g[0]), Math.abs(g[1])) <= run.toleranceGrad) return `every component of the gradient is within the tolerance ${n(run.toleranceGrad)}: L-BFGS stays put`;
  const direction = vectorOf(step.stateAfter, 'd');
  const slope = g && direction ? g[0] * direction[0] + g[1] * direction[1] : Number.NaN;
  if (slope > -run.toleranceChange) return `its direction is not downhill (g·d = ${n(slope)}): L-BFGS stays put`;
  const length = scalarOf(step.stateAfter, 't');
  const pairs = scalarOf(step.stateAfter, 'k');
  if (length === null || pairs === null || !vectorOf(step.stateAfter, 'd')) return null;
  if (vectorOf(step.state, 'd') === null) return `the first L-BFGS step goes straight downhill, τ = ${n(length)} along −g`;
  return `L-BFGS turns the gradient by the curvature it learned from ${formatInteger(pairs)} pairs of steps and gradient changes, and moves τ = ${n(length)} along that direction`;
}

/** What the optimizer did with the gradient, or null when there is nothing to add. */
function clause(run: RunConfig, step: StepInspection, g: Point): string | null {
  const lambda = l2Decay(run);
  const decay = lambda !== 0 ? `weight decay adds λθ = ${p([lambda * step.point[0], lambda * step.point[1]])} to it` : null;
  const join = (text: string | null): string | null => [decay, text].filter((part) => part !== null).join('; ') || null;
  switch (run.optimizer) {
    case 'sgd':
      return join(null);
    case 'momentum':
    case 'nesterov': {
      const lookAhead = run.optimizer === 'nesterov' ? ' and Nesterov adds μb, the next momentum step, as a look-ahead' : '';
      return join(step.step > 0 ? `momentum keeps ${n(run.momentum)} of the last step${lookAhead}` : `the momentum buffer starts as this gradient${lookAhead}`);
    }
    case 'adagrad': {
      const s = vectorOf(step.stateAfter, 's');
      return join(s ? `the summed squared gradients set each axis's rate η/(√s + ε) to ${rates(step.lr, [Math.sqrt(s[0]) + run.eps, Math.sqrt(s[1]) + run.eps])}` : null);
    }
    case 'rmsprop': {
      const v = vectorOf(step.stateAfter, 'v');
      const carry = run.momentum > 0 ? `, and momentum ${n(run.momentum)} carries the last steps` : '';
      return join(v ? `the running mean of squared gradients sets each axis's rate to about ${rates(step.lr, [Math.sqrt(v[0]) + run.eps, Math.sqrt(v[1]) + run.eps])}${carry}` : null);
    }
    case 'adadelta': {
      const u = vectorOf(step.state, 'u');
      const v = vectorOf(step.stateAfter, 'v');
      if (!u || !v) return join(null);
      const ratio: Point = [Math.sqrt(u[0] + run.eps) / Math.sqrt(v[0] + run.eps), Math.sqrt(u[1] + run.eps) / Math.sqrt(v[1] + run.eps)];
      return join(`the ratio of recent step sizes to recent gradient sizes, √(u + ε)/√(v + ε) = ${p(ratio)}, sets each axis's rate`);
    }
    case 'adamax': {
      const u = vectorOf(step.stateAfter, 'u');
      return join(u ? `each axis is divided by u = ${p(u)}, the decaying largest |g| seen` : null);
    }
    case 'adam':
    case 'adamw':
    case 'nadam':
    case 'radam':
      return join(adamClause(run, step));
    case 'rprop':
      return rpropClause(step, g);
    case 'lbfgs':
    case 'newton':
      return curvatureClause(run, step);
    default:
      return join(null);
  }
}

function gradientFreeSentence(run: RunConfig, step: StepInspection): string {
  const sigmaBefore = scalarOf(step.state, '\\sigma');
  const sigma = scalarOf(step.stateAfter, '\\sigma');
  const losses = listOf(step.stateAfter, 'L(\\theta^{(k)})');
  if (!step.update) return `This method uses no gradient; this step stopped the run (${step.stopReason}).`;
  if (sigmaBefore === null || sigma === null || !losses) return 'This method uses no gradient: it compares losses at candidate points.';
  let opening: string;
  if (run.optimizer === 'random-search') {
    opening = `Random search tried ${formatInteger(losses.length)} points ${run.sampling === 'uniform' ? 'spread over the whole plot' : `around θ (σ = ${n(sigmaBefore)})`}`;
  } else {
    const generations = scalarOf(step.state, 'n') ?? 0;
    opening = generations === 0 ? `The first generation: the start and ${formatInteger(losses.length - 1)} points around it (σ = ${n(sigmaBefore)})` : `Generation ${formatInteger(generations + 1)} bred ${formatInteger(losses.length - 1)} children from the last (σ = ${n(sigmaBefore)}) beside its best member`;
  }
  const best = argMin(losses);
  const bestLoss = best >= 0 ? losses[best] : Number.NaN;
  const length = Math.hypot(step.update[0], step.update[1]);
  return bestLoss < step.loss
    ? `${opening}; the best has loss ${formatNumber(bestLoss, 4)}, lower than ${formatNumber(step.loss, 4)}, so the path moves there (${n(length)} ${mainAxis(step.update)}) and σ widens to ${n(sigma)}.`
    : `${opening}; the best has loss ${formatNumber(bestLoss, 4)}, no lower than ${formatNumber(step.loss, 4)}, so the path stays and σ narrows to ${n(sigma)}.`;
}

/** One plain sentence about the step. */
export function stepSentence(run: RunConfig, step: StepInspection): string {
  if (!OPTIMIZERS[run.optimizer].usesGradient) return gradientFreeSentence(run, step);
  const g = usedGradient(run, step);
  const parts: string[] = [];
  if (g) {
    parts.push(`The gradient is ${n(Math.hypot(g[0], g[1]))} long and points up the slope`);
    const said = clause(run, step, g);
    if (said) parts.push(said);
  }
  if (step.batch) parts.push(`the mini-batch of ${formatInteger(step.batch.rows.length)} rows misses the full gradient by ${n(Math.hypot((step.gradient?.[0] ?? 0) - step.batch.fullGradient[0], (step.gradient?.[1] ?? 0) - step.batch.fullGradient[1]))}`);
  if (!step.update) return `${parts.join('; ')}; this step stopped the run (${step.stopReason}).`;
  const length = Math.hypot(step.update[0], step.update[1]);
  let text = `${parts.join('; ')}, so the step is ${n(length)} long`;
  if (length > 0) text += `, ${mainAxis(step.update)}`;
  if (g && length > 0 && Math.hypot(g[0], g[1]) > 0) {
    const cosine = -(step.update[0] * g[0] + step.update[1] * g[1]) / (length * Math.hypot(g[0], g[1]));
    const degrees = (Math.acos(Math.max(-1, Math.min(1, cosine))) * 180) / Math.PI;
    text += `, ${formatNumber(degrees, 2)}° from straight downhill`;
  }
  const change = step.nextLoss - step.loss;
  text += `. The loss ${change < 0 ? 'falls' : change > 0 ? 'rises' : 'stays'} from ${formatNumber(step.loss, 4)} to ${formatNumber(step.nextLoss, 4)}.`;
  return text;
}
