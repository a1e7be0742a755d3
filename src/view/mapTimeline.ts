/**
 * The maps follow the timeline. A map cell records the step at which its run
 * first came within tolerance of the minimum it ends at (stepsToTolerance, −1 when
 * it ends at none). At timeline step t a cell whose run gets there only after t is
 * drawn faded: scrubbing shows the region of starts (basin map) or settings
 * (hyper-parameter map) that have arrived by step t grow, and at the last step the
 * map is as it always was. Cells that never reach a minimum (not converged,
 * diverged) keep their colour at every step: the map does not record when they diverge.
 * Reads the map's buffers only: nothing is recomputed when the timeline moves.
 */
import { formatInteger } from './format.ts';

/**
 * The opacity (of 255) a cell keeps while its run has not yet reached its minimum: faded, so what
 * lies beneath shows through (the surface under the basin map, a hatch under the heatmap). Not
 * darkened: darker already means "later" on the basin map and "lower" on the heatmap, and near-black
 * means diverged.
 */
export const PENDING_ALPHA = 56;

/** True when the cell's run reaches its minimum, but only after `step`. */
export function pendingAt(stepsToTolerance: number, step: number): boolean {
  return stepsToTolerance > step;
}

/** Fade the texel at `offset` (RGBA) to PENDING_ALPHA, its colour kept. */
export function fadePending(pixels: Uint8Array | Uint8ClampedArray, offset: number): void {
  pixels[offset + 3] = Math.min(pixels[offset + 3], PENDING_ALPHA);
}

export interface Arrivals {
  /** Filled cells whose run has reached its minimum by the step. */
  readonly reached: number;
  /** Filled cells whose run reaches a minimum at all (within the map's steps). */
  readonly reaching: number;
}

/** How many of a map's computed cells have reached their minimum by `step`, of those that reach one. */
export function arrivalsAt(filled: Uint8Array, stepsToTolerance: Int32Array, step: number): Arrivals {
  let reached = 0;
  let reaching = 0;
  for (let cell = 0; cell < filled.length; cell++) {
    if (filled[cell] === 0 || stepsToTolerance[cell] < 0) continue;
    reaching++;
    if (!pendingAt(stepsToTolerance[cell], step)) reached++;
  }
  return { reached, reaching };
}

/** A cheap key for what a step changes in a map's picture: the number of cells reached (repaint only when it moves). */
export function arrivalKey(filled: Uint8Array, stepsToTolerance: Int32Array, step: number): number {
  return arrivalsAt(filled, stepsToTolerance, step).reached;
}

/**
 * The sentence under a map: how many of its `noun` ("starts", "settings") that reach a minimum have
 * reached it by `step`, and how the others look (`pending`, e.g. "faded and hatched").
 */
export function arrivalSentence(step: number, { reached, reaching }: Arrivals, noun: string, pending: string): string {
  const at = `At step ${formatInteger(step)}`;
  if (reaching === 0) return `${at}: none of these ${noun} reaches a known minimum within the map's steps.`;
  if (reached === reaching) return `${at}: all ${formatInteger(reaching)} ${noun} that reach a minimum have reached it.`;
  return `${at}: ${formatInteger(reached)} of the ${formatInteger(reaching)} ${noun} that reach a minimum have reached it; the others are ${pending} until they do.`;
}
