/**
 * The frame around the landscape: the floor outline with w₁ and w₂ ticks, and (in
 * 3D) a subtle grid on the two back walls with loss ticks, as line segments plus
 * label anchors in world coordinates. Pure: rebuilt when the field changes.
 */
import { formatNumber } from '../../view/format.ts';
import { niceTicks } from '../../view/ticks.ts';
import { mappedTicks, type WorldFrame } from '../surface/heightMapping.ts';
import type { MappedField } from '../surface/mappedField.ts';

export type LabelAlign = 'center' | 'left' | 'right' | 'above';

export interface AxisLabel {
  readonly id: string;
  readonly text: string;
  readonly position: readonly [number, number, number];
  readonly align: LabelAlign;
  readonly title: boolean;
  /** Only meaningful in the 3D view (loss axis). */
  readonly only3d: boolean;
}

export interface AxesGeometry {
  /** Floor outline and tick marks: [x0, y0, z0, x1, y1, z1, …]. */
  readonly floor: Float32Array;
  /** Back-wall grid (3D view only). */
  readonly walls: Float32Array;
  readonly labels: AxisLabel[];
}

const TICK = 0.04;

export function buildAxes(field: MappedField, frame: WorldFrame): AxesGeometry {
  const W = frame.halfWidth;
  const D = frame.halfDepth;
  const H = frame.height;
  const floor: number[] = [-W, 0, -D, W, 0, -D, W, 0, -D, W, 0, D, W, 0, D, -W, 0, D, -W, 0, D, -W, 0, -D];
  const walls: number[] = [];
  const labels: AxisLabel[] = [];
  const [x0, x1] = field.domain.x;
  const [y0, y1] = field.domain.y;

  for (const x of niceTicks(x0, x1, 5)) {
    const X = frame.toWorldX(x);
    floor.push(X, 0, D, X, 0, D + TICK);
    walls.push(X, 0, -D, X, H, -D);
    labels.push({ id: `x:${x}`, text: formatNumber(x), position: [X, 0, D + 0.1], align: 'center', title: false, only3d: false });
  }
  for (const y of niceTicks(y0, y1, 5)) {
    const Z = frame.toWorldZ(y);
    floor.push(W, 0, Z, W + TICK, 0, Z);
    walls.push(-W, 0, Z, -W, H, Z);
    labels.push({ id: `y:${y}`, text: formatNumber(y), position: [W + 0.08, 0, Z], align: 'left', title: false, only3d: false });
  }
  for (const tick of mappedTicks(field.mapping, 5)) {
    const Y = tick.t * H;
    walls.push(-W, Y, -D, W, Y, -D, -W, Y, -D, -W, Y, D, W, Y, -D, W + TICK, Y, -D);
    // The bottom value would sit on the last w₂ tick label; the colour key shows it.
    if (tick.t > 0.04) labels.push({ id: `loss:${tick.value}`, text: formatNumber(tick.value, 2), position: [W + 0.07, Y, -D], align: 'left', title: false, only3d: true });
  }
  // Top edges of the back walls, the back corner, and the loss axis on the right-hand vertical edge
  // (the left side of the view is where the UI lays its run legend).
  walls.push(-W, H, -D, W, H, -D, -W, H, -D, -W, H, D, -W, 0, -D, -W, H, -D, W, 0, -D, W, H, -D);
  labels.push({ id: 'title:w1', text: 'w₁', position: [0, 0, D + 0.26], align: 'center', title: true, only3d: false });
  labels.push({ id: 'title:w2', text: 'w₂', position: [W + 0.3, 0, 0], align: 'left', title: true, only3d: false });
  labels.push({ id: 'title:loss', text: field.mapping.log ? 'loss (log height)' : 'loss', position: [W, H + 0.08, -D], align: 'above', title: true, only3d: true });
  return { floor: Float32Array.from(floor), walls: Float32Array.from(walls), labels };
}
