/**
 * `npx tsx scripts/benchMaps.ts`: map throughput in Node, one thread, beside the
 * single-run engine (`simulate`, which also stores every point) on the same
 * surface and optimizer. Medians of REPS repetitions after a warm-up.
 * Targets (issue 6): a 256² × 500-step momentum basin map on `valleys` in
 * < 1.5 s on 2 workers (≈ 11 M steps/s per worker); a 64² × 1,000-step hyper map in < 0.5 s.
 */
import { basinMap, hyperAxisOf, hyperMap, simulate, surfaces, tileGrid, tileSideFor, type BasinMapSpec, type HyperMapSpec } from '../src/core/index.ts';

const REPS = Number(process.env.BENCH_REPS ?? 5);

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed<T>(task: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = task();
  return { result, ms: performance.now() - started };
}

function measure(label: string, task: () => number): { msMedian: number; steps: number } {
  task();
  task();
  const times: number[] = [];
  let steps = 0;
  for (let rep = 0; rep < REPS; rep++) {
    const { result, ms } = timed(task);
    times.push(ms);
    steps = result;
  }
  const msMedian = median(times);
  console.log(`${label.padEnd(58)} ${msMedian.toFixed(1).padStart(8)} ms  ${(steps / 1e6).toFixed(2).padStart(7)} M steps  ${((steps / msMedian) / 1e3).toFixed(1).padStart(6)} M steps/s`);
  return { msMedian, steps };
}

const valleys = surfaces.valleys;
const basin: BasinMapSpec = { surface: valleys, optimizer: 'momentum', lr: 0.1, momentum: 0.9, steps: 500, resolution: 256 };

// Single-run engine: 500-step momentum runs from a row of starts, every point stored.
const single = measure('simulate: momentum on valleys, 2,000 runs × 500 steps', () => {
  let steps = 0;
  for (let k = 0; k < 2000; k++) {
    const t = simulate({ surface: 'valleys', optimizer: 'momentum', lr: 0.1, momentum: 0.9, start: [-3.9 + (7.8 * k) / 2000, 3.1], steps: 500 });
    steps += t.length - 1;
  }
  return steps;
});

const side = tileSideFor(256, 500);
const tiles = tileGrid(256, 256, side);
const basinWhole = measure(`basinMap: momentum on valleys, 256² × 500 (${tiles.length} tiles of ${side}²)`, () => {
  let steps = 0;
  for (const tile of tiles) steps += basinMap(basin, tile).stepsComputed;
  return steps;
});
measure('basinMap: same map as one tile (no tiling)', () => basinMap(basin).stepsComputed);

for (const optimizer of ['sgd', 'nesterov', 'adam', 'rmsprop', 'adagrad'] as const) {
  const lr = optimizer === 'adam' || optimizer === 'rmsprop' ? 0.05 : optimizer === 'adagrad' ? 0.5 : 0.1;
  measure(`basinMap: ${optimizer} on valleys, 128² × 500`, () => basinMap({ ...basin, optimizer, lr, resolution: 128 }).stepsComputed);
}

for (const [surfaceId, start] of [['bowl', [-2.5, 2]], ['valleys', [3, -2.25]]] as const) {
  const surface = surfaces[surfaceId];
  for (const optimizer of ['momentum', 'adam'] as const) {
    const axis = hyperAxisOf(optimizer)!;
    const spec: HyperMapSpec = {
      surface, optimizer: axis.optimizer, axis: axis.axis, lr: 0.1, steps: 1000, start,
      lrMin: 1e-3, lrMax: 4, lrCells: 64, paramMin: 0, paramMax: 0.99, paramCells: 64,
    };
    measure(`hyperMap: ${optimizer} on ${surfaceId}, 64² × 1,000`, () => hyperMap(spec).stepsComputed);
  }
}

const perWorkerNeeded = 256 * 256 * 500 / 2 / 1.5 / 1e6;
console.log(`\nbasin map 256²×500: ${basinWhole.steps / 1e6} M steps computed of ${256 * 256 * 500 / 1e6} M (early exits); one thread ${basinWhole.msMedian.toFixed(0)} ms → 2 workers ≈ ${(basinWhole.msMedian / 2).toFixed(0)} ms`);
console.log(`map throughput ${(basinWhole.steps / basinWhole.msMedian / 1e3).toFixed(1)} M steps/s vs simulate ${(single.steps / single.msMedian / 1e3).toFixed(1)} M steps/s (target for 1.5 s without early exit: ${perWorkerNeeded.toFixed(1)} M steps/s per worker)`);
