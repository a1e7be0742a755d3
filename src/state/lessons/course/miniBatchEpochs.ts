import type { CourseLesson } from '../claims.ts';
import { BATCH_SIZES, batchSizeRuns, choice, FIXED_RATES, LINE_FIT } from './pieces.ts';

/** CURRICULUM 4 (full batch, mini-batch, stochastic): counted in examples, small batches are cheaper. */
export const miniBatchEpochs: CourseLesson = {
  lesson: {
    version: 1,
    id: 'minibatch-epochs',
    title: 'Counted in examples, small batches win',
    minutes: 3,
    setup: {
      ...LINE_FIT,
      steps: 64,
      runs: batchSizeRuns(1),
    },
    controls: FIXED_RATES,
    stages: [
      {
        text: 'A step costs one gradient per row in its batch, so count the cost in examples, not in steps. One epoch is one pass over all 64 rows: 64 steps with B = 1, 4 steps with B = 16, a single step with the full batch. All three runs start 3.54 from the least-squares answer, with η = 0.05.',
        question: choice('After one epoch each, which run is closest to the answer?', BATCH_SIZES, 0),
        explanation:
          'You said: {guess}. After one epoch B = 1 is 0.12 from the answer, B = 16 is 2.3 away, and the full batch, after its single step, is still 3.17 away. Each row’s gradient moves the line at once instead of waiting for the other 63. This is one draw: over seeds 1 to 20, B = 1 ends its first epoch between 0.03 and 0.23 from the answer.',
        reveal: [{ show: 'paths', upToEpoch: 1 }, { show: 'chart', x: 'epochs' }],
      },
      {
        text: 'Counted in steps, the order flips: after 64 steps the full batch is 0.006 from the answer, while B = 1, still jittering, is where its first epoch left it, 0.12 away. Per step the full batch wins; per example the small batch does, and on real data an example is what a step costs.',
        reveal: [{ show: 'paths' }, { show: 'chart', x: 'steps' }],
      },
    ],
  },
  claims: [
    { id: 'epoch-steps', says: 'One epoch is one pass over all 64 rows: 64 steps with B = 1, 4 steps with B = 16, a single step with the full batch.' },
    { id: 'start', says: 'All three runs start 3.54 from the least-squares answer' },
    { id: 'after-epoch', says: 'After one epoch B = 1 is 0.12 from the answer, B = 16 is 2.3 away, and the full batch, after its single step, is still 3.17 away.' },
    { id: 'seeds', says: 'over seeds 1 to 20, B = 1 ends its first epoch between 0.03 and 0.23 from the answer' },
    { id: 'per-step', says: 'after 64 steps the full batch is 0.006 from the answer, while B = 1, still jittering, is where its first epoch left it, 0.12 away' },
  ],
  textReviewed: '9f091e5a',
};
