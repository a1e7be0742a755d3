/**
 * Every optimizer hyper-parameter, described once: its name in a RunSpec
 * (camelCase of torch.optim's argument), what values the math accepts, what
 * range a control offers, and its label. Optimizers pick the ones they use (and
 * their own defaults) in optimizers.ts; validateSpec, the link schema and the
 * controls all read this table, so adding a hyper-parameter is one entry here.
 */

/** A real number. `accept` is what validateSpec allows; `control` what a slider offers (the link schema clamps to it). */
export interface NumberParameterSpec {
  readonly kind: 'number';
  readonly label: string;
  /** What it does, in one line (tooltips, the inspector). */
  readonly description: string;
  /** Used when neither the spec nor the optimizer gives a value. */
  readonly default: number;
  readonly accept: { readonly min: number; readonly max: number; readonly minOpen: boolean; readonly maxOpen: boolean };
  readonly control: { readonly min: number; readonly max: number; readonly logScale: boolean };
}

/** A whole number; `accept` bounds are inclusive. */
export interface IntegerParameterSpec {
  readonly kind: 'integer';
  readonly label: string;
  readonly description: string;
  readonly default: number;
  readonly accept: { readonly min: number; readonly max: number };
  readonly control: { readonly min: number; readonly max: number };
}

export interface BooleanParameterSpec {
  readonly kind: 'boolean';
  readonly label: string;
  readonly description: string;
  readonly default: boolean;
}

/** One of a fixed list of strings. */
export interface ChoiceParameterSpec<Option extends string = string> {
  readonly kind: 'choice';
  readonly label: string;
  readonly description: string;
  readonly options: readonly Option[];
  /** How each option reads in a menu, in the order of `options`. */
  readonly optionLabels: readonly string[];
  readonly default: Option;
}

export type HyperParameterSpec = NumberParameterSpec | IntegerParameterSpec | BooleanParameterSpec | ChoiceParameterSpec;

const unit = (label: string, description: string, fallback: number, controlMax: number): NumberParameterSpec => ({
  kind: 'number',
  label,
  description,
  default: fallback,
  accept: { min: 0, max: 1, minOpen: false, maxOpen: true },
  control: { min: 0, max: controlMax, logScale: false },
});

/** A number ≥ 0 (no upper limit). */
const nonNegative = (label: string, description: string, fallback: number, control: NumberParameterSpec['control']): NumberParameterSpec => ({
  kind: 'number',
  label,
  description,
  default: fallback,
  accept: { min: 0, max: Infinity, minOpen: false, maxOpen: true },
  control,
});

/** A number in the open interval (min, max), or (min, max] when `maxIncluded`. */
const openInterval = (
  label: string,
  description: string,
  fallback: number,
  min: number,
  max: number,
  control: NumberParameterSpec['control'],
  maxIncluded = false,
): NumberParameterSpec => ({
  kind: 'number',
  label,
  description,
  default: fallback,
  accept: { min, max, minOpen: true, maxOpen: !maxIncluded },
  control,
});

/** A whole number in [min, max], a control offering [min, controlMax]. */
const whole = (label: string, description: string, fallback: number, min: number, max: number, controlMax: number): IntegerParameterSpec => ({
  kind: 'integer',
  label,
  description,
  default: fallback,
  accept: { min, max },
  control: { min, max: controlMax },
});

/** One of `options`, each read in a menu as the label at its index. */
const choice = <const Option extends string>(label: string, description: string, options: readonly Option[], optionLabels: readonly string[], fallback: Option): ChoiceParameterSpec<Option> => ({
  kind: 'choice',
  label,
  description,
  options,
  optionLabels,
  default: fallback,
});

/** The table. Keys are RunSpec field names; order is the order controls appear in. */
export const HYPER_PARAMETERS = {
  momentum: unit('Momentum μ', 'How much of the previous step (the running sum of past gradients) each step keeps.', 0, 0.999),
  alpha: unit('Smoothing α', 'How slowly the running average of squared gradients forgets (RMSprop).', 0.99, 0.9999),
  centered: { kind: 'boolean', label: 'Centered', description: 'Divide by the running variance of the gradient instead of its raw second moment.', default: false },
  beta1: unit('β₁', 'Decay of the running average of gradients (the momentum term).', 0.9, 0.999),
  beta2: unit('β₂', 'Decay of the running average of squared gradients (the scaling term).', 0.999, 0.99999),
  eps: {
    kind: 'number',
    label: 'ε',
    description: 'Added to the denominator so that a coordinate with a tiny gradient history does not take a huge step.',
    default: 1e-8,
    accept: { min: 0, max: Infinity, minOpen: true, maxOpen: true },
    control: { min: 1e-12, max: 1e-1, logScale: true },
  },
  weightDecay: nonNegative(
    'Weight decay λ',
    'Pulls the weights toward 0: adds λθ to the gradient (L2), or with AdamW shrinks θ by ηλ each step (decoupled).',
    0,
    { min: 0, max: 0.5, logScale: false },
  ),
  amsgrad: { kind: 'boolean', label: 'AMSGrad', description: 'Divide by the largest second moment seen so far, so the step size never grows back.', default: false },
  momentumDecay: nonNegative('Momentum decay ψ', 'How fast NAdam warms its momentum up: μₜ = β₁(1 − ½·0.96^(tψ)).', 4e-3, { min: 0, max: 0.05, logScale: false }),
  rho: unit('Decay ρ', 'How slowly Adadelta\'s running averages of squared gradients and squared steps forget.', 0.9, 0.999),
  etaMinus: openInterval('Shrink η₋', 'Rprop multiplies a coordinate\'s step size by this when its gradient changes sign.', 0.5, 0, 1, { min: 0.05, max: 0.95, logScale: false }),
  etaPlus: openInterval('Grow η₊', 'Rprop multiplies a coordinate\'s step size by this while its gradient keeps its sign.', 1.2, 1, Infinity, { min: 1.05, max: 3, logScale: false }),
  stepSizeMin: nonNegative('Smallest step', 'Rprop never lets a step size fall below this.', 1e-6, { min: 0, max: 1e-2, logScale: false }),
  stepSizeMax: nonNegative('Largest step', 'Rprop never lets a step size grow above this.', 50, { min: 1e-3, max: 100, logScale: true }),
  historySize: whole('History m', 'How many recent (step, gradient change) pairs L-BFGS keeps to estimate the curvature.', 100, 1, 1000, 200),
  lineSearch: choice('Line search', 'None: step by η along the L-BFGS direction. Strong Wolfe: search along it for a step that lowers the loss enough and flattens the slope.', ['none', 'strong-wolfe'], ['None', 'Strong Wolfe'], 'none'),
  toleranceGrad: nonNegative('Gradient tolerance', 'L-BFGS stays put once every gradient component is at most this.', 1e-7, { min: 1e-12, max: 1e-2, logScale: true }),
  toleranceChange: nonNegative('Change tolerance', 'L-BFGS stays put once the slope along its direction is above −this.', 1e-9, { min: 1e-14, max: 1e-3, logScale: true }),
  candidates: whole('Candidates per step', 'How many random points random search tries each step.', 8, 1, 1024, 64),
  sampling: choice('Sampling', 'Local: around the best point so far, in a spread that grows after a success and shrinks after a failure. Uniform: anywhere in the plot.', ['local', 'uniform'], ['Around the best point', 'Uniform over the plot'], 'local'),
  spread: openInterval(
    'Spread σ₀',
    'First search radius (random search) or mutation size (evolution), as a fraction of the plot\'s larger side.',
    0.1,
    0,
    1,
    { min: 0.001, max: 1, logScale: true },
    true,
  ),
  populationSize: whole('Population', 'How many points each generation of the genetic algorithm holds.', 16, 2, 1024, 64),
  crossoverRate: {
    kind: 'number',
    label: 'Crossover rate',
    description: 'Chance that a child blends two parents rather than copying one.',
    default: 0.7,
    accept: { min: 0, max: 1, minOpen: false, maxOpen: false },
    control: { min: 0, max: 1, logScale: false },
  },
} as const satisfies Readonly<Record<string, HyperParameterSpec>>;

/** Hyper-parameter names, as in RunSpec. */
export type HyperParameterKey = keyof typeof HYPER_PARAMETERS;

/** The value type of one table entry. */
type ValueOf<P> = P extends { readonly kind: 'boolean' }
  ? boolean
  : P extends { readonly kind: 'choice'; readonly options: readonly (infer Option)[] }
    ? Option
    : number;

/** A value for every hyper-parameter (what validateSpec resolves a spec's optional fields to). */
export type HyperParameterValues = { -readonly [K in HyperParameterKey]: ValueOf<(typeof HYPER_PARAMETERS)[K]> };

/** Hyper-parameter names in table order. */
export const HYPER_PARAMETER_KEYS = Object.keys(HYPER_PARAMETERS) as readonly HyperParameterKey[];

/** The table's own defaults for every key (optimizers override some; see optimizerDefaults). */
export function tableDefaults(): HyperParameterValues {
  const values: Record<string, unknown> = {};
  for (const key of HYPER_PARAMETER_KEYS) values[key] = HYPER_PARAMETERS[key].default;
  return values as HyperParameterValues;
}

/**
 * Why `value` is not acceptable for `key`, in words that start with the field's
 * name (as validateSpec's errors do), or null when it is fine.
 */
export function hyperParameterError(key: HyperParameterKey, value: unknown): string | null {
  const spec = HYPER_PARAMETERS[key] as HyperParameterSpec;
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `${key} must be true or false`;
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value) ? null : `${key} must be one of ${spec.options.join(', ')}`;
    case 'integer':
      return Number.isInteger(value) && (value as number) >= spec.accept.min && (value as number) <= spec.accept.max
        ? null
        : `${key} must be a whole number from ${spec.accept.min} to ${spec.accept.max}`;
    case 'number': {
      const { min, max, minOpen, maxOpen } = spec.accept;
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (minOpen ? value > min : value >= min) &&
        (maxOpen ? value < max : value <= max);
      if (ok) return null;
      const low = `${minOpen ? '(' : '['}${min}`;
      const high = `${max === Infinity ? '∞' : max}${maxOpen ? ')' : ']'}`;
      return `${key} must be a finite number in ${low}, ${high}`;
    }
  }
}
