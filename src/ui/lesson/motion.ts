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
