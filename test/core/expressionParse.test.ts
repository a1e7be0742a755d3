import { describe, expect, it } from 'vitest';
import { compileExpression, parseExpression, toTex, type ExpressionError } from '../../src/core/expression/index.ts';

/** Parses and compiles, failing the test with the parser's message if the text is rejected. */
function compile(text: string) {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
  return compileExpression(parsed.tree);
}

function errorOf(text: string): ExpressionError {
  const parsed = parseExpression(text);
  if (parsed.ok) throw new Error(`${text} parsed, but should not`);
  return parsed.error;
}

const SAMPLE_POINTS: readonly [number, number][] = [[0.7, 1.3], [-1.2, 0.4], [2.5, -0.8], [0.1, 0.1]];

/** Each text against the same function written in JS. */
const CASES: readonly [string, (x: number, y: number) => number][] = [
  // The examples.
  ['x^2 + 10*y^2', (x, y) => x ** 2 + 10 * y ** 2],
  ['sin(3x) * cos(y) + 0.1(x^2 + y^2)', (x, y) => Math.sin(3 * x) * Math.cos(y) + 0.1 * (x ** 2 + y ** 2)],
  ['(1 - x)^2 + 100 (y - x^2)^2', (x, y) => (1 - x) ** 2 + 100 * (y - x ** 2) ** 2],
  // Precedence and associativity.
  ['-x^2', (x) => -(x ** 2)],
  ['-x^2 + y', (x, y) => -(x ** 2) + y],
  ['2^3^2', () => 512],
  ['x**2**2', (x) => x ** 4],
  ['2^-x', (x) => 2 ** -x],
  ['e^-x^2', (x) => Math.exp(-(x ** 2))],
  ['x - y - 1', (x, y) => x - y - 1],
  ['x / y / 2', (x, y) => x / y / 2],
  ['1 + 2 * 3', () => 7],
  ['--x', (x) => x],
  ['+x - -y', (x, y) => x + y],
  ['2 * -x', (x) => -2 * x],
  ['x^-1', (x) => 1 / x],
  ['(-x)^2', (x) => x * x],
  // Implicit multiplication.
  ['3x', (x) => 3 * x],
  ['2(x+1)', (x) => 2 * (x + 1)],
  ['x y', (x, y) => x * y],
  ['xy', (x, y) => x * y],
  ['2xy^2', (x, y) => 2 * x * y * y],
  ['(x+1)(y-1)', (x, y) => (x + 1) * (y - 1)],
  ['sin(3x)', (x) => Math.sin(3 * x)],
  ['2pi', () => 2 * Math.PI],
  ['2 pi x', (x) => 2 * Math.PI * x],
  ['x sin(y)', (x, y) => x * Math.sin(y)],
  ['2x^2', (x) => 2 * x * x],
  ['1/2x', (x) => x / 2],
  ['3(x)(y)', (x, y) => 3 * x * y],
  ['x(y + 1)', (x, y) => x * (y + 1)],
  ['2e', () => 2 * Math.E],
  ['πx', (x) => Math.PI * x],
  ['x · y − 2 × x', (x, y) => x * y - 2 * x],
  // Numbers.
  ['.5x', (x) => 0.5 * x],
  ['1e-3 x', (x) => 1e-3 * x],
  ['2.5E+2', () => 250],
  ['1.x', (x) => x],
  // Functions.
  ['atan2(y, x)', (x, y) => Math.atan2(y, x)],
  ['pow(x, 3) + pow(2, y)', (x, y) => x ** 3 + 2 ** y],
  ['min(x, y, 0.5) + max(x, y)', (x, y) => Math.min(x, y, 0.5) + Math.max(x, y)],
  ['hypot(x, y, 1)', (x, y) => Math.hypot(x, y, 1)],
  ['log(x^2) + ln(2) + log10(100) + log2(8)', (x) => Math.log(x * x) + Math.log(2) + 2 + 3],
  ['sqrt(abs(x)) + cbrt(y)', (x, y) => Math.sqrt(Math.abs(x)) + Math.cbrt(y)],
  ['sinh(x) + cosh(y) + tanh(x y)', (x, y) => Math.sinh(x) + Math.cosh(y) + Math.tanh(x * y)],
  ['tan(x) + atan(y) + asin(0.5) + acos(0.5)', (x, y) => Math.tan(x) + Math.atan(y) + Math.PI / 2],
  ['sign(x) + floor(y) + ceil(x)', (x, y) => Math.sign(x) + Math.floor(y) + Math.ceil(x)],
  ['exp(-(x^2 + y^2))', (x, y) => Math.exp(-(x * x + y * y))],
  ['  x\t+\ny  ', (x, y) => x + y],
];

describe('parseExpression', () => {
  it.each(CASES)('reads %s as its JS equivalent', (text, expected) => {
    const f = compile(text);
    for (const [x, y] of SAMPLE_POINTS) {
      const want = expected(x, y);
      const got = f.value(x, y);
      if (Number.isNaN(want)) expect(got).toBeNaN();
      else expect(got).toBeCloseTo(want, 12);
    }
  });

  it('gives the value and gradient in one pass', () => {
    const f = compile('x^2 y');
    const out = new Float64Array(2);
    expect(f.valueAndGradient(3, 2, out)).toBe(18);
    expect(Array.from(out)).toEqual([12, 9]);
  });

  it('folds constant subexpressions and computes shared ones once', () => {
    expect(compile('2 pi + sqrt(16) * e').instructionCount).toBe(0);
    expect(compile('x').instructionCount).toBe(0);
    // x^2 appears twice but is squared once: SQ, SIN, COS, ADD.
    expect(compile('sin(x^2) + cos(x^2)').instructionCount).toBe(4);
  });

  it('keeps integer powers exact', () => {
    const f = compile('x^3 + y^4');
    expect(f.value(1.1, 0.3)).toBe(1.1 * 1.1 * 1.1 + 0.3 * 0.3 * (0.3 * 0.3));
  });
});

describe('parse errors', () => {
  it('points at the missing closing parenthesis', () => {
    const error = errorOf('sin(3x) * (x + y');
    expect(error).toMatchObject({ position: 16, length: 0, expected: ["')'"] });
    expect(error.message).toBe("expected ')' at 16 to close '(' at 10, found end of input");
  });

  it('names unknown functions and lists the allowed ones', () => {
    const error = errorOf('foo(x) + 1');
    expect(error.position).toBe(0);
    expect(error.length).toBe(3);
    expect(error.message).toMatch(/^unknown function 'foo' at 0 — allowed: abs, acos, /);
    expect(error.expected).toContain('sin');
    expect(error.expected).toContain('pow');
  });

  it('names unknown variables', () => {
    expect(errorOf('x + z')).toMatchObject({ position: 4, length: 1, expected: ['x', 'y', 'pi', 'e'] });
    expect(errorOf('x + z').message).toBe("unknown variable 'z' at 4 — use x and y (and the constants pi, e)");
  });

  it.each([
    ['', 0, 'empty expression'],
    ['x +', 3, 'unexpected end of input'],
    ['x + * y', 4, "unexpected '*'"],
    ['(x + y))', 7, "unmatched ')'"],
    ['x, y', 1, "unexpected ','"],
    ['2 3', 2, 'expected an operator before the number'],
    ['sin x', 4, "expected '(' after 'sin'"],
    ['sin(x, y)', 0, 'sin takes 1 argument, got 2'],
    ['atan2(y)', 0, 'atan2 takes 2 arguments, got 1'],
    ['min()', 4, "unexpected ')'"],
    ['x $ y', 2, "unexpected character '$'"],
    ['x.y', 1, "unexpected character '.'"],
    ['1.2.3', 3, "unexpected '.'"],
    ['1e999 x', 0, 'number out of range'],
    ['x \u0000', 2, 'unexpected character U+0000'],
    ['constructor', 0, "unknown variable 'constructor'"],
    ['__proto__(x)', 0, "unknown function '__proto__'"],
    ['toString(x)', 0, "unknown function 'toString'"],
  ])('%j fails at %i with "%s"', (text, position, message) => {
    const error = errorOf(text);
    expect(error.position).toBe(position);
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('rejects over-long input, deep nesting and deep trees without recursing into them', () => {
    expect(errorOf('x+'.repeat(1000) + 'x').message).toMatch(/^expression too long/);
    expect(errorOf('('.repeat(65) + 'x' + ')'.repeat(65)).message).toMatch(/^nested too deeply at 64/);
    expect(parseExpression('('.repeat(60) + 'x' + ')'.repeat(60)).ok).toBe(true);
    expect(parseExpression('1+'.repeat(500) + '1').ok).toBe(true);
    expect(errorOf('1+'.repeat(600) + '1').message).toMatch(/^expression too deep/);
  });
});

describe('toTex', () => {
  const tex = (text: string): string => {
    const parsed = parseExpression(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return toTex(parsed.tree);
  };

  it('renders the issue examples', () => {
    expect(tex('(1 - x)^2 + 100 (y - x^2)^2')).toBe('{\\left(1 - x\\right)}^{2} + 100{\\left(y - {x}^{2}\\right)}^{2}');
    expect(tex('x^2 + 10*y^2')).toBe('{x}^{2} + 10 \\cdot {y}^{2}');
    expect(tex('sin(3x) / 2 - -x')).toBe('\\frac{\\sin\\left(3x\\right)}{2} - \\left(-x\\right)');
    expect(tex('1e-12 x + sqrt(abs(y))')).toBe('10^{-12}x + \\sqrt{\\left|y\\right|}');
  });

  it('is built from the tree only: nothing typed reaches it', () => {
    // Whitespace, typography and spelling of the input do not show; only allowlisted names and numbers do.
    expect(tex('x  ×  y')).toBe(tex('x*y'));
    expect(tex('ln(x)')).toBe('\\ln\\left(x\\right)');
    expect(tex('2.50')).toBe('2.5');
  });
});
