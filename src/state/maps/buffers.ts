/**
 * Map cells outside the store: one typed array per quantity for the whole grid,
 * written tile by tile as the pool delivers them, read by the scene and the
 * heatmap, which listen with `subscribe` (nothing here renders React).
 */
import type { GridTile } from '../../core/index.ts';
import type { MapTileResponse } from '../../worker/mapProtocol.ts';
import type { BasinData, HyperData, MapKind } from './types.ts';

export class MapResults {
  basin: BasinData | null = null;
  hyper: HyperData | null = null;
  private readonly listeners = new Set<(kind: MapKind) => void>();

  subscribe(listener: (kind: MapKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(kind: MapKind): void {
    for (const listener of this.listeners) listener(kind);
  }
}

/** Copies a tile's cells into the whole grid. */
function place<T extends Uint8Array | Int32Array | Float64Array>(target: T, source: T, tile: GridTile, columns: number): void {
  for (let row = 0; row < tile.rows; row++) {
    target.set(source.subarray(row * tile.columns, (row + 1) * tile.columns), (tile.row + row) * columns + tile.column);
  }
}

/** Writes one arrived tile into a map's grid (`columns` cells per row) and marks its cells filled. */
export function placeTile(data: BasinData | HyperData, tile: GridTile, result: MapTileResponse, columns: number): void {
  place(data.outcome, result.outcome, tile, columns);
  place(data.stepsToTolerance, result.stepsToTolerance, tile, columns);
  if (data.kind === 'hyper' && result.finalLoss) place(data.finalLoss, result.finalLoss, tile, columns);
  for (let row = 0; row < tile.rows; row++) {
    const from = (tile.row + row) * columns + tile.column;
    data.filled.fill(1, from, from + tile.columns);
  }
}
