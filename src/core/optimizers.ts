/**
 * The optimizers, described once: their defaults (torch.optim's), the
 * hyper-parameters the UI shows, and their update rules. The loops that apply
 * them live in loops.ts. Every rule below is torch.optim's with weight decay 0,
 * maximize false and (for SGD) dampening 0; t counts steps from 1, g is the
 * gradient at the current point θ, η the learning rate at that step.
 */
import type { OptimizerId } from './types.ts';

/** Hyper-parameter names, as in RunSpec. */
export type HyperParameterKey = 'momentum' | 'alpha' | 'centered' | 'beta1' | 'beta2' | 'eps';

/** What the UI needs to render one control. */
export type HyperParameter =
  | {
      readonly key: Exclude<HyperParameterKey, 'centered'>;
      readonly kind: 'number';
      readonly label: string;
      /** Smallest and largest value the control offers (validateSpec accepts the open interval the math allows). */
      readonly min: number;
      readonly max: number;
      readonly default: number;
      /** True when the control should move on a log scale (ε). */
      readonly logScale: boolean;
    }
  | {
      readonly key: 'centered';
      readonly kind: 'boolean';
      readonly label: string;
      readonly default: boolean;
    };

/** Hyper-parameter values an optimizer uses; those it ignores are absent. */
export interface OptimizerSettings {
  momentum?: number;
  alpha?: number;
  centered?: boolean;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

/** torch.optim's defaults, the one place they are written (momentum 0.9 for the momentum methods is ours: torch's 0 would be plain SGD). */
const DEFAULTS: Readonly<Record<OptimizerId, Readonly<OptimizerSettings>>> = {
  sgd: {},
  momentum: { momentum: 0.9 },
  nesterov: { momentum: 0.9 },
  adagrad: { eps: 1e-10 },
  rmsprop: { alpha: 0.99, eps: 1e-8, momentum: 0, centered: false },
  adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8 },
};

/** A fresh copy of the defaults of optimizer `id` (only the hyper-parameters it uses). */
export function optimizerDefaults(id: OptimizerId): OptimizerSettings {
  return { ...DEFAULTS[id] };
}

const momentumControl = (id: OptimizerId): HyperParameter => ({
  key: 'momentum',
  kind: 'number',
  label: 'Momentum μ',
  min: 0,
  max: 0.999,
  default: DEFAULTS[id].momentum ?? 0,
  logScale: false,
});

const epsControl = (id: OptimizerId): HyperParameter => ({
  key: 'eps',
  kind: 'number',
  label: 'ε',
  min: 1e-12,
  max: 1e-1,
  default: DEFAULTS[id].eps ?? 1e-8,
  logScale: true,
});

/** One optimizer, as the UI presents it. */
export interface OptimizerInfo {
  readonly label: string;
  readonly hyperParameters: readonly HyperParameter[];
  /** The update rule in TeX (display only). */
  readonly updateRuleTex: string;
  /** One or two sentences on what it does. */
  readonly summary: string;
}

/** Every optimizer: label, controls, update rule and summary, keyed by id in display order. */
export const OPTIMIZERS: Readonly<Record<OptimizerId, OptimizerInfo>> = {
  sgd: {
    label: 'SGD',
    hyperParameters: [],
    updateRuleTex: '\\theta_t = \\theta_{t-1} - \\eta\\, g_t',
    summary: 'Plain gradient descent: step straight downhill, a step proportional to the slope.',
  },
  momentum: {
    label: 'Momentum',
    hyperParameters: [momentumControl('momentum')],
    updateRuleTex: 'b_1 = g_1,\\; b_t = \\mu b_{t-1} + g_t;\\quad \\theta_t = \\theta_{t-1} - \\eta\\, b_t',
    summary: 'A heavy ball: the step is a running sum of past gradients, so it builds speed along consistent slopes and damps zig-zags.',
  },
  nesterov: {
    label: 'Nesterov',
    hyperParameters: [momentumControl('nesterov')],
    updateRuleTex: 'b_1 = g_1,\\; b_t = \\mu b_{t-1} + g_t;\\quad \\theta_t = \\theta_{t-1} - \\eta\\,(g_t + \\mu b_t)',
    summary: 'Momentum that looks ahead: it adds the next momentum step to the gradient, correcting overshoot sooner (torch nesterov=True).',
  },
  adagrad: {
    label: 'Adagrad',
    hyperParameters: [epsControl('adagrad')],
    updateRuleTex: 's_t = s_{t-1} + g_t^2;\\quad \\theta_t = \\theta_{t-1} - \\eta\\, \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
    summary: 'Each coordinate\'s step is divided by the root of its summed squared gradients, so steep directions slow down and steps shrink over time.',
  },
  rmsprop: {
    label: 'RMSprop',
    hyperParameters: [
      { key: 'alpha', kind: 'number', label: 'Smoothing α', min: 0, max: 0.9999, default: DEFAULTS.rmsprop.alpha ?? 0.99, logScale: false },
      epsControl('rmsprop'),
      momentumControl('rmsprop'),
      { key: 'centered', kind: 'boolean', label: 'Centered', default: DEFAULTS.rmsprop.centered ?? false },
    ],
    updateRuleTex:
      'v_t = \\alpha v_{t-1} + (1-\\alpha) g_t^2;\\; \\bar g_t = \\alpha \\bar g_{t-1} + (1-\\alpha) g_t;\\; ' +
      'd_t = \\sqrt{v_t - \\bar g_t^2} + \\epsilon \\text{ (centered) or } \\sqrt{v_t} + \\epsilon;\\; ' +
      'b_t = \\mu b_{t-1} + g_t / d_t;\\; \\theta_t = \\theta_{t-1} - \\eta\\, b_t',
    summary: 'Divides each coordinate\'s step by a moving root-mean-square of its gradients, so the step size adapts but does not shrink forever.',
  },
  adam: {
    label: 'Adam',
    hyperParameters: [
      { key: 'beta1', kind: 'number', label: 'β₁', min: 0, max: 0.999, default: DEFAULTS.adam.beta1 ?? 0.9, logScale: false },
      { key: 'beta2', kind: 'number', label: 'β₂', min: 0, max: 0.99999, default: DEFAULTS.adam.beta2 ?? 0.999, logScale: false },
      epsControl('adam'),
    ],
    updateRuleTex:
      'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t;\\; v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2;\\; ' +
      '\\theta_t = \\theta_{t-1} - \\frac{\\eta}{1-\\beta_1^t}\\, \\frac{m_t}{\\sqrt{v_t}/\\sqrt{1-\\beta_2^t} + \\epsilon}',
    summary: 'Momentum on the gradient and RMSprop-style scaling by its square, both bias-corrected for the first steps.',
  },
};

/** Optimizer ids in display order. */
export const OPTIMIZER_IDS = Object.keys(OPTIMIZERS) as readonly OptimizerId[];

/** True when `id` names an optimizer (own keys only: "constructor" is not an optimizer). */
export function isOptimizerId(id: unknown): id is OptimizerId {
  return typeof id === 'string' && Object.hasOwn(OPTIMIZERS, id);
}
