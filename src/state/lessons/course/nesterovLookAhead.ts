import type { CourseLesson } from '../claims.ts';
import { bowl, choice, LOCK_START, momentum, PATHS_AND_CHART, run } from './pieces.ts';

/** CURRICULUM 8 (momentum): Nesterov evaluates the correction with a look-ahead. */
export const nesterovLookAhead: CourseLesson = {
  lesson: {
    version: 1,
    id: 'nesterov-look-ahead',
    title: 'Nesterov looks ahead before it steps',
    minutes: 3,
    setup: {
      ...bowl(10),
      steps: 200,
      runs: [
        momentum('Momentum, η = 0.1, μ = 0.9', 0.1, 0.9),
        run('nesterov', 'Nesterov, η = 0.1, μ = 0.9', 0.1, { momentum: 0.9 }),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'Momentum takes its gradient where the ball is, then lets the velocity carry it on. Nesterov’s momentum takes the gradient where the velocity is about to carry the ball, the notes’ v ← μv − η∇L(θ + μv), so it feels the far wall before it gets there. torch computes the same path without a second gradient: its θ is the notes’ look-ahead point θ + μv.',
        question: choice('Both have η = 0.1 and μ = 0.9. Which loss first falls below 10⁻⁶?', ['Momentum’s, a little sooner', 'Nesterov’s, in about half the steps', 'Both at the same step'], 1),
        explanation:
          'You said: {guess}. Nesterov’s loss first falls below 10⁻⁶ at step 61, momentum’s at step 126. Nesterov’s loss also rises less often, at 66 of its 200 steps against 90: braking before the wall wastes less of each swing.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'torch-is-look-ahead', says: 'torch computes the same path without a second gradient: its θ is the notes’ look-ahead point θ + μv' },
    { id: 'first-below', says: 'Nesterov’s loss first falls below 10⁻⁶ at step 61, momentum’s at step 126.' },
    { id: 'fewer-climbs', says: 'Nesterov’s loss also rises less often, at 66 of its 200 steps against 90' },
  ],
  textReviewed: 'ed89aec2',
};
