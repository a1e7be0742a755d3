/**
 * Pieces several course lessons share, so that a lesson file reads as its
 * setup and its words: the usual starts, runs named by their rule and rate,
 * the usual controls and the usual reveal.
 */
import type { ControlFlag, Question, Reveal, RunChoice, SetupChoice } from '../schema.ts';

type Place = Pick<SetupChoice, 'surface' | 'bowlCondition' | 'start'>;
type RunExtras = Omit<RunChoice, 'optimizer' | 'label' | 'lr'>;

/** The quadratic bowl with condition number κ, from its suggested start (−2.5, 2). */
export function bowl(bowlCondition: number): Place {
  return { surface: 'bowl', bowlCondition, start: [-2.5, 2] };
}

/** The line fitted to 64 rows, from (−0.5, 1.5): slope −0.5, intercept 1.5. */
export const LINE_FIT: Place = { surface: 'linear-regression', start: [-0.5, 1.5] };

/** A run of `optimizer` labelled `label`, with learning rate `lr` and any further settings. */
export function run(optimizer: RunChoice['optimizer'], label: string, lr: number, extras: RunExtras = {}): RunChoice {
  return { optimizer, label, lr, ...extras };
}

/** Plain gradient descent (torch's SGD without momentum). */
export function sgd(label: string, lr: number, extras: RunExtras = {}): RunChoice {
  return run('sgd', label, lr, extras);
}

/** torch's SGD with heavy-ball momentum μ. */
export function momentum(label: string, lr: number, mu: number, extras: RunExtras = {}): RunChoice {
  return run('momentum', label, lr, { momentum: mu, ...extras });
}

/** The course's 1/t decay, η_t = η/(1 + 0.05t): η falls to two thirds by step 10, to a sixth by step 100. */
export const ONE_OVER_T: NonNullable<RunChoice['schedule']> = { type: 'inverse-time', decay: 0.05 };

/** The learner may not move the start: the lesson's question depends on it. */
export const LOCK_START: ControlFlag[] = ['lock-start'];

/** Neither the start nor the learning rate may change: the lesson compares fixed rates. */
export const FIXED_RATES: ControlFlag[] = ['hide-learning-rate', 'lock-start'];

/** Show every path and the loss chart. */
export const PATHS_AND_CHART: Reveal[] = [{ show: 'paths' }, { show: 'chart' }];

/** A multiple-choice question; `answer` is the index of the right option. */
export function choice(prompt: string, options: readonly string[], answer: number): Question {
  return { kind: 'choice', prompt, options: [...options], answer };
}

/** The line fit's three batch sizes, as the runs' labels and a question's options: one row, 16 rows, all 64. */
export const BATCH_SIZES = ['B = 1', 'B = 16', 'B = 64 (full batch)'] as const;

/** SGD on the line fit at η = 0.05 with each of BATCH_SIZES, the mini-batches drawn with `seed`. */
export function batchSizeRuns(seed: number): RunChoice[] {
  const [one, sixteen, full] = BATCH_SIZES;
  return [sgd(one, 0.05, { batchSize: 1, seed }), sgd(sixteen, 0.05, { batchSize: 16, seed }), sgd(full, 0.05)];
}
