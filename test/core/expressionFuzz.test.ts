import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileExpression, EXPRESSION_LIMITS, parseExpression, surfaceFromExpression, toTex } from '../../src/core/expression/index.ts';
import { createRandom } from '../../src/core/random.ts';

const VALID = [
  'x^2 + 10*y^2', 'sin(3x) * cos(y) + 0.1(x^2 + y^2)', '(1 - x)^2 + 100 (y - x^2)^2', '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  'exp(-(x^2 + y^2)) * atan2(y, x)', 'min(x, y, 1) + max(abs(x), hypot(x, y))', '2pi x y^-1.5 + e^-x', 'log(1 + x^2) / sqrt(2 + y)',
];

const SOUP = [
  'x', 'y', '1', '2.5', '.5', '1e-3', '1e999', 'pi', 'e', 'π', '+', '-', '−', '*', '/', '^', '**', '(', ')', ',', ' ', '.',
  'sin', 'atan2', 'min', 'pow', 'foo', 'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty',
  'this', 'globalThis', 'window', 'process', 'require', 'import', 'eval', 'Function', 'alert', 'new', '=>', '=', ';',
  '"', "'", '`', '${', '}', '{', '[', ']', '\\', '\u0000', '\uD83D\uDE00', '\uD800', 'é', '\u202E', '#', '@', '!', '?', ':',
];

const ATTACKS = [
  'constructor.constructor("alert(1)")()', 'constructor', '__proto__', '__proto__.polluted', 'x.constructor',
  'x["constructor"]', 'this', 'globalThis', 'globalThis.alert(1)', '`${alert(1)}`', '${x}', 'x; alert(1)',
  'alert(1)', 'Function("return this")()', 'eval("1")', 'import("data:text/javascript,alert(1)")', 'process.exit(1)',
  'toString()', 'valueOf(x)', 'hasOwnProperty(x)', 'x => x', '() => {}', 'new Function', 'sin.constructor',
  '9^9^9^9', '9**9**9**9', '1e999', '1e308 * 10', '-1e308^3', '0/0', 'log(0)', '(-8)^(1/3)', '10^400', 'exp(1000)',
  '('.repeat(10_000) + 'x' + ')'.repeat(10_000), 'sin('.repeat(70) + 'x' + ')'.repeat(70), '-'.repeat(1999) + 'x',
  'x^'.repeat(999) + 'x', 'x'.repeat(2000), 'x+'.repeat(999) + 'x', 'x'.repeat(100_000), 'sin(x)'.repeat(20_000),
  '1'.repeat(400), '9'.repeat(310), '0.' + '0'.repeat(400) + '1', '\u0000', 'x\u0000y', '\uFEFFx', '\uD800', '\uDFFF\uD800',
  'x\u2028y', 'ｘ', 'x\u0301', '∞', 'NaN', 'Infinity', '-Infinity', 'undefined', 'null', 'true', '[]', '{}', '',
  ' '.repeat(2000), ' '.repeat(2001), ')'.repeat(1000), ','.repeat(1000), 'min(' + 'x,'.repeat(990) + 'x)',
];

function mutate(text: string, next: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(next() * (result.length + 1));
    const choice = next();
    if (choice < 0.3) result = result.slice(0, at) + result.slice(at + 1);
    else if (choice < 0.6) result = result.slice(0, at) + SOUP[Math.floor(next() * SOUP.length)] + result.slice(at);
    else if (choice < 0.8) result = result.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x10000)) + result.slice(at);
    else {
      const end = at + Math.floor(next() * 10);
      result = result.slice(0, end) + result.slice(at, end) + result.slice(end);
    }
  }
  return result;
}

/** A random valid expression and the same function in JS, for differential checks. */
function generate(next: () => number, depth: number): [string, (x: number, y: number) => number] {
  const pick = Math.floor(next() * (depth <= 0 ? 4 : 12));
  const sub = () => generate(next, depth - 1);
  switch (pick) {
    case 0: return ['x', (x) => x];
    case 1: return ['y', (_x, y) => y];
    case 2: { const c = Math.round(next() * 1000) / 100; return [String(c), () => c]; }
    case 3: return ['pi', () => Math.PI];
    case 4: { const [a, fa] = sub(), [b, fb] = sub(); return [`(${a} + ${b})`, (x, y) => fa(x, y) + fb(x, y)]; }
    case 5: { const [a, fa] = sub(), [b, fb] = sub(); return [`(${a}) - (${b})`, (x, y) => fa(x, y) - fb(x, y)]; }
    case 6: { const [a, fa] = sub(), [b, fb] = sub(); return [`(${a})(${b})`, (x, y) => fa(x, y) * fb(x, y)]; }
    case 7: { const [a, fa] = sub(), [b, fb] = sub(); return [`(${a}) / (${b})`, (x, y) => fa(x, y) / fb(x, y)]; }
    case 8: { const [a, fa] = sub(); const n = Math.floor(next() * 5) - 1; return [`(${a})^${n}`, (x, y) => fa(x, y) ** n]; }
    case 9: { const [a, fa] = sub(); return [`-(${a})`, (x, y) => -fa(x, y)]; }
    case 10: { const [a, fa] = sub(); return [`sin(${a})`, (x, y) => Math.sin(fa(x, y))]; }
    default: { const [a, fa] = sub(), [b, fb] = sub(); return [`max(${a}, ${b})`, (x, y) => Math.max(fa(x, y), fb(x, y))]; }
  }
}

function inputs(): string[] {
  const next = createRandom(20260);
  const all: string[] = [...ATTACKS];
  for (let i = 0; i < 5000; i++) {
    const length = 1 + Math.floor(next() * 40);
    let text = '';
    for (let k = 0; k < length; k++) text += SOUP[Math.floor(next() * SOUP.length)];
    all.push(text);
  }
  for (let i = 0; i < 5000; i++) all.push(mutate(VALID[i % VALID.length], next));
  for (let i = 0; i < 1000; i++) {
    const length = Math.floor(next() * 60);
    let text = '';
    for (let k = 0; k < length; k++) text += String.fromCharCode(Math.floor(next() * 0x10000));
    all.push(text);
  }
  for (let depth = 55; depth <= 80; depth++) all.push('('.repeat(depth) + 'x' + ')'.repeat(depth), 'x^'.repeat(depth) + '2');
  return all;
}

/**
 * Traps that would fire if parsing ever reached JavaScript's dynamic machinery:
 * Function / eval, a lookup of a user's name on a prototype, or inherited accessors.
 */
const trapped: string[] = [];
const restores: (() => void)[] = [];

function trap(target: object, key: string): void {
  const original = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, {
    configurable: true,
    get() {
      trapped.push(key);
      return original?.get ? original.get.call(this) : original?.value;
    },
    set(value: unknown) {
      trapped.push(`set ${key}`);
      if (original?.set) original.set.call(this, value);
    },
  });
  restores.push(() => {
    if (original) Object.defineProperty(target, key, original);
    else Reflect.deleteProperty(target, key);
  });
}

describe('expression fuzz', () => {
  beforeEach(() => {
    trapped.length = 0;
    for (const key of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'alert', 'foo', 'polluted', 'prototype', 'process', 'require', 'window']) {
      trap(Object.prototype, key);
    }
    trap(Function.prototype, 'constructor');
    trap(globalThis, 'Function');
    trap(globalThis, 'eval');
  });

  afterEach(() => {
    while (restores.length > 0) (restores.pop() as () => void)();
  });

  it('always returns a tree or an error, quickly, and never reaches dynamic code', () => {
    // The trap is live: an unsafe lookup of a user's name on a plain object would be seen.
    void (({}) as Record<string, unknown>)['constructor'];
    const trapIsLive = trapped.length === 1 && trapped[0] === 'constructor';
    trapped.length = 0;
    const cases = inputs();
    const out = new Float64Array(2);
    const failures: string[] = [];
    let parsedOk = 0;
    let slowest = 0;
    const started = performance.now();
    for (const text of cases) {
      const t0 = performance.now();
      try {
        const result = parseExpression(text);
        if (result.ok) {
          parsedOk++;
          const f = compileExpression(result.tree);
          const value = f.valueAndGradient(0.3, -0.7, out);
          if (typeof value !== 'number' || typeof f.value(1, 2) !== 'number' || typeof toTex(result.tree) !== 'string') {
            failures.push(`bad evaluation for ${JSON.stringify(text.slice(0, 80))}`);
          }
        } else {
          const { message, position, length, expected } = result.error;
          const sane = typeof message === 'string' && message.length > 0 && message.length < 400 &&
            Number.isInteger(position) && position >= 0 && position <= text.length &&
            Number.isInteger(length) && length >= 0 && position + length <= text.length && Array.isArray(expected);
          if (!sane) failures.push(`bad error for ${JSON.stringify(text.slice(0, 80))}: ${JSON.stringify(result.error)}`);
        }
      } catch (error) {
        failures.push(`threw on ${JSON.stringify(text.slice(0, 80))}: ${String(error)}`);
      }
      const elapsed = performance.now() - t0;
      slowest = Math.max(slowest, elapsed);
      // Bounded time: a hang or a super-linear blow-up on a 100 kB input takes far longer (a quadratic
      // pass over 100 kB is 10¹⁰ steps); the bound is loose enough that a garbage collection or a machine
      // running other jobs on both cores does not trip it.
      if (elapsed > 5000) failures.push(`${elapsed.toFixed(1)} ms on ${JSON.stringify(text.slice(0, 80))}`);
    }
    const total = performance.now() - started;
    const reached = [...trapped];
    afterEachRestore();

    expect(trapIsLive).toBe(true);
    expect(failures).toEqual([]);
    expect(reached).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(10_000);
    expect(parsedOk).toBeGreaterThan(500);
    expect(total).toBeLessThan(60_000);
    console.info(`expression fuzz: ${cases.length} inputs (${parsedOk} valid) in ${total.toFixed(0)} ms, slowest ${slowest.toFixed(2)} ms`);
  });

  it('turns mutated valid inputs into a surface or an error, without throwing', () => {
    const next = createRandom(99);
    const problems: string[] = [];
    let built = 0;
    let slowest = 0;
    for (let i = 0; i < 300; i++) {
      const text = i < VALID.length ? VALID[i] : mutate(VALID[i % VALID.length], next);
      const t0 = performance.now();
      try {
        const result = surfaceFromExpression(text, { x: [-3, 3], y: [-2, 2] });
        if (result.ok) {
          built++;
          const s = result.surface;
          const sane = s.nonFiniteFraction >= 0 && s.nonFiniteFraction <= 1 && s.suggestedLr > 0 &&
            s.lrRange[0] < s.lrRange[1] && s.suggestedStart.every(Number.isFinite) && s.minima.length <= 4;
          if (!sane) problems.push(`odd surface for ${JSON.stringify(text)}`);
        } else if (typeof result.error.message !== 'string') {
          problems.push(`odd error for ${JSON.stringify(text)}`);
        }
      } catch (error) {
        problems.push(`threw on ${JSON.stringify(text)}: ${String(error)}`);
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
    const reached = [...trapped];
    afterEachRestore();

    expect(problems).toEqual([]);
    expect(reached).toEqual([]);
    expect(built).toBeGreaterThan(15);
    expect(slowest).toBeLessThan(500);
  });

  it('computes 2,000 random valid expressions exactly as the same function written in JS', () => {
    const next = createRandom(4242);
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const [text, expected] = generate(next, 4);
      const parsed = parseExpression(text);
      if (!parsed.ok) {
        mismatches.push(`${text}: ${parsed.error.message}`);
        continue;
      }
      const f = compileExpression(parsed.tree);
      const x = next() * 4 - 2, y = next() * 4 - 2;
      const want = expected(x, y), got = f.value(x, y);
      const close = Object.is(want, got) || Math.abs(want - got) <= 1e-9 * (1 + Math.abs(want));
      if (!close) mismatches.push(`${text} at (${x}, ${y}): ${got} ≠ ${want}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('bounds its own limits', () => {
    expect(EXPRESSION_LIMITS).toEqual({ maxLength: 2000, maxNesting: 64, maxNodes: 2000, maxTreeDepth: 512 });
  });
});

function afterEachRestore(): void {
  while (restores.length > 0) (restores.pop() as () => void)();
}
