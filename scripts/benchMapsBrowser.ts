/**
 * Map benchmark on the production build in headless Chromium (part of npm run bench:browser;
 * alone: vite build && tsx scripts/benchMapsBrowser.ts). Prints figures; asserts nothing.
 *  - the reference: the engine worker's own throughput (a fresh engine worker from the build,
 *    8 momentum runs × 100,000 steps on valleys, steps / the worker time its 'done' message
 *    reports; it stores every point as the app needs), in the same page, before the maps;
 *  - a basin map of 256×256 starts × 500 steps for momentum (η 0.1, μ 0.9) on valleys: wall
 *    time from request to the last tile, cold (workers starting) and warm (median of REPS),
 *    the steps the workers actually computed (settled starts stop early), and per-worker
 *    throughput (steps / summed worker time) beside the engine worker's;
 *  - the longest main-thread task while the basin map computes (the page must stay responsive);
 *  - a hyper-parameter map of 64×64 cells × 1,000 steps (momentum; bowl and valleys): wall time.
 * Targets (issue 6): basin map < 1.5 s with per-worker throughput ≥ 70% of the engine worker's;
 * hyper map < 0.5 s.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium, openApp, serveDist, waitForIdle } from '../test/e2e/harness.ts';

const REPS = Number(process.env.BENCH_REPS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface MapRun {
  readonly elapsedMs: number;
  readonly stepsComputed: number;
  readonly workerMs: number;
  readonly longestTaskMs: number;
  readonly workers: number;
}

const dist = resolve(process.cwd(), 'dist');
const engineWorkerFile = (await readdir(resolve(dist, 'assets'))).find((name) => /^engine\.worker-.*\.js$/.test(name));
if (!engineWorkerFile) throw new Error(`no engine worker in ${dist}/assets: run vite build first`);
const server = await serveDist(dist);
const browser = await launchChromium();
try {
  const { page, errors } = await openApp(browser, server.url, { width: 1280, height: 800 });
  await waitForIdle(page, 60_000);
  // tsx (esbuild with keepNames) wraps named functions in __name(); define it in the page.
  await page.evaluate('globalThis.__name = (target) => target');

  // The reference: the engine worker alone (its protocol: one compute request, a 'done' with steps and worker time). Best of 3.
  const engine = await page.evaluate(async (url) => {
    const once = () =>
      new Promise<{ steps: number; elapsedMs: number }>((resolve, reject) => {
        const worker = new Worker(url, { type: 'module' });
        const runs = Array.from({ length: 8 }, (_, index) => ({
          runId: `bench${index}`,
          spec: { surface: { kind: 'builtin', id: 'valleys' }, optimizer: 'momentum', lr: 0.1, momentum: 0.9, start: [3 - index * 0.7, -2.25], steps: 100_000 },
        }));
        worker.onmessage = (event: MessageEvent) => {
          const message = event.data as { type: string; steps?: number; elapsedMs?: number; message?: string };
          if (message.type === 'done') {
            worker.terminate();
            resolve({ steps: message.steps ?? 0, elapsedMs: message.elapsedMs ?? 1 });
          } else if (message.type === 'error' || message.type === 'fatal') {
            worker.terminate();
            reject(new Error(message.message));
          }
        };
        worker.postMessage({ type: 'compute', generation: 1, runs, fields: [] });
      });
    const samples = [await once(), await once(), await once()];
    return samples.sort((a, b) => b.steps / b.elapsedMs - a.steps / a.elapsedMs)[0];
  }, `/assets/${engineWorkerFile}`);
  const engineRate = engine.steps / (engine.elapsedMs / 1000);

  /** Open `kind` for the momentum run, wait for it, close it; figures from the store's `maps` and a long-task observer. */
  const runMap = (kind: 'basin' | 'hyper') =>
    page.evaluate(async (kind): Promise<MapRun> => {
      const hooks = window.__descentLab!;
      const store = hooks.store;
      const run = hooks.store.getState().setup.runs.find((candidate) => candidate.optimizer === 'momentum')!;
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      store.getState().openMap(kind, run.id);
      await new Promise<void>((resolve, reject) => {
        const poll = () => {
          const slot = store.getState().maps[kind];
          if (slot.status === 'done') resolve();
          else if (slot.status === 'error') reject(new Error(slot.message ?? 'map failed'));
          else setTimeout(poll, 2);
        };
        poll();
      });
      observer.disconnect();
      const slot = store.getState().maps[kind];
      const result = { elapsedMs: slot.elapsedMs, stepsComputed: slot.stepsComputed, workerMs: slot.workerMs, longestTaskMs: Math.max(0, ...tasks), workers: hooks.maps.pool?.size ?? 0 };
      store.getState().closeMap(kind);
      return result;
    }, kind);

  // Basin map: momentum, η 0.1, μ 0.9, on valleys (the default surface), 256² × 500.
  await page.evaluate(() => {
    const hooks = window.__descentLab!;
    const run = hooks.store.getState().setup.runs.find((candidate) => candidate.optimizer === 'momentum')!;
    hooks.store.getState().updateRun(run.id, { lr: 0.1, momentum: 0.9 });
    hooks.store.getState().setSteps(500);
    hooks.store.getState().setBasinResolution(256);
  });
  await waitForIdle(page, 60_000);
  const cold = await runMap('basin');
  const warm: MapRun[] = [];
  for (let rep = 0; rep < REPS; rep++) warm.push(await runMap('basin'));
  const basin = warm.slice().sort((a, b) => a.elapsedMs - b.elapsedMs)[Math.floor(warm.length / 2)];
  const perWorker = basin.stepsComputed / (basin.workerMs / 1000);

  // Hyper-parameter maps, 64² × 1,000 steps, on valleys then on the bowl.
  await page.evaluate(() => window.__descentLab!.store.getState().setSteps(1000));
  await waitForIdle(page, 60_000);
  const hyperValleys: MapRun[] = [];
  for (let rep = 0; rep < REPS; rep++) hyperValleys.push(await runMap('hyper'));
  await page.evaluate(() => window.__descentLab!.store.getState().setSurface('bowl'));
  await waitForIdle(page, 60_000);
  const hyperBowl: MapRun[] = [];
  for (let rep = 0; rep < REPS; rep++) hyperBowl.push(await runMap('hyper'));

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const rate = (value: number) => `${(value / 1e6).toFixed(2)} M steps/s`;
  const rows: [string, string][] = [
    ['engine worker alone, 8 momentum runs × 100,000 steps on valleys (best of 3)', `${rate(engineRate)} (${engine.steps} steps in ${engine.elapsedMs.toFixed(0)} ms of worker time)`],
    [`basin map 256² × 500, momentum on valleys, ${basin.workers} workers: wall time, cold`, `${ms(cold.elapsedMs)} (workers starting)`],
    [`basin map 256² × 500: wall time, warm, median of ${REPS} (target < 1,500 ms)`, `${ms(basin.elapsedMs)}  [${warm.map((run) => run.elapsedMs.toFixed(0)).join(', ')}]`],
    ['basin map: steps computed (of 32.8 M; settled starts stop early)', `${(basin.stepsComputed / 1e6).toFixed(2)} M`],
    ['basin map: throughput per worker (steps / worker time)', rate(perWorker)],
    ['basin map: per-worker / engine-worker throughput (target ≥ 70%)', `${((100 * perWorker) / engineRate).toFixed(0)}%`],
    ['basin map: effective rate, 32.8 M steps / wall time', rate((256 * 256 * 500) / (basin.elapsedMs / 1000))],
    ['basin map: longest main-thread task while computing', ms(basin.longestTaskMs)],
    [`hyper map 64² × 1,000, momentum on valleys: wall time, median of ${REPS} (target < 500 ms)`, `${ms(median(hyperValleys.map((run) => run.elapsedMs)))}  [${hyperValleys.map((run) => run.elapsedMs.toFixed(0)).join(', ')}]`],
    [`hyper map 64² × 1,000, momentum on the bowl: wall time, median of ${REPS}`, `${ms(median(hyperBowl.map((run) => run.elapsedMs)))}  [${hyperBowl.map((run) => run.elapsedMs.toFixed(0)).join(', ')}]`],
    ['hyper map (valleys): steps computed, throughput per worker', `${(hyperValleys[0].stepsComputed / 1e6).toFixed(2)} M, ${rate(hyperValleys[0].stepsComputed / (median(hyperValleys.map((run) => run.workerMs)) / 1000))}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log('\nDescent Lab map benchmark (headless Chromium, production build)\n');
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  if (errors.length > 0) console.log(`\npage errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
}
