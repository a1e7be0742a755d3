/**
 * How the learner's setup differs from the lesson's, in the words the lesson
 * panel shows ("You changed the learning rate of run 2; the lesson's text
 * describes its own setup"). Only what changes a path counts: colours, the
 * camera, playback and a run shown or hidden change nothing the text talks about.
 */
import { OPTIMIZERS, type HyperParameterKey } from '../../core/index.ts';
import type { RunConfig, Setup } from '../setup.ts';
import { listWords } from './stageView.ts';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed in one run, as short noun phrases ("the learning rate"). */
function runChanges(original: RunConfig, current: RunConfig, datasetSize: number): string[] {
  if (original.optimizer !== current.optimizer) return ['the optimizer'];
  const out: string[] = [];
  if (original.lr !== current.lr) out.push('the learning rate');
  const changedParameters = OPTIMIZERS[current.optimizer].hyperParameters.filter((parameter) => !Object.is(original[parameter.key as HyperParameterKey], current[parameter.key as HyperParameterKey]));
  for (const parameter of changedParameters) out.push(`the ${parameter.label.charAt(0).toLowerCase()}${parameter.label.slice(1)}`);
  if (!sameJson(original.schedule, current.schedule)) out.push('the schedule');
  if (original.batchSize !== current.batchSize) out.push('the batch size');
  // Noise and seed only shape a mini-batch run's path.
  const miniBatch = current.batchSize < datasetSize;
  if (miniBatch && original.noise !== current.noise) out.push('the noise spread');
  if (miniBatch && original.seed !== current.seed) out.push('the seed');
  if (!sameJson(original.start, current.start)) out.push('the start');
  if (original.pane !== current.pane) out.push('the pane');
  return out;
}

/**
 * The changes that matter, one phrase each ("the learning rate of run 2",
 * "the start", "a new run (run 4)"); empty when the setup is the lesson's own.
 */
export function setupChanges(lesson: Setup, current: Setup): string[] {
  const out: string[] = [];
  if (!sameJson(lesson.panes, current.panes)) out.push('the surface');
  const usesBowl = current.panes.some((pane) => pane.surface === 'bowl');
  if (usesBowl && lesson.bowlCondition !== current.bowlCondition) out.push('the bowl’s condition number');
  if (!sameJson(lesson.custom, current.custom) && current.panes.some((pane) => pane.surface === 'custom')) out.push('the typed-in function');
  if (!sameJson(lesson.start, current.start)) out.push('the start');
  if (lesson.steps !== current.steps) out.push('the number of steps');
  if (lesson.datasetSize !== current.datasetSize) out.push('the data set size');
  const shared = Math.min(lesson.runs.length, current.runs.length);
  for (let index = 0; index < shared; index++) {
    const phrases = runChanges(lesson.runs[index], current.runs[index], current.datasetSize);
    if (phrases.length) out.push(`${listWords(phrases)} of run ${index + 1}`);
  }
  if (current.runs.length > lesson.runs.length) {
    const added = current.runs.length - lesson.runs.length;
    out.push(added === 1 ? `a new run (run ${current.runs.length})` : `${added} new runs`);
  } else if (current.runs.length < lesson.runs.length) {
    const removed = lesson.runs.length - current.runs.length;
    out.push(removed === 1 ? 'removed a run' : `removed ${removed} runs`);
  }
  return out;
}

/** The sentence the lesson panel shows, or null when nothing that matters changed. */
export function describeSetupChanges(changes: readonly string[]): string | null {
  if (changes.length === 0) return null;
  const shown = changes.length > 4 ? [...changes.slice(0, 3), `${changes.length - 3} more things`] : changes;
  const phrases = shown.map((phrase) => (phrase.startsWith('removed') ? phrase : phrase.startsWith('a new') || /^\d+ new/.test(phrase) ? `added ${phrase}` : `changed ${phrase}`));
  return `You ${listWords(phrases)}; the lesson’s text describes its own setup.`;
}
