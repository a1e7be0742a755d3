/**
 * Reading a lesson's setup choice field by field (see parse.ts): a bad field
 * falls back to its default (a run's learning rate to the default for its
 * optimizer and surface, an optional field to "absent"), an out-of-range number
 * is brought into range, a run that is not an object is dropped; each is
 * reported. Returns null only when no run is left.
 */
import {
  DEFAULT_DATASET_SIZE,
  HYPER_PARAMETER_KEYS,
  HYPER_PARAMETERS,
  makeBowl,
  MAX_PANES,
  MAX_RUNS,
  OPTIMIZERS,
  SCHEDULES,
  surfaces,
  type HyperParameterSpec,
  type Schedule,
  type Surface,
} from '../../core/index.ts';
import { DEFAULT_STEPS, DEFAULT_SURFACE_ID, defaultLr } from '../defaults.ts';
import { field, isList, isRecord, type Data, type DataRecord } from './data.ts';
import { readChoice, readNumber, readPoint, type Problems, type ProblemPath, type Read } from './problems.ts';
import { hyperParameterRule, scheduleParameterRule, type NumberRule } from '../setup.ts';
import { OPTIMIZER_CHOICES, RULES, RunChoiceSchema, SCHEDULE_TYPES, SetupChoiceSchema, SURFACE_CHOICES, TEXT_LIMITS, type RunChoice, type SetupChoice } from './schema.ts';

/** The surface record a lesson's pane shows (the bowl with the lesson's condition number). */
export function surfaceRecord(id: string, bowlCondition: number | undefined): Surface {
  return id === 'bowl' && bowlCondition !== undefined ? makeBowl(bowlCondition) : surfaces[id];
}

/** N for a setup choice: the surface's data rows, else the choice's own, else the app's default. */
export function effectiveDatasetSize(surface: Surface, datasetSize: number | undefined, fallback: number): number {
  return surface.examples?.size ?? datasetSize ?? fallback;
}

/** Reads an optional number: absent stays absent; bad is reported and left out; out of range is clamped. */
function optionalNumber(rule: NumberRule, record: DataRecord, key: string, path: ProblemPath, problems: Problems): number | undefined {
  if (!Object.hasOwn(record, key)) return undefined;
  return settle(readNumber(rule, field(record, key)), [...path, key], problems, 'it was left out, so the default is used');
}

/** The value of a verdict, reporting a note or (with `fallbackWords`) why it fell back. */
function settle<T>(read: Read<T>, path: ProblemPath, problems: Problems, fallbackWords: string): T | undefined {
  if ('why' in read) {
    problems.add(path, `${read.why}; ${fallbackWords}`);
    return undefined;
  }
  if (read.note) problems.add(path, read.note);
  return read.value;
}

function readSchedule(value: Data | undefined, path: ProblemPath, problems: Problems): Schedule | undefined {
  const type = isRecord(value) ? readChoice(SCHEDULE_TYPES, field(value, 'type'), 'a schedule') : null;
  if (!isRecord(value) || type === null || 'why' in type) {
    problems.add(path, `${type && 'why' in type ? type.why : 'it is not an object such as { "type": "inverse-time", "decay": 0.05 }'}; the learning rate stays constant`);
    return undefined;
  }
  const parameters = SCHEDULES[type.value].parameters;
  problems.unknownKeys(value, ['type', ...parameters.map((parameter) => parameter.key)], path);
  const schedule: Record<string, number | string> = { type: type.value };
  for (const parameter of parameters) {
    const read = readNumber(scheduleParameterRule(parameter), field(value, parameter.key));
    schedule[parameter.key] = settle(read, [...path, parameter.key], problems, `it was set to ${parameter.default}`) ?? parameter.default;
  }
  return schedule as unknown as Schedule;
}

interface RunContext {
  readonly paneSurfaces: readonly Surface[];
  /** The lesson's own N, if it gives one. */
  readonly datasetSize: number | undefined;
}

function readRun(record: DataRecord, context: RunContext, path: ProblemPath, problems: Problems): RunChoice {
  problems.unknownKeys(record, Object.keys(RunChoiceSchema.entries), path);
  const optimizer = settle(readChoice(OPTIMIZER_CHOICES, field(record, 'optimizer'), 'an optimizer'), [...path, 'optimizer'], problems, 'it was set to sgd') ?? 'sgd';
  const run: Record<string, unknown> = { optimizer };
  if (Object.hasOwn(record, 'label')) {
    const label = field(record, 'label');
    if (typeof label === 'string' && label.trim() && label.length <= TEXT_LIMITS.label) run.label = label;
    else problems.add([...path, 'label'], 'not a short text; it was left out');
  }
  let pane = optionalNumber(RULES.pane, record, 'pane', path, problems);
  if (pane !== undefined && pane >= context.paneSurfaces.length) {
    problems.add([...path, 'pane'], `there is no pane ${pane + 1} (the lesson shows ${context.paneSurfaces.length}); the run is drawn in the first`);
    pane = undefined;
  }
  const surface = context.paneSurfaces[pane ?? 0];
  const lrFallback = defaultLr(optimizer, surface);
  run.lr = settle(readNumber(RULES.lr, field(record, 'lr')), [...path, 'lr'], problems, `it was set to ${lrFallback}`) ?? lrFallback;
  const used = OPTIMIZERS[optimizer].hyperParameters.map((parameter) => parameter.key as string);
  for (const key of HYPER_PARAMETER_KEYS) {
    if (!Object.hasOwn(record, key)) continue;
    if (!used.includes(key)) {
      problems.add([...path, key], `${OPTIMIZERS[optimizer].label} does not use it; it was ignored`);
      continue;
    }
    const spec = HYPER_PARAMETERS[key] as HyperParameterSpec;
    const value = field(record, key);
    const rule = hyperParameterRule(key);
    if (rule) run[key] = optionalNumber(rule, record, key, path, problems);
    else if (spec.kind === 'boolean' && typeof value === 'boolean') run[key] = value;
    else if (spec.kind === 'choice' && typeof value === 'string' && spec.options.includes(value)) run[key] = value;
    else problems.add([...path, key], `not ${spec.kind === 'boolean' ? 'true or false' : 'one of its choices'}; it was left out, so the default is used`);
  }
  if (Object.hasOwn(record, 'schedule')) run.schedule = readSchedule(field(record, 'schedule'), [...path, 'schedule'], problems);
  const examples = effectiveDatasetSize(surface, context.datasetSize, DEFAULT_DATASET_SIZE);
  let batchSize = optionalNumber(RULES.batchSize, record, 'batchSize', path, problems);
  if (batchSize !== undefined && batchSize > examples) {
    problems.add([...path, 'batchSize'], `${batchSize} is more than the ${examples} examples; it was set to ${examples} (full batch)`);
    batchSize = examples;
  }
  run.batchSize = batchSize;
  run.noise = optionalNumber(RULES.noise, record, 'noise', path, problems);
  run.seed = optionalNumber(RULES.seed, record, 'seed', path, problems);
  if (Object.hasOwn(record, 'start')) run.start = settle(readPoint(RULES.coordinate, field(record, 'start')), [...path, 'start'], problems, "it was left out, so the run uses the lesson's start");
  run.pane = pane;
  // Canonical order (the schema's), absent fields left out: a lesson serializes the same way every time.
  return Object.fromEntries(Object.keys(RunChoiceSchema.entries).flatMap((key) => (run[key] === undefined ? [] : [[key, run[key]]]))) as RunChoice;
}

/** The setup choice of a lesson, repaired field by field; null when it has no usable run. */
export function readSetup(value: Data | undefined, path: ProblemPath, problems: Problems): SetupChoice | null {
  if (!isRecord(value)) {
    problems.add(path, value === undefined ? 'missing; a lesson needs a setup' : 'not an object; a lesson needs a setup');
    return null;
  }
  problems.unknownKeys(value, Object.keys(SetupChoiceSchema.entries), path);
  const surface = settle(readChoice(SURFACE_CHOICES, field(value, 'surface'), 'a surface'), [...path, 'surface'], problems, `it was set to ${DEFAULT_SURFACE_ID}`) ?? DEFAULT_SURFACE_ID;
  let splitWith: string[] | undefined;
  if (Object.hasOwn(value, 'splitWith')) {
    const list = field(value, 'splitWith');
    if (!isList(list)) problems.add([...path, 'splitWith'], 'not a list of surfaces; it was left out');
    else {
      splitWith = [];
      list.forEach((item, index) => {
        const id = readChoice(SURFACE_CHOICES, item, 'a surface');
        if ('why' in id) problems.add([...path, 'splitWith', index], `${id.why}; the pane was left out`);
        else if (splitWith!.length >= MAX_PANES - 1) problems.add([...path, 'splitWith', index], `a lesson shows at most ${MAX_PANES} panes; the pane was left out`);
        else splitWith!.push(id.value);
      });
    }
  }
  const bowlCondition = optionalNumber(RULES.bowlCondition, value, 'bowlCondition', path, problems);
  const paneSurfaces = [surface, ...(splitWith ?? [])].map((id) => surfaceRecord(id, bowlCondition));
  const start =
    settle(readPoint(RULES.coordinate, field(value, 'start')), [...path, 'start'], problems, `it was set to the surface's suggested start`) ?? [...paneSurfaces[0].suggestedStart];
  const steps = settle(readNumber(RULES.steps, field(value, 'steps')), [...path, 'steps'], problems, `it was set to ${DEFAULT_STEPS}`) ?? DEFAULT_STEPS;
  let datasetSize = optionalNumber(RULES.datasetSize, value, 'datasetSize', path, problems);
  const rows = paneSurfaces[0].examples?.size;
  if (datasetSize !== undefined && rows !== undefined && datasetSize !== rows) {
    problems.add([...path, 'datasetSize'], `${paneSurfaces[0].label} has ${rows} data rows; it was set to ${rows}`);
    datasetSize = rows;
  }
  const runsValue = field(value, 'runs');
  const runs: RunChoice[] = [];
  if (!isList(runsValue)) problems.add([...path, 'runs'], 'not a list of runs');
  else {
    const context = { paneSurfaces, datasetSize };
    runsValue.forEach((item, index) => {
      const runPath = [...path, 'runs', index];
      if (!isRecord(item)) problems.add(runPath, `${item === null ? 'null' : 'not an object'}; the run was removed`);
      else if (runs.length >= MAX_RUNS) problems.add(runPath, `a lesson has at most ${MAX_RUNS} runs; the run was removed`);
      else runs.push(readRun(item, context, runPath, problems));
    });
  }
  if (runs.length === 0) {
    problems.add([...path, 'runs'], 'no usable run; a lesson needs at least one');
    return null;
  }
  const setup: Record<string, unknown> = { surface, splitWith, bowlCondition, start, steps, datasetSize, runs };
  return Object.fromEntries(Object.keys(SetupChoiceSchema.entries).flatMap((key) => (setup[key] === undefined ? [] : [[key, setup[key]]]))) as SetupChoice;
}
