/**
 * The geometry of one step at the timeline's cursor, for one run, in its colour:
 * the gradient step −ηg, the step actually taken (momentum's velocity), Nesterov's
 * look-ahead point and −ηg there, L-BFGS's direction, the adaptive methods'
 * per-axis step (a box with half-widths |Δθx|, |Δθy|), and the first-order
 * prediction L + g·Δθ beside the true loss after the step. Built once per run
 * colour; `place` moves them from the engine's inspection, allocating nothing.
 */
import { Color, Group, Mesh, MeshBasicMaterial, SphereGeometry, TorusGeometry, Vector3, type BufferGeometry } from 'three';
import type { StepInspection } from '../../core/index.ts';
import type { OptimizerId, Surface } from '../../core/types.ts';
import { PATH_LIFT } from '../paths/runPathFrame.ts';
import type { WorldFrame } from '../surface/heightMapping.ts';
import { sampleAt, type MappedField } from '../surface/mappedField.ts';
import { SolidArrow } from './arrow.ts';

export interface OverlayFlags {
  readonly gradient: boolean;
  readonly velocity: boolean;
  readonly effectiveStep: boolean;
}

/** Optimizers whose step is not −ηg: their step taken is drawn beside the gradient step. */
const VELOCITY: ReadonlySet<OptimizerId> = new Set(['momentum', 'nesterov', 'rmsprop', 'adam', 'adamw', 'nadam', 'radam', 'adamax']);
/** Optimizers with a per-axis step size. */
const ADAPTIVE: ReadonlySet<OptimizerId> = new Set(['adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'radam', 'adamax', 'adadelta', 'rprop']);

/** Arrows never shorter than this (world units) so a tiny step still shows its direction. */
const MIN_LENGTH = 0.05;
const MAX_LENGTH = 1.2;
const BAR_HEAD = 1e-4;

const scratch = new Float64Array(2);
const lookGradient = new Float64Array(2);
const from = new Vector3();
const to = new Vector3();
const direction = new Vector3();
const ringGeometry = new TorusGeometry(0.028, 0.007, 8, 28).rotateX(Math.PI / 2);
const dotGeometry = new SphereGeometry(0.022, 14, 10);

export type OverlayParts = ReturnType<typeof createOverlayParts>;

export function createOverlayParts(colorText: string) {
  const color = new Color(colorText);
  const light = color.clone().lerp(new Color(0xffffff), 0.5);
  const solid = new MeshBasicMaterial({ color, depthTest: false, transparent: true });
  const pale = new MeshBasicMaterial({ color: light, depthTest: false, transparent: true });
  const mesh = (geometry: BufferGeometry, material: MeshBasicMaterial) => {
    const part = new Mesh(geometry, material);
    part.renderOrder = 12;
    return part;
  };
  const parts = {
    gradient: new SolidArrow(color, 0.011),
    velocity: new SolidArrow(light, 0.007),
    lookAhead: mesh(ringGeometry, solid),
    lookAheadGradient: new SolidArrow(color, 0.006),
    direction: new SolidArrow(light, 0.006),
    box: [0, 1, 2, 3].map(() => new SolidArrow(color, 0.004)),
    predicted: mesh(ringGeometry, pale),
    actual: mesh(dotGeometry, solid),
    gap: new SolidArrow(light, 0.003),
    group: new Group(),
    materials: [solid, pale],
  };
  parts.group.add(parts.gradient, parts.velocity, parts.lookAhead, parts.lookAheadGradient, parts.direction, ...parts.box, parts.predicted, parts.actual, parts.gap);
  return parts;
}

export function disposeOverlayParts(parts: OverlayParts): void {
  parts.group.clear();
  for (const arrow of [parts.gradient, parts.velocity, parts.lookAheadGradient, parts.direction, ...parts.box, parts.gap]) arrow.dispose();
  for (const material of parts.materials) material.dispose();
}

/** World position of plane point (x, y) on the drawn surface, lifted a little. */
function onSurface(field: MappedField, frame: WorldFrame, x: number, y: number, out: Vector3): Vector3 {
  return out.set(frame.toWorldX(x), sampleAt(field, x, y, scratch) * frame.height + PATH_LIFT * 2, frame.toWorldZ(y));
}

/** An arrow from plane point a along plane vector (dx, dy), following the surface; hidden when the vector is zero or not finite. */
function arrowAlong(arrow: SolidArrow, field: MappedField, frame: WorldFrame, ax: number, ay: number, dx: number, dy: number, show: boolean): void {
  arrow.visible = show && Number.isFinite(dx) && Number.isFinite(dy) && (dx !== 0 || dy !== 0);
  if (!arrow.visible) return;
  onSurface(field, frame, ax, ay, from);
  onSurface(field, frame, ax + dx, ay + dy, to);
  direction.subVectors(to, from);
  const length = direction.length();
  if (!(length > 0)) direction.set(dx, 0, -dy);
  direction.normalize();
  arrow.set(from, direction, Math.min(MAX_LENGTH, Math.max(MIN_LENGTH, length)));
}

const vectorState = (step: StepInspection, symbol: string, after = false): readonly [number, number] | null => {
  const found = (after ? step.stateAfter : step.state).find((quantity) => quantity.symbol === symbol);
  return found?.kind === 'vector' ? found.value : null;
};

/** Place every part for `step` (the engine's inspection of this run at the cursor). */
export function placeOverlay(parts: OverlayParts, step: StepInspection, optimizer: OptimizerId, momentum: number, flags: OverlayFlags, surface: Surface | null, field: MappedField, frame: WorldFrame): void {
  const [x, y] = step.point;
  const eta = step.lr;
  const g = step.gradient;
  const update = step.update;
  arrowAlong(parts.gradient, field, frame, x, y, g ? -eta * g[0] : 0, g ? -eta * g[1] : 0, flags.gradient && g !== null);
  arrowAlong(parts.velocity, field, frame, x, y, update?.[0] ?? 0, update?.[1] ?? 0, flags.velocity && update !== null && VELOCITY.has(optimizer));

  // Nesterov: where momentum alone carries θ (θ − ημb), and the gradient step taken there.
  const buffer = optimizer === 'nesterov' && step.step > 0 ? vectorState(step, 'b') : null;
  parts.lookAhead.visible = flags.velocity && buffer !== null;
  parts.lookAheadGradient.visible = false;
  if (buffer) {
    const lx = x - eta * momentum * buffer[0];
    const ly = y - eta * momentum * buffer[1];
    parts.lookAhead.position.copy(onSurface(field, frame, lx, ly, to));
    if (surface) {
      surface.gradient(lx, ly, lookGradient);
      arrowAlong(parts.lookAheadGradient, field, frame, lx, ly, -eta * lookGradient[0], -eta * lookGradient[1], flags.velocity);
    }
  }

  const lbfgs = optimizer === 'lbfgs' ? vectorState(step, 'd', true) : null;
  arrowAlong(parts.direction, field, frame, x, y, lbfgs?.[0] ?? 0, lbfgs?.[1] ?? 0, flags.velocity && lbfgs !== null);

  // The adaptive per-axis step: a box around θ with half-widths |Δθx| and |Δθy|, at θ's height.
  const boxed = flags.effectiveStep && update !== null && ADAPTIVE.has(optimizer);
  const hx = Math.abs(update?.[0] ?? 0) * frame.scale;
  const hz = Math.abs(update?.[1] ?? 0) * frame.scale;
  onSurface(field, frame, x, y, from);
  const corners: readonly [number, number, number, number][] = [
    [-hx, -hz, 1, 0],
    [hx, -hz, 0, 1],
    [hx, hz, -1, 0],
    [-hx, hz, 0, -1],
  ];
  parts.box.forEach((bar, side) => {
    const [cx, cz, ux, uz] = corners[side];
    const length = ux !== 0 ? 2 * hx : 2 * hz;
    bar.visible = boxed && length > 0;
    if (bar.visible) bar.set(to.set(from.x + cx, from.y, from.z + cz), direction.set(ux, 0, uz), length, BAR_HEAD);
  });

  // First-order prediction L + g·Δθ (ring) beside the true loss after the step (dot), joined by the gap.
  const predicts = flags.gradient && g !== null && step.next !== null && update !== null;
  parts.predicted.visible = predicts;
  parts.actual.visible = predicts;
  parts.gap.visible = false;
  if (predicts && g && step.next && update) {
    const predicted = step.loss + g[0] * update[0] + g[1] * update[1];
    const [nx, ny] = step.next;
    const heightOf = (loss: number) => field.mapping.toT(loss) * frame.height + PATH_LIFT * 2;
    parts.actual.position.set(frame.toWorldX(nx), heightOf(step.nextLoss), frame.toWorldZ(ny));
    parts.predicted.position.set(frame.toWorldX(nx), heightOf(predicted), frame.toWorldZ(ny));
    const gap = parts.predicted.position.y - parts.actual.position.y;
    parts.gap.visible = Math.abs(gap) > 1e-4;
    if (parts.gap.visible) parts.gap.set(parts.actual.position, direction.set(0, Math.sign(gap), 0), Math.abs(gap), BAR_HEAD);
  }
}
