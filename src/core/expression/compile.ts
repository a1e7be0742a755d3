/**
 * Turns an expression tree into a program (program.ts) and wraps it as functions
 * of (x, y). On the way: constant subtrees are folded to one number, repeated
 * subexpressions are computed once, and integer powers become multiplications
 * (x^2 → x·x, x^3 → x·x·x), exact and faster than Math.pow. The one program runs
 * three ways: on values, on dual numbers (the gradient) and on hyper-dual numbers
 * (the Hessian).
 */

import type { ExprNode } from './ast.ts';
import type { FunctionName } from './functions.ts';
import { Op, WIDTH, runDuals, runHyperDuals, runValues } from './program.ts';

const {
  ABS, ACOS, ADD, ASIN, ATAN, ATAN2, CBRT, CEIL, COS, COSH, CUBE, DIV, EXP, EXPB, FLOOR, HYPOT, LOG, LOG10, LOG2,
  MAX, MIN, MUL, NEG, POW, POWC, SIGN, SIN, SINH, SQ, SQRT, SUB, TAN, TANH,
} = Op;

/** f(x, y), its exact gradient and its exact Hessian; the functions may be called detached. Not re-entrant (it owns its scratch arrays), which JS's single thread guarantees. */
export interface CompiledExpression {
  /** f(x, y). */
  value(x: number, y: number): number;
  /** Writes ∂f/∂x into out[0] and ∂f/∂y into out[1]. */
  gradient(x: number, y: number, out: Float64Array): void;
  /** Writes the gradient into out[0..1] and returns f(x, y), in one pass. */
  valueAndGradient(x: number, y: number, out: Float64Array): number;
  /** Writes ∂²f/∂x² into out[0], ∂²f/∂x∂y into out[1] and ∂²f/∂y² into out[2] (forward mode of second order). */
  hessian(x: number, y: number, out: Float64Array): void;
  /** Instructions run per evaluation (0 when f is constant or just x or y). */
  readonly instructionCount: number;
}

const UNARY: ReadonlyMap<FunctionName, number> = new Map<FunctionName, number>([
  ['sin', SIN], ['cos', COS], ['tan', TAN], ['asin', ASIN], ['acos', ACOS], ['atan', ATAN],
  ['sinh', SINH], ['cosh', COSH], ['tanh', TANH], ['exp', EXP], ['log', LOG], ['ln', LOG],
  ['log10', LOG10], ['log2', LOG2], ['sqrt', SQRT], ['cbrt', CBRT], ['abs', ABS], ['sign', SIGN],
  ['floor', FLOOR], ['ceil', CEIL],
]);
const FOLDED: ReadonlyMap<FunctionName, number> = new Map<FunctionName, number>([
  ['min', MIN], ['max', MAX], ['hypot', HYPOT], ['atan2', ATAN2],
]);
const BINARY: ReadonlyMap<string, number> = new Map([['+', ADD], ['-', SUB], ['*', MUL], ['/', DIV]]);
const BINARY_OPS: ReadonlySet<number> = new Set([ADD, SUB, MUL, DIV, POW, POWC, EXPB, MIN, MAX, ATAN2, HYPOT]);

/** Collects instructions and slots while walking the tree. */
class Builder {
  readonly code: number[] = [];
  /** Slot values: x and y are placeholders; constants are final. */
  readonly values: number[] = [0, 0];
  readonly isConstant: boolean[] = [false, false];
  private readonly constantSlots = new Map<number, number>();
  private readonly seen = new Map<string, number>();
  private readonly scratch = new Float64Array(3);

  constant(value: number): number {
    // A Map keys 0 and -0 together, so -0 (rare: 1/-0 must stay -Infinity) is never shared.
    const shared = !Object.is(value, -0);
    const known = shared ? this.constantSlots.get(value) : undefined;
    if (known !== undefined) return known;
    const slot = this.values.length;
    this.values.push(value);
    this.isConstant.push(true);
    if (shared) this.constantSlots.set(value, slot);
    return slot;
  }

  /** Emits op(a, b) (b = 0 for unary ops), folding it when its operands are constants. */
  emit(op: number, a: number, b = 0): number {
    const unary = !BINARY_OPS.has(op);
    if (this.isConstant[a] && (unary || this.isConstant[b])) {
      this.scratch[0] = this.values[a];
      this.scratch[1] = this.values[b];
      runValues(Int32Array.of(op, 2, 0, unary ? 0 : 1), WIDTH, this.scratch);
      return this.constant(this.scratch[2]);
    }
    const key = `${op},${a},${unary ? 0 : b}`;
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    const slot = this.values.length;
    this.values.push(0);
    this.isConstant.push(false);
    this.code.push(op, slot, a, unary ? 0 : b);
    this.seen.set(key, slot);
    return slot;
  }

  /** The slot holding the node's value. Recursion depth is bounded by EXPRESSION_LIMITS.maxTreeDepth. */
  node(node: ExprNode): number {
    switch (node.kind) {
      case 'number':
      case 'constant':
        return this.constant(node.value);
      case 'variable':
        return node.name === 'x' ? 0 : 1;
      case 'negate':
        return this.emit(NEG, this.node(node.arg));
      case 'binary':
        if (node.op === '^') return this.power(this.node(node.left), this.node(node.right));
        return this.emit(BINARY.get(node.op) ?? ADD, this.node(node.left), this.node(node.right));
      case 'call': {
        const unary = UNARY.get(node.name);
        if (unary !== undefined) return this.emit(unary, this.node(node.args[0]));
        const op = FOLDED.get(node.name) ?? MIN;
        // min, max and hypot of many arguments fold pairwise, left to right; hypot(a) = |a|.
        if (node.args.length === 1) return op === HYPOT ? this.emit(ABS, this.node(node.args[0])) : this.node(node.args[0]);
        let slot = this.node(node.args[0]);
        for (let i = 1; i < node.args.length; i++) slot = this.emit(op, slot, this.node(node.args[i]));
        return slot;
      }
    }
  }

  private power(base: number, exponent: number): number {
    if (!this.isConstant[exponent]) {
      if (!this.isConstant[base]) return this.emit(POW, base, exponent);
      return this.values[base] === Math.E ? this.emit(EXP, exponent) : this.emit(EXPB, exponent, base);
    }
    if (this.isConstant[base]) return this.emit(POWC, base, exponent);
    const n = this.values[exponent];
    if (n === 1) return base;
    if (n === 2) return this.emit(SQ, base);
    if (n === 3) return this.emit(CUBE, base);
    if (n === 4) return this.emit(SQ, this.emit(SQ, base));
    if (n === 0.5) return this.emit(SQRT, base);
    return this.emit(POWC, base, exponent);
  }
}

/** Compiles a parsed tree. Total: every tree from parseExpression compiles. */
export function compileExpression(tree: ExprNode): CompiledExpression {
  const builder = new Builder();
  const result = builder.node(tree);
  const length = builder.code.length;
  const code = Int32Array.from(builder.code);
  // The dual program addresses d[] directly: operands pre-multiplied by the stride 3.
  const dualCode = Int32Array.from(builder.code, (field, i) => (i % WIDTH === 0 ? field : field * 3));
  const values = Float64Array.from(builder.values);
  const duals = new Float64Array(values.length * 3);
  for (let slot = 0; slot < values.length; slot++) duals[slot * 3] = values[slot];
  duals[1] = 1; // ∂x/∂x
  duals[5] = 1; // ∂y/∂y
  const r = result * 3;
  // The hyper-dual program: the same instructions, operands pre-multiplied by the stride 6.
  const hyperCode = Int32Array.from(builder.code, (field, i) => (i % WIDTH === 0 ? field : field * 6));
  const hyper = new Float64Array(values.length * 6);
  for (let slot = 0; slot < values.length; slot++) hyper[slot * 6] = values[slot];
  hyper[1] = 1; // ∂x/∂x
  hyper[8] = 1; // ∂y/∂y
  const rh = result * 6;

  const gradient = (x: number, y: number, out: Float64Array): void => {
    duals[0] = x;
    duals[3] = y;
    runDuals(dualCode, length, duals);
    out[0] = duals[r + 1];
    out[1] = duals[r + 2];
  };
  // Arrow functions, not methods: they never use `this`, so callers may pass them around detached.
  return {
    instructionCount: length / WIDTH,
    value: (x, y) => {
      values[0] = x;
      values[1] = y;
      runValues(code, length, values);
      return values[result];
    },
    gradient,
    valueAndGradient: (x, y, out) => {
      gradient(x, y, out);
      return duals[r];
    },
    hessian: (x, y, out) => {
      hyper[0] = x;
      hyper[6] = y;
      runHyperDuals(hyperCode, length, hyper);
      out[0] = hyper[rh + 3];
      out[1] = hyper[rh + 4];
      out[2] = hyper[rh + 5];
    },
  };
}
