/**
 * What the lesson editor needs beside the format: a lesson's setup taken from
 * the app's current setup, fresh stages and lessons, and a teacher's class (an
 * ordered list of their lessons) as one file. Reading a file never throws and
 * never runs what it holds: every lesson in it goes through parseLesson, and
 * every problem is named with the lesson it belongs to.
 */
import { MAX_RUNS, OPTIMIZERS, type HyperParameterKey } from '../../core/index.ts';
import { defaultSetup } from '../defaults.ts';
import type { Setup } from '../setup.ts';
import { isList, isRecord, toData, type Data } from './data.ts';
import { lessonById } from './course/index.ts';
import { parseCourse, parseLesson, parseLessonJson, type ParsedLesson } from './parse.ts';
import { surfaceRecord } from './parseSetup.ts';
import { ID_PATTERN, LESSON_FORMAT_VERSION, MAX_COURSE_LESSONS, TEXT_LIMITS, type Lesson, type RunChoice, type SetupChoice, type Stage } from './schema.ts';
import { compactLesson, formatJson } from './serialize.ts';

/** A teacher's class: their lessons in the order they teach them. */
export interface LessonClass {
  readonly id: string;
  readonly title: string;
  readonly lessons: readonly Lesson[];
}

/** Files larger than this are not read (a class of 40 long lessons stays well below). */
export const MAX_FILE_CHARACTERS = 2_000_000;

/**
 * The lesson form of `setup`: its surfaces, start, steps, data set size and
 * runs, each run with exactly the settings its optimizer uses. A typed-in
 * function cannot travel in a lesson (yet): such a pane is left out, and said.
 */
export function setupChoiceOf(setup: Setup, labels: readonly (string | undefined)[] = []): { choice: SetupChoice | null; problems: string[] } {
  const problems: string[] = [];
  const surfaces = setup.panes.map((pane) => pane.surface);
  if (surfaces[0] === 'custom') return { choice: null, problems: ['A lesson cannot carry a typed-in function yet: pick a built-in surface for the first pane.'] };
  const kept = surfaces.map((surface, pane) => ({ surface, pane })).filter((entry) => entry.surface !== 'custom');
  if (kept.length < surfaces.length) problems.push('A pane showing a typed-in function was left out: a lesson cannot carry one yet.');
  const paneIndex = new Map(kept.map((entry, index) => [entry.pane, index]));
  const first = surfaceRecord(surfaces[0], setup.bowlCondition);
  const runs: RunChoice[] = [];
  setup.runs.slice(0, MAX_RUNS).forEach((run, index) => {
    const pane = paneIndex.get(run.pane);
    if (pane === undefined) {
      problems.push(`Run ${index + 1} was left out: it is drawn on a typed-in function.`);
      return;
    }
    const hyperParameters = Object.fromEntries(OPTIMIZERS[run.optimizer].hyperParameters.map((parameter) => [parameter.key, run[parameter.key as HyperParameterKey]]));
    const miniBatch = run.batchSize < setup.datasetSize;
    const label = labels[index]?.trim();
    runs.push({
      optimizer: run.optimizer,
      ...(label ? { label: label.slice(0, TEXT_LIMITS.label) } : {}),
      lr: run.lr,
      ...hyperParameters,
      ...(run.schedule.type === 'constant' ? {} : { schedule: run.schedule }),
      ...(miniBatch ? { batchSize: run.batchSize, noise: run.noise, seed: run.seed } : {}),
      ...(run.start === null ? {} : { start: [run.start[0], run.start[1]] as [number, number] }),
      ...(pane > 0 ? { pane } : {}),
    } as RunChoice);
  });
  if (runs.length === 0) return { choice: null, problems: [...problems, 'A lesson needs at least one run: add one first.'] };
  const usesBowl = kept.some((entry) => entry.surface === 'bowl');
  const choice: SetupChoice = {
    surface: surfaces[0],
    ...(kept.length > 1 ? { splitWith: kept.slice(1).map((entry) => entry.surface) } : {}),
    ...(usesBowl ? { bowlCondition: setup.bowlCondition } : {}),
    start: [setup.start[0], setup.start[1]],
    steps: setup.steps,
    ...(first.examples === undefined && setup.datasetSize !== defaultSetup().datasetSize ? { datasetSize: setup.datasetSize } : {}),
    runs,
  };
  return { choice, problems };
}

/** An id from a title ("The edge of stability" → "the-edge-of-stability"), not one of `taken`. */
export function idFromTitle(title: string, taken: readonly string[] = []): string {
  const base =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, TEXT_LIMITS.id - 4)
      .replace(/-+$/, '') || 'lesson';
  let id = base;
  for (let n = 2; taken.includes(id) || lessonById(id) !== undefined; n++) id = `${base}-${n}`;
  return ID_PATTERN.test(id) ? id : 'lesson';
}

/** A new stage: text to write, a multiple-choice question to fill in, and every path and the chart after it. */
export function blankStage(): Stage {
  return { text: '', question: { kind: 'choice', prompt: '', options: ['', ''], answer: 0 }, explanation: '', reveal: [{ show: 'paths' }, { show: 'chart' }] };
}

/** A new lesson on `setup` (null with the reasons when the setup cannot be carried). */
export function newLesson(setup: Setup, taken: readonly string[]): { lesson: Lesson | null; problems: string[] } {
  const { choice, problems } = setupChoiceOf(setup);
  if (!choice) return { lesson: null, problems };
  const title = 'My lesson';
  return { lesson: { version: LESSON_FORMAT_VERSION, id: idFromTitle(title, taken), title, minutes: 3, setup: choice, stages: [blankStage()] }, problems };
}

/** `items` with the item at `from` moved to `to` (both clamped). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = items.slice();
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item);
  return out;
}

/**
 * A draft as the editor holds it, read as students will get it: empty optional
 * texts left out, then parseLesson (which names everything it had to change).
 */
export function checkDraft(draft: Lesson): ParsedLesson {
  const stages = draft.stages.map((stage) => {
    const { explanation, ...rest } = stage;
    return explanation !== undefined && explanation.trim() === '' ? rest : stage;
  });
  return parseLesson({ ...draft, stages });
}

/** A class as its file holds it: readable JSON, each lesson in the format's own order. */
export function serializeClass(lessonClass: LessonClass): string {
  return formatJson({ version: LESSON_FORMAT_VERSION, id: lessonClass.id, title: lessonClass.title, lessons: lessonClass.lessons.map((lesson) => JSON.parse(compactLesson(lesson)) as unknown) });
}

/** What a file held: one lesson, or a class of them. */
export type LessonFile =
  | { readonly kind: 'lesson'; readonly result: ParsedLesson }
  | { readonly kind: 'class'; readonly ok: true; readonly lessonClass: LessonClass; readonly problems: readonly string[] }
  | { readonly kind: 'class'; readonly ok: false; readonly error: string; readonly problems: readonly string[] };

/** Reads a class: an id, a title and a list of lessons (each a whole lesson, or a course lesson's id). */
function readClass(data: Data): LessonFile {
  const problems: string[] = [];
  const record = isRecord(data) ? data : null;
  const list = record && Object.hasOwn(record, 'lessons') ? record.lessons : null;
  const lessons: Lesson[] = [];
  if (isList(list)) {
    list.forEach((item, index) => {
      const where = `lesson ${index + 1}`;
      if (lessons.length >= MAX_COURSE_LESSONS) return problems.push(`${where}: a class has at most ${MAX_COURSE_LESSONS} lessons; it was left out`);
      if (typeof item === 'string') {
        const known = lessonById(item);
        if (known) lessons.push(known);
        else problems.push(`${where}: "${item.slice(0, 40)}" is not a lesson of the course; it was left out`);
        return;
      }
      const parsed = parseLesson(item);
      for (const problem of parsed.problems) problems.push(`${where}, ${problem.message.replace(/^lesson: /, '')}`);
      if (parsed.ok) lessons.push(parsed.lesson);
      else problems.push(`${where}: ${parsed.error} It was left out.`);
    });
  }
  // The id and title are checked as a course's are.
  const header = parseCourse({ version: record?.version, id: record?.id, title: record?.title, lessons: lessons.length ? lessons.map((lesson) => lesson.id) : ['x'] });
  for (const problem of header.problems) if (problem.path[0] !== 'lessons') problems.push(problem.message);
  if (lessons.length === 0) return { kind: 'class', ok: false, error: 'This class has no lesson that could be read.', problems };
  const id = header.ok ? header.course.id : 'my-class';
  const title = header.ok ? header.course.title : 'My class';
  return { kind: 'class', ok: true, lessonClass: { id, title, lessons }, problems };
}

/** Reads a file's text as a lesson or a class. Never throws. */
export function readLessonFile(text: string): LessonFile {
  if (typeof text !== 'string' || text.length > MAX_FILE_CHARACTERS) return { kind: 'lesson', result: parseLessonJson(typeof text === 'string' ? text : '', 0) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'lesson', result: parseLessonJson(text) };
  }
  const data = toData(parsed, []);
  const isClass = isRecord(data) && isList(Object.hasOwn(data, 'lessons') ? data.lessons : undefined) && !Object.hasOwn(data, 'stages');
  return isClass ? readClass(data as Data) : { kind: 'lesson', result: parseLessonJson(text) };
}

/** The class the editor keeps between visits. */
export const CLASS_STORAGE_KEY = 'descent-lab.class.v1';
export const EMPTY_CLASS: LessonClass = { id: 'my-class', title: 'My class', lessons: [] };

/** The stored class, read like a file; the empty class when none is stored or it cannot be read. */
export function loadClass(storage: Pick<Storage, 'getItem'> | null): LessonClass {
  try {
    const text = storage?.getItem(CLASS_STORAGE_KEY);
    const read = text ? readLessonFile(text) : null;
    return read?.kind === 'class' && read.ok ? read.lessonClass : EMPTY_CLASS;
  } catch {
    return EMPTY_CLASS;
  }
}

/** Keeps the class for the next visit (quota and privacy modes are ignored: the file download still works). */
export function saveClass(lessonClass: LessonClass, storage: Pick<Storage, 'setItem'> | null): void {
  try {
    storage?.setItem(CLASS_STORAGE_KEY, serializeClass(lessonClass));
  } catch {
    // Nothing to do: the class stays open in the editor.
  }
}
