import type { Point, Surface } from '../types.ts';
import { addRadialHessian } from './radial.ts';
import { refineMinimum } from './refine.ts';

/** Each well: centre (cx, cy), depth, width² (the Gaussian's 2σ²). */
const WELLS: readonly (readonly [cx: number, cy: number, depth: number, width2: number])[] = [
  [1.5, 1, 2, 0.8],
  [-1.5, -0.5, 1.4, 0.6],
  [0.6, -2.2, 1, 0.5],
];

/** Slope of the gentle bowl the wells sit in. */
const BASIN = 0.05;

// The wells unpacked into constants: the loss and gradient run millions of times per
// second (maps run them for every cell), and a loop that destructures each well was the
// largest per-step cost. Same operations in the same order as the table, so the same bits.
const [[c0x, c0y, d0, w0], [c1x, c1y, d1, w1], [c2x, c2y, d2, w2]] = WELLS;
const k0 = (2 * d0) / w0;
const k1 = (2 * d1) / w1;
const k2 = (2 * d2) / w2;

/** exp(−r²/w) at offset (dx, dy) from a well's centre: the well's shape, which the loss, gradient and Hessian share. */
function well(dx: number, dy: number, width2: number): number {
  return Math.exp(-(dx * dx + dy * dy) / width2);
}

function loss(x: number, y: number): number {
  return BASIN * (x * x + y * y) - d0 * well(x - c0x, y - c0y, w0) - d1 * well(x - c1x, y - c1y, w1) - d2 * well(x - c2x, y - c2y, w2);
}


/** Loss and gradient together, each well's exponential computed once for both (the loss in the same operations as above). */
function lossGradient(x: number, y: number, out: Float64Array): number {
  const x0 = x - c0x;
  const y0 = y - c0y;
  const x1 = x - c1x;
  const y1 = y - c1y;
  const x2 = x - c2x;
  const y2 = y - c2y;
  const e0 = well(x0, y0, w0);
  const e1 = well(x1, y1, w1);
  const e2 = well(x2, y2, w2);
  const p0 = k0 * e0;
  const p1 = k1 * e1;
  const p2 = k2 * e2;
  out[0] = 2 * BASIN * x + p0 * x0 + p1 * x1 + p2 * x2;
  out[1] = 2 * BASIN * y + p0 * y0 + p1 * y1 + p2 * y2;
  return BASIN * (x * x + y * y) - d0 * e0 - d1 * e1 - d2 * e2;
}

/** The gradient: lossGradient's, its loss (a few multiplications beside the exponentials) left unused. */
function gradient(x: number, y: number, out: Float64Array): void {
  lossGradient(x, y, out);
}

/**
 * Well k adds pₖ·(x − cₖx, y − cₖy) to the gradient, pₖ = kₖ·exp(−rₖ²/wₖ); since
 * ∂pₖ/∂x = −2pₖ(x − cₖx)/wₖ, its Hessian is pₖ·(I − 2·dₖdₖᵀ/wₖ) with dₖ = p − cₖ.
 * Not on the hot path (Newton's method and the step inspector), so it walks the table.
 */
function hessian(x: number, y: number, out: Float64Array): void {
  out[0] = 2 * BASIN;
  out[1] = 0;
  out[2] = 2 * BASIN;
  for (const [cx, cy, depth, width2] of WELLS) {
    const dx = x - cx;
    const dy = y - cy;
    const p = ((2 * depth) / width2) * well(dx, dy, width2);
    addRadialHessian(out, p, (2 * p) / width2, dx, dy);
  }
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
  lossGradient,
  hessian,
  domain: { x: [-4, 4], y: [-4, 4] },
  minima,
  suggestedStart: [3, -2.25],
  lrRange: [1e-3, 0.5],
  suggestedLr: 0.1,
  logHeight: false,
  defaultNoise: 0.5,
};
