/**
 * The lesson format (issue 15): a lesson is readable JSON that a teacher can
 * write by hand. It names a setup in a few choices (the rest comes from
 * defaultSetup/defaultRun, see build.ts), which controls students see, and a
 * list of stages: text, an optional prediction question, an explanation that
 * compares the guess with what happened (with placeholders the UI fills from
 * the engine's paths, see placeholders.ts), and what is revealed after it.
 *
 * These valibot schemas are the one source of the format's types. They check a
 * finished lesson; reading untrusted input field by field (a bad field falls
 * back, a bad stage is dropped, every problem named) is parse.ts's job, which
 * uses the same rules (RULES, TEXT_LIMITS) so the two cannot disagree.
 *
 * Optimizer ids, hyper-parameters and schedules come from core's tables, so an
 * optimizer merged later (random search, a genetic algorithm, AdamW with its
 * weight decay, Nesterov) is expressible as soon as core lists it.
 */
import * as v from 'valibot';
import {
  HYPER_PARAMETER_KEYS,
  HYPER_PARAMETERS,
  MAX_COORDINATE,
  MAX_PANES,
  MAX_RUNS,
  MAX_STEPS,
  OPTIMIZER_IDS,
  SCHEDULES,
  SURFACE_IDS,
  type HyperParameterKey,
  type HyperParameterSpec,
  type HyperParameterValues,
  type OptimizerId,
  type Schedule,
  type ScheduleType,
} from '../../core/index.ts';
import { hyperParameterRule, scheduleParameterRule, SETUP_RULES, type NumberRule } from '../setup.ts';

/** The format version every serialized lesson and course carries. */
export const LESSON_FORMAT_VERSION = 1;
/** A lesson is a short, single idea: at most this many minutes. */
export const MAX_LESSON_MINUTES = 4;
export const MAX_STAGES = 12;
export const MAX_OPTIONS = 6;
export const MAX_REVEALS = 6;
export const MAX_COURSE_LESSONS = 40;

/** Longest strings, in characters. */
export const TEXT_LIMITS = {
  id: 64,
  title: 120,
  text: 1500,
  prompt: 300,
  option: 160,
  label: 60,
  unit: 24,
} as const;

/** A lesson or course id: lowercase words joined by dashes ("edge-of-stability"). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Which controls students see: a small set of named flags. */
export const CONTROL_FLAGS = [
  'hide-learning-rate',
  'hide-hyper-parameters',
  'hide-schedule',
  'hide-batch-size',
  'lock-start',
  'lock-surface',
  'lock-runs',
  'hide-maps',
] as const;
export type ControlFlag = (typeof CONTROL_FLAGS)[number];

/** What a stage shows once it is answered (or skipped). */
export const REVEAL_KINDS = ['paths', 'chart', 'basin-map', 'hyper-map', 'model'] as const;
/**
 * The loss chart's x axis: optimizer steps; epochs (passes over the data, for
 * comparing batch sizes); or evaluations of the loss or gradient, for fair
 * comparisons of methods that spend different numbers per step (random search,
 * a genetic algorithm's population against gradient descent).
 */
export const CHART_AXES = ['steps', 'epochs', 'evaluations'] as const;
export const HYPER_MAP_AXES = ['momentum', 'beta1'] as const;
export const QUESTION_KINDS = ['choice', 'number', 'click'] as const;

// ---------------------------------------------------------------- numbers

/** True when `value` is a number that `rule` accepts as written. */
export function fitsRule(rule: NumberRule, value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.minOpen ? value > rule.min : value >= rule.min) &&
    value <= rule.max &&
    (!rule.integer || Number.isInteger(value))
  );
}

/** Every numeric field of the format: the setup's own (state/setup.ts), and the lesson's. */
export const RULES = {
  ...SETUP_RULES,
  minutes: { min: 0.5, max: MAX_LESSON_MINUTES },
  run: { min: 0, max: MAX_RUNS - 1, integer: true },
  option: { min: 0, max: MAX_OPTIONS - 1, integer: true },
  answer: { min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
  tolerance: { min: 0, max: Number.MAX_VALUE },
  radius: { min: 0, max: MAX_COORDINATE, minOpen: true },
  step: { min: 0, max: MAX_STEPS, integer: true },
  epoch: { min: 0, max: MAX_STEPS, minOpen: true },
} as const satisfies Readonly<Record<string, NumberRule>>;

const numberSchema = (rule: NumberRule) => v.pipe(v.number(), v.check((value) => fitsRule(rule, value)));
const textSchema = (max: number) => v.pipe(v.string(), v.check((text) => text.trim().length > 0 && text.length <= max));

// ---------------------------------------------------------------- the schemas

export const SURFACE_CHOICES = SURFACE_IDS as unknown as [string, ...string[]];
export const OPTIMIZER_CHOICES = OPTIMIZER_IDS as unknown as [OptimizerId, ...OptimizerId[]];
export const SCHEDULE_TYPES = Object.keys(SCHEDULES) as ScheduleType[];

const PointSchema = v.strictTuple([numberSchema(RULES.coordinate), numberSchema(RULES.coordinate)]);

const ScheduleSchema = v.variant(
  'type',
  SCHEDULE_TYPES.map((type) =>
    v.strictObject({
      type: v.literal(type),
      ...Object.fromEntries(SCHEDULES[type].parameters.map((parameter) => [parameter.key, numberSchema(scheduleParameterRule(parameter))])),
    }),
  ) as unknown as [v.StrictObjectSchema<{ type: v.LiteralSchema<ScheduleType, undefined> }, undefined>],
) as unknown as v.GenericSchema<unknown, Schedule>;

function hyperParameterSchema(key: HyperParameterKey): v.GenericSchema<unknown, unknown> {
  const spec = HYPER_PARAMETERS[key] as HyperParameterSpec;
  if (spec.kind === 'boolean') return v.boolean();
  if (spec.kind === 'choice') return v.picklist(spec.options as [string, ...string[]]);
  return numberSchema(hyperParameterRule(key) as NumberRule);
}

/** Each hyper-parameter of core's table, optional (absent: the optimizer's torch default). */
const HYPER_PARAMETER_ENTRIES = Object.fromEntries(HYPER_PARAMETER_KEYS.map((key) => [key, v.optional(hyperParameterSchema(key))])) as unknown as {
  readonly [K in HyperParameterKey]: v.OptionalSchema<v.GenericSchema<unknown, HyperParameterValues[K]>, undefined>;
};

/** One run: an optimizer and its learning rate; everything else optional, as a setup's run has it. */
export const RunChoiceSchema = v.strictObject({
  optimizer: v.picklist(OPTIMIZER_CHOICES),
  /** How the legend and the questions name the run ("η = 1.05"). */
  label: v.optional(textSchema(TEXT_LIMITS.label)),
  lr: numberSchema(RULES.lr),
  ...HYPER_PARAMETER_ENTRIES,
  /** Absent: constant. */
  schedule: v.optional(ScheduleSchema),
  /** Absent: full batch (B = N). */
  batchSize: v.optional(numberSchema(RULES.batchSize)),
  noise: v.optional(numberSchema(RULES.noise)),
  seed: v.optional(numberSchema(RULES.seed)),
  /** Absent: the lesson's start. */
  start: v.optional(PointSchema),
  /** 0: the main surface; 1 … the surfaces of `splitWith`. */
  pane: v.optional(numberSchema(RULES.pane)),
});

/** The few choices a lesson makes; build.ts turns them into a full Setup. */
export const SetupChoiceSchema = v.strictObject({
  surface: v.picklist(SURFACE_CHOICES),
  /** Surfaces of further panes of a split view (pane 1, 2, 3). */
  splitWith: v.optional(v.pipe(v.array(v.picklist(SURFACE_CHOICES)), v.maxLength(MAX_PANES - 1))),
  bowlCondition: v.optional(numberSchema(RULES.bowlCondition)),
  start: PointSchema,
  steps: numberSchema(RULES.steps),
  datasetSize: v.optional(numberSchema(RULES.datasetSize)),
  runs: v.pipe(v.array(RunChoiceSchema), v.minLength(1), v.maxLength(MAX_RUNS)),
});

const PromptSchema = textSchema(TEXT_LIMITS.prompt);

export const ChoiceQuestionSchema = v.strictObject({
  kind: v.literal('choice'),
  prompt: PromptSchema,
  options: v.pipe(v.array(textSchema(TEXT_LIMITS.option)), v.minLength(2), v.maxLength(MAX_OPTIONS)),
  /** Index of the right option, from 0. */
  answer: numberSchema(RULES.option),
});

export const NumberQuestionSchema = v.strictObject({
  kind: v.literal('number'),
  prompt: PromptSchema,
  answer: numberSchema(RULES.answer),
  /** A guess within answer ± tolerance counts as right. */
  tolerance: numberSchema(RULES.tolerance),
  unit: v.optional(textSchema(TEXT_LIMITS.unit)),
});

/** "Click where you think this run ends": the answer is the run's real end point. */
export const ClickQuestionSchema = v.strictObject({
  kind: v.literal('click'),
  prompt: PromptSchema,
  /** Index of the run, from 0. */
  run: numberSchema(RULES.run),
  /** A click within this distance (plane units) of the end counts as right. */
  radius: numberSchema(RULES.radius),
});

export const QuestionSchema = v.variant('kind', [ChoiceQuestionSchema, NumberQuestionSchema, ClickQuestionSchema]);

export const RevealSchema = v.variant('show', [
  v.strictObject({
    show: v.literal('paths'),
    /** Only these runs (indices from 0); absent: all. */
    runs: v.optional(v.pipe(v.array(numberSchema(RULES.run)), v.maxLength(MAX_RUNS))),
    /** Draw each path only up to this step. */
    upToStep: v.optional(numberSchema(RULES.step)),
    /** Draw each path only up to this many epochs (⌊N/B⌋ steps each), for comparing batch sizes by the examples they used. */
    upToEpoch: v.optional(numberSchema(RULES.epoch)),
  }),
  v.strictObject({ show: v.literal('chart'), x: v.optional(v.picklist(CHART_AXES)) }),
  v.strictObject({ show: v.literal('basin-map'), run: numberSchema(RULES.run) }),
  v.strictObject({ show: v.literal('hyper-map'), run: numberSchema(RULES.run), axis: v.optional(v.picklist(HYPER_MAP_AXES)) }),
  /** The model a run's point stands for (the line through the data; a network's decision boundary), at its end or at a step. */
  v.strictObject({ show: v.literal('model'), run: numberSchema(RULES.run), step: v.optional(numberSchema(RULES.step)) }),
]);

export const StageSchema = v.strictObject({
  text: textSchema(TEXT_LIMITS.text),
  question: v.optional(QuestionSchema),
  /** Shown after the answer; may use placeholders such as {final.loss.run1} and {guess}. */
  explanation: v.optional(textSchema(TEXT_LIMITS.text)),
  /** What appears after this stage; absent: every path in full. */
  reveal: v.optional(v.pipe(v.array(RevealSchema), v.maxLength(MAX_REVEALS))),
});

export const LessonSchema = v.strictObject({
  version: v.literal(LESSON_FORMAT_VERSION),
  id: v.pipe(v.string(), v.maxLength(TEXT_LIMITS.id), v.regex(ID_PATTERN)),
  title: textSchema(TEXT_LIMITS.title),
  minutes: numberSchema(RULES.minutes),
  setup: SetupChoiceSchema,
  controls: v.optional(v.pipe(v.array(v.picklist(CONTROL_FLAGS)), v.maxLength(CONTROL_FLAGS.length))),
  stages: v.pipe(v.array(StageSchema), v.minLength(1), v.maxLength(MAX_STAGES)),
});

/** An ordered list of lessons: a class. */
export const CourseSchema = v.strictObject({
  version: v.literal(LESSON_FORMAT_VERSION),
  id: v.pipe(v.string(), v.maxLength(TEXT_LIMITS.id), v.regex(ID_PATTERN)),
  title: textSchema(TEXT_LIMITS.title),
  lessons: v.pipe(v.array(v.pipe(v.string(), v.maxLength(TEXT_LIMITS.id), v.regex(ID_PATTERN))), v.minLength(1), v.maxLength(MAX_COURSE_LESSONS)),
});

export type Lesson = v.InferOutput<typeof LessonSchema>;
export type SetupChoice = Lesson['setup'];
export type RunChoice = SetupChoice['runs'][number];
export type Stage = Lesson['stages'][number];
export type Question = NonNullable<Stage['question']>;
export type Reveal = NonNullable<Stage['reveal']>[number];
export type Course = v.InferOutput<typeof CourseSchema>;
