/**
 * Framing the landscape: the closest camera from which every given point, with
 * the screen box of the label pinned to it, lies inside the pane with a margin.
 * Pure math on plain numbers (no three.js objects), solved in closed form:
 *
 * A camera at `target + distance · back` looks along −back. A point at offset
 * `rel` from the target has depth `z = distance − rel·back` and camera-space
 * coordinates `x = rel·right`, `y = rel·up`; it lands at NDC `x / (z · tanH)`.
 * Keeping its label box (extending `left`, `right`, `up`, `down` px from it)
 * `pad` px inside a `width`-wide pane means `x ≤ z · tanH · (1 − 2 (right + pad) / width)`
 * and the mirror image on the left: each side gives a lower bound on `distance`.
 * Then the target moves sideways to centre the whole framed box on screen, and
 * the distance is solved again, so the landscape fills as much of the pane as it can.
 */

export type Vec3 = readonly [number, number, number];

/** A point to keep on screen, and the label box around it in px (all zero for a bare point). */
export interface FitPoint {
  readonly position: Vec3;
  readonly left: number;
  readonly right: number;
  readonly up: number;
  readonly down: number;
}

export interface PerspectiveFit {
  readonly target: Vec3;
  readonly distance: number;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
function normalize(v: Vec3): Vec3 {
  const length = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / length, v[1] / length, v[2] / length];
}

/** Camera basis for looking along −back with world y up. */
export function cameraBasis(back: Vec3): { right: Vec3; up: Vec3; back: Vec3 } {
  const b = normalize(back);
  const right = normalize(cross([0, 1, 0], b));
  return { right, up: cross(b, right), back: b };
}

/** Fraction of the half-extent left for a point after its label and margin; never below 5%. */
const room = (extent: number, pad: number, size: number) => Math.max(0.05, 1 - (2 * (extent + pad)) / size);

function solveDistance(points: readonly FitPoint[], target: Vec3, basis: ReturnType<typeof cameraBasis>, tanV: number, width: number, height: number, pad: number): number {
  const tanH = tanV * (width / height);
  let distance = 0;
  for (const point of points) {
    const rel = sub(point.position, target);
    const x = dot(rel, basis.right);
    const y = dot(rel, basis.up);
    const along = dot(rel, basis.back);
    const needX = x >= 0 ? x / (tanH * room(point.right, pad, width)) : -x / (tanH * room(point.left, pad, width));
    const needY = y >= 0 ? y / (tanV * room(point.up, pad, height)) : -y / (tanV * room(point.down, pad, height));
    distance = Math.max(distance, along + Math.max(needX, needY, 0.05));
  }
  return distance;
}

/**
 * The target and distance that frame `points` from direction `back` with a vertical
 * field of view of `fovDegrees` in a `width` × `height` px pane, `pad` px inside its edges.
 */
export function fitPerspective(points: readonly FitPoint[], start: Vec3, back: Vec3, fovDegrees: number, width: number, height: number, pad: number): PerspectiveFit {
  const basis = cameraBasis(back);
  const tanV = Math.tan(((fovDegrees / 2) * Math.PI) / 180);
  const tanH = tanV * (width / height);
  let target = start;
  let distance = solveDistance(points, target, basis, tanV, width, height, pad);
  for (let round = 0; round < 3; round++) {
    // Where the framed boxes reach on screen (px from the centre), to centre them.
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const point of points) {
      const rel = sub(point.position, target);
      const z = distance - dot(rel, basis.back);
      const px = (dot(rel, basis.right) / (z * tanH)) * (width / 2);
      const py = (dot(rel, basis.up) / (z * tanV)) * (height / 2);
      minX = Math.min(minX, px - point.left);
      maxX = Math.max(maxX, px + point.right);
      minY = Math.min(minY, py - point.down);
      maxY = Math.max(maxY, py + point.up);
    }
    // Shift the target by the off-centre amount, measured at the target's depth.
    const shiftX = (((minX + maxX) / 2) / (width / 2)) * distance * tanH;
    const shiftY = (((minY + maxY) / 2) / (height / 2)) * distance * tanV;
    target = [
      target[0] + basis.right[0] * shiftX + basis.up[0] * shiftY,
      target[1] + basis.right[1] * shiftX + basis.up[1] * shiftY,
      target[2] + basis.right[2] * shiftX + basis.up[2] * shiftY,
    ];
    distance = solveDistance(points, target, basis, tanV, width, height, pad);
  }
  return { target, distance };
}

/**
 * Orthographic top view (x right, world z down the screen): the largest zoom (px
 * per world unit) and the centre that keep every point and label box `pad` px inside.
 */
export function fitTopView(points: readonly FitPoint[], width: number, height: number, pad: number): { zoom: number; center: [number, number] } {
  let minX = Infinity, maxX = -Infinity, minZ = Infinity, maxZ = -Infinity;
  for (const point of points) {
    minX = Math.min(minX, point.position[0]);
    maxX = Math.max(maxX, point.position[0]);
    minZ = Math.min(minZ, point.position[2]);
    maxZ = Math.max(maxZ, point.position[2]);
  }
  const center: [number, number] = [(minX + maxX) / 2, (minZ + maxZ) / 2];
  let zoom = Infinity;
  for (const point of points) {
    const dx = point.position[0] - center[0];
    const dz = point.position[2] - center[1];
    const limitX = dx >= 0 ? (width / 2 - pad - point.right) / Math.max(dx, 1e-6) : (width / 2 - pad - point.left) / Math.max(-dx, 1e-6);
    const limitZ = dz >= 0 ? (height / 2 - pad - point.down) / Math.max(dz, 1e-6) : (height / 2 - pad - point.up) / Math.max(-dz, 1e-6);
    zoom = Math.min(zoom, limitX, limitZ);
  }
  return { zoom: Math.max(1, Number.isFinite(zoom) ? zoom : 1), center };
}
