/**
 * Where a run left the plot: a ring in the run's colour where its step crossed
 * the edge, and "left the plot at step k", once the playhead has reached that
 * step. The drawn path ends there (pathGeometry.ts); this says where and when.
 * The step is found from the result buffers, scanning only new points, at most
 * EXIT_SCAN_SLICE of them a frame (16 runs × 100,000 arriving at once are scanned
 * over a few frames, not in one long task).
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Color, DoubleSide, Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import { appResults, playhead } from '../appBridge.ts';
import type { LabelRegistry } from '../labels/labelRegistry.ts';
import type { SceneRun } from '../pane/sceneRuns.ts';
import { firstExit } from '../paths/plotEdge.ts';
import type { WorldFrame } from '../surface/heightMapping.ts';
import { sampleGrid, toGrid, type MappedField } from '../surface/mappedField.ts';
import { useFrameRef } from '../useFrameRef.ts';

const ringGeometry = new RingGeometry(0.03, 0.05, 24).rotateX(-Math.PI / 2);
const MARKER_LIFT = 0.02;
const grid = new Float64Array(2);
const EXIT_SCAN_SLICE = 16_384;

/** The label id of a run's exit mark (SceneView renders its element). */
export const exitLabelId = (runId: string) => `left:${runId}`;

/** The text of the mark. */
export const exitText = (step: number) => `left the plot at step ${step}`;

interface Scan {
  generation: number;
  scanned: number;
  step: number;
  readonly point: Float64Array;
}

function RunExit({ run, field, frame, labels }: { run: SceneRun; field: MappedField; frame: WorldFrame; labels: LabelRegistry }) {
  const mesh = useMemo(() => {
    const ring = new Mesh(ringGeometry, new MeshBasicMaterial({ color: new Color(run.color), side: DoubleSide, depthTest: false }));
    ring.renderOrder = 5;
    ring.visible = false;
    return ring;
  }, [run.color]);
  const labelId = exitLabelId(run.id);
  useEffect(
    () => () => {
      (mesh.material as MeshBasicMaterial).dispose();
      labels.hide(labelId);
    },
    [mesh, labels, labelId],
  );
  const scan = useRef<Scan>({ generation: -1, scanned: 0, step: -1, point: new Float64Array(2) });
  // A new field (surface or height mapping): scan again.
  useEffect(() => {
    scan.current.generation = -1;
  }, [field]);
  const meshRef = useFrameRef(mesh);
  const invalidate = useThree((three) => three.invalidate);

  useFrame(() => {
    const ring = meshRef.current;
    const result = appResults.runs.get(run.id);
    const state = scan.current;
    if (!run.visible || !result || result.length === 0) {
      ring.visible = false;
      labels.hide(labelId);
      return;
    }
    if (state.generation !== result.generation || result.length < state.scanned) {
      state.generation = result.generation;
      state.scanned = 0;
      state.step = -1;
    }
    if (state.step < 0 && result.length > state.scanned) {
      const upTo = Math.min(result.length, state.scanned + EXIT_SCAN_SLICE);
      state.step = firstExit(result.x, result.y, upTo, field.domain, state.scanned, state.point);
      state.scanned = upTo;
      if (state.step < 0 && upTo < result.length) invalidate();
    }
    const shown = state.step >= 0 && playhead.stepAt(performance.now()) >= state.step && (run.lastStep === null || run.lastStep >= state.step);
    ring.visible = shown;
    if (!shown) {
      labels.hide(labelId);
      return;
    }
    const [x, y] = state.point;
    toGrid(field, x, y, grid);
    const height = sampleGrid(field, grid[0], grid[1]) * frame.height + MARKER_LIFT;
    ring.position.set(frame.toWorldX(x), height, frame.toWorldZ(y));
    labels.setText(labelId, exitText(state.step));
    labels.place(labelId, ring.position.x, height + 0.14, ring.position.z);
  });

  return <primitive object={mesh} />;
}

/** An exit mark for every visible run of the pane that leaves the plot. */
export function ExitMarkers({ runs, field, frame, labels }: { runs: readonly SceneRun[]; field: MappedField; frame: WorldFrame; labels: LabelRegistry }) {
  return (
    <>
      {runs.map((run) => (
        <RunExit key={run.id} run={run} field={field} frame={frame} labels={labels} />
      ))}
    </>
  );
}
