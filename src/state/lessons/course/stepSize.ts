import type { CourseLesson } from '../claims.ts';
import { bowl, choice, LOCK_START, PATHS_AND_CHART, sgd } from './pieces.ts';

/** CURRICULUM 3 (step size), scenario "step-size": too small crawls, too big climbs. */
export const stepSize: CourseLesson = {
  lesson: {
    version: 1,
    id: 'step-size',
    title: 'Step size: too small, just right, too big',
    minutes: 3,
    setup: {
      ...bowl(5),
      steps: 100,
      runs: [
        sgd('η = 0.005', 0.005),
        sgd('η = 0.45', 0.45),
        sgd('η = 1.1', 1.1),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'The same gradient descent three times on the same bowl, from the same start; only the learning rate differs: η = 0.005, 0.45 and 1.1, for 100 steps.',
        question: choice('Which run ends lowest?', ['η = 0.005', 'η = 0.45', 'η = 1.1'], 1),
        explanation:
          'You said: {guess}. η = 0.45 ends at a loss of {final.loss.run2}. η = 0.005 crawls: after 100 steps its loss is still 1.37, a fifth of the 7.37 it started from. η = 1.1 overshoots the valley floor by more than it started from, every time.',
        reveal: PATHS_AND_CHART,
      },
      {
        text: 'So gradient descent does not only go downhill: with η = 1.1 the loss rises at every one of its steps: its first step already leaves the plot, it is running away from step 14 on, and the engine stops it at step 27, 50 plot widths out. On a quadratic, plain gradient descent is stable only while η < 2/λmax. This bowl’s steepest curvature is λmax = 2, so every η above 1 climbs without bound in the end, even η = 1.01.',
        reveal: [{ show: 'chart' }],
      },
    ],
  },
  claims: [
    { id: 'middle-lowest', says: 'η = 0.45 ends at a loss of {final.loss.run2}' },
    { id: 'small-crawls', says: 'η = 0.005 crawls: after 100 steps its loss is still 1.37, a fifth of the 7.37 it started from' },
    { id: 'big-overshoots', says: 'η = 1.1 overshoots the valley floor by more than it started from, every time' },
    { id: 'big-climbs', says: 'with η = 1.1 the loss rises at every one of its steps: its first step already leaves the plot, it is running away from step 14 on, and the engine stops it at step 27, 50 plot widths out' },
    { id: 'limit', says: 'This bowl’s steepest curvature is λmax = 2, so every η above 1 climbs without bound in the end, even η = 1.01.' },
  ],
  textReviewed: 'e7fce59a',
};
