import type { CourseLesson } from '../claims.ts';
import { bowl, choice, FIXED_RATES, PATHS_AND_CHART, sgd } from './pieces.ts';

/** CURRICULUM 3 (step size): the stability limit η < 2/λmax, met exactly at its edge. */
export const edgeOfStability: CourseLesson = {
  lesson: {
    version: 1,
    id: 'edge-of-stability',
    title: 'The edge of stability: η = 2/λmax',
    minutes: 3,
    setup: {
      ...bowl(5),
      steps: 100,
      runs: [
        sgd('η = 0.95', 0.95),
        sgd('η = 1.0', 1),
        sgd('η = 1.05', 1.05),
      ],
    },
    controls: FIXED_RATES,
    stages: [
      {
        text: 'This bowl curves most steeply across its valley, with curvature λmax = 2, so plain gradient descent is stable only while η < 2/λmax = 1. Three runs sit at that edge: η = 0.95, 1.0 and 1.05, for 100 steps each.',
        question: choice('After 100 steps, what has the run with η = 1.0 done?', ['Converged, like η = 0.95', 'Bounced from wall to wall with its loss stuck', 'Flown apart, like η = 1.05'], 1),
        explanation:
          'You said: {guess}. At η = 1.0 every step across the valley lands exactly as high on the other wall, so that part of the error never shrinks, while the part along the valley dies out. The loss settles at {final.loss.run2} and stays there, step after step.',
        reveal: PATHS_AND_CHART,
      },
      {
        text: 'Just below the edge, η = 0.95 shrinks the bounce by |1 − 2η| = 0.9 per step and reaches a loss of 4.7 × 10⁻⁹ after 100 steps. Just above, η = 1.05 grows it by 1.1 per step: the loss rises at every step, from 7.37 to 9.2 × 10⁴ at step 50, where the engine stops it 50 plot widths out; it leaves the plot at its first step and is running away from step 27 on. A 10% change of η around 2/λmax decides between converging and blowing up.',
        reveal: [{ show: 'chart' }],
      },
    ],
  },
  claims: [
    { id: 'edge-is-one', says: 'curves most steeply across its valley, with curvature λmax = 2, so plain gradient descent is stable only while η < 2/λmax = 1' },
    { id: 'one-bounces', says: 'every step across the valley lands exactly as high on the other wall, so that part of the error never shrinks, while the part along the valley dies out' },
    { id: 'one-stuck', says: 'The loss settles at {final.loss.run2} and stays there, step after step.' },
    { id: 'below-converges', says: 'η = 0.95 shrinks the bounce by |1 − 2η| = 0.9 per step and reaches a loss of 4.7 × 10⁻⁹ after 100 steps' },
    { id: 'above-climbs', says: 'η = 1.05 grows it by 1.1 per step: the loss rises at every step, from 7.37 to 9.2 × 10⁴ at step 50, where the engine stops it 50 plot widths out' },
    { id: 'above-leaves', says: 'it leaves the plot at its first step and is running away from step 27 on' },
  ],
  textReviewed: 'c2589d0f',
};
