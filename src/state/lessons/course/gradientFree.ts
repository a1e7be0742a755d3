import type { CourseLesson } from '../claims.ts';
import { choice, LOCK_START, run, sgd } from './pieces.ts';

/** CURRICULUM 1 (learning as minimization: random search and evolutionary methods also work where the weight space is small). */
export const gradientFree: CourseLesson = {
  lesson: {
    version: 1,
    id: 'gradient-free',
    title: 'Search without gradients: random search and a genetic algorithm',
    minutes: 4,
    setup: {
      surface: 'rastrigin',
      start: [-3.3, 2.8],
      steps: 1000,
      runs: [
        sgd('Gradient descent, η = 0.002', 0.002),
        run('random-search', 'Random search, 8 tries a step', 1),
        run('evolution', 'Genetic algorithm, 16 a generation', 1),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'Rastrigin’s landscape is an egg box: a bowl covered in dips, each one a local minimum, with the lowest at (0, 0). Gradient descent follows the slope under its feet. Random search needs no slope: it tries random points near the best one so far and keeps any that is lower. A genetic algorithm breeds a population of points: the better of two random members become parents, their children mix their coordinates and mutate a little, and the best point survives. The chart counts evaluations of the function (a gradient or a loss), so the three are compared at the same cost.',
        question: choice('After 1,000 evaluations each, which has found the lowest point?', ['Gradient descent', 'Random search', 'The genetic algorithm'], 2),
        explanation:
          'You said: {guess}. Gradient descent rolls into the nearest dip: after 1,000 gradients it rests at loss 17.9 near (−2.98, 2.98), a local minimum. With 1,000 evaluations each, random search’s best point is down to 1.0, one dip from the centre, and the genetic algorithm’s to 0.0, at the global minimum (0, 0).',
        reveal: [{ show: 'paths' }, { show: 'chart', x: 'evaluations' }],
      },
      {
        text: 'This is not one lucky seed: over seeds 1 to 10, both gradient-free searches are below 10 at 1,000 evaluations, and the genetic algorithm is below 2.0 every time. In two weights a thousand guesses cover the plot densely. A network has millions of weights, where guesses are lost and only the gradient says which way is down: that is why networks are trained with gradients.',
        reveal: [{ show: 'chart', x: 'evaluations' }],
      },
    ],
  },
  claims: [
    { id: 'gd-local', says: 'Gradient descent rolls into the nearest dip: after 1,000 gradients it rests at loss 17.9 near (−2.98, 2.98), a local minimum.' },
    { id: 'at-budget', says: 'With 1,000 evaluations each, random search’s best point is down to 1.0, one dip from the centre, and the genetic algorithm’s to 0.0, at the global minimum (0, 0).' },
    { id: 'seeds', says: 'over seeds 1 to 10, both gradient-free searches are below 10 at 1,000 evaluations, and the genetic algorithm is below 2.0 every time' },
  ],
  textReviewed: '97086102',
};
