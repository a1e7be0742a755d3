/**
 * A lesson in the address bar, so a copied link opens the same lesson on the
 * same stage:
 *
 *   #v=1&lesson-id=edge-of-stability&stage=2            a course lesson, by its id
 *   #v=1&lesson=<base64url of its JSON>&stage=2          a teacher's lesson, whole
 *   … &s=<setup>                                         only when the learner changed the setup
 *
 * `stage` counts from 1, as the panel shows it. Reading never throws: a lesson
 * read with problems opens with them listed, an unknown id or a stage that does
 * not exist is said in words.
 */
import { MAX_LINK_LENGTH } from '../core/index.ts';
import { encodeSetup } from './link.ts';
import { setupChanges } from './lessons/changes.ts';
import { lessonById } from './lessons/course/index.ts';
import { decodeLessonHash, encodeLessonHash } from './lessons/link.ts';
import type { Lesson } from './lessons/schema.ts';
import type { Setup } from './setup.ts';
import type { LessonSession } from './store/lessonSlice.ts';

export const LESSON_ID_PARAM = 'lesson-id';
export const STAGE_PARAM = 'stage';

export type LinkedLesson =
  | { readonly ok: true; readonly lesson: Lesson; /** From 0. */ readonly stage: number; readonly problems: readonly string[]; readonly notice: string | null }
  | { readonly ok: false; readonly notice: string; readonly problems: readonly string[] };

/** The hash's parameters, or null when it is too long to be ours. */
function params(hash: string): URLSearchParams | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  return text.length > MAX_LINK_LENGTH ? null : new URLSearchParams(text);
}

/** True when the hash names a lesson (by id or whole). */
export function hasLessonLink(hash: string): boolean {
  try {
    const found = params(hash);
    return found === null ? /[#&]lesson(-id)?=/.test(hash.slice(0, 200)) : found.has(LESSON_ID_PARAM) || found.has('lesson');
  } catch {
    return false;
  }
}

/** The stage a link asks for (from 0), and a note when it does not exist. */
function readStage(raw: string | null, lesson: Lesson): { stage: number; note: string | null } {
  if (raw === null) return { stage: 0, note: null };
  const stage = Number(raw);
  if (Number.isInteger(stage) && stage >= 1 && stage <= lesson.stages.length) return { stage: stage - 1, note: null };
  const shown = raw.length > 12 ? `${raw.slice(0, 12)}…` : raw;
  return { stage: 0, note: `The link asks for stage “${shown}”, which this lesson does not have (it has ${lesson.stages.length}); it opens at stage 1.` };
}

/** The lesson a location hash carries, or null when it carries none. Never throws. */
export function decodeLinkedLesson(hash: string): LinkedLesson | null {
  try {
    if (typeof hash !== 'string' || !hasLessonLink(hash)) return null;
    const found = params(hash);
    if (found === null) return { ok: false, notice: 'This link is too long to carry a lesson.', problems: [] };
    const id = found.get(LESSON_ID_PARAM);
    let lesson: Lesson;
    let problems: readonly string[] = [];
    if (id !== null) {
      const known = lessonById(id);
      if (!known) {
        const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
        return { ok: false, notice: `This link names a lesson “${shown}” that Descent Lab does not have; pick one from the Lessons menu.`, problems: [] };
      }
      lesson = known;
    } else {
      const parsed = decodeLessonHash(hash);
      if (parsed === null) return null;
      problems = parsed.problems.map((problem) => problem.message);
      if (!parsed.ok) return { ok: false, notice: `${parsed.error}${problems.length ? ` (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''})` : ''}`, problems };
      lesson = parsed.lesson;
    }
    const { stage, note } = readStage(found.get(STAGE_PARAM), lesson);
    const notes = [problems.length ? `This lesson was read with ${problems.length} change${problems.length === 1 ? '' : 's'}; the lesson panel lists ${problems.length === 1 ? 'it' : 'them'}.` : null, note].filter((text): text is string => text !== null);
    return { ok: true, lesson, stage, problems, notice: notes.length ? notes.join(' ') : null };
  } catch {
    return { ok: false, notice: 'This lesson link could not be read.', problems: [] };
  }
}

/** The hash that carries `session` (with the setup when the learner changed it), or the setup alone without a lesson. */
export function encodeAppHash(setup: Setup, session: LessonSession | null): string {
  if (!session) return encodeSetup(setup);
  const lessonPart = session.builtIn ? `v=1&${LESSON_ID_PARAM}=${encodeURIComponent(session.lesson.id)}` : encodeLessonHash(session.lesson).slice(1);
  const setupPart = setupChanges(session.setup, setup).length > 0 ? `&${encodeSetup(setup).slice(1).replace(/^v=\d+&/, '')}` : '';
  return `#${lessonPart}&${STAGE_PARAM}=${session.stage + 1}${setupPart}`;
}

/** A full URL for `session` on the page at `base`. */
export function lessonLink(base: string, setup: Setup, session: LessonSession | null): string {
  const hashAt = base.indexOf('#');
  return `${hashAt === -1 ? base : base.slice(0, hashAt)}${encodeAppHash(setup, session)}`;
}
