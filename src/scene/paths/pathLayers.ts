/**
 * The order in which runs' paths are drawn. Every path line has the same width
 * over a wider dark outline; all outlines are drawn first, then the lines, so no
 * line is ever covered by another run's outline or by a line that merely sorts
 * nearer the camera (the lines write no depth: they hide behind the surface, never
 * behind each other). Among the lines, the longer path goes first and the shorter
 * one on top: a short path (a run that settles at once) can lie wholly under a
 * long one that wanders over the same ground, while a long path is never hidden by
 * a short one. Equal lengths keep setup order. The run pointed at in the legend
 * comes forward over all of them (RunPath.tsx). Only the ball and markers come after
 * the lines.
 */
import type { RunResult } from '../../state/results.ts';
import { appStore } from '../appBridge.ts';

/** renderOrder of lines (outlines are 1): in [2, 2.5), staying below the ball's 3. */
const FIRST_LINE_ORDER = 2;

interface Measured {
  result: RunResult;
  generation: number;
  points: number;
  length: number;
}

/** Each run's path length so far, extended as its points are drawn (O(new points) a frame). */
const measured = new Map<string, Measured>();

/** The length in plot units of the first `points` points of the path (all it has by default), skipping non-finite points. */
export function pathLength(result: RunResult, from?: Measured, points = result.length): number {
  let length = from ? from.length : 0;
  const start = from ? Math.max(1, from.points) : 1;
  for (let i = start; i < points; i++) {
    const dx = result.x[i] - result.x[i - 1];
    const dy = result.y[i] - result.y[i - 1];
    const d = Math.sqrt(dx * dx + dy * dy);
    if (Number.isFinite(d)) length += d;
  }
  return length;
}

/** The order key of a path of `length` for run number `index` (0-based): longer paths lower, ties by setup order. */
export function orderFor(length: number, index: number): number {
  return FIRST_LINE_ORDER + 0.4 / (1 + Math.max(0, length)) + Math.max(0, index) * 1e-6;
}

/**
 * renderOrder of run `runId`'s line, given its result and the `points` of it drawn so far
 * (measuring only what is drawn keeps the work within the frame's path budget while
 * 16 × 100,000 points stream in).
 */
export function lineOrder(runId: string, result: RunResult, points = result.length): number {
  const index = appStore.getState().setup.runs.findIndex((run) => run.id === runId);
  const upTo = Math.min(points, result.length);
  let entry = measured.get(runId);
  if (!entry || entry.result !== result || entry.generation !== result.generation || entry.points > upTo) entry = { result, generation: result.generation, points: 0, length: 0 };
  if (entry.points !== upTo) entry = { result, generation: result.generation, points: upTo, length: pathLength(result, entry, upTo) };
  measured.set(runId, entry);
  return orderFor(entry.length, index);
}

/** Forget a removed run's measurement. */
export function forgetLineOrder(runId: string): void {
  measured.delete(runId);
}
