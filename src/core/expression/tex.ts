/**
 * TeX for an expression tree, for KaTeX in the UI. It is generated from the tree
 * only, never from the user's text: every piece is a fixed template, an allowlisted
 * function name or a number printed by formatNumber, so nothing the user typed
 * (no backslash, brace or macro) can reach the TeX.
 */

import type { ExprNode } from './ast.ts';
import type { FunctionName } from './functions.ts';

/** Binding strength: sums 1, products 2, negation 3, powers 4, atoms 5. */
function precedence(node: ExprNode): number {
  switch (node.kind) {
    case 'binary':
      return node.op === '+' || node.op === '-' ? 1 : node.op === '^' ? 4 : node.op === '/' ? 5 : 2;
    case 'negate':
      return 3;
    default:
      return 5;
  }
}

const paren = (tex: string): string => `\\left(${tex}\\right)`;

/** A finite double as TeX: 0.001, 2.5, 1.5 \times 10^{-12}. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value !== value ? '\\mathrm{NaN}' : value > 0 ? '\\infty' : '-\\infty';
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const mantissa = text.slice(0, e);
  const exponent = String(Number(text.slice(e + 1)));
  return mantissa === '1' ? `10^{${exponent}}` : `${mantissa} \\times 10^{${exponent}}`;
}

const NAMED: ReadonlyMap<FunctionName, string> = new Map<FunctionName, string>([
  ['sin', '\\sin'], ['cos', '\\cos'], ['tan', '\\tan'], ['asin', '\\arcsin'], ['acos', '\\arccos'], ['atan', '\\arctan'],
  ['sinh', '\\sinh'], ['cosh', '\\cosh'], ['tanh', '\\tanh'], ['exp', '\\exp'], ['log', '\\ln'], ['ln', '\\ln'],
  ['log10', '\\log_{10}'], ['log2', '\\log_{2}'], ['min', '\\min'], ['max', '\\max'],
  ['atan2', '\\operatorname{atan2}'], ['sign', '\\operatorname{sign}'], ['hypot', '\\operatorname{hypot}'],
]);

function call(name: FunctionName, args: readonly ExprNode[]): string {
  const inner = args.map((arg) => toTex(arg)).join(', ');
  switch (name) {
    case 'sqrt': return `\\sqrt{${inner}}`;
    case 'cbrt': return `\\sqrt[3]{${inner}}`;
    case 'abs': return `\\left|${inner}\\right|`;
    case 'floor': return `\\left\\lfloor ${inner}\\right\\rfloor`;
    case 'ceil': return `\\left\\lceil ${inner}\\right\\rceil`;
    default: return `${NAMED.get(name) ?? '\\operatorname{f}'}${paren(inner)}`;
  }
}

function product(node: ExprNode & { kind: 'binary' }): string {
  const left = wrap(node.left, precedence(node.left) < 2);
  const right = wrap(node.right, precedence(node.right) <= 1 || node.right.kind === 'negate');
  // Juxtapose as typed (2x, x\,y), but 2\frac{1}{2} would read as a mixed number and 2 3 as 23.
  if (!node.implicit || /^[0-9]/.test(right) || right.startsWith('\\frac')) return `${left} \\cdot ${right}`;
  return node.left.kind === 'number' ? `${left}${right}` : `${left}\\,${right}`;
}

function wrap(node: ExprNode, needsParens: boolean): string {
  const tex = toTex(node);
  return needsParens ? paren(tex) : tex;
}

/** TeX for the tree. Recursion depth is bounded by EXPRESSION_LIMITS.maxTreeDepth. */
export function toTex(node: ExprNode): string {
  switch (node.kind) {
    case 'number':
      return formatNumber(node.value);
    case 'variable':
      return node.name;
    case 'constant':
      return node.name === 'pi' ? '\\pi' : 'e';
    case 'negate':
      return `-${wrap(node.arg, precedence(node.arg) <= 3)}`;
    case 'call':
      return call(node.name, node.args);
    case 'binary':
      switch (node.op) {
        case '+':
          return `${toTex(node.left)} + ${wrap(node.right, node.right.kind === 'negate')}`;
        case '-':
          return `${toTex(node.left)} - ${wrap(node.right, precedence(node.right) <= 1 || node.right.kind === 'negate')}`;
        case '/':
          return `\\frac{${toTex(node.left)}}{${toTex(node.right)}}`;
        case '^': {
          // A call as base reads better in parentheses too: \left(\sin(x)\right)^{2}.
          const base = wrap(node.left, precedence(node.left) < 5 || node.left.kind === 'call' || node.left.kind === 'number' && node.left.value < 0);
          return `{${base}}^{${toTex(node.right)}}`;
        }
        default:
          return product(node);
      }
  }
}
