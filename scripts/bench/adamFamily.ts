/**
 * Hand-inlined AdamW, NAdam, RAdam and Adamax on Rosenbrock (torch defaults, weight
 * decay 0 except AdamW's 1e-2): the gradient and loss written out in the loop.
 */
import type { HandLoop } from './common.ts';

/** 1 − β₁ and 1 − β₂ as the engine computes them. */
const W1 = 1 - 0.9;
const W2 = 1 - 0.999;

export const ADAM_FAMILY: Record<'adamw' | 'nadam' | 'radam' | 'adamax', HandLoop> = {
  adamw: (c, { xs, ys, ls }) => {
    let [x, y] = c.start;
    xs[0] = x; ys[0] = y; ls[0] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    let mx = 0; let my = 0; let vx = 0; let vy = 0;
    let i = 0;
    for (; i < c.steps; i++) {
      const w = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * w;
      const gy = 200 * w;
      const t = i + 1;
      const shrink = 1 - c.lr * 0.01;
      x *= shrink; y *= shrink;
      mx = mx * 0.9 + W1 * gx; my = my * 0.9 + W1 * gy;
      vx = vx * 0.999 + W2 * gx * gx; vy = vy * 0.999 + W2 * gy * gy;
      const stepSize = c.lr / (1 - Math.pow(0.9, t)); const correction = Math.sqrt(1 - Math.pow(0.999, t));
      x -= (stepSize * mx) / (Math.sqrt(vx) / correction + 1e-8); y -= (stepSize * my) / (Math.sqrt(vy) / correction + 1e-8);
      const a = 1 - x; const d = y - x * x; const l = a * a + 100 * d * d;
      if (!(Math.abs(l) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = l;
    }
    return i;
  },
  nadam: (c, { xs, ys, ls }) => {
    let [x, y] = c.start;
    xs[0] = x; ys[0] = y; ls[0] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    let mx = 0; let my = 0; let vx = 0; let vy = 0; let product = 1;
    let i = 0;
    for (; i < c.steps; i++) {
      const w = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * w;
      const gy = 200 * w;
      const t = i + 1;
      const correction2 = 1 - Math.pow(0.999, t);
      const mu = 0.9 * (1 - 0.5 * Math.pow(0.96, t * 0.004));
      const muNext = 0.9 * (1 - 0.5 * Math.pow(0.96, (t + 1) * 0.004));
      product *= mu;
      const productNext = product * mu * muNext;
      mx = mx * 0.9 + W1 * gx; my = my * 0.9 + W1 * gy;
      vx = vx * 0.999 + W2 * gx * gx; vy = vy * 0.999 + W2 * gy * gy;
      const dx = Math.sqrt(vx / correction2) + 1e-8; const dy = Math.sqrt(vy / correction2) + 1e-8;
      const c1 = (-c.lr * (1 - mu)) / (1 - product); const c2 = (-c.lr * muNext) / (1 - productNext);
      x += (c1 * gx) / dx; y += (c1 * gy) / dy;
      x += (c2 * mx) / dx; y += (c2 * my) / dy;
      const a = 1 - x; const d = y - x * x; const l = a * a + 100 * d * d;
      if (!(Math.abs(l) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = l;
    }
    return i;
  },
  radam: (c, { xs, ys, ls }) => {
    let [x, y] = c.start;
    xs[0] = x; ys[0] = y; ls[0] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    let mx = 0; let my = 0; let vx = 0; let vy = 0;
    const rhoInfinity = 2 / (1 - 0.999) - 1;
    let i = 0;
    for (; i < c.steps; i++) {
      const w = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * w;
      const gy = 200 * w;
      const t = i + 1;
      const correction1 = 1 - Math.pow(0.9, t); const power2 = Math.pow(0.999, t); const correction2 = 1 - power2;
      mx = mx * 0.9 + W1 * gx; my = my * 0.9 + W1 * gy;
      vx = vx * 0.999 + W2 * gx * gx; vy = vy * 0.999 + W2 * gy * gy;
      const hx = mx / correction1; const hy = my / correction1;
      const rho = rhoInfinity - (2 * t * power2) / correction2;
      if (rho > 5) {
        const r = Math.sqrt(((rho - 4) * (rho - 2) * rhoInfinity) / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho));
        const root = Math.sqrt(correction2);
        x -= hx * c.lr * ((1 / (Math.sqrt(vx) + 1e-8)) * root) * r; y -= hy * c.lr * ((1 / (Math.sqrt(vy) + 1e-8)) * root) * r;
      } else {
        x -= hx * c.lr; y -= hy * c.lr;
      }
      const a = 1 - x; const d = y - x * x; const l = a * a + 100 * d * d;
      if (!(Math.abs(l) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = l;
    }
    return i;
  },
  adamax: (c, { xs, ys, ls }) => {
    let [x, y] = c.start;
    xs[0] = x; ys[0] = y; ls[0] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    let mx = 0; let my = 0; let ux = 0; let uy = 0;
    let i = 0;
    for (; i < c.steps; i++) {
      const w = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * w;
      const gy = 200 * w;
      mx = mx * 0.9 + W1 * gx; my = my * 0.9 + W1 * gy;
      ux = Math.max(ux * 0.999, Math.abs(gx) + 1e-8); uy = Math.max(uy * 0.999, Math.abs(gy) + 1e-8);
      const stepSize = c.lr / (1 - Math.pow(0.9, i + 1));
      x -= (stepSize * mx) / ux; y -= (stepSize * my) / uy;
      const a = 1 - x; const d = y - x * x; const l = a * a + 100 * d * d;
      if (!(Math.abs(l) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = l;
    }
    return i;
  },
};
