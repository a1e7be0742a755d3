import { describe, expect, it } from 'vitest';
import { cameraBasis, fitPerspective, fitTopView, type FitPoint, type Vec3 } from '../../../src/scene/pane/cameraFit.ts';

const bare = (position: Vec3): FitPoint => ({ position, left: 0, right: 0, up: 0, down: 0 });
const box: FitPoint[] = [];
for (const x of [-1.2, 1.2]) for (const y of [0, 0.9]) for (const z of [-1, 1]) box.push(bare([x, y, z]));

/** Pixel position of `p` seen from `target + distance · back` (vertical FOV in degrees). */
function project(p: Vec3, target: Vec3, distance: number, back: Vec3, fov: number, width: number, height: number): [number, number] {
  const basis = cameraBasis(back);
  const rel: Vec3 = [p[0] - target[0], p[1] - target[1], p[2] - target[2]];
  const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  const z = distance - dot(rel, basis.back);
  const tanV = Math.tan(((fov / 2) * Math.PI) / 180);
  const tanH = tanV * (width / height);
  return [((dot(rel, basis.right) / (z * tanH) + 1) / 2) * width, ((1 - dot(rel, basis.up) / (z * tanV)) / 2) * height];
}

describe('fitPerspective', () => {
  const back: Vec3 = [Math.cos(0.7) * Math.sin(0.6), Math.sin(0.7), Math.cos(0.7) * Math.cos(0.6)];

  it('keeps every corner at least the margin inside the pane, touching it on some side, and centres the box', () => {
    const [width, height, pad] = [800, 400, 10];
    const fit = fitPerspective(box, [0, 0.3, 0], back, 36, width, height, pad);
    const points = box.map((point) => project(point.position, fit.target, fit.distance, back, 36, width, height));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(pad - 1e-6);
      expect(x).toBeLessThanOrEqual(width - pad + 1e-6);
      expect(y).toBeGreaterThanOrEqual(pad - 1e-6);
      expect(y).toBeLessThanOrEqual(height - pad + 1e-6);
    }
    // Tight: the box reaches the margin on at least one side; centred: equal room left and right, or top and bottom.
    const slack = Math.min(Math.min(...xs) - pad, width - pad - Math.max(...xs), Math.min(...ys) - pad, height - pad - Math.max(...ys));
    expect(slack).toBeLessThan(1);
    const horizontal = Math.abs(Math.min(...xs) - (width - Math.max(...xs)));
    const vertical = Math.abs(Math.min(...ys) - (height - Math.max(...ys)));
    expect(Math.min(horizontal, vertical)).toBeLessThan(2);
  });

  it('leaves room for a label box: a 60 px label right of a corner stays inside', () => {
    const labelled: FitPoint[] = [...box, { position: [1.3, 0, 0], left: 0, right: 60, up: 9, down: 9 }];
    const fit = fitPerspective(labelled, [0, 0.3, 0], back, 36, 600, 400, 10);
    const [x] = project([1.3, 0, 0], fit.target, fit.distance, back, 36, 600, 400);
    expect(x + 60).toBeLessThanOrEqual(600 - 10 + 1e-6);
  });
});

describe('fitTopView', () => {
  it('zooms so the widest point and its label end the margin from the edge', () => {
    const points = [bare([-2, 0, -1]), bare([2, 0, 1]), { position: [2, 0, 0] as Vec3, left: 0, right: 40, up: 8, down: 8 }];
    const { zoom, center } = fitTopView(points, 500, 300, 10);
    expect(center).toEqual([0, 0]);
    // The label's right end: 250 + 2·zoom + 40 = 500 − 10.
    expect(zoom).toBeCloseTo(100, 6);
  });
});
