/**
 * The triangles and vertex positions every mesh laid on the height field shares
 * (the surface, the basin overlay), so each sits exactly on the others and on
 * what sampleGrid() reads for paths, markers and clicks.
 */
import { BufferAttribute } from 'three';
import type { WorldFrame } from './heightMapping.ts';
import type { MappedField } from './mappedField.ts';

/** Indices of a resolution × resolution vertex grid, each cell split along its a–d diagonal (the one sampleGrid() interpolates on). */
export function gridIndex(resolution: number): BufferAttribute {
  const cells = (resolution - 1) * (resolution - 1);
  const index = resolution * resolution > 65535 ? new Uint32Array(cells * 6) : new Uint16Array(cells * 6);
  let o = 0;
  for (let j = 0; j < resolution - 1; j++) {
    for (let i = 0; i < resolution - 1; i++) {
      const a = j * resolution + i;
      const b = a + 1;
      const c = a + resolution;
      const d = c + 1;
      index[o++] = a; index[o++] = b; index[o++] = d;
      index[o++] = a; index[o++] = d; index[o++] = c;
    }
  }
  return new BufferAttribute(index, 1);
}

/** World positions (x, y, z) of every sample of the field, `lift` world units above the surface. */
export function writeGridPositions(positions: Float32Array, field: MappedField, frame: WorldFrame, lift = 0): void {
  const r = field.resolution;
  const [x0, x1] = field.domain.x;
  const [y0, y1] = field.domain.y;
  for (let j = 0; j < r; j++) {
    const z = frame.toWorldZ(y0 + ((y1 - y0) * j) / (r - 1));
    for (let i = 0; i < r; i++) {
      const v = j * r + i;
      positions[v * 3] = frame.toWorldX(x0 + ((x1 - x0) * i) / (r - 1));
      positions[v * 3 + 1] = field.t[v] * frame.height + lift;
      positions[v * 3 + 2] = z;
    }
  }
}
