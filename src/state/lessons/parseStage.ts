/**
 * Reading one stage field by field (see parse.ts). A stage without usable text
 * is dropped; a question with a bad part is removed (the stage stays, without
 * it); a bad explanation or reveal item is left out; a placeholder the lesson
 * cannot fill is reported and shown as written. Each is reported.
 */
import { describeValue, field, isList, isRecord, type Data, type DataRecord } from './data.ts';
import { placeholdersIn } from './placeholders.ts';
import { readChoice, readNumber, readText, type Problems, type ProblemPath } from './problems.ts';
import {
  CHART_AXES,
  HYPER_MAP_AXES,
  MAX_OPTIONS,
  MAX_REVEALS,
  QUESTION_KINDS,
  REVEAL_KINDS,
  RULES,
  StageSchema,
  TEXT_LIMITS,
  type Question,
  type Reveal,
  type Stage,
} from './schema.ts';

/** What a stage is checked against. */
export interface StageContext {
  readonly runCount: number;
  readonly steps: number;
}

/** Why a placeholder in `text` cannot be filled, one sentence per bad placeholder. */
export function placeholderProblems(text: string, context: StageContext, allowAnswer: boolean): string[] {
  const found: string[] = [];
  for (const { token, placeholder } of placeholdersIn(text)) {
    if (placeholder === null) found.push(`${token} is not a placeholder (such as {final.loss.run1}); it is shown as written`);
    else if (placeholder.kind !== 'point') {
      if (!allowAnswer) found.push(`${token} can only be used in the explanation of a stage with a question; it is shown as written`);
    } else if (placeholder.run >= context.runCount) found.push(`${token} names run ${placeholder.run + 1}, but the lesson has ${context.runCount}; it is shown as written`);
    else if (typeof placeholder.at === 'object' && placeholder.at.step > context.steps) found.push(`${token} is past the last step, ${context.steps}; it is shown as written`);
  }
  return found;
}

function checkPlaceholders(text: string, path: ProblemPath, context: StageContext, allowAnswer: boolean, problems: Problems): void {
  for (const words of placeholderProblems(text, context, allowAnswer)) problems.add(path, words);
}

/** A question, or the reason it was removed. */
function readQuestion(value: DataRecord, context: StageContext, path: ProblemPath, problems: Problems): Question | string {
  const kind = readChoice(QUESTION_KINDS, field(value, 'kind'), 'a kind of question');
  if ('why' in kind) return `kind: ${kind.why}`;
  const known = { choice: ['kind', 'prompt', 'options', 'answer'], number: ['kind', 'prompt', 'answer', 'tolerance', 'unit'], click: ['kind', 'prompt', 'run', 'radius'] }[kind.value];
  problems.unknownKeys(value, known, path);
  const prompt = readText(TEXT_LIMITS.prompt, field(value, 'prompt'));
  if ('why' in prompt) return `prompt: ${prompt.why}`;
  checkPlaceholders(prompt.value, [...path, 'prompt'], context, false, problems);
  if (kind.value === 'choice') {
    const options = field(value, 'options');
    if (!isList(options) || options.length < 2 || options.length > MAX_OPTIONS) return `options: ${describeValue(options)} is not a list of 2 to ${MAX_OPTIONS} options`;
    const texts: string[] = [];
    for (let i = 0; i < options.length; i++) {
      const option = readText(TEXT_LIMITS.option, options[i]);
      if ('why' in option) return `option ${i + 1}: ${option.why}`;
      checkPlaceholders(option.value, [...path, 'options', i], context, false, problems);
      texts.push(option.value);
    }
    const answer = field(value, 'answer');
    if (!Number.isInteger(answer) || (answer as number) < 0 || (answer as number) >= texts.length) {
      const hint = answer === texts.length ? ' (they count from 0)' : '';
      return `the answer ${describeValue(answer)} is not one of the ${texts.length} options${hint}`;
    }
    return { kind: 'choice', prompt: prompt.value, options: texts, answer: answer as number };
  }
  if (kind.value === 'number') {
    const answer = readNumber(RULES.answer, field(value, 'answer'));
    if ('why' in answer) return `answer: ${answer.why}`;
    const tolerance = readNumber(RULES.tolerance, field(value, 'tolerance'));
    if ('why' in tolerance) return `tolerance: ${tolerance.why}`;
    const question: Question = { kind: 'number', prompt: prompt.value, answer: answer.value, tolerance: tolerance.value };
    if (!Object.hasOwn(value, 'unit')) return question;
    const unit = readText(TEXT_LIMITS.unit, field(value, 'unit'));
    if ('why' in unit) problems.add([...path, 'unit'], `${unit.why}; it was left out`);
    return 'why' in unit ? question : { ...question, unit: unit.value };
  }
  const run = field(value, 'run');
  if (!Number.isInteger(run) || (run as number) < 0 || (run as number) >= context.runCount) {
    return `the run ${describeValue(run)} is not one of the ${context.runCount} runs (count from 0)`;
  }
  const radius = readNumber(RULES.radius, field(value, 'radius'));
  if ('why' in radius) return `radius: ${radius.why}`;
  if (radius.note) problems.add([...path, 'radius'], radius.note);
  return { kind: 'click', prompt: prompt.value, run: run as number, radius: radius.value };
}

/** A run index within the lesson, or null. */
function runIndex(value: Data | undefined, context: StageContext): number | null {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < context.runCount ? (value as number) : null;
}

/** One reveal item, or the reason it was left out. */
function readReveal(value: Data, context: StageContext, path: ProblemPath, problems: Problems): Reveal | string {
  if (!isRecord(value)) return `${describeValue(value)} is not an object such as { "show": "paths" }`;
  const show = readChoice(REVEAL_KINDS, field(value, 'show'), 'something to show');
  if ('why' in show) return `show: ${show.why}`;
  const known = { paths: ['show', 'runs', 'upToStep', 'upToEpoch'], chart: ['show', 'x'], 'basin-map': ['show', 'run'], 'hyper-map': ['show', 'run', 'axis'], model: ['show', 'run', 'step'] }[show.value];
  problems.unknownKeys(value, known, path);
  if (show.value === 'chart') {
    if (!Object.hasOwn(value, 'x')) return { show: 'chart' };
    const x = readChoice(CHART_AXES, field(value, 'x'), 'an axis');
    if ('why' in x) problems.add([...path, 'x'], `${x.why}; the chart counts steps`);
    return 'why' in x ? { show: 'chart' } : { show: 'chart', x: x.value };
  }
  if (show.value === 'basin-map' || show.value === 'hyper-map' || show.value === 'model') {
    const run = runIndex(field(value, 'run'), context);
    if (run === null) return `the run ${describeValue(field(value, 'run'))} is not one of the ${context.runCount} runs (count from 0)`;
    if (show.value === 'basin-map') return { show: 'basin-map', run };
    if (show.value === 'model') {
      if (!Object.hasOwn(value, 'step')) return { show: 'model', run };
      const step = readNumber({ ...RULES.step, max: context.steps }, field(value, 'step'));
      if ('why' in step) problems.add([...path, 'step'], `${step.why}; the model at the run's end is shown`);
      else if (step.note) problems.add([...path, 'step'], step.note);
      return 'why' in step ? { show: 'model', run } : { show: 'model', run, step: step.value };
    }
    if (!Object.hasOwn(value, 'axis')) return { show: 'hyper-map', run };
    const axis = readChoice(HYPER_MAP_AXES, field(value, 'axis'), 'a map axis');
    if ('why' in axis) problems.add([...path, 'axis'], `${axis.why}; the map's own choice is used`);
    return 'why' in axis ? { show: 'hyper-map', run } : { show: 'hyper-map', run, axis: axis.value };
  }
  const reveal: { show: 'paths'; runs?: number[]; upToStep?: number; upToEpoch?: number } = { show: 'paths' };
  if (Object.hasOwn(value, 'runs')) {
    const runs = field(value, 'runs');
    if (!isList(runs)) problems.add([...path, 'runs'], `${describeValue(runs)} is not a list of run indices; every run is shown`);
    else {
      reveal.runs = [];
      runs.forEach((item, index) => {
        const run = runIndex(item, context);
        if (run === null) problems.add([...path, 'runs', index], `${describeValue(item)} is not one of the ${context.runCount} runs (count from 0); it was left out`);
        else if (reveal.runs!.includes(run)) problems.add([...path, 'runs', index], `run ${run} is listed twice; the repeat was left out`);
        else reveal.runs!.push(run);
      });
    }
  }
  if (Object.hasOwn(value, 'upToStep')) {
    const step = readNumber({ ...RULES.step, max: context.steps }, field(value, 'upToStep'));
    if ('why' in step) problems.add([...path, 'upToStep'], `${step.why}; the paths are shown in full`);
    else {
      if (step.note) problems.add([...path, 'upToStep'], step.note);
      reveal.upToStep = step.value;
    }
  }
  if (Object.hasOwn(value, 'upToEpoch')) {
    const epoch = readNumber(RULES.epoch, field(value, 'upToEpoch'));
    if (reveal.upToStep !== undefined) problems.add([...path, 'upToEpoch'], 'a reveal stops at a step or at an epoch, not both; the step is used');
    else if ('why' in epoch) problems.add([...path, 'upToEpoch'], `${epoch.why}; the paths are shown in full`);
    else {
      if (epoch.note) problems.add([...path, 'upToEpoch'], epoch.note);
      reveal.upToEpoch = epoch.value;
    }
  }
  return reveal;
}

/** A stage, repaired; null when it must be dropped (reported). */
export function readStage(value: Data, context: StageContext, path: ProblemPath, problems: Problems): Stage | null {
  if (!isRecord(value)) {
    problems.add(path, `${describeValue(value)} is not an object with a text; the stage was removed`);
    return null;
  }
  problems.unknownKeys(value, Object.keys(StageSchema.entries), path);
  const text = readText(TEXT_LIMITS.text, field(value, 'text'));
  if ('why' in text) {
    problems.add([...path, 'text'], `${text.why}; the stage was removed`, path);
    return null;
  }
  checkPlaceholders(text.value, [...path, 'text'], context, false, problems);
  const stage: { text: string; question?: Question; explanation?: string; reveal?: Reveal[] } = { text: text.value };
  if (Object.hasOwn(value, 'question')) {
    const raw = field(value, 'question');
    const question = isRecord(raw) ? readQuestion(raw, context, [...path, 'question'], problems) : `${describeValue(raw)} is not an object`;
    if (typeof question === 'string') problems.add([...path, 'question'], `${question}; the question was removed`);
    else stage.question = question;
  }
  if (Object.hasOwn(value, 'explanation')) {
    const explanation = readText(TEXT_LIMITS.text, field(value, 'explanation'));
    if ('why' in explanation) problems.add([...path, 'explanation'], `${explanation.why}; it was left out`);
    else {
      checkPlaceholders(explanation.value, [...path, 'explanation'], context, stage.question !== undefined, problems);
      stage.explanation = explanation.value;
    }
  }
  if (Object.hasOwn(value, 'reveal')) {
    const reveal = field(value, 'reveal');
    if (!isList(reveal)) problems.add([...path, 'reveal'], `${describeValue(reveal)} is not a list; every path is shown in full`);
    else {
      stage.reveal = [];
      reveal.forEach((item, index) => {
        const read = stage.reveal!.length >= MAX_REVEALS ? `a stage reveals at most ${MAX_REVEALS} things` : readReveal(item, context, [...path, 'reveal', index], problems);
        if (typeof read === 'string') problems.add([...path, 'reveal', index], `${read}; it was left out`);
        else stage.reveal!.push(read);
      });
    }
  }
  return stage;
}
