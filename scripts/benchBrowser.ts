/**
 * Browser benchmark on the production build in headless Chromium (run: npm run bench:browser).
 * Prints figures measured in one run; it asserts nothing.
 *  - input → results in the buffers the scene draws from, and input → next rendered frame,
 *    for learning-rate changes with 8 runs × 2,000 steps (median, p95), and to pixels again
 *    on a small (960×640) page for reference;
 *  - the longest main-thread task while scrubbing at ~100 input events per second;
 *  - worker throughput on 16 runs × 100,000 steps, with one engine worker and with a helper;
 *  - the scene's GPU cost per frame vs a bare mesh (the floor), in the same page, renderer,
 *    camera and canvas: each sample renders once and reads one pixel back, which waits
 *    until the (software) GPU has finished, so the page's compositing is left out;
 *  - for reference, the interval between frames during ~3 s of animate playback vs a bare
 *    three.js page drawing a 256×256-segment PlaneGeometry mesh on a canvas of the same size.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openApp, serveDist, waitForIdle } from '../test/e2e/harness.ts';
import { scrubTimeline } from './benchTimeline.ts';
import { createHandler } from '../src/worker/handler.ts';
import type { ComputeRequest } from '../src/worker/protocol.ts';
import { surfaces } from '../src/core/index.ts';

const CHANGES = 60;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface FrameSample {
  /** gl.render() durations of the frames drawn in the window (ms). */
  readonly renderMs: number[];
  /** Intervals between consecutive drawn frames (ms). */
  readonly intervalMs: number[];
  readonly canvas: { width: number; height: number };
}

const BARE_ORIGIN = 'http://bare.bench';
const BARE_PAGE = `<!doctype html><html><head><style>html,body{margin:0;background:#0b0d12;overflow:hidden}</style></head><body>
<canvas id="c"></canvas>
<script type="module">
import * as THREE from '/three.module.js';
const params = new URLSearchParams(location.search);
const width = Number(params.get('w')), height = Number(params.get('h'));
const canvas = document.getElementById('c');
const renderer = new THREE.WebGLRenderer({ canvas, antialias: true });
renderer.setPixelRatio(1);
renderer.setSize(width, height);
const scene = new THREE.Scene();
const camera = new THREE.PerspectiveCamera(45, width / height, 0.01, 100);
camera.position.set(0, 2.2, 2.4);
camera.lookAt(0, 0, 0);
const geometry = new THREE.PlaneGeometry(2, 2, 256, 256);
geometry.rotateX(-Math.PI / 2);
const position = geometry.getAttribute('position');
for (let i = 0; i < position.count; i++) {
  const x = position.getX(i), z = position.getZ(i);
  position.setY(i, 0.25 * (x * x + z * z));
}
geometry.computeVertexNormals();
scene.add(new THREE.Mesh(geometry, new THREE.MeshLambertMaterial({ color: 0x4d7fbf })));
scene.add(new THREE.AmbientLight(0xffffff, 0.6));
const light = new THREE.DirectionalLight(0xffffff, 1.2);
light.position.set(1, 2, 1);
scene.add(light);
window.__bare = { frames: 0, lastFrameMs: 0 };
const loop = () => {
  scene.rotation.y += 0.002;
  const started = performance.now();
  renderer.render(scene, camera);
  window.__bare.lastFrameMs = performance.now() - started;
  window.__bare.frames++;
  requestAnimationFrame(loop);
};
requestAnimationFrame(loop);
</script></body></html>`;

/** Learning-rate changes on the first slider: input → all results in the buffers the scene draws from, and → the next frame drawn after. */
function measureLatency(page: Page, changes: number): Promise<{ toBuffers: number[]; toFrame: number[] }> {
  return page.evaluate(async (changes) => {
    const hooks = window.__descentLab!;
    const scene = () => (window as unknown as { __descentScene?: { frames: number } }).__descentScene?.frames ?? 0;
    const slider = document.querySelector<HTMLInputElement>('input[type="range"][aria-label^="Learning rate"]')!;
    const toBuffers: number[] = [];
    const toFrame: number[] = [];
    for (let i = 0; i < changes; i++) {
      const ids = hooks.store.getState().setup.runs.map((run) => run.id);
      const generationBefore = hooks.client.generation;
      const value = Number(slider.min) + ((i % 20) / 20 + 0.1) * (Number(slider.max) - Number(slider.min)) * 0.8;
      const t0 = performance.now();
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(slider, String(value));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      const arrived = () =>
        hooks.client.generation > generationBefore &&
        ids.every((id) => {
          const run = hooks.results.runs.get(id);
          return run !== undefined && run.generation === hooks.client.generation && run.status !== 'computing';
        });
      await new Promise<void>((resolve) => {
        if (arrived()) return resolve();
        const stop = hooks.results.subscribe(() => {
          if (arrived()) {
            stop();
            resolve();
          }
        });
      });
      toBuffers.push(performance.now() - t0);
      // The next frame drawn after the results are complete (earlier frames showed older data).
      const framesAtArrival = scene();
      await new Promise<void>((resolve) => {
        const poll = () => (scene() > framesAtArrival ? resolve() : requestAnimationFrame(poll));
        poll();
      });
      toFrame.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return { toBuffers, toFrame };
  }, changes);
}

/** 8 runs × 2,000 steps (momentum added to the default three). */
async function eightRuns(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window.__descentLab!.store.getState();
    state.setSteps(2000);
    while (window.__descentLab!.store.getState().setup.runs.length < 8) state.addRun('momentum');
  });
  await waitForIdle(page);
}

/** Frames the page draws in ~3 s: render times and intervals, read from window[key]'s counters. */
function sampleFrames(page: Page, key: '__descentScene' | '__bare'): Promise<FrameSample> {
  return page.evaluate(async (hostKey) => {
    const read = () => (window as unknown as Record<string, { frames: number; lastFrameMs: number } | undefined>)[hostKey] ?? { frames: 0, lastFrameMs: 0 };
    const renderMs: number[] = [];
    const intervalMs: number[] = [];
    let lastFrames = read().frames;
    let lastAt = -1;
    const start = performance.now();
    await new Promise<void>((done) => {
      const tick = (now: number) => {
        const counters = read();
        if (counters.frames !== lastFrames) {
          renderMs.push(counters.lastFrameMs);
          if (lastAt >= 0) intervalMs.push(now - lastAt);
          lastAt = now;
          lastFrames = counters.frames;
        }
        if (performance.now() - start > 3000) done();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const canvas = document.querySelector('canvas')!;
    return { renderMs, intervalMs, canvas: { width: canvas.width, height: canvas.height } };
  }, key);
}

/**
 * 16 runs × 100,000 steps (Adam runs added to the page's): request → every run in the buffers, after a
 * first request that warms the workers up; `reps` measured requests, sorted by rate.
 */
async function measureThroughput(page: Page, reps: number): Promise<{ cold: { steps: number; seconds: number }; warm: { steps: number; seconds: number }[] }> {
  const measured: { steps: number; seconds: number }[] = [];
  for (let rep = 0; rep <= reps; rep++) {
    const result = await page.evaluate(async () => {
      const hooks = window.__descentLab!;
      const idle = () =>
        new Promise<void>((resolve) => {
          const poll = () => (hooks.isIdle() ? resolve() : setTimeout(poll, 5));
          setTimeout(poll, 5);
        });
      const state = hooks.store.getState();
      while (hooks.store.getState().setup.runs.length < 16) state.addRun('adam');
      hooks.store.getState().setSteps(200);
      await idle();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const t0 = performance.now();
      hooks.store.getState().setSteps(100_000);
      await idle();
      const seconds = (performance.now() - t0) / 1000;
      const steps = hooks.store.getState().setup.runs.reduce((sum, run) => sum + Math.max(0, (hooks.results.runs.get(run.id)?.length ?? 1) - 1), 0);
      return { steps, seconds };
    });
    measured.push(result);
  }
  const [cold, ...warm] = measured;
  return { cold, warm: warm.sort((a, b) => b.steps / b.seconds - a.steps / a.seconds) };
}

function mean(values: number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

const server = await serveDist();
const browser = await launchChromium();
try {
  const { page, context } = await openApp(browser, server.url, { width: 1280, height: 800 });
  // three.js announces each Scene and WebGLRenderer it creates to a devtools hook: keep them.
  await context.addInitScript(() => {
    const hook = new EventTarget();
    const seen: unknown[] = [];
    hook.addEventListener('observe', (event) => seen.push((event as CustomEvent).detail));
    Object.assign(window, { __THREE_DEVTOOLS__: hook, __threeSeen: seen });
    // The engine worker's script and the last compute request, to time the worker alone (below).
    const host = window as unknown as { __engineWorkerUrl?: string; __lastCompute?: unknown };
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (/engine/.test(String(url))) host.__engineWorkerUrl = String(url);
      }
      postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
        // With helper workers a generation goes out in shares: keep all of the latest one's runs.
        const request = message as { type?: string; generation?: number; runs?: unknown[] };
        if (request.type === 'compute') {
          const last = host.__lastCompute as typeof request | undefined;
          host.__lastCompute = last && last.generation === request.generation ? { ...last, runs: [...(last.runs ?? []), ...(request.runs ?? [])] } : request;
        }
        super.postMessage(message, transfer as Transferable[]);
      }
    };
  });
  await page.reload();
  await waitForIdle(page);
  // tsx (esbuild with keepNames) wraps named functions in __name(); define it in the page.
  await page.evaluate('globalThis.__name = (target) => target');
  await eightRuns(page);
  await page.waitForTimeout(1000);

  const latency = await measureLatency(page, CHANGES);

  // The same to pixels on a small canvas, for reference (a full-size software-GL frame is slow).
  const small = await openApp(browser, server.url, { width: 960, height: 640 });
  await waitForIdle(small.page);
  await small.page.evaluate('globalThis.__name = (target) => target');
  // Below 1,024 px the controls start folded away (and unrendered): open them to reach the slider.
  await small.page.evaluate(() => window.__descentLab!.store.getState().setPanelOpen(true));
  await eightRuns(small.page);
  // Below 1100 px the controls are a closed drawer: open it so the learning-rate slider exists.
  await small.page.evaluate(() => window.__descentLab!.store.getState().setPanelOpen(true));
  await small.page.waitForTimeout(1000);
  const smallLatency = await measureLatency(small.page, CHANGES);
  const smallCanvas = await small.page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    return canvas ? `${canvas.width}×${canvas.height}` : 'no canvas';
  });
  await small.context.close();

  const longTasks = await page.evaluate(async () => {
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const slider = document.querySelector<HTMLInputElement>('input[type="range"][aria-label^="Learning rate"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const start = performance.now();
    let i = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const value = Number(slider.min) + (0.2 + 0.6 * Math.abs(Math.sin(i++ / 30))) * (Number(slider.max) - Number(slider.min));
        setter.call(slider, String(value));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        if (performance.now() - start > 5000) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const scrubbed = [...durations];
    // Control: a deliberate 80 ms task must be reported, so that "no long task" is a finding.
    const busyUntil = performance.now() + 80;
    while (performance.now() < busyUntil);
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();
    return { events: i, durations: scrubbed, control: durations.length > scrubbed.length ? Math.max(...durations.slice(scrubbed.length)) : 0 };
  });

  const timeline = await scrubTimeline(page);

  // Scene frame time during animate playback (8 runs × 2,000 steps, slow enough to keep playing for > 3 s).
  await waitForIdle(page);
  await page.evaluate(() => {
    const state = window.__descentLab!.store.getState();
    state.resetPlayback();
    state.setStepsPerSecond(200);
    state.play();
  });
  await page.waitForTimeout(300);
  const appFrames = await sampleFrames(page, '__descentScene');
  await page.evaluate(() => window.__descentLab!.store.getState().pause());

  let bareFrames: FrameSample | null = null;
  try {
    const threeDir = resolve(process.cwd(), 'node_modules/three/build');
    const bareContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await bareContext.route(`${BARE_ORIGIN}/**`, async (route) => {
      const pathname = new URL(route.request().url()).pathname;
      if (pathname === '/' || pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: BARE_PAGE });
      if (pathname === '/three.module.js' || pathname === '/three.core.js') {
        return route.fulfill({ contentType: 'text/javascript', body: await readFile(resolve(threeDir, pathname.slice(1)), 'utf8') });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    const barePage = await bareContext.newPage();
    await barePage.evaluate('globalThis.__name = (target) => target').catch(() => undefined);
    await barePage.goto(`${BARE_ORIGIN}/?w=${appFrames.canvas.width}&h=${appFrames.canvas.height}`);
    await barePage.evaluate('globalThis.__name = (target) => target');
    await barePage.waitForFunction(() => ((window as unknown as { __bare?: { frames: number } }).__bare?.frames ?? 0) > 10, undefined, { timeout: 20_000 });
    bareFrames = await sampleFrames(barePage, '__bare');
    await bareContext.close();
  } catch (error) {
    console.error(`bare three.js page failed: ${(error as Error).message}`);
  }

  // GPU cost of one frame: the full scene vs only the surface's 256×256 grid with a plain
  // Lambert material (the bare mesh), interleaved, same renderer, camera and canvas.
  await waitForIdle(page);
  const gpuCost = await page.evaluate(async (samples) => {
    interface Node3D {
      visible: boolean;
      isMesh?: boolean;
      children: Node3D[];
      geometry?: { index: { count: number } | null };
      material?: { constructor: new (options: object) => unknown };
      traverse(visit: (node: Node3D) => void): void;
    }
    interface Renderer {
      isWebGLRenderer: true;
      render(scene: Node3D, camera: unknown): void;
      getContext(): WebGL2RenderingContext;
    }
    const seen = (window as unknown as { __threeSeen: (Node3D & { isScene?: boolean })[] }).__threeSeen;
    const scene = seen.find((item) => item.isScene);
    const renderer = seen.find((item) => (item as unknown as Renderer).isWebGLRenderer) as unknown as Renderer | undefined;
    if (!scene || !renderer) return null;
    // The camera R3F renders with: catch it on the next frame the app draws.
    let camera: unknown = null;
    const render = renderer.render;
    renderer.render = function (this: Renderer, s: Node3D, c: unknown) {
      camera = c;
      return render.call(this, s, c);
    };
    // Any change that draws a frame: the timeline moves to another step (setting the start it
    // already has changes nothing, and a frame-on-demand scene then draws nothing).
    const state = window.__descentLab!.store.getState();
    state.setCamera('3d');
    state.seekStep(state.timelineStep > 0 ? state.timelineStep - 1 : 1);
    const started = performance.now();
    while (camera === null && performance.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
    renderer.render = render;
    if (camera === null) return null;
    const gl = renderer.getContext();
    const pixel = new Uint8Array(4);
    const nodes: Node3D[] = [];
    scene.traverse((node) => {
      if (node !== scene) nodes.push(node);
    });
    const surface = nodes.find((node) => node.isMesh && (node.geometry?.index?.count ?? 0) > 300_000);
    if (!surface?.material) return null;
    const plain = new surface.material.constructor({ color: 0x4d7fbf });
    const visible = new Map(nodes.map((node) => [node, node.visible]));
    const time = () => {
      const t0 = performance.now();
      renderer.render(scene, camera);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      return performance.now() - t0;
    };
    const full: number[] = [];
    const bare: number[] = [];
    time();
    for (let i = 0; i < samples; i++) {
      full.push(time());
      for (const node of nodes) node.visible = node === surface || (!node.isMesh && node.children.length > 0 && (visible.get(node) ?? true));
      const material: Node3D['material'] = surface.material;
      surface.material = plain as Node3D['material'];
      bare.push(time());
      surface.material = material;
      for (const node of nodes) node.visible = visible.get(node) ?? true;
    }
    const canvas = gl.canvas as HTMLCanvasElement;
    return { full, bare, canvas: { width: canvas.width, height: canvas.height } };
  }, 15);

  await waitForIdle(page);
  const throughputs = await measureThroughput(page, 3);
  const throughput = throughputs.warm[1];
  // The same on a page that believes it has three cores: the engine shares large requests with one
  // helper worker, as it would there (on this machine's cores, where the page's thread competes with both).
  const helped = await (async () => {
    const other = await openApp(browser, server.url, { width: 1280, height: 800 });
    await other.context.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 3 }));
    await other.page.reload();
    await waitForIdle(other.page);
    await other.page.evaluate('globalThis.__name = (target) => target');
    const measured = await measureThroughput(other.page, 3);
    await other.context.close();
    return measured;
  })();
  // The same request sent to a fresh engine worker whose chunks are dropped on arrival: the
  // worker's compute and transfer alone, in the same run (on a loaded machine the end-to-end
  // figure means little without it); the rest of the end-to-end time is the page's.
  const workerAlone = await page.evaluate(async () => {
    const host = window as unknown as { __engineWorkerUrl?: string; __lastCompute?: { generation: number } };
    if (!host.__engineWorkerUrl || !host.__lastCompute) return null;
    const worker = new Worker(host.__engineWorkerUrl, { type: 'module' });
    const request = { ...host.__lastCompute, generation: 1, fields: [] };
    const time = () =>
      new Promise<{ seconds: number; computeSeconds: number; chunks: number; steps: number }>((resolve) => {
        let chunks = 0;
        const t0 = performance.now();
        worker.onmessage = (event) => {
          const message = event.data as { type: string; elapsedMs: number; steps: number };
          if (message.type === 'chunk') chunks++;
          if (message.type === 'done') resolve({ seconds: (performance.now() - t0) / 1000, computeSeconds: message.elapsedMs / 1000, chunks, steps: message.steps });
        };
        worker.postMessage(request);
      });
    await time();
    request.generation = 2;
    const measured = await time();
    worker.terminate();
    return measured;
  });

  // And the same request to the engine's handler in this Node process (no worker, no browser): what the
  // engine itself does with this workload on one core, the ceiling for the figures above.
  const inNodeRequest = await page.evaluate(() => (window as unknown as { __lastCompute?: unknown }).__lastCompute ?? null);
  const inNode = await (async () => {
    const request = inNodeRequest;
    if (request === null) return null;
    const rates: number[] = [];
    // One warm-up (the first pass compiles the loops), then five measured.
    for (let rep = 0; rep < 6; rep++) {
      const queue: (() => void)[] = [];
      let steps = 0;
      const handler = createHandler((message) => {
        if (message.type === 'done') steps = message.steps;
      }, (task) => queue.push(task));
      const t0 = performance.now();
      handler.onMessage({ ...(request as ComputeRequest), generation: 1, fields: [] });
      while (queue.length > 0) (queue.shift() as () => void)();
      if (rep > 0) rates.push(steps / ((performance.now() - t0) / 1000));
    }
    return rates;
  })();

  // What one core here spends on the surface alone: its loss and gradient at as many points as the
  // request has steps, nothing else (a full-batch step evaluates it once). No engine can beat this.
  const surfaceAlone = (() => {
    const request = inNodeRequest as ComputeRequest | null;
    const ref = request?.runs[0]?.spec.surface;
    const surface = ref && typeof ref === 'object' && 'kind' in ref && ref.kind === 'builtin' ? surfaces[ref.id as keyof typeof surfaces] : undefined;
    if (!request || !surface) return null;
    const count = request.runs.reduce((sum, run) => sum + (run.spec.steps ?? 0), 0);
    const evaluate = surface.lossGradient ?? ((x: number, y: number, out: Float64Array) => (surface.gradient(x, y, out), surface.loss(x, y)));
    const out = new Float64Array(2);
    const rates: number[] = [];
    let sink = 0;
    for (let rep = 0; rep < 6; rep++) {
      const t0 = performance.now();
      // Points bouncing around the box [−3, 3]² (a path's points differ from step to step, so must
      // these), moved by additions only so that the figure is the surface's own cost.
      let x = 0.1;
      let y = -0.2;
      let dx = 1.3e-4;
      let dy = 0.9e-4;
      for (let i = 0; i < count; i++) {
        sink += evaluate(x, y, out);
        x += dx;
        y += dy;
        if (x > 3 || x < -3) dx = -dx;
        if (y > 3 || y < -3) dy = -dy;
      }
      if (rep > 0) rates.push(count / ((performance.now() - t0) / 1000));
    }
    // The sum is returned so that the loop's results are used (not optimised away).
    return { surface: surface.label, rate: quantile(rates, 0.5), sum: sink };
  })();
  const rate = (measured: { steps: number; seconds: number }) => (measured.steps / measured.seconds / 1e6).toFixed(2);
  const rows: [string, string][] = [
    ['input → results in scene buffers, median (8 runs × 2,000 steps)', `${quantile(latency.toBuffers, 0.5).toFixed(1)} ms`],
    ['input → results in scene buffers, p95', `${quantile(latency.toBuffers, 0.95).toFixed(1)} ms`],
    ['input → next rendered frame, median (software WebGL, 1280×800 page)', `${quantile(latency.toFrame, 0.5).toFixed(1)} ms`],
    ['input → next rendered frame, p95', `${quantile(latency.toFrame, 0.95).toFixed(1)} ms`],
    [`input → next rendered frame on a small canvas (960×640 page, ${smallCanvas}), median`, `${quantile(smallLatency.toFrame, 0.5).toFixed(1)} ms`],
    ['input → next rendered frame on a small canvas, p95', `${quantile(smallLatency.toFrame, 0.95).toFixed(1)} ms`],
    ['scrub: input events in 5 s', String(longTasks.events)],
    ['scrub: longest main-thread task', `${Math.max(0, ...longTasks.durations).toFixed(0)} ms`],
    ['scrub: main-thread tasks over 50 ms', String(longTasks.durations.filter((d) => d > 50).length)],
    ['long-task observer check: a deliberate 80 ms task reported as', longTasks.control > 0 ? `${longTasks.control.toFixed(0)} ms` : 'NOT reported (the figures above mean nothing)'],
    ['timeline scrub 10 s (8 runs × 2,000 steps, inspector and overlays on): input events / inspections received', `${timeline.events} / ${timeline.inspections}`],
    ['timeline scrub: longest main-thread task', `${Math.max(0, ...timeline.durations).toFixed(0)} ms (${timeline.durations.filter((d) => d > 50).length} over 50 ms; observer check: a deliberate 80 ms task reported as ${timeline.control > 0 ? `${timeline.control.toFixed(0)} ms` : 'nothing'})`],
    [
      'worker throughput, 16 runs × 100,000 steps (request → all in buffers; median of 3 after a warm-up)',
      `${rate(throughput)} M steps/s (${throughput.steps} steps in ${throughput.seconds.toFixed(2)} s; all 3: ${throughputs.warm.map(rate).join(', ')}; the first request, cold: ${rate(throughputs.cold)})`,
    ],
    [
      'the same with one helper engine worker (the page told it has 3 cores; measured on this machine)',
      `${rate(helped.warm[1])} M steps/s (all 3: ${helped.warm.map(rate).join(', ')}; the first request, cold: ${rate(helped.cold)})`,
    ],
    [
      'the same request to a bare engine worker, chunks dropped (compute + transfer only)',
      workerAlone === null
        ? 'not measured'
        : `${(workerAlone.steps / workerAlone.seconds / 1e6).toFixed(2)} M steps/s (${workerAlone.seconds.toFixed(2)} s, of which computing ${workerAlone.computeSeconds.toFixed(2)} s; ${workerAlone.chunks} chunks)`,
    ],
    [
      'the same request to the engine in Node, one core, no worker (median of 5)',
      inNode === null ? 'not measured' : `${(quantile(inNode, 0.5) / 1e6).toFixed(2)} M steps/s`,
    ],
    [
      'the request\'s surface alone in Node, one core: loss and gradient at as many points (median of 5; the ceiling of any engine here)',
      surfaceAlone === null ? 'not measured (not a built-in surface)' : `${(surfaceAlone.rate / 1e6).toFixed(2)} M evaluations/s (${surfaceAlone.surface})`,
    ],
  ];
  if (gpuCost === null) {
    rows.push(['scene GPU cost vs bare mesh', 'not measured (scene, renderer or camera not found)']);
  } else {
    const full = quantile(gpuCost.full, 0.5);
    const bare = quantile(gpuCost.bare, 0.5);
    const size = `${gpuCost.canvas.width}×${gpuCost.canvas.height}`;
    rows.push([`scene GPU cost per frame, median of ${gpuCost.full.length} (8 runs × 2,000 steps, ${size})`, `${full.toFixed(1)} ms`]);
    rows.push([`bare 256×256 mesh (Lambert, nothing else), same page and camera, median`, `${bare.toFixed(1)} ms`]);
    rows.push(['scene / bare mesh GPU cost ratio (target ≤ 1.3×)', `${(full / bare).toFixed(2)}×`]);
  }
  const frameRow = (label: string, sample: FrameSample) => {
    rows.push([`${label}: gl.render() time, mean / median (${sample.canvas.width}×${sample.canvas.height})`, `${mean(sample.renderMs).toFixed(2)} / ${quantile(sample.renderMs, 0.5).toFixed(2)} ms over ${sample.renderMs.length} frames`]);
    rows.push([`${label}: interval between drawn frames, mean / median`, `${mean(sample.intervalMs).toFixed(2)} / ${quantile(sample.intervalMs, 0.5).toFixed(2)} ms`]);
  };
  if (appFrames.renderMs.length < 2) {
    rows.push(['frame-time comparison', `not measured (the scene drew ${appFrames.renderMs.length} frames during playback)`]);
  } else if (bareFrames === null || bareFrames.renderMs.length < 2) {
    frameRow('scene, animate playback', appFrames);
    rows.push(['frame-time comparison', 'not measured (bare three.js page did not render)']);
  } else {
    frameRow('scene, animate playback', appFrames);
    frameRow('bare three.js 256×256 PlaneGeometry mesh', bareFrames);
    rows.push(['scene / bare ratio, median gl.render() time', `${(quantile(appFrames.renderMs, 0.5) / quantile(bareFrames.renderMs, 0.5)).toFixed(2)}×`]);
    rows.push(['scene / bare ratio, median frame interval', `${(quantile(appFrames.intervalMs, 0.5) / quantile(bareFrames.intervalMs, 0.5)).toFixed(2)}×`]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nDescent Lab browser benchmark (${CHANGES} learning-rate changes, headless Chromium, production build)\n`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
} finally {
  await browser.close();
  await server.close();
}
