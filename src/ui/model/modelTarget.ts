/**
 * Which model the Model view draws: the selected run (or the first visible run
 * on a data-driven surface), the point of its path at the playhead's step, and
 * for mini-batches the rows that step drew. Plain functions, tested without a DOM.
 */
import { inspectStep } from '../../core/index.ts';
import { wireRunSpec } from '../../state/engine.ts';
import type { RunResult } from '../../state/results.ts';
import type { RunConfig, Setup } from '../../state/setup.ts';
import { paneIndexOf, surfaceById } from '../../state/surfaceOf.ts';

/** The surfaces whose points are models this view can draw. */
export type ModelKind = 'regression' | 'network';

export function modelKindOf(surfaceId: string): ModelKind | null {
  if (surfaceId === 'linear-regression') return 'regression';
  if (surfaceId === 'neural-net') return 'network';
  return null;
}

/** True when some pane shows a surface whose points are models. */
export function showsModels(setup: Setup): boolean {
  return setup.panes.some((pane) => modelKindOf(pane.surface) !== null);
}

export interface ModelTarget {
  readonly run: RunConfig;
  /** 1-based, as the legend numbers runs. */
  readonly runNumber: number;
  readonly pane: number;
  readonly kind: ModelKind;
}

/** The selected run when it is on a data-driven surface, else the first visible one that is. */
export function modelTarget(setup: Setup, selectedRunId: string | null): ModelTarget | null {
  const candidates = setup.runs
    .map((run, index) => ({ run, runNumber: index + 1, pane: paneIndexOf(setup, run.pane) }))
    .map((entry) => ({ ...entry, kind: modelKindOf(setup.panes[entry.pane].surface) }))
    .filter((entry): entry is ModelTarget => entry.kind !== null);
  return candidates.find((entry) => entry.run.id === selectedRunId) ?? candidates.find((entry) => entry.run.visible) ?? null;
}

/** The index of the point shown at playhead step `step` (Infinity in instant mode: the last point); −1 when there is none. */
export function pointIndexAt(step: number, length: number): number {
  if (length <= 0) return -1;
  if (!(step >= 0)) return 0;
  return Math.min(Math.floor(step), length - 1);
}

/** The run's point at the step: for linear regression its (w, b), the line the view draws. */
export function modelPointAt(result: Pick<RunResult, 'x' | 'y' | 'length'> | undefined, step: number): readonly [number, number] | null {
  if (!result) return null;
  const index = pointIndexAt(step, result.length);
  return index < 0 ? null : [result.x[index], result.y[index]];
}

/** Steps beyond which the view does not replay a run to find its batch (the replay runs on this thread). */
const MAX_REPLAYED_STEPS = 20_000;

/** The rows of the mini-batch step `index` drew (empty at full batch, at the last point, or when the replay would be long). */
export function batchRowsAt(setup: Setup, run: RunConfig, index: number): readonly number[] {
  const wire = wireRunSpec(setup, run);
  if (wire.batchSize === undefined || wire.datasetSize === undefined || wire.batchSize >= wire.datasetSize) return [];
  if (index < 0 || index >= setup.steps || index > MAX_REPLAYED_STEPS) return [];
  const surface = surfaceById(setup.panes[paneIndexOf(setup, run.pane)].surface, setup);
  if (!surface || modelKindOf(surface.id) !== 'regression') return [];
  try {
    return inspectStep({ ...wire, surface }, index).batch?.rows ?? [];
  } catch {
    // The run stopped before that step (diverged): there is no batch to show.
    return [];
  }
}
