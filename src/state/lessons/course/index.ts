/**
 * The course: every lesson, in the order a lecture meets its idea
 * (CURRICULUM.md), and COURSE, the class they make.
 */
import type { CourseLesson } from '../claims.ts';
import type { Course, Lesson } from '../schema.ts';
import { adagradRmsprop } from './adagradRmsprop.ts';
import { adamRosenbrock } from './adamRosenbrock.ts';
import { decayNoiseFloor } from './decayNoiseFloor.ts';
import { edgeOfStability } from './edgeOfStability.ts';
import { effectiveLearningRate } from './effectiveLearningRate.ts';
import { miniBatch } from './miniBatch.ts';
import { miniBatchEpochs } from './miniBatchEpochs.ts';
import { momentumBowl } from './momentumBowl.ts';
import { momentumValleys } from './momentumValleys.ts';
import { notesVsTorch } from './notesVsTorch.ts';
import { saddle } from './saddle.ts';
import { scheduleRescue } from './scheduleRescue.ts';
import { startDecides } from './startDecides.ts';
import { steepestDescent } from './steepestDescent.ts';
import { stepSize } from './stepSize.ts';

/** Every course lesson with its claims, in lecture order. */
export const COURSE_LESSONS: readonly CourseLesson[] = [
  steepestDescent, // 2. why the negative gradient
  stepSize, // 3. step size
  edgeOfStability,
  miniBatch, // 4. full batch, mini-batch, stochastic
  miniBatchEpochs,
  saddle, // 5. stationary points
  startDecides, // 7. local minima and initial conditions
  momentumBowl, // 6 and 8. ill-conditioning, momentum
  effectiveLearningRate, // 8. momentum
  momentumValleys,
  adagradRmsprop, // 9. adaptive learning rates
  adamRosenbrock,
  scheduleRescue, // 10. schedules
  decayNoiseFloor,
  notesVsTorch, // the notes' conventions against torch's
];

/** The lessons alone, as files and links carry them. */
export const LESSONS: readonly Lesson[] = COURSE_LESSONS.map((entry) => entry.lesson);

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/** A 50-minute first class on gradient descent: every lesson, in lecture order. */
export const COURSE: Course = {
  version: 1,
  id: 'gradient-descent-first-class',
  title: 'Gradient descent in one class',
  lessons: LESSONS.map((lesson) => lesson.id),
};
