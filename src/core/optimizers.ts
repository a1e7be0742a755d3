/**
 * The optimizers, described once: their defaults (torch.optim's), the
 * hyper-parameters the UI shows, and their update rules. The loops that apply
 * them live in loops/. Every gradient rule below is torch 1.13's single-tensor
 * rule with maximize false and (for SGD) dampening 0; t counts steps from 1, g is
 * the gradient at the current point θ, η the learning rate at that step. Where
 * torch has weight decay λ it is L2 (g ← g + λθ, written first in the rule),
 * except AdamW's, which is decoupled.
 */
import { HYPER_PARAMETERS, type HyperParameterKey, type HyperParameterSpec, type HyperParameterValues } from './hyperParameters.ts';

export type { HyperParameterKey } from './hyperParameters.ts';

/** What the UI needs to render one control: a table entry (hyperParameters.ts) with its key and this optimizer's default. */
export type HyperParameter = HyperParameterSpec & { readonly key: HyperParameterKey };

/** Hyper-parameter values an optimizer uses; those it ignores are absent. */
export type OptimizerSettings = Partial<HyperParameterValues>;

/**
 * One optimizer's entry: the hyper-parameters it uses, in control order, each with
 * its default (torch.optim's; the momentum methods' 0.9 is ours, torch's 0 would be plain SGD).
 */
interface OptimizerEntry {
  readonly label: string;
  readonly defaults: OptimizerSettings;
  /** The update rule in TeX (display only). */
  readonly updateRuleTex: string;
  /** One or two sentences on what it is for. */
  readonly summary: string;
  /** The torch.optim class and arguments it mirrors, or null (Newton, gradient-free baselines). */
  readonly torch: string | null;
  /** torch's default learning rate for it; null where torch has none (SGD requires one) or the method takes no learning rate. */
  readonly defaultLr: number | null;
  /** False for the gradient-free baselines: they evaluate the loss only and ignore the learning rate and batch size. */
  readonly usesGradient: boolean;
}

/** One optimizer, as the UI presents it. */
export interface OptimizerInfo extends OptimizerEntry {
  /** Its controls, in order, each with this optimizer's default. */
  readonly hyperParameters: readonly HyperParameter[];
}

/** "g ← ∇L + λθ;" — the L2 weight decay every rule that has it starts with. */
const L2 = 'g_t = \\nabla L(\\theta_{t-1}) + \\lambda\\theta_{t-1};\\quad ';
const ADAM_MOMENTS = 'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t;\\; v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2;\\; ';
const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 } as const;

/** The table: every optimizer keyed by id, in display order. Ids, defaults and controls come from here alone. */
const TABLE = {
  sgd: {
    label: 'SGD',
    defaults: { weightDecay: 0 },
    updateRuleTex: L2 + '\\theta_t = \\theta_{t-1} - \\eta\\, g_t',
    summary: 'Plain gradient descent: step straight downhill, a step proportional to the slope.',
    torch: 'torch.optim.SGD',
    defaultLr: null,
    usesGradient: true,
  },
  momentum: {
    label: 'Momentum',
    defaults: { momentum: 0.9, weightDecay: 0 },
    updateRuleTex: L2 + 'b_1 = g_1,\\; b_t = \\mu b_{t-1} + g_t;\\quad \\theta_t = \\theta_{t-1} - \\eta\\, b_t',
    summary: 'A heavy ball: the step is a running sum of past gradients, so it builds speed along consistent slopes and damps zig-zags.',
    torch: 'torch.optim.SGD(momentum=μ)',
    defaultLr: null,
    usesGradient: true,
  },
  nesterov: {
    label: 'Nesterov',
    defaults: { momentum: 0.9, weightDecay: 0 },
    updateRuleTex: L2 + 'b_1 = g_1,\\; b_t = \\mu b_{t-1} + g_t;\\quad \\theta_t = \\theta_{t-1} - \\eta\\,(g_t + \\mu b_t)',
    summary: 'Momentum that looks ahead: it adds the next momentum step to the gradient, correcting overshoot sooner (torch nesterov=True).',
    torch: 'torch.optim.SGD(momentum=μ, nesterov=True)',
    defaultLr: null,
    usesGradient: true,
  },
  adagrad: {
    label: 'Adagrad',
    defaults: { eps: 1e-10, weightDecay: 0 },
    updateRuleTex: L2 + 's_t = s_{t-1} + g_t^2;\\quad \\theta_t = \\theta_{t-1} - \\eta\\, \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
    summary: 'Each coordinate\'s step is divided by the root of its summed squared gradients, so steep directions slow down and steps shrink over time.',
    torch: 'torch.optim.Adagrad',
    defaultLr: 1e-2,
    usesGradient: true,
  },
  rmsprop: {
    label: 'RMSprop',
    defaults: { alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 },
    updateRuleTex:
      L2 +
      'v_t = \\alpha v_{t-1} + (1-\\alpha) g_t^2;\\; \\bar g_t = \\alpha \\bar g_{t-1} + (1-\\alpha) g_t;\\; ' +
      'd_t = \\sqrt{v_t - \\bar g_t^2} + \\epsilon \\text{ (centered) or } \\sqrt{v_t} + \\epsilon;\\; ' +
      'b_t = \\mu b_{t-1} + g_t / d_t;\\; \\theta_t = \\theta_{t-1} - \\eta\\, b_t',
    summary: 'Divides each coordinate\'s step by a moving root-mean-square of its gradients, so the step size adapts but does not shrink forever.',
    torch: 'torch.optim.RMSprop',
    defaultLr: 1e-2,
    usesGradient: true,
  },
  adam: {
    label: 'Adam',
    defaults: { ...ADAM_DEFAULTS, amsgrad: false },
    updateRuleTex:
      L2 +
      ADAM_MOMENTS +
      '\\theta_t = \\theta_{t-1} - \\frac{\\eta}{1-\\beta_1^t}\\, \\frac{m_t}{\\sqrt{v_t}/\\sqrt{1-\\beta_2^t} + \\epsilon}\\quad(\\text{AMSGrad: } \\max_{k \\le t} v_k \\text{ for } v_t)',
    summary: 'Momentum on the gradient and RMSprop-style scaling by its square, both bias-corrected for the first steps.',
    torch: 'torch.optim.Adam',
    defaultLr: 1e-3,
    usesGradient: true,
  },
  adamw: {
    label: 'AdamW',
    defaults: { ...ADAM_DEFAULTS, weightDecay: 1e-2, amsgrad: false },
    updateRuleTex:
      '\\theta\\leftarrow(1 - \\eta\\lambda)\\,\\theta_{t-1};\\; ' +
      ADAM_MOMENTS +
      '\\theta_t = \\theta - \\frac{\\eta}{1-\\beta_1^t}\\, \\frac{m_t}{\\sqrt{v_t}/\\sqrt{1-\\beta_2^t} + \\epsilon}',
    summary: 'Adam with decoupled weight decay: the weights shrink by ηλ each step, separately from the adaptive gradient step (the usual choice for training networks).',
    torch: 'torch.optim.AdamW',
    defaultLr: 1e-3,
    usesGradient: true,
  },
  nadam: {
    label: 'NAdam',
    defaults: { ...ADAM_DEFAULTS, momentumDecay: 4e-3 },
    updateRuleTex:
      L2 +
      '\\mu_t = \\beta_1\\bigl(1 - \\tfrac12\\, 0.96^{t\\psi}\\bigr);\\; \\Pi_t = \\Pi_{t-1}\\mu_t,\\; \\Pi\'_t = \\Pi_t\\,\\mu_t\\,\\mu_{t+1}\\ (\\text{torch 1.13});\\; ' +
      ADAM_MOMENTS +
      '\\theta_t = \\theta_{t-1} - \\eta\\,\\Bigl(\\frac{1-\\mu_t}{1-\\Pi_t}\\, g_t + \\frac{\\mu_{t+1}}{1-\\Pi\'_t}\\, m_t\\Bigr) \\Big/ \\Bigl(\\sqrt{v_t/(1-\\beta_2^t)} + \\epsilon\\Bigr)',
    summary: 'Adam with Nesterov momentum: the step uses the momentum one step ahead, and the momentum coefficient warms up over the first steps.',
    torch: 'torch.optim.NAdam',
    defaultLr: 2e-3,
    usesGradient: true,
  },
  radam: {
    label: 'RAdam',
    defaults: ADAM_DEFAULTS,
    updateRuleTex:
      L2 +
      ADAM_MOMENTS +
      '\\hat m_t = \\frac{m_t}{1-\\beta_1^t};\\; \\rho_t = \\rho_\\infty - \\frac{2t\\beta_2^t}{1-\\beta_2^t},\\ \\rho_\\infty = \\frac{2}{1-\\beta_2} - 1;\\; ' +
      '\\theta_t = \\theta_{t-1} - \\eta\\,\\hat m_t \\begin{cases} r_t \\frac{\\sqrt{1-\\beta_2^t}}{\\sqrt{v_t}+\\epsilon} & \\rho_t > 5,\\ r_t = \\sqrt{\\frac{(\\rho_t-4)(\\rho_t-2)\\rho_\\infty}{(\\rho_\\infty-4)(\\rho_\\infty-2)\\rho_t}} \\\\ 1 & \\text{otherwise} \\end{cases}',
    summary: 'Rectified Adam: plain momentum steps while the squared-gradient average is too young to trust, then Adam scaled by a variance correction (no warm-up needed).',
    torch: 'torch.optim.RAdam',
    defaultLr: 1e-3,
    usesGradient: true,
  },
  adamax: {
    label: 'Adamax',
    defaults: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    updateRuleTex:
      L2 +
      'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t;\\; u_t = \\max(\\beta_2 u_{t-1},\\ |g_t| + \\epsilon);\\; \\theta_t = \\theta_{t-1} - \\frac{\\eta}{1-\\beta_1^t}\\,\\frac{m_t}{u_t}',
    summary: 'Adam with the infinity norm: each coordinate is scaled by a decaying maximum of |g| instead of a root mean square.',
    torch: 'torch.optim.Adamax',
    defaultLr: 2e-3,
    usesGradient: true,
  },
  adadelta: {
    label: 'Adadelta',
    defaults: { rho: 0.9, eps: 1e-6, weightDecay: 0 },
    updateRuleTex:
      L2 +
      'v_t = \\rho v_{t-1} + (1-\\rho) g_t^2;\\; \\Delta_t = \\frac{\\sqrt{u_{t-1}+\\epsilon}}{\\sqrt{v_t+\\epsilon}}\\, g_t;\\; u_t = \\rho u_{t-1} + (1-\\rho)\\Delta_t^2;\\; \\theta_t = \\theta_{t-1} - \\eta\\,\\Delta_t',
    summary: 'Steps measured in the units of the weights: the ratio of recent step sizes to recent gradient sizes sets each coordinate\'s rate (torch\'s lr 1 is the paper\'s rule).',
    torch: 'torch.optim.Adadelta',
    defaultLr: 1,
    usesGradient: true,
  },
  rprop: {
    label: 'Rprop',
    defaults: { etaMinus: 0.5, etaPlus: 1.2, stepSizeMin: 1e-6, stepSizeMax: 50 },
    updateRuleTex:
      '\\Delta_t = \\operatorname{clip}\\Bigl(\\Delta_{t-1} \\begin{cases} \\eta_+ & g_t g_{t-1} > 0 \\\\ \\eta_- & g_t g_{t-1} < 0 \\\\ 1 & \\text{else} \\end{cases},\\ \\Delta_{\\min}, \\Delta_{\\max}\\Bigr),\\ \\Delta_0 = \\eta;\\; ' +
      '\\theta_t = \\theta_{t-1} - \\operatorname{sign}(g_t)\\,\\Delta_t \\ (g_t := 0 \\text{ after a sign change})',
    summary: 'Uses only the signs of the gradient: each coordinate\'s step grows while its slope keeps its sign and halves when it flips (full-batch training of small networks).',
    torch: 'torch.optim.Rprop',
    defaultLr: 1e-2,
    usesGradient: true,
  },
  lbfgs: {
    label: 'L-BFGS',
    defaults: { historySize: 100, lineSearch: 'none', toleranceGrad: 1e-7, toleranceChange: 1e-9 },
    updateRuleTex:
      'd_t = -H_t\\, g_t \\ \\text{(two-loop recursion over the last } m \\text{ pairs } s_k = \\theta_k - \\theta_{k-1},\\ y_k = g_k - g_{k-1});\\; ' +
      '\\theta_t = \\theta_{t-1} + \\tau_t\\, d_t,\\ \\tau_t = \\eta \\text{ or found by a strong-Wolfe line search}',
    summary: 'A quasi-Newton method: it estimates the curvature from recent steps and gradients and steps toward the minimum of that model (one step = one torch step with max_iter=1).',
    torch: 'torch.optim.LBFGS(max_iter=1)',
    defaultLr: 1,
    usesGradient: true,
  },
  newton: {
    label: 'Newton',
    defaults: {},
    updateRuleTex: '\\theta_t = \\theta_{t-1} - \\eta\\, H(\\theta_{t-1})^{-1} g_t',
    summary: 'Jumps to the stationary point of the local quadratic model using the exact Hessian: one step on a quadratic, but it heads for saddles and maxima as readily as for minima.',
    torch: null,
    defaultLr: 1,
    usesGradient: true,
  },
  'random-search': {
    label: 'Random search',
    defaults: { candidates: 8, sampling: 'local', spread: 0.1 },
    updateRuleTex:
      '\\theta^{(k)} = \\theta^{*} + \\sigma\\,\\xi^{(k)},\\ \\xi^{(k)} \\sim \\mathcal N(0, I),\\ k = 1 \\ldots K;\\; ' +
      '\\theta^{*} \\leftarrow \\arg\\min\\, \\{L(\\theta^{*}), L(\\theta^{(k)})\\};\\; \\sigma \\leftarrow 1.5\\sigma \\text{ after a success, else } 0.8\\sigma;\\; \\theta_t = \\theta^{*}',
    summary: 'A gradient-free baseline: try random points near the best so far and keep any that is lower. No gradients, no learning rate.',
    torch: null,
    defaultLr: null,
    usesGradient: false,
  },
  evolution: {
    label: 'Evolution',
    defaults: { populationSize: 16, crossoverRate: 0.7, spread: 0.05 },
    updateRuleTex:
      '\\text{parents } a, b: \\text{ better of two at random};\\; c = w \\odot a + (1 - w) \\odot b \\ (\\text{probability } p_c),\\ w \\sim U(0,1)^2;\\; ' +
      'c \\leftarrow c + \\sigma\\,\\xi;\\; \\text{the best member survives};\\; \\theta_t = \\text{the best so far}',
    summary: 'A small genetic algorithm: a population of points breeds by selection, crossover and mutation; the best so far is the path. No gradients, no learning rate.',
    torch: null,
    defaultLr: null,
    usesGradient: false,
  },
} as const satisfies Readonly<Record<string, OptimizerEntry>>;

/** Optimizer ids, from the table's keys. */
export type OptimizerId = keyof typeof TABLE;

/** A control for `key` with this optimizer's default. */
function control<K extends HyperParameterKey>(key: K, value: HyperParameterValues[K]): HyperParameter {
  return { ...(HYPER_PARAMETERS[key] as HyperParameterSpec), key, default: value } as HyperParameter;
}

/** Every optimizer: label, controls, update rule and summary, keyed by id in display order. */
export const OPTIMIZERS: Readonly<Record<OptimizerId, OptimizerInfo>> = Object.fromEntries(
  Object.entries(TABLE).map(([id, entry]: [string, OptimizerEntry]) => [
    id,
    {
      ...entry,
      hyperParameters: (Object.keys(entry.defaults) as HyperParameterKey[]).map((key) => control(key, entry.defaults[key] as never)),
    },
  ]),
) as unknown as Record<OptimizerId, OptimizerInfo>;

/** Optimizer ids in display order. */
export const OPTIMIZER_IDS = Object.keys(TABLE) as readonly OptimizerId[];

/** A fresh copy of the defaults of optimizer `id` (only the hyper-parameters it uses). */
export function optimizerDefaults(id: OptimizerId): OptimizerSettings {
  return { ...TABLE[id].defaults };
}

/** True when `id` names an optimizer (own keys only: "constructor" is not an optimizer). */
export function isOptimizerId(id: unknown): id is OptimizerId {
  return typeof id === 'string' && Object.hasOwn(TABLE, id);
}
