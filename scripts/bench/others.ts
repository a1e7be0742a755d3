/**
 * Hand-inlined Adadelta, Rprop, L-BFGS (no line search, history 100 in a ring
 * buffer) and Newton (Hessian by central differences of the gradient, as the
 * engine does for a surface without `hessian`) on Rosenbrock, torch defaults.
 */
import type { HandLoop } from './common.ts';

/** 1 − ρ as the engine computes it. */
const KEEP = 1 - 0.9;

export const OTHERS: Record<'adadelta' | 'rprop' | 'lbfgs' | 'newton', HandLoop> = {
  adadelta: (c, { xs, ys, ls }) => {
    let [x, y] = c.start;
    xs[0] = x; ys[0] = y; ls[0] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    let vx = 0; let vy = 0; let ux = 0; let uy = 0;
    let i = 0;
    for (; i < c.steps; i++) {
      const w = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * w;
      const gy = 200 * w;
      vx = vx * 0.9 + KEEP * gx * gx; vy = vy * 0.9 + KEEP * gy * gy;
      const dx = (Math.sqrt(ux + 1e-6) / Math.sqrt(vx + 1e-6)) * gx; const dy = (Math.sqrt(uy + 1e-6) / Math.sqrt(vy + 1e-6)) * gy;
      ux = ux * 0.9 + KEEP * dx * dx; uy = uy * 0.9 + KEEP * dy * dy;
      x -= c.lr * dx; y -= c.lr * dy;
      const a = 1 - x; const d = y - x * x; const l = a * a + 100 * d * d;
      if (!(Math.abs(l) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = l;
    }
    return i;
  },
  rprop: (c, { xs, ys, ls }) => {
    let [x, y] = c.start;
    xs[0] = x; ys[0] = y; ls[0] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    let px = 0; let py = 0; let sx = c.lr; let sy = c.lr;
    let i = 0;
    for (; i < c.steps; i++) {
      const w = y - x * x;
      let gx = -2 * (1 - x) - 400 * x * w;
      let gy = 200 * w;
      const fx = gx * px > 0 ? 1.2 : gx * px < 0 ? 0.5 : 1; const fy = gy * py > 0 ? 1.2 : gy * py < 0 ? 0.5 : 1;
      sx = Math.min(Math.max(sx * fx, 1e-6), 50); sy = Math.min(Math.max(sy * fy, 1e-6), 50);
      if (fx === 0.5) gx = 0;
      if (fy === 0.5) gy = 0;
      x -= Math.sign(gx) * sx; y -= Math.sign(gy) * sy;
      px = gx; py = gy;
      const a = 1 - x; const d = y - x * x; const l = a * a + 100 * d * d;
      if (!(Math.abs(l) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = l;
    }
    return i;
  },
  lbfgs: (c, { xs, ys, ls }) => {
    const m = 100;
    const yHistory = new Float64Array(2 * m); const sHistory = new Float64Array(2 * m); const rho = new Float64Array(m); const alpha = new Float64Array(m);
    let [x, y] = c.start;
    xs[0] = x; ys[0] = y; ls[0] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    let dx = 0; let dy = 0; let t = 0; let gamma = 1; let pgx = 0; let pgy = 0; let iteration = 0; let pairs = 0; let oldest = 0;
    let i = 0;
    for (; i < c.steps; i++) {
      const w = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * w;
      const gy = 200 * w;
      if (Math.max(Math.abs(gx), Math.abs(gy)) > 1e-7) {
        iteration++;
        if (iteration === 1) {
          dx = -gx; dy = -gy; pairs = 0; oldest = 0; gamma = 1;
        } else {
          const yx = gx - pgx; const yy = gy - pgy; const sx = dx * t; const sy = dy * t;
          const curvature = yx * sx + yy * sy;
          if (curvature > 1e-10) {
            if (pairs === m) { oldest = (oldest + 1) % m; pairs--; }
            const slot = (oldest + pairs) % m;
            yHistory[2 * slot] = yx; yHistory[2 * slot + 1] = yy; sHistory[2 * slot] = sx; sHistory[2 * slot + 1] = sy; rho[slot] = 1 / curvature;
            pairs++;
            gamma = curvature / (yx * yx + yy * yy);
          }
          let qx = -gx; let qy = -gy;
          for (let k = pairs - 1; k >= 0; k--) {
            const slot = (oldest + k) % m;
            const a = (sHistory[2 * slot] * qx + sHistory[2 * slot + 1] * qy) * rho[slot];
            alpha[k] = a; qx += -a * yHistory[2 * slot]; qy += -a * yHistory[2 * slot + 1];
          }
          dx = qx * gamma; dy = qy * gamma;
          for (let k = 0; k < pairs; k++) {
            const slot = (oldest + k) % m;
            const b = (yHistory[2 * slot] * dx + yHistory[2 * slot + 1] * dy) * rho[slot];
            dx += (alpha[k] - b) * sHistory[2 * slot]; dy += (alpha[k] - b) * sHistory[2 * slot + 1];
          }
        }
        pgx = gx; pgy = gy;
        t = iteration === 1 ? Math.min(1, 1 / (Math.abs(gx) + Math.abs(gy))) * c.lr : c.lr;
        if (!(gx * dx + gy * dy > -1e-9)) { x += t * dx; y += t * dy; }
      }
      const a = 1 - x; const d = y - x * x; const l = a * a + 100 * d * d;
      if (!(Math.abs(l) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = l;
    }
    return i;
  },
  newton: (c, { xs, ys, ls }) => {
    let [x, y] = c.start;
    xs[0] = x; ys[0] = y; ls[0] = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    let i = 0;
    for (; i < c.steps; i++) {
      const w = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * w;
      const gy = 200 * w;
      // Central differences of the gradient, step 1e-5·max(1, |x|, |y|): ∂g/∂x from g(x ± h, y), ∂g/∂y from g(x, y ± h).
      const h = 1e-5 * Math.max(1, Math.abs(x), Math.abs(y));
      const xp = x + h; const xm = x - h; const yp = y + h; const ym = y - h;
      const wxp = y - xp * xp; const wxm = y - xm * xm; const wyp = yp - x * x; const wym = ym - x * x;
      const hxx = (-2 * (1 - xp) - 400 * xp * wxp - (-2 * (1 - xm) - 400 * xm * wxm)) / (2 * h);
      const hxy1 = (200 * wxp - 200 * wxm) / (2 * h);
      const hxy = 0.5 * (hxy1 + (-2 * (1 - x) - 400 * x * wyp - (-2 * (1 - x) - 400 * x * wym)) / (2 * h));
      const hyy = (200 * wyp - 200 * wym) / (2 * h);
      const det = hxx * hyy - hxy * hxy;
      if (!(Math.abs(det) > 1e-15 * (hxx * hxx + 2 * hxy * hxy + hyy * hyy))) break;
      x -= c.lr * ((hyy * gx - hxy * gy) / det); y -= c.lr * ((hxx * gy - hxy * gx) / det);
      const a = 1 - x; const d = y - x * x; const l = a * a + 100 * d * d;
      if (!(Math.abs(l) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = l;
    }
    return i;
  },
};
