/**
 * The lesson slice: opening a lesson loads its setup with its first question
 * open; answering or skipping reveals and replays from step 0; Next and Back
 * never depend on an answer; the lesson's maps open and close with its stages;
 * the learner's changes can be undone. And the lesson's place in the link.
 */
import { describe, expect, it, vi } from 'vitest';
import { lessonSetup } from '../../../src/state/lessons/build.ts';
import { lessonById } from '../../../src/state/lessons/course/index.ts';
import type { Lesson } from '../../../src/state/lessons/schema.ts';
import { decodeLinkedLesson, encodeAppHash } from '../../../src/state/lessonLink.ts';
import { decodeSetupHash } from '../../../src/state/link.ts';
import { applyLink } from '../../../src/state/persist.ts';
import { BUILT_IN_COURSE, currentStageView, lessonControl, openQuestion, revealSpeed } from '../../../src/state/store/lessonSlice.ts';
import { createAppStore } from '../../../src/state/store/store.ts';
import { encodeLessonHash } from '../../../src/state/lessons/link.ts';

const edge = lessonById('edge-of-stability')!;
const startDecides = lessonById('start-decides')!;

/** A store whose map actions are recorded, not run (no worker pool in unit tests). */
function storeWithMaps() {
  const store = createAppStore();
  const openMap = vi.fn();
  const closeMap = vi.fn();
  store.setState({ openMap, closeMap });
  return { store, openMap, closeMap };
}

describe('lesson slice', () => {
  it('opening a lesson loads its setup and shows its first question with every run hidden', () => {
    const { store } = storeWithMaps();
    store.getState().openLesson(edge);
    const state = store.getState();
    expect(state.setup).toEqual(lessonSetup(edge));
    expect(state.lesson).toMatchObject({ stage: 0, revealed: false, guess: null, builtIn: true, course: BUILT_IN_COURSE });
    expect(openQuestion(state)?.kind).toBe('choice');
    expect(currentStageView(state)?.paths).toEqual([false, false, false]);
    expect(lessonControl(state, 'hide-learning-rate')).toBe(true);
    expect(lessonControl(state, 'lock-surface')).toBe(false);
  });

  it('an answer reveals and replays the paths from step 0 at a speed that takes a few seconds', () => {
    const { store } = storeWithMaps();
    store.getState().openLesson(edge);
    store.getState().answerQuestion({ kind: 'number', value: 3 });
    expect(store.getState().lesson?.revealed).toBe(false); // not this question's kind
    store.getState().answerQuestion({ kind: 'choice', option: 2 });
    const state = store.getState();
    expect(state.lesson).toMatchObject({ revealed: true, guess: { kind: 'choice', option: 2 }, reveals: 1 });
    expect(state.setup.playback).toEqual({ mode: 'animate', stepsPerSecond: revealSpeed(100) });
    expect(state.playing).toBe(true);
    expect(revealSpeed(100)).toBe(25);
    expect(currentStageView(state)?.paths).toEqual([true, true, true]);
    // Revealing again changes nothing.
    store.getState().skipToAnswer();
    expect(store.getState().lesson?.reveals).toBe(1);
  });

  it('skipping reveals without a guess; with reduced motion the paths appear whole', () => {
    const { store } = storeWithMaps();
    store.getState().openLesson(edge, { animate: false });
    store.getState().skipToAnswer(false);
    expect(store.getState().lesson).toMatchObject({ revealed: true, guess: null });
    expect(store.getState().setup.playback.mode).toBe('instant');
  });

  it('Next and Back move freely, reopening questions; a stage without one is shown at once', () => {
    const { store } = storeWithMaps();
    store.getState().openLesson(edge);
    store.getState().goToStage(1);
    expect(store.getState().lesson).toMatchObject({ stage: 1, revealed: true });
    store.getState().goToStage(0);
    expect(store.getState().lesson).toMatchObject({ stage: 0, revealed: false, guess: null });
    store.getState().goToStage(99);
    expect(store.getState().lesson?.stage).toBe(1);
    store.getState().openLesson(edge, { stage: 7 });
    expect(store.getState().lesson?.stage).toBe(1);
  });

  it('a click question keeps the learner’s marker, and the stage’s basin map opens and closes with it', () => {
    const { store, openMap, closeMap } = storeWithMaps();
    store.getState().openLesson(startDecides);
    store.getState().setClickGuess([-1, 0.5]);
    expect(store.getState().lesson?.clickGuess).toEqual([-1, 0.5]);
    store.getState().answerQuestion({ kind: 'click', point: [-1.2, 0.4] });
    expect(store.getState().lesson).toMatchObject({ revealed: true, clickGuess: [-1.2, 0.4] });
    store.getState().setClickGuess([0, 0]);
    expect(store.getState().lesson?.clickGuess).toEqual([-1.2, 0.4]);
    expect(openMap).not.toHaveBeenCalled();
    store.getState().goToStage(1);
    expect(openMap).toHaveBeenCalledWith('basin', store.getState().setup.runs[0].id);
    store.setState({ maps: { ...store.getState().maps, basin: { ...store.getState().maps.basin, open: true } } });
    store.getState().goToStage(0);
    expect(closeMap).toHaveBeenCalledWith('basin');
  });

  it('the learner’s changes are undone by restoring the lesson’s setup; closing leaves the setup', () => {
    const { store } = storeWithMaps();
    store.getState().openLesson(edge);
    const run = store.getState().setup.runs[1].id;
    store.getState().updateRun(run, { lr: 0.2 });
    store.getState().restoreLessonSetup();
    expect(store.getState().setup.runs[1].lr).toBe(1);
    store.getState().closeLesson();
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().setup.runs[1].lr).toBe(1);
  });
});

describe('a lesson in the link', () => {
  const teacher: Lesson = { ...edge, id: 'my-edge', title: 'My edge', controls: ['hide-learning-rate', 'lock-surface'] };

  it('a course lesson travels by id, a teacher’s lesson whole, each with its stage', () => {
    const { store } = storeWithMaps();
    store.getState().openLesson(edge, { stage: 1 });
    const hash = encodeAppHash(store.getState().setup, store.getState().lesson);
    expect(hash).toBe('#v=1&lesson-id=edge-of-stability&stage=2');
    expect(decodeLinkedLesson(hash)).toMatchObject({ ok: true, lesson: edge, stage: 1, problems: [], notice: null });
    store.getState().openLesson(teacher);
    const teacherHash = encodeAppHash(store.getState().setup, store.getState().lesson);
    expect(teacherHash.startsWith(`${encodeLessonHash(teacher)}&stage=1`)).toBe(true);
    expect(decodeLinkedLesson(teacherHash)).toMatchObject({ ok: true, lesson: teacher, stage: 0 });
  });

  it('carries the learner’s setup only when it differs from the lesson’s', () => {
    const { store } = storeWithMaps();
    store.getState().openLesson(edge);
    store.getState().setStart([1, 1]);
    const hash = encodeAppHash(store.getState().setup, store.getState().lesson);
    expect(hash).toMatch(/^#v=1&lesson-id=edge-of-stability&stage=1&s=[A-Za-z0-9_-]+$/);
    expect(decodeSetupHash(hash)?.setup.start).toEqual([1, 1]);
    const other = storeWithMaps().store;
    expect(applyLink(other, hash)).toBe(true);
    expect(other.getState().lesson?.lesson).toBe(edge);
    expect(other.getState().setup.start).toEqual([1, 1]);
    // A setup without a lesson leaves the lesson.
    expect(applyLink(other, '#v=1&s=e30')).toBe(true);
    expect(other.getState().lesson).toBeNull();
  });

  it('says what it could not use: an unknown lesson, a missing stage, a lesson read with problems', () => {
    expect(decodeLinkedLesson('#v=1&lesson-id=no-such-lesson')).toMatchObject({ ok: false, notice: expect.stringContaining('“no-such-lesson”') });
    expect(decodeLinkedLesson('#v=1&lesson-id=edge-of-stability&stage=9')).toMatchObject({ ok: true, stage: 0, notice: expect.stringContaining('stage “9”') });
    const broken = `#v=1&lesson=${Buffer.from(JSON.stringify({ ...teacher, minutes: 99 })).toString('base64url')}&stage=2`;
    const read = decodeLinkedLesson(broken);
    expect(read).toMatchObject({ ok: true, stage: 1, problems: ['minutes: 99 is above the largest allowed, 4; it was set to 4'] });
    expect(read?.ok && read.notice).toBe('This lesson was read with 1 change; the lesson panel lists it.');
    const { store } = storeWithMaps();
    applyLink(store, broken);
    expect(store.getState().lesson?.problems).toEqual(['minutes: 99 is above the largest allowed, 4; it was set to 4']);
    expect(store.getState().notices.map((notice) => notice.text)).toContain('This lesson was read with 1 change; the lesson panel lists it.');
    expect(decodeLinkedLesson('#v=1&s=e30')).toBeNull();
    expect(decodeLinkedLesson(`#lesson=${'A'.repeat(70_000)}`)).toMatchObject({ ok: false });
  });
});
