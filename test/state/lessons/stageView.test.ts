/**
 * What a stage shows: nothing of the runs while its question is open, then
 * exactly its reveal; the learner's own runs join the lesson's; a guess is
 * compared with what the engine did, kindly and with real numbers.
 */
import { describe, expect, it } from 'vitest';
import { lessonSetup } from '../../../src/state/lessons/build.ts';
import { describeSetupChanges, setupChanges } from '../../../src/state/lessons/changes.ts';
import { lessonById } from '../../../src/state/lessons/course/index.ts';
import { judge, SKIPPED_GUESS } from '../../../src/state/lessons/guess.ts';
import { fillPlaceholders } from '../../../src/state/lessons/placeholders.ts';
import type { Lesson, Question } from '../../../src/state/lessons/schema.ts';
import { describeStageView, stageView } from '../../../src/state/lessons/stageView.ts';
import { runLesson } from './runLesson.ts';

const edge = lessonById('edge-of-stability')!;
const epochs = lessonById('minibatch-epochs')!;

describe('stageView', () => {
  it('shows nothing of the runs while the question is open, then its reveal', () => {
    const setup = lessonSetup(edge);
    const open = stageView(edge, 0, false, setup);
    expect(open).toMatchObject({ revealed: false, chart: null, basinMap: null, hyperMap: null });
    expect(open.paths).toEqual([false, false, false]);
    expect(open.chartRuns).toEqual([false, false, false]);
    const shown = stageView(edge, 0, true, setup);
    expect(shown.paths).toEqual([true, true, true]);
    expect(shown.lastStep).toEqual([null, null, null]);
    expect(shown.chart).toBe('steps');
    expect(describeStageView(shown)).toBe('the paths of all 3 runs and the loss chart');
  });

  it('a stage without a question shows its reveal at once, and only what it lists', () => {
    const view = stageView(edge, 1, false, lessonSetup(edge));
    expect(view.revealed).toBe(true);
    // Stage 2 reveals the chart alone: no path, every run's curve.
    expect(view.paths).toEqual([false, false, false]);
    expect(view.chartRuns).toEqual([true, true, true]);
  });

  it('some runs, up to a step or an epoch; the chart never shows a run whose path is still hidden', () => {
    const lesson: Lesson = {
      ...edge,
      stages: [{ text: 'Two runs, one step.', reveal: [{ show: 'paths', runs: [0, 2], upToStep: 1 }, { show: 'chart' }, { show: 'basin-map', run: 1 }] }],
    };
    const setup = lessonSetup(lesson);
    const view = stageView(lesson, 0, true, setup);
    expect(view.paths).toEqual([true, false, true]);
    expect(view.lastStep).toEqual([1, null, 1]);
    expect(view.chartRuns).toEqual([true, false, true]);
    expect(view.basinMap).toBe(1);
    expect(describeStageView(view)).toBe('the paths of runs 1 and 3 up to step 1, the loss chart and the basin map of run 2');
    // One epoch is ⌊N/B⌋ steps of each run: 64 for B = 1, 4 for B = 16, 1 for the full batch.
    const epochSetup = lessonSetup(epochs);
    expect(stageView(epochs, 0, true, epochSetup).lastStep).toEqual([64, 4, 1]);
  });

  it('runs the learner added are shown with the lesson’s once paths are', () => {
    const setup = lessonSetup(edge);
    const grown = { ...setup, runs: [...setup.runs, { ...setup.runs[0], id: 'r9' }] };
    expect(stageView(edge, 0, true, grown).paths).toEqual([true, true, true, true]);
    expect(stageView(edge, 0, false, grown).paths).toEqual([false, false, false, false]);
  });
});

describe('judge', () => {
  const outcome = runLesson(edge);
  const choice = edge.stages[0].question as Question;

  it('compares a choice with what happened without grading, and fills the explanation with the engine’s numbers', () => {
    const right = judge(choice, { kind: 'choice', option: 1 }, outcome.runs);
    expect(right.close).toBe(true);
    expect(right.brief).toBe('Just as you predicted.');
    const other = judge(choice, { kind: 'choice', option: 2 }, outcome.runs);
    expect(other.close).toBe(false);
    expect(other.summary).toBe('You predicted “Flown apart, like η = 1.05”; what happened was “Bounced from wall to wall with its loss stuck”. The paths show why.');
    for (const words of [right.summary, other.summary, other.brief]) expect(words).not.toMatch(/wrong|incorrect|fail/i);
    const text = fillPlaceholders(edge.stages[0].explanation!, other.values);
    expect(text).toContain('You said: Flown apart, like η = 1.05.');
    expect(text).toContain('The loss settles at 6.65 and stays there');
  });

  it('a skipped question is answered with what happened', () => {
    const skipped = judge(choice, null, outcome.runs);
    expect(skipped.close).toBeNull();
    expect(skipped.values.guess).toBe(SKIPPED_GUESS);
    expect(skipped.summary).toBe('What happened: “Bounced from wall to wall with its loss stuck”.');
  });

  it('a number is close within its tolerance, and says how far it was', () => {
    const question: Question = { kind: 'number', prompt: 'Change in L?', answer: -11.2, tolerance: 2, unit: 'nats' };
    expect(judge(question, { kind: 'number', value: -10 }, []).close).toBe(true);
    const far = judge(question, { kind: 'number', value: -17 }, []);
    expect(far.close).toBe(false);
    expect(far.summary).toBe('Your estimate was −17 nats; the engine’s answer is −11.2 nats, 5.8 away.');
    expect(far.values.miss).toBeCloseTo(5.8, 12);
  });

  it('a click is compared with the run’s real end', () => {
    const start = lessonById('start-decides')!;
    const paths = runLesson(start).runs;
    const question = start.stages[0].question as Extract<Question, { kind: 'click' }>;
    const end: [number, number] = [paths[1].x[paths[1].length - 1], paths[1].y[paths[1].length - 1]];
    const near = judge(question, { kind: 'click', point: [end[0] + 0.1, end[1]] }, paths);
    expect(near.close).toBe(true);
    expect(near.values.miss).toBeCloseTo(0.1, 9);
    const far = judge(question, { kind: 'click', point: [end[0] + 1, end[1]] }, paths);
    expect(far.close).toBe(false);
    expect(far.brief).toBe('The magenta ring marks your guess; the path of run 2 shows where it really ends.');
    expect(fillPlaceholders(start.stages[0].explanation!, far.values)).toMatch(/^Run 2 ends at \(−?[\d.]+, −?[\d.]+\), 1 from your click/);
  });
});

describe('setupChanges', () => {
  it('names what changes a path, in the panel’s words, and ignores colours, playback and visibility', () => {
    const lesson = lessonSetup(edge);
    expect(setupChanges(lesson, lesson)).toEqual([]);
    const cosmetic = { ...lesson, runs: lesson.runs.map((run) => ({ ...run, color: '#0072b2' as const, visible: false })), playback: { mode: 'animate' as const, stepsPerSecond: 500 } };
    expect(setupChanges(lesson, cosmetic)).toEqual([]);
    const changed = { ...lesson, start: [1, 1] as const, runs: lesson.runs.map((run, index) => (index === 1 ? { ...run, lr: 0.5 } : run)) };
    expect(setupChanges(lesson, changed)).toEqual(['the start', 'the learning rate of run 2']);
    expect(describeSetupChanges(setupChanges(lesson, changed))).toBe('You changed the start and changed the learning rate of run 2; the lesson’s text describes its own setup.');
    const fewer = { ...lesson, runs: lesson.runs.slice(0, 2) };
    expect(describeSetupChanges(setupChanges(lesson, fewer))).toBe('You removed a run; the lesson’s text describes its own setup.');
  });
});
