/**
 * Local minima of a slice, found numerically: the grid points of a coarse grid
 * that are no higher than their 8 neighbours are refined by Newton's method in
 * (α, β) (exact gradient, Hessian by central differences of the gradient, an
 * Armijo backtracking line search, a gradient step where the Hessian is not
 * positive definite). A refined point counts when its gradient vanishes
 * (‖∇L‖ ≤ 1e-10·max(1, L)), its numerical Hessian is positive definite and it
 * lies inside the domain. Minima narrower than a grid cell can be missed.
 */
import type { Domain, Point } from '../../types.ts';
import { gridCandidates } from '../../gridMinima.ts';

interface Landscape {
  loss(x: number, y: number): number;
  gradient(x: number, y: number, out: Float64Array): void;
}

const MAX_CANDIDATES = 12;
const NEWTON_ITERATIONS = 40;

/** The loss on a size × size grid spanning the domain, edges included, row-major with row 0 at y.min (as heightField). */
export function lossGrid(surface: Landscape, domain: Domain, size: number): Float64Array {
  const values = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    const y = domain.y[0] + ((domain.y[1] - domain.y[0]) * j) / (size - 1);
    for (let i = 0; i < size; i++) values[j * size + i] = surface.loss(domain.x[0] + ((domain.x[1] - domain.x[0]) * i) / (size - 1), y);
  }
  return values;
}

/**
 * The minima of `surface` over `domain`, `known` first (kept as given, e.g. the
 * trained θ* at the origin), then the others by increasing loss. `grid` is the
 * loss on a size × size grid (lossGrid).
 */
export function findSliceMinima(surface: Landscape, domain: Domain, grid: Float64Array, size: number, known: Point): Point[] {
  const spanX = domain.x[1] - domain.x[0];
  const spanY = domain.y[1] - domain.y[0];
  const found: { point: Point; loss: number }[] = [];
  const separate = (p: Point, q: Point) => Math.abs(p[0] - q[0]) / spanX + Math.abs(p[1] - q[1]) / spanY > 1e-3;
  for (const index of gridCandidates(grid, size, MAX_CANDIDATES)) {
    const start: Point = [domain.x[0] + (spanX * (index % size)) / (size - 1), domain.y[0] + (spanY * Math.floor(index / size)) / (size - 1)];
    const refined = refine(surface, domain, start);
    if (refined === null || !separate(refined.point, known) || !found.every((m) => separate(m.point, refined.point))) continue;
    found.push(refined);
  }
  found.sort((a, b) => a.loss - b.loss);
  return [known, ...found.map((m) => m.point)];
}

/** The numerical Hessian [hxx, hxy, hyy] at (x, y) by central differences of the gradient, step h. */
export function numericalHessian(surface: Landscape, x: number, y: number, h: number): [number, number, number] {
  const plus = new Float64Array(2);
  const minus = new Float64Array(2);
  surface.gradient(x + h, y, plus);
  surface.gradient(x - h, y, minus);
  const hxx = (plus[0] - minus[0]) / (2 * h);
  const hyx = (plus[1] - minus[1]) / (2 * h);
  surface.gradient(x, y + h, plus);
  surface.gradient(x, y - h, minus);
  const hxy = (plus[0] - minus[0]) / (2 * h);
  const hyy = (plus[1] - minus[1]) / (2 * h);
  return [hxx, 0.5 * (hxy + hyx), hyy];
}

/** Newton from `start`; the minimum it reaches, or null if it leaves the domain, stalls or ends at a non-minimum. */
function refine(surface: Landscape, domain: Domain, start: Point): { point: Point; loss: number } | null {
  const g = new Float64Array(2);
  const h = 1e-5 * Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
  const inside = (x: number, y: number) => x > domain.x[0] && x < domain.x[1] && y > domain.y[0] && y < domain.y[1];
  const trial = new Float64Array(2);
  let [x, y] = start;
  let lastX = x;
  let lastY = y;
  let loss = surface.loss(x, y);
  for (let iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
    surface.gradient(x, y, g);
    const gradientNorm = Math.sqrt(g[0] * g[0] + g[1] * g[1]);
    if (gradientNorm <= 1e-10 * Math.max(1, Math.abs(loss))) break;
    const [hxx, hxy, hyy] = numericalHessian(surface, x, y, h);
    const det = hxx * hyy - hxy * hxy;
    let dx: number;
    let dy: number;
    if (det > 0 && hxx > 0) {
      dx = -(hyy * g[0] - hxy * g[1]) / det;
      dy = -(hxx * g[1] - hxy * g[0]) / det;
    } else {
      // Not convex here: a gradient step a fiftieth of the domain long.
      const length = (0.02 * Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0])) / gradientNorm;
      dx = -length * g[0];
      dy = -length * g[1];
    }
    const slope = g[0] * dx + g[1] * dy;
    const before = loss;
    for (let t = 1, tries = 0; tries < 30; tries++, t *= 0.5) {
      const nx = x + t * dx;
      const ny = y + t * dy;
      const next = surface.loss(nx, ny);
      // Armijo; near the minimum, where L changes by less than its rounding, a step that lowers ‖∇L‖ instead.
      let accept = next <= loss + 1e-4 * t * slope;
      if (!accept && next <= loss + 1e-12 * Math.max(1, Math.abs(loss))) {
        surface.gradient(nx, ny, trial);
        accept = Math.sqrt(trial[0] * trial[0] + trial[1] * trial[1]) < gradientNorm;
      }
      if (accept) {
        x = nx;
        y = ny;
        loss = next;
        break;
      }
    }
    if (!inside(x, y)) return null;
    if (loss === before && x === lastX && y === lastY) break; // no step helps: check the gradient below
    lastX = x;
    lastY = y;
  }
  surface.gradient(x, y, g);
  if (!(Math.sqrt(g[0] * g[0] + g[1] * g[1]) <= 1e-10 * Math.max(1, Math.abs(loss)))) return null;
  const [hxx, hxy, hyy] = numericalHessian(surface, x, y, h);
  if (!(hxx > 0 && hxx * hyy - hxy * hxy > 0)) return null;
  return { point: [x, y], loss };
}
