import type { CourseLesson } from '../claims.ts';
import { bowl, choice, LOCK_START, momentum, PATHS_AND_CHART, sgd } from './pieces.ts';

/** CURRICULUM 8 (momentum): the effective learning rate η/(1 − μ) holds where the gradient is steady, not across a valley. */
export const effectiveLearningRate: CourseLesson = {
  lesson: {
    version: 1,
    id: 'effective-learning-rate',
    title: 'The effective learning rate η/(1 − μ)',
    minutes: 4,
    setup: {
      ...bowl(100),
      steps: 300,
      runs: [
        sgd('SGD, η = 0.1', 0.1),
        momentum('Momentum, η = 0.01, μ = 0.9', 0.01, 0.9),
        sgd('SGD, η = 1.0', 1),
        momentum('Momentum, η = 0.1, μ = 0.9', 0.1, 0.9),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'With momentum a steady gradient g adds up: b = g + μg + μ²g + … approaches g/(1 − μ), so each step approaches η/(1 − μ) times g. That is the effective learning rate: with η = 0.01 and μ = 0.9, momentum moves like plain gradient descent with η = 0.1 wherever the gradient holds steady. This bowl (κ = 100) is 100 times flatter along its valley than across it, and along the valley the gradient changes slowly. Here is SGD with η = 0.1 for 300 steps.',
        reveal: [{ show: 'paths', runs: [0] }],
      },
      {
        text: 'Momentum with η = 0.01 and μ = 0.9 starts from the same point.',
        question: { kind: 'click', prompt: 'Click where you think the momentum run ends after 300 steps.', run: 1, radius: 0.25 },
        explanation:
          'Your click was {miss} from where it ended. Neither run has reached the minimum after 300 steps, and along the valley they end at the same place: their positions along it differ by less than 1% (−1.049 against −1.041).',
        reveal: [{ show: 'paths', runs: [0, 1] }],
      },
      {
        text: 'Across the valley the gradient is not steady: it flips sign at every bounce. There SGD with η = 1.0 sits exactly at its stability limit 2/λmax = 1 and bounces forever, its loss stuck at 6.65. Momentum with η = 0.1 and μ = 0.9 has the same effective rate, 0.1/(1 − 0.9) = 1.0.',
        question: choice('After 300 steps, momentum with η = 0.1 and μ = 0.9 has…', ['stalled, like SGD at η = 1.0', 'converged', 'diverged'], 1),
        explanation:
          'You said: {guess}. Its loss after 300 steps is {final.loss.run4}, against {final.loss.run3} for SGD. The rule η/(1 − μ) is for slopes that hold steady; across the valley the heavy ball is stable up to η < 2(1 + μ)/λmax = 1.9, so momentum widens the stable range there instead of just rescaling η.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'geometric-sum', says: 'b = g + μg + μ²g + … approaches g/(1 − μ)' },
    { id: 'flat-valley', says: 'This bowl (κ = 100) is 100 times flatter along its valley than across it, and along the valley the gradient changes slowly.' },
    { id: 'same-place', says: 'Neither run has reached the minimum after 300 steps, and along the valley they end at the same place: their positions along it differ by less than 1% (−1.049 against −1.041).' },
    { id: 'flips', says: 'it flips sign at every bounce' },
    { id: 'sgd-stuck', says: 'There SGD with η = 1.0 sits exactly at its stability limit 2/λmax = 1 and bounces forever, its loss stuck at 6.65.' },
    { id: 'momentum-converges', says: 'Its loss after 300 steps is {final.loss.run4}, against {final.loss.run3} for SGD.' },
    { id: 'heavy-ball-limit', says: 'across the valley the heavy ball is stable up to η < 2(1 + μ)/λmax = 1.9' },
  ],
  textReviewed: 'e5a1670d',
};
