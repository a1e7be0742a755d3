import type { CourseLesson } from '../claims.ts';
import { choice, LINE_FIT, ONE_OVER_T, PATHS_AND_CHART, sgd } from './pieces.ts';

/** CURRICULUM 4 and 10 (mini-batches, schedules): a decaying η gets below the noise floor of B = 1. */
export const decayNoiseFloor: CourseLesson = {
  lesson: {
    version: 1,
    id: 'decay-noise-floor',
    title: 'Decaying the learning rate beats the noise floor',
    minutes: 3,
    setup: {
      ...LINE_FIT,
      steps: 400,
      runs: [
        sgd('B = 1, η = 0.05 constant', 0.05, { batchSize: 1, seed: 1 }),
        sgd('B = 1, η = 0.05 with 1/t decay', 0.05, { schedule: ONE_OVER_T, batchSize: 1, seed: 1 }),
      ],
    },
    controls: ['hide-learning-rate', 'hide-batch-size', 'lock-start'],
    stages: [
      {
        text: 'With one row per step the gradient is noisy even at the answer: there each row’s own gradient is far from zero, only their average is zero. At a constant η the ball never settles; it keeps hopping around the least-squares line. Both runs use B = 1 and η = 0.05; the second decays it as η_t = 0.05/(1 + 0.05t).',
        question: choice('After 400 steps, how close to the answer is the decayed run, compared with the constant one?', ['About as close', 'About twice as close', 'About ten times as close', 'Farther away'], 2),
        explanation:
          'You said: {guess}. The constant run ends 0.22 from the answer, the decayed one 0.025: 8.6 times closer. That is one draw of the noise: over seeds 1 to 20 the decayed run ends closer every time, by a factor between 2.7 and 90, with a median of 9.8. Smaller steps average the noise over more rows before they move far.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'noisy-at-answer', says: 'there each row’s own gradient is far from zero, only their average is zero' },
    { id: 'constant-hops', says: 'At a constant η the ball never settles; it keeps hopping around the least-squares line.' },
    { id: 'ten-times', says: 'The constant run ends 0.22 from the answer, the decayed one 0.025: 8.6 times closer.' },
    { id: 'seeds', says: 'over seeds 1 to 20 the decayed run ends closer every time, by a factor between 2.7 and 90, with a median of 9.8' },
  ],
  textReviewed: '1e3c86e5',
};
