/** What the hand-inlined loops of the benchmark share. */
import type { Point } from '../../src/core/index.ts';

/** One benchmark run: a start, a learning rate and how many steps. */
export interface Case {
  readonly lr: number;
  readonly start: Point;
  readonly steps: number;
}

/** Stores of the hand-inlined loops: fresh arrays per run, as simulate allocates its own. */
export interface Buffers {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly ls: Float64Array;
}

export const buffers = (steps: number): Buffers => ({ xs: new Float64Array(steps + 1), ys: new Float64Array(steps + 1), ls: new Float64Array(steps + 1) });

/** A hand-inlined loop: torch.optim defaults, every point stored; returns the steps taken. */
export type HandLoop = (c: Case, b: Buffers) => number;
