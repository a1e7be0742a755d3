/**
 * A lesson in a link: `#v=1&lesson=<base64url of the lesson's one-line JSON>`,
 * the same shape as a setup link (url.ts), so a teacher can send a lesson the
 * way students already share setups. The base64url codec is written out here
 * (RFC 4648 §5, no padding) so that it works the same in Node, a worker and the
 * page, and rejects anything outside its alphabet instead of guessing.
 * Decoding never throws; what it decodes goes through parseLesson.
 */
import { MAX_LINK_LENGTH } from '../../core/index.ts';
import { parseLesson, type ParsedLesson } from './parse.ts';
import { LESSON_FORMAT_VERSION, type Lesson } from './schema.ts';
import { compactLesson } from './serialize.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF: Readonly<Record<string, number>> = Object.fromEntries([...ALPHABET].map((char, index) => [char, index]));

/** Bytes as base64url without padding. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** The bytes of unpadded base64url text, or null when it is not exactly that. */
export function base64UrlToBytes(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (const char of text) {
    if (!Object.hasOwn(VALUE_OF, char)) return null;
    bits = (bits << 6) | VALUE_OF[char];
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes[at++] = (bits >> count) & 0xff;
    }
  }
  // The bits left over must be zero, or the text was not written by an encoder.
  if ((bits & ((1 << count) - 1)) !== 0) return null;
  return bytes;
}

/** The hash fragment (with "#") that carries `lesson`. */
export function encodeLessonHash(lesson: Lesson): string {
  return `#v=${LESSON_FORMAT_VERSION}&lesson=${bytesToBase64Url(new TextEncoder().encode(compactLesson(lesson)))}`;
}

/**
 * The lesson a location hash carries, parsed (with its problems), or null when
 * the hash carries no lesson. Never throws.
 */
export function decodeLessonHash(hash: string): ParsedLesson | null {
  try {
    if (typeof hash !== 'string') return null;
    const text = hash.startsWith('#') ? hash.slice(1) : hash;
    const damaged = (message: string): ParsedLesson => ({ ok: false, error: message, problems: [{ path: [], message: `lesson: ${message}` }] });
    if (text.length > MAX_LINK_LENGTH) return damaged('This link is too long to carry a lesson.');
    const encoded = new URLSearchParams(text).get('lesson');
    if (encoded === null) return null;
    const bytes = base64UrlToBytes(encoded);
    let json: string | null = null;
    if (bytes !== null) {
      try {
        json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        json = null;
      }
    }
    if (json === null) return damaged('This link is damaged (it may have been cut short).');
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return damaged('This link is damaged (it may have been cut short).');
    }
    return parseLesson(parsed);
  } catch {
    return { ok: false, error: 'This link could not be read.', problems: [{ path: [], message: 'lesson: this link could not be read' }] };
  }
}
