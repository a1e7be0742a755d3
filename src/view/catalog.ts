/**
 * The views' window on the engine's tables (surfaces, optimizers, schedules):
 * lookups by id and the few derived facts the controls need, in one place.
 */
import { makeBowl, OPTIMIZERS, SCHEDULES, surfaceList } from '../core/index.ts';
import type { OptimizerId, ScheduleType, Surface } from '../core/types.ts';
import type { Setup } from '../state/setup.ts';
import { surfaceById } from '../state/surfaceOf.ts';

export const SURFACE_LIST: readonly Surface[] = surfaceList;

export { OPTIMIZER_IDS } from '../core/index.ts';
/** The surface record for an id (null for unknown ids, and for 'custom' without a setup): state's one lookup. */
export { surfaceById } from '../state/surfaceOf.ts';

export const SCHEDULE_TYPES = Object.keys(SCHEDULES) as ScheduleType[];

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
