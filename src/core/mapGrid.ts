/**
 * The grids maps are computed on: tiles that split a map between workers, and the
 * start point, learning rate or momentum each cell stands for.
 */
import type { Domain, Point } from './types.ts';

/** One rectangle of a map's cells: columns [column, column + columns) × rows [row, row + rows). */
export interface GridTile {
  /** Position in the tile list (results are matched to tiles by it). */
  readonly index: number;
  readonly column: number;
  readonly row: number;
  readonly columns: number;
  readonly rows: number;
}

/**
 * Cuts a columns × rows grid into tiles of at most tileColumns × tileRows cells,
 * row by row. Every cell belongs to exactly one tile; edge tiles are smaller
 * when the sides do not divide evenly.
 */
export function tileGrid(columns: number, rows: number, tileColumns: number, tileRows: number = tileColumns): GridTile[] {
  for (const [name, value] of [['columns', columns], ['rows', rows], ['tileColumns', tileColumns], ['tileRows', tileRows]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${value})`);
  }
  const tiles: GridTile[] = [];
  for (let row = 0; row < rows; row += tileRows) {
    for (let column = 0; column < columns; column += tileColumns) {
      tiles.push({ index: tiles.length, column, row, columns: Math.min(tileColumns, columns - column), rows: Math.min(tileRows, rows - row) });
    }
  }
  return tiles;
}

/**
 * A tile side (a power of two, ≥ 4, ≤ resolution) that keeps one tile's worst case
 * near `stepsPerTile` optimizer steps: small enough that a cancel lands quickly
 * and tiles balance across workers, large enough that messages cost nothing.
 */
export function tileSideFor(resolution: number, steps: number, stepsPerTile = 600_000): number {
  let side = 4;
  while (side * 2 <= resolution && (side * 2) ** 2 * steps <= stepsPerTile) side *= 2;
  return Math.min(side, resolution);
}

/** The start of basin-map cell (column, row): the cell's centre. */
export function basinCellStart(domain: Domain, resolution: number, column: number, row: number): Point {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return [x0 + ((column + 0.5) * (x1 - x0)) / resolution, y0 + ((row + 0.5) * (y1 - y0)) / resolution];
}

/** The learning rate of hyper-map column `column`: log-spaced, lrMin at 0 and lrMax at lrCells − 1. */
export function hyperCellLr(spec: { readonly lrMin: number; readonly lrMax: number; readonly lrCells: number }, column: number): number {
  if (spec.lrCells === 1) return spec.lrMin;
  return Math.exp(Math.log(spec.lrMin) + (column / (spec.lrCells - 1)) * Math.log(spec.lrMax / spec.lrMin));
}

/** The momentum (or β₁) of hyper-map row `row`: linear, paramMin at 0 and paramMax at paramCells − 1. */
export function hyperCellParam(spec: { readonly paramMin: number; readonly paramMax: number; readonly paramCells: number }, row: number): number {
  if (spec.paramCells === 1) return spec.paramMin;
  return spec.paramMin + (row / (spec.paramCells - 1)) * (spec.paramMax - spec.paramMin);
}

/** Throws unless `tile` lies inside the columns × rows grid. */
export function checkTile(tile: GridTile, columns: number, rows: number): void {
  if (tile.column < 0 || tile.row < 0 || tile.columns < 1 || tile.rows < 1 || tile.column + tile.columns > columns || tile.row + tile.rows > rows) {
    throw new Error(`tile ${tile.index} (${tile.column}, ${tile.row}, ${tile.columns}×${tile.rows}) is outside the ${columns}×${rows} grid`);
  }
}

/** The whole grid as one tile. */
export function wholeGrid(columns: number, rows: number): GridTile {
  return { index: 0, column: 0, row: 0, columns, rows };
}

// Checking a map request's numbers: each error names the field.

/** `value` if it is a positive finite number; throws naming `name` otherwise. */
export function positiveFinite(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive finite number (got ${value})`);
  return value;
}

/** `value` if it is a whole number in [min, max]; throws naming `name` otherwise. */
export function wholeInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number in [${min}, ${max}] (got ${value})`);
  return value;
}

/** `value` (or `fallback` when absent) if it lies in [0, 1); throws naming `name` otherwise. */
export function unitParameter(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (!(resolved >= 0 && resolved < 1)) throw new Error(`${name} must be in [0, 1) (got ${resolved})`);
  return resolved;
}
