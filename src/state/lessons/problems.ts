/**
 * Problems found while reading a lesson, in plain words, and the small readers
 * that find them. Every message names where (in the words a teacher uses:
 * "stage 2, question"), what was wrong, and what was done about it:
 *
 *   stage 2, question: the answer 5 is not one of the 3 options; the question was removed
 *   setup, run 1, learning rate: 500 is above the largest allowed, 100; it was set to 100
 */
import { HYPER_PARAMETERS, SCHEDULES, type HyperParameterKey } from '../../core/index.ts';
import { describeValue, isList, type Data } from './data.ts';
import type { NumberRule } from '../setup.ts';
import { fitsRule } from './schema.ts';

export type ProblemPath = readonly (string | number)[];

/** One field that could not be used as written. */
export interface LessonProblem {
  /** Where, e.g. ["stages", 1, "question", "answer"]. */
  readonly path: ProblemPath;
  /** The sentence a teacher reads. */
  readonly message: string;
  /** The part of the lesson dropped because of this problem, when that is more than the field itself (a stage without text). */
  readonly removed?: ProblemPath;
}

/** Words for the fields of the format; hyper-parameters and schedule parameters take core's labels. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  version: 'version',
  id: 'id',
  title: 'title',
  minutes: 'minutes',
  setup: 'setup',
  surface: 'surface',
  splitWith: 'split view',
  bowlCondition: 'bowl condition number',
  start: 'start',
  steps: 'steps',
  datasetSize: 'data set size',
  runs: 'runs',
  optimizer: 'optimizer',
  label: 'label',
  lr: 'learning rate',
  schedule: 'schedule',
  type: 'type',
  batchSize: 'batch size',
  noise: 'noise',
  seed: 'seed',
  pane: 'pane',
  controls: 'controls',
  stages: 'stages',
  text: 'text',
  question: 'question',
  kind: 'kind',
  prompt: 'prompt',
  options: 'options',
  answer: 'answer',
  tolerance: 'tolerance',
  unit: 'unit',
  run: 'run',
  radius: 'radius',
  explanation: 'explanation',
  reveal: 'reveal',
  show: 'show',
  upToStep: 'up to step',
  upToEpoch: 'up to epoch',
  step: 'step',
  x: 'x axis',
  axis: 'axis',
  lessons: 'lessons',
};

/** What a numbered item of a list is called. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  runs: 'run',
  stages: 'stage',
  reveal: 'reveal',
  options: 'option',
  controls: 'control',
  splitWith: 'split pane',
  lessons: 'lesson',
  start: 'coordinate',
};

function fieldName(key: string): string {
  if (Object.hasOwn(FIELD_NAMES, key)) return FIELD_NAMES[key];
  if (Object.hasOwn(HYPER_PARAMETERS, key)) return HYPER_PARAMETERS[key as HyperParameterKey].label;
  for (const info of Object.values(SCHEDULES)) {
    const parameter = info.parameters.find((candidate) => candidate.key === key);
    if (parameter) return parameter.label;
  }
  return describeValue(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/** A path in words: ["stages", 1, "question"] → "stage 2, question"; [] → "lesson". */
export function place(path: ProblemPath): string {
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof part === 'string' && typeof next === 'number' && Object.hasOwn(ITEM_NAMES, part)) {
      words.push(`${ITEM_NAMES[part]} ${next + 1}`);
      i++;
    } else if (typeof part === 'number') words.push(`item ${part + 1}`);
    else words.push(fieldName(part));
  }
  if (words.length === 0) return 'lesson';
  // Deep nesting (a hostile file) would make an unreadable list: say how deep instead.
  return words.length > 6 ? `${words.slice(0, 4).join(', ')}, and ${words.length - 4} levels further in` : words.join(', ');
}

/** Collects problems as a lesson is read. */
export class Problems {
  readonly list: LessonProblem[] = [];

  add(path: ProblemPath, words: string, removed?: ProblemPath): void {
    this.list.push({ path: [...path], message: `${place(path)}: ${words}`, ...(removed === undefined ? {} : { removed: [...removed] }) });
  }

  /** Keys of `record` the format does not know: each reported and ignored. */
  unknownKeys(record: object, known: readonly string[], path: ProblemPath): void {
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue;
      const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
      this.list.push({ path: [...path, key], message: `${place(path)}: the field ${shown} is not part of the lesson format; it was ignored` });
    }
  }
}

/** What a rule accepts, in words: "a whole number from 1 to 100000". */
export function expects(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  const unboundedBelow = rule.min <= -Number.MAX_VALUE;
  const unboundedAbove = rule.max >= Number.MAX_VALUE;
  if (unboundedBelow && unboundedAbove) return kind;
  if (unboundedAbove) return `${kind} ${rule.minOpen ? '>' : '≥'} ${rule.min}`;
  if (rule.minOpen) return `${kind} above ${rule.min} and at most ${rule.max}`;
  return `${kind} from ${rule.min} to ${rule.max}`;
}

/** A reader's verdict: the value to use (with a note when it was brought into range) or why there is none. */
export type Read<T> = { readonly value: T; readonly note?: string } | { readonly why: string };

/** A number under `rule`: as written, or rounded/clamped into range with a note, or why not. */
export function readNumber(rule: NumberRule, value: Data | undefined): Read<number> {
  if (fitsRule(rule, value)) return { value: value === 0 ? 0 : value };
  if (typeof value === 'number' && Number.isFinite(value)) {
    const rounded = rule.integer ? Math.round(value) : value;
    const clamped = Math.min(rule.max, Math.max(rule.min, rounded));
    if (fitsRule(rule, clamped)) {
      const note =
        value > rule.max
          ? `${value} is above the largest allowed, ${rule.max}; it was set to ${clamped}`
          : value < rule.min
            ? `${value} is below the smallest allowed, ${rule.min}; it was set to ${clamped}`
            : `${value} is not a whole number; it was set to ${clamped}`;
      return { value: clamped === 0 ? 0 : clamped, note };
    }
  }
  return { why: value === undefined ? `missing (it must be ${expects(rule)})` : `${describeValue(value)} is not ${expects(rule)}` };
}

/** A non-blank string of at most `max` characters, or why not. */
export function readText(max: number, value: Data | undefined): Read<string> {
  if (value === undefined) return { why: 'missing' };
  if (typeof value !== 'string') return { why: `${describeValue(value)} is not text` };
  if (value.trim().length === 0) return { why: 'it is empty' };
  if (value.length > max) return { why: `it is ${value.length} characters long, more than ${max}` };
  return { value };
}

/** One of `choices` (compared as strings, own values only), or why not. */
export function readChoice<T extends string>(choices: readonly T[], value: Data | undefined, what: string): Read<T> {
  const found = typeof value === 'string' ? choices.find((choice) => choice === value) : undefined;
  if (found !== undefined) return { value: found };
  const list = choices.length > 8 ? `${choices.slice(0, 8).join(', ')}, …` : choices.join(', ');
  return { why: value === undefined ? `missing (it must be ${what}: ${list})` : `${describeValue(value)} is not ${what} (${list})` };
}

/** A point [x, y] of two numbers under `rule`, or why not. */
export function readPoint(rule: NumberRule, value: Data | undefined): Read<[number, number]> {
  if (!isList(value) || value.length !== 2) return { why: `${describeValue(value)} is not a point [x, y]` };
  const x = readNumber(rule, value[0]);
  const y = readNumber(rule, value[1]);
  if ('why' in x) return { why: `x: ${x.why}` };
  if ('why' in y) return { why: `y: ${y.why}` };
  const note = [x.note && `x: ${x.note}`, y.note && `y: ${y.note}`].filter(Boolean).join('; ');
  return note ? { value: [x.value, y.value], note } : { value: [x.value, y.value] };
}
