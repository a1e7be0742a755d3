/**
 * The course: every lesson, in the order a lecture meets its idea
 * (CURRICULUM.md), and COURSE, the class they make.
 */
import type { CourseLesson } from '../claims.ts';
import type { Course, Lesson } from '../schema.ts';
import { edgeOfStability } from './edgeOfStability.ts';

/** Every course lesson with its claims, in lecture order. */
export const COURSE_LESSONS: readonly CourseLesson[] = [edgeOfStability];

/** The lessons alone, as files and links carry them. */
export const LESSONS: readonly Lesson[] = COURSE_LESSONS.map((entry) => entry.lesson);

/** The lesson with this id (own entries only), or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/** A 50-minute first class on gradient descent. */
export const COURSE: Course = {
  version: 1,
  id: 'gradient-descent-first-class',
  title: 'Gradient descent in one class',
  lessons: LESSONS.map((lesson) => lesson.id),
};
