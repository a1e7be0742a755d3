/**
 * Each optimizer's update rule with the numbers of one step put in (TeX), line by
 * line as its loop computes it. The numbers come from the engine's inspection (the
 * state before and after the step, the gradient, η, Δθ); intermediate values a
 * line shows (a denominator, a bias correction) are the same formulas evaluated
 * for display. This file holds the first-order gradient methods; sign, curvature
 * and gradient-free methods are in ruleTexOther.ts.
 */
import type { Point, StepInspection } from '../../core/index.ts';
import type { RunConfig } from '../../state/setup.ts';
import { decayLines, gSymbol, ruleContext, type RuleContext } from './ruleContext.ts';
import { curvatureRule, gradientFreeRule, rpropRule } from './ruleTexOther.ts';
import { aligned, scalarOf, texFactor, texNumber, texPair, texPoint, vectorOf } from './texParts.ts';

const frac = (top: string, bottom: string): string => `\\frac{${top}}{${bottom}}`;
const squared = (p: Point): Point => [p[0] * p[0], p[1] * p[1]];

function sgdRule(c: RuleContext): string[] | null {
  if (!c.g) return null;
  return [...decayLines(c), `\\Delta\\theta &= -\\eta\\, ${gSymbol(c)} = -${c.eta}\\cdot ${texPoint(c.g)} = ${c.delta}`];
}

function momentumRule(c: RuleContext): string[] | null {
  const before = vectorOf(c.step.state, 'b');
  const after = vectorOf(c.step.stateAfter, 'b');
  if (!c.g || !before || !after) return null;
  const mu = texNumber(c.run.momentum);
  const buffer = c.t === 0 ? `b &= ${gSymbol(c)} = ${texPoint(after)}\\quad(\\text{the first step})` : `b &= \\mu b + ${gSymbol(c)} = ${mu}\\cdot ${texPoint(before)} + ${texPoint(c.g)} = ${texPoint(after)}`;
  const step =
    c.run.optimizer === 'momentum'
      ? `\\Delta\\theta &= -\\eta\\, b = -${c.eta}\\cdot ${texPoint(after)} = ${c.delta}`
      : `\\Delta\\theta &= -\\eta\\,(${gSymbol(c)} + \\mu b) = -${c.eta}\\cdot\\bigl(${texPoint(c.g)} + ${mu}\\cdot ${texPoint(after)}\\bigr) = ${c.delta}`;
  return [...decayLines(c), buffer, step];
}

function adagradRule(c: RuleContext): string[] | null {
  const before = vectorOf(c.step.state, 's');
  const after = vectorOf(c.step.stateAfter, 's');
  if (!c.g || !before || !after) return null;
  const g = c.g;
  return [
    ...decayLines(c),
    `s &= s + ${gSymbol(c)}^2 = ${texPoint(before)} + ${texPoint(squared(g))} = ${texPoint(after)}`,
    `\\Delta\\theta &= -\\eta\\,\\frac{${gSymbol(c)}}{\\sqrt{s}+\\epsilon} = -${c.eta}\\cdot${texPair(frac(texNumber(g[0]), `\\sqrt{${texNumber(after[0])}}+\\epsilon`), frac(texNumber(g[1]), `\\sqrt{${texNumber(after[1])}}+\\epsilon`))} = ${c.delta}`,
  ];
}

function rmspropRule(c: RuleContext): string[] | null {
  const vBefore = vectorOf(c.step.state, 'v');
  const vAfter = vectorOf(c.step.stateAfter, 'v');
  if (!c.g || !vBefore || !vAfter) return null;
  const { alpha, eps, centered, momentum } = c.run;
  const g = c.g;
  const lines = [...decayLines(c), `v &= \\alpha v + (1-\\alpha)\\,${gSymbol(c)}^2 = ${texNumber(alpha)}\\cdot ${texPoint(vBefore)} + ${texNumber(1 - alpha)}\\cdot ${texPoint(squared(g))} = ${texPoint(vAfter)}`];
  let d: Point = [Math.sqrt(vAfter[0]) + eps, Math.sqrt(vAfter[1]) + eps];
  if (centered) {
    const meanBefore = vectorOf(c.step.state, '\\bar g');
    const mean = vectorOf(c.step.stateAfter, '\\bar g');
    if (!meanBefore || !mean) return null;
    d = [Math.sqrt(vAfter[0] - mean[0] * mean[0]) + eps, Math.sqrt(vAfter[1] - mean[1] * mean[1]) + eps];
    lines.push(`\\bar g &= \\alpha \\bar g + (1-\\alpha)\\,${gSymbol(c)} = ${texNumber(alpha)}\\cdot ${texPoint(meanBefore)} + ${texNumber(1 - alpha)}\\cdot ${texPoint(g)} = ${texPoint(mean)}`);
    lines.push(`d &= \\sqrt{v - \\bar g^2}+\\epsilon = ${texPoint(d)}`);
  } else {
    lines.push(`d &= \\sqrt{v}+\\epsilon = ${texPair(`\\sqrt{${texNumber(vAfter[0])}}`, `\\sqrt{${texNumber(vAfter[1])}}`)} + \\epsilon = ${texPoint(d)}`);
  }
  const scaled: Point = [g[0] / d[0], g[1] / d[1]];
  if (momentum > 0) {
    const bBefore = vectorOf(c.step.state, 'b');
    const bAfter = vectorOf(c.step.stateAfter, 'b');
    if (!bBefore || !bAfter) return null;
    lines.push(`b &= \\mu b + ${gSymbol(c)}/d = ${texNumber(momentum)}\\cdot ${texPoint(bBefore)} + ${texPoint(scaled)} = ${texPoint(bAfter)}`);
    lines.push(`\\Delta\\theta &= -\\eta\\, b = -${c.eta}\\cdot ${texPoint(bAfter)} = ${c.delta}`);
  } else {
    lines.push(`\\Delta\\theta &= -\\eta\\,${gSymbol(c)}/d = -${c.eta}\\cdot${texPair(frac(texNumber(g[0]), texNumber(d[0])), frac(texNumber(g[1]), texNumber(d[1])))} = ${c.delta}`);
  }
  return lines;
}

function adadeltaRule(c: RuleContext): string[] | null {
  const vBefore = vectorOf(c.step.state, 'v');
  const vAfter = vectorOf(c.step.stateAfter, 'v');
  const uBefore = vectorOf(c.step.state, 'u');
  const uAfter = vectorOf(c.step.stateAfter, 'u');
  if (!c.g || !vBefore || !vAfter || !uBefore || !uAfter) return null;
  const { rho, eps } = c.run;
  const g = c.g;
  const ratio: Point = [Math.sqrt(uBefore[0] + eps) / Math.sqrt(vAfter[0] + eps), Math.sqrt(uBefore[1] + eps) / Math.sqrt(vAfter[1] + eps)];
  const change: Point = [ratio[0] * g[0], ratio[1] * g[1]];
  const ratioTex = (axis: 0 | 1) => `${frac(`\\sqrt{${texNumber(uBefore[axis])}+\\epsilon}`, `\\sqrt{${texNumber(vAfter[axis])}+\\epsilon}`)}\\cdot ${texFactor(g[axis])}`;
  return [
    ...decayLines(c),
    `v &= \\rho v + (1-\\rho)\\,${gSymbol(c)}^2 = ${texNumber(rho)}\\cdot ${texPoint(vBefore)} + ${texNumber(1 - rho)}\\cdot ${texPoint(squared(g))} = ${texPoint(vAfter)}`,
    `\\delta &= \\frac{\\sqrt{u+\\epsilon}}{\\sqrt{v+\\epsilon}}\\,${gSymbol(c)} = ${texPair(ratioTex(0), ratioTex(1))} = ${texPoint(change)}`,
    `u &= \\rho u + (1-\\rho)\\,\\delta^2 = ${texNumber(rho)}\\cdot ${texPoint(uBefore)} + ${texNumber(1 - rho)}\\cdot ${texPoint(squared(change))} = ${texPoint(uAfter)}`,
    `\\Delta\\theta &= -\\eta\\,\\delta = -${c.eta}\\cdot ${texPoint(change)} = ${c.delta}`,
  ];
}

/** m and v of the Adam family, with g the gradient it uses. */
function momentLines(c: RuleContext, g: Point, withV = true): string[] | null {
  const mBefore = vectorOf(c.step.state, 'm');
  const mAfter = vectorOf(c.step.stateAfter, 'm');
  const vBefore = vectorOf(c.step.state, 'v');
  const vAfter = vectorOf(c.step.stateAfter, 'v');
  if (!mBefore || !mAfter || !vBefore || !vAfter) return null;
  const { beta1, beta2 } = c.run;
  const lines = [`m &= \\beta_1 m + (1-\\beta_1)\\,${gSymbol(c)} = ${texNumber(beta1)}\\cdot ${texPoint(mBefore)} + ${texNumber(1 - beta1)}\\cdot ${texPoint(g)} = ${texPoint(mAfter)}`];
  if (withV) lines.push(`v &= \\beta_2 v + (1-\\beta_2)\\,${gSymbol(c)}^2 = ${texNumber(beta2)}\\cdot ${texPoint(vBefore)} + ${texNumber(1 - beta2)}\\cdot ${texPoint(squared(g))} = ${texPoint(vAfter)}`);
  return lines;
}

/** m̂, v̂ (v̄ with AMSGrad) and the step −η m̂/(√v̂ + ε), exactly torch's −(η/(1−β₁ᵏ))·m/(√v/√(1−β₂ᵏ) + ε). */
function adamStepLines(c: RuleContext, from: string): string[] | null {
  const m = vectorOf(c.step.stateAfter, 'm');
  const mHat = vectorOf(c.step.stateAfter, '\\hat m');
  let vHat = vectorOf(c.step.stateAfter, '\\hat v');
  if (!m || !mHat || !vHat) return null;
  const { beta1, beta2, amsgrad } = c.run;
  const k = c.k;
  const lines = [`\\hat m &= \\frac{m}{1-\\beta_1^{${k}}} = \\frac{${texPoint(m)}}{1-${texNumber(beta1)}^{${k}}} = ${texPoint(mHat)}`];
  if (amsgrad) {
    const largest = vectorOf(c.step.stateAfter, '\\bar v');
    if (!largest) return null;
    const correction = 1 - Math.pow(beta2, k);
    vHat = [largest[0] / correction, largest[1] / correction];
    lines.push(`\\bar v &= \\max(\\bar v, v) = ${texPoint(largest)}\\ (\\text{AMSGrad})`, `\\hat v &= \\frac{\\bar v}{1-\\beta_2^{${k}}} = ${texPoint(vHat)}`);
  } else {
    const v = vectorOf(c.step.stateAfter, 'v');
    if (!v) return null;
    lines.push(`\\hat v &= \\frac{v}{1-\\beta_2^{${k}}} = \\frac{${texPoint(v)}}{1-${texNumber(beta2)}^{${k}}} = ${texPoint(vHat)}`);
  }
  const part = (axis: 0 | 1) => frac(texNumber(mHat[axis]), `\\sqrt{${texNumber(vHat[axis])}}+\\epsilon`);
  lines.push(`${from} - ${c.eta}\\cdot${texPair(part(0), part(1))}`);
  return lines;
}

function adamRule(c: RuleContext): string[] | null {
  if (!c.g) return null;
  const moments = momentLines(c, c.g);
  const step = adamStepLines(c, '\\Delta\\theta &= -\\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon} =');
  if (!moments || !step) return null;
  step[step.length - 1] += ` = ${c.delta}`;
  return [...decayLines(c), ...moments, ...step];
}

function adamwRule(c: RuleContext): string[] | null {
  if (!c.g || !c.step.next) return null;
  const moments = momentLines(c, c.g);
  const lambda = c.run.weightDecay;
  const point = c.step.point;
  const shrink = 1 - c.step.lr * lambda;
  const shrunk: Point = [point[0] * shrink, point[1] * shrink];
  const from = lambda === 0 ? `\\theta_{${c.t}}` : "\\theta'";
  const step = adamStepLines(c, `\\theta_{${c.t + 1}} &= ${from} - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon} = ${texPoint(shrunk)}`);
  if (!moments || !step) return null;
  step[step.length - 1] += ` = ${texPoint(c.step.next)}`;
  const decay = lambda === 0 ? [] : [`\\theta' &= (1-\\eta\\lambda)\\,\\theta_{${c.t}} = (1-${c.eta}\\cdot ${texFactor(lambda)})\\cdot ${texPoint(point)} = ${texPoint(shrunk)}\\quad(\\text{decoupled weight decay})`];
  return [...decay, ...moments, ...step, `\\Delta\\theta &= \\theta_{${c.t + 1}} - \\theta_{${c.t}} = ${c.delta}`];
}

/** NAdam's product of momentum coefficients Π (its symbol in the engine's state). */
const PRODUCT = '\\textstyle\\prod_{k \\le t} \\mu_k';

function nadamRule(c: RuleContext): string[] | null {
  const productBefore = scalarOf(c.step.state, PRODUCT);
  const product = scalarOf(c.step.stateAfter, PRODUCT);
  const m = vectorOf(c.step.stateAfter, 'm');
  const v = vectorOf(c.step.stateAfter, 'v');
  if (!c.g || productBefore === null || product === null || !m || !v) return null;
  const moments = momentLines(c, c.g);
  if (!moments) return null;
  const { beta1, beta2, eps, momentumDecay } = c.run;
  const k = c.k;
  const mu = beta1 * (1 - 0.5 * Math.pow(0.96, k * momentumDecay));
  const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (k + 1) * momentumDecay));
  const productNext = product * mu * muNext;
  const correction = 1 - Math.pow(beta2, k);
  const d: Point = [Math.sqrt(v[0] / correction) + eps, Math.sqrt(v[1] / correction) + eps];
  const gradientWeight = (1 - mu) / (1 - product);
  const momentumWeight = muNext / (1 - productNext);
  const g = c.g;
  return [
    ...decayLines(c),
    ...moments,
    `\\mu_{${k}} &= \\beta_1\\bigl(1-\\tfrac12\\,0.96^{${k}\\psi}\\bigr) = ${texNumber(mu)},\\quad \\mu_{${k + 1}} = ${texNumber(muNext)}`,
    `\\Pi_{${k}} &= \\Pi_{${k - 1}}\\,\\mu_{${k}} = ${texNumber(productBefore)}\\cdot ${texNumber(mu)} = ${texNumber(product)},\\quad \\Pi' = \\Pi_{${k}}\\,\\mu_{${k}}\\,\\mu_{${k + 1}} = ${texNumber(productNext)}`,
    `d &= \\sqrt{v/(1-\\beta_2^{${k}})}+\\epsilon = ${texPoint(d)}`,
    `\\Delta\\theta &= -\\eta\\Bigl(\\frac{1-\\mu_{${k}}}{1-\\Pi_{${k}}}\\,\\frac{${gSymbol(c)}}{d} + \\frac{\\mu_{${k + 1}}}{1-\\Pi'}\\,\\frac{m}{d}\\Bigr) = -${c.eta}\\Bigl(${texNumber(gradientWeight)}\\cdot ${texPoint([g[0] / d[0], g[1] / d[1]])} + ${texNumber(momentumWeight)}\\cdot ${texPoint([m[0] / d[0], m[1] / d[1]])}\\Bigr) = ${c.delta}`,
  ];
}

function radamRule(c: RuleContext): string[] | null {
  const m = vectorOf(c.step.stateAfter, 'm');
  const mHat = vectorOf(c.step.stateAfter, '\\hat m');
  const v = vectorOf(c.step.stateAfter, 'v');
  const rho = scalarOf(c.step.stateAfter, '\\rho_t');
  if (!c.g || !m || !mHat || !v || rho === null) return null;
  const moments = momentLines(c, c.g);
  if (!moments) return null;
  const { beta1, beta2 } = c.run;
  const k = c.k;
  const rhoInfinity = 2 / (1 - beta2) - 1;
  const lines = [
    ...decayLines(c),
    ...moments,
    `\\hat m &= \\frac{m}{1-\\beta_1^{${k}}} = \\frac{${texPoint(m)}}{1-${texNumber(beta1)}^{${k}}} = ${texPoint(mHat)}`,
    `\\rho_{${k}} &= \\rho_\\infty - \\frac{2\\cdot ${k}\\,\\beta_2^{${k}}}{1-\\beta_2^{${k}}} = ${texNumber(rhoInfinity)} - \\frac{${2 * k}\\cdot ${texNumber(beta2)}^{${k}}}{1-${texNumber(beta2)}^{${k}}} = ${texNumber(rho)}`,
  ];
  if (rho > 5) {
    const r = scalarOf(c.step.stateAfter, 'r_t');
    if (r === null) return null;
    const root = Math.sqrt(1 - Math.pow(beta2, k));
    const part = (axis: 0 | 1) => frac(`${texFactor(mHat[axis])}\\cdot ${texNumber(root)}`, `\\sqrt{${texNumber(v[axis])}}+\\epsilon`);
    lines.push(`r &= \\sqrt{\\frac{(\\rho_{${k}}-4)(\\rho_{${k}}-2)\\,\\rho_\\infty}{(\\rho_\\infty-4)(\\rho_\\infty-2)\\,\\rho_{${k}}}} = ${texNumber(r)}\\quad(\\rho_{${k}} > 5:\\ \\text{rectified Adam step})`);
    lines.push(`\\Delta\\theta &= -\\eta\\, r\\,\\hat m\\,\\frac{\\sqrt{1-\\beta_2^{${k}}}}{\\sqrt{v}+\\epsilon} = -${c.eta}\\cdot ${texNumber(r)}\\cdot${texPair(part(0), part(1))} = ${c.delta}`);
  } else {
    lines.push(`\\Delta\\theta &= -\\eta\\,\\hat m = -${c.eta}\\cdot ${texPoint(mHat)} = ${c.delta}\\quad(\\rho_{${k}} \\le 5:\\ \\text{variance too young, a momentum step})`);
  }
  return lines;
}

function adamaxRule(c: RuleContext): string[] | null {
  const m = vectorOf(c.step.stateAfter, 'm');
  const uBefore = vectorOf(c.step.state, 'u');
  const u = vectorOf(c.step.stateAfter, 'u');
  const mBefore = vectorOf(c.step.state, 'm');
  if (!c.g || !m || !u || !uBefore || !mBefore) return null;
  const { beta1, beta2 } = c.run;
  const g = c.g;
  const max = (axis: 0 | 1) => `\\max(${texNumber(beta2)}\\cdot ${texFactor(uBefore[axis])},\\ ${texNumber(Math.abs(g[axis]))}+\\epsilon)`;
  return [
    ...decayLines(c),
    `m &= \\beta_1 m + (1-\\beta_1)\\,${gSymbol(c)} = ${texNumber(beta1)}\\cdot ${texPoint(mBefore)} + ${texNumber(1 - beta1)}\\cdot ${texPoint(g)} = ${texPoint(m)}`,
    `u &= \\max(\\beta_2 u,\\ |${gSymbol(c)}|+\\epsilon) = ${texPair(max(0), max(1))} = ${texPoint(u)}`,
    `\\Delta\\theta &= -\\frac{\\eta}{1-\\beta_1^{${c.k}}}\\,\\frac{m}{u} = -\\frac{${c.eta}}{1-${texNumber(beta1)}^{${c.k}}}\\cdot${texPair(frac(texNumber(m[0]), texNumber(u[0])), frac(texNumber(m[1]), texNumber(u[1])))} = ${c.delta}`,
  ];
}

const RULES: Partial<Record<RunConfig['optimizer'], (c: RuleContext) => string[] | null>> = {
  sgd: sgdRule,
  momentum: momentumRule,
  nesterov: momentumRule,
  adagrad: adagradRule,
  rmsprop: rmspropRule,
  adadelta: adadeltaRule,
  adam: adamRule,
  adamw: adamwRule,
  nadam: nadamRule,
  radam: radamRule,
  adamax: adamaxRule,
  rprop: rpropRule,
  lbfgs: curvatureRule,
  newton: curvatureRule,
  'random-search': gradientFreeRule,
  evolution: gradientFreeRule,
};

/** The rule of `run`'s optimizer with the numbers of `step` put in (TeX); a step that stopped the run says why. */
export function ruleWithNumbers(run: RunConfig, step: StepInspection): string {
  const t = step.step;
  if (!step.update) {
    // Newton still shows the Hessian it could not invert.
    const hessian = run.optimizer === 'newton' ? (curvatureRule(ruleContext(run, step, [0, 0])) ?? []) : [];
    return aligned([...hessian, `&\\text{no step: it stopped the run (${step.stopReason})}`]);
  }
  const lines = RULES[run.optimizer]?.(ruleContext(run, step, step.update));
  if (lines) return aligned(lines);
  return `\\theta_{${t + 1}} = \\theta_{${t}} + \\Delta\\theta = ${texPoint(step.point)} + ${texPoint(step.update)}`;
}
