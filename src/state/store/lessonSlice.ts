/**
 * The lesson slice: the lesson being taught, its stage, and whether the stage's
 * question is still open. Opening a lesson loads its setup; while a question is
 * open nothing of the runs is shown (stageView); answering — or skipping to the
 * answer — reveals what the stage lists, replayed from step 0, and the
 * explanation compares the guess with what the engine did. Nothing depends on a
 * right answer: every stage can be reached with Next and Back.
 */
import type { StateCreator } from 'zustand/vanilla';
import { MAX_STEPS_PER_SECOND, type Point } from '../../core/index.ts';
import { lessonSetup } from '../lessons/build.ts';
import { COURSE, lessonById } from '../lessons/course/index.ts';
import type { Guess } from '../lessons/guess.ts';
import type { ControlFlag, Lesson, Question } from '../lessons/schema.ts';
import { compactLesson } from '../lessons/serialize.ts';
import { stageView, type StageView } from '../lessons/stageView.ts';
import type { Setup } from '../setup.ts';
import type { AppState } from './store.ts';

/** An ordered list of lessons taught one after another (the course, or a teacher's class). */
export interface LessonCourse {
  readonly id: string;
  readonly title: string;
  readonly lessons: readonly Lesson[];
}

export interface LessonSession {
  readonly lesson: Lesson;
  /** The course or class this lesson is taught in, or null for a lesson on its own. */
  readonly course: LessonCourse | null;
  /** True when the lesson is one of the course's, exactly as shipped: its link then carries only its id. */
  readonly builtIn: boolean;
  /** The stage shown, from 0. */
  readonly stage: number;
  /** False while the stage's question waits for an answer; a stage without a question is revealed. */
  readonly revealed: boolean;
  /** The answer given, or null (not answered yet, or skipped). */
  readonly guess: Guess | null;
  /** Where the learner last clicked (or typed) for a "click where it ends" question, before checking it. */
  readonly clickGuess: Point | null;
  /** The setup the lesson opens with, to notice and undo the learner's changes. */
  readonly setup: Setup;
  /** What reading the lesson had to change, in words (from a link or a file). */
  readonly problems: readonly string[];
  /** Counts reveals, so the panel can announce each one. */
  readonly reveals: number;
}

export interface OpenLessonOptions {
  /** The stage to open at, from 0 (clamped). */
  readonly stage?: number;
  /** The course or class; by default the course for a course lesson, none otherwise. */
  readonly course?: LessonCourse | null;
  readonly problems?: readonly string[];
  /** Replay a reveal from step 0 (false: show it whole at once, e.g. with reduced motion). */
  readonly animate?: boolean;
}

export interface LessonSlice {
  readonly lesson: LessonSession | null;
  openLesson(lesson: Lesson, options?: OpenLessonOptions): void;
  closeLesson(): void;
  /** Show stage `stage` (clamped), with its question open. */
  goToStage(stage: number, animate?: boolean): void;
  /** Answer the open question and reveal. */
  answerQuestion(guess: Guess, animate?: boolean): void;
  /** Reveal without answering. */
  skipToAnswer(animate?: boolean): void;
  /** Place (or clear) the marker of a click question. */
  setClickGuess(point: Point | null): void;
  /** Put the lesson's own setup back, keeping the stage. */
  restoreLessonSetup(): void;
  /** Play the current reveal again from step 0. */
  replayReveal(): void;
}

/** A reveal's animation lasts about this long, whatever the number of steps. */
export const REVEAL_SECONDS = 4;

/** The course as a LessonCourse. */
export const BUILT_IN_COURSE: LessonCourse = { id: COURSE.id, title: COURSE.title, lessons: COURSE.lessons.map((id) => lessonById(id)).filter((lesson) => lesson !== undefined) };

/** True when `lesson` is a course lesson exactly as shipped. */
export function isBuiltInLesson(lesson: Lesson): boolean {
  const shipped = lessonById(lesson.id);
  return shipped !== undefined && (shipped === lesson || compactLesson(shipped) === compactLesson(lesson));
}

/** Steps per second that replay `steps` in about REVEAL_SECONDS. */
export function revealSpeed(steps: number): number {
  return Math.min(MAX_STEPS_PER_SECOND, Math.max(10, Math.round(steps / REVEAL_SECONDS)));
}

export function createLessonSlice(): StateCreator<AppState, [], [], LessonSlice> {
  return (set, get) => {
    /** Show what the current stage reveals: the maps it lists (closing others) and the paths, replayed or whole. */
    const showStage = (animate: boolean, replay: boolean): void => {
      const state = get();
      const session = state.lesson;
      if (!session) return;
      const view = stageView(session.lesson, session.stage, session.revealed, state.setup);
      const runId = (index: number | null) => (index === null ? null : (state.setup.runs[index]?.id ?? null));
      const basinRun = runId(view.basinMap);
      const hyperRun = runId(view.hyperMap?.run ?? null);
      if (basinRun !== null) state.openMap('basin', basinRun);
      else if (state.maps.basin.open) state.closeMap('basin');
      if (hyperRun !== null) state.openMap('hyper', hyperRun);
      else if (state.maps.hyper.open) state.closeMap('hyper');
      if (!view.revealed) {
        // Nothing moves while the question is open.
        if (state.setup.playback.mode === 'animate') state.resetPlayback();
        return;
      }
      if (replay && animate) {
        state.setStepsPerSecond(revealSpeed(state.setup.steps));
        state.setPlaybackMode('animate');
        state.resetPlayback();
        state.play();
      } else {
        state.setPlaybackMode('instant');
      }
    };

    const update = (patch: Partial<LessonSession>): LessonSession | null => {
      const session = get().lesson;
      if (!session) return null;
      const next = { ...session, ...patch };
      set({ lesson: next });
      return next;
    };

    const reveal = (guess: Guess | null, animate: boolean): void => {
      const session = get().lesson;
      if (!session || session.revealed) return;
      update({ revealed: true, guess, reveals: session.reveals + 1 });
      showStage(animate, true);
    };

    return {
      lesson: null,

      openLesson(lesson, options = {}) {
        const builtIn = isBuiltInLesson(lesson);
        const setup = lessonSetup(lesson);
        const stage = Math.max(0, Math.min(lesson.stages.length - 1, Math.floor(options.stage ?? 0)));
        const course = options.course !== undefined ? options.course : builtIn ? BUILT_IN_COURSE : null;
        const state = get();
        state.replaceSetup(setup);
        state.selectRun(null);
        set({
          lesson: {
            lesson,
            course: course && course.lessons.some((entry) => entry.id === lesson.id) ? course : null,
            builtIn,
            stage,
            revealed: lesson.stages[stage].question === undefined,
            guess: null,
            clickGuess: null,
            setup,
            problems: options.problems ?? [],
            reveals: 0,
          },
        });
        showStage(options.animate ?? true, false);
      },

      closeLesson() {
        if (get().lesson === null) return;
        set({ lesson: null });
      },

      goToStage(stage, animate = true) {
        const session = get().lesson;
        if (!session) return;
        const index = Math.max(0, Math.min(session.lesson.stages.length - 1, Math.floor(stage)));
        const hasQuestion = session.lesson.stages[index].question !== undefined;
        update({ stage: index, revealed: !hasQuestion, guess: null, clickGuess: null, reveals: hasQuestion ? session.reveals : session.reveals + 1 });
        showStage(animate, false);
      },

      answerQuestion(guess, animate = true) {
        const question = get().lesson?.lesson.stages[get().lesson!.stage].question;
        if (!question || question.kind !== guess.kind) return;
        if (guess.kind === 'click') update({ clickGuess: guess.point });
        reveal(guess, animate);
      },

      skipToAnswer(animate = true) {
        reveal(null, animate);
      },

      setClickGuess(point) {
        const session = get().lesson;
        if (!session || session.revealed) return;
        update({ clickGuess: point });
      },

      restoreLessonSetup() {
        const session = get().lesson;
        if (!session) return;
        get().replaceSetup(session.setup);
        showStage(false, false);
      },

      replayReveal() {
        const session = get().lesson;
        if (!session?.revealed) return;
        showStage(true, true);
      },
    };
  };
}

/** What the current stage shows of the current setup, or null when no lesson is taught. */
export function currentStageView(state: Pick<AppState, 'lesson' | 'setup'>): StageView | null {
  const session = state.lesson;
  return session ? stageView(session.lesson, session.stage, session.revealed, state.setup) : null;
}

/** True when the lesson being taught sets `flag` (hides or locks a control). */
export function lessonControl(state: Pick<AppState, 'lesson'>, flag: ControlFlag): boolean {
  return state.lesson?.lesson.controls?.includes(flag) ?? false;
}

/** The open question of the current stage, or null. */
export function openQuestion(state: Pick<AppState, 'lesson'>): Question | null {
  const session = state.lesson;
  if (!session || session.revealed) return null;
  return session.lesson.stages[session.stage].question ?? null;
}
