import type { CourseLesson } from '../claims.ts';
import { sgd } from './pieces.ts';

/** CURRICULUM 7 (local minima and initial conditions), scenario "start-decides". */
export const startDecides: CourseLesson = {
  lesson: {
    version: 1,
    id: 'start-decides',
    title: 'The start decides the valley',
    minutes: 3,
    setup: {
      surface: 'valleys',
      start: [0.2, 0.4],
      steps: 300,
      runs: [
        sgd('from (0.2, 0.4)', 0.1, { start: [0.2, 0.4] }),
        sgd('from (−0.6, 0)', 0.1, { start: [-0.6, 0] }),
      ],
    },
    controls: ['hide-learning-rate'],
    stages: [
      {
        text: 'With a step this small (η = 0.1), gradient descent goes downhill at every step here: the loss of either run never rises by more than rounding. So it cannot climb out of a valley, and it ends in the minimum of the basin it starts in. Run 1 starts at (0.2, 0.4) and ends in the deepest of the three wells; run 2 starts at (−0.6, 0), less than one unit away.',
        question: { kind: 'click', prompt: 'Click where you think run 2 ends.', run: 1, radius: 0.3 },
        explanation:
          'Run 2 ends at ({final.x.run2}, {final.y.run2}), {miss} from your click: in another well, at a loss of −1.28 against the deepest well’s −1.84. The same optimizer with the same learning rate, from two nearby starts, settles in two different minima.',
        reveal: [{ show: 'paths' }],
      },
      {
        text: 'The basin map colours every start by the minimum this run would end in from there. The two starts lie on either side of a border between basins: along the line between them, every start before the border ends where run 1 does, and every start past it where run 2 does.',
        reveal: [{ show: 'basin-map', run: 0 }, { show: 'paths' }],
      },
    ],
  },
  claims: [
    { id: 'downhill', says: 'the loss of either run never rises by more than rounding' },
    { id: 'run-1-deepest', says: 'Run 1 starts at (0.2, 0.4) and ends in the deepest of the three wells' },
    { id: 'close-starts', says: 'run 2 starts at (−0.6, 0), less than one unit away' },
    { id: 'run-2-other', says: 'in another well, at a loss of −1.28 against the deepest well’s −1.84' },
    { id: 'basins', says: 'The two starts lie on either side of a border between basins: along the line between them, every start before the border ends where run 1 does, and every start past it where run 2 does.' },
  ],
  textReviewed: 'f18a99b0',
};
