/**
 * What a pane draws on, at human speed: its surface record, its height field mapped
 * to heights (recomputed once per field revision or log-height change) and the
 * world frame. React re-renders only when these change, never per chunk or frame.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Surface } from '../../core/types.ts';
import type { HeightField } from '../../state/results.ts';
import { useSurfaceById } from '../../state/surfaceOf.ts';
import { paneSurfaceId } from '../../view/catalog.ts';
import { appResults, fieldKey, useAppStore } from '../appBridge.ts';
import { createWorldFrame, fieldWantsLog, type WorldFrame } from '../surface/heightMapping.ts';
import { mapField, type MappedField } from '../surface/mappedField.ts';

export interface PaneScene {
  readonly surface: Surface | null;
  readonly field: MappedField;
  readonly frame: WorldFrame;
  readonly revision: number;
}

/** The pane's surface id, clamped to existing panes. */
export function usePaneSurface(pane: number): Surface | null {
  const surfaceId = useAppStore((s) => paneSurfaceId(s.setup, pane));
  const bowlCondition = useAppStore((s) => s.setup.bowlCondition);
  const custom = useAppStore((s) => s.setup.custom);
  return useSurfaceById(surfaceId, bowlCondition, custom);
}

/** The raw height field for a pane, re-read whenever results change (identity changes only on a new field). */
export function useHeightField(pane: number): HeightField | undefined {
  const key = fieldKey(pane);
  const getSnapshot = useCallback(() => appResults.fields.get(key), [key]);
  const subscribe = useCallback((listener: () => void) => appResults.subscribe(listener), []);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

export function usePaneScene(pane: number): PaneScene | null {
  const surface = usePaneSurface(pane);
  const heightField = useHeightField(pane);
  const logMode = useAppStore((s) => s.setup.view.logHeight);
  const log = useMemo(() => {
    if (!heightField) return false;
    if (logMode !== 'auto') return logMode === 'on';
    return surface ? surface.logHeight : fieldWantsLog(heightField.heights, heightField.min, heightField.max);
  }, [heightField, logMode, surface]);
  return useMemo(() => {
    if (!heightField || heightField.resolution < 2) return null;
    const field = mapField(heightField.heights, heightField.resolution, heightField.domain, heightField.min, heightField.max, log);
    return { surface, field, frame: createWorldFrame(heightField.domain), revision: heightField.revision };
  }, [heightField, log, surface]);
}
