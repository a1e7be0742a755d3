/**
 * The geometry of each run's step at the timeline's cursor (overlayParts.ts), in
 * the run's colour, from the engine's own inspection of that step (computed in
 * the worker, read from appInspections): visible in whole-path and animate modes
 * alike. The key is drawn by the UI beside the timeline.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Surface } from '../../core/types.ts';
import type { SceneRun } from '../pane/sceneRuns.ts';
import { appInspections, appStore } from '../appBridge.ts';
import { useFrameRef } from '../useFrameRef.ts';
import type { WorldFrame } from '../surface/heightMapping.ts';
import type { MappedField } from '../surface/mappedField.ts';
import { createOverlayParts, disposeOverlayParts, placeOverlay, type OverlayFlags } from './overlayParts.ts';

export type { OverlayFlags } from './overlayParts.ts';

function RunOverlay({ run, surface, field, frame, flags }: { run: SceneRun; surface: Surface | null; field: MappedField; frame: WorldFrame; flags: OverlayFlags }) {
  const parts = useMemo(() => createOverlayParts(run.color), [run.color]);
  useEffect(() => () => disposeOverlayParts(parts), [parts]);
  const partsRef = useFrameRef(parts);
  /** What the parts were last placed for: nothing is recomputed until one of these changes. */
  const placed = useRef<{ version: number; field: MappedField | null; frame: WorldFrame | null; flags: OverlayFlags | null; surface: Surface | null }>({ version: -1, field: null, frame: null, flags: null, surface: null });

  useFrame(() => {
    const parts = partsRef.current;
    const answer = appInspections.byRun.get(run.id);
    const step = answer?.inspection ?? null;
    parts.group.visible = run.visible && step !== null && run.lastStep === null;
    if (!parts.group.visible || !step) return;
    const last = placed.current;
    if (last.version === appInspections.version && last.field === field && last.frame === frame && last.flags === flags && last.surface === surface) return;
    placed.current = { version: appInspections.version, field, frame, flags, surface };
    const config = appStore.getState().setup.runs.find((candidate) => candidate.id === run.id);
    placeOverlay(parts, step, run.optimizer, config?.momentum ?? 0, flags, surface, field, frame);
  });
  return <primitive object={parts.group} />;
}

export function Overlays({ runs, surface, field, frame, flags }: { runs: readonly SceneRun[]; surface: Surface | null; field: MappedField; frame: WorldFrame; flags: OverlayFlags }) {
  const invalidate = useThree((three) => three.invalidate);
  // A new inspection (the timeline moved, a run changed) redraws the scene once.
  useEffect(() => appInspections.subscribe(() => invalidate()), [invalidate]);
  if (!flags.gradient && !flags.velocity && !flags.effectiveStep) return null;
  return (
    <group name="overlays">
      {runs.map((run) => (
        <RunOverlay key={run.id} run={run} surface={surface} field={field} frame={frame} flags={flags} />
      ))}
    </group>
  );
}
