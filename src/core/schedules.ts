/**
 * Learning-rate schedules as torch.optim.lr_scheduler defines them, in closed
 * form. `t` counts optimizer steps from 0: step t (the (t+1)-th update) uses
 * learningRateAt(lr, schedule, t), which is the lr a torch scheduler reports
 * after t calls to scheduler.step().
 */
import type { Schedule, ScheduleType } from './types.ts';

/**
 * The learning rate for step t:
 * - constant: η
 * - step (StepLR): η·γ^⌊t / stepSize⌋
 * - exponential (ExponentialLR): η·γ^t
 * - cosine (CosineAnnealingLR's closed form): η_min + (η − η_min)(1 + cos(π t / T_max)) / 2
 * - inverse-time (LambdaLR with λ(t) = 1 / (1 + decay·t)): η / (1 + decay·t)
 */
export function learningRateAt(lr: number, schedule: Schedule | undefined, t: number): number {
  if (schedule === undefined) return lr;
  switch (schedule.type) {
    case 'constant':
      return lr;
    case 'step':
      return lr * Math.pow(schedule.gamma, Math.floor(t / schedule.stepSize));
    case 'exponential':
      return lr * Math.pow(schedule.gamma, t);
    case 'cosine':
      return schedule.etaMin + ((lr - schedule.etaMin) * (1 + Math.cos((Math.PI * t) / schedule.tMax))) / 2;
    case 'inverse-time':
      return lr / (1 + schedule.decay * t);
  }
}

/** One numeric parameter of a schedule, for the UI and for validation. */
export interface ScheduleParameter {
  readonly key: 'stepSize' | 'gamma' | 'tMax' | 'etaMin' | 'decay';
  readonly label: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
  /** Whether min itself is allowed (γ > 0, but η_min ≥ 0). */
  readonly minInclusive: boolean;
  readonly integer: boolean;
  readonly default: number;
}

/** One schedule type, as the UI presents it. */
export interface ScheduleInfo {
  readonly label: string;
  /** The formula in TeX (display only). */
  readonly tex: string;
  /** The torch.optim.lr_scheduler class it mirrors. */
  readonly torch: string;
  readonly parameters: readonly ScheduleParameter[];
}

const gamma = (fallback: number, description: string): ScheduleParameter => ({
  key: 'gamma',
  label: 'γ',
  description,
  min: 0,
  max: 1,
  minInclusive: false,
  integer: false,
  default: fallback,
});

/** Every schedule type with its parameters and their defaults (the one place they are written). */
export const SCHEDULES: Readonly<Record<ScheduleType, ScheduleInfo>> = {
  constant: { label: 'Constant', tex: '\\eta_t = \\eta', torch: 'none', parameters: [] },
  step: {
    label: 'Step decay',
    tex: '\\eta_t = \\eta\\,\\gamma^{\\lfloor t / s \\rfloor}',
    torch: 'StepLR',
    parameters: [
      { key: 'stepSize', label: 'Every s steps', description: 'Steps between decays', min: 1, max: Number.MAX_SAFE_INTEGER, minInclusive: true, integer: true, default: 100 },
      gamma(0.5, 'Factor applied at each decay'),
    ],
  },
  exponential: {
    label: 'Exponential',
    tex: '\\eta_t = \\eta\\,\\gamma^{t}',
    torch: 'ExponentialLR',
    parameters: [gamma(0.99, 'Factor applied every step')],
  },
  cosine: {
    label: 'Cosine annealing',
    tex: '\\eta_t = \\eta_{\\min} + \\tfrac12(\\eta - \\eta_{\\min})\\left(1 + \\cos\\tfrac{\\pi t}{T_{\\max}}\\right)',
    torch: 'CosineAnnealingLR',
    parameters: [
      { key: 'tMax', label: 'T_max', description: 'Steps from η down to η_min (half a period)', min: 1, max: Number.MAX_SAFE_INTEGER, minInclusive: true, integer: true, default: 500 },
      { key: 'etaMin', label: 'η_min', description: 'Lowest learning rate', min: 0, max: Number.MAX_VALUE, minInclusive: true, integer: false, default: 0 },
    ],
  },
  'inverse-time': {
    label: 'Inverse time (1/t)',
    tex: '\\eta_t = \\frac{\\eta}{1 + k t}',
    torch: 'LambdaLR(lambda t: 1 / (1 + k t))',
    parameters: [{ key: 'decay', label: 'Decay k', description: 'How fast the rate falls', min: 0, max: Number.MAX_VALUE, minInclusive: true, integer: false, default: 0.01 }],
  },
};

/** The schedule of `type` with its default parameters (taken from SCHEDULES). */
export function scheduleDefaults(type: ScheduleType): Schedule {
  const parameters = SCHEDULES[type].parameters.map((parameter) => [parameter.key, parameter.default] as const);
  return { type, ...Object.fromEntries(parameters) } as Schedule;
}

/** The reason `schedule` is invalid ("schedule.gamma must …"), or null. */
export function scheduleError(schedule: Schedule): string | null {
  if (schedule === null || typeof schedule !== 'object' || !Object.hasOwn(SCHEDULES, schedule.type)) {
    return `schedule.type must be one of ${Object.keys(SCHEDULES).join(', ')}`;
  }
  const values = schedule as unknown as Record<string, unknown>;
  for (const parameter of SCHEDULES[schedule.type].parameters) {
    const value = values[parameter.key];
    const low = parameter.minInclusive ? '≥' : '>';
    if (typeof value !== 'number' || !Number.isFinite(value) || (parameter.minInclusive ? value < parameter.min : value <= parameter.min) || value > parameter.max || (parameter.integer && !Number.isInteger(value))) {
      return `schedule.${parameter.key} must be ${parameter.integer ? 'an integer' : 'a finite number'} ${low} ${parameter.min}${parameter.max < Number.MAX_SAFE_INTEGER ? ` and ≤ ${parameter.max}` : ''} (got ${String(value)})`;
    }
  }
  return null;
}
