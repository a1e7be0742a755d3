/**
 * The order in which runs' paths are drawn. Every path line has the same width
 * over a wider dark outline; all outlines are drawn first, then the lines, one
 * run after another in setup order (a later run on top), so no line is ever
 * covered by another run's outline or by a line that merely sorts nearer the
 * camera (the lines write no depth: they hide behind the surface, never behind
 * each other). The run pointed at in the legend comes forward over all of them
 * (RunPath.tsx). Only the ball and markers come after the lines.
 */
import { appStore } from '../appBridge.ts';

/** renderOrder of the first run's line (outlines are 1); later runs add a fraction, staying below the ball's 3. */
const FIRST_LINE_ORDER = 2;

/** renderOrder of run `runId`'s line: after every outline and every earlier run's line. */
export function lineOrder(runId: string): number {
  const index = appStore.getState().setup.runs.findIndex((run) => run.id === runId);
  return FIRST_LINE_ORDER + Math.max(0, index) / 100;
}
