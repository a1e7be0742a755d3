/**
 * The editor's side of the format: a lesson taken from the app's setup opens
 * that same setup again; a class survives its file; a file of anything is read
 * field by field, with every problem named and its lesson said.
 */
import { describe, expect, it } from 'vitest';
import { defaultSetup } from '../../../src/state/defaults.ts';
import { lessonSetup } from '../../../src/state/lessons/build.ts';
import { LESSONS, lessonById } from '../../../src/state/lessons/course/index.ts';
import { checkDraft, idFromTitle, loadClass, moveItem, newLesson, readLessonFile, saveClass, serializeClass, setupChoiceOf } from '../../../src/state/lessons/draft.ts';
import { serializeLesson } from '../../../src/state/lessons/serialize.ts';
import { setupChanges } from '../../../src/state/lessons/changes.ts';
import { createAppStore } from '../../../src/state/store/store.ts';

describe('a lesson from the current setup', () => {
  it('opens exactly the setup it was taken from, for every course lesson and the default setup', () => {
    for (const setup of [defaultSetup(), ...LESSONS.map(lessonSetup)]) {
      const { choice, problems } = setupChoiceOf(setup);
      expect(problems).toEqual([]);
      const made = newLesson(setup, []).lesson!;
      const rebuilt = lessonSetup({ ...made, setup: choice! });
      expect(setupChanges(setup, rebuilt), `${setup.panes[0].surface}`).toEqual([]);
    }
  });

  it('after the learner’s edits (schedule, mini-batch, own start, a second pane) too', () => {
    const store = createAppStore();
    const state = store.getState();
    state.setPaneCount(2);
    state.setSurface('rosenbrock', 1, false);
    const [first, second] = store.getState().setup.runs;
    state.updateRun(first.id, { schedule: { type: 'inverse-time', decay: 0.05 }, batchSize: 16, seed: 3, noise: 2 });
    state.updateRun(second.id, { start: [0.5, -0.5], pane: 1, lr: 0.004 });
    const setup = store.getState().setup;
    const { choice } = setupChoiceOf(setup, ['slow', undefined]);
    expect(choice?.splitWith).toEqual(['rosenbrock']);
    expect(choice?.runs[0]).toMatchObject({ label: 'slow', batchSize: 16, seed: 3, noise: 2, schedule: { type: 'inverse-time', decay: 0.05 } });
    expect(setupChanges(setup, lessonSetup({ ...newLesson(setup, []).lesson!, setup: choice! }))).toEqual([]);
  });

  it('says why a typed-in function cannot travel', () => {
    const setup = { ...defaultSetup(), panes: [{ surface: 'custom' }], custom: { expression: 'x^2 + y^2', domain: { x: [-2, 2] as const, y: [-2, 2] as const } } };
    expect(setupChoiceOf(setup)).toEqual({ choice: null, problems: ['A lesson cannot carry a typed-in function yet: pick a built-in surface for the first pane.'] });
  });

  it('a new lesson names what is missing before it can be shared', () => {
    const made = newLesson(defaultSetup(), ['my-lesson']).lesson!;
    expect(made.id).toBe('my-lesson-2');
    const read = checkDraft(made);
    expect(read.ok).toBe(false);
    expect(read.problems.map((problem) => problem.message)).toContain('stage 1, text: it is empty; the stage was removed');
    const written = { ...made, stages: [{ ...made.stages[0], text: 'Which ends lowest?', question: { kind: 'choice' as const, prompt: 'Lowest?', options: ['SGD', 'Adam'], answer: 1 } }] };
    expect(checkDraft(written)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('ids, moves and classes', () => {
  it('ids are words joined by dashes, never a course lesson’s', () => {
    expect(idFromTitle('The edge of stability: η = 2/λmax!')).toBe('the-edge-of-stability-2-max');
    expect(idFromTitle('Edge of stability')).toBe('edge-of-stability-2');
    expect(idFromTitle('   ')).toBe('lesson');
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
  });

  it('a class survives its file and storage, lesson by lesson, exactly', () => {
    const lessonClass = { id: 'week-3', title: 'Week 3', lessons: [lessonById('step-size')!, { ...lessonById('saddle')!, id: 'my-saddle' }] };
    const text = serializeClass(lessonClass);
    expect(readLessonFile(text)).toEqual({ kind: 'class', ok: true, lessonClass, problems: [] });
    const items = new Map<string, string>();
    saveClass(lessonClass, { setItem: (key, value) => void items.set(key, value) });
    expect(loadClass({ getItem: (key) => items.get(key) ?? null })).toEqual(lessonClass);
    expect(loadClass({ getItem: () => '{ not json' }).lessons).toEqual([]);
  });

  it('a class file names the lesson each problem belongs to, and keeps what it can', () => {
    const good = JSON.parse(serializeLesson(lessonById('step-size')!));
    const text = JSON.stringify({ version: 1, id: 'Bad Id', title: 'Week', lessons: [good, 'edge-of-stability', 'no-such-lesson', { ...good, minutes: 99 }, 42] });
    const read = readLessonFile(text);
    expect(read).toMatchObject({ kind: 'class', ok: true });
    if (read.kind !== 'class' || !read.ok) return;
    expect(read.lessonClass.lessons.map((lesson) => lesson.id)).toEqual(['step-size', 'edge-of-stability', 'step-size']);
    expect(read.problems).toEqual([
      'lesson 3: "no-such-lesson" is not a lesson of the course; it was left out',
      'lesson 4, minutes: 99 is above the largest allowed, 4; it was set to 4',
      'lesson 5, a lesson is a JSON object with an id, a title, a setup and stages',
      'lesson 5: This is not a lesson. It was left out.',
      'id: not usable; an id is lowercase words joined by dashes, such as "edge-of-stability"',
    ]);
  });

  it('a lesson file is read like a link, never throwing, whatever it holds', () => {
    const lesson = lessonById('saddle')!;
    expect(readLessonFile(serializeLesson(lesson))).toEqual({ kind: 'lesson', result: { ok: true, lesson, problems: [] } });
    for (const text of ['', 'null', '[]', '{"lessons": 5}', '{"__proto__": {"polluted": 1}}', 'x'.repeat(3_000_000)]) {
      const read = readLessonFile(text);
      expect(read.kind === 'lesson' ? read.result.ok : read.ok, text.slice(0, 20)).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
