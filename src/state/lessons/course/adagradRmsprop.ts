import type { CourseLesson } from '../claims.ts';
import { choice, LOCK_START, PATHS_AND_CHART, run } from './pieces.ts';

/** CURRICULUM 9 (adaptive learning rates), scenario "adagrad-rmsprop": AdaGrad's steps shrink, yet it converges. */
export const adagradRmsprop: CourseLesson = {
  lesson: {
    version: 1,
    id: 'adagrad-rmsprop',
    title: 'AdaGrad’s shrinking steps vs RMSprop’s leaky average',
    minutes: 3,
    setup: {
      surface: 'booth',
      start: [-8, -6],
      steps: 3000,
      runs: [
        run('adagrad', 'AdaGrad, η = 0.5', 0.5),
        run('rmsprop', 'RMSprop, η = 0.05', 0.05),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'Both divide each coordinate’s step by the size of its past gradients, and here both take the same first step, 0.71 long. AdaGrad adds up every squared gradient forever, so the large gradients of its first steps keep its later steps small. RMSprop keeps a leaky average instead (α = 0.99), so old gradients fade.',
        reveal: [{ show: 'paths', upToStep: 300 }],
      },
      {
        text: 'After 300 steps AdaGrad is still 0.33 from the minimum at (1, 3), where RMSprop is 0.009 away, and AdaGrad’s last step is 200 times shorter than its first.',
        question: choice('Run both longer. Does AdaGrad reach the minimum?', ['No: its steps shrink to nothing and it stalls short of it', 'Yes, only more slowly than RMSprop'], 1),
        explanation:
          'You said: {guess}. AdaGrad converges: after 1,000 steps it is 1.7 × 10⁻⁴ from the minimum, after 3,000 steps 8 × 10⁻¹⁴. Once its gradients are small, its sum of squared gradients hardly grows any more, so its steps stop shrinking. To stay within 10⁻⁴ of the minimum it needs 1,051 steps and RMSprop 382: about three times as many.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'same-first-step', says: 'here both take the same first step, 0.71 long' },
    { id: 'adagrad-sums', says: 'AdaGrad adds up every squared gradient forever' },
    { id: 'rmsprop-leaky', says: 'RMSprop keeps a leaky average instead (α = 0.99)' },
    { id: 'after-300', says: 'After 300 steps AdaGrad is still 0.33 from the minimum at (1, 3), where RMSprop is 0.009 away, and AdaGrad’s last step is 200 times shorter than its first.' },
    { id: 'converges', says: 'after 1,000 steps it is 1.7 × 10⁻⁴ from the minimum, after 3,000 steps 8 × 10⁻¹⁴' },
    { id: 'sum-settles', says: 'Once its gradients are small, its sum of squared gradients hardly grows any more, so its steps stop shrinking.' },
    { id: 'three-times', says: 'To stay within 10⁻⁴ of the minimum it needs 1,051 steps and RMSprop 382: about three times as many.' },
  ],
  textReviewed: 'bd28c20d',
};
