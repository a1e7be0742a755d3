/**
 * A lesson's runs through the engine, exactly as the app would compute them
 * (the setup lessonSetup builds, each run's wire spec, simulate), and what a
 * claim's check may ask of them.
 */
import { simulate, type RunSpec, type Surface, type Trajectory } from '../../../src/core/index.ts';
import { wireRunSpec } from '../../../src/state/engine.ts';
import { lessonSetup } from '../../../src/state/lessons/build.ts';
import type { Lesson } from '../../../src/state/lessons/schema.ts';
import type { Setup } from '../../../src/state/setup.ts';
import { surfaceById, surfaceRefOf } from '../../../src/state/surfaceOf.ts';
import { resolveSurfaceRef } from '../../../src/worker/surfaceRef.ts';

export interface LessonOutcome {
  readonly lesson: Lesson;
  readonly setup: Setup;
  /** Each run's path, in the lesson's order. */
  readonly runs: readonly Trajectory[];
  /** The spec each run was computed from (its surface resolved). */
  readonly specs: readonly (RunSpec & { readonly surface: Surface })[];
  /** The same run again with some settings changed (more steps, another seed). */
  rerun(run: number, changes: Partial<RunSpec>): Trajectory;
}

/** Checks for one lesson: one per claim id (asserting with expect), and the engine's answer to each choice or number question. */
export interface LessonChecks {
  readonly claims: Readonly<Record<string, (outcome: LessonOutcome) => void>>;
  /** By stage index (from 0): the index of the option the engine makes right, or the number it gives. */
  readonly answers: Readonly<Record<number, (outcome: LessonOutcome) => number>>;
}

const cache = new Map<Lesson, LessonOutcome>();

/** Runs every path of `lesson` once (cached per lesson object). */
export function runLesson(lesson: Lesson): LessonOutcome {
  const cached = cache.get(lesson);
  if (cached) return cached;
  const setup = lessonSetup(lesson);
  const specs = setup.runs.map((run) => {
    // As the engine worker resolves it: the page's own lookup gives a stand-in for a network that is still training.
    const resolved = resolveSurfaceRef(surfaceRefOf(setup, run.pane));
    const surface = resolved.ok ? resolved.surface : surfaceById(setup.panes[run.pane].surface, setup);
    if (!surface) throw new Error(`${lesson.id}: no surface for run ${run.id}`);
    return { ...wireRunSpec(setup, run), surface };
  });
  const outcome: LessonOutcome = {
    lesson,
    setup,
    runs: specs.map((spec) => simulate(spec)),
    specs,
    rerun: (run, changes) => simulate({ ...specs[run], ...changes }),
  };
  cache.set(lesson, outcome);
  return outcome;
}

// ---------------------------------------------------------------- what checks measure

export type Point2 = readonly [number, number];

export const lastIndex = (path: Trajectory): number => path.length - 1;
export const finalLoss = (path: Trajectory): number => path.loss[path.length - 1];
export const finalPoint = (path: Trajectory): Point2 => [path.x[path.length - 1], path.y[path.length - 1]];
export const pointAt = (path: Trajectory, step: number): Point2 => [path.x[step], path.y[step]];
export const distance = (a: Point2, b: Point2): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Steps (from 1) whose loss is above the previous point's by more than `slack`. */
export function climbs(path: Trajectory, slack = 0, from = 1, to = path.length - 1): number {
  let count = 0;
  for (let i = Math.max(1, from); i <= to; i++) if (path.loss[i] > path.loss[i - 1] + slack) count++;
  return count;
}

/** The first step at which `test` holds, or −1. */
export function firstStep(path: Trajectory, test: (step: number) => boolean): number {
  for (let i = 0; i < path.length; i++) if (test(i)) return i;
  return -1;
}

/** The first step from which `test` holds at every later step too, or −1. */
export function firstStepForGood(path: Trajectory, test: (step: number) => boolean): number {
  let first = -1;
  for (let i = path.length - 1; i >= 0 && test(i); i--) first = i;
  return first;
}

/** Sum of step lengths from step `from` to the end. */
export function pathLength(path: Trajectory, from = 0): number {
  let total = 0;
  for (let i = from; i < path.length - 1; i++) total += Math.hypot(path.x[i + 1] - path.x[i], path.y[i + 1] - path.y[i]);
  return total;
}

/** The index of the smallest value (the first, on ties). */
export function indexOfLeast(values: readonly number[]): number {
  return values.reduce((best, value, index) => (value < values[best] ? index : best), 0);
}

/** The index of the known minimum of `surface` nearest to `point`. */
export function nearestMinimum(surface: Surface, point: Point2): number {
  return indexOfLeast(surface.minima.map((minimum) => distance(point, minimum)));
}

/** The value as the lesson prints it, to compare a written number with the engine's. */
export function roundedTo(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
