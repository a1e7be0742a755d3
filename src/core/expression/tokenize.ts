/**
 * Splits the text of f(x, y) into tokens. Numbers are read by hand (digits, an
 * optional fraction, an optional exponent) and converted with Number() on that
 * digit string only. A few typographic characters are accepted so that pasted
 * formulas work: − (minus), × and · (times), ÷, π. A name made only of x and y
 * (`xy`, `xxy`) is split into single letters, which then multiply.
 */

import type { ExpressionError } from './ast.ts';

export type TokenKind = 'number' | 'name' | 'op' | '(' | ')' | ',' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The operator ('+', '-', '*', '/', '^'; `**` becomes '^') or the name. */
  readonly text: string;
  /** The value of a number token. */
  readonly value: number;
  /** 0-based start and end (exclusive) in the text. */
  readonly start: number;
  readonly end: number;
}

export type TokenizeResult =
  | { readonly ok: true; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly error: ExpressionError };

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/** One-character operators and punctuation, including the typographic ones. */
function symbolOf(c: number): { kind: TokenKind; text: string } | null {
  switch (c) {
    case 43: return { kind: 'op', text: '+' };
    case 45: case 0x2212: return { kind: 'op', text: '-' };
    case 42: case 0xd7: case 0xb7: case 0x22c5: return { kind: 'op', text: '*' };
    case 47: case 0xf7: return { kind: 'op', text: '/' };
    case 94: return { kind: 'op', text: '^' };
    case 40: return { kind: '(', text: '(' };
    case 41: return { kind: ')', text: ')' };
    case 44: return { kind: ',', text: ',' };
    default: return null;
  }
}

/** How a character is shown in a message: printable ASCII as itself, anything else as U+XXXX. */
export function describeChar(text: string, at: number): string {
  const code = text.codePointAt(at) ?? 0;
  if (code >= 33 && code <= 126) return `'${String.fromCharCode(code)}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Tokenizes `text`; the caller has already bounded its length. */
export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      while (isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46) {
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
      // An exponent only when digits follow: `2e` is 2·e and `2ex` fails as a name.
      const e = text.charCodeAt(i);
      if (e === 101 || e === 69) {
        const sign = text.charCodeAt(i + 1);
        const digitsAt = sign === 43 || sign === 45 ? i + 2 : i + 1;
        if (isDigit(text.charCodeAt(digitsAt))) {
          i = digitsAt;
          while (isDigit(text.charCodeAt(i))) i++;
        }
      }
      if (text.charCodeAt(i) === 46) {
        return fail(`unexpected '.' at ${i}: a number has at most one decimal point`, i, 1, ['an operator']);
      }
      const value = Number(text.slice(start, i));
      if (!Number.isFinite(value)) {
        const shown = i - start > 24 ? `${text.slice(start, start + 24)}…` : text.slice(start, i);
        return fail(`number out of range at ${start}: ${shown}`, start, i - start, ['a number below 1e308']);
      }
      tokens.push({ kind: 'number', text: text.slice(start, i), value, start, end: i });
      continue;
    }
    if (isLetter(c)) {
      while (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))) i++;
      const name = text.slice(start, i);
      if (/^[xy]+$/.test(name)) {
        // `xy` reads as x·y: one token per letter, so that xy^2 = x·y².
        for (let k = start; k < i; k++) tokens.push({ kind: 'name', text: text[k], value: 0, start: k, end: k + 1 });
      } else {
        tokens.push({ kind: 'name', text: name, value: 0, start, end: i });
      }
      continue;
    }
    if (c === 0x3c0) {
      tokens.push({ kind: 'name', text: 'pi', value: 0, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === 42 && text.charCodeAt(i + 1) === 42) {
      tokens.push({ kind: 'op', text: '^', value: 0, start, end: i + 2 });
      i += 2;
      continue;
    }
    const symbol = symbolOf(c);
    if (symbol === null) {
      const shown = describeChar(text, i);
      const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      return fail(`unexpected character ${shown} at ${i}`, i, width, ['a number', 'x', 'y', 'a function', 'an operator']);
    }
    tokens.push({ kind: symbol.kind, text: symbol.text, value: 0, start, end: i + 1 });
    i++;
  }
  tokens.push({ kind: 'end', text: '', value: 0, start: text.length, end: text.length });
  return { ok: true, tokens };
}

function fail(message: string, position: number, length: number, expected: readonly string[]): TokenizeResult {
  return { ok: false, error: { message, position, length, expected } };
}
