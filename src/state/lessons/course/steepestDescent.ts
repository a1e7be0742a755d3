import type { CourseLesson } from '../claims.ts';
import { choice, FIXED_RATES, LINE_FIT, PATHS_AND_CHART, sgd } from './pieces.ts';

/** CURRICULUM 2 (why the negative gradient): the first-order Taylor expansion, by angle and by step length. */
export const steepestDescent: CourseLesson = {
  lesson: {
    version: 1,
    id: 'steepest-descent',
    title: 'Why step against the gradient',
    minutes: 4,
    setup: {
      ...LINE_FIT,
      steps: 20,
      runs: [
        sgd('η = 0.01', 0.01),
        sgd('η = 0.3', 0.3),
      ],
    },
    controls: FIXED_RATES,
    stages: [
      {
        text: 'Every point of this landscape is a line through the data: x is its slope, y its intercept, and the height is the mean squared error L. At the start (−0.5, 1.5) the loss is 13.3 and the gradient ∇L = (−6.26, 4.19) has length ‖∇L‖ = 7.53. To first order, L(w + Δ) ≈ L(w) + ∇L·Δ, so of all small steps Δ of one length, the one along −∇L lowers L the most.',
        question: choice('Take a step of length 0.0753 (what a gradient step with η = 0.01 moves here), but turned 90° away from −∇L. What happens to L?', ['It falls about as much as along −∇L', 'It barely changes', 'It rises about as much as it falls along −∇L'], 1),
        explanation:
          'You said: {guess}. Turned anticlockwise by 0°, 45°, 90°, 135° and 180° from −∇L, a step of length 0.0753 changes L by −0.56, −0.39, +0.01, +0.41 and +0.57. The first-order term is −0.0753 × 7.53 × cos θ = −0.567 cos θ: the change follows the cosine, and at 90° that term vanishes. The +0.01 left over is the curvature of the bowl, which the first-order expansion leaves out.',
        reveal: [{ show: 'paths', upToStep: 1 }],
      },
      {
        text: 'A gradient step is w ← w − η∇L. Put Δ = −η∇L into the expansion and it predicts ΔL ≈ −η‖∇L‖². For η = 0.01 that is −0.567, and the step really changes L by −0.561.',
        question: { kind: 'number', prompt: 'For η = 0.3 the prediction is −17.0. What is the real change in L after that one step?', answer: -11.2, tolerance: 2 },
        explanation:
          'You guessed {guess}; the loss went from {start.loss.run2} to {step1.loss.run2}, a change of −11.2: two thirds of the prediction. The expansion is a tangent plane and the bowl curves up away from it, so the longer the step, the larger the share of the predicted drop the curvature takes back. −∇L is the best direction for a small step; how far that promise holds depends on η.',
        reveal: PATHS_AND_CHART,
      },
    ],
  },
  claims: [
    { id: 'start', says: 'At the start (−0.5, 1.5) the loss is 13.3 and the gradient ∇L = (−6.26, 4.19) has length ‖∇L‖ = 7.53.' },
    { id: 'steepest', says: 'so of all small steps Δ of one length, the one along −∇L lowers L the most' },
    { id: 'step-length', says: 'Take a step of length 0.0753 (what a gradient step with η = 0.01 moves here)' },
    { id: 'by-angle', says: 'Turned anticlockwise by 0°, 45°, 90°, 135° and 180° from −∇L, a step of length 0.0753 changes L by −0.56, −0.39, +0.01, +0.41 and +0.57.' },
    { id: 'cosine', says: 'The first-order term is −0.0753 × 7.53 × cos θ = −0.567 cos θ: the change follows the cosine, and at 90° that term vanishes.' },
    { id: 'curvature-left', says: 'The +0.01 left over is the curvature of the bowl, which the first-order expansion leaves out.' },
    { id: 'small-step', says: 'For η = 0.01 that is −0.567, and the step really changes L by −0.561.' },
    { id: 'big-step', says: 'For η = 0.3 the prediction is −17.0.' },
    { id: 'two-thirds', says: 'a change of −11.2: two thirds of the prediction' },
    { id: 'longer-worse', says: 'the longer the step, the larger the share of the predicted drop the curvature takes back' },
  ],
  textReviewed: '5646873a',
};
