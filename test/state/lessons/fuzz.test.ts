/**
 * 1,000 seeded mutations of the course's lessons (test/stress/fuzzLessons.ts):
 * parseLesson never throws, names every broken field, returns a valid lesson
 * (which then round-trips) or — only when something essential broke — a clear
 * failure, and never runs code the input carries.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/state/lessons/course/index.ts';
import { decodeLessonHash } from '../../../src/state/lessons/link.ts';
import { isValidLesson, parseLesson, type LessonProblem } from '../../../src/state/lessons/parse.ts';
import { serializeLesson } from '../../../src/state/lessons/serialize.ts';
import { fuzzLessonCases } from '../../stress/fuzzLessons.ts';
import type { JsonPath } from './editJson.ts';

const SEED = 20_240_615;
const CASES = 1000;

const isPrefix = (prefix: JsonPath, path: JsonPath) => prefix.length <= path.length && prefix.every((part, i) => part === path[i]);

/** A problem names a broken path when it is about that path, a part of it, or something containing it. */
function covers(problem: LessonProblem, broken: JsonPath): boolean {
  return isPrefix(problem.path, broken) || isPrefix(broken, problem.path) || (problem.removed !== undefined && isPrefix(problem.removed, broken));
}

describe('parseLesson under 1,000 fuzzed lessons', () => {
  const cases = fuzzLessonCases(LESSONS, CASES, SEED);

  it('the generator breaks something in every case and varies what it breaks', () => {
    expect(cases).toHaveLength(CASES);
    for (const fuzz of cases) expect(fuzz.broken.length, fuzz.kinds.join('; ')).toBeGreaterThan(0);
    const kinds = new Set(cases.flatMap((fuzz) => fuzz.kinds.map((kind) => kind.split(' at ')[0].replace(/ ".*$/, '').replace(/^(bad \w+|missing|unknown field).*$/, '$1'))));
    for (const kind of ['bad number', 'bad text', 'bad choice', 'missing', 'unknown field', 'deep nesting', 'container swapped', 'getter', 'function', 'coercible', 'class']) expect(kinds, kind).toContain(kind);
    expect(cases.filter((fuzz) => fuzz.json !== null).length).toBeGreaterThan(CASES / 3);
  });

  it('never throws, never runs the input’s code, and names every broken field', () => {
    let failures = 0;
    for (const fuzz of cases) {
      const where = `case ${fuzz.seed}: ${fuzz.kinds.join('; ')}`;
      let result: ReturnType<typeof parseLesson> | undefined;
      expect(() => (result = parseLesson(fuzz.input)), where).not.toThrow();
      expect(fuzz.executed(), where).toBe(false);
      if (!result!.ok) {
        failures++;
        expect(fuzz.mayFail, `${where}: failed (${result!.error}) although nothing essential broke`).toBe(true);
        expect(result!.error.length, where).toBeGreaterThan(10);
        expect(result!.problems.length, where).toBeGreaterThan(0);
        continue;
      }
      for (const broken of fuzz.broken) {
        expect(
          result!.problems.some((problem) => covers(problem, broken)),
          `${where}: nothing reported about ${broken.join('.')} (reported: ${result!.problems.map((problem) => problem.message).join(' | ')})`,
        ).toBe(true);
      }
      for (const problem of result!.problems) expect(problem.message.length, where).toBeLessThan(400);
    }
    // Most mutations leave a usable lesson.
    expect(failures).toBeLessThan(CASES / 5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('what it returns is a valid lesson that round-trips through its file and its link without a problem', () => {
    for (const fuzz of cases) {
      const result = parseLesson(fuzz.input);
      if (!result.ok) continue;
      const where = `case ${fuzz.seed}: ${fuzz.kinds.join('; ')}`;
      expect(isValidLesson(result.lesson), where).toBe(true);
      const again = parseLesson(JSON.parse(serializeLesson(result.lesson)));
      // Placeholders a repaired lesson cannot fill are kept as written and reported again; nothing else is.
      expect(again.problems.every((problem) => problem.message.includes('it is shown as written')), where).toBe(true);
      expect(again.ok && serializeLesson(again.lesson), where).toBe(serializeLesson(result.lesson));
    }
  });

  it('plain-JSON cases read the same from a link as from the object', () => {
    const plain = cases.filter((fuzz) => fuzz.json !== null).slice(0, 200);
    for (const fuzz of plain) {
      const hash = `#v=1&lesson=${Buffer.from(fuzz.json!, 'utf8').toString('base64url')}`;
      const fromLink = decodeLessonHash(hash);
      const direct = parseLesson(JSON.parse(fuzz.json!));
      if (hash.length > 64_000) expect(fromLink?.ok, `case ${fuzz.seed}`).toBe(false);
      else expect(fromLink, `case ${fuzz.seed}`).toEqual(direct);
    }
  });
});
