/**
 * The triangles and vertex positions every mesh laid on the height field shares
 * (the surface, the basin overlay), so each sits exactly on the others and on
 * what sampleGrid() reads for paths, markers and clicks.
 */
import { BufferAttribute, type BufferGeometry } from 'three';
import type { WorldFrame } from './heightMapping.ts';
import type { MappedField } from './mappedField.ts';

/** Index arrays already built, by resolution: every surface and overlay of that size shares one (never written after). */
const indexArrays = new Map<number, Uint16Array | Uint32Array>();

/**
 * Indices of a resolution × resolution vertex grid, each cell split along its a–d diagonal (the one
 * sampleGrid() interpolates on). A new attribute each call, over an array built once per resolution.
 */
export function gridIndex(resolution: number): BufferAttribute {
  let index = indexArrays.get(resolution);
  if (index === undefined) {
    index = emptyGridIndex(resolution);
    writeGridIndexRows(index, resolution, 0, resolution - 1);
    keepGridIndex(resolution, index);
  }
  return new BufferAttribute(index, 1);
}

/** The index array of a resolution built so far, if any (see keepGridIndex). */
export function builtGridIndex(resolution: number): Uint16Array | Uint32Array | undefined {
  return indexArrays.get(resolution);
}

/** Remember a complete index array for its resolution (gridIndex and later builds share it). */
export function keepGridIndex(resolution: number, index: Uint16Array | Uint32Array): void {
  indexArrays.set(resolution, index);
}

/** An unwritten index array for a resolution: 16-bit while every vertex fits, else 32-bit. */
export function emptyGridIndex(resolution: number): Uint16Array | Uint32Array {
  const cells = (resolution - 1) * (resolution - 1);
  return resolution * resolution > 65535 ? new Uint32Array(cells * 6) : new Uint16Array(cells * 6);
}

/** The six indices of every cell in cell rows [fromRow, toRow) (two triangles a–b–d, a–d–c). */
export function writeGridIndexRows(index: Uint16Array | Uint32Array, resolution: number, fromRow: number, toRow: number): void {
  let o = fromRow * (resolution - 1) * 6;
  for (let j = fromRow; j < toRow; j++) {
    for (let i = 0; i < resolution - 1; i++) {
      const a = j * resolution + i;
      const b = a + 1;
      const c = a + resolution;
      const d = c + 1;
      index[o++] = a; index[o++] = b; index[o++] = d;
      index[o++] = a; index[o++] = d; index[o++] = c;
    }
  }
}

/** World positions (x, y, z) of the field's samples in rows [fromRow, toRow) (all by default), `lift` world units above the surface. */
export function writeGridPositions(positions: Float32Array, field: MappedField, frame: WorldFrame, lift = 0, fromRow = 0, toRow = field.resolution): void {
  const r = field.resolution;
  const [x0, x1] = field.domain.x;
  const [y0, y1] = field.domain.y;
  // Every row has the same x coordinates: computed once per call.
  const xs = new Float64Array(r);
  for (let i = 0; i < r; i++) xs[i] = frame.toWorldX(x0 + ((x1 - x0) * i) / (r - 1));
  for (let j = fromRow; j < toRow; j++) {
    const z = frame.toWorldZ(y0 + ((y1 - y0) * j) / (r - 1));
    for (let i = 0; i < r; i++) {
      const v = j * r + i;
      positions[v * 3] = xs[i];
      positions[v * 3 + 1] = field.t[v] * frame.height + lift;
      positions[v * 3 + 2] = z;
    }
  }
}

/**
 * Vertex normals of an indexed mesh, written into `normals`: what three's
 * BufferGeometry.computeVertexNormals() gives, bit for bit (each triangle's
 * (c − b) × (a − b) summed into its vertices' float32 normals in index order, then
 * each scaled by 1/length), in one pass over plain arrays instead of through
 * Vector3 and attribute accessors, which took most of a surface rebuild (about
 * 20–40 ms of 70 for a 256 × 256 field, on the main thread at boot).
 */
export function writeVertexNormals(positions: Float32Array, index: ArrayLike<number>, normals: Float32Array): void {
  normals.fill(0);
  accumulateNormals(positions, index, normals, 0, index.length / 3);
  normalizeNormals(normals, 0, normals.length / 3);
}

/**
 * writeVertexNormals' first pass over triangles [fromTriangle, toTriangle) into zeroed (or
 * partly summed) `normals`: taken over consecutive ranges it adds in the same order as one call.
 */
export function accumulateNormals(positions: Float32Array, index: ArrayLike<number>, normals: Float32Array, fromTriangle: number, toTriangle: number): void {
  const p = positions;
  const n = normals;
  for (let i = fromTriangle * 3; i < toTriangle * 3; i += 3) {
    const a = index[i] * 3;
    const b = index[i + 1] * 3;
    const c = index[i + 2] * 3;
    const bx = p[b];
    const by = p[b + 1];
    const bz = p[b + 2];
    const cbx = p[c] - bx;
    const cby = p[c + 1] - by;
    const cbz = p[c + 2] - bz;
    const abx = p[a] - bx;
    const aby = p[a + 1] - by;
    const abz = p[a + 2] - bz;
    const nx = cby * abz - cbz * aby;
    const ny = cbz * abx - cbx * abz;
    const nz = cbx * aby - cby * abx;
    n[a] += nx;
    n[a + 1] += ny;
    n[a + 2] += nz;
    n[b] += nx;
    n[b + 1] += ny;
    n[b + 2] += nz;
    n[c] += nx;
    n[c + 1] += ny;
    n[c + 2] += nz;
  }
}

/** writeVertexNormals' second pass: vertices [fromVertex, toVertex) scaled to unit length (zero stays zero). */
export function normalizeNormals(normals: Float32Array, fromVertex: number, toVertex: number): void {
  const n = normals;
  for (let v = fromVertex * 3; v < toVertex * 3; v += 3) {
    const x = n[v];
    const y = n[v + 1];
    const z = n[v + 2];
    const scale = 1 / (Math.sqrt(x * x + y * y + z * z) || 1);
    n[v] = x * scale;
    n[v + 1] = y * scale;
    n[v + 2] = z * scale;
  }
}

/** writeVertexNormals on a geometry's own position, index and normal attributes (the normal one marked for upload). */
export function updateVertexNormals(geometry: BufferGeometry): void {
  const normal = geometry.getAttribute('normal') as BufferAttribute;
  writeVertexNormals((geometry.getAttribute('position') as BufferAttribute).array as Float32Array, (geometry.index as BufferAttribute).array, normal.array as Float32Array);
  normal.needsUpdate = true;
}
