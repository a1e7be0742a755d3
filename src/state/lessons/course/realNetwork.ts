import type { CourseLesson } from '../claims.ts';

/** CURRICULUM 1 and 7 (learning as minimisation; local minima), on a real network's loss: is it a bowl? */
export const realNetwork: CourseLesson = {
  lesson: {
    version: 1,
    id: 'real-network',
    title: 'A real network’s landscape: is it a bowl?',
    minutes: 4,
    setup: {
      surface: 'neural-net',
      start: [0, -1.5],
      steps: 300,
      runs: [
        { optimizer: 'sgd', label: 'SGD', lr: 0.02 },
        { optimizer: 'adam', label: 'Adam', lr: 0.05 },
      ],
    },
    controls: ['lock-surface', 'lock-start'],
    stages: [
      {
        text: 'This landscape is the loss of a real network: a 2 → 16 → 16 → 1 network with 337 weights, trained on 200 points of two moons, then sliced along two random directions through its trained weights, which sit at (0, 0). At the start, (0, −1.5), the network classifies 59.5% of the points right. SGD (η = 0.02) and Adam (η = 0.05) each take 300 steps from there.',
        question: {
          kind: 'choice',
          prompt: 'Is it a bowl? Where do the two runs end?',
          options: ['Both at the trained weights (0, 0)', 'SGD at (0, 0); Adam in another valley', 'Adam at (0, 0); SGD in another valley', 'Neither settles in a minimum'],
          answer: 1,
        },
        explanation:
          'You said: {guess}. SGD ends at ({final.x.run1}, {final.y.run1}) with a loss of {final.loss.run1}, close to the trained network’s 0.0396, and classifies all 200 points right. Adam ends at ({final.x.run2}, {final.y.run2}), in another valley, with a loss of {final.loss.run2} and 86.5% of the points right. Not a bowl: this slice has two minima.',
        reveal: [{ show: 'paths' }, { show: 'chart' }, { show: 'model', run: 0 }],
      },
      {
        text: 'The Model view shows the network each point of the landscape is: the shaded regions are the class it predicts, the dots the 200 points. Select a run and move along its path to watch the boundary bend into the moons, or give up on them. In Adam’s valley the loss is close to ln 2 ≈ 0.693, what a network scores by answering ½ for every point, though this one still sorts most of the points right.',
        reveal: [{ show: 'paths' }, { show: 'chart' }, { show: 'model', run: 0 }],
      },
    ],
  },
  claims: [
    { id: 'network', says: 'a 2 → 16 → 16 → 1 network with 337 weights, trained on 200 points of two moons' },
    { id: 'origin', says: 'its trained weights, which sit at (0, 0)' },
    { id: 'start-accuracy', says: 'At the start, (0, −1.5), the network classifies 59.5% of the points right.' },
    { id: 'sgd-end', says: 'close to the trained network’s 0.0396, and classifies all 200 points right' },
    { id: 'adam-valley', says: 'in another valley, with a loss of {final.loss.run2} and 86.5% of the points right' },
    { id: 'two-minima', says: 'Not a bowl: this slice has two minima.' },
    { id: 'ln2', says: 'In Adam’s valley the loss is close to ln 2 ≈ 0.693, what a network scores by answering ½ for every point, though this one still sorts most of the points right.' },
  ],
  textReviewed: '8092ee58',
};
