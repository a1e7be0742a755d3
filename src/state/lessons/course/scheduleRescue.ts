import type { CourseLesson } from '../claims.ts';
import { bowl, choice, FIXED_RATES, ONE_OVER_T, PATHS_AND_CHART, sgd } from './pieces.ts';

/** CURRICULUM 10 (schedules), scenario "schedule-rescue": a decaying η rescues a start that is too big. */
export const scheduleRescue: CourseLesson = {
  lesson: {
    version: 1,
    id: 'schedule-rescue',
    title: 'A schedule rescues a step that is too big',
    minutes: 3,
    setup: {
      ...bowl(5),
      steps: 150,
      runs: [
        sgd('η = 1.15, constant', 1.15),
        sgd('η = 1.15, 1/t decay', 1.15, { schedule: ONE_OVER_T }),
      ],
    },
    controls: FIXED_RATES,
    stages: [
      {
        text: 'η = 1.15 is above this bowl’s stability limit of 1: with constant steps each one overshoots the valley floor more than the last, and the run leaves the plot at its first step and is running away from step 10 on. The second run starts from the same point with the same η, but under a 1/t decay, η_t = 1.15/(1 + 0.05t).',
        question: choice('What does the decayed run do?', ['It diverges too, only later', 'It climbs for a few steps, then settles into the minimum', 'It never climbs at all'], 1),
        explanation:
          'You said: {guess}. After three steps η_t has fallen to 1.0, the limit, and it stays below from then on. The loss climbs for three steps, peaks at 19.0, then falls to {final.loss.run2} after 150 steps. What decides stability is the η a run ends up with, not the one it starts with.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'constant-diverges', says: 'with constant steps each one overshoots the valley floor more than the last, and the run leaves the plot at its first step and is running away from step 10 on' },
    { id: 'decay-below-limit', says: 'After three steps η_t has fallen to 1.0, the limit, and it stays below from then on.' },
    { id: 'climbs-then-settles', says: 'The loss climbs for three steps, peaks at 19.0, then falls to {final.loss.run2} after 150 steps.' },
  ],
  textReviewed: '8cbef8c6',
};
