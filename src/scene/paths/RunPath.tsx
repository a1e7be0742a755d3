/**
 * One run on the surface: a thick line in the run's colour over a dark outline
 * (both LineSegments2 sharing ONE preallocated geometry, extended in place as
 * chunks stream in), a ball at the timeline's cursor (in whole-path mode the path
 * after it is drawn faint), small step markers when a run has few
 * steps, and a cross with "diverged at step k" where it blew up. Everything is read
 * from the result buffers inside useFrame: no React render per chunk or per frame.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Color, Group, InstancedMesh, Mesh, MeshBasicMaterial, MeshLambertMaterial, SphereGeometry } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { appResults, appStore, playhead } from '../appBridge.ts';
import { emphasizedRun } from '../../view/runEmphasis.ts';
import { useFrameRef } from '../useFrameRef.ts';
import { forgetLineOrder, lineOrder } from './pathLayers.ts';
import type { LabelRegistry } from '../labels/labelRegistry.ts';
import type { PathSource } from '../pane/PathProbe.tsx';
import type { WorldFrame } from '../surface/heightMapping.ts';
import type { MappedField } from '../surface/mappedField.ts';
import {
  createRestOfPath,
  cutPathAtBall,
  extendPolyline,
  placeBall,
  placeStepMarkers,
  restoreCutSegment,
  showDivergence,
  showRestOfPath,
  STEP_MARKER_LIMIT,
  trackRun,
  updateDrawnSegments,
  type PathTracking,
} from './runPathFrame.ts';

const ballGeometry = new SphereGeometry(0.034, 20, 14);
const markerGeometry = new SphereGeometry(0.013, 10, 8);
const crossBar = new BoxGeometry(0.16, 0.022, 0.022);

interface RunPathProps {
  readonly runId: string;
  readonly color: string;
  readonly visible: boolean;
  /** Draw the path only up to this step (a lesson stage's reveal), or null for all of it. */
  readonly lastStep?: number | null;
  readonly field: MappedField;
  readonly frame: WorldFrame;
  readonly labels: LabelRegistry;
  /** Where this path registers itself for the test-only screen-position probe (PathProbe.tsx). */
  readonly probes: Map<string, PathSource>;
}

/**
 * The run pointed at in the legend (or else the selected one) comes forward: drawn
 * over the surface and the other paths, which fade. Materials change only when
 * the emphasis does.
 */
function applyEmphasis(parts: { line: LineSegments2; outline: LineSegments2; lineMaterial: LineMaterial; outlineMaterial: LineMaterial }, last: { current: 'forward' | 'dimmed' | 'normal' }, runId: string): void {
  const focus = emphasizedRun() ?? appStore.getState().selectedRunId;
  const next = focus === null ? 'normal' : focus === runId ? 'forward' : 'dimmed';
  if (next === last.current) return;
  last.current = next;
  const forward = next === 'forward';
  parts.lineMaterial.opacity = next === 'dimmed' ? 0.3 : 1;
  parts.outlineMaterial.opacity = next === 'dimmed' ? 0.15 : 1;
  parts.lineMaterial.depthTest = !forward;
  parts.outlineMaterial.depthTest = !forward;
  parts.line.renderOrder = forward ? 12 : 2;
  parts.outline.renderOrder = forward ? 11 : 1;
}

export function RunPath({ runId, color, visible, lastStep = null, field, frame, labels, probes }: RunPathProps) {
  const parts = useMemo(() => {
    const geometry = new LineSegmentsGeometry();
    // Transparent from the start, so dimming (emphasis) only changes the opacity, never the shader. No depth
    // writes: paths hide behind the surface but never behind another run's path (a chord above the floor).
    const lineMaterial = new LineMaterial({ color: new Color(color), linewidth: 4, worldUnits: false, depthWrite: false, transparent: true });
    const outlineMaterial = new LineMaterial({ color: 0x0b0d12, linewidth: 7.5, worldUnits: false, depthWrite: false, transparent: true });
    const line = new LineSegments2(geometry, lineMaterial);
    const outline = new LineSegments2(geometry, outlineMaterial);
    line.frustumCulled = false;
    outline.frustumCulled = false;
    line.renderOrder = 2;
    outline.renderOrder = 1;
    const runColor = new MeshBasicMaterial({ color: new Color(color) });
    const ball = new Mesh(ballGeometry, new MeshLambertMaterial({ color: new Color(color), emissive: new Color(color).multiplyScalar(0.35) }));
    ball.renderOrder = 3;
    const markers = new InstancedMesh(markerGeometry, runColor, STEP_MARKER_LIMIT + 1);
    markers.frustumCulled = false;
    markers.count = 0;
    const cross = new Group();
    for (const angle of [Math.PI / 4, -Math.PI / 4]) {
      const bar = new Mesh(crossBar, runColor);
      bar.rotation.y = angle;
      cross.add(bar);
    }
    cross.visible = false;
    const restMaterial = new LineMaterial({ color: new Color(color), linewidth: 3, worldUnits: false, transparent: true, opacity: 0.36, depthWrite: false });
    const rest = createRestOfPath((segments) => new LineSegments2(segments, restMaterial));
    return { geometry, lineMaterial, outlineMaterial, runColor, line, outline, ball, markers, cross, restMaterial, rest };
  }, [color]);

  const tracking = useRef<PathTracking | null>(null);
  /** The emphasis last applied: 'forward', 'dimmed' or 'normal'. */
  const emphasis = useRef<'forward' | 'dimmed' | 'normal'>('normal');
  const invalidate = useThree((three) => three.invalidate);
  const labelId = `diverged:${runId}`;
  const group = useRef<Group>(null);

  useEffect(
    () => () => {
      parts.geometry.dispose();
      parts.lineMaterial.dispose();
      parts.outlineMaterial.dispose();
      parts.runColor.dispose();
      (parts.ball.material as MeshLambertMaterial).dispose();
      parts.markers.dispose();
      parts.restMaterial.dispose();
      parts.rest.tail.geometry.dispose();
      tracking.current = null;
      labels.hide(labelId);
    },
    [parts, labels, labelId],
  );

  const partsRef = useFrameRef(parts);

  useEffect(() => {
    probes.set(runId, () => {
      const state = tracking.current;
      if (!group.current?.visible || !state || state.buffers.points === 0) return null;
      const lastStep = Math.min(Math.floor(playhead.stepAt(performance.now())), state.buffers.points - 1);
      return { buffers: state.buffers, lastStep };
    });
    return () => {
      probes.delete(runId);
      forgetLineOrder(runId);
    };
  }, [probes, runId]);

  // Each frame: match the buffers to the result, draw what arrived, then ball, cut and divergence mark (runPathFrame.ts).
  useFrame(() => {
    const parts = partsRef.current;
    const root = group.current;
    if (!root) return;
    const result = appResults.runs.get(runId);
    if (!visible || !result || result.length === 0 || result.status === 'error') {
      root.visible = false;
      labels.hide(labelId);
      return;
    }
    root.visible = true;
    applyEmphasis(parts, emphasis, runId);
    const state = trackRun(tracking.current, parts.geometry, result, field);
    if (!state) {
      // New buffers wait for the next frame's allocation budget; what was drawn stays.
      invalidate();
      if (!tracking.current) root.visible = false;
      return;
    }
    tracking.current = state;
    restoreCutSegment(state);
    if (result.length > state.buffers.points) {
      const fromPoint = state.buffers.points;
      if (extendPolyline(state, result, field, frame)) invalidate();
      updateDrawnSegments(state, parts.geometry);
      placeStepMarkers(state, parts.markers, result, fromPoint);
    }
    if (emphasis.current !== 'forward') parts.line.renderOrder = lineOrder(runId, result, state.buffers.points);
    const now = performance.now();
    // Whole-path mode draws every path whole and puts the ball at the timeline's cursor, the rest of the path faint.
    const whole = !Number.isFinite(playhead.stepAt(now)) && lastStep === null;
    const step = Math.min(playhead.cursorAt(now), lastStep ?? Number.POSITIVE_INFINITY, state.buffers.points - 1);
    const vertex = placeBall(state, parts.ball, step);
    cutPathAtBall(state, parts, vertex, step);
    showRestOfPath(state, parts.geometry, parts.rest, whole, parts.ball, step);
    showDivergence(state, parts.cross, result, whole ? Number.POSITIVE_INFINITY : step, labels, labelId);
  });

  return (
    <group ref={group} name={`run-${runId}`}>
      <primitive object={parts.rest.line} />
      <primitive object={parts.rest.tail} />
      <primitive object={parts.outline} />
      <primitive object={parts.line} />
      <primitive object={parts.ball} />
      <primitive object={parts.markers} />
      <primitive object={parts.cross} />
    </group>
  );
}
