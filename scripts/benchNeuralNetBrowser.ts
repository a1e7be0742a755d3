/**
 * The neural-net slice in the production build, in headless Chromium (part of npm run
 * bench:browser; alone: vite build && tsx scripts/benchNeuralNetBrowser.ts). Prints figures;
 * asserts nothing.
 *  - the build as a person meets it: the surface menu opened in a fresh page and the network
 *    chosen 0.6 s later, from the choice to the slice trained
 *    and its field mapped on the worker pool (the store's neuralSlice: wall time, and the
 *    workers' summed time), median of REPS fresh pages (default 5), with the longest
 *    main-thread task meanwhile and the load average before and after;
 *  - simulate's SGD steps/s on the slice in an engine worker of the build (a second request, so
 *    the worker's own training is not counted) beside the hand-written forward and backward pass
 *    of bench/neuralNetHandLoop.ts run in the page (Math.tanh/exp/log1p, the same θ*, d₁, d₂ and
 *    data in Float64Arrays).
 * Targets: build ≤ 2 s; simulate ≥ 0.5× the hand loop.
 * BENCH_COMPARE=<another build's dist folder> measures the build there too, fresh pages of
 * the two builds taking turns, and prints both medians side by side.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { DEFAULT_NEURAL_NET_OPTIONS, makeNeuralNetSlice } from '../src/core/index.ts';
import { SLICE_FIELD_RESOLUTION } from '../src/state/maps/sliceBuilder.ts';
import { launchChromium, openApp, serveDist, waitForIdle } from '../test/e2e/harness.ts';
import { neuralNetHandLoop, type HandLoopInput } from './bench/neuralNetHandLoop.ts';

const REPS = Number(process.env.BENCH_REPS ?? 5);
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');
const STEPS = 2000;
/** How long the surface menu is open before the network is chosen. */
const MENU_OPEN_MS = 600;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

const dist = resolve(process.cwd(), 'dist');
const engineWorkerFile = (await readdir(resolve(dist, 'assets'))).find((name) => /^engine\.worker-.*\.js$/.test(name));
if (!engineWorkerFile) throw new Error(`no engine worker in ${dist}/assets: run vite build first`);
const slice = makeNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS);
const server = await serveDist(dist);
const compare = process.env.BENCH_COMPARE ? { dist: resolve(process.env.BENCH_COMPARE), server: await serveDist(resolve(process.env.BENCH_COMPARE)) } : null;
const browser = await launchChromium();
console.log(`neural-net slice in Chromium (${REPS} fresh pages); ${cpus().length} cores, load average ${load()}`);
type Build = { elapsedMs: number; trainedMs: number; trainingMs: number; workerMs: number; longestTaskMs: number };

/** The slice built once in a fresh page of the build served at `url`. */
async function buildOnce(url: string): Promise<Build> {
  const { page, context } = await openApp(browser, url, { width: 1280, height: 800 });
  await waitForIdle(page, 60_000);
  // tsx (esbuild with keepNames) wraps named functions in __name(); define it in the page.
  await page.evaluate('globalThis.__name = (target) => target');
  // As a person picks it: the surface menu opened, the network chosen a moment later (the
  // build is timed from the choice).
  await page.getByLabel('Surface', { exact: true }).dispatchEvent('pointerdown');
  await new Promise((resolve) => setTimeout(resolve, MENU_OPEN_MS));
  const build = await page.evaluate(async () => {
    const store = window.__descentLab!.store;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    // When the training (part 1 of the progress) was over, as the store reported it.
    // (and the worker's own time for it: the rest is starting the worker, loading its code and messages).
    let trainedMs = NaN;
    let trainingMs = NaN;
    const unsubscribe = store.subscribe((state) => {
      if (Number.isNaN(trainedMs) && state.neuralSlice.status === 'building' && state.neuralSlice.bandsDone >= 1) {
        trainedMs = state.neuralSlice.elapsedMs;
        trainingMs = state.neuralSlice.workerMs;
      }
    });
    store.getState().setSurface('neural-net', 0, true);
    await new Promise<void>((done, fail) => {
      const poll = () => {
        const state = store.getState().neuralSlice;
        if (state.status === 'done') done();
        else if (state.status === 'error') fail(new Error(state.message ?? 'the build failed'));
        else setTimeout(poll, 5);
      };
      poll();
    });
    observer.disconnect();
    unsubscribe();
    const { elapsedMs, workerMs } = store.getState().neuralSlice;
    return { elapsedMs, trainedMs, trainingMs, workerMs, longestTaskMs: Math.max(0, ...tasks) };
  });
  await context.close();
  return build;
}

try {
  const builds: Build[] = [];
  const compared: Build[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    builds.push(await buildOnce(server.url));
    if (compare) compared.push(await buildOnce(compare.server.url));
  }
  if (compare) {
    const mine = median(builds.map((b) => b.elapsedMs));
    const theirs = median(compared.map((b) => b.elapsedMs));
    console.log(
      `side by side, fresh pages taking turns: this build ${mine.toFixed(0)} ms (runs ${builds.map((b) => b.elapsedMs.toFixed(0)).join(', ')}; workers' summed time ${median(builds.map((b) => b.workerMs)).toFixed(0)} ms), ` +
        `${compare.dist} ${theirs.toFixed(0)} ms (runs ${compared.map((b) => b.elapsedMs.toFixed(0)).join(', ')}; workers' summed time ${median(compared.map((b) => b.workerMs)).toFixed(0)} ms): ×${(mine / theirs).toFixed(2)}`,
    );
  }
  const wall = median(builds.map((b) => b.elapsedMs));
  console.log(
    `build (one pool worker trains, then 2 compute the ${SLICE_FIELD_RESOLUTION}² field in 16 bands): ${wall.toFixed(0)} ms wall, median of ${REPS} (runs: ${builds.map((b) => b.elapsedMs.toFixed(0)).join(', ')}), ` +
      `of which the training ${median(builds.map((b) => b.trainedMs)).toFixed(0)} ms (${median(builds.map((b) => b.trainingMs)).toFixed(0)} ms in the worker) and the field ${median(builds.map((b) => b.elapsedMs - b.trainedMs)).toFixed(0)} ms, workers' summed time ${median(builds.map((b) => b.workerMs)).toFixed(0)} ms, longest main-thread task ${median(builds.map((b) => b.longestTaskMs)).toFixed(0)} ms, load average now ${load()} — target ≤ 2000 ms ${wall <= 2000 ? 'met' : 'MISSED (wall time on a shared machine; see npm run bench for CPU time)'}`,
  );

  const { page } = await openApp(browser, server.url, { width: 800, height: 600 });
  await waitForIdle(page, 60_000);
  await page.evaluate('globalThis.__name = (target) => target');
  const input: HandLoopInput = {
    center: Array.from(slice.basis.center),
    d1: Array.from(slice.basis.d1),
    d2: Array.from(slice.basis.d2),
    inputs: Array.from(slice.data.inputs),
    labels: Array.from(slice.data.labels),
    hidden: slice.options.hidden,
    lambda: slice.weightDecay,
    lr: slice.suggestedLr,
    start: slice.suggestedStart,
    steps: STEPS,
  };
  // The shared hand loop, sent as source (Playwright's evaluate sends functions the same way).
  await page.evaluate(`globalThis.__handLoop = ${neuralNetHandLoop.toString()}`);
  const rates = await page.evaluate(
    async ({ url, input }) => {
      const { lr, start, steps } = input;
      const engineRate = await new Promise<number>((done, fail) => {
        const worker = new Worker(url, { type: 'module' });
        const runs = [{ runId: 'sgd', spec: { surface: { kind: 'builtin', id: 'neural-net' }, optimizer: 'sgd', lr, start, steps } }];
        let generation = 1;
        worker.onmessage = (event: MessageEvent) => {
          const message = event.data as { type: string; steps?: number; elapsedMs?: number; message?: string };
          if (message.type === 'done' && generation === 1) {
            generation = 2; // the first request trained the worker's slice; time the second
            worker.postMessage({ type: 'compute', generation, runs, fields: [] });
          } else if (message.type === 'done') {
            worker.terminate();
            done((message.steps ?? 0) / ((message.elapsedMs ?? 1) / 1000));
          } else if (message.type === 'error' || message.type === 'fatal') {
            worker.terminate();
            fail(new Error(message.message));
          }
        };
        worker.postMessage({ type: 'compute', generation, runs, fields: [] });
      });
      // The hand loop (bench/neuralNetHandLoop.ts, defined in the page above) on typed arrays, with Math's functions.
      const typed: HandLoopInput = { ...input, center: Float64Array.from(input.center), d1: Float64Array.from(input.d1), d2: Float64Array.from(input.d2), inputs: Float64Array.from(input.inputs), labels: Float64Array.from(input.labels) };
      const hand = (globalThis as unknown as { __handLoop: typeof neuralNetHandLoop }).__handLoop;
      hand(typed);
      const samples: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        const started = performance.now();
        const steps = hand(typed);
        samples.push(steps / ((performance.now() - started) / 1000));
      }
      return { engineRate, handRate: samples.sort((a, b) => a - b)[1] };
    },
    { url: `/assets/${engineWorkerFile}`, input },
  );
  const ratio = rates.engineRate / rates.handRate;
  console.log(`SGD steps/s, ${STEPS} steps: simulate in the engine worker ${rates.engineRate.toFixed(0)}, hand loop in the page ${rates.handRate.toFixed(0)}, ratio ${ratio.toFixed(2)} — target ≥ 0.50 ${ratio >= 0.5 ? 'met' : 'MISSED'}`);
} finally {
  await browser.close();
  await server.close();
  await compare?.server.close();
}
