/**
 * Browser benchmark on the production build in headless Chromium (run: npm run bench:browser).
 * Prints figures measured in one run; it asserts nothing.
 *  - input → results in the buffers the scene draws from, and input → next rendered frame,
 *    for learning-rate changes with 8 runs × 2,000 steps (median, p95);
 *  - the longest main-thread task while scrubbing at ~100 input events per second;
 *  - worker throughput on 16 runs × 100,000 steps.
 */
import { launchChromium, openApp, serveDist, waitForIdle } from '../test/e2e/harness.ts';

const CHANGES = 60;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const server = await serveDist();
const browser = await launchChromium();
try {
  const { page } = await openApp(browser, server.url, { width: 1280, height: 800 });
  await waitForIdle(page);
  // tsx (esbuild with keepNames) wraps named functions in __name(); define it in the page.
  await page.evaluate('globalThis.__name = (target) => target');
  await page.evaluate(() => {
    const state = window.__descentLab!.store.getState();
    state.setSteps(2000);
    while (window.__descentLab!.store.getState().setup.runs.length < 8) state.addRun('momentum');
  });
  await waitForIdle(page);
  await page.waitForTimeout(1000);

  const latency = await page.evaluate(async (changes) => {
    const hooks = window.__descentLab!;
    const scene = () => (window as unknown as { __descentScene?: { frames: number } }).__descentScene?.frames ?? 0;
    const slider = document.querySelector<HTMLInputElement>('input[type="range"][aria-label^="Learning rate"]')!;
    const toBuffers: number[] = [];
    const toFrame: number[] = [];
    for (let i = 0; i < changes; i++) {
      const ids = hooks.store.getState().setup.runs.map((run) => run.id);
      const generationBefore = hooks.client.generation;
      const framesBefore = scene();
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
      await new Promise<void>((resolve) => {
        const poll = () => (scene() > framesBefore ? resolve() : requestAnimationFrame(poll));
        poll();
      });
      toFrame.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return { toBuffers, toFrame };
  }, CHANGES);

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
    observer.disconnect();
    return { events: i, durations };
  });

  await waitForIdle(page);
  const throughput = await page.evaluate(async () => {
    const hooks = window.__descentLab!;
    const state = hooks.store.getState();
    while (hooks.store.getState().setup.runs.length < 16) state.addRun('adam');
    const t0 = performance.now();
    hooks.store.getState().setSteps(100_000);
    await new Promise<void>((resolve) => {
      const poll = () => (hooks.isIdle() ? resolve() : setTimeout(poll, 5));
      setTimeout(poll, 5);
    });
    const seconds = (performance.now() - t0) / 1000;
    const steps = hooks.store.getState().setup.runs.reduce((sum, run) => sum + Math.max(0, (hooks.results.runs.get(run.id)?.length ?? 1) - 1), 0);
    return { steps, seconds };
  });

  const rows: [string, string][] = [
    ['input → results in scene buffers, median (8 runs × 2,000 steps)', `${quantile(latency.toBuffers, 0.5).toFixed(1)} ms`],
    ['input → results in scene buffers, p95', `${quantile(latency.toBuffers, 0.95).toFixed(1)} ms`],
    ['input → next rendered frame, median (software WebGL, 1280×800)', `${quantile(latency.toFrame, 0.5).toFixed(1)} ms`],
    ['input → next rendered frame, p95', `${quantile(latency.toFrame, 0.95).toFixed(1)} ms`],
    ['scrub: input events in 5 s', String(longTasks.events)],
    ['scrub: longest main-thread task', `${Math.max(0, ...longTasks.durations).toFixed(0)} ms`],
    ['scrub: main-thread tasks over 50 ms', String(longTasks.durations.filter((d) => d > 50).length)],
    ['worker throughput, 16 runs × 100,000 steps (request → all in buffers)', `${(throughput.steps / throughput.seconds / 1e6).toFixed(2)} M steps/s (${throughput.steps} steps in ${throughput.seconds.toFixed(2)} s)`],
    ['scene frame time vs bare three.js mesh', 'not measured yet'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nDescent Lab browser benchmark (${CHANGES} learning-rate changes, headless Chromium, production build)\n`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
} finally {
  await browser.close();
  await server.close();
}
