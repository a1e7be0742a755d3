import { describe, expect, it } from 'vitest';
import { createRandom, simulate } from '../../../src/core/index.ts';
import { base64UrlToBytes, bytesToBase64Url, decodeLessonHash, encodeLessonHash } from '../../../src/state/lessons/link.ts';
import { parseLesson } from '../../../src/state/lessons/parse.ts';
import { fillPlaceholders, formatNumber, parsePlaceholder, placeholdersIn } from '../../../src/state/lessons/placeholders.ts';
import type { Lesson } from '../../../src/state/lessons/schema.ts';

const LESSON: Lesson = {
  version: 1,
  id: 'link-example',
  title: 'Ünïcödé survives: η, μ, λ₁, ∇L, 🙂',
  minutes: 1,
  setup: { surface: 'bowl', bowlCondition: 5, start: [-2.5, 2], steps: 100, runs: [{ optimizer: 'sgd', lr: 0.95 }, { optimizer: 'sgd', lr: 1.05 }] },
  stages: [{ text: 'Run 2 ends at {final.loss.run2}.', question: { kind: 'number', prompt: 'Loss?', answer: 1e9, tolerance: 1e9 }, explanation: 'You said {guess}; it was {answer}.' }],
};

describe('the lesson link', () => {
  it('base64url agrees with Node for every length, both ways', () => {
    const random = createRandom(42);
    for (let length = 0; length < 200; length++) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      const encoded = bytesToBase64Url(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64UrlToBytes(encoded)).toEqual(bytes);
    }
  });

  it('base64url refuses anything an encoder would not write', () => {
    expect(base64UrlToBytes('ab+c')).toBeNull(); // not the url alphabet
    expect(base64UrlToBytes('abcd=')).toBeNull(); // padding
    expect(base64UrlToBytes('abcde')).toBeNull(); // a length no byte count gives
    expect(base64UrlToBytes('aQ')).toEqual(Uint8Array.of(0x69));
    expect(base64UrlToBytes('aR')).toBeNull(); // leftover bits that are not zero
    expect(base64UrlToBytes('__proto__')).toBeNull();
  });

  it('a lesson travels in a link and comes back exactly', () => {
    const hash = encodeLessonHash(LESSON);
    expect(hash).toMatch(/^#v=1&lesson=[A-Za-z0-9_-]+$/);
    expect(decodeLessonHash(hash)).toEqual({ ok: true, lesson: LESSON, problems: [] });
    expect(decodeLessonHash(hash.slice(1))).toEqual({ ok: true, lesson: LESSON, problems: [] });
  });

  it('a damaged, cut or foreign link is a clear failure or nothing, never an exception', () => {
    const hash = encodeLessonHash(LESSON);
    expect(decodeLessonHash('#v=1&s=abc')).toBeNull();
    expect(decodeLessonHash('')).toBeNull();
    expect(decodeLessonHash(hash.slice(0, hash.length - 7))).toMatchObject({ ok: false, error: 'This link is damaged (it may have been cut short).' });
    expect(decodeLessonHash('#lesson=%%%')).toMatchObject({ ok: false });
    expect(decodeLessonHash(`#lesson=${'A'.repeat(70_000)}`)).toMatchObject({ ok: false, error: 'This link is too long to carry a lesson.' });
    // Valid base64url of bytes that are not UTF-8.
    expect(decodeLessonHash(`#lesson=${Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url')}`)).toMatchObject({ ok: false });
    // A link whose lesson has a bad field is read field by field, like a file.
    const bad = `#v=1&lesson=${Buffer.from(JSON.stringify({ ...LESSON, minutes: 99 })).toString('base64url')}`;
    const result = decodeLessonHash(bad);
    expect(result?.ok && result.lesson.minutes).toBe(4);
    expect(result?.problems.map((problem) => problem.message)).toEqual(['minutes: 99 is above the largest allowed, 4; it was set to 4']);
  });
});

describe('placeholders', () => {
  it('a fixed grammar of point, field and run, plus the guess, the answer and the miss', () => {
    expect(parsePlaceholder('final.loss.run1')).toEqual({ kind: 'point', at: 'final', field: 'loss', run: 0 });
    expect(parsePlaceholder('step300.x.run16')).toEqual({ kind: 'point', at: { step: 300 }, field: 'x', run: 15 });
    expect(parsePlaceholder('lowest.step.run2')).toEqual({ kind: 'point', at: 'lowest', field: 'step', run: 1 });
    expect(parsePlaceholder('guess')).toEqual({ kind: 'guess' });
    for (const name of ['final.loss.run0', 'final.loss.run17', 'final.loss', 'final.loss.run1.x', 'constructor', '__proto__.loss.run1', 'final.toString.run1', 'step.loss.run1', 'step1000001.loss.run1']) {
      expect(parsePlaceholder(name), name).toBeNull();
    }
    expect(placeholdersIn('a {final.y.run1} b {x} c {Not} {{guess}}').map((found) => found.token)).toEqual(['{final.y.run1}', '{x}', '{guess}']);
  });

  it('numbers read as a lesson prints them', () => {
    expect([0, 4.6921e-9, -0.56081, 6.65072, 13.2708, 1263007090, 0.001, 99999, 1e5, -2.5e-13].map(formatNumber)).toEqual([
      '0',
      '4.69 × 10⁻⁹',
      '−0.561',
      '6.65',
      '13.3',
      '1.26 × 10⁹',
      '0.001',
      '1 × 10⁵',
      '1 × 10⁵',
      '−2.5 × 10⁻¹³',
    ]);
  });

  it('fills placeholders from the engine’s paths, and leaves what it cannot fill as written', () => {
    const result = parseLesson(LESSON);
    expect(result.ok).toBe(true);
    const runs = LESSON.setup.runs.map((run) => simulate({ surface: 'bowl', optimizer: run.optimizer, lr: run.lr, start: LESSON.setup.start, steps: 100 }));
    const text = 'from {start.loss.run1} to {final.loss.run1} (lowest at step {lowest.step.run1}); run 2 at step 50: {step50.x.run2}, at 101: {step101.loss.run2}; {final.loss.run3} {guess}';
    expect(fillPlaceholders(text, { runs })).toBe(
      `from ${formatNumber(runs[0].loss[0])} to ${formatNumber(runs[0].loss[100])} (lowest at step 100); run 2 at step 50: ${formatNumber(runs[1].x[50])}, at 101: —; {final.loss.run3} {guess}`,
    );
    expect(fillPlaceholders('You said {guess}, it was {answer}: {miss} off.', { runs, guess: '3', answer: '2', miss: 1 })).toBe('You said 3, it was 2: 1 off.');
  });
});
