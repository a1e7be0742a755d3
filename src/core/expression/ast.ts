/**
 * The expression tree a user's f(x, y) parses into, and the error value every
 * stage returns instead of throwing. Nothing here is ever evaluated as JavaScript:
 * the tree holds only numbers, the variables x and y, the constants pi and e and
 * names from the function allowlist (functions.ts).
 */

import type { FunctionName } from './functions.ts';

/** A node of the expression tree. `pow(a, b)` parses to a '^' node. */
export type ExprNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: 'x' | 'y' }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e'; readonly value: number }
  | { readonly kind: 'negate'; readonly arg: ExprNode }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/' | '^';
      readonly left: ExprNode;
      readonly right: ExprNode;
      /** True for juxtaposition (`2x`, `x sin(y)`), so the TeX can mirror it. */
      readonly implicit: boolean;
    }
  | { readonly kind: 'call'; readonly name: FunctionName; readonly args: readonly ExprNode[] };

/**
 * Why a text is not a function we can draw. `position` is a 0-based UTF-16 index
 * into the text (the same index a text input's selection uses) and `length` the
 * span to underline (0 at the end of the text). Both are -1 when the error is not
 * about the text (an invalid domain). `expected` lists what would have been valid
 * there, e.g. ["')'"] or the allowed function names; it may be empty.
 */
export interface ExpressionError {
  readonly message: string;
  readonly position: number;
  readonly length: number;
  readonly expected: readonly string[];
}

/** The result of parsing: a tree or an error, never an exception. */
export type ParseResult =
  | { readonly ok: true; readonly tree: ExprNode }
  | { readonly ok: false; readonly error: ExpressionError };

/** Limits that keep every call bounded in time and stack, whatever the input. */
export const EXPRESSION_LIMITS = {
  /** Characters of input. */
  maxLength: 2000,
  /** Nesting of parentheses, function calls and exponent chains. */
  maxNesting: 64,
  /** Tree nodes. */
  maxNodes: 2000,
  /** Tree depth (long chains like 1+1+…+1 are flat in the text but deep in the tree). */
  maxTreeDepth: 512,
} as const;
