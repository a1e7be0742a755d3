/**
 * Hand-inlined random search (8 candidates around the best, σ₀ = 0.1 × 4) and the
 * small genetic algorithm (population 16, crossover 0.7, σ₀ = 0.05 × 4) on
 * Rosenbrock, seed 1, drawing from the engine's generator (random.ts) with Box–Muller
 * written out.
 */
import { createRandom } from '../../src/core/random.ts';
import type { HandLoop } from './common.ts';

export const GRADIENT_FREE: Record<'random-search' | 'evolution', HandLoop> = {
  'random-search': (c, { xs, ys, ls }) => {
    const random = createRandom(1);
    const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    let [x, y] = c.start;
    let best = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    xs[0] = x; ys[0] = y; ls[0] = best;
    let sigma = 0.4;
    let i = 0;
    for (; i < c.steps; i++) {
      let bx = x; let by = y; let improved = false;
      for (let k = 0; k < 8; k++) {
        const cx = x + sigma * gauss(); const cy = y + sigma * gauss();
        const a = 1 - cx; const d = cy - cx * cx; const l = a * a + 100 * d * d;
        if (l < best) { best = l; bx = cx; by = cy; improved = true; }
      }
      x = bx; y = by;
      sigma = improved ? Math.min(sigma * 1.5, 4) : sigma * 0.8;
      if (!(Math.abs(best) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = best;
    }
    return i;
  },
  evolution: (c, { xs, ys, ls }) => {
    const size = 16;
    const random = createRandom(1);
    const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const px = new Float64Array(size); const py = new Float64Array(size); const pl = new Float64Array(size);
    const kx = new Float64Array(size); const ky = new Float64Array(size); const kl = new Float64Array(size);
    const pick = (): number => {
      const a = Math.floor(random() * size); const b = Math.floor(random() * size);
      return pl[b] < pl[a] ? b : a;
    };
    let [x, y] = c.start;
    let best = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    xs[0] = x; ys[0] = y; ls[0] = best;
    let sigma = 0.2;
    let i = 0;
    for (; i < c.steps; i++) {
      if (i === 0) {
        px[0] = x; py[0] = y; pl[0] = best;
        for (let k = 1; k < size; k++) {
          px[k] = x + sigma * gauss(); py[k] = y + sigma * gauss();
          const a = 1 - px[k]; const d = py[k] - px[k] * px[k]; pl[k] = a * a + 100 * d * d;
        }
      } else {
        let elite = 0;
        for (let k = 1; k < size; k++) if (pl[k] < pl[elite]) elite = k;
        kx[0] = px[elite]; ky[0] = py[elite]; kl[0] = pl[elite];
        for (let k = 1; k < size; k++) {
          const a = pick();
          let cx = px[a]; let cy = py[a];
          if (random() < 0.7) {
            const b = pick(); const wx = random(); const wy = random();
            cx = wx * cx + (1 - wx) * px[b]; cy = wy * cy + (1 - wy) * py[b];
          }
          cx += sigma * gauss(); cy += sigma * gauss();
          const e = 1 - cx; const d = cy - cx * cx;
          kx[k] = cx; ky[k] = cy; kl[k] = e * e + 100 * d * d;
        }
        px.set(kx); py.set(ky); pl.set(kl);
      }
      let elite = 0;
      for (let k = 1; k < size; k++) if (pl[k] < pl[elite]) elite = k;
      if (pl[elite] < best) { best = pl[elite]; x = px[elite]; y = py[elite]; sigma = Math.min(sigma * 1.5, 4); } else sigma *= 0.8;
      if (!(Math.abs(best) <= 1e30)) break;
      xs[i + 1] = x; ys[i + 1] = y; ls[i + 1] = best;
    }
    return i;
  },
};
