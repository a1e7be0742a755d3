/**
 * Every course lesson: it parses without a problem, travels as a file and as a
 * link unchanged, fits its time, asks before it shows, and every statement its
 * text makes about what happens is checked against the engine at the lesson's
 * own settings (the checks live in ./checks, keyed by lesson id and claim id).
 */
import { describe, expect, it } from 'vitest';
import { lessonFingerprint, lessonWords } from '../../../src/state/lessons/claims.ts';
import { COURSE, COURSE_LESSONS, LESSONS, lessonById } from '../../../src/state/lessons/course/index.ts';
import { decodeLessonHash, encodeLessonHash } from '../../../src/state/lessons/link.ts';
import { parseCourse, parseLesson, parseLessonJson } from '../../../src/state/lessons/parse.ts';
import { formatNumber } from '../../../src/state/lessons/placeholders.ts';
import { MAX_LESSON_MINUTES } from '../../../src/state/lessons/schema.ts';
import { serializeCourse, serializeLesson } from '../../../src/state/lessons/serialize.ts';
import { isValidSetup } from '../../../src/state/repair.ts';
import { CHECKS } from './checks/index.ts';
import { distance, finalPoint, runLesson } from './runLesson.ts';

describe('the course', () => {
  it('orders about a dozen lessons, each once and in lecture order, into a class of at most 50 minutes', () => {
    expect(new Set(LESSONS.map((lesson) => lesson.id)).size).toBe(LESSONS.length);
    expect(new Set(COURSE.lessons).size).toBe(COURSE.lessons.length);
    expect(COURSE.lessons.length).toBeGreaterThanOrEqual(10);
    expect(COURSE.lessons.length).toBeLessThanOrEqual(16);
    for (const id of COURSE.lessons) expect(lessonById(id), id).toBeDefined();
    const order = COURSE.lessons.map((id) => LESSONS.findIndex((lesson) => lesson.id === id));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const minutes = COURSE.lessons.reduce((total, id) => total + lessonById(id)!.minutes, 0);
    expect(minutes).toBeLessThanOrEqual(50);
    expect(parseCourse(JSON.parse(serializeCourse(COURSE)))).toEqual({ ok: true, course: COURSE, problems: [] });
  });

  it('a lesson’s fingerprint changes with any word a learner reads', () => {
    const { lesson } = COURSE_LESSONS.find((entry) => entry.lesson.id === 'steepest-descent')!;
    const edited = { ...lesson, stages: lesson.stages.map((stage, index) => (index === 0 ? { ...stage, text: stage.text.replace('13.3', '13.4') } : stage)) };
    expect(lessonFingerprint(edited)).not.toBe(lessonFingerprint(lesson));
    const relabelled = { ...lesson, setup: { ...lesson.setup, runs: lesson.setup.runs.map((run) => ({ ...run, label: `${run.label}!` })) } };
    expect(lessonFingerprint(relabelled)).not.toBe(lessonFingerprint(lesson));
  });

  it('avoids the misconceptions CURRICULUM.md lists, and the old scenarios’ wrong sentences', () => {
    const words = COURSE_LESSONS.map(({ lesson }) => lessonWords(lesson).join('\n')).join('\n').toLowerCase();
    const wrong = [
      'only ever goes downhill', // plain GD climbs past 2/λmax
      'runs out of steam', // AdaGrad converges on a convex bowl
      'stalls short of the minimum.', // ... (offered only as a wrong answer, which ends differently)
      'stuck at a saddle',
      'past steps', // momentum adds up past gradients
      'all of them trace', // only averaging all rows gives the smooth path
      'smoother and faster', // momentum's loss curve is the bumpier one
      'leaves at once', // Adam's escape: it never comes near the saddle
    ];
    for (const phrase of wrong) expect(words, phrase).not.toContain(phrase);
    expect(lessonById('saddle')!.title.toLowerCase()).not.toContain('stuck');
    expect(words).toContain('past gradients');
    expect(words).toContain('torch.optim.rmsprop');
  });

  it('every lesson has engine checks, and every set of checks belongs to a lesson', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(LESSONS.map((lesson) => lesson.id).sort());
  });
});

for (const { lesson, claims, textReviewed } of COURSE_LESSONS) {
  describe(`lesson ${lesson.id}`, () => {
    const checks = CHECKS[lesson.id];

    it('parses without a problem and comes back unchanged from its file and its link', () => {
      expect(parseLesson(lesson)).toEqual({ ok: true, lesson, problems: [] });
      const file = serializeLesson(lesson);
      expect(parseLessonJson(file)).toEqual({ ok: true, lesson, problems: [] });
      const back = parseLessonJson(file);
      expect(back.ok && serializeLesson(back.lesson)).toBe(file);
      expect(decodeLessonHash(encodeLessonHash(lesson))).toEqual({ ok: true, lesson, problems: [] });
    });

    it(`takes at most ${MAX_LESSON_MINUTES} minutes, asks at least one prediction question, and opens a valid setup`, () => {
      expect(lesson.minutes).toBeLessThanOrEqual(MAX_LESSON_MINUTES);
      // An honest estimate: reading at 180 words a minute, plus half a minute to think over each question.
      const words = lessonWords(lesson).join(' ').split(/\s+/).length;
      const questions = lesson.stages.filter((stage) => stage.question !== undefined).length;
      expect(lesson.minutes).toBeGreaterThanOrEqual(words / 180 + questions / 2);
      expect(lesson.stages.some((stage) => stage.question !== undefined)).toBe(true);
      expect(isValidSetup(runLesson(lesson).setup)).toBe(true);
    });

    it('its words were reviewed together with its claims', () => {
      // When this fails, the text changed: re-read every sentence, make sure each statement about what
      // happens has a claim below it with a check in ./checks, then set textReviewed to the fingerprint shown.
      expect(lessonFingerprint(lesson), 'the text changed since its claims were reviewed').toBe(textReviewed);
    });

    it('every claim quotes the lesson word for word and has a check; every check has a claim', () => {
      const words = lessonWords(lesson).join('\n');
      for (const claim of claims) expect(words, `claim ${claim.id} quotes words the lesson no longer has`).toContain(claim.says);
      expect(new Set(claims.map((claim) => claim.id)).size).toBe(claims.length);
      expect(Object.keys(checks?.claims ?? {}).sort()).toEqual(claims.map((claim) => claim.id).sort());
    });

    for (const claim of claims) {
      it(`claim ${claim.id}: “${claim.says}”`, () => {
        const check = checks?.claims[claim.id];
        expect(check, `no check for claim ${claim.id}`).toBeDefined();
        check!(runLesson(lesson));
      });
    }

    lesson.stages.forEach((stage, index) => {
      const question = stage.question;
      if (question === undefined) return;
      it(`stage ${index + 1}: the ${question.kind} question's answer is what the engine does`, () => {
        const outcome = runLesson(lesson);
        if (question.kind === 'click') {
          // The answer is the run's real end: it must exist, lie on the map, and the radius must be a fair target.
          const path = outcome.runs[question.run];
          const { x, y } = outcome.specs[question.run].surface.domain;
          const end = finalPoint(path);
          expect(path.diverged).toBe(false);
          expect(end[0] >= x[0] && end[0] <= x[1] && end[1] >= y[0] && end[1] <= y[1]).toBe(true);
          expect(question.radius).toBeLessThanOrEqual(0.1 * Math.max(x[1] - x[0], y[1] - y[0]));
          // A learner who clicks the start is not right by accident.
          expect(distance(end, outcome.specs[question.run].start)).toBeGreaterThan(question.radius);
          return;
        }
        const engine = checks?.answers[index];
        expect(engine, `no engine answer for stage ${index + 1}`).toBeDefined();
        const value = engine!(outcome);
        if (question.kind === 'choice') expect(value).toBe(question.answer);
        else {
          // The written answer is the engine's value as the lesson prints it (three significant digits).
          expect(formatNumber(question.answer)).toBe(formatNumber(value));
          expect(question.tolerance).toBeGreaterThan(0);
        }
      });
    });

    it('has an engine answer only for stages that ask a choice or number question', () => {
      const asked = lesson.stages.flatMap((stage, index) => (stage.question && stage.question.kind !== 'click' ? [String(index)] : []));
      expect(Object.keys(checks?.answers ?? {}).sort()).toEqual(asked.sort());
    });
  });
}
