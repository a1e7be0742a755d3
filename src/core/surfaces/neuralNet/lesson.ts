/**
 * What a slice's landscape decides for its lesson, by rule: the domain, the
 * suggested start, learning rates and height scale, and the input square of the
 * model view. Rules, not hand-picked numbers, so any seed gets a sensible slice.
 */
import type { ClassificationData } from '../../nn/datasets.ts';
import type { Domain, Point, Range, Surface } from '../../types.ts';
import { numericalHessian } from './minima.ts';
import type { ProjectedPath } from './slice.ts';

/**
 * The largest of 1, 2 and 5 times a power of ten that is at most `value` (> 0),
 * through the decimal string (exactly specified) rather than Math.log10 and
 * 10 ** k (implementation-approximated).
 */
export function niceFloor(value: number): number {
  const [mantissa, exponent] = value.toExponential().split('e');
  const leading = Number(mantissa[0]);
  return Number(`${leading >= 5 ? 5 : leading >= 2 ? 2 : 1}e${exponent}`);
}

/** The square of half-width `half` around (cx, cy). */
function squareDomain(cx: number, cy: number, half: number): Domain {
  return { x: [cx - half, cx + half], y: [cy - half, cy + half] };
}

/** A square (both axes in the same units: d₁, d₂ are orthonormal) holding the whole path with a quarter of its extent to spare. */
export function pathDomain(path: ProjectedPath): Domain {
  let xMin = 0;
  let xMax = 0;
  let yMin = 0;
  let yMax = 0;
  for (let i = 0; i < path.length; i++) {
    xMin = Math.min(xMin, path.x[i]);
    xMax = Math.max(xMax, path.x[i]);
    yMin = Math.min(yMin, path.y[i]);
    yMax = Math.max(yMax, path.y[i]);
  }
  const half = 0.5 * 1.5 * Math.max(xMax - xMin, yMax - yMin);
  const round = (v: number) => Number(v.toPrecision(3));
  return squareDomain(round((xMin + xMax) / 2), round((yMin + yMax) / 2), round(half));
}

/** A square around the data, 10% wider than their larger spread, centred on their bounding box. */
export function inputDomainOf(data: ClassificationData): Domain {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < data.size; i++) {
    xMin = Math.min(xMin, data.inputs[2 * i]);
    xMax = Math.max(xMax, data.inputs[2 * i]);
    yMin = Math.min(yMin, data.inputs[2 * i + 1]);
    yMax = Math.max(yMax, data.inputs[2 * i + 1]);
  }
  const half = Math.ceil(0.55 * Math.max(xMax - xMin, yMax - yMin) * 10) / 10;
  const cx = Math.round(((xMin + xMax) / 2) * 10) / 10;
  const cy = Math.round(((yMin + yMax) / 2) * 10) / 10;
  return squareDomain(cx, cy, half);
}

export interface Lesson {
  readonly start: Point;
  readonly lr: number;
  readonly lrRange: Range;
  readonly logHeight: boolean;
}

/**
 * The start, learning rates and height scale, by rule from the built slice:
 * - start: PCA slices start where training did (the initialisation's projection);
 *   random slices at the highest of 16 points on the circle of 3/4 the domain's
 *   half-width, so a run has the whole descent to make;
 * - lr: 1/λ_max rounded down to 1, 2 or 5 × 10^k, λ_max the largest curvature found:
 *   the numerical Hessian's at θ* and the grid's second differences; the range spans
 *   lr/100 to 8/λ_max (so rounded), about four times the edge of stability 2/λ_max,
 *   so the top of the slider shows plain SGD bouncing and diverging;
 * - log height when the loss spans more than a factor of 30 over the grid.
 */
export function chooseLesson(landscape: Pick<Surface, 'loss' | 'gradient'>, domain: Domain, grid: Float64Array, gridSize: number, path: ProjectedPath | null): Lesson {
  const halfX = (domain.x[1] - domain.x[0]) / 2;
  const halfY = (domain.y[1] - domain.y[0]) / 2;
  const cx = (domain.x[0] + domain.x[1]) / 2;
  const cy = (domain.y[0] + domain.y[1]) / 2;
  const round = (v: number) => Number(v.toFixed(2));
  let start: Point;
  if (path !== null) {
    start = [round(path.x[0]), round(path.y[0])];
  } else {
    let highest = -Infinity;
    start = [cx, cy];
    for (let k = 0; k < 16; k++) {
      const [c, s] = unitCircle(k);
      const point: Point = [round(cx + 0.75 * halfX * c), round(cy + 0.75 * halfY * s)];
      const value = landscape.loss(point[0], point[1]);
      if (value > highest) {
        highest = value;
        start = point;
      }
    }
  }
  const h = 1e-4 * Math.max(halfX, halfY);
  let curvature = largestEigenvalue(numericalHessian(landscape, 0, 0, h));
  curvature = Math.max(curvature, gridCurvature(grid, gridSize, (2 * halfX) / (gridSize - 1), (2 * halfY) / (gridSize - 1)));
  const lr = niceFloor(1 / curvature);
  let min = Infinity;
  let max = -Infinity;
  for (const value of grid) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return { start, lr, lrRange: [lr / 100, niceFloor(8 / curvature)], logHeight: max > 30 * min };
}

/** (cos kπ/8, sin kπ/8), from half-angle square roots (no Math.cos: see nn/portableMath.ts). */
function unitCircle(k: number): [number, number] {
  const c1 = Math.sqrt(2 + Math.sqrt(2)) / 2; // cos π/8
  const s1 = Math.sqrt(2 - Math.sqrt(2)) / 2; // sin π/8
  const r = Math.SQRT1_2;
  const firstQuadrant: [number, number][] = [
    [1, 0],
    [c1, s1],
    [r, r],
    [s1, c1],
  ];
  const [c, s] = firstQuadrant[k % 4];
  const quarter = Math.floor(k / 4) % 4;
  return quarter === 0 ? [c, s] : quarter === 1 ? [-s, c] : quarter === 2 ? [-c, -s] : [s, -c];
}

function largestEigenvalue([hxx, hxy, hyy]: [number, number, number]): number {
  const mean = (hxx + hyy) / 2;
  const half = (hxx - hyy) / 2;
  const radius = Math.sqrt(half * half + hxy * hxy);
  return mean + radius;
}

/** The largest second difference of the grid along x, y and the diagonals: a cheap bound on the curvature SGD meets. */
function gridCurvature(grid: Float64Array, n: number, dx: number, dy: number): number {
  let largest = 0;
  const diagonal = dx * dx + dy * dy;
  for (let j = 1; j < n - 1; j++) {
    for (let i = 1; i < n - 1; i++) {
      const at = grid[j * n + i];
      const alongX = (grid[j * n + i + 1] - 2 * at + grid[j * n + i - 1]) / (dx * dx);
      const alongY = (grid[(j + 1) * n + i] - 2 * at + grid[(j - 1) * n + i]) / (dy * dy);
      const alongDiagonal = (grid[(j + 1) * n + i + 1] - 2 * at + grid[(j - 1) * n + i - 1]) / diagonal;
      const alongAnti = (grid[(j + 1) * n + i - 1] - 2 * at + grid[(j - 1) * n + i + 1]) / diagonal;
      largest = Math.max(largest, alongX, alongY, alongDiagonal, alongAnti);
    }
  }
  return largest;
}
