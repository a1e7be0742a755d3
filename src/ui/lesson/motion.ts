/**
 * Opening lessons from the UI: a reveal replays the paths from step 0 unless the
 * person asked for reduced motion, in which case it shows them whole at once.
 */
import { appStore } from '../../state/app.ts';
import type { Lesson } from '../../state/lessons/schema.ts';
import type { LessonCourse } from '../../state/store/lessonSlice.ts';

/** True when the person asked the system for less motion. */
export function animateReveals(): boolean {
  return !(typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches);
}

/** Open `lesson` (in `course`, by default the course when it is one of its lessons) at its first stage. */
export function openLesson(lesson: Lesson, course?: LessonCourse | null, stage = 0): void {
  appStore.getState().openLesson(lesson, { course, stage, animate: animateReveals() });
}

/**
 * The lesson keys: N goes to the next stage (or the next lesson after the last
 * stage), B back one stage. True when the key was the lesson's.
 */
export function lessonKey(key: string): boolean {
  const state = appStore.getState();
  const session = state.lesson;
  if (!session || !['n', 'N', 'b', 'B'].includes(key)) return false;
  const forward = key === 'n' || key === 'N';
  const last = session.stage === session.lesson.stages.length - 1;
  if (forward && last) {
    const lessons = session.course?.lessons ?? [];
    const next = lessons[lessons.findIndex((entry) => entry.id === session.lesson.id) + 1];
    if (!next || lessons.every((entry) => entry.id !== session.lesson.id)) return false;
    openLesson(next, session.course);
    return true;
  }
  if (!forward && session.stage === 0) return false;
  state.goToStage(session.stage + (forward ? 1 : -1), animateReveals());
  return true;
}
