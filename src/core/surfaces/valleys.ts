import type { Point, Surface } from '../types.ts';
import { refineMinimum } from './refine.ts';

/** Each well: centre (cx, cy), depth, width² (the Gaussian's 2σ²). */
const WELLS: readonly (readonly [cx: number, cy: number, depth: number, width2: number])[] = [
  [1.5, 1, 2, 0.8],
  [-1.5, -0.5, 1.4, 0.6],
  [0.6, -2.2, 1, 0.5],
];

/** Slope of the gentle bowl the wells sit in. */
const BASIN = 0.05;

function loss(x: number, y: number): number {
  let value = BASIN * (x * x + y * y);
  for (const [cx, cy, depth, width2] of WELLS) {
    const dx = x - cx;
    const dy = y - cy;
    value -= depth * Math.exp(-(dx * dx + dy * dy) / width2);
  }
  return value;
}

function gradient(x: number, y: number, out: Float64Array): void {
  let gx = 2 * BASIN * x;
  let gy = 2 * BASIN * y;
  for (const [cx, cy, depth, width2] of WELLS) {
    const dx = x - cx;
    const dy = y - cy;
    const pull = ((2 * depth) / width2) * Math.exp(-(dx * dx + dy * dy) / width2);
    gx += pull * dx;
    gy += pull * dy;
  }
  out[0] = gx;
  out[1] = gy;
}

/** One minimum per well, refined by Newton's method from the well's centre; deepest first. */
const minima: Point[] = WELLS.map(([cx, cy]) => refineMinimum(gradient, [cx, cy])).sort((a, b) => loss(a[0], a[1]) - loss(b[0], b[1]));

/**
 * Three Gaussian wells of different depth in a gentle quadratic basin:
 * L = 0.05(x² + y²) − Σ dₖ·exp(−|p − cₖ|²/wₖ). Plain gradient descent ends in
 * whichever valley the start drains into, not necessarily the deepest.
 */
export const valleys: Surface = {
  id: 'valleys',
  label: 'Valleys',
  teaches: 'With several valleys, the starting point decides where gradient descent ends.',
  tex: '0.05(x^2+y^2) - 2e^{-\\frac{(x-1.5)^2+(y-1)^2}{0.8}} - 1.4e^{-\\frac{(x+1.5)^2+(y+0.5)^2}{0.6}} - e^{-\\frac{(x-0.6)^2+(y+2.2)^2}{0.5}}',
  loss,
  gradient,
  domain: { x: [-4, 4], y: [-4, 4] },
  minima,
  suggestedStart: [3, -2.25],
  lrRange: [1e-3, 0.5],
  suggestedLr: 0.1,
  logHeight: false,
  defaultNoise: 0.5,
};
