import type { CourseLesson } from '../claims.ts';
import { choice, momentum, sgd } from './pieces.ts';

/** CURRICULUM 7 and 8 (local minima, momentum): momentum carries a ball past a shallow well, and sometimes past the deepest. */
export const momentumValleys: CourseLesson = {
  lesson: {
    version: 1,
    id: 'momentum-valleys',
    title: 'Momentum rolls past a shallow well',
    minutes: 4,
    setup: {
      surface: 'valleys',
      start: [3, -2],
      steps: 400,
      runs: [
        sgd('SGD', 0.1),
        momentum('μ = 0.5', 0.1, 0.5),
        momentum('μ = 0.9', 0.1, 0.9),
        momentum('μ = 0.9 from (3.5, −2.5)', 0.1, 0.9, { start: [3.5, -2.5] }),
        momentum('μ = 0.95 from (3.5, −2.5)', 0.1, 0.95, { start: [3.5, -2.5] }),
      ],
    },
    controls: ['hide-learning-rate'],
    stages: [
      {
        text: 'This landscape has three wells: the deepest at (1.47, 0.98), a middle one at (−1.47, −0.49) and a shallow one at (0.59, −2.15). From (3, −2), plain gradient descent with η = 0.1 rolls into the shallow well, the one whose basin it starts in. Two heavier balls start there too, with the same η: momentum with μ = 0.5 and with μ = 0.9.',
        question: choice('Where does the ball with μ = 0.9 end?', ['In the shallow well, like SGD', 'In the deepest well', 'In the middle well'], 1),
        explanation:
          'You said: {guess}. With μ = 0.5 the ball still stops in the shallow well. With μ = 0.9 it keeps its speed: by step 11 it has rolled out of the shallow well’s basin, and it settles in the deepest well, at a loss of −1.84 against the shallow well’s −0.75.',
        reveal: [{ show: 'paths', runs: [0, 1, 2] }, { show: 'basin-map', run: 0 }],
      },
      {
        text: 'So is more momentum a way to find the deepest well? Start two balls at (3.5, −2.5): μ = 0.9 again ends in the deepest well.',
        question: choice('Where does the ball with μ = 0.95 end, from (3.5, −2.5)?', ['In the shallow well', 'In the deepest well', 'In the middle well'], 2),
        explanation:
          'You said: {guess}. With μ = 0.95 the ball crosses the deepest well’s basin (steps 13 to 18) without stopping and settles in the middle well, at −1.28. Momentum carries a ball past shallow dips and past deep ones alike; where it stops depends on how fast it is going when it gets there.',
        reveal: [{ show: 'paths', runs: [3, 4] }, { show: 'basin-map', run: 0 }],
      },
    ],
  },
  claims: [
    { id: 'wells', says: 'the deepest at (1.47, 0.98), a middle one at (−1.47, −0.49) and a shallow one at (0.59, −2.15)' },
    { id: 'sgd-shallow', says: 'plain gradient descent with η = 0.1 rolls into the shallow well, the one whose basin it starts in' },
    { id: 'half-shallow', says: 'With μ = 0.5 the ball still stops in the shallow well.' },
    { id: 'heavy-deepest', says: 'by step 11 it has rolled out of the shallow well’s basin, and it settles in the deepest well, at a loss of −1.84 against the shallow well’s −0.75' },
    { id: 'counter-start', says: 'Start two balls at (3.5, −2.5): μ = 0.9 again ends in the deepest well.' },
    { id: 'heavier-past', says: 'With μ = 0.95 the ball crosses the deepest well’s basin (steps 13 to 18) without stopping and settles in the middle well, at −1.28.' },
  ],
  textReviewed: 'feb695ba',
};
