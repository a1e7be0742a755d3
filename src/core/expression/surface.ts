/**
 * A Surface from the text of f(x, y): parse, compile (value, exact gradient and
 * exact Hessian), then estimate what a built-in surface states by hand (minima,
 * start, learning rates, log height).
 */

import type { Domain, Surface } from '../types.ts';
import type { ExpressionError } from './ast.ts';
import { compileExpression } from './compile.ts';
import { describeLandscape } from './landscape.ts';
import { parseExpression } from './parse.ts';
import { toTex } from './tex.ts';

/** A Surface built from the user's text, with what the UI needs to warn about it. */
export interface CustomSurface extends Surface {
  readonly id: 'custom';
  /** The text it was parsed from, as typed (for the URL; always re-parsed, never executed). */
  readonly source: string;
  /** Share of a 64 × 64 grid over the domain where f is NaN or ±Infinity. */
  readonly nonFiniteFraction: number;
  /** A sentence for the UI when f is non-finite over much of the domain, else null. */
  readonly warning: string | null;
}

export interface SurfaceFromExpressionOptions {
  /** Samples per axis for the non-finite share, minima and log height; default 64. */
  readonly gridSize?: number;
  /** How many minima to list at most; default 4. */
  readonly maxMinima?: number;
}

export type SurfaceFromExpressionResult =
  | { readonly ok: true; readonly surface: CustomSurface }
  | { readonly ok: false; readonly error: ExpressionError };

/** Above this non-finite share the surface carries a warning. */
const WARN_NON_FINITE = 0.1;

/** Checks a domain: both ranges finite, min < max, and not absurdly large. Null when it is valid. */
export function domainError(domain: Domain): ExpressionError | null {
  for (const axis of ['x', 'y'] as const) {
    const range = axis === 'x' ? domain?.x : domain?.y;
    const [min, max] = Array.isArray(range) ? range : [NaN, NaN];
    if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) {
      return domainFailure(`the ${axis} range needs two finite numbers`);
    }
    if (!(min < max)) return domainFailure(`the ${axis} range needs min < max (got ${min} … ${max})`);
    if (Math.abs(min) > 1e9 || Math.abs(max) > 1e9) return domainFailure(`the ${axis} range must lie within ±1e9`);
    if (max - min < 1e-9 * Math.max(1, Math.abs(min), Math.abs(max))) return domainFailure(`the ${axis} range is too narrow`);
  }
  return null;
}

/**
 * Parses `text` and builds a full Surface over `domain`, or returns the error
 * (with its position in the text, or position -1 for a domain error). Never throws.
 */
export function surfaceFromExpression(text: string, domain: Domain, options?: SurfaceFromExpressionOptions): SurfaceFromExpressionResult {
  const invalidDomain = domainError(domain);
  if (invalidDomain !== null) return { ok: false, error: invalidDomain };
  const parsed = parseExpression(text);
  if (!parsed.ok) return parsed;
  try {
    const f = compileExpression(parsed.tree);
    const gridSize = wholeNumber(options?.gridSize, 64, 8, 256);
    const maxMinima = wholeNumber(options?.maxMinima, 4, 0, 16);
    const ownDomain: Domain = { x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] };
    const landscape = describeLandscape(f, ownDomain, gridSize, maxMinima);
    const percent = Math.round(landscape.nonFiniteFraction * 100);
    const surface: CustomSurface = {
      id: 'custom',
      label: 'Your function',
      teaches: 'Your own landscape: see how each optimizer copes with it.',
      tex: toTex(parsed.tree),
      source: text,
      // The compiled closures do not use `this`, so they serve directly (one call less in hot loops).
      loss: f.value,
      gradient: f.gradient,
      // The dual program's value part is the value program's operations, so the same bits.
      lossGradient: f.valueAndGradient,
      hessian: f.hessian,
      domain: ownDomain,
      minima: landscape.minima,
      suggestedStart: landscape.suggestedStart,
      lrRange: landscape.lrRange,
      suggestedLr: landscape.suggestedLr,
      logHeight: landscape.logHeight,
      nonFiniteFraction: landscape.nonFiniteFraction,
      warning: landscape.nonFiniteFraction > WARN_NON_FINITE
        ? `f is undefined or infinite over ${percent === 0 ? '<1' : percent}% of this domain`
        : null,
    };
    return { ok: true, surface };
  } catch {
    return domainFailureResult('the function could not be analysed');
  }
}

function wholeNumber(value: number | undefined, fallback: number, min: number, max: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(min, Math.min(max, Math.floor(value))) : fallback;
}

function domainFailure(message: string): ExpressionError {
  return { message, position: -1, length: -1, expected: [] };
}

function domainFailureResult(message: string): SurfaceFromExpressionResult {
  return { ok: false, error: domainFailure(message) };
}
