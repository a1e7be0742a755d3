/**
 * Classic multimodal test functions, textbook definitions, unscaled
 * (Surjanovic & Bingham, sfu.ca/~ssurjano). Local minima without a closed form
 * are refined numerically from published approximations.
 */
import type { Point, Surface } from '../types.ts';
import { addRadialHessian } from './radial.ts';
import { refineMinimum } from './refine.ts';

const TWO_PI = 2 * Math.PI;

function rastriginGradient(x: number, y: number, out: Float64Array): void {
  out[0] = 2 * x + 10 * TWO_PI * Math.sin(TWO_PI * x);
  out[1] = 2 * y + 10 * TWO_PI * Math.sin(TWO_PI * y);
}

/** Rastrigin, A = 10, in 2-D: L = 20 + Σ (xᵢ² − 10 cos 2πxᵢ), global minimum 0 at the origin. */
export const rastrigin: Surface = {
  id: 'rastrigin',
  label: 'Rastrigin',
  teaches: 'An egg-crate of local minima: gradient descent stops in the nearest one.',
  tex: '20 + \\left(x^2 - 10\\cos 2\\pi x\\right) + \\left(y^2 - 10\\cos 2\\pi y\\right)',
  loss: (x, y) => 20 + x * x - 10 * Math.cos(TWO_PI * x) + y * y - 10 * Math.cos(TWO_PI * y),
  gradient: rastriginGradient,
  // Separable, so diagonal: 2 + 10·(2π)²·cos 2πxᵢ, between −393 and 397.
  hessian: (x, y, out) => {
    out[0] = 2 + 10 * TWO_PI * TWO_PI * Math.cos(TWO_PI * x);
    out[1] = 0;
    out[2] = 2 + 10 * TWO_PI * TWO_PI * Math.cos(TWO_PI * y);
  },
  domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  // The global minimum and the four nearest local minima (≈ one unit out along each axis).
  minima: [
    [0, 0],
    ...([[0.995, 0], [-0.995, 0], [0, 0.995], [0, -0.995]] as const).map((guess): Point => refineMinimum(rastriginGradient, guess)),
  ],
  suggestedStart: [-3.3, 2.8],
  lrRange: [1e-4, 5e-3],
  suggestedLr: 2e-3,
  logHeight: false,
  defaultNoise: 30,
};

/**
 * Ackley's Hessian. The ripple term R = π·exp((cos 2πx + cos 2πy)/2) gives
 * R·[[2π cos 2πx − π sin² 2πx, −π sin 2πx sin 2πy], [·, 2π cos 2πy − π sin² 2πy]];
 * the cone term (gradient C·p, C = 2e^(−0.2r)/r, r = |p|/√2) gives C·(I − (1 + 0.2r)·nnᵀ)
 * with n = p/|p|. At the origin the cone's curvature is infinite; as the gradient drops
 * the cone term there (a subgradient of 0), so does the Hessian, leaving the ripple's.
 */
function ackleyHessian(x: number, y: number, out: Float64Array): void {
  const sx = Math.sin(TWO_PI * x);
  const sy = Math.sin(TWO_PI * y);
  const cx = Math.cos(TWO_PI * x);
  const cy = Math.cos(TWO_PI * y);
  const ripple = Math.PI * Math.exp(0.5 * (cx + cy));
  out[0] = ripple * (TWO_PI * cx - Math.PI * sx * sx);
  out[1] = -Math.PI * ripple * sx * sy;
  out[2] = ripple * (TWO_PI * cy - Math.PI * sy * sy);
  const r = Math.sqrt(0.5 * (x * x + y * y));
  if (r !== 0) {
    const cone = (2 * Math.exp(-0.2 * r)) / r;
    // n = p/|p| with |p| = √2·r: a unit vector however small r is (no 1/|p|² to overflow).
    addRadialHessian(out, cone, cone * (1 + 0.2 * r), x / (Math.SQRT2 * r), y / (Math.SQRT2 * r));
  }
}

/** Ackley's loss and gradient in one pass: both exponentials and both cosines computed once. */
function ackleyLossGradient(x: number, y: number, out: Float64Array): number {
  const r = Math.sqrt(0.5 * (x * x + y * y));
  const funnel = Math.exp(-0.2 * r);
  const wave = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
  const cone = r === 0 ? 0 : (2 * funnel) / r;
  const ripple = Math.PI * wave;
  out[0] = cone * x + ripple * Math.sin(TWO_PI * x);
  out[1] = cone * y + ripple * Math.sin(TWO_PI * y);
  return -20 * funnel - wave + Math.E + 20;
}

/** Ackley, a = 20, b = 0.2, c = 2π: global minimum 0 at the origin, where the gradient is taken as 0 (a cone tip). */
export const ackley: Surface = {
  id: 'ackley',
  label: 'Ackley',
  teaches: 'A funnel under a rippled skin: small steps get caught in the ripples, larger or averaged steps feel the funnel.',
  tex: '-20\\,e^{-0.2\\sqrt{(x^2+y^2)/2}} - e^{(\\cos 2\\pi x + \\cos 2\\pi y)/2} + e + 20',
  loss: (x, y) => {
    const r = Math.sqrt(0.5 * (x * x + y * y));
    return -20 * Math.exp(-0.2 * r) - Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y))) + Math.E + 20;
  },
  // The gradient is lossGradient's (its loss left unused: the exponentials are needed either way).
  gradient: (x, y, out) => void ackleyLossGradient(x, y, out),
  lossGradient: ackleyLossGradient,
  hessian: ackleyHessian,
  domain: { x: [-5, 5], y: [-5, 5] },
  minima: [[0, 0]],
  suggestedStart: [-3.6, 2.7],
  lrRange: [1e-4, 0.1],
  suggestedLr: 0.01,
  logHeight: false,
  defaultNoise: 2,
};

function camelGradient(x: number, y: number, out: Float64Array): void {
  const x2 = x * x;
  out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
  out[1] = x - 8 * y + 16 * y * y * y;
}

/** Six-hump camel: L = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y², two global minima ≈ ±(0.0898, −0.7126), L ≈ −1.0316. */
export const sixHumpCamel: Surface = {
  id: 'six-hump-camel',
  label: 'Six-hump camel',
  teaches: 'Six minima, two of them global and mirror images: symmetry decides little, the start decides much.',
  tex: '\\left(4 - 2.1x^2 + \\tfrac{x^4}{3}\\right)x^2 + xy + \\left(-4 + 4y^2\\right)y^2',
  loss: (x, y) => {
    const x2 = x * x;
    const y2 = y * y;
    return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
  },
  gradient: camelGradient,
  // [[8 − 25.2x² + 10x⁴, 1], [1, −8 + 48y²]]: the xy term is the only coupling.
  hessian: (x, y, out) => {
    const x2 = x * x;
    out[0] = 8 - 25.2 * x2 + 10 * x2 * x2;
    out[1] = 1;
    out[2] = -8 + 48 * y * y;
  },
  domain: { x: [-3, 3], y: [-2, 2] },
  // Two global minima, then the four local ones (published to four digits; refined here).
  minima: (
    [
      [0.0898, -0.7126],
      [-0.0898, 0.7126],
      [-1.7036, 0.7961],
      [1.7036, -0.7961],
      [1.6071, 0.5687],
      [-1.6071, -0.5687],
    ] as const
  ).map((guess): Point => refineMinimum(camelGradient, guess)),
  suggestedStart: [-1.5, 1.2],
  lrRange: [1e-4, 0.1],
  suggestedLr: 0.01,
  logHeight: false,
  defaultNoise: 5,
};

function goldsteinPriceGradient(x: number, y: number, out: Float64Array): void {
  const u = x + y + 1;
  const a = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const p = 1 + u * u * a;
  const dpd = 2 * u * a + u * u * (-14 + 6 * x + 6 * y); // ∂p/∂x = ∂p/∂y
  const v = 2 * x - 3 * y;
  const b = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  const q = 30 + v * v * b;
  const dqdx = 4 * v * b + v * v * (-32 + 24 * x - 36 * y);
  const dqdy = -6 * v * b + v * v * (48 - 36 * x + 54 * y);
  out[0] = dpd * q + p * dqdx;
  out[1] = dpd * q + p * dqdy;
}

/**
 * L = p·q, so H = q∇²p + ∇p∇qᵀ + ∇q∇pᵀ + p∇²q. p depends on x + y alone (its quadratic
 * factor is 19 − 14s + 3s², s = x + y), so ∇p = p′·(1, 1) and ∇²p = p″·[[1, 1], [1, 1]];
 * q depends on v = 2x − 3y alone (18 − 16v + 3v²), but its pieces are kept as in the gradient.
 */
function goldsteinPriceHessian(x: number, y: number, out: Float64Array): void {
  const u = x + y + 1;
  const a = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const ad = -14 + 6 * x + 6 * y; // ∂a/∂x = ∂a/∂y
  const p = 1 + u * u * a;
  const dpd = 2 * u * a + u * u * ad;
  const d2p = 2 * a + 4 * u * ad + 6 * u * u; // every second derivative of p
  const v = 2 * x - 3 * y;
  const b = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  const bx = -32 + 24 * x - 36 * y;
  const by = 48 - 36 * x + 54 * y;
  const q = 30 + v * v * b;
  const dqdx = 4 * v * b + v * v * bx;
  const dqdy = -6 * v * b + v * v * by;
  // With ∂v/∂x = 2, ∂v/∂y = −3 and b's second derivatives 24, −36, 54.
  const dqdxx = 8 * b + 8 * v * bx + 24 * v * v;
  const dqdxy = -12 * b + 4 * v * by - 6 * v * bx - 36 * v * v;
  const dqdyy = 18 * b - 12 * v * by + 54 * v * v;
  out[0] = d2p * q + 2 * dpd * dqdx + p * dqdxx;
  out[1] = d2p * q + dpd * (dqdx + dqdy) + p * dqdxy;
  out[2] = d2p * q + 2 * dpd * dqdy + p * dqdyy;
}

/** Goldstein–Price on [−2, 2]²: global minimum 3 at (0, −1), local minima of 30, 84 and 840. */
export const goldsteinPrice: Surface = {
  id: 'goldstein-price',
  label: 'Goldstein–Price',
  teaches: 'Heights spanning six decades: a step size that is safe on the walls is hopeless on the floor.',
  tex: '\\left[1 + (x+y+1)^2(19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\right]\\left[30 + (2x-3y)^2(18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\right]',
  loss: (x, y) => {
    const u = x + y + 1;
    const v = 2 * x - 3 * y;
    const p = 1 + u * u * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y);
    const q = 30 + v * v * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y);
    return p * q;
  },
  gradient: goldsteinPriceGradient,
  hessian: goldsteinPriceHessian,
  domain: { x: [-2, 2], y: [-2, 2] },
  minima: [
    [0, -1],
    ...([[-0.6, -0.4], [1.8, 0.2], [1.2, 0.8]] as const).map((guess): Point => refineMinimum(goldsteinPriceGradient, guess)),
  ],
  // From here plain GD with lr 3e-6 settles in the local minimum of 30; with 1e-5 it reaches the global one.
  suggestedStart: [-1, 1],
  lrRange: [1e-7, 3e-5],
  suggestedLr: 3e-6,
  logHeight: true,
  defaultNoise: 1000,
};
