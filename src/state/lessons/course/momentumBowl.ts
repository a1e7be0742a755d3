import type { CourseLesson } from '../claims.ts';
import { bowl, choice, LOCK_START, momentum, PATHS_AND_CHART, sgd } from './pieces.ts';

/** CURRICULUM 6 and 8 (ill-conditioning, momentum), scenario "momentum-bowl": a zig-zag path is not a bumpy loss. */
export const momentumBowl: CourseLesson = {
  lesson: {
    version: 1,
    id: 'momentum-bowl',
    title: 'Momentum on a narrow valley',
    minutes: 3,
    setup: {
      ...bowl(50),
      steps: 150,
      runs: [
        sgd('SGD, η = 0.98', 0.98),
        momentum('Momentum, η = 0.1, μ = 0.9', 0.1, 0.9),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'In a long, narrow bowl (condition number κ = 50: it curves 50 times more steeply across than along) the gradient points mostly across the valley. Plain gradient descent with η = 0.98, just under its limit of 1, bounces from wall to wall and creeps along the floor. Momentum adds up past gradients: the back-and-forth parts cancel while the steady push along the valley builds up.',
        question: choice('Whose loss curve falls smoothly, without bumps?', ['SGD’s', 'Momentum’s', 'Neither'], 0),
        explanation:
          'You said: {guess}. The zig-zag is in SGD’s path, not in its loss: each bounce lands a little lower, so its loss falls at every one of its 150 steps. Momentum’s path swings in a few wide arcs, 15 units long in all against SGD’s 126, but it overshoots and comes back, so its loss rises at 69 of its steps.',
        reveal: PATHS_AND_CHART,
      },
      {
        text: 'Bumpy is not slow. Momentum’s loss first drops below 10⁻⁴ at step 78, SGD’s at step 137, and after 150 steps momentum is at 9.2 × 10⁻⁷ against SGD’s 3.2 × 10⁻⁵, 35 times lower. A smooth loss curve and a fast one are different things.',
        reveal: [{ show: 'chart' }],
      },
    ],
  },
  claims: [
    { id: 'narrow', says: 'condition number κ = 50: it curves 50 times more steeply across than along' },
    { id: 'gradient-across', says: 'the gradient points mostly across the valley' },
    { id: 'sgd-bounces', says: 'bounces from wall to wall and creeps along the floor' },
    { id: 'sgd-smooth-loss', says: 'each bounce lands a little lower, so its loss falls at every one of its 150 steps' },
    { id: 'momentum-arcs', says: 'Momentum’s path swings in a few wide arcs, 15 units long in all against SGD’s 126, but it overshoots and comes back, so its loss rises at 69 of its steps.' },
    { id: 'momentum-faster', says: 'Momentum’s loss first drops below 10⁻⁴ at step 78, SGD’s at step 137, and after 150 steps momentum is at 9.2 × 10⁻⁷ against SGD’s 3.2 × 10⁻⁵, 35 times lower.' },
  ],
  textReviewed: 'f6307f6a',
};
