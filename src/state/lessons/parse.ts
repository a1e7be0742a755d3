/**
 * Reading a lesson (or a course) from untrusted input, field by field.
 *
 * parseLesson never throws and never runs anything the input carries: the input
 * is first copied into inert data (data.ts), then every field is checked on its
 * own. A bad field falls back to its default, a bad question or reveal item is
 * removed, a bad stage or run is dropped, and each problem is named in plain
 * words (problems.ts). Only a lesson with no id, no setup, no run or no stage
 * left is a failure. What comes out passes LessonSchema and the rules across
 * fields (isValidLesson), or parseLesson reports a failure.
 */
import * as v from 'valibot';
import { DEFAULT_DATASET_SIZE, OPTIMIZERS } from '../../core/index.ts';
import { field, isList, isRecord, toData, type CopyCut, type Data } from './data.ts';
import { effectiveDatasetSize, readSetup, surfaceRecord } from './parseSetup.ts';
import { readStage, type StageContext } from './parseStage.ts';
import { Problems, readNumber, readText, type LessonProblem } from './problems.ts';
import {
  CONTROL_FLAGS,
  CourseSchema,
  ID_PATTERN,
  LESSON_FORMAT_VERSION,
  LessonSchema,
  MAX_COURSE_LESSONS,
  MAX_STAGES,
  RULES,
  TEXT_LIMITS,
  type ControlFlag,
  type Course,
  type Lesson,
  type Stage,
} from './schema.ts';

export type { LessonProblem } from './problems.ts';

/** The outcome of reading a lesson: a valid lesson and what had to be changed, or why there is none. */
export type ParsedLesson =
  | { readonly ok: true; readonly lesson: Lesson; readonly problems: readonly LessonProblem[] }
  | { readonly ok: false; readonly error: string; readonly problems: readonly LessonProblem[] };

export type ParsedCourse =
  | { readonly ok: true; readonly course: Course; readonly problems: readonly LessonProblem[] }
  | { readonly ok: false; readonly error: string; readonly problems: readonly LessonProblem[] };

/** Minutes a lesson is given when its own estimate is unusable. */
export const DEFAULT_MINUTES = 3;
export const DEFAULT_TITLE = 'Untitled lesson';

const CUT_WORDS: Readonly<Record<CopyCut['reason'], string>> = {
  'too-deep': 'nested too deeply; it was ignored',
  'too-many': 'too many items; only the first ones were read',
  'not-data': 'not plain data (a function, a getter or undefined); it was ignored',
};

/** Copies the input into inert data and reports what was cut on the way. */
function inert(input: unknown, problems: Problems): Data | undefined {
  const cuts: CopyCut[] = [];
  const data = toData(input, cuts);
  for (const cut of cuts) problems.add(cut.path, CUT_WORDS[cut.reason]);
  return data;
}

function readVersion(value: Data | undefined, problems: Problems): void {
  // A hand-written lesson may leave the version out: it is read as the current one.
  if (value !== undefined && value !== LESSON_FORMAT_VERSION) {
    problems.add(['version'], `this was written for format version ${typeof value === 'number' ? value : 'unknown'}; it was read as version ${LESSON_FORMAT_VERSION}`);
  }
}

function readId(value: Data | undefined, problems: Problems): string | null {
  if (typeof value === 'string' && value.length <= TEXT_LIMITS.id && ID_PATTERN.test(value)) return value;
  problems.add(['id'], `${value === undefined ? 'missing' : 'not usable'}; an id is lowercase words joined by dashes, such as "edge-of-stability"`);
  return null;
}

function readControls(value: Data | undefined, problems: Problems): ControlFlag[] | undefined {
  if (value === undefined) return undefined;
  if (!isList(value)) {
    problems.add(['controls'], `not a list of flags (${CONTROL_FLAGS.join(', ')}); every control is shown`);
    return undefined;
  }
  const flags: ControlFlag[] = [];
  value.forEach((item, index) => {
    const flag = CONTROL_FLAGS.find((candidate) => candidate === item);
    if (flag === undefined) problems.add(['controls', index], `not one of the flags ${CONTROL_FLAGS.join(', ')}; it was ignored`);
    else if (flags.includes(flag)) problems.add(['controls', index], `${flag} is listed twice; the repeat was ignored`);
    else flags.push(flag);
  });
  return flags;
}

const failure = (error: string, problems: Problems): ParsedLesson => ({ ok: false, error, problems: problems.list });

/** Reads anything (parsed JSON, an object) as a lesson. Never throws. */
export function parseLesson(input: unknown): ParsedLesson {
  const problems = new Problems();
  try {
    const data = inert(input, problems);
    if (!isRecord(data)) {
      problems.add([], 'a lesson is a JSON object with an id, a title, a setup and stages');
      return failure('This is not a lesson.', problems);
    }
    problems.unknownKeys(data, Object.keys(LessonSchema.entries), []);
    readVersion(field(data, 'version'), problems);
    const id = readId(field(data, 'id'), problems);
    const title = readText(TEXT_LIMITS.title, field(data, 'title'));
    if ('why' in title) problems.add(['title'], `${title.why}; it was set to "${DEFAULT_TITLE}"`);
    const minutes = readNumber(RULES.minutes, field(data, 'minutes'));
    if ('why' in minutes) problems.add(['minutes'], `${minutes.why}; it was set to ${DEFAULT_MINUTES}`);
    else if (minutes.note) problems.add(['minutes'], minutes.note);
    const setup = readSetup(field(data, 'setup'), ['setup'], problems);
    const controls = readControls(field(data, 'controls'), problems);
    const stagesValue = field(data, 'stages');
    const stages: Stage[] = [];
    if (!isList(stagesValue)) problems.add(['stages'], 'not a list of stages');
    else if (setup !== null) {
      const context: StageContext = { runCount: setup.runs.length, steps: setup.steps };
      stagesValue.forEach((item, index) => {
        if (stages.length >= MAX_STAGES) problems.add(['stages', index], `a lesson has at most ${MAX_STAGES} stages; the stage was removed`);
        else {
          const stage = readStage(item, context, ['stages', index], problems);
          if (stage !== null) stages.push(stage);
        }
      });
    }
    if (id === null) return failure('This lesson cannot be used: it has no usable id.', problems);
    if (setup === null) return failure('This lesson cannot be used: it has no setup with a usable run.', problems);
    if (stages.length === 0) {
      problems.add(['stages'], 'no usable stage; a lesson needs at least one');
      return failure('This lesson cannot be used: none of its stages could be read.', problems);
    }
    const lesson: Lesson = {
      version: LESSON_FORMAT_VERSION,
      id,
      title: 'why' in title ? DEFAULT_TITLE : title.value,
      minutes: 'why' in minutes ? DEFAULT_MINUTES : minutes.value,
      setup,
      ...(controls === undefined ? {} : { controls }),
      stages,
    };
    if (!isValidLesson(lesson)) return failure('This lesson could not be read.', problems);
    return { ok: true, lesson, problems: problems.list };
  } catch {
    // A bug above must not break the page that opened the lesson.
    return failure('This lesson could not be read.', problems);
  }
}

/** Reads lesson JSON text (a file's contents). Never throws. */
export function parseLessonJson(text: string, maxLength = 256_000): ParsedLesson {
  const problems = new Problems();
  if (typeof text !== 'string' || text.length > maxLength) {
    problems.add([], `the file is larger than ${maxLength} characters`);
    return failure('This file is too large to be a lesson.', problems);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.add([], 'the text is not valid JSON');
    return failure('This file is not a lesson: it is not valid JSON.', problems);
  }
  return parseLesson(parsed);
}

/**
 * The rules across fields, as sentences (empty when the lesson keeps them all):
 * runs in existing panes and using only their optimizer's hyper-parameters,
 * batch sizes within N, answers and run indices that exist, reveals within the
 * steps, no flag twice. A placeholder the lesson cannot fill is not an error
 * here: parseLesson reports it and the text shows it as written.
 */
export function crossFieldErrors(lesson: Lesson): string[] {
  const errors: string[] = [];
  const { setup } = lesson;
  const paneSurfaces = [setup.surface, ...(setup.splitWith ?? [])].map((id) => surfaceRecord(id, setup.bowlCondition));
  const rows = paneSurfaces[0].examples?.size;
  if (setup.datasetSize !== undefined && rows !== undefined && setup.datasetSize !== rows) errors.push('data set size differs from the data rows');
  setup.runs.forEach((run, index) => {
    const pane = run.pane ?? 0;
    if (pane >= paneSurfaces.length) errors.push(`run ${index + 1} is in a pane that does not exist`);
    const used = OPTIMIZERS[run.optimizer].hyperParameters.map((parameter) => parameter.key as string);
    for (const key of Object.keys(run)) {
      if (!['optimizer', 'label', 'lr', 'schedule', 'batchSize', 'noise', 'seed', 'start', 'pane'].includes(key) && !used.includes(key)) errors.push(`run ${index + 1} sets ${key}, which its optimizer does not use`);
    }
    const examples = effectiveDatasetSize(paneSurfaces[Math.min(pane, paneSurfaces.length - 1)], setup.datasetSize, DEFAULT_DATASET_SIZE);
    if (run.batchSize !== undefined && run.batchSize > examples) errors.push(`run ${index + 1} has a batch larger than the data`);
  });
  lesson.stages.forEach((stage, index) => {
    const where = `stage ${index + 1}`;
    const question = stage.question;
    if (question?.kind === 'choice' && question.answer >= question.options.length) errors.push(`${where}: the answer is not an option`);
    if (question?.kind === 'click' && question.run >= setup.runs.length) errors.push(`${where}: the question names a run that does not exist`);
    for (const reveal of stage.reveal ?? []) {
      if ((reveal.show === 'basin-map' || reveal.show === 'hyper-map' || reveal.show === 'model') && reveal.run >= setup.runs.length) errors.push(`${where}: a map or model of a run that does not exist`);
      if (reveal.show === 'model' && reveal.step !== undefined && reveal.step > setup.steps) errors.push(`${where}: a model past the last step`);
      if (reveal.show !== 'paths') continue;
      if (reveal.runs?.some((run, i) => run >= setup.runs.length || reveal.runs!.indexOf(run) !== i)) errors.push(`${where}: paths of runs that do not exist or repeat`);
      if (reveal.upToStep !== undefined && (reveal.upToStep > setup.steps || reveal.upToEpoch !== undefined)) errors.push(`${where}: a reveal past the last step or with both a step and an epoch`);
    }
  });
  if (lesson.controls && new Set(lesson.controls).size !== lesson.controls.length) errors.push('a control flag is listed twice');
  return errors;
}

/** True when `value` is a lesson exactly as parseLesson would return it unchanged. */
export function isValidLesson(value: unknown): value is Lesson {
  return v.is(LessonSchema, value) && crossFieldErrors(value as Lesson).length === 0;
}

/** Reads anything as a course (an ordered list of lesson ids). Never throws; which ids exist is the caller's to check. */
export function parseCourse(input: unknown): ParsedCourse {
  const problems = new Problems();
  const fail = (error: string): ParsedCourse => ({ ok: false, error, problems: problems.list });
  try {
    const data = inert(input, problems);
    if (!isRecord(data)) {
      problems.add([], 'a course is a JSON object with an id, a title and a list of lesson ids');
      return fail('This is not a course.');
    }
    problems.unknownKeys(data, Object.keys(CourseSchema.entries), []);
    readVersion(field(data, 'version'), problems);
    const id = readId(field(data, 'id'), problems);
    const title = readText(TEXT_LIMITS.title, field(data, 'title'));
    if ('why' in title) problems.add(['title'], `${title.why}; it was set to "Untitled course"`);
    const list = field(data, 'lessons');
    const lessons: string[] = [];
    if (!isList(list)) problems.add(['lessons'], 'not a list of lesson ids');
    else {
      list.forEach((item, index) => {
        if (typeof item !== 'string' || item.length > TEXT_LIMITS.id || !ID_PATTERN.test(item)) problems.add(['lessons', index], 'not a lesson id; it was left out');
        else if (lessons.includes(item)) problems.add(['lessons', index], `${item} is listed twice; the repeat was left out`);
        else if (lessons.length >= MAX_COURSE_LESSONS) problems.add(['lessons', index], `a course has at most ${MAX_COURSE_LESSONS} lessons; it was left out`);
        else lessons.push(item);
      });
    }
    if (id === null) return fail('This course cannot be used: it has no usable id.');
    if (lessons.length === 0) return fail('This course cannot be used: it lists no lesson.');
    const course: Course = { version: LESSON_FORMAT_VERSION, id, title: 'why' in title ? 'Untitled course' : title.value, lessons };
    return v.is(CourseSchema, course) ? { ok: true, course, problems: problems.list } : fail('This course could not be read.');
  } catch {
    return fail('This course could not be read.');
  }
}
