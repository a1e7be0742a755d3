import { describe, expect, it } from 'vitest';
import { HYPER_PARAMETER_KEYS, makeBowl, OPTIMIZER_IDS, SCHEDULES, simulate, SURFACE_IDS } from '../../../src/core/index.ts';
import { lessonSetup } from '../../../src/state/lessons/build.ts';
import { isValidLesson, parseCourse, parseLesson, parseLessonJson, type ParsedLesson } from '../../../src/state/lessons/parse.ts';
import { OPTIMIZER_CHOICES, RunChoiceSchema, SCHEDULE_TYPES, SURFACE_CHOICES, type Course, type Lesson } from '../../../src/state/lessons/schema.ts';
import { DELETE, edited, type JsonPath } from './editJson.ts';
import { serializeCourse, serializeLesson } from '../../../src/state/lessons/serialize.ts';
import { isValidSetup } from '../../../src/state/repair.ts';

/** A small lesson using every part of the format once. */
const EXAMPLE: Lesson = {
  version: 1,
  id: 'format-example',
  title: 'Every part of the format',
  minutes: 2.5,
  setup: {
    surface: 'bowl',
    splitWith: ['linear-regression'],
    bowlCondition: 5,
    start: [-2.5, 2],
    steps: 100,
    runs: [
      { optimizer: 'sgd', label: 'η = 0.95', lr: 0.95 },
      { optimizer: 'momentum', lr: 0.1, momentum: 0.9, schedule: { type: 'step', stepSize: 10, gamma: 0.5 } },
      { optimizer: 'rmsprop', lr: 0.05, alpha: 0.9, centered: true, batchSize: 1, noise: 0.5, seed: 7, start: [1, 1], pane: 1 },
    ],
  },
  controls: ['hide-learning-rate', 'lock-start'],
  stages: [
    {
      text: 'Three runs on two surfaces.',
      question: { kind: 'choice', prompt: 'Which run ends lowest?', options: ['run 1', 'run 2', 'run 3'], answer: 0 },
      explanation: 'You chose {guess}; run 1 ended at {final.loss.run1}.',
      reveal: [{ show: 'paths', runs: [0, 1], upToStep: 10 }, { show: 'chart', x: 'epochs' }],
    },
    { text: 'How low?', question: { kind: 'number', prompt: 'Loss after 100 steps?', answer: 0, tolerance: 0.01, unit: 'loss' } },
    {
      text: 'Where does it end?',
      question: { kind: 'click', prompt: 'Click where run 2 ends.', run: 1, radius: 0.3 },
      explanation: 'Your click was {miss} away.',
      reveal: [{ show: 'paths', upToEpoch: 1 }, { show: 'basin-map', run: 0 }, { show: 'hyper-map', run: 1, axis: 'momentum' }, { show: 'model', run: 2, step: 50 }],
    },
  ],
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const messages = (result: ParsedLesson) => result.problems.map((problem) => problem.message);

/** The example with some fields changed (a copy). */
const withChanges = (...edits: [JsonPath, unknown][]) => edited(EXAMPLE, ...edits);

function parsed(input: unknown): Lesson {
  const result = parseLesson(input);
  if (!result.ok) throw new Error(result.error);
  return result.lesson;
}

describe('the lesson format', () => {
  it('a lesson using every field parses unchanged, with no problem', () => {
    const result = parseLesson(clone(EXAMPLE));
    expect(result.problems).toEqual([]);
    expect(result.ok && result.lesson).toEqual(EXAMPLE);
    expect(isValidLesson(EXAMPLE)).toBe(true);
  });

  it('names a bad answer as a teacher would read it, and removes only the question', () => {
    const result = parseLesson(withChanges([['stages', 0, 'question', 'answer'], 5]));
    expect(messages(result)).toEqual([
      'stage 1, question: the answer 5 is not one of the 3 options; the question was removed',
      'stage 1, explanation: {guess} can only be used in the explanation of a stage with a question; it is shown as written',
    ]);
    expect(result.ok && result.lesson.stages[0].question).toBeUndefined();
    expect(result.ok && result.lesson.stages[0].text).toBe(EXAMPLE.stages[0].text);
    // One past the end is the usual slip of counting from 1: the message says so.
    expect(messages(parseLesson(withChanges([['stages', 0, 'question', 'answer'], 3])))[0]).toContain('(they count from 0)');
  });

  it('a bad field falls back to its default, an out-of-range number is brought into range, each said in words', () => {
    const result = parseLesson(
      withChanges(
        [['minutes'], 'three'],
        [['setup', 'runs', 0, 'lr'], 500],
        [['setup', 'runs', 1, 'optimizer'], 'adamw-not-yet'],
        [['setup', 'steps'], 2.4],
      ),
    );
    expect(messages(result)).toEqual([
      'minutes: "three" is not a number from 0.5 to 4; it was set to 3',
      'setup, steps: 2.4 is not a whole number; it was set to 2',
      'setup, run 1, learning rate: 500 is above the largest allowed, 100; it was set to 100',
      'setup, run 2, optimizer: "adamw-not-yet" is not an optimizer (sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, nadam, …); it was set to sgd',
      'setup, run 2, Momentum μ: SGD does not use it; it was ignored',
      // With 2 steps, reveals past step 2 are cut back.
      'stage 1, reveal 1, up to step: 10 is above the largest allowed, 2; it was set to 2',
      'stage 3, reveal 4, step: 50 is above the largest allowed, 2; it was set to 2',
    ]);
    const lesson = parsed(JSON.parse(JSON.stringify(result.ok && result.lesson)));
    expect(lesson.minutes).toBe(3);
    expect(lesson.setup.runs[0].lr).toBe(100);
    expect(lesson.setup.runs[1]).toEqual({ optimizer: 'sgd', lr: 0.1, schedule: { type: 'step', stepSize: 10, gamma: 0.5 } });
  });

  it('drops what it cannot repair: a stage without text, a run that is not an object, an unknown flag or reveal', () => {
    const result = parseLesson(
      withChanges(
        [['stages', 1, 'text'], ''],
        [['setup', 'runs', 3], 'fast'],
        [['controls', 2], 'hide-everything'],
        [['stages', 2, 'reveal', 3], { show: 'basin-map', run: 9 }],
        [['stages', 2, 'question', 'run'], 3],
        [['setup', 'runs', 0, 'schedule'], { type: 'warp', speed: 9 }],
      ),
    );
    expect(messages(result)).toEqual([
      'setup, run 1, schedule: "warp" is not a schedule (constant, step, exponential, cosine, inverse-time); the learning rate stays constant',
      'setup, run 4: not an object; the run was removed',
      'control 3: not one of the flags hide-learning-rate, hide-hyper-parameters, hide-schedule, hide-batch-size, lock-start, lock-surface, lock-runs, hide-maps; it was ignored',
      'stage 2, text: it is empty; the stage was removed',
      'stage 3, question: the run 3 is not one of the 3 runs (count from 0); the question was removed',
      // The explanation counted on the question's answer.
      'stage 3, explanation: {miss} can only be used in the explanation of a stage with a question; it is shown as written',
      'stage 3, reveal 4: the run 9 is not one of the 3 runs (count from 0); it was left out',
    ]);
    const lesson = parsed(JSON.parse(JSON.stringify(result.ok && result.lesson)));
    expect(lesson.stages.map((stage) => stage.text)).toEqual([EXAMPLE.stages[0].text, EXAMPLE.stages[2].text]);
    expect(lesson.setup.runs).toHaveLength(3);
    expect(lesson.setup.runs[0].schedule).toBeUndefined();
  });

  it('reports unknown fields and placeholders it cannot fill, keeping the text as written', () => {
    const result = parseLesson(
      withChanges(
        [['colour'], 'blue'],
        [['setup', 'runs', 2, 'weightDecayRate'], 0.01],
        [['stages', 0, 'text'], 'Run 4 ends at {final.loss.run4}; {x} and {final.lose.run1} are not placeholders.'],
      ),
    );
    expect(messages(result)).toEqual([
      'lesson: the field "colour" is not part of the lesson format; it was ignored',
      'setup, run 3: the field "weightDecayRate" is not part of the lesson format; it was ignored',
      'stage 1, text: {final.loss.run4} names run 4, but the lesson has 3; it is shown as written',
      'stage 1, text: {x} is not a placeholder (such as {final.loss.run1}); it is shown as written',
      'stage 1, text: {final.lose.run1} is not a placeholder (such as {final.loss.run1}); it is shown as written',
    ]);
    expect(result.ok && result.lesson.stages[0].text).toContain('{final.loss.run4}');
  });

  it('fails clearly only without an id, a setup with a run, or a stage', () => {
    expect(parseLesson(null)).toMatchObject({ ok: false, error: 'This is not a lesson.' });
    expect(parseLesson(withChanges([['id'], 'Not An Id']))).toMatchObject({ ok: false, error: 'This lesson cannot be used: it has no usable id.' });
    expect(parseLesson(withChanges([['setup', 'runs'], [7]]))).toMatchObject({ ok: false, error: 'This lesson cannot be used: it has no setup with a usable run.' });
    expect(parseLesson(withChanges([['setup'], DELETE]))).toMatchObject({ ok: false });
    expect(parseLesson(withChanges([['stages'], [{}, { text: 3 }]]))).toMatchObject({ ok: false, error: 'This lesson cannot be used: none of its stages could be read.' });
    expect(parseLessonJson('{"id": ')).toMatchObject({ ok: false, error: 'This file is not a lesson: it is not valid JSON.' });
  });

  it('a missing version is read as version 1; another version is read as far as it goes and said', () => {
    const missing = withChanges([['version'], DELETE]);
    expect(parseLesson(missing)).toMatchObject({ ok: true, problems: [] });
    expect(messages(parseLesson(withChanges([['version'], 2])))).toEqual(['version: this was written for format version 2; it was read as version 1']);
  });

  it('never runs anything the input carries: getters, toString, valueOf, toJSON; __proto__ stays a key', () => {
    let ran = 0;
    const hostile = withChanges([['title'], DELETE]) as { setup: { runs: Record<string, unknown>[]; steps: unknown }; stages: Record<string, unknown>[] };
    Object.defineProperty(hostile, 'title', { enumerable: true, get: () => ((ran += 1), 'got you') });
    hostile.setup.runs[0].lr = { valueOf: () => ((ran += 1), 0.5), toString: () => ((ran += 1), '0.5') };
    hostile.stages[0].text = { toJSON: () => ((ran += 1), 'text'), toString: () => ((ran += 1), 'text') };
    hostile.setup.steps = () => ((ran += 1), 100);
    const result = parseLesson(hostile);
    expect(ran).toBe(0);
    expect(result.ok).toBe(true);
    expect(messages(result)).toContain('title: not plain data (a function, a getter or undefined); it was ignored');
    expect(messages(result)).toContain('setup, run 1, learning rate: an object is not a number from 1e-7 to 100; it was set to 0.9');

    const polluting = parseLesson(JSON.parse('{"__proto__": {"polluted": true}, "id": "p", "setup": {"surface": "bowl", "start": [0, 1], "steps": 5, "runs": [{"optimizer": "sgd", "lr": 0.1, "__proto__": {"lr": 5}}]}, "stages": [{"text": "hi"}]}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(messages(polluting)).toContain('lesson: the field "__proto__" is not part of the lesson format; it was ignored');
    expect(polluting.ok && Object.getPrototypeOf(polluting.lesson)).toBe(Object.prototype);
  });

  it('never throws, whatever it is given', () => {
    const cyclic: Record<string, unknown> = { id: 'loop' };
    cyclic.setup = cyclic;
    cyclic.stages = [cyclic];
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const inputs: unknown[] = [undefined, 0, NaN, 'lesson', [], [EXAMPLE], Symbol('x'), () => EXAMPLE, 10n, new Map(), new Date(), cyclic, deep, { id: 'deep', setup: deep, stages: deep }];
    for (const input of inputs) expect(() => parseLesson(input)).not.toThrow();
    expect(parseLesson(cyclic).ok).toBe(false);
    const deepQuestion = withChanges() as { stages: Record<string, unknown>[] };
    deepQuestion.stages[0].question = deep;
    expect(messages(parseLesson(deepQuestion))).toContain('stage 1, question, item 1, item 1, and 7 levels further in: nested too deeply; it was ignored');
  });

  it('serializes as readable JSON that parses back to the same lesson and the same text', () => {
    const text = serializeLesson(EXAMPLE);
    expect(text).toContain('"start": [-2.5, 2],');
    expect(text).toContain('{ "optimizer": "sgd", "label": "η = 0.95", "lr": 0.95 },');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(140);
    const back = parsed(JSON.parse(text));
    expect(back).toEqual(EXAMPLE);
    expect(serializeLesson(back)).toBe(text);
    // Key order does not matter to the text: the schema's order is written.
    const reordered = JSON.parse(JSON.stringify({ stages: EXAMPLE.stages, setup: { ...EXAMPLE.setup, runs: EXAMPLE.setup.runs.map((run) => Object.fromEntries(Object.entries(run).reverse())) }, minutes: EXAMPLE.minutes, title: EXAMPLE.title, id: EXAMPLE.id, version: 1, controls: EXAMPLE.controls })) as Lesson;
    expect(serializeLesson(reordered)).toBe(text);
  });

  it('builds a full, valid setup from the few choices, the way scenarios do', () => {
    const setup = lessonSetup(EXAMPLE);
    expect(isValidSetup(setup)).toBe(true);
    expect(setup.panes).toEqual([{ surface: 'bowl' }, { surface: 'linear-regression' }]);
    expect(setup.runs.map((run) => [run.id, run.optimizer, run.lr, run.pane, run.start])).toEqual([
      ['r1', 'sgd', 0.95, 0, null],
      ['r2', 'momentum', 0.1, 0, null],
      ['r3', 'rmsprop', 0.05, 1, [1, 1]],
    ]);
    expect(setup.runs[2]).toMatchObject({ alpha: 0.9, centered: true, batchSize: 1, noise: 0.5, seed: 7, momentum: 0 });
    expect(setup.runs[0].batchSize).toBe(setup.datasetSize);
    // The bowl's condition number reaches the engine.
    const path = simulate({ surface: makeBowl(setup.bowlCondition), optimizer: 'sgd', lr: 0.95, start: setup.start, steps: 100 });
    expect(path.loss[100]).toBeLessThan(1e-8);
  });

  it('follows core’s tables, so optimizers, hyper-parameters, schedules and surfaces merged later are expressible at once', () => {
    expect(OPTIMIZER_CHOICES).toEqual(OPTIMIZER_IDS);
    expect(SURFACE_CHOICES).toEqual(SURFACE_IDS);
    expect(SCHEDULE_TYPES).toEqual(Object.keys(SCHEDULES));
    for (const key of HYPER_PARAMETER_KEYS) expect(Object.keys(RunChoiceSchema.entries)).toContain(key);
    // Lessons still to come, in today's terms: Nesterov's look-ahead; methods compared at equal evaluations; the model behind a point.
    const later: Lesson = {
      version: 1,
      id: 'nesterov-look-ahead',
      title: 'Nesterov looks ahead',
      minutes: 3,
      setup: { surface: 'rastrigin', start: [2.2, -1.7], steps: 300, runs: [{ optimizer: 'nesterov', lr: 0.002, momentum: 0.9 }, { optimizer: 'momentum', lr: 0.002, momentum: 0.9 }] },
      stages: [
        {
          text: 'Same budget of gradient evaluations.',
          question: { kind: 'click', prompt: 'Where does Nesterov end?', run: 0, radius: 0.3 },
          reveal: [{ show: 'chart', x: 'evaluations' }, { show: 'model', run: 0 }],
        },
      ],
    };
    expect(parseLesson(later)).toEqual({ ok: true, lesson: later, problems: [] });
  });

  it('a course is an ordered list of lesson ids with a title', () => {
    const course: Course = { version: 1, id: 'first-class', title: 'Gradient descent in 50 minutes', lessons: ['step-size', 'edge-of-stability'] };
    const result = parseCourse(JSON.parse(serializeCourse(course)));
    expect(result).toEqual({ ok: true, course, problems: [] });
    const repeated = parseCourse({ ...course, lessons: ['step-size', 'step-size', 'Bad Id'] });
    expect(repeated.ok && repeated.course.lessons).toEqual(['step-size']);
    expect(repeated.problems.map((problem) => problem.message)).toEqual(['lesson 2: step-size is listed twice; the repeat was left out', 'lesson 3: not a lesson id; it was left out']);
    expect(parseCourse({ id: 'empty', title: 'x', lessons: [] }).ok).toBe(false);
  });
});
