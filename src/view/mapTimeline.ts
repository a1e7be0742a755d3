/**
 * The maps follow the timeline. A map cell records the step at which its run
 * first came within tolerance of the minimum it ends at (stepsToTolerance, −1 when
 * it ends at none). At timeline step t a cell whose run gets there only after t is
 * drawn dimmed: scrubbing shows the region of starts (basin map) or settings
 * (hyper-parameter map) that have arrived by step t grow, and at the last step the
 * map is as it always was. Cells that never reach a minimum (not converged,
 * diverged) keep their colour at every step: the map does not record when they diverge.
 * Reads the map's buffers only: nothing is recomputed when the timeline moves.
 */

/** The brightness a cell keeps while its run has not yet reached its minimum. */
export const PENDING_SHADE = 0.3;

/** True when the cell's run reaches its minimum, but only after `step`. */
export function pendingAt(stepsToTolerance: number, step: number): boolean {
  return stepsToTolerance > step;
}

/** Darken the RGB of the texel at `offset` to PENDING_SHADE (alpha kept). */
export function shadePending(pixels: Uint8Array | Uint8ClampedArray, offset: number): void {
  pixels[offset] = Math.round(pixels[offset] * PENDING_SHADE);
  pixels[offset + 1] = Math.round(pixels[offset + 1] * PENDING_SHADE);
  pixels[offset + 2] = Math.round(pixels[offset + 2] * PENDING_SHADE);
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
