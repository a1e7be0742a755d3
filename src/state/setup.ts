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

// ---------------------------------------------------------------- building blocks

const finite = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
const whole = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** One hyper-parameter's schema, typed by its entry in core's table (a number stays a number, a choice its union). */
type HyperParameterSchemas = { readonly [K in HyperParameterKey]: v.GenericSchema<HyperParameterValues[K]> };

/** A number or integer is clamped to the range its control offers; a boolean is a boolean; a choice is one of its options. */
function hyperParameterSchema(spec: HyperParameterSpec): v.GenericSchema<number | boolean | string> {
  switch (spec.kind) {
    case 'number':
      return finite(spec.control.min, spec.control.max);
    case 'integer':
      return whole(spec.control.min, spec.control.max);
    case 'boolean':
      return v.boolean();
    case 'choice':
      return v.picklist(spec.options);
  }
}

/** Every hyper-parameter of core's table, in table order: a new entry there is a new run field here. */
const HYPER_PARAMETER_SCHEMAS = Object.fromEntries(
  HYPER_PARAMETER_KEYS.map((key) => [key, hyperParameterSchema(HYPER_PARAMETERS[key] as HyperParameterSpec)]),
) as HyperParameterSchemas;

/** The largest value a schedule parameter may hold in a setup: core's maximum, capped at sizes a lesson can use. */
export function scheduleParameterMax(parameter: ScheduleParameter): number {
  return Math.min(parameter.max, parameter.integer ? MAX_STEPS : MAX_SCHEDULE_VALUE);
}

/** Schedule parameters, from core's SCHEDULES table. */
function scheduleParameter(parameter: ScheduleParameter) {
  const max = scheduleParameterMax(parameter);
  const low = parameter.minInclusive ? v.minValue<number, number>(parameter.min) : v.gtValue<number, number>(parameter.min);
  return parameter.integer
    ? v.pipe(v.number(), v.integer(), low, v.maxValue(max))
    : v.pipe(v.number(), v.finite(), low, v.maxValue(max));
}

const SCHEDULE_TYPES = Object.keys(SCHEDULES) as ScheduleType[];
const ScheduleSchema = v.variant(
  'type',
  SCHEDULE_TYPES.map((type) =>
    v.object({ type: v.literal(type), ...Object.fromEntries(SCHEDULES[type].parameters.map((parameter) => [parameter.key, scheduleParameter(parameter)])) }),
  ) as unknown as [v.ObjectSchema<{ type: v.LiteralSchema<ScheduleType, undefined> }, undefined>],
) as unknown as v.GenericSchema<unknown, Schedule>;

/** A start point: two finite coordinates within ±MAX_COORDINATE. */
export const PointSchema = v.strictTuple([finite(-MAX_COORDINATE, MAX_COORDINATE), finite(-MAX_COORDINATE, MAX_COORDINATE)]);
const RangeSchema = v.pipe(
  v.strictTuple([finite(-MAX_COORDINATE, MAX_COORDINATE), finite(-MAX_COORDINATE, MAX_COORDINATE)]),
  v.check(([min, max]) => min < max, 'the range must be increasing'),
);

// ---------------------------------------------------------------- the schema

/** One run. Its hyper-parameter fields are core's table; every run holds all of them (an optimizer reads those it uses). */
export const RunSchema = v.object({
  /** Stable id, unique within a setup ("r1", "r2", …). */
  id: v.pipe(v.string(), v.regex(/^r\d{1,6}$/)),
  optimizer: v.picklist(OPTIMIZER_IDS),
  lr: finite(...LR_LIMITS),
  ...HYPER_PARAMETER_SCHEMAS,
  schedule: ScheduleSchema,
  /** Mini-batch size B; B === setup.datasetSize means full batch. */
  batchSize: whole(1, MAX_APP_DATASET_SIZE),
  /** Spread of per-example gradient perturbations (ignored for data-driven surfaces). */
  noise: finite(0, MAX_NOISE),
  seed: whole(0, MAX_SEED),
  color: RunColorSchema,
  visible: v.boolean(),
  /** Overrides the global start for this run ("the start decides the valley"); null follows the global start. */
  start: v.nullable(PointSchema),
  /** Which pane of the split view shows this run (0 … panes.length − 1). */
  pane: whole(0, MAX_PANES - 1),
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
  bowlCondition: finite(MIN_BOWL_CONDITION, MAX_BOWL_CONDITION),
  custom: v.nullable(CustomSurfaceSchema),
  /** Which network slice the `neural-net` surface is (absent in links made before it existed: moons, random directions). */
  neuralNet: v.optional(NeuralNetChoiceSchema),
  start: PointSchema,
  steps: whole(1, MAX_STEPS),
  /** N: examples each analytic surface is the mean of (linear regression uses its data rows). */
  datasetSize: whole(1, MAX_APP_DATASET_SIZE),
  runs: v.pipe(v.array(RunSchema), v.maxLength(MAX_RUNS)),
  playback: v.object({ mode: PlaybackModeSchema, stepsPerSecond: finite(1, MAX_STEPS_PER_SECOND) }),
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
