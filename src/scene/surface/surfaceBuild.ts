/**
 * The surface mesh's vertex arrays (positions, colours, contour levels, normals, and the grid's
 * index the first time a resolution is seen), built in slices of at most SLICE_MS each with the
 * page free in between. Built in one go, a 256 × 256 field took one main-thread task of 60–90 ms
 * here at boot (four times that on a phone-class CPU): input and paint waited for it. The result
 * is the same numbers, bit for bit: every pass runs over consecutive ranges in the one-go order.
 */
import { colormapInto, srgbToLinear } from '../../view/colormap.ts';
import { accumulateNormals, builtGridIndex, emptyGridIndex, keepGridIndex, normalizeNormals, writeGridIndexRows, writeGridPositions } from './gridMesh.ts';
import type { WorldFrame } from './heightMapping.ts';
import type { MappedField } from './mappedField.ts';

/**
 * Most main-thread time one slice takes before giving the page a turn. Lighthouse's phone
 * profile counts a task as blocking from 12.5 ms here (50 ms on a CPU four times slower):
 * 8 ms slices traced at 13–19 ms (a unit's overshoot, the timer, a GC), 4 ms keeps them under.
 */
export const SLICE_MS = 4;

export interface SurfaceArrays {
  readonly position: Float32Array;
  readonly normal: Float32Array;
  /** Linear-light vertex colours. */
  readonly color: Float32Array;
  /** The field's t at each vertex, for the contour lines. */
  readonly level: Float32Array;
  readonly index: Uint16Array | Uint32Array;
  /** The box around every vertex, [x, y, z] corners (from the domain and the lowest and highest t). */
  readonly boxMin: Float64Array;
  readonly boxMax: Float64Array;
}

export interface SurfaceBuild {
  readonly arrays: SurfaceArrays;
  /** Works until `deadline` (performance.now()) or the end, whichever is first; true once the arrays are complete. */
  step(deadline: number): boolean;
}

/** Entries of the linear-light colour table: interpolating in it is off by at most 1.3e-4, far under one 8-bit step. */
const LINEAR_STEPS = 1024;
let linearTable: Float32Array | null = null;

/** The colour map in linear light (what vertex colours take), sampled at LINEAR_STEPS points of t. */
function linearColormap(): Float32Array {
  if (linearTable) return linearTable;
  const table = new Float32Array(LINEAR_STEPS * 3);
  for (let k = 0; k < LINEAR_STEPS; k++) {
    colormapInto(k / (LINEAR_STEPS - 1), table, k * 3);
    for (let channel = 0; channel < 3; channel++) table[k * 3 + channel] = srgbToLinear(table[k * 3 + channel]);
  }
  linearTable = table;
  return table;
}

/** Colours and levels of vertices [from, to): the colour map at t, interpolated in the linear table. */
function writeColors(t: Float32Array | Float64Array, color: Float32Array, level: Float32Array, from: number, to: number): void {
  const table = linearColormap();
  const last = LINEAR_STEPS - 1;
  for (let v = from; v < to; v++) {
    const value = t[v];
    // Interpolated in the table (a few hundred thousand Math.pow calls per field otherwise).
    const position = (value > 0 ? (value < 1 ? value : 1) : 0) * last;
    const k = Math.min(last - 1, Math.floor(position));
    const f = position - k;
    const fromEntry = k * 3;
    const to3 = v * 3;
    const r = table[fromEntry];
    const g = table[fromEntry + 1];
    const b = table[fromEntry + 2];
    color[to3] = r + (table[fromEntry + 3] - r) * f;
    color[to3 + 1] = g + (table[fromEntry + 4] - g) * f;
    color[to3 + 2] = b + (table[fromEntry + 5] - b) * f;
    level[v] = value;
  }
}

/** Grid rows (of vertices or of cells) per unit of work, and triangles or vertices per unit: each well under a millisecond. */
const ROWS_PER_UNIT = 8;
const ITEMS_PER_UNIT = 4096;

/** The per-vertex arrays of a build, which a later build of the same resolution may write over. */
export type VertexArrays = Pick<SurfaceArrays, 'position' | 'normal' | 'color' | 'level'>;

/**
 * A build of the arrays for `field` in `frame`; nothing is computed until `step` is called.
 * `reuse`: arrays of an earlier build no longer on screen, written over when they have this
 * field's size (a surface rebuilt while a slider moves allocates nothing), else new ones.
 */
export function surfaceBuild(field: MappedField, frame: WorldFrame, reuse: VertexArrays | null = null): SurfaceBuild {
  const r = field.resolution;
  const vertices = r * r;
  const kept = builtGridIndex(r);
  const index = kept ?? emptyGridIndex(r);
  const reused = reuse !== null && reuse.level.length === vertices ? reuse : null;
  const arrays: SurfaceArrays = {
    position: reused?.position ?? new Float32Array(vertices * 3),
    normal: reused?.normal ?? new Float32Array(vertices * 3),
    color: reused?.color ?? new Float32Array(vertices * 3),
    level: reused?.level ?? new Float32Array(vertices),
    index,
    boxMin: new Float64Array(3),
    boxMax: new Float64Array(3),
  };
  // x and z span the domain; y spans the heights, found as the positions pass writes them.
  const xa = frame.toWorldX(field.domain.x[0]);
  const xb = frame.toWorldX(field.domain.x[1]);
  const za = frame.toWorldZ(field.domain.y[0]);
  const zb = frame.toWorldZ(field.domain.y[1]);
  arrays.boxMin.set([Math.min(xa, xb), Number.POSITIVE_INFINITY, Math.min(za, zb)]);
  arrays.boxMax.set([Math.max(xa, xb), Number.NEGATIVE_INFINITY, Math.max(za, zb)]);
  const heightRange = (from: number, to: number) => {
    let low = arrays.boxMin[1];
    let high = arrays.boxMax[1];
    for (let v = from; v < to; v++) {
      const y = arrays.position[v * 3 + 1];
      if (y < low) low = y;
      if (y > high) high = y;
    }
    arrays.boxMin[1] = low;
    arrays.boxMax[1] = high;
  };
  const triangles = index.length / 3;
  // The passes in order, each a count of units and what one unit does.
  const passes: { readonly units: number; readonly run: (unit: number) => void }[] = [
    ...(kept
      ? []
      : [
          {
            units: Math.ceil((r - 1) / ROWS_PER_UNIT),
            run: (unit: number) => writeGridIndexRows(index, r, unit * ROWS_PER_UNIT, Math.min(r - 1, (unit + 1) * ROWS_PER_UNIT)),
          },
        ]),
    {
      units: Math.ceil(r / ROWS_PER_UNIT),
      run: (unit) => {
        const from = unit * ROWS_PER_UNIT;
        const to = Math.min(r, (unit + 1) * ROWS_PER_UNIT);
        writeGridPositions(arrays.position, field, frame, 0, from, to);
        heightRange(from * r, to * r);
      },
    },
    { units: Math.ceil(vertices / ITEMS_PER_UNIT), run: (unit) => writeColors(field.t, arrays.color, arrays.level, unit * ITEMS_PER_UNIT, Math.min(vertices, (unit + 1) * ITEMS_PER_UNIT)) },
    // Normals are sums over triangles: reused arrays start again from zero.
    ...(reused ? [{ units: Math.ceil(vertices / ITEMS_PER_UNIT), run: (unit: number) => arrays.normal.fill(0, unit * ITEMS_PER_UNIT * 3, Math.min(vertices, (unit + 1) * ITEMS_PER_UNIT) * 3) }] : []),
    { units: Math.ceil(triangles / ITEMS_PER_UNIT), run: (unit) => accumulateNormals(arrays.position, index, arrays.normal, unit * ITEMS_PER_UNIT, Math.min(triangles, (unit + 1) * ITEMS_PER_UNIT)) },
    { units: Math.ceil(vertices / ITEMS_PER_UNIT), run: (unit) => normalizeNormals(arrays.normal, unit * ITEMS_PER_UNIT, Math.min(vertices, (unit + 1) * ITEMS_PER_UNIT)) },
  ];
  let pass = 0;
  let unit = 0;
  return {
    arrays,
    step(deadline) {
      while (pass < passes.length) {
        passes[pass].run(unit++);
        if (unit >= passes[pass].units) {
          pass++;
          unit = 0;
          // The index is shared once complete (never written after).
          if (!kept && pass === 1) keepGridIndex(r, index);
        }
        if (performance.now() >= deadline) break;
      }
      return pass >= passes.length;
    },
  };
}

/**
 * Runs `build` in slices: the first at once, the rest each in a task of its own, then `done`.
 * Returns a cancel function (a newer field replaces an unfinished build).
 */
export function buildInSlices(build: SurfaceBuild, done: (arrays: SurfaceArrays) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelled = false;
  const slice = () => {
    timer = null;
    if (cancelled) return;
    if (build.step(performance.now() + SLICE_MS)) done(build.arrays);
    else timer = setTimeout(slice, 0);
  };
  slice();
  return () => {
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
  };
}
