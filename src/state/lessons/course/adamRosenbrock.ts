import type { CourseLesson } from '../claims.ts';
import { choice, LOCK_START, momentum, PATHS_AND_CHART, run } from './pieces.ts';

/** CURRICULUM 9 (adaptive learning rates), scenario "adam-rosenbrock": steep walls limit momentum's η, not Adam's. */
export const adamRosenbrock: CourseLesson = {
  lesson: {
    version: 1,
    id: 'adam-rosenbrock',
    title: 'Adam vs momentum in Rosenbrock’s curved valley',
    minutes: 3,
    setup: {
      surface: 'rosenbrock',
      start: [-1.2, 1],
      steps: 1000,
      runs: [
        momentum('Momentum, η = 0.002', 0.002, 0.9),
        momentum('Momentum, η = 0.004', 0.004, 0.9),
        run('adam', 'Adam, η = 0.2', 0.2),
        run('adam', 'Adam, η = 0.4', 0.4),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'Rosenbrock’s valley is steep across and nearly flat along its curving floor, the parabola y = x², with the minimum at (1, 1). SGD with momentum (η = 0.002, μ = 0.9) races along the floor but swings from wall to wall: in 1,000 steps its path crosses the floor’s centre line 75 times.',
        question: choice('Double momentum’s learning rate to 0.004. What happens?', ['It arrives sooner', 'The steep walls throw it out: it diverges', 'It stops short of the minimum'], 1),
        explanation:
          'You said: {guess}. At η = 0.004 it leaves the plot at step 4 and is running away from step 12 on. Of the rates from 0.0001 to 2 tried here, momentum reaches the minimum only for 0.001 to 0.003, and it diverges for every rate from 0.0035 up.',
        reveal: [{ show: 'paths', runs: [0, 1] }, { show: 'chart' }],
      },
      {
        text: 'Adam scales each coordinate’s step by that coordinate’s own gradient history, so no step moves a coordinate by more than η, however steep the wall. With η = 0.2 its path crosses the floor’s centre line only 18 times and ends with a loss of 2 × 10⁻⁹.',
        question: choice('Double Adam’s learning rate to 0.4. What happens?', ['It still reaches the minimum', 'It diverges', 'It stalls'], 0),
        explanation:
          'You said: {guess}. With η = 0.4 Adam ends within 10⁻⁵ of (1, 1). None of the Adam rates from 0.0001 to 2 diverges here; a rate that is too small only makes it slow.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'valley', says: 'Rosenbrock’s valley is steep across and nearly flat along its curving floor, the parabola y = x², with the minimum at (1, 1).' },
    { id: 'momentum-swings', says: 'races along the floor but swings from wall to wall: in 1,000 steps its path crosses the floor’s centre line 75 times' },
    { id: 'double-diverges', says: 'At η = 0.004 it leaves the plot at step 4 and is running away from step 12 on.' },
    { id: 'momentum-range', says: 'Of the rates from 0.0001 to 2 tried here, momentum reaches the minimum only for 0.001 to 0.003, and it diverges for every rate from 0.0035 up.' },
    { id: 'adam-bounded', says: 'no step moves a coordinate by more than η, however steep the wall' },
    { id: 'adam-hugs', says: 'With η = 0.2 its path crosses the floor’s centre line only 18 times and ends with a loss of 2 × 10⁻⁹.' },
    { id: 'adam-double', says: 'With η = 0.4 Adam ends within 10⁻⁵ of (1, 1).' },
    { id: 'adam-never-diverges', says: 'None of the Adam rates from 0.0001 to 2 diverges here; a rate that is too small only makes it slow.' },
  ],
  textReviewed: 'aaf95748',
};
