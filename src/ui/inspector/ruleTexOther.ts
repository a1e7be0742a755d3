/**
 * The rules with numbers of the methods that are not first-order gradient
 * steps: Rprop (signs and step sizes), L-BFGS and Newton (curvature), random
 * search and the genetic algorithm (candidates and the best so far). Lines for
 * ruleTex.ts's aligned block; null when the state lacks a quantity.
 */
import type { Point } from '../../core/index.ts';
import { gSymbol, type RuleContext } from './ruleContext.ts';
import { argMin, listOf, matrixOf, pointsOf, scalarOf, texFactor, texNumber, texPoint, vectorOf } from './texParts.ts';

const AXES = ['x', 'y'] as const;

export function rpropRule(c: RuleContext): string[] | null {
  const sizeBefore = vectorOf(c.step.state, '\\Delta');
  const size = vectorOf(c.step.stateAfter, '\\Delta');
  const previous = vectorOf(c.step.state, 'g_{t-1}');
  if (!c.g || !sizeBefore || !size || !previous) return null;
  const g = c.g;
  const { etaPlus, etaMinus, stepSizeMin, stepSizeMax } = c.run;
  const lines = AXES.map((name, axis) => {
    const product = g[axis] * previous[axis];
    const [relation, symbol, factor] = product > 0 ? ['>', '\\eta_+', etaPlus] : product < 0 ? ['<', '\\eta_-', etaMinus] : ['=', '1', 1];
    const move = product < 0 ? `\\Delta\\theta_${name} = 0\\ (\\text{the sign flipped: stay, remember } g = 0)` : `\\Delta\\theta_${name} = -\\operatorname{sign}(${texNumber(g[axis])})\\cdot ${texNumber(size[axis])} = ${texNumber(c.update[axis])}`;
    return [
      `${name}:&\\ g\\,g_{\\text{prev}} = ${texFactor(g[axis])}\\cdot ${texFactor(previous[axis])} ${relation} 0`,
      `&\\Rightarrow \\Delta_${name} = \\operatorname{clip}(${symbol}\\,\\Delta_${name}) = \\operatorname{clip}(${texNumber(factor)}\\cdot ${texNumber(sizeBefore[axis])}) = ${texNumber(size[axis])}`,
      `&\\Rightarrow ${move}`,
    ];
  });
  return [
    ...lines.flat(),
    `&\\operatorname{clip} \\text{ to } [${texNumber(stepSizeMin)}, ${texNumber(stepSizeMax)}];\\quad \\Delta\\theta = ${c.delta}`,
  ];
}

function newtonRule(c: RuleContext): string[] | null {
  const hessian = matrixOf(c.step.state, 'H');
  const eigenvalues = vectorOf(c.step.state, '\\lambda');
  const determinant = scalarOf(c.step.state, '\\det H');
  if (!hessian || !eigenvalues || determinant === null) return null;
  const [[a, b], [, d]] = hessian;
  const lines = [
    `H &= \\begin{pmatrix} ${texNumber(a)} & ${texNumber(b)} \\\\ ${texNumber(b)} & ${texNumber(d)} \\end{pmatrix}`,
    `\\lambda &= ${texPoint(eigenvalues)}\\ (\\text{eigenvalues}),\\quad \\det H = ${texNumber(determinant)}`,
  ];
  if (!c.step.update || !c.g) return lines;
  const g = c.g;
  const [ta, tb, td, gx, gy] = [texFactor(a), texFactor(b), texFactor(d), texFactor(g[0]), texFactor(g[1])];
  lines.push(
    `\\Delta\\theta &= -\\eta\\,H^{-1} ${gSymbol(c)} = -\\frac{\\eta}{\\det H}\\begin{pmatrix} H_{22} g_x - H_{12} g_y \\\\ H_{11} g_y - H_{12} g_x \\end{pmatrix} = -\\frac{${c.eta}}{${texNumber(determinant)}}\\begin{pmatrix} ${td}\\cdot ${gx} - ${tb}\\cdot ${gy} \\\\ ${ta}\\cdot ${gy} - ${tb}\\cdot ${gx} \\end{pmatrix} = ${c.delta}`,
  );
  return lines;
}


function lbfgsRule(c: RuleContext): string[] | null {
  const g = c.step.gradient;
  if (!g) return null;
  const { toleranceGrad, toleranceChange, lineSearch } = c.run;
  const largest = Math.max(Math.abs(g[0]), Math.abs(g[1]));
  if (largest <= toleranceGrad) return [`\\max_i |g_i| &= ${texNumber(largest)} \\le ${texNumber(toleranceGrad)}:\\ \\text{the gradient is flat enough, no step};\\quad \\Delta\\theta = ${c.delta}`];
  const direction = vectorOf(c.step.stateAfter, 'd');
  const length = scalarOf(c.step.stateAfter, 't');
  const gamma = scalarOf(c.step.stateAfter, '\\gamma');
  const pairs = scalarOf(c.step.stateAfter, 'k');
  if (!direction || length === null || gamma === null || pairs === null) return null;
  const first = vectorOf(c.step.state, 'd') === null;
  const lines: string[] = [];
  let initial = c.step.lr;
  if (first) {
    const l1 = Math.abs(g[0]) + Math.abs(g[1]);
    initial = Math.min(1, 1 / l1) * c.step.lr;
    lines.push(`d &= -${gSymbol(c)} = ${texPoint(direction)}\\quad(\\text{the first step})`);
    lines.push(`\\tau &= \\min(1, 1/\\|${gSymbol(c)}\\|_1)\\,\\eta = \\min(1, 1/${texNumber(l1)})\\cdot ${c.eta} = ${texNumber(initial)}`);
  } else {
    const previous = vectorOf(c.step.state, 'g_{t-1}');
    const lastDirection = vectorOf(c.step.state, 'd');
    const lastLength = scalarOf(c.step.state, 't');
    if (!previous || !lastDirection || lastLength === null) return null;
    const y: Point = [g[0] - previous[0], g[1] - previous[1]];
    const s: Point = [lastDirection[0] * lastLength, lastDirection[1] * lastLength];
    const curvature = y[0] * s[0] + y[1] * s[1];
    lines.push(`y &= ${gSymbol(c)} - g_{${c.t - 1}} = ${texPoint(g)} - ${texPoint(previous)} = ${texPoint(y)},\\quad s = \\tau\\,d_{\\text{last}} = ${texPoint(s)}`);
    lines.push(`y^\\top s &= ${texNumber(curvature)}\\ ${curvature > 1e-10 ? '> 10^{-10}:\\ \\text{pair stored}' : '\\le 10^{-10}:\\ \\text{pair not stored}'},\\quad \\gamma = \\frac{y^\\top s}{y^\\top y} = ${texNumber(gamma)}`);
    lines.push(`d &= -H\\,${gSymbol(c)} = ${texPoint(direction)}\\quad(\\text{two-loop recursion over ${texNumber(pairs)} pairs, } H_0 = \\gamma I)`);
    lines.push(`\\tau &= \\eta = ${c.eta}`);
  }
  const slope = g[0] * direction[0] + g[1] * direction[1];
  if (!(slope > -toleranceChange)) {
    if (lineSearch === 'strong-wolfe') lines.push(`\\tau &= ${texNumber(length)}\\quad(\\text{strong-Wolfe line search from } ${texNumber(initial)},\\ ${texNumber(scalarOf(c.step.stateAfter, 'n') ?? Number.NaN)} \\text{ evaluations})`);
    lines.push(`\\Delta\\theta &= \\tau\\, d = ${texNumber(length)}\\cdot ${texPoint(direction)} = ${c.delta}`);
  } else {
    lines.push(`${gSymbol(c)}^\\top d &= ${texNumber(slope)} > -${texNumber(toleranceChange)}:\\ \\text{not downhill, no step};\\quad \\Delta\\theta = ${c.delta}`);
  }
  return lines;
}

export function curvatureRule(c: RuleContext): string[] | null {
  return c.run.optimizer === 'newton' ? newtonRule(c) : lbfgsRule(c);
}

/** Random search's candidates, or the genetic algorithm's population, and the best of them against the best so far. */
export function gradientFreeRule(c: RuleContext): string[] | null {
  const sigmaBefore = scalarOf(c.step.state, '\\sigma');
  const sigma = scalarOf(c.step.stateAfter, '\\sigma');
  const points = pointsOf(c.step.stateAfter, '\\theta^{(k)}');
  const losses = listOf(c.step.stateAfter, 'L(\\theta^{(k)})');
  if (sigmaBefore === null || sigma === null || !points || !losses) return null;
  const t = c.t;
  const lines: string[] = [];
  const count = points.length;
  if (c.run.optimizer === 'random-search') {
    lines.push(
      c.run.sampling === 'uniform'
        ? `\\theta^{(j)} &\\sim U(\\text{plot}),\\ j = 1\\ldots ${count}`
        : `\\theta^{(j)} &= \\theta_{${t}} + \\sigma\\,\\xi^{(j)} = ${texPoint(c.step.point)} + ${texNumber(sigmaBefore)}\\,\\xi^{(j)},\\ \\xi^{(j)} \\sim \\mathcal N(0, I),\\ j = 1\\ldots ${count}`,
    );
  } else {
    const generations = scalarOf(c.step.state, 'n') ?? 0;
    if (generations === 0) {
      lines.push(`\\theta^{(1)} &= \\theta_{${t}} = ${texPoint(c.step.point)}\\quad(\\text{the first generation})`);
      lines.push(`\\theta^{(j)} &= \\theta_{${t}} + \\sigma\\,\\xi^{(j)},\\ \\sigma = ${texNumber(sigmaBefore)},\\ j = 2\\ldots ${count}`);
    } else {
      lines.push(`\\theta^{(1)} &= \\text{the best of generation } ${texNumber(generations)}`);
      lines.push(`\\theta^{(j)} &= w\\odot a + (1-w)\\odot b + \\sigma\\,\\xi^{(j)},\\ j = 2\\ldots ${count}`);
      lines.push(`&\\text{(parents: the better of two at random; crossover with probability ${texNumber(c.run.crossoverRate)})},\\ \\sigma = ${texNumber(sigmaBefore)}`);
    }
  }
  const best = argMin(losses);
  const improved = best >= 0 && losses[best] < c.step.loss;
  const bestText = best >= 0 ? `L(\\theta^{(${best + 1})}) = ${texNumber(losses[best])}` : '\\text{none finite}';
  // The radius's factor this step (1.5 after a success, capped at the plot's side; else 0.8), read from the state.
  const factor = texNumber(sigma / sigmaBefore);
  lines.push(`\\min_j L(\\theta^{(j)}) &= ${bestText} ${improved ? '<' : '\\ge'} L(\\theta_{${t}}) = ${texNumber(c.step.loss)}`);
  lines.push(
    improved
      ? `\\theta_{${t + 1}} &= \\theta^{(${best + 1})} = ${texPoint(points[best])},\\quad \\sigma \\leftarrow ${factor}\\,\\sigma = ${texNumber(sigma)}\\ (\\text{a success widens the search})`
      : `\\theta_{${t + 1}} &= \\theta_{${t}}\\ (\\text{no better point}),\\quad \\sigma \\leftarrow ${factor}\\,\\sigma = ${texNumber(sigma)}\\ (\\text{it narrows})`,
  );
  lines.push(`\\Delta\\theta &= ${c.delta}`);
  return lines;
}
