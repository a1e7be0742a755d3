import { describe, expect, it } from 'vitest';
import { heightField, makeNeuralNetSlice, neuralNetSliceFromParts, resolveNeuralNetOptions, rowBands, type GridTile } from '../../src/core/index.ts';
import type { SliceBasis, SliceLandscape } from '../../src/core/surfaces/neuralNet/slice.ts';
import { createMapPool } from '../../src/worker/pool.ts';

/** Train on the pool, then compute the field in `bands` bands on it: what state/maps/sliceBuilder.ts does. */
async function buildOnPool(size: number, options: Parameters<typeof resolveNeuralNetOptions>[0], resolution: number, bands: number) {
  const pool = createMapPool({ size, queueDepth: 1, eager: true });
  try {
    const trainTile: GridTile = { index: 0, column: 0, row: 0, columns: 0, rows: 0 };
    const basis = await new Promise<SliceBasis>((done, fail) => {
      pool.run({ kind: 'slice-train', spec: { options: resolveNeuralNetOptions(options) } }, [trainTile], {
        onTile: (_tile, result) => (result.basis ? done(result.basis) : fail(new Error('no basis'))),
        onError: (message) => fail(new Error(message)),
      });
    });
    const tiles = rowBands(resolution, bands).map(([row, end], index) => ({ index, column: 0, row, columns: resolution, rows: end - row }));
    const heights = new Float32Array(resolution * resolution);
    let landscape: SliceLandscape | null = null;
    const landscapeTiles: number[] = [];
    await new Promise<void>((done, fail) => {
      pool.run({ kind: 'slice-field', spec: { basis, resolution } }, tiles, {
        onTile(tile, result) {
          heights.set(result.heights!, tile.row * resolution);
          if (result.landscape) {
            landscape = result.landscape;
            landscapeTiles.push(tile.index);
          }
        },
        onDone: () => done(),
        onError: (message) => fail(new Error(message)),
      });
    });
    return { basis, heights, landscape: landscape as SliceLandscape | null, landscapeTiles };
  } finally {
    pool.dispose();
  }
}

describe('a neural-net slice built on the pool: trained once, then the field in bands', () => {
  it('gives the same bits on pools of one and of three workers, and they are makeNeuralNetSlice’s slice and heightField', async () => {
    const options = { hidden: 5, seed: 9 };
    const one = await buildOnPool(1, options, 24, 4);
    const three = await buildOnPool(3, options, 24, 7);
    expect(three.heights).toEqual(one.heights);
    expect(one.landscapeTiles).toEqual([0]);
    expect(three.landscapeTiles).toEqual([0]);
    const slice = makeNeuralNetSlice(options);
    expect(one.heights).toEqual(heightField(slice, 24));
    for (const built of [one, three]) {
      const rebuilt = neuralNetSliceFromParts({ ...built.basis, ...built.landscape! });
      expect(rebuilt.minima).toEqual(slice.minima);
      expect(rebuilt.suggestedStart).toEqual(slice.suggestedStart);
      expect(rebuilt.loss(0.25, -0.5)).toBe(slice.loss(0.25, -0.5));
    }
  }, 120_000);

  it('a training that fails says why in plain words', async () => {
    const pool = createMapPool({ size: 1 });
    const message = await new Promise<string>((done) => {
      pool.run({ kind: 'slice-train', spec: { options: { dataset: 'moons', seed: 1, hidden: 40, directions: 'random' } } }, [{ index: 0, column: 0, row: 0, columns: 0, rows: 0 }], {
        onDone: () => done('done'),
        onError: done,
      });
    });
    pool.dispose();
    expect(message).toMatch(/hidden must be an integer from 1 to 32/);
  });
});
