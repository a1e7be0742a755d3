import type { CourseLesson } from '../claims.ts';
import { bowl, choice, LOCK_START, momentum, run } from './pieces.ts';

/** CURRICULUM "the notes' conventions against torch's": the same momentum path while η is constant, and defaults that matter. */
export const notesVsTorch: CourseLesson = {
  lesson: {
    version: 1,
    id: 'notes-vs-torch',
    title: 'Your notes’ conventions against torch’s',
    minutes: 4,
    setup: {
      ...bowl(20),
      steps: 300,
      runs: [
        momentum('torch momentum, constant η', 0.1, 0.9),
        momentum('torch momentum, η ÷ 10 every 10 steps', 0.1, 0.9, { schedule: { type: 'step', stepSize: 10, gamma: 0.1 } }),
        run('rmsprop', 'RMSprop, α = 0.99 (torch)', 0.05, { alpha: 0.99 }),
        run('rmsprop', 'RMSprop, α = 0.9 (notes)', 0.05, { alpha: 0.9 }),
      ],
    },
    controls: LOCK_START,
    stages: [
      {
        text: 'Your notes write momentum as v ← μv − η∇L, w ← w + v. torch.optim.SGD keeps a buffer b ← μb + g and steps θ ← θ − ηb. While η is constant the two are one rule, v = −ηb, and trace the same path. Run 2 uses torch’s rule with η = 0.1, divided by 10 every 10 steps (StepLR).',
        question: choice('At step 10 η drops from 0.1 to 0.01. What does torch’s ball do, compared with one that follows your notes?', ['Both roll on as before', 'torch’s slows down at once; the notes’ coasts on', 'The notes’ slows down at once; torch’s coasts on'], 1),
        explanation:
          'You said: {guess}. torch multiplies its whole buffer b by the new η, so its next step is 0.09 times the one before; in your notes v was built with the old η and decays only by μ, so the next step is 0.90 times the one before. After the drop torch’s ball travels 0.36 more, the notes’ 4.1. With a constant η their paths agree to 10⁻¹⁵; with this schedule they end 1.9 apart.',
        reveal: [{ show: 'paths', runs: [0, 1] }],
      },
      {
        text: 'Defaults differ too. Your notes quote RMSProp with α = 0.9 and Adam with β₂ = 0.99; torch spells the class torch.optim.RMSprop and defaults to α = 0.99 and β₂ = 0.999. Runs 3 and 4 are RMSprop with η = 0.05 on this bowl, with α = 0.99 and α = 0.9.',
        question: choice('Which one keeps hopping around the minimum instead of settling?', ['α = 0.99 (torch)', 'α = 0.9 (your notes)'], 1),
        explanation:
          'You said: {guess}. With α = 0.9 the average forgets within about ten steps, so each step is divided by the size of the last few gradients and moves each coordinate by about η even next to the minimum: after 300 steps its loss is 9.5 × 10⁻⁴ and it still rises at 49 of the last 100 steps. With α = 0.99 the steps shrink with the gradients and the loss reaches 10⁻¹². When you move a run from your notes to torch, set α and β₂ yourself: on Rosenbrock the notes’ β₂ = 0.99 leaves Adam (η = 0.2) at 1.2 × 10⁻³ after 1,000 steps, where torch’s 0.999 reaches 2 × 10⁻⁹.',
        reveal: [{ show: 'paths', runs: [2, 3] }, { show: 'chart' }],
      },
    ],
  },
  claims: [
    { id: 'same-rule', says: 'While η is constant the two are one rule, v = −ηb, and trace the same path.' },
    { id: 'torch-brakes', says: 'torch multiplies its whole buffer b by the new η, so its next step is 0.09 times the one before' },
    { id: 'notes-coast', says: 'in your notes v was built with the old η and decays only by μ, so the next step is 0.90 times the one before' },
    { id: 'distance-after', says: 'After the drop torch’s ball travels 0.36 more, the notes’ 4.1.' },
    { id: 'apart', says: 'With a constant η their paths agree to 10⁻¹⁵; with this schedule they end 1.9 apart.' },
    { id: 'defaults', says: 'torch spells the class torch.optim.RMSprop and defaults to α = 0.99 and β₂ = 0.999' },
    { id: 'short-memory-hops', says: 'moves each coordinate by about η even next to the minimum: after 300 steps its loss is 9.5 × 10⁻⁴ and it still rises at 49 of the last 100 steps' },
    { id: 'long-memory-settles', says: 'With α = 0.99 the steps shrink with the gradients and the loss reaches 10⁻¹².' },
    { id: 'adam-beta2', says: 'on Rosenbrock the notes’ β₂ = 0.99 leaves Adam (η = 0.2) at 1.2 × 10⁻³ after 1,000 steps, where torch’s 0.999 reaches 2 × 10⁻⁹' },
  ],
  textReviewed: '0bb3bc0f',
};
