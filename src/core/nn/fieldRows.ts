/**
 * A height field in tiles, so a worker pool can split one: heightFieldRows
 * computes rows rowStart … rowEnd − 1 of exactly the grid heightField
 * (field.ts) computes, with the same coordinates, so tiles stitched in row
 * order equal heightField's array bit for bit. (It lives here, beside the
 * surface that needs it most, because field.ts belongs to another change.)
 */
import type { Domain, Surface } from '../types.ts';

/** Rows [rowStart, rowEnd) of heightField(surface, resolution, domain): (rowEnd − rowStart) · resolution losses, row-major. */
export function heightFieldRows(surface: Pick<Surface, 'loss' | 'domain'>, resolution: number, rowStart: number, rowEnd: number, domain: Domain = surface.domain): Float32Array {
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 4096) {
    throw new Error(`resolution must be an integer from 2 to 4096 (got ${resolution})`);
  }
  if (!Number.isInteger(rowStart) || !Number.isInteger(rowEnd) || rowStart < 0 || rowEnd > resolution || rowStart > rowEnd) {
    throw new Error(`rows must satisfy 0 ≤ rowStart ≤ rowEnd ≤ ${resolution} (got ${rowStart} … ${rowEnd})`);
  }
  const heights = new Float32Array((rowEnd - rowStart) * resolution);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const dx = (x1 - x0) / (resolution - 1);
  const dy = (y1 - y0) / (resolution - 1);
  for (let j = rowStart; j < rowEnd; j++) {
    const y = j === resolution - 1 ? y1 : y0 + j * dy;
    for (let i = 0; i < resolution; i++) {
      heights[(j - rowStart) * resolution + i] = surface.loss(i === resolution - 1 ? x1 : x0 + i * dx, y);
    }
  }
  return heights;
}

/** Splits `resolution` rows into `parts` contiguous bands [start, end) as equal as possible (the first ones one row longer). */
export function rowBands(resolution: number, parts: number): [number, number][] {
  const count = Math.max(1, Math.min(resolution, Math.floor(parts)));
  const bands: [number, number][] = [];
  for (let k = 0, start = 0; k < count; k++) {
    const end = start + Math.floor(resolution / count) + (k < resolution % count ? 1 : 0);
    bands.push([start, end]);
    start = end;
  }
  return bands;
}
