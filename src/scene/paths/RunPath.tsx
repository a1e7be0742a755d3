/**
 * One run on the surface: a thick line in the run's colour over a dark outline
 * (both LineSegments2 sharing ONE preallocated geometry, extended in place as
 * chunks stream in), a ball at the playhead, small step markers when a run has few
 * steps, and a cross with "diverged at step k" where it blew up. Everything is read
 * from the result buffers inside useFrame: no React render per chunk or per frame.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Color, Group, InstancedInterleavedBuffer, InstancedMesh, InterleavedBufferAttribute, Matrix4, Mesh, MeshBasicMaterial, MeshLambertMaterial, SphereGeometry, BoxGeometry, Vector3 } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { RunResult } from '../../state/results.ts';
import { appResults, playhead } from '../appBridge.ts';
import type { WorldFrame } from '../surface/heightMapping.ts';
import type { LabelRegistry } from '../labels/labelRegistry.ts';
import type { MappedField } from '../surface/mappedField.ts';
import {
  createPathBuffers,
  createPathSegments,
  extendPath,
  positionAtVertex,
  resetPath,
  resetPathSegments,
  segmentsBehind,
  updatePathSegments,
  vertexAtStep,
  type PathBuffers,
  type PathSegments,
} from './pathGeometry.ts';

/** Height of paths above the surface, in world units (the surface spans 2). */
export const PATH_LIFT = 0.014;
/** Runs with at most this many steps show a marker at every step. */
export const STEP_MARKER_LIMIT = 60;
const EXTRA_VERTICES = 4096;
/**
 * How far (world units; the surface spans 2, so about a pixel on a 1000-pixel view)
 * the drawn path may cut a corner: a smooth or settled run draws tens of segments,
 * not thousands, while every visible turn stays.
 */
export const PATH_TOLERANCE = 0.0025;
/**
 * Turning points into polyline is sliced and shared by all runs of a frame: each run
 * converts at least one slice per frame, then more while the frame's budget lasts.
 * 16 runs × 100,000 steps arriving at once are drawn over several frames, never in
 * one long task.
 */
const PATH_SLICE = 1024;
const PATH_BUDGET_MS = 14;
let pathDeadline = 0;

/** Start a frame's path budget (Landscape calls this before the runs' frame callbacks). */
export function startPathFrame(): void {
  pathDeadline = performance.now() + PATH_BUDGET_MS;
}
/** Drawn segments the instance buffer first holds; it doubles when a path needs more. */
const INITIAL_SEGMENTS = 2048;

const ballGeometry = new SphereGeometry(0.034, 20, 14);
const markerGeometry = new SphereGeometry(0.013, 10, 8);
const crossBar = new BoxGeometry(0.16, 0.022, 0.022);

interface RunPathProps {
  readonly runId: string;
  readonly color: string;
  readonly visible: boolean;
  readonly field: MappedField;
  readonly frame: WorldFrame;
  readonly labels: LabelRegistry;
}

interface Tracking {
  result: RunResult | null;
  generation: number;
  capacity: number;
  field: MappedField | null;
  buffers: PathBuffers;
  segments: Float32Array;
  segmentBuffer: InstancedInterleavedBuffer;
  drawn: PathSegments;
  /** Segment whose end was moved to the ball (restored next frame), or −1, and its true end. */
  patched: number;
  readonly patchedEnd: Float32Array;
  markers: number;
  /** Step shown in the "diverged at step k" label (avoids rebuilding the text each frame). */
  labelStep: number;
}

const matrix = new Matrix4();
const ballAt = new Vector3();

/**
 * Segment instance storage for `count` segments, keeping the first `keep` of `previous`.
 * The geometry's GPU buffers are released first (the replaced ones would otherwise
 * stay allocated); three.js uploads the new ones on the next draw.
 */
function segmentStorage(geometry: LineSegmentsGeometry, count: number, previous?: Float32Array, keep = 0): Pick<Tracking, 'segments' | 'segmentBuffer'> {
  geometry.dispose();
  const segments = new Float32Array(Math.max(1, count) * 6);
  if (previous) segments.set(previous.subarray(0, Math.min(keep * 6, segments.length)));
  const segmentBuffer = new InstancedInterleavedBuffer(segments, 6, 1);
  geometry.setAttribute('instanceStart', new InterleavedBufferAttribute(segmentBuffer, 3, 0));
  geometry.setAttribute('instanceEnd', new InterleavedBufferAttribute(segmentBuffer, 3, 3));
  return { segments, segmentBuffer };
}

function allocate(geometry: LineSegmentsGeometry, pointCapacity: number): Pick<Tracking, 'buffers' | 'segments' | 'segmentBuffer' | 'drawn'> {
  const buffers = createPathBuffers(pointCapacity, EXTRA_VERTICES);
  const drawn = createPathSegments(buffers.positions.length / 3);
  geometry.instanceCount = 0;
  return { buffers, drawn, ...segmentStorage(geometry, Math.min(INITIAL_SEGMENTS, buffers.positions.length / 3 - 1)) };
}

export function RunPath({ runId, color, visible, field, frame, labels }: RunPathProps) {
  const parts = useMemo(() => {
    const geometry = new LineSegmentsGeometry();
    const lineMaterial = new LineMaterial({ color: new Color(color), linewidth: 4, worldUnits: false });
    const outlineMaterial = new LineMaterial({ color: 0x0b0d12, linewidth: 7.5, worldUnits: false, depthWrite: false });
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
    return { geometry, lineMaterial, outlineMaterial, runColor, line, outline, ball, markers, cross };
  }, [color]);

  const tracking = useRef<Tracking | null>(null);
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
      tracking.current = null;
      labels.hide(labelId);
    },
    [parts, labels, labelId],
  );

  // useFrame mutates the three.js objects through a ref (render-time values stay untouched).
  const partsRef = useRef(parts);
  useLayoutEffect(() => {
    partsRef.current = parts;
  }, [parts]);

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
    const currentField = field;
    if (!tracking.current || tracking.current.buffers.pointCapacity < result.capacity) {
      tracking.current = { result: null, generation: -1, capacity: 0, field: null, patched: -1, patchedEnd: new Float32Array(3), markers: 0, labelStep: -1, ...allocate(parts.geometry, result.capacity) };
    }
    const state = tracking.current;
    const stale = state.result !== result || state.generation !== result.generation || state.capacity !== result.capacity || state.field !== currentField || result.length < state.buffers.points;
    if (stale) {
      resetPath(state.buffers, EXTRA_VERTICES);
      resetPathSegments(state.drawn);
      state.result = result;
      state.generation = result.generation;
      state.capacity = result.capacity;
      state.field = currentField;
      state.patched = -1;
      state.markers = 0;
    }
    const buffers = state.buffers;
    // Put back the true end of the segment the ball cut last frame.
    if (state.patched >= 0) {
      const s = state.patched;
      state.segments.set(state.patchedEnd, s * 6 + 3);
      state.segmentBuffer.addUpdateRange(s * 6 + 3, 3);
      state.segmentBuffer.needsUpdate = true;
      state.patched = -1;
    }
    if (result.length > buffers.points) {
      const fromPoint = buffers.points;
      do {
        extendPath(buffers, result.x, result.y, Math.min(result.length, buffers.points + PATH_SLICE), currentField, frame, PATH_LIFT);
      } while (buffers.points < result.length && performance.now() < pathDeadline);
      if (buffers.points < result.length) invalidate();
      // Room for every new vertex to become a corner (simplification usually keeps far fewer).
      const maxSegments = buffers.positions.length / 3 - 1;
      const needed = Math.min(maxSegments, state.drawn.count + (buffers.vertexCount - state.drawn.scanned) + 2);
      if (needed * 6 > state.segments.length) {
        const grown = Math.min(maxSegments, Math.max(needed, (state.segments.length / 6) * 2));
        Object.assign(state, segmentStorage(parts.geometry, grown, state.segments, state.drawn.count));
      }
      const firstSegment = updatePathSegments(buffers, state.drawn, state.segments, PATH_TOLERANCE);
      const from = Math.min(firstSegment, state.drawn.count) * 6;
      if (state.drawn.count * 6 > from) {
        state.segmentBuffer.addUpdateRange(from, state.drawn.count * 6 - from);
        state.segmentBuffer.needsUpdate = true;
      }
      if (result.capacity <= STEP_MARKER_LIMIT + 1) {
        for (let k = fromPoint; k < buffers.points; k++) {
          const v = buffers.stepVertex[k] * 3;
          matrix.makeTranslation(buffers.positions[v], buffers.positions[v + 1], buffers.positions[v + 2]);
          parts.markers.setMatrixAt(k, matrix);
        }
        parts.markers.instanceMatrix.needsUpdate = true;
        state.markers = buffers.points;
      }
    }

    // Where the playhead is: fractional step → fractional vertex along the polyline.
    const lastStep = buffers.points - 1;
    const step = Math.min(playhead.stepAt(performance.now()), lastStep);
    const vertex = vertexAtStep(buffers, step);
    positionAtVertex(buffers, vertex, ballAt);
    parts.ball.position.copy(ballAt);

    // Full segments behind the ball, plus the one it is on, cut at the ball.
    const behind = segmentsBehind(state.drawn, vertex);
    let drawn = behind.whole;
    if (behind.partial) {
      const o = behind.whole * 6 + 3;
      state.patchedEnd.set(state.segments.subarray(o, o + 3));
      state.segments[o] = ballAt.x;
      state.segments[o + 1] = ballAt.y;
      state.segments[o + 2] = ballAt.z;
      state.segmentBuffer.addUpdateRange(o, 3);
      state.segmentBuffer.needsUpdate = true;
      state.patched = behind.whole;
      drawn = behind.whole + 1;
    }
    parts.geometry.instanceCount = drawn;
    parts.markers.count = state.markers > 0 ? Math.min(state.markers, Math.floor(step) + 1) : 0;

    const ended = result.status === 'diverged' && step >= lastStep;
    parts.cross.visible = ended;
    if (ended) {
      const v = buffers.stepVertex[lastStep] * 3;
      const p = buffers.positions;
      parts.cross.position.set(p[v], p[v + 1] + 0.01, p[v + 2]);
      const divergedAt = result.divergedAt >= 0 ? result.divergedAt : result.length;
      if (state.labelStep !== divergedAt) {
        state.labelStep = divergedAt;
        labels.setText(labelId, `diverged at step ${divergedAt}`);
      }
      labels.place(labelId, p[v], p[v + 1] + 0.06, p[v + 2]);
    } else {
      labels.hide(labelId);
    }
  });

  return (
    <group ref={group} name={`run-${runId}`}>
      <primitive object={parts.outline} />
      <primitive object={parts.line} />
      <primitive object={parts.ball} />
      <primitive object={parts.markers} />
      <primitive object={parts.cross} />
    </group>
  );
}
