import { describe, expect, it } from 'vitest';
import {
  basinCellStart,
  basinMap,
  classifyEnd,
  defaultTolerance,
  hyperCellLr,
  hyperCellParam,
  hyperAxisOf,
  hyperMap,
  MAP_DIVERGED,
  MAP_NOT_CONVERGED,
  OPTIMIZER_IDS,
  simulate,
  surfaces,
  tileGrid,
  tileSideFor,
  type BasinMapSpec,
  type GridTile,
  type HyperMapSpec,
  type OptimizerId,
  type Surface,
  type Trajectory,
} from '../../src/core/index.ts';

/** Step at which a path first came within tolerance of the minimum it ends at, since it was last near another (−1: ends near none). */
function entryStep(surface: Surface, path: Trajectory, tolerance: number): number {
  let ball = -1;
  let entered = -1;
  for (let i = 0; i < path.length; i++) {
    const k = classifyEnd(surface, path.x[i], path.y[i], tolerance, false);
    if (k < MAP_NOT_CONVERGED && k !== ball) {
      ball = k;
      entered = i;
    }
  }
  const last = path.length - 1;
  return classifyEnd(surface, path.x[last], path.y[last], tolerance, false) === ball ? entered : -1;
}

/** Copies a tile's cells into a whole-grid array. */
function place(target: Uint8Array | Int32Array, source: Uint8Array | Int32Array, tile: GridTile, columns: number): void {
  for (let r = 0; r < tile.rows; r++) {
    for (let q = 0; q < tile.columns; q++) target[(tile.row + r) * columns + tile.column + q] = source[r * tile.columns + q];
  }
}

describe('tileGrid', () => {
  it('covers every cell of the grid exactly once, also when the sides do not divide evenly', () => {
    for (const [columns, rows, tileColumns, tileRows] of [
      [256, 256, 32, 32],
      [64, 64, 8, 8],
      [100, 37, 16, 8],
      [5, 3, 7, 7],
      [1, 1, 1, 1],
    ]) {
      const tiles = tileGrid(columns, rows, tileColumns, tileRows);
      const hits = new Uint8Array(columns * rows);
      tiles.forEach((tile, index) => {
        expect(tile.index).toBe(index);
        expect(tile.columns).toBeGreaterThan(0);
        expect(tile.rows).toBeGreaterThan(0);
        for (let r = 0; r < tile.rows; r++) for (let q = 0; q < tile.columns; q++) hits[(tile.row + r) * columns + tile.column + q]++;
      });
      expect(hits.every((count) => count === 1)).toBe(true);
      expect(tiles).toHaveLength(Math.ceil(columns / tileColumns) * Math.ceil(rows / tileRows));
    }
  });

  it('rejects sizes that are not whole numbers ≥ 1', () => {
    expect(() => tileGrid(0, 4, 2)).toThrow(/columns/);
    expect(() => tileGrid(4, 4, 1.5)).toThrow(/tileColumns/);
  });

  it('picks tile sides that bound a tile near 600k steps: 32² at 256² × 500, 8² at 1,000 steps of a 64² map', () => {
    expect(tileSideFor(256, 500)).toBe(32);
    expect(tileSideFor(64, 1000)).toBe(16);
    expect(tileSideFor(256, 100_000)).toBe(4);
    expect(tileSideFor(2, 10)).toBe(2);
  });
});

const valleysMomentum: BasinMapSpec = { surface: surfaces.valleys, optimizer: 'momentum', lr: 0.1, momentum: 0.9, steps: 500, resolution: 48 };

describe('basinMap', () => {
  it('is the same map whether computed whole or tile by tile', () => {
    const whole = basinMap(valleysMomentum);
    const outcome = new Uint8Array(48 * 48);
    const steps = new Int32Array(48 * 48);
    let computed = 0;
    for (const tile of tileGrid(48, 48, 10, 7)) {
      const part = basinMap(valleysMomentum, tile);
      place(outcome, part.outcome, tile, 48);
      place(steps, part.stepsToTolerance, tile, 48);
      computed += part.stepsComputed;
    }
    expect(outcome).toEqual(whole.outcome);
    expect(steps).toEqual(whole.stepsToTolerance);
    expect(computed).toBe(whole.stepsComputed);
  });

  it('finds one basin on the bowl: every start reaches its only minimum', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const map = basinMap({ surface: surfaces.bowl, optimizer, lr: optimizer === 'adam' ? 0.05 : 0.1, steps: 1000, resolution: 24 });
      expect(map.outcome.every((code) => code === 0)).toBe(true);
      expect(map.stepsToTolerance.every((step) => step >= 0 && step <= 1000)).toBe(true);
    }
  });

  it('finds at least two basins on valleys, and every cell agrees with simulate from the same start', { timeout: 60_000 }, () => {
    const tolerance = defaultTolerance(surfaces.valleys.domain);
    for (const optimizer of ['sgd', 'momentum', 'nesterov', 'adam', 'rmsprop', 'adagrad'] as OptimizerId[]) {
      const lr = optimizer === 'adam' || optimizer === 'rmsprop' ? 0.05 : optimizer === 'adagrad' ? 0.5 : 0.1;
      const spec: BasinMapSpec = { ...valleysMomentum, optimizer, lr, momentum: optimizer === 'rmsprop' ? 0.5 : 0.9, resolution: 24 };
      const map = basinMap(spec);
      expect(new Set(Array.from(map.outcome).filter((code) => code < MAP_NOT_CONVERGED)).size).toBeGreaterThanOrEqual(2);
      for (let row = 0; row < 24; row++) {
        for (let column = 0; column < 24; column++) {
          const start = basinCellStart(surfaces.valleys.domain, 24, column, row);
          const path = simulate({ ...spec, surface: 'valleys', start });
          const last = path.length - 1;
          const expected = classifyEnd(surfaces.valleys, path.x[last], path.y[last], tolerance, path.diverged);
          const cell = row * 24 + column;
          expect({ optimizer, row, column, code: map.outcome[cell] }).toEqual({ optimizer, row, column, code: expected });
          if (expected < MAP_NOT_CONVERGED) {
            expect(map.stepsToTolerance[cell]).toBe(entryStep(surfaces.valleys, path, tolerance));
          }
        }
      }
    }
  });

  it('stops settled cells early: a 64² momentum map on valleys computes under half of its 64² × 500 steps', () => {
    const map = basinMap({ ...valleysMomentum, resolution: 64 });
    expect(map.stepsComputed).toBeLessThan((64 * 64 * 500) / 2);
    expect(map.stepsComputed).toBeGreaterThan(64 * 64 * 10);
  });

  it('marks divergence: SGD with lr 1.2 on the bowl leaves every start but the centre line', () => {
    const map = basinMap({ surface: surfaces.bowl, optimizer: 'sgd', lr: 1.2, steps: 500, resolution: 16 });
    expect(map.outcome.filter((code) => code === MAP_DIVERGED).length).toBeGreaterThan(200);
    for (const column of [0, 7, 15]) {
      const start = basinCellStart(surfaces.bowl.domain, 16, column, 3);
      const path = simulate({ surface: 'bowl', optimizer: 'sgd', lr: 1.2, start, steps: 500 });
      expect(map.outcome[3 * 16 + column] === MAP_DIVERGED).toBe(path.diverged);
    }
  });

  it('reports bad specs naming the field', () => {
    expect(() => basinMap({ ...valleysMomentum, resolution: 0 })).toThrow(/resolution/);
    expect(() => basinMap({ ...valleysMomentum, lr: -1 })).toThrow(/lr/);
    expect(() => basinMap({ ...valleysMomentum, momentum: 1 })).toThrow(/momentum/);
    expect(() => basinMap(valleysMomentum, { index: 0, column: 40, row: 0, columns: 16, rows: 1 })).toThrow(/outside/);
  });
});

const bowlHyper: HyperMapSpec = {
  surface: surfaces.bowl,
  optimizer: 'momentum',
  lr: 0.1,
  axis: 'momentum',
  steps: 300,
  start: [-2.5, 2],
  lrMin: 1e-3,
  lrMax: 4,
  lrCells: 32,
  paramMin: 0,
  paramMax: 0.99,
  paramCells: 24,
};

describe('hyperMap', () => {
  it('spaces learning rates in log and the axis linearly, both ends included', () => {
    expect(hyperCellLr(bowlHyper, 0)).toBeCloseTo(1e-3, 15);
    expect(hyperCellLr(bowlHyper, 31)).toBeCloseTo(4, 12);
    expect(hyperCellLr(bowlHyper, 1) / hyperCellLr(bowlHyper, 0)).toBeCloseTo(hyperCellLr(bowlHyper, 31) / hyperCellLr(bowlHyper, 30), 10);
    expect(hyperCellParam(bowlHyper, 0)).toBe(0);
    expect(hyperCellParam(bowlHyper, 23)).toBeCloseTo(0.99, 15);
  });

  it('matches simulate cell by cell: the same final loss, outcome and steps to tolerance', () => {
    const map = hyperMap(bowlHyper);
    const tolerance = defaultTolerance(surfaces.bowl.domain);
    for (const [column, row] of [[0, 0], [10, 5], [20, 12], [25, 0], [28, 23], [31, 23], [31, 0]]) {
      const lr = hyperCellLr(bowlHyper, column);
      const momentum = hyperCellParam(bowlHyper, row);
      const path = simulate({ surface: 'bowl', optimizer: 'momentum', lr, momentum, start: bowlHyper.start, steps: 300 });
      const cell = row * 32 + column;
      const last = path.length - 1;
      expect(map.outcome[cell]).toBe(classifyEnd(surfaces.bowl, path.x[last], path.y[last], tolerance, path.diverged));
      if (path.diverged) expect(map.finalLoss[cell]).toBeNaN();
      else expect(map.finalLoss[cell]).toBe(path.loss[last]);
      if (map.outcome[cell] === 0) expect(map.stepsToTolerance[cell]).toBe(entryStep(surfaces.bowl, path, tolerance));
    }
  });

  it('shows the lesson on the ill-conditioned bowl: SGD (μ = 0) diverges past lr ≈ 1, momentum 0.9 stays stable up to lr ≈ 1.9', () => {
    const spec: HyperMapSpec = { ...bowlHyper, lrMin: 0.5, lrMax: 2.5, lrCells: 21, paramCells: 11, paramMax: 0.9 };
    const map = hyperMap(spec);
    const diverged = (column: number, row: number) => map.outcome[row * 21 + column] === MAP_DIVERGED;
    for (let column = 0; column < 21; column++) {
      const lr = hyperCellLr(spec, column);
      if (lr < 0.95) expect(diverged(column, 0)).toBe(false);
      if (lr > 1.05) expect(diverged(column, 0)).toBe(true);
      if (lr < 1.8) expect(diverged(column, 10)).toBe(false);
      if (lr > 2) expect(diverged(column, 10)).toBe(true);
    }
  });

  it('runs Adam over β₁ and rejects an axis the optimizer does not have', () => {
    const adam = hyperMap({ ...bowlHyper, optimizer: 'adam', axis: 'beta1', lrCells: 8, paramCells: 4 });
    expect(adam.finalLoss.length).toBe(32);
    expect(() => hyperMap({ ...bowlHyper, optimizer: 'adam' })).toThrow(/axis/);
    expect(() => hyperMap({ ...bowlHyper, lrMin: 0 })).toThrow(/lrMin/);
  });
});

describe('maps accept every optimizer', () => {
  const generic: readonly Pick<BasinMapSpec, 'optimizer' | 'lr' | 'weightDecay' | 'amsgrad' | 'lineSearch'>[] = [
    { optimizer: 'adamw', lr: 0.05 },
    { optimizer: 'nadam', lr: 0.05 },
    { optimizer: 'radam', lr: 0.05 },
    { optimizer: 'adamax', lr: 0.05 },
    { optimizer: 'adadelta', lr: 1 },
    { optimizer: 'rprop', lr: 0.05 },
    { optimizer: 'lbfgs', lr: 0.5 },
    { optimizer: 'lbfgs', lr: 1, lineSearch: 'strong-wolfe' },
    { optimizer: 'newton', lr: 0.5 },
    { optimizer: 'random-search', lr: 1 },
    { optimizer: 'evolution', lr: 1 },
    // The classic ones leave their specialised cell loops for what those loops do not do.
    { optimizer: 'sgd', lr: 0.1, weightDecay: 0.05 },
    { optimizer: 'adam', lr: 0.05, amsgrad: true },
  ];

  it('basin maps of the generic path agree with simulate cell by cell (outcome and steps to tolerance)', { timeout: 60_000 }, () => {
    const tolerance = defaultTolerance(surfaces.valleys.domain);
    for (const settings of generic) {
      const spec: BasinMapSpec = { surface: surfaces.valleys, steps: 120, resolution: 8, ...settings };
      const map = basinMap(spec);
      for (let row = 0; row < 8; row++) {
        for (let column = 0; column < 8; column++) {
          const start = basinCellStart(surfaces.valleys.domain, 8, column, row);
          const path = simulate({ ...spec, surface: 'valleys', start });
          const last = path.length - 1;
          const expected = classifyEnd(surfaces.valleys, path.x[last], path.y[last], tolerance, path.diverged);
          const cell = row * 8 + column;
          expect({ ...settings, row, column, code: map.outcome[cell] }).toEqual({ ...settings, row, column, code: expected });
          if (expected < MAP_NOT_CONVERGED) expect(map.stepsToTolerance[cell]).toBe(entryStep(surfaces.valleys, path, tolerance));
        }
      }
    }
  });

  it('hyper maps over β₁ run the Adam family, bit-identical to simulate in their final loss', { timeout: 60_000 }, () => {
    for (const optimizer of ['adamw', 'nadam', 'radam', 'adamax'] as const) {
      const spec: HyperMapSpec = { ...bowlHyper, optimizer, axis: 'beta1', lrMin: 1e-3, lrMax: 1, lrCells: 5, paramCells: 3, steps: 100 };
      const map = hyperMap(spec);
      for (let row = 0; row < 3; row++) {
        for (let column = 0; column < 5; column++) {
          const path = simulate({ surface: 'bowl', optimizer, lr: hyperCellLr(spec, column), beta1: hyperCellParam(spec, row), start: spec.start, steps: 100 });
          const finalLoss = map.finalLoss[row * 5 + column];
          if (path.diverged) expect(finalLoss).toBeNaN();
          else expect(finalLoss).toBe(path.loss[path.length - 1]);
        }
      }
    }
  });

  it('hyperAxisOf: β₁ for the Adam family, μ where torch has a momentum, null otherwise', () => {
    const axes = Object.fromEntries(OPTIMIZER_IDS.map((id) => [id, hyperAxisOf(id)]));
    expect(axes).toEqual({
      sgd: { optimizer: 'momentum', axis: 'momentum' },
      momentum: { optimizer: 'momentum', axis: 'momentum' },
      nesterov: { optimizer: 'nesterov', axis: 'momentum' },
      adagrad: null,
      rmsprop: { optimizer: 'rmsprop', axis: 'momentum' },
      adam: { optimizer: 'adam', axis: 'beta1' },
      adamw: { optimizer: 'adamw', axis: 'beta1' },
      nadam: { optimizer: 'nadam', axis: 'beta1' },
      radam: { optimizer: 'radam', axis: 'beta1' },
      adamax: { optimizer: 'adamax', axis: 'beta1' },
      adadelta: null,
      rprop: null,
      lbfgs: null,
      newton: null,
      'random-search': null,
      evolution: null,
    });
    expect(() => hyperMap({ ...bowlHyper, optimizer: 'lbfgs', axis: 'momentum' })).toThrow(/axis/);
  });
});
