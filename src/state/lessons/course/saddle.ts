import type { CourseLesson } from '../claims.ts';
import { choice, LOCK_START, momentum, PATHS_AND_CHART, run, sgd } from './pieces.ts';

/** CURRICULUM 5 (stationary points), scenario "saddle": slow near a saddle, not stuck; Adam scales each coordinate. */
export const saddle: CourseLesson = {
  lesson: {
    version: 1,
    id: 'saddle',
    title: 'A saddle point slows plain gradient descent',
    minutes: 4,
    setup: {
      surface: 'saddle',
      start: [-1.5, 0.001],
      steps: 1000,
      runs: [
        sgd('SGD, η = 0.01', 0.01),
        momentum('Momentum, η = 0.01, μ = 0.9', 0.01, 0.9),
        run('adam', 'Adam, η = 0.05', 0.05),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'At a saddle point the gradient vanishes although the point is no minimum. This surface curves up along x and down along y: the saddle is at the origin and the minima are at (0, ±1). All three runs start a hair off the ridge, at (−1.5, 0.001).',
        question: choice('Plain gradient descent slides toward the saddle. Does it ever leave?', ['No, it stays at the saddle', 'Yes, but only after hundreds of steps', 'Yes, within 50 steps'], 1),
        explanation:
          'You said: {guess}. Near the saddle the slope along y is about −y, tiny while y is tiny, so y grows only by a factor 1 + η = 1.01 per step. Plain gradient descent comes within 0.015 of the saddle (at step 254) and lingers there, but it does leave: |y| passes 0.5 at step 639, and by step 805 it is within 0.05 of the minimum at (0, 1).',
        reveal: [{ show: 'paths', runs: [0] }, { show: 'chart' }],
      },
      {
        text: 'Momentum adds up past gradients, so the small push along y builds up faster: it passes even closer to the saddle, within 0.008 at step 37, yet |y| passes 0.5 already at step 105. Adam scales each coordinate’s step by that coordinate’s own gradient history, so the tiny slope along y gets a full-size step.',
        question: { kind: 'click', prompt: 'Click where you think Adam’s run ends.', run: 2, radius: 0.2 },
        explanation:
          'Adam’s first step moves y by η = 0.05, as far as it moves x, although the slope along y is 3,000 times smaller. So it never comes near the saddle: while |y| < 0.1 it stays at least 1.40 away from it. It ends at ({final.x.run3}, {final.y.run3}); your click was {miss} away.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'shape', says: 'This surface curves up along x and down along y: the saddle is at the origin and the minima are at (0, ±1).' },
    { id: 'slow-growth', says: 'Near the saddle the slope along y is about −y, tiny while y is tiny, so y grows only by a factor 1 + η = 1.01 per step.' },
    { id: 'sgd-lingers', says: 'Plain gradient descent comes within 0.015 of the saddle (at step 254) and lingers there' },
    { id: 'sgd-leaves', says: 'it does leave: |y| passes 0.5 at step 639, and by step 805 it is within 0.05 of the minimum at (0, 1)' },
    { id: 'momentum', says: 'it passes even closer to the saddle, within 0.008 at step 37, yet |y| passes 0.5 already at step 105' },
    { id: 'adam-first-step', says: 'Adam’s first step moves y by η = 0.05, as far as it moves x, although the slope along y is 3,000 times smaller.' },
    { id: 'adam-far', says: 'while |y| < 0.1 it stays at least 1.40 away from it' },
  ],
  textReviewed: 'a3405dc2',
};
