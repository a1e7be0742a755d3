/** Sampling a surface for display, and its gradient's size. */
import type { Domain, Surface } from './types.ts';

/**
 * The loss on a resolution × resolution grid spanning `domain` (the surface's
 * own by default), edges included, row-major: entry j·resolution + i is the
 * loss at x = x.min + i·(x.max − x.min)/(resolution − 1), y likewise with j
 * (row 0 is y.min). Non-finite losses stay as they are (NaN, ±Infinity).
 */
export function heightField(surface: Surface, resolution: number, domain: Domain = surface.domain): Float32Array {
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 4096) {
    throw new Error(`resolution must be an integer from 2 to 4096 (got ${resolution})`);
  }
  const heights = new Float32Array(resolution * resolution);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const dx = (x1 - x0) / (resolution - 1);
  const dy = (y1 - y0) / (resolution - 1);
  for (let j = 0; j < resolution; j++) {
    const y = j === resolution - 1 ? y1 : y0 + j * dy;
    for (let i = 0; i < resolution; i++) {
      heights[j * resolution + i] = surface.loss(i === resolution - 1 ? x1 : x0 + i * dx, y);
    }
  }
  return heights;
}

/** Smallest and largest finite entry of a height field; both 0 when none is finite. */
export function heightFieldRange(heights: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < heights.length; k++) {
    const h = heights[k];
    if (h < min && h > -Infinity) min = h;
    if (h > max && h < Infinity) max = h;
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

const scratch = new Float64Array(2);

/**
 * √(a² + b²), within two ulps of Math.hypot(a, b) (each about one from the exact length) and several times cheaper where the squares
 * can neither overflow nor underflow (a run records one per step: Math.hypot cost more than the
 * momentum step it measured); elsewhere Math.hypot itself, which scales to avoid both.
 */
export function vectorLength(a: number, b: number): number {
  const sum = a * a + b * b;
  return sum > 1e-290 && sum < 1e290 ? Math.sqrt(sum) : Math.hypot(a, b);
}

/** |∇L(x, y)|, the full-batch gradient's Euclidean norm. */
export function gradientNorm(surface: Surface, x: number, y: number): number {
  surface.gradient(x, y, scratch);
  return vectorLength(scratch[0], scratch[1]);
}

const typicalNorms = new WeakMap<Surface, number>();
const sample = new Float64Array(2);

/**
 * The median of |∇L| over the centres of a 16 × 16 grid of the surface's domain
 * (non-finite norms skipped; NaN when none is finite): the scale against which
 * "a small gradient" is judged. Memoised per surface record.
 */
export function typicalGradientNorm(surface: Surface): number {
  let median = typicalNorms.get(surface);
  if (median === undefined) {
    const norms: number[] = [];
    const [x0, x1] = surface.domain.x;
    const [y0, y1] = surface.domain.y;
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        surface.gradient(x0 + ((x1 - x0) * (i + 0.5)) / 16, y0 + ((y1 - y0) * (j + 0.5)) / 16, sample);
        const norm = Math.hypot(sample[0], sample[1]);
        if (Number.isFinite(norm)) norms.push(norm);
      }
    }
    norms.sort((p, q) => p - q);
    median = norms.length > 0 ? norms[norms.length >> 1] : NaN;
    typicalNorms.set(surface, median);
  }
  return median;
}
