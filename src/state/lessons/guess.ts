/**
 * A learner's answer to a stage's question, and what it is compared with. The
 * comparison is never a grade: it says what was guessed, what happened and how
 * far apart they were, in words that invite a second look rather than mark a
 * mistake. A skipped question (no guess) is as good as any: the explanation
 * simply says what happened.
 */
import type { Point } from '../../core/index.ts';
import { formatNumber, type PlaceholderPath, type PlaceholderValues } from './placeholders.ts';
import type { Question } from './schema.ts';

export type Guess =
  | { readonly kind: 'choice'; readonly option: number }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'click'; readonly point: Point };

/** What a guess is compared with, in words and numbers. */
export interface Verdict {
  /** True or false when there was a guess; null when the learner went straight to the answer. */
  readonly close: boolean | null;
  /** One kind sentence comparing the guess with what happened. */
  readonly summary: string;
  /** The same comparison without repeating the guess, for an explanation that quotes it ({guess}, {miss}). */
  readonly brief: string;
  /** What fills {guess}, {answer} and {miss}, and the runs' paths. */
  readonly values: PlaceholderValues;
}

/** The words {guess} becomes when the learner skipped the question. */
export const SKIPPED_GUESS = 'no guess (you went straight to the answer)';

/** "(0.42, −1.3)" in the lesson's number format. */
export function pointText(point: readonly [number, number]): string {
  return `(${formatNumber(point[0])}, ${formatNumber(point[1])})`;
}

/** The last point of a path (its last finite one if it diverged), or null before it has arrived. */
export function endOf(path: PlaceholderPath | undefined): Point | null {
  if (!path || path.length === 0) return null;
  return [path.x[path.length - 1], path.y[path.length - 1]];
}

const withUnit = (value: number, unit: string | undefined) => (unit ? `${formatNumber(value)} ${unit}` : formatNumber(value));

/** The guess as the learner would say it back. */
export function guessText(question: Question, guess: Guess): string {
  if (guess.kind === 'choice' && question.kind === 'choice') return question.options[guess.option] ?? String(guess.option + 1);
  if (guess.kind === 'number') return withUnit(guess.value, question.kind === 'number' ? question.unit : undefined);
  if (guess.kind === 'click') return pointText(guess.point);
  return '—';
}

/** Compares `guess` (null: skipped) with what the engine's paths `runs` did. */
export function judge(question: Question, guess: Guess | null, runs: readonly PlaceholderPath[]): Verdict {
  const skipped = guess === null || guess.kind !== question.kind;
  const shownGuess = skipped ? SKIPPED_GUESS : guessText(question, guess);
  switch (question.kind) {
    case 'choice': {
      const answer = question.options[question.answer];
      const values = { runs, guess: shownGuess, answer };
      if (skipped || guess.kind !== 'choice') return { close: null, summary: `What happened: “${answer}”.`, brief: `What happened: “${answer}”.`, values };
      if (guess.option === question.answer) return { close: true, summary: `You predicted “${shownGuess}”, and that is what happened.`, brief: 'Just as you predicted.', values };
      return { close: false, summary: `You predicted “${shownGuess}”; what happened was “${answer}”. The paths show why.`, brief: `What happened was “${answer}”. The paths show why.`, values };
    }
    case 'number': {
      const answer = withUnit(question.answer, question.unit);
      if (skipped || guess.kind !== 'number') return { close: null, summary: `The engine’s answer is ${answer}.`, brief: `The engine’s answer is ${answer}.`, values: { runs, guess: shownGuess, answer } };
      const miss = Math.abs(guess.value - question.answer);
      const values = { runs, guess: shownGuess, answer, miss };
      if (miss <= question.tolerance) return { close: true, summary: `Your estimate, ${shownGuess}, is within ${formatNumber(question.tolerance)} of the engine’s ${answer}.`, brief: `Close: the engine’s answer is ${answer}.`, values };
      return { close: false, summary: `Your estimate was ${shownGuess}; the engine’s answer is ${answer}, ${formatNumber(miss)} away.`, brief: `The engine’s answer is ${answer}.`, values };
    }
    case 'click': {
      const end = endOf(runs[question.run]);
      const answer = end ? pointText(end) : '—';
      const run = `run ${question.run + 1}`;
      if (skipped || guess.kind !== 'click' || end === null) {
        const said = end ? `${capitalize(run)} ends at ${answer}.` : `${capitalize(run)} is still being computed.`;
        return { close: null, summary: said, brief: said, values: { runs, guess: shownGuess, answer } };
      }
      const miss = Math.hypot(guess.point[0] - end[0], guess.point[1] - end[1]);
      const values = { runs, guess: shownGuess, answer, miss };
      if (miss <= question.radius) return { close: true, summary: `Your guess is ${formatNumber(miss)} from where ${run} ends, ${answer}: well predicted.`, brief: `Well predicted: the magenta ring is close to where ${run} ends.`, values };
      return { close: false, summary: `${capitalize(run)} ends at ${answer}, ${formatNumber(miss)} from your guess; the magenta ring marks your guess.`, brief: `The magenta ring marks your guess; the path of ${run} shows where it really ends.`, values };
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
