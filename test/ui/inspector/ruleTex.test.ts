import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { inspectStep, OPTIMIZER_IDS, type OptimizerId, type Point, type StateQuantity, type StepInspection } from '../../../src/core/index.ts';
import { defaultRun } from '../../../src/state/defaults.ts';
import { optimizerSpec } from '../../../src/state/engine.ts';
import type { RunConfig } from '../../../src/state/setup.ts';
import { ruleWithNumbers } from '../../../src/ui/inspector/ruleTex.ts';
import { stepSentence } from '../../../src/ui/inspector/stepSentence.ts';
import { breakLine, texNumber, texPoint } from '../../../src/ui/inspector/texParts.ts';

// The saddle L = x² + y⁴/4 − y²/2 from θ₀ = (1, 2), as in test/core/optimizers.test.ts: g₀ = (2, 6), H₀ = [[2, 0], [0, 11]].
const SURFACE = 'saddle';
const START: Point = [1, 2];

function inspect(optimizer: OptimizerId, patch: Partial<RunConfig>, t: number, surface = SURFACE, start = START): { run: RunConfig; step: StepInspection; tex: string; sentence: string } {
  const run = { ...defaultRun(optimizer, 0), ...patch } as RunConfig;
  const step = inspectStep({ surface, start, steps: t + 3, seed: 3, ...optimizerSpec(run) }, t);
  return { run, step, tex: ruleWithNumbers(run, step), sentence: stepSentence(run, step) };
}

/** KaTeX must typeset it, strictly: as the app's block Tex does (display style, inline mode) and in display mode. */
function parses(tex: string): void {
  expect(() => katex.renderToString(`\\displaystyle ${tex}`, { throwOnError: true, strict: 'error', displayMode: false })).not.toThrow();
  expect(() => katex.renderToString(tex, { throwOnError: true, strict: 'error', displayMode: true })).not.toThrow();
}

const quantity = (state: readonly StateQuantity[], symbol: string): StateQuantity => {
  const found = state.find((candidate) => candidate.symbol === symbol);
  if (!found) throw new Error(`no ${symbol} in ${state.map((q) => q.symbol).join(', ')}`);
  return found;
};
const vector = (state: readonly StateQuantity[], symbol: string): Point => {
  const found = quantity(state, symbol);
  if (found.kind !== 'vector') throw new Error(`${symbol} is not a vector`);
  return found.value;
};
const scalar = (state: readonly StateQuantity[], symbol: string): number => {
  const found = quantity(state, symbol);
  if (found.kind !== 'scalar') throw new Error(`${symbol} is not a scalar`);
  return found.value;
};

/** What the old generic fallback wrote for every optimizer it did not know. */
const GENERIC = /\\theta_\{\d+\} = \\theta_\{\d+\} \+ \\Delta\\theta/;

describe('the update rule with the numbers put in', () => {
  it('every optimizer, at its first steps: its own rule (not the generic θ + Δθ), KaTeX parses it, the step Δθ is in it, and the sentence ends with the loss', () => {
    for (const id of OPTIMIZER_IDS) {
      for (const t of [0, 1, 2]) {
        const { step, tex, sentence } = inspect(id, {}, t);
        parses(tex);
        expect(tex, `${id} at ${t}`).not.toMatch(GENERIC);
        expect(tex, `${id} at ${t}`).toContain('\\begin{aligned}');
        if (step.update) expect(tex, `${id} at ${t}`).toContain(texPoint(step.update));
        expect(sentence, `${id} at ${t}`).toMatch(/\.$/);
      }
    }
  });

  it('Newton: the Hessian [[2, 0], [0, 11]] of the saddle at (1, 2), its eigenvalues and −η H⁻¹g = (−1, −0.5455)', () => {
    const { tex, step, sentence } = inspect('newton', { lr: 1 }, 0);
    parses(tex);
    expect(tex).toContain('\\begin{pmatrix} 2 & 0 \\\\ 0 & 11 \\end{pmatrix}');
    expect(tex).toContain('\\lambda &= (2,\\ 11)');
    expect(tex).toContain('\\det H = 22');
    expect(tex).toContain('11\\cdot 2 - 0\\cdot 6');
    expect(step.update?.[0]).toBe(-1);
    expect(tex).toContain('= (-1,\\ -0.5455)');
    expect(sentence).toMatch(/curvatures are 2 and 11, both positive/);
    // From (1, 0.3) the y-curvature 3y² − 1 is negative: a saddle of the model, which Newton heads for.
    expect(inspect('newton', { lr: 1 }, 0, SURFACE, [1, 0.3]).sentence).toMatch(/one negative: the local model is a saddle/);
  });

  it('Rprop: Δ₀ = η, then ×η₊ while the sign holds (0.1 → 0.12), ×η₋ and no move after a flip', () => {
    const first = inspect('rprop', { lr: 0.1 }, 0);
    parses(first.tex);
    expect(first.tex).toContain('\\operatorname{clip}(1\\cdot 0.1) = 0.1');
    const grown = inspect('rprop', { lr: 0.1 }, 1);
    parses(grown.tex);
    expect(vector(grown.step.stateAfter, '\\Delta')[0]).toBeCloseTo(0.12, 12);
    expect(grown.tex).toContain('\\operatorname{clip}(1.2\\cdot 0.1) = 0.12');
    expect(grown.sentence).toMatch(/along x the slope kept its sign, so its step grows to 0\.12/);
    // η = 1.5 jumps from (1, 2) to (−0.5, 0.5): both slopes flip sign.
    const flipped = inspect('rprop', { lr: 1.5 }, 1);
    parses(flipped.tex);
    expect(flipped.step.update).toEqual([0, 0]);
    expect(flipped.tex).toContain('\\operatorname{clip}(0.5\\cdot 1.5) = 0.75');
    expect(flipped.tex).toContain('the sign flipped');
    expect(flipped.sentence).toMatch(/along x the slope flipped sign, so x stays put and its step shrinks to 0\.75/);
  });

  it("Adadelta: both accumulators v and u, before and after, and the step δ = √(u+ε)/√(v+ε)·g", () => {
    const { tex, step } = inspect('adadelta', { lr: 1 }, 2);
    parses(tex);
    for (const symbol of ['v', 'u']) {
      expect(tex).toContain(texPoint(vector(step.state, symbol)));
      expect(tex).toContain(texPoint(vector(step.stateAfter, symbol)));
    }
    expect(tex).toContain('\\delta &= \\frac{\\sqrt{u+\\epsilon}}{\\sqrt{v+\\epsilon}}');
  });

  it("Adamax: u = max(β₂u, |g| + ε) with the numbers, and the bias-corrected step", () => {
    const { tex, step } = inspect('adamax', { lr: 0.01 }, 1);
    parses(tex);
    expect(tex).toContain(`= ${texPoint(vector(step.stateAfter, 'u'))}`);
    expect(tex).toContain('\\max(0.999\\cdot 2,\\ 1.98+\\epsilon)');
    expect(tex).toContain('1-0.9^{2}');
  });

  it("Adam with L2 weight decay shows g + λθ; AdamW's decay is decoupled: θ' = (1 − ηλ)θ before the Adam step", () => {
    const adam = inspect('adam', { lr: 0.1, weightDecay: 0.1 }, 1);
    parses(adam.tex);
    expect(adam.tex).toContain('g_{1} &= \\nabla L + \\lambda\\theta_{1}');
    expect(adam.tex).toContain(texPoint(vector(adam.step.stateAfter, '\\hat m')));
    expect(adam.sentence).toMatch(/weight decay adds λθ/);
    const adamw = inspect('adamw', { lr: 0.1, weightDecay: 0.1 }, 1);
    parses(adamw.tex);
    const [x, y] = adamw.step.point;
    expect(adamw.tex).toContain(`\\theta' &= (1-\\eta\\lambda)\\,\\theta_{1} \\\\ &= (1-0.1\\cdot 0.1)\\cdot ${texPoint([x, y])} = ${texPoint([0.99 * x, 0.99 * y])}`);
    expect(adamw.tex).not.toContain('\\nabla L + \\lambda');
    expect(adamw.tex).toContain(texPoint(adamw.step.next ?? [0, 0]));
    expect(adamw.sentence).toMatch(/decoupled weight decay first shrinks θ by ηλ = 0\.01/);
    const amsgrad = inspect('adam', { lr: 0.1, amsgrad: true }, 2);
    parses(amsgrad.tex);
    expect(amsgrad.tex).toContain(texPoint(vector(amsgrad.step.stateAfter, '\\bar v')));
  });

  it("NAdam: μ_k, the product Π and its two weights; RAdam: ρ, and r once ρ > 5", () => {
    const nadam = inspect('nadam', { lr: 0.01 }, 2);
    parses(nadam.tex);
    expect(nadam.tex).toContain(texNumber(scalar(nadam.step.stateAfter, '\\textstyle\\prod_{k \\le t} \\mu_k')));
    expect(nadam.tex).toContain('\\mu_{3} &= \\beta_1');
    const young = inspect('radam', { lr: 0.01 }, 1);
    parses(young.tex);
    expect(young.tex).toContain(`= ${texNumber(scalar(young.step.stateAfter, '\\rho_t'))}`);
    expect(young.tex).toContain('\\le 5');
    expect(young.sentence).toMatch(/plain momentum step/);
    const rectified = inspect('radam', { lr: 0.01 }, 9);
    parses(rectified.tex);
    expect(rectified.tex).toContain(`r &= \\sqrt{`);
    expect(rectified.tex).toContain(texNumber(scalar(rectified.step.stateAfter, 'r_t')));
    expect(rectified.sentence).toMatch(/rectification r = /);
  });

  it('RMSprop centered with momentum: v, ḡ, d and the buffer b', () => {
    const { tex, step } = inspect('rmsprop', { lr: 0.01, centered: true, momentum: 0.5 }, 2);
    parses(tex);
    expect(tex).toContain(texPoint(vector(step.stateAfter, '\\bar g')));
    expect(tex).toContain(texPoint(vector(step.stateAfter, 'b')));
    expect(tex).toContain('\\sqrt{v - \\bar g^2}');
  });

  it('L-BFGS: the first step −g scaled by min(1, 1/‖g‖₁)η, later the stored pair, γ and the direction; with a line search its τ', () => {
    const first = inspect('lbfgs', { lr: 1 }, 0);
    parses(first.tex);
    expect(first.tex).toContain('d &= -g_{0} = (-2,\\ -6)');
    expect(first.tex).toContain('\\min(1, 1/8)\\cdot 1 = 0.125');
    const later = inspect('lbfgs', { lr: 1, lineSearch: 'strong-wolfe' }, 2);
    parses(later.tex);
    expect(later.tex).toContain(texPoint(vector(later.step.stateAfter, 'd')));
    expect(later.tex).toContain(texNumber(scalar(later.step.stateAfter, '\\gamma')));
    expect(later.tex).toContain('strong-Wolfe line search');
    // Every gradient component within the tolerance: no step, and both say so.
    const flat = inspect('lbfgs', { lr: 1, toleranceGrad: 10 }, 0);
    parses(flat.tex);
    expect(flat.step.update).toEqual([0, 0]);
    expect(flat.tex).toContain('\\max_i |g_i| &= 6 \\le 10');
    expect(flat.sentence).toMatch(/within the tolerance 10: L-BFGS stays put, so the step is 0 long\. The loss stays/);
  });

  it('random search and the genetic algorithm: σ, the best candidate and its loss against the best so far', () => {
    for (const id of ['random-search', 'evolution'] as const) {
      for (const t of [0, 3]) {
        const { tex, step, sentence } = inspect(id, {}, t);
        parses(tex);
        const losses = quantity(step.stateAfter, 'L(\\theta^{(k)})');
        if (losses.kind !== 'list') throw new Error('losses');
        const best = Math.min(...losses.value);
        expect(tex).toContain(texNumber(best));
        expect(tex).toContain(texNumber(scalar(step.state, '\\sigma')));
        expect(tex).toContain(texNumber(scalar(step.stateAfter, '\\sigma')));
        expect(sentence).toMatch(best < step.loss ? /so the path moves there/ : /so the path stays/);
      }
    }
  });

  it('a step that stops the run says so in TeX KaTeX parses (Newton on a singular Hessian at the saddle point)', () => {
    const run = { ...defaultRun('newton', 0), lr: 1 } as RunConfig;
    // On the bowl, Newton lands on the minimum in one step; at a flat point of the saddle (y² = 1/3) H is singular.
    const step = inspectStep({ surface: SURFACE, start: [1, Math.sqrt(1 / 3)], steps: 3, ...optimizerSpec(run) }, 0);
    expect(step.update).toBeNull();
    const tex = ruleWithNumbers(run, step);
    parses(tex);
    expect(tex).toContain('\\begin{pmatrix}');
    expect(tex).toContain('singular-hessian');
  });
});

describe('rows that fit a narrow panel', () => {
  it('a line "a &= symbols = numbers = result" breaks before the numbers; a side remark after \\quad and braces stay whole', () => {
    expect(breakLine('b &= \\mu b + g = 0.9\\cdot (1,\\ 2) + (3,\\ 4) = (3.9,\\ 5.8)')).toBe('b &= \\mu b + g \\\\ &= 0.9\\cdot (1,\\ 2) + (3,\\ 4) = (3.9,\\ 5.8)');
    expect(breakLine('\\Delta &= a = b = c = d')).toBe('\\Delta &= a \\\\ &= b \\\\ &= c = d');
    expect(breakLine('\\mu_{2} &= \\beta_1 x = 0.45,\\quad \\mu_{3} = 0.46 = 0.46')).toBe('\\mu_{2} &= \\beta_1 x = 0.45,\\quad \\mu_{3} = 0.46 = 0.46');
    expect(breakLine('r &= \\sqrt{\\frac{a = b}{c}} = 0.3')).toBe('r &= \\sqrt{\\frac{a = b}{c}} = 0.3');
    expect(breakLine('x:&\\ g = 1 = 2')).toBe('x:&\\ g = 1 = 2');
  });
});
