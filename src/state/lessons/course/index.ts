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
import { gradientFree } from './gradientFree.ts';
import { miniBatch } from './miniBatch.ts';
import { miniBatchEpochs } from './miniBatchEpochs.ts';
import { momentumBowl } from './momentumBowl.ts';
import { momentumValleys } from './momentumValleys.ts';
import { nesterovLookAhead } from './nesterovLookAhead.ts';
import { realNetwork } from './realNetwork.ts';
import { notesVsTorch } from './notesVsTorch.ts';
import { saddle } from './saddle.ts';
import { scheduleRescue } from './scheduleRescue.ts';
import { startDecides } from './startDecides.ts';
import { steepestDescent } from './steepestDescent.ts';
import { stepSize } from './stepSize.ts';
import { weightDecay } from './weightDecay.ts';

/** Every course lesson with its claims, in lecture order. */
export const COURSE_LESSONS: readonly CourseLesson[] = [
  gradientFree, // 1. learning as minimization: searching without gradients
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
  nesterovLookAhead,
  adagradRmsprop, // 9. adaptive learning rates
  adamRosenbrock,
  scheduleRescue, // 10. schedules
  decayNoiseFloor,
  notesVsTorch, // the notes' conventions against torch's
  weightDecay, // regularisation in torch: L2 against decoupled decay
  realNetwork, // a real network's loss: not a bowl
];

/** The lessons alone, as files and links carry them. */
export const LESSONS: readonly Lesson[] = COURSE_LESSONS.map((entry) => entry.lesson);

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/**
 * A 50-minute first class on gradient descent: fourteen lessons in lecture order (46 minutes,
 * leaving a few for questions). The other lessons stay available on their own.
 */
export const COURSE: Course = {
  version: 1,
  id: 'gradient-descent-first-class',
  title: 'Gradient descent in one class',
  lessons: [
    'gradient-free',
    'steepest-descent',
    'step-size',
    'edge-of-stability',
    'minibatch',
    'saddle',
    'start-decides',
    'momentum-bowl',
    'momentum-valleys',
    'adagrad-rmsprop',
    'adam-rosenbrock',
    'schedule-rescue',
    'decay-noise-floor',
    'notes-vs-torch',
  ],
};
