/**
 * The setup: everything a person chooses, plain and serializable, and the one
 * schema that says what a valid setup is. The types below are inferred from the
 * schema, so a field is added in one place. A shared link and local storage
 * carry this JSON (link.ts, persist.ts); untrusted input is repaired field by
 * field against it (repair.ts); the store's actions clamp with it
 * (store/setupSlice.ts). Results never live here: they sit in results.ts,
 * outside React.
 */
import * as v from 'valibot';
import {
  DATASET_IDS,
  SLICE_DIRECTIONS,
  HYPER_PARAMETER_KEYS,
  HYPER_PARAMETERS,
  LR_LIMITS,
  MAX_APP_DATASET_SIZE,
  MAX_BOWL_CONDITION,
  MAX_COORDINATE,
  MAX_NOISE,
  MAX_PANES,
  MAX_RUNS,
  MAX_SCHEDULE_VALUE,
  MAX_SEED,
  MAX_STEPS,
  MAX_STEPS_PER_SECOND,
  MIN_BOWL_CONDITION,
  OPTIMIZER_IDS,
  SCHEDULES,
  type HyperParameterKey,
  type HyperParameterSpec,
  type HyperParameterValues,
  type ScheduleParameter,
} from '../core/index.ts';
import type { Schedule, ScheduleType } from '../core/types.ts';
// The limits only: the parser loads lazily (state/customSurface.ts), so a link's text is parsed where it is used.
import { EXPRESSION_LIMITS } from '../core/expression/ast.ts';

/**
 * The run colours, one per run up to MAX_RUNS (test/view/runColors.test.ts). The
 * first eight are Okabe & Ito's colour-blind-safe set ("Color Universal Design",
 * 2008) without black, with #ff6f3c for their vermillion and olive #999933 (Paul
 * Tol's muted set) in eighth place, ordered so neighbours stay apart under
 * deuteranopia and protanopia; the other eight are from Tol's vibrant, muted and
 * light sets (personal.sron.nl/~pault), picked for the largest CIELAB distance to
 * those already taken. Every one reads on the dark background (contrast ≥ 3:1),
 * none is white (the start pin) and all are lighter than the basin colours
 * (view/mapColors.ts), so a path stands out on a basin map.
 */
export const RUN_PALETTE = [
  '#ff6f3c', // orange-red
  '#56b4e9', // sky blue
  '#009e73', // bluish green
  '#cc79a7', // reddish purple
  '#f0e442', // yellow
  '#0072b2', // blue
  '#e69f00', // orange
  '#999933', // olive
  '#ee3377', // magenta
  '#eedd88', // light yellow
  '#aa4499', // purple
  '#228833', // green
  '#ee8866', // salmon
  '#ffaabb', // pink
  '#ee6677', // rose
  '#aaaa00', // mustard
] as const;

/** Colours earlier palettes had, mapped to the one now in their place, so an older link keeps its runs apart. */
const RETIRED_RUN_COLORS: Readonly<Record<string, (typeof RUN_PALETTE)[number]>> = {
  '#f5f5f5': '#009e73',
  '#d55e00': '#999933',
};

/** A run colour: one of RUN_PALETTE; a retired colour becomes its successor (any case). */
const RunColorSchema = v.pipe(
  v.string(),
  v.transform((color) => {
    const lower = color.toLowerCase();
    return Object.hasOwn(RETIRED_RUN_COLORS, lower) ? RETIRED_RUN_COLORS[lower] : lower;
  }),
  v.picklist(RUN_PALETTE),
);

// ---------------------------------------------------------------- the numeric fields

/** A numeric field: finite, within [min, max] (min excluded when minOpen), whole when integer. */
export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly minOpen?: boolean;
  readonly integer?: boolean;
}

/** The setup's numeric fields: the schema below checks them, the lesson format (lessons/schema.ts) reads its setups by them. */
export const SETUP_RULES = {
  coordinate: { min: -MAX_COORDINATE, max: MAX_COORDINATE },
  steps: { min: 1, max: MAX_STEPS, integer: true },
  bowlCondition: { min: MIN_BOWL_CONDITION, max: MAX_BOWL_CONDITION },
  datasetSize: { min: 1, max: MAX_APP_DATASET_SIZE, integer: true },
  lr: { min: LR_LIMITS[0], max: LR_LIMITS[1] },
  batchSize: { min: 1, max: MAX_APP_DATASET_SIZE, integer: true },
  noise: { min: 0, max: MAX_NOISE },
  seed: { min: 0, max: MAX_SEED, integer: true },
  pane: { min: 0, max: MAX_PANES - 1, integer: true },
  stepsPerSecond: { min: 1, max: MAX_STEPS_PER_SECOND },
} as const satisfies Readonly<Record<string, NumberRule>>;

/** A number or integer hyper-parameter's rule: the range its control offers (core's table); null for booleans and choices. */
export function hyperParameterRule(key: HyperParameterKey): NumberRule | null {
  const spec = HYPER_PARAMETERS[key] as HyperParameterSpec;
  if (spec.kind === 'number') return { min: spec.control.min, max: spec.control.max };
  if (spec.kind === 'integer') return { min: spec.control.min, max: spec.control.max, integer: true };
  return null;
}

/** A schedule parameter's rule, from core's SCHEDULES; unbounded maxima are capped at sizes a lesson can use (MAX_STEPS, MAX_SCHEDULE_VALUE). */
export function scheduleParameterRule(parameter: ScheduleParameter): NumberRule {
  return {
    min: parameter.min,
    max: Math.min(parameter.max, parameter.integer ? MAX_STEPS : MAX_SCHEDULE_VALUE),
    minOpen: !parameter.minInclusive,
    integer: parameter.integer,
  };
}

/** The largest value a schedule parameter may hold in a setup (its control's maximum). */
export function scheduleParameterMax(parameter: ScheduleParameter): number {
  return scheduleParameterRule(parameter).max;
}

/**
 * A rule as a schema: a number, whole or finite, then its bounds. Keep the bounds as
 * min_value/gt_value/max_value actions: repair.ts clamps by the bounds these issues name.
 */
function numberSchema(rule: NumberRule): v.GenericSchema<number> {
  const low = rule.minOpen ? v.gtValue<number, number>(rule.min) : v.minValue<number, number>(rule.min);
  const max = v.maxValue<number, number>(rule.max);
  return rule.integer ? v.pipe(v.number(), v.integer(), low, max) : v.pipe(v.number(), v.finite(), low, max);
}

/** One hyper-parameter's schema, typed by its entry in core's table (a number stays a number, a choice its union). */
type HyperParameterSchemas = { readonly [K in HyperParameterKey]: v.GenericSchema<HyperParameterValues[K]> };

/** A number or integer is clamped to the range its control offers; a boolean is a boolean; a choice is one of its options. */
function hyperParameterSchema(key: HyperParameterKey): v.GenericSchema<number | boolean | string> {
  const spec = HYPER_PARAMETERS[key] as HyperParameterSpec;
  if (spec.kind === 'boolean') return v.boolean();
  if (spec.kind === 'choice') return v.picklist(spec.options);
  return numberSchema(hyperParameterRule(key) as NumberRule);
}

/** Every hyper-parameter of core's table, in table order: a new entry there is a new run field here. */
const HYPER_PARAMETER_SCHEMAS = Object.fromEntries(HYPER_PARAMETER_KEYS.map((key) => [key, hyperParameterSchema(key)])) as HyperParameterSchemas;

const SCHEDULE_TYPES = Object.keys(SCHEDULES) as ScheduleType[];
const ScheduleSchema = v.variant(
  'type',
  SCHEDULE_TYPES.map((type) =>
    v.object({ type: v.literal(type), ...Object.fromEntries(SCHEDULES[type].parameters.map((parameter) => [parameter.key, numberSchema(scheduleParameterRule(parameter))])) }),
  ) as unknown as [v.ObjectSchema<{ type: v.LiteralSchema<ScheduleType, undefined> }, undefined>],
) as unknown as v.GenericSchema<unknown, Schedule>;

const CoordinateSchema = numberSchema(SETUP_RULES.coordinate);
/** A start point: two finite coordinates within ±MAX_COORDINATE. */
export const PointSchema = v.strictTuple([CoordinateSchema, CoordinateSchema]);
const RangeSchema = v.pipe(
  v.strictTuple([CoordinateSchema, CoordinateSchema]),
  v.check(([min, max]) => min < max, 'the range must be increasing'),
);

// ---------------------------------------------------------------- the schema

/** One run. Its hyper-parameter fields are core's table; every run holds all of them (an optimizer reads those it uses). */
export const RunSchema = v.object({
  /** Stable id, unique within a setup ("r1", "r2", …). */
  id: v.pipe(v.string(), v.regex(/^r\d{1,6}$/)),
  optimizer: v.picklist(OPTIMIZER_IDS),
  lr: numberSchema(SETUP_RULES.lr),
  ...HYPER_PARAMETER_SCHEMAS,
  schedule: ScheduleSchema,
  /** Mini-batch size B; B === setup.datasetSize means full batch. */
  batchSize: numberSchema(SETUP_RULES.batchSize),
  /** Spread of per-example gradient perturbations (ignored for data-driven surfaces). */
  noise: numberSchema(SETUP_RULES.noise),
  seed: numberSchema(SETUP_RULES.seed),
  color: RunColorSchema,
  visible: v.boolean(),
  /** Overrides the global start for this run ("the start decides the valley"); null follows the global start. */
  start: v.nullable(PointSchema),
  /** Which pane of the split view shows this run (0 … panes.length − 1). */
  pane: numberSchema(SETUP_RULES.pane),
});

/** A user-typed surface: travels as text, re-parsed where it is used, never executed. */
export const CustomSurfaceSchema = v.object({
  expression: v.pipe(v.string(), v.maxLength(EXPRESSION_LIMITS.maxLength)),
  domain: v.object({ x: RangeSchema, y: RangeSchema }),
});

/** The neural-net surface's data set and plane directions. */
export const NeuralNetChoiceSchema = v.object({ dataset: v.picklist(DATASET_IDS), directions: v.picklist(SLICE_DIRECTIONS) });

export const PlaybackModeSchema = v.picklist(['instant', 'animate']);
export const CameraModeSchema = v.picklist(['3d', 'top']);
export const LogHeightModeSchema = v.picklist(['auto', 'on', 'off']);
/** What the loss chart's x axis counts: optimizer steps, gradient evaluations, or epochs (examples seen ÷ N). */
export const CHART_X_AXES = ['steps', 'gradients', 'epochs'] as const;
export const ChartXAxisSchema = v.picklist(CHART_X_AXES);

/** The whole setup. Cross-field rules (pane surfaces, unique run ids, batch ≤ N) are applied after it in repair.ts. */
export const SetupSchema = v.object({
  /** 1 … MAX_PANES panes; panes[0] is the main view. Each pane shows the runs whose `pane` is its index. `surface` is a built-in id or 'custom'. */
  panes: v.pipe(v.array(v.object({ surface: v.string() })), v.minLength(1), v.maxLength(MAX_PANES)),
  /** Condition number of the `bowl` surface. */
  bowlCondition: numberSchema(SETUP_RULES.bowlCondition),
  custom: v.nullable(CustomSurfaceSchema),
  /** Which network slice the `neural-net` surface is (absent in links made before it existed: moons, random directions). */
  neuralNet: v.optional(NeuralNetChoiceSchema),
  start: PointSchema,
  steps: numberSchema(SETUP_RULES.steps),
  /** N: examples each analytic surface is the mean of (linear regression uses its data rows). */
  datasetSize: numberSchema(SETUP_RULES.datasetSize),
  runs: v.pipe(v.array(RunSchema), v.maxLength(MAX_RUNS)),
  playback: v.object({ mode: PlaybackModeSchema, stepsPerSecond: numberSchema(SETUP_RULES.stepsPerSecond) }),
  view: v.object({
    camera: CameraModeSchema,
    logHeight: LogHeightModeSchema,
    overlays: v.object({ gradient: v.boolean(), velocity: v.boolean(), effectiveStep: v.boolean() }),
    /** Absent from links made before the chart had a choice of x axis: those open on steps, as they did. */
    chartX: v.optional(ChartXAxisSchema, 'steps'),
  }),
});

// ---------------------------------------------------------------- the types, inferred

/** Readonly all the way down (arrays and tuples too), as setups are never changed in place. */
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** What a schema's output is as the app holds it: readonly all the way down. */
export type Parsed<S extends v.GenericSchema> = DeepReadonly<v.InferOutput<S>>;

export type Setup = Parsed<typeof SetupSchema>;
export type RunConfig = Setup['runs'][number];
export type RunColor = RunConfig['color'];
export type CustomSurface = NonNullable<Setup['custom']>;
export type NeuralNetSetup = NonNullable<Setup['neuralNet']>;
export type PaneConfig = Setup['panes'][number];
export type PlaybackMode = Setup['playback']['mode'];
export type CameraMode = Setup['view']['camera'];
export type LogHeightMode = Setup['view']['logHeight'];
export type ChartXAxis = Setup['view']['chartX'];
