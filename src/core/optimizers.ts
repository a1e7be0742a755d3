/**
 * The optimizers, described once: their defaults (torch.optim's), the
 * hyper-parameters the UI shows, and their update rules. The loops that apply
 * them live in loops.ts. Every rule below is torch.optim's with weight decay 0,
 * maximize false and (for SGD) dampening 0; t counts steps from 1, g is the
 * gradient at the current point θ, η the learning rate at that step.
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
  /** One or two sentences on what it does. */
  readonly summary: string;
}

/** One optimizer, as the UI presents it. */
export interface OptimizerInfo extends OptimizerEntry {
  /** Its controls, in order, each with this optimizer's default. */
  readonly hyperParameters: readonly HyperParameter[];
}

/** The table: every optimizer keyed by id, in display order. Ids, defaults and controls come from here alone. */
const TABLE = {
  sgd: {
    label: 'SGD',
    defaults: {},
    updateRuleTex: '\\theta_t = \\theta_{t-1} - \\eta\\, g_t',
    summary: 'Plain gradient descent: step straight downhill, a step proportional to the slope.',
  },
  momentum: {
    label: 'Momentum',
    defaults: { momentum: 0.9 },
    updateRuleTex: 'b_1 = g_1,\\; b_t = \\mu b_{t-1} + g_t;\\quad \\theta_t = \\theta_{t-1} - \\eta\\, b_t',
    summary: 'A heavy ball: the step is a running sum of past gradients, so it builds speed along consistent slopes and damps zig-zags.',
  },
  nesterov: {
    label: 'Nesterov',
    defaults: { momentum: 0.9 },
    updateRuleTex: 'b_1 = g_1,\\; b_t = \\mu b_{t-1} + g_t;\\quad \\theta_t = \\theta_{t-1} - \\eta\\,(g_t + \\mu b_t)',
    summary: 'Momentum that looks ahead: it adds the next momentum step to the gradient, correcting overshoot sooner (torch nesterov=True).',
  },
  adagrad: {
    label: 'Adagrad',
    defaults: { eps: 1e-10 },
    updateRuleTex: 's_t = s_{t-1} + g_t^2;\\quad \\theta_t = \\theta_{t-1} - \\eta\\, \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
    summary: 'Each coordinate\'s step is divided by the root of its summed squared gradients, so steep directions slow down and steps shrink over time.',
  },
  rmsprop: {
    label: 'RMSprop',
    defaults: { alpha: 0.99, eps: 1e-8, momentum: 0, centered: false },
    updateRuleTex:
      'v_t = \\alpha v_{t-1} + (1-\\alpha) g_t^2;\\; \\bar g_t = \\alpha \\bar g_{t-1} + (1-\\alpha) g_t;\\; ' +
      'd_t = \\sqrt{v_t - \\bar g_t^2} + \\epsilon \\text{ (centered) or } \\sqrt{v_t} + \\epsilon;\\; ' +
      'b_t = \\mu b_{t-1} + g_t / d_t;\\; \\theta_t = \\theta_{t-1} - \\eta\\, b_t',
    summary: 'Divides each coordinate\'s step by a moving root-mean-square of its gradients, so the step size adapts but does not shrink forever.',
  },
  adam: {
    label: 'Adam',
    defaults: { beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    updateRuleTex:
      'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t;\\; v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2;\\; ' +
      '\\theta_t = \\theta_{t-1} - \\frac{\\eta}{1-\\beta_1^t}\\, \\frac{m_t}{\\sqrt{v_t}/\\sqrt{1-\\beta_2^t} + \\epsilon}',
    summary: 'Momentum on the gradient and RMSprop-style scaling by its square, both bias-corrected for the first steps.',
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
