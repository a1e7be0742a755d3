/**
 * The one schema of a Setup, and the shareable link built from it.
 *
 * A link is `#v=1&s=<base64url of the setup's JSON>`. Decoding never throws and
 * never trusts the text: every field is checked against `SetupSchema` on its own;
 * a bad field falls back to its default (a run's own optimizer defaults for run
 * fields) and is reported by name, so one typo does not discard a whole setup.
 * Numbers must be finite; out-of-range numbers are clamped; enums are matched
 * against their own lists (never with `in`, which sees inherited keys).
 */
import * as v from 'valibot';
import { HYPER_PARAMETERS, OPTIMIZERS, SCHEDULES, scheduleDefaults, SURFACE_IDS, type HyperParameterKey, type HyperParameterSpec, type ScheduleParameter } from '../core/index.ts';
import type { OptimizerId, Schedule, ScheduleType } from '../core/types.ts';
// The limits only: the parser loads lazily (state/customSurface.ts), so a link's text is parsed where it is used.
import { EXPRESSION_LIMITS } from '../core/expression/ast.ts';
import { defaultRun, defaultSetup } from './defaults.ts';
import { MAX_PANES, MAX_RUNS, MAX_STEPS, RUN_PALETTE, type RunConfig, type Setup } from './setup.ts';

/** Version written into every link; bump it when the schema changes incompatibly. */
export const LINK_VERSION = 1;
/** Longer links are refused outright (a real setup is a few kilobytes). */
export const MAX_LINK_LENGTH = 64_000;
/** Largest |coordinate| a start may have. */
export const MAX_COORDINATE = 1e4;
/** Largest data set size N. */
export const MAX_DATASET_SIZE = 4096;
/** Learning rates a setup may hold (sliders span less: the surface's range). */
export const LR_LIMITS = [1e-7, 100] as const;
/** Largest per-example noise spread. */
export const MAX_NOISE = 100;

// ---------------------------------------------------------------- the schema

const finite = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
const whole = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** Own keys only: `Object.keys` never lists inherited names such as "constructor" or "__proto__". */
const OPTIMIZER_IDS = Object.keys(OPTIMIZERS) as [OptimizerId, ...OptimizerId[]];

/** A numeric hyper-parameter is clamped to the range its control offers (core's table is the one source). */
function hyperParameter(key: HyperParameterKey) {
  const spec = HYPER_PARAMETERS[key] as HyperParameterSpec;
  return spec.kind === 'number' || spec.kind === 'integer' ? finite(spec.control.min, spec.control.max) : finite(0, 1);
}

/** Schedule parameters, from core's SCHEDULES table; unbounded maxima are capped at sizes a lesson can use. */
function scheduleParameter(parameter: ScheduleParameter) {
  const cap = parameter.integer ? MAX_STEPS : 1e6;
  const max = Math.min(parameter.max, cap);
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

const PointSchema = v.strictTuple([finite(-MAX_COORDINATE, MAX_COORDINATE), finite(-MAX_COORDINATE, MAX_COORDINATE)]);
const RangeSchema = v.pipe(
  v.strictTuple([finite(-MAX_COORDINATE, MAX_COORDINATE), finite(-MAX_COORDINATE, MAX_COORDINATE)]),
  v.check(([min, max]) => min < max, 'the range must be increasing'),
);

const RunSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^r\d{1,6}$/)),
  optimizer: v.picklist(OPTIMIZER_IDS),
  lr: finite(...LR_LIMITS),
  momentum: hyperParameter('momentum'),
  alpha: hyperParameter('alpha'),
  centered: v.boolean(),
  beta1: hyperParameter('beta1'),
  beta2: hyperParameter('beta2'),
  eps: hyperParameter('eps'),
  schedule: ScheduleSchema,
  batchSize: whole(1, MAX_DATASET_SIZE),
  noise: finite(0, MAX_NOISE),
  seed: whole(0, 2 ** 32 - 1),
  color: v.picklist(RUN_PALETTE),
  visible: v.boolean(),
  start: v.nullable(PointSchema),
  pane: whole(0, MAX_PANES - 1),
});

const CustomSchema = v.object({
  expression: v.pipe(
    v.string(),
    v.maxLength(EXPRESSION_LIMITS.maxLength),
  ),
  domain: v.object({ x: RangeSchema, y: RangeSchema }),
});

/** The whole setup. Cross-field rules (pane surfaces, unique run ids, batch ≤ N) are applied after it in `validateSetup`. */
export const SetupSchema = v.object({
  panes: v.pipe(v.array(v.object({ surface: v.string() })), v.minLength(1), v.maxLength(MAX_PANES)),
  bowlCondition: finite(1, 1000),
  custom: v.nullable(CustomSchema),
  start: PointSchema,
  steps: whole(1, MAX_STEPS),
  datasetSize: whole(1, MAX_DATASET_SIZE),
  runs: v.pipe(v.array(RunSchema), v.maxLength(MAX_RUNS)),
  playback: v.object({ mode: v.picklist(['instant', 'animate']), stepsPerSecond: finite(1, 10_000) }),
  view: v.object({
    camera: v.picklist(['3d', 'top']),
    logHeight: v.picklist(['auto', 'on', 'off']),
    overlays: v.object({ gradient: v.boolean(), velocity: v.boolean(), effectiveStep: v.boolean() }),
  }),
});

// ---------------------------------------------------------------- problems

/** One field a link could not supply as written. */
export interface FieldProblem {
  /** Where, e.g. ["runs", 1, "lr"]. */
  readonly path: readonly (string | number)[];
  /** 'replaced' by the default, or 'clamped' into its range. */
  readonly fix: 'replaced' | 'clamped';
}

const FIELD_NAMES: Record<string, string> = {
  panes: 'panes',
  surface: 'surface',
  bowlCondition: 'bowl condition number',
  custom: 'custom surface',
  start: 'start point',
  steps: 'number of steps',
  datasetSize: 'data set size',
  runs: 'runs',
  id: 'id',
  optimizer: 'optimizer',
  lr: 'learning rate',
  momentum: 'momentum',
  alpha: 'α',
  centered: 'centered',
  beta1: 'β₁',
  beta2: 'β₂',
  eps: 'ε',
  schedule: 'schedule',
  stepSize: 'schedule step size',
  gamma: 'schedule γ',
  tMax: 'schedule T_max',
  etaMin: 'schedule η_min',
  decay: 'schedule decay',
  batchSize: 'batch size',
  noise: 'noise spread',
  seed: 'seed',
  color: 'color',
  visible: 'visibility',
  pane: 'pane',
  playback: 'playback',
  mode: 'playback mode',
  stepsPerSecond: 'steps per second',
  view: 'view',
  camera: 'camera',
  logHeight: 'log height',
  overlays: 'overlays',
  gradient: 'gradient overlay',
  velocity: 'velocity overlay',
  effectiveStep: 'effective-step overlay',
  expression: 'custom expression',
  domain: 'custom domain',
};

/** A field in plain words: ["runs", 1, "lr"] → "learning rate (run 2)". */
export function describeField(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the whole setup';
  const ownerAt = path.findIndex((part, i) => typeof part === 'number' && (path[i - 1] === 'runs' || path[i - 1] === 'panes'));
  const owner = ownerAt === -1 ? '' : `${path[ownerAt - 1] === 'runs' ? 'run' : 'pane'} ${(path[ownerAt] as number) + 1}`;
  // The innermost named part: ["start", 0] is the start point, ["custom", "domain", "x", 1] the custom domain.
  const named = path.slice(ownerAt + 1).filter((part): part is string => typeof part === 'string' && Object.hasOwn(FIELD_NAMES, part));
  const name = named.length ? FIELD_NAMES[named[named.length - 1]] : '';
  if (!owner) return name || 'the setup';
  return name ? `${name} (${owner})` : owner;
}

/** The notice a person reads: which fields of their link were replaced or clamped. */
export function describeProblems(problems: readonly FieldProblem[]): string {
  const replaced = unique(problems.filter((p) => p.fix === 'replaced').map((p) => describeField(p.path)));
  const clamped = unique(problems.filter((p) => p.fix === 'clamped').map((p) => describeField(p.path)));
  const parts: string[] = [];
  if (replaced.length) parts.push(`replaced with defaults: ${listWords(replaced)}`);
  if (clamped.length) parts.push(`brought into range: ${listWords(clamped)}`);
  return `This link had fields that could not be used as written; ${parts.join('; ')}.`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function listWords(items: readonly string[]): string {
  const shown = items.slice(0, 12);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

// ---------------------------------------------------------------- field-by-field repair

type AnySchema = v.GenericSchema;
type Path = (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Bounds and integrality a number schema's pipe declares, for clamping. */
function numberBounds(schema: AnySchema): { min: number; max: number; integer: boolean } | null {
  const pipe = (schema as { pipe?: readonly { type: string; requirement?: unknown }[] }).pipe;
  if (!pipe || (pipe[0] as { type: string }).type !== 'number') return null;
  let min = -Infinity;
  let max = Infinity;
  let integer = false;
  for (const action of pipe) {
    if (action.type === 'min_value' && typeof action.requirement === 'number') min = action.requirement;
    if (action.type === 'max_value' && typeof action.requirement === 'number') max = action.requirement;
    if (action.type === 'integer') integer = true;
  }
  return { min, max, integer };
}

/**
 * Check one value against its schema. Good values pass; a finite number out of
 * range is clamped; anything else becomes `fallback`. Objects, tuples and the
 * schedule variant are walked so each of their fields stands or falls alone.
 */
function repair(schema: AnySchema, input: unknown, fallback: unknown, path: Path, problems: FieldProblem[]): unknown {
  const kind = (schema as { type: string }).type;
  if (kind === 'object') {
    if (!isRecord(input)) {
      problems.push({ path: [...path], fix: 'replaced' });
      return fallback;
    }
    const entries = (schema as unknown as { entries: Record<string, AnySchema> }).entries;
    const base = isRecord(fallback) ? fallback : {};
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(entries)) {
      out[key] = repair(entries[key], own(input, key), own(base, key), [...path, key], problems);
    }
    return out;
  }
  if (kind === 'strict_tuple' && Array.isArray(input) && Array.isArray(fallback) && input.length === fallback.length) {
    const items = (schema as unknown as { items: AnySchema[] }).items;
    const out = items.map((item, i) => repair(item, input[i], fallback[i], [...path, i], problems));
    if (v.is(schema, out)) return out;
    problems.push({ path: [...path], fix: 'replaced' });
    return fallback;
  }
  if (kind === 'array' && Array.isArray(input) && Array.isArray(fallback) && fallback.length > 0) {
    // Arrays of records (the panes) are repaired item by item, so one bad pane does not discard the others.
    const item = (schema as unknown as { item: AnySchema }).item;
    if ((item as { type: string }).type === 'object') {
      const out = input.map((element, i) => repair(item, element, fallback[Math.min(i, fallback.length - 1)], [...path, i], problems));
      if (v.is(schema, out)) return out;
      problems.push({ path: [...path], fix: 'replaced' });
      return fallback;
    }
  }
  if (kind === 'variant') {
    const options = (schema as unknown as { options: AnySchema[] }).options;
    const type = isRecord(input) ? own(input, 'type') : undefined;
    const option = options.find((candidate) => literalType(candidate) === type);
    if (!option || typeof type !== 'string') {
      problems.push({ path: [...path], fix: 'replaced' });
      return fallback;
    }
    const base = isRecord(fallback) && fallback.type === type ? fallback : scheduleDefaults(type as ScheduleType);
    return repair(option, input, base, path, problems);
  }
  if (kind === 'nullable' && input !== null && fallback !== null) {
    return repair((schema as unknown as { wrapped: AnySchema }).wrapped, input, fallback, path, problems);
  }
  // The parsed output, not the input: objects lose keys the schema does not know.
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return parsed.output;
  const bounds = numberBounds(schema);
  if (bounds && typeof input === 'number' && Number.isFinite(input)) {
    const rounded = bounds.integer ? Math.round(input) : input;
    const clamped = Math.min(bounds.max, Math.max(bounds.min, rounded));
    if (v.is(schema, clamped)) {
      problems.push({ path: [...path], fix: 'clamped' });
      return clamped;
    }
  }
  problems.push({ path: [...path], fix: 'replaced' });
  return fallback;
}

function literalType(option: AnySchema): unknown {
  const entries = (option as unknown as { entries: { type: { literal: unknown } } }).entries;
  return entries.type.literal;
}

function repairRuns(input: unknown, fallbackSetup: Setup, path: Path, problems: FieldProblem[]): RunConfig[] {
  if (!Array.isArray(input)) {
    problems.push({ path: [...path], fix: 'replaced' });
    return [...fallbackSetup.runs];
  }
  if (input.length > MAX_RUNS) problems.push({ path: [...path], fix: 'clamped' });
  const runs: RunConfig[] = [];
  const items = input.slice(0, MAX_RUNS);
  items.forEach((item, index) => {
    const optimizerField = isRecord(item) ? own(item, 'optimizer') : undefined;
    const optimizer = v.is(RunSchema.entries.optimizer, optimizerField) ? optimizerField : 'sgd';
    const fallback = defaultRun(optimizer, index);
    runs.push(repair(RunSchema, item, fallback, [...path, index], problems) as RunConfig);
  });
  return runs;
}

/** Rules across fields: known pane surfaces, unique run ids, runs in existing panes, batch ≤ N. */
function applyCrossFieldRules(setup: Setup, fallback: Setup, problems: FieldProblem[]): Setup {
  const defaultSurface = fallback.panes[0]?.surface ?? SURFACE_IDS[0];
  const panes = setup.panes.map((pane, index) => {
    const known = SURFACE_IDS.includes(pane.surface) || (pane.surface === 'custom' && setup.custom !== null);
    if (known) return pane;
    problems.push({ path: ['panes', index, 'surface'], fix: 'replaced' });
    return { surface: defaultSurface };
  });
  const usedIds = new Set<string>();
  let nextId = 1;
  const runs = setup.runs.map((run, index) => {
    let patched = run;
    if (usedIds.has(run.id)) {
      while (usedIds.has(`r${nextId}`) || setup.runs.some((other) => other.id === `r${nextId}`)) nextId++;
      patched = { ...patched, id: `r${nextId}` };
      problems.push({ path: ['runs', index, 'id'], fix: 'replaced' });
    }
    usedIds.add(patched.id);
    if (patched.pane >= panes.length) {
      problems.push({ path: ['runs', index, 'pane'], fix: 'replaced' });
      patched = { ...patched, pane: 0 };
    }
    if (patched.batchSize > setup.datasetSize) {
      problems.push({ path: ['runs', index, 'batchSize'], fix: 'clamped' });
      patched = { ...patched, batchSize: setup.datasetSize };
    }
    return patched;
  });
  return { ...setup, panes, runs };
}

/** The outcome of reading untrusted input as a setup. */
export interface ValidatedSetup {
  readonly setup: Setup;
  readonly problems: readonly FieldProblem[];
}

/**
 * Turn anything (parsed JSON from a link or from storage) into a valid Setup,
 * field by field. Never throws.
 */
export function validateSetup(input: unknown): ValidatedSetup {
  const fallback = defaultSetup();
  const problems: FieldProblem[] = [];
  try {
    if (!isRecord(input)) return { setup: fallback, problems: [{ path: [], fix: 'replaced' }] };
    const { runs: _runs, ...restEntries } = SetupSchema.entries;
    const rest = repair(v.object(restEntries), input, fallback, [], problems) as Omit<Setup, 'runs'>;
    const runs = repairRuns(own(input, 'runs'), fallback, ['runs'], problems);
    const setup = applyCrossFieldRules({ ...rest, runs }, fallback, problems);
    if (!v.is(SetupSchema, setup)) return { setup: fallback, problems: [{ path: [], fix: 'replaced' }] };
    return { setup, problems };
  } catch {
    // A bug in the rules above must not break the page: start from the defaults.
    return { setup: fallback, problems: [{ path: [], fix: 'replaced' }] };
  }
}

/** True when `setup` passes the schema and the cross-field rules unchanged. */
export function isValidSetup(setup: unknown): setup is Setup {
  if (!v.is(SetupSchema, setup)) return false;
  const problems: FieldProblem[] = [];
  applyCrossFieldRules(setup as Setup, setup as Setup, problems);
  const ids = new Set((setup as Setup).runs.map((run) => run.id));
  return problems.length === 0 && ids.size === (setup as Setup).runs.length;
}

// ---------------------------------------------------------------- the link

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The hash fragment (with "#") that carries `setup`. */
export function encodeSetup(setup: Setup): string {
  return `#v=${LINK_VERSION}&s=${toBase64Url(JSON.stringify(setup))}`;
}

/** A full shareable URL: `base` (page address) without its old hash, plus the setup's hash. */
export function setupLink(base: string, setup: Setup): string {
  const hashAt = base.indexOf('#');
  return `${hashAt === -1 ? base : base.slice(0, hashAt)}${encodeSetup(setup)}`;
}

/** The result of reading a link: null when the hash carries no setup at all. */
export interface DecodedLink extends ValidatedSetup {
  /** The notice to show, or null when the link was clean. */
  readonly notice: string | null;
}

/**
 * Read a location hash ("#v=1&s=…"). Returns null when there is no `s` field
 * (so a persisted session may be used instead). Never throws.
 */
export function decodeSetupHash(hash: string): DecodedLink | null {
  try {
    if (typeof hash !== 'string') return null;
    const text = hash.startsWith('#') ? hash.slice(1) : hash;
    if (text.length > MAX_LINK_LENGTH) {
      return { setup: defaultSetup(), problems: [{ path: [], fix: 'replaced' }], notice: 'This link is too long to be a Descent Lab setup; the default setup is shown instead.' };
    }
    const params = new URLSearchParams(text);
    const encoded = params.get('s');
    if (encoded === null) return null;
    const version = params.get('v');
    const json = fromBase64Url(encoded);
    let parsed: unknown = undefined;
    if (json !== null) {
      try {
        parsed = JSON.parse(json);
      } catch {
        parsed = undefined;
      }
    }
    if (parsed === undefined) {
      return { setup: defaultSetup(), problems: [{ path: [], fix: 'replaced' }], notice: 'This link is damaged (it may have been cut short); the default setup is shown instead.' };
    }
    const result = validateSetup(parsed);
    const notices: string[] = [];
    if (version !== String(LINK_VERSION)) notices.push(`This link was made by another version of Descent Lab (v=${(version ?? 'none').slice(0, 8)}); what could be read was kept.`);
    if (result.problems.length > 0) notices.push(describeProblems(result.problems));
    return { ...result, notice: notices.length ? notices.join(' ') : null };
  } catch {
    return { setup: defaultSetup(), problems: [{ path: [], fix: 'replaced' }], notice: 'This link could not be read; the default setup is shown instead.' };
  }
}
