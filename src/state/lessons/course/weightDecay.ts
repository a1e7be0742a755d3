import type { CourseLesson } from '../claims.ts';
import { choice, LINE_FIT, LOCK_START, run, sgd } from './pieces.ts';

/** Regularisation in torch: Adam's L2 weight decay against AdamW's decoupled decay. */
export const weightDecay: CourseLesson = {
  lesson: {
    version: 1,
    id: 'weight-decay',
    title: 'Weight decay: Adam’s L2 is not AdamW’s',
    minutes: 3,
    setup: {
      ...LINE_FIT,
      steps: 1000,
      runs: [
        sgd('SGD, weight decay 0.5', 0.1, { weightDecay: 0.5 }),
        run('adam', 'Adam, weight decay 0.5', 0.05, { weightDecay: 0.5 }),
        run('adamw', 'AdamW, weight decay 0.5', 0.05, { weightDecay: 0.5 }),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'Weight decay pulls the weights toward zero to keep a model simple. All three runs use the same λ = 0.5. SGD and Adam add λθ to the gradient (torch’s weight_decay argument), which is the gradient of L + (λ/2)‖θ‖², so both head for the minimum of that sum. AdamW shrinks the weights directly, θ ← θ − ηλθ, outside Adam’s division by √v̂.',
        question: choice('After 1,000 steps, where is AdamW compared with Adam?', ['At the same point', 'Somewhere else, and still moving', 'At the fit without any decay'], 1),
        explanation:
          'You said: {guess}. SGD and Adam both end at (1.68, −0.76), where the data’s pull on the line balances the decay’s pull −λθ; Adam was there within 500 steps. AdamW is at ({final.x.run3}, {final.y.run3}) and still moving. The same λ makes a different regulariser once the decay skips Adam’s per-coordinate scaling: that is why torch has both torch.optim.Adam(weight_decay=…) and torch.optim.AdamW.',
        reveal: [{ show: 'paths' }, { show: 'chart' }, { show: 'model', run: 2 }],
      },
    ],
  },
  claims: [
    { id: 'l2-same', says: 'SGD and Adam both end at (1.68, −0.76), where the data’s pull on the line balances the decay’s pull −λθ' },
    { id: 'adam-early', says: 'Adam was there within 500 steps' },
    { id: 'adamw-elsewhere', says: 'AdamW is at ({final.x.run3}, {final.y.run3}) and still moving' },
  ],
  textReviewed: '77617ebd',
};
