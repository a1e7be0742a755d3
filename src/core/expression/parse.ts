/**
 * A recursive-descent parser for f(x, y) in ordinary notation:
 *
 *   sum     := product (('+' | '-') product)*
 *   product := signed (('*' | '/') signed | power)*      juxtaposition multiplies: 2x, x sin(y), (x+1)(y-1)
 *   signed  := ('+' | '-')* power                        so -x^2 = -(x^2)
 *   power   := primary (('^' | '**') signed)?            right-associative: 2^3^2 = 2^9
 *   primary := number | x | y | pi | e | name '(' sum (',' sum)* ')' | '(' sum ')'
 *
 * Implicit multiplication has the same precedence as * and /, read left to right
 * (1/2x = (1/2)·x); it applies before a name or '(' but not before a number, so
 * `2 3` is an error rather than 6. `xy` arrives from the tokenizer as x y. Recursion is bounded by EXPRESSION_LIMITS.maxNesting, so no input
 * can exhaust the stack; errors are returned as values, never thrown to the caller.
 */

import { EXPRESSION_LIMITS, type ExprNode, type ExpressionError, type ParseResult } from './ast.ts';
import { CONSTANTS, FUNCTIONS, FUNCTION_NAMES } from './functions.ts';
import { tokenize, type Token } from './tokenize.ts';

/** Thrown inside the parser only; parseExpression turns it into an error value. */
class Failure {
  constructor(readonly error: ExpressionError) {}
}

const OPERAND = ['a number', 'x', 'y', 'pi', 'e', 'a function', "'('"];

/** Parses the text of f(x, y) into a tree, or says where and why it cannot. */
export function parseExpression(text: string): ParseResult {
  if (typeof text !== 'string') return failure('the expression must be text', 0, 0, []);
  if (text.length > EXPRESSION_LIMITS.maxLength) {
    return failure(`expression too long: ${text.length} characters (limit ${EXPRESSION_LIMITS.maxLength})`,
      EXPRESSION_LIMITS.maxLength, text.length - EXPRESSION_LIMITS.maxLength, []);
  }
  try {
    const lexed = tokenize(text);
    if (!lexed.ok) return lexed;
    const tree = new Parser(lexed.tokens).parseAll();
    const depth = treeDepth(tree);
    if (depth > EXPRESSION_LIMITS.maxTreeDepth) {
      return failure(`expression too deep: ${depth} levels (limit ${EXPRESSION_LIMITS.maxTreeDepth})`, 0, text.length, []);
    }
    return { ok: true, tree };
  } catch (caught) {
    if (caught instanceof Failure) return { ok: false, error: caught.error };
    return failure('the expression could not be read', 0, text.length, []);
  }
}

class Parser {
  private index = 0;
  private nesting = 0;
  private nodes = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): ExprNode {
    if (this.peek().kind === 'end') throw fail('empty expression: type a function of x and y', this.peek(), OPERAND);
    const tree = this.sum();
    const next = this.peek();
    if (next.kind !== 'end') {
      if (next.kind === ')') throw fail(`unmatched ')' at ${next.start}`, next, ['an operator', 'end of input']);
      if (next.kind === ',') throw fail(`unexpected ',' at ${next.start}: commas separate function arguments`, next, ['an operator']);
      throw fail(`expected an operator at ${next.start}`, next, ['an operator', 'end of input']);
    }
    return tree;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isOp(text: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.text === text;
  }

  private node(node: ExprNode, at: Token): ExprNode {
    if (++this.nodes > EXPRESSION_LIMITS.maxNodes) {
      throw fail(`expression too large (more than ${EXPRESSION_LIMITS.maxNodes} parts)`, at, []);
    }
    return node;
  }

  private enter(at: Token): void {
    if (++this.nesting > EXPRESSION_LIMITS.maxNesting) {
      throw fail(`nested too deeply at ${at.start} (limit ${EXPRESSION_LIMITS.maxNesting} levels)`, at, []);
    }
  }

  private sum(): ExprNode {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next();
      const right = this.product();
      left = this.node({ kind: 'binary', op: op.text === '+' ? '+' : '-', left, right, implicit: false }, op);
    }
    return left;
  }

  private product(): ExprNode {
    let left = this.signed();
    for (;;) {
      const token = this.peek();
      if (this.isOp('*') || this.isOp('/')) {
        this.next();
        const right = this.signed();
        left = this.node({ kind: 'binary', op: token.text === '*' ? '*' : '/', left, right, implicit: false }, token);
      } else if (token.kind === 'name' || token.kind === '(') {
        const right = this.power();
        left = this.node({ kind: 'binary', op: '*', left, right, implicit: true }, token);
      } else if (token.kind === 'number') {
        throw fail(`expected an operator before the number at ${token.start}`, token, ['an operator']);
      } else {
        return left;
      }
    }
  }

  private signed(): ExprNode {
    let negative = false;
    const first = this.peek();
    while (this.isOp('-') || this.isOp('+')) {
      if (this.next().text === '-') negative = !negative;
    }
    const operand = this.power();
    return negative ? this.node({ kind: 'negate', arg: operand }, first) : operand;
  }

  private power(): ExprNode {
    const base = this.primary();
    if (!this.isOp('^')) return base;
    const op = this.next();
    this.enter(op);
    const exponent = this.signed();
    this.nesting--;
    return this.node({ kind: 'binary', op: '^', left: base, right: exponent, implicit: false }, op);
  }

  private primary(): ExprNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return this.node({ kind: 'number', value: token.value }, token);
      case '(': {
        this.enter(token);
        const inner = this.sum();
        this.close(token);
        this.nesting--;
        return inner;
      }
      case 'name':
        return this.name(token);
      case 'end':
        throw fail(`unexpected end of input at ${token.start}`, token, OPERAND);
      default:
        throw fail(`unexpected '${token.text}' at ${token.start}`, token, OPERAND);
    }
  }

  private close(open: Token): void {
    const token = this.peek();
    if (token.kind === ')') {
      this.next();
      return;
    }
    const what = token.kind === 'end' ? 'end of input' : `'${token.text}'`;
    throw fail(`expected ')' at ${token.start} to close '(' at ${open.start}, found ${what}`, token, ["')'"]);
  }

  private name(token: Token): ExprNode {
    const name = token.text;
    const opensCall = this.peek().kind === '(';
    const spec = FUNCTIONS.get(name);
    if (spec !== undefined || name === 'pow') {
      if (!opensCall) throw fail(`expected '(' after '${name}' at ${this.peek().start}`, this.peek(), ["'('"]);
      const args = this.call(this.next());
      const [minArgs, maxArgs] = spec === undefined ? [2, 2] : [spec.minArgs, spec.maxArgs];
      if (args.length < minArgs || args.length > maxArgs) {
        const wanted = minArgs === maxArgs ? `${minArgs}` : `at least ${minArgs}`;
        throw fail(`${name} takes ${wanted} argument${minArgs === 1 ? '' : 's'}, got ${args.length} (at ${token.start})`,
          token, [`${wanted} argument${minArgs === 1 ? '' : 's'}`]);
      }
      if (spec === undefined) return this.node({ kind: 'binary', op: '^', left: args[0], right: args[1], implicit: false }, token);
      return this.node({ kind: 'call', name: spec.name, args }, token);
    }
    if (name === 'x' || name === 'y') return this.node({ kind: 'variable', name }, token);
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) return this.node({ kind: 'constant', name: constant.name, value: constant.value }, token);
    if (opensCall) {
      throw fail(`unknown function '${shorten(name)}' at ${token.start} — allowed: ${FUNCTION_NAMES.join(', ')}`, token, FUNCTION_NAMES);
    }
    throw fail(`unknown variable '${shorten(name)}' at ${token.start} — use x and y (and the constants pi, e)`, token, ['x', 'y', 'pi', 'e']);
  }

  private call(open: Token): ExprNode[] {
    this.enter(open);
    const args = [this.sum()];
    while (this.peek().kind === ',') {
      this.next();
      args.push(this.sum());
    }
    this.close(open);
    this.nesting--;
    return args;
  }
}

/** The depth of a tree, walked with an explicit stack. */
function treeDepth(root: ExprNode): number {
  const stack: [ExprNode, number][] = [[root, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [ExprNode, number];
    if (depth > deepest) deepest = depth;
    if (node.kind === 'negate') stack.push([node.arg, depth + 1]);
    else if (node.kind === 'binary') stack.push([node.left, depth + 1], [node.right, depth + 1]);
    else if (node.kind === 'call') for (const arg of node.args) stack.push([arg, depth + 1]);
  }
  return deepest;
}

function shorten(name: string): string {
  return name.length > 24 ? `${name.slice(0, 24)}…` : name;
}

function fail(message: string, token: Token, expected: readonly string[]): Failure {
  return new Failure({ message, position: token.start, length: token.end - token.start, expected });
}

function failure(message: string, position: number, length: number, expected: readonly string[]): ParseResult {
  return { ok: false, error: { message, position, length, expected } };
}
