import type { CourseLesson } from '../claims.ts';
import { BATCH_SIZES, batchSizeRuns, choice, FIXED_RATES, LINE_FIT, PATHS_AND_CHART } from './pieces.ts';

/** CURRICULUM 4 (full batch, mini-batch, stochastic), scenario "minibatch": the noise of small batches. */
export const miniBatch: CourseLesson = {
  lesson: {
    version: 1,
    id: 'minibatch',
    title: 'Mini-batch noise: 1, 16 or all 64 rows',
    minutes: 3,
    setup: {
      ...LINE_FIT,
      steps: 200,
      runs: batchSizeRuns(7),
    },
    controls: FIXED_RATES,
    stages: [
      {
        text: 'The loss of a line fitted to data is the average of one loss per data row, L = (1/N) Σ Lᵢ, here over N = 64 rows. Full-batch gradient descent averages the gradients of all 64 rows at every step; a mini-batch averages a random few, which is cheaper but only an estimate of the true gradient. Three runs with η = 0.05 use 1, 16 and 64 rows per step, for 200 steps.',
        question: choice('In their last 100 steps, whose path is the most jagged?', BATCH_SIZES, 0),
        explanation:
          'You said: {guess}. With one row per step the path is spiky: over its last 100 steps it moves 4.3 times as far per step as with 16 rows. Averaging all 64 rows gives the smooth full-batch path, whose last steps are thousands of times shorter still. The noise is around the same answer: all three end within 0.03 of the least-squares line.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'rows', says: 'here over N = 64 rows' },
    { id: 'one-spiky', says: 'over its last 100 steps it moves 4.3 times as far per step as with 16 rows' },
    { id: 'full-smooth', says: 'Averaging all 64 rows gives the smooth full-batch path, whose last steps are thousands of times shorter still.' },
    { id: 'same-answer', says: 'all three end within 0.03 of the least-squares line' },
  ],
  textReviewed: 'e8a9447c',
};
