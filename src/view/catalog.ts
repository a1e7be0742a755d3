/**
 * The views' window on the engine's tables (surfaces, optimizers, schedules):
 * lookups by id and the few derived facts the controls need, in one place.
 */
import { makeBowl, OPTIMIZERS, SCHEDULES, surfaceList, surfaces } from '../core/index.ts';
import type { OptimizerId, ScheduleType, Surface } from '../core/types.ts';
import type { Setup } from '../state/setup.ts';

export const SURFACE_LIST: readonly Surface[] = surfaceList;

export const OPTIMIZER_IDS = Object.keys(OPTIMIZERS) as OptimizerId[];

export const SCHEDULE_TYPES = Object.keys(SCHEDULES) as ScheduleType[];

/** The built-in surface with this id, or undefined ('custom' and unknown ids). */
export function surfaceById(id: string): Surface | undefined {
  return Object.hasOwn(surfaces, id) ? surfaces[id] : undefined;
}

/** The surface id a pane shows (pane 0 when the index is out of range). */
export function paneSurfaceId(setup: Setup, pane: number): string {
  return (setup.panes[pane] ?? setup.panes[0]).surface;
}

/** Display name of a surface; the bowl's names its condition number κ. */
export function surfaceLabel(id: string, bowlCondition: number): string {
  if (id === 'custom') return 'Custom surface';
  if (id === 'bowl') return makeBowl(bowlCondition).label;
  return surfaceById(id)?.label ?? id;
}

/** Display name of a pane's surface. */
export function paneSurfaceLabel(setup: Setup, pane: number): string {
  return surfaceLabel(paneSurfaceId(setup, pane), setup.bowlCondition);
}

export function optimizerLabel(id: OptimizerId): string {
  return OPTIMIZERS[id].label;
}
