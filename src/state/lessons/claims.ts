/**
 * A course lesson: the lesson itself (plain data, what a file or a link holds)
 * and the claims its words make about what happens, declared next to the text.
 *
 * Every claim quotes the words it stands for, verbatim; the engine check for
 * each lives in test/state/lessons/checks/, keyed by lesson id and claim id,
 * and test/state/lessons/claims.test.ts runs them. Three things keep words and
 * checks together:
 *  - a quote that no longer appears in the lesson fails (the words changed);
 *  - a claim without a check, or a check without a claim, fails;
 *  - `textReviewed` is a fingerprint of all the lesson's words: any change to
 *    them fails until someone has re-read the text, made sure every statement
 *    about what happens has its claim, and updated it.
 */
import type { Lesson } from './schema.ts';

export interface Claim {
  /** Unique within the lesson; the key of its check. */
  readonly id: string;
  /** The words of the lesson this claim stands for, exactly as they appear in it. */
  readonly says: string;
}

export interface CourseLesson {
  readonly lesson: Lesson;
  readonly claims: readonly Claim[];
  /** lessonFingerprint(lesson) when the text and its claims were last reviewed together. */
  readonly textReviewed: string;
}

/** Every piece of text a learner reads in a lesson, in order. */
export function lessonWords(lesson: Lesson): string[] {
  const words = [lesson.title];
  for (const run of lesson.setup.runs) if (run.label !== undefined) words.push(run.label);
  for (const stage of lesson.stages) {
    words.push(stage.text);
    if (stage.question) {
      words.push(stage.question.prompt);
      if (stage.question.kind === 'choice') words.push(...stage.question.options);
      if (stage.question.kind === 'number' && stage.question.unit !== undefined) words.push(stage.question.unit);
    }
    if (stage.explanation !== undefined) words.push(stage.explanation);
  }
  return words;
}

/** FNV-1a (32 bits) of a lesson's words, as 8 hex digits: changes whenever any word does. */
export function lessonFingerprint(lesson: Lesson): string {
  let hash = 0x811c9dc5;
  for (const char of lessonWords(lesson).join('\n')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
