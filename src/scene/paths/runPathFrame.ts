/**
 * What one drawn run does each frame, as named steps that RunPath's useFrame
 * calls in order: keep its buffers matched to the result, restore the segment
 * the ball cut last frame, turn newly arrived points into the drawn polyline
 * (within the frame's shared budget), put the ball at the playhead, cut the
 * path there, and mark where a diverged run blew up. Every step writes into
 * preallocated buffers and objects: nothing is allocated per frame, except when
 * a longer run needs larger buffers.
 */
import { InstancedInterleavedBuffer, InterleavedBufferAttribute, Matrix4, type Group, type InstancedMesh, type Mesh } from 'three';
import type { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { RunResult } from '../../state/results.ts';
import type { LabelRegistry } from '../labels/labelRegistry.ts';
import type { WorldFrame } from '../surface/heightMapping.ts';
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
import { MAX_SLICES_PER_FRAME, mayAllocate, PATH_SLICE, pathTimeLeft } from './pathBudget.ts';

/** Height of paths above the surface, in world units (the surface spans 2). */
export const PATH_LIFT = 0.014;
/** Runs with at most this many steps show a marker at every step. */
export const STEP_MARKER_LIMIT = 60;
/**
 * How far (world units; the surface spans 2, so about a pixel on a 1000-pixel view)
 * the drawn path may cut a corner: a smooth or settled run draws tens of segments,
 * not thousands, while every visible turn stays.
 */
export const PATH_TOLERANCE = 0.0025;
/** Vertices beyond one per point, for subdividing long steps so they follow the surface. */
const EXTRA_VERTICES = 4096;
/** Drawn segments the instance buffer first holds; it doubles when a path needs more. */
const INITIAL_SEGMENTS = 2048;

/** Bytes that path buffers for `pointCapacity` points take (createPathBuffers + createPathSegments). */
function trackingBytes(pointCapacity: number): number {
  const vertices = pointCapacity + EXTRA_VERTICES;
  return vertices * (3 * 4 + 1) + pointCapacity * 4 + vertices * (4 + 1 + 4);
}

/** The three.js objects of one drawn run, built once per colour by RunPath. */
export interface RunPathParts {
  /** Shared by the line and its outline; its instances are the drawn segments. */
  readonly geometry: LineSegmentsGeometry;
  readonly ball: Mesh;
  readonly markers: InstancedMesh;
  readonly cross: Group;
}

/** What a run's buffers currently hold, and for which result and field. */
export interface PathTracking {
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

const markerMatrix = new Matrix4();

/**
 * Segment instance storage for `count` segments, keeping the first `keep` of `previous`.
 * The geometry's GPU buffers are released first (the replaced ones would otherwise
 * stay allocated); three.js uploads the new ones on the next draw.
 */
function segmentStorage(geometry: LineSegmentsGeometry, count: number, previous?: Float32Array, keep = 0): Pick<PathTracking, 'segments' | 'segmentBuffer'> {
  geometry.dispose();
  const segments = new Float32Array(Math.max(1, count) * 6);
  if (previous) segments.set(previous.subarray(0, Math.min(keep * 6, segments.length)));
  const segmentBuffer = new InstancedInterleavedBuffer(segments, 6, 1);
  geometry.setAttribute('instanceStart', new InterleavedBufferAttribute(segmentBuffer, 3, 0));
  geometry.setAttribute('instanceEnd', new InterleavedBufferAttribute(segmentBuffer, 3, 3));
  return { segments, segmentBuffer };
}

/** Fresh tracking with buffers for a run of `pointCapacity` points. */
function allocateTracking(geometry: LineSegmentsGeometry, pointCapacity: number): PathTracking {
  const buffers = createPathBuffers(pointCapacity, EXTRA_VERTICES);
  const drawn = createPathSegments(buffers.positions.length / 3);
  geometry.instanceCount = 0;
  const storage = segmentStorage(geometry, Math.min(INITIAL_SEGMENTS, buffers.positions.length / 3 - 1));
  return { result: null, generation: -1, capacity: 0, field: null, patched: -1, patchedEnd: new Float32Array(3), markers: 0, labelStep: -1, buffers, drawn, ...storage };
}

/**
 * The tracking to draw `result` on `field` with: the current one, or new buffers
 * when the run outgrew them. Emptied (to be rebuilt from point 0) when the result,
 * its generation or capacity, or the field changed, or the run got shorter. Null when
 * new buffers are needed but the frame's allocation budget is spent: draw as before
 * and ask for another frame.
 */
export function trackRun(current: PathTracking | null, geometry: LineSegmentsGeometry, result: RunResult, field: MappedField): PathTracking | null {
  const grow = !current || current.buffers.pointCapacity < result.capacity;
  if (grow && !mayAllocate(trackingBytes(result.capacity))) return null;
  const state = grow ? allocateTracking(geometry, result.capacity) : current;
  const stale = state.result !== result || state.generation !== result.generation || state.capacity !== result.capacity || state.field !== field || result.length < state.buffers.points;
  if (stale) {
    resetPath(state.buffers, EXTRA_VERTICES);
    resetPathSegments(state.drawn);
    state.result = result;
    state.generation = result.generation;
    state.capacity = result.capacity;
    state.field = field;
    state.patched = -1;
    state.markers = 0;
  }
  return state;
}

/** Put back the true end of the segment the ball cut last frame. */
export function restoreCutSegment(state: PathTracking): void {
  if (state.patched < 0) return;
  const offset = state.patched * 6 + 3;
  state.segments.set(state.patchedEnd, offset);
  state.segmentBuffer.addUpdateRange(offset, 3);
  state.segmentBuffer.needsUpdate = true;
  state.patched = -1;
}

/**
 * Turn the run's new points into polyline vertices on the surface, a slice at a
 * time while the frame's budget lasts (at least one slice). Returns true when
 * points are left for the next frame.
 */
export function extendPolyline(state: PathTracking, result: RunResult, field: MappedField, frame: WorldFrame): boolean {
  const buffers = state.buffers;
  let slices = 0;
  do {
    extendPath(buffers, result.x, result.y, Math.min(result.length, buffers.points + PATH_SLICE), field, frame, PATH_LIFT);
    slices++;
  } while (buffers.points < result.length && slices < MAX_SLICES_PER_FRAME && pathTimeLeft());
  return buffers.points < result.length;
}

/**
 * Simplify the new vertices into drawn segments (see PathSegments) and upload
 * the changed ones; the instance storage doubles first if the new vertices
 * might not fit.
 */
export function updateDrawnSegments(state: PathTracking, geometry: LineSegmentsGeometry): void {
  const buffers = state.buffers;
  // Room for every new vertex to become a corner (simplification usually keeps far fewer).
  const maxSegments = buffers.positions.length / 3 - 1;
  const needed = Math.min(maxSegments, state.drawn.count + (buffers.vertexCount - state.drawn.scanned) + 2);
  if (needed * 6 > state.segments.length) {
    const grown = Math.min(maxSegments, Math.max(needed, (state.segments.length / 6) * 2));
    Object.assign(state, segmentStorage(geometry, grown, state.segments, state.drawn.count));
  }
  const firstSegment = updatePathSegments(buffers, state.drawn, state.segments, PATH_TOLERANCE);
  const from = Math.min(firstSegment, state.drawn.count) * 6;
  if (state.drawn.count * 6 > from) {
    state.segmentBuffer.addUpdateRange(from, state.drawn.count * 6 - from);
    state.segmentBuffer.needsUpdate = true;
  }
}

/** For short runs, place a step marker on every point from `fromPoint` on. */
export function placeStepMarkers(state: PathTracking, markers: InstancedMesh, result: RunResult, fromPoint: number): void {
  if (result.capacity > STEP_MARKER_LIMIT + 1) return;
  const { positions, stepVertex, points } = state.buffers;
  for (let k = fromPoint; k < points; k++) {
    const v = stepVertex[k] * 3;
    markerMatrix.makeTranslation(positions[v], positions[v + 1], positions[v + 2]);
    markers.setMatrixAt(k, markerMatrix);
  }
  markers.instanceMatrix.needsUpdate = true;
  state.markers = points;
}

/** Put the ball where the playhead is (fractional step → fractional vertex); returns that vertex. */
export function placeBall(state: PathTracking, ball: Mesh, step: number): number {
  const vertex = vertexAtStep(state.buffers, step);
  positionAtVertex(state.buffers, vertex, ball.position);
  return vertex;
}

/**
 * Draw the full segments behind the ball and the one it is on, cut at the ball
 * (its true end is kept for restoreCutSegment), and the step markers up to `step`.
 */
export function cutPathAtBall(state: PathTracking, parts: RunPathParts, vertex: number, step: number): void {
  const behind = segmentsBehind(state.drawn, vertex);
  let drawn = behind.whole;
  if (behind.partial) {
    const offset = behind.whole * 6 + 3;
    const ball = parts.ball.position;
    state.patchedEnd.set(state.segments.subarray(offset, offset + 3));
    state.segments[offset] = ball.x;
    state.segments[offset + 1] = ball.y;
    state.segments[offset + 2] = ball.z;
    state.segmentBuffer.addUpdateRange(offset, 3);
    state.segmentBuffer.needsUpdate = true;
    state.patched = behind.whole;
    drawn = behind.whole + 1;
  }
  parts.geometry.instanceCount = drawn;
  parts.markers.count = state.markers > 0 ? Math.min(state.markers, Math.floor(step) + 1) : 0;
}

/** Once the playhead reaches the end of a diverged run: a cross at its last point and "diverged at step k". */
export function showDivergence(state: PathTracking, cross: Group, result: RunResult, step: number, labels: LabelRegistry, labelId: string): void {
  const lastStep = state.buffers.points - 1;
  const ended = result.status === 'diverged' && step >= lastStep;
  cross.visible = ended;
  if (!ended) {
    labels.hide(labelId);
    return;
  }
  const v = state.buffers.stepVertex[lastStep] * 3;
  const p = state.buffers.positions;
  cross.position.set(p[v], p[v + 1] + 0.01, p[v + 2]);
  const divergedAt = result.divergedAt >= 0 ? result.divergedAt : result.length;
  if (state.labelStep !== divergedAt) {
    state.labelStep = divergedAt;
    labels.setText(labelId, `diverged at step ${divergedAt}`);
  }
  labels.place(labelId, p[v], p[v + 1] + 0.06, p[v + 2]);
}

/**
 * Whole-path mode with the timeline's cursor before the end: the path after the
 * ball, faint. `line` draws every segment from the run's own buffers (shared with
 * the full-strength line, which stops at the ball); `tail` draws the rest of the
 * segment the ball cut (from the ball to that segment's true end).
 */
export interface RestOfPath {
  readonly line: LineSegments2;
  readonly tail: LineSegments2;
  readonly tailSegment: Float32Array;
  readonly tailBuffer: InstancedInterleavedBuffer;
}

/** The faint rest-of-path objects, sharing `material`; their geometries are the caller's to dispose. */
export function createRestOfPath(make: (geometry: LineSegmentsGeometry) => LineSegments2): RestOfPath {
  const tailSegment = new Float32Array(6);
  const tailBuffer = new InstancedInterleavedBuffer(tailSegment, 6, 1);
  const tailGeometry = new LineSegmentsGeometry();
  tailGeometry.setAttribute('instanceStart', new InterleavedBufferAttribute(tailBuffer, 3, 0));
  tailGeometry.setAttribute('instanceEnd', new InterleavedBufferAttribute(tailBuffer, 3, 3));
  tailGeometry.instanceCount = 1;
  const line = make(new LineSegmentsGeometry());
  const tail = make(tailGeometry);
  for (const part of [line, tail]) {
    part.frustumCulled = false;
    part.visible = false;
    part.renderOrder = 0;
  }
  return { line, tail, tailSegment, tailBuffer };
}

/** Show the faint rest of the path after the ball at `step` (when `show` and the ball is before the end), reading the drawn segments of `geometry`. */
export function showRestOfPath(state: PathTracking, geometry: LineSegmentsGeometry, rest: RestOfPath, show: boolean, ball: Mesh, step: number): void {
  const on = show && step < state.buffers.points - 1;
  rest.line.visible = on;
  rest.tail.visible = on && state.patched >= 0;
  if (!on) return;
  const ghost = rest.line.geometry;
  if (ghost.attributes.instanceStart !== geometry.attributes.instanceStart) {
    ghost.setAttribute('instanceStart', geometry.attributes.instanceStart);
    ghost.setAttribute('instanceEnd', geometry.attributes.instanceEnd);
  }
  ghost.instanceCount = state.drawn.count;
  if (state.patched >= 0) {
    rest.tailSegment[0] = ball.position.x;
    rest.tailSegment[1] = ball.position.y;
    rest.tailSegment[2] = ball.position.z;
    rest.tailSegment.set(state.patchedEnd, 3);
    rest.tailBuffer.needsUpdate = true;
  }
}
