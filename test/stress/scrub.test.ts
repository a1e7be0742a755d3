/**
 * Scrubbing: 60 s of continuous learning-rate slider changes at 100 input events
 * per second on 8 runs × 2,000 steps. Each event moves the slider one notch
 * (bouncing between its ends), so every event is a real change.
 *
 * - Recompute latency (input → every run of that generation complete in the result
 *   buffers) must stay flat: p95 over the last 10 s within 1.5× of the first 10 s.
 * - JS heap (after a forced GC, sampled every 10 s) must stay within a fixed bound
 *   of where it started.
 * - No worker backlog: the worker computes only the newest request, so once the
 *   events stop the final value's results arrive within twice the slowest single
 *   recompute seen while scrubbing (room for one request in flight; a queue of
 *   thousands of stale requests could not drain that fast); fewer generations
 *   reach the buffers than inputs were posted; and the final paths are those of
 *   the final value (bit-equal to a clean recompute of the final setup).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppPage } from '../e2e/harness.ts';
import { heapAfterGc, megabytes, pathChecksums, quantile, settle, type HeapFigure } from './stressHarness.ts';
import { recordRow, tally } from './summary.ts';
import { browserSession } from '../e2e/session.ts';

const DURATION_MS = 60_000;
const EVENTS_PER_SECOND = 100;
const WINDOW_MS = 10_000;
const LATENCY_GROWTH_LIMIT = 1.5;
/** Fixed bound on heap growth over the whole scrub (after GC). */
const HEAP_GROWTH_LIMIT_BYTES = 16 * 2 ** 20;
const RUNS = 8;
const STEPS = 2_000;

const session = browserSession();
let app: AppPage;

beforeAll(async () => {
  app = await session.open();
  await settle(app.page);
});

afterAll(async () => {
  await app?.context.close();
});

interface ScrubResult {
  readonly events: number;
  readonly changes: number;
  readonly generationsPosted: number;
  readonly generationsArrived: number;
  readonly generationsCompleted: number;
  /** [time since start, latency] of each completed generation. */
  readonly latencies: [number, number][];
  readonly drainMs: number;
  readonly finalLr: number;
  readonly storeLr: number;
}

describe('scrubbing: 60 s at 100 events/s', () => {
  test('latency stays flat, heap stays bounded, no backlog, and the final paths match the final value', async () => {
    const { page } = app;
    await page.evaluate(
      ({ runs, steps }) => {
        const hooks = window.__descentLab!;
        const state = hooks.store.getState();
        while (hooks.store.getState().setup.runs.length < runs) state.addRun();
        hooks.store.getState().setSteps(steps);
      },
      { runs: RUNS, steps: STEPS },
    );
    await settle(page);
    const heapSamples: HeapFigure[] = [await heapAfterGc(page)];

    const scrub = page.evaluate(
      async ({ durationMs, perSecond }): Promise<ScrubResult> => {
        const hooks = window.__descentLab!;
        const slider = document.querySelector<HTMLInputElement>('input[type="range"][aria-label^="Learning rate"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const min = Number(slider.min);
        const max = Number(slider.max);
        const step = Number(slider.step);
        const notches = Math.round((max - min) / step);
        const firstGeneration = hooks.client.generation;
        const inputAt = new Map<number, number>();
        const latencies: [number, number][] = [];
        const arrived = new Set<number>();
        let completed = 0;
        const start = performance.now();
        const runIds = () => hooks.store.getState().setup.runs.map((run) => run.id);
        const isComplete = (generation: number) =>
          runIds().every((id) => {
            const run = hooks.results.runs.get(id);
            return run !== undefined && run.generation === generation && run.status !== 'computing';
          });
        const unsubscribe = hooks.results.subscribe(() => {
          const generation = hooks.client.generation;
          for (const run of hooks.results.runs.values()) if (run.generation > firstGeneration) arrived.add(run.generation);
          const posted = inputAt.get(generation);
          if (posted === undefined || !isComplete(generation)) return;
          inputAt.delete(generation);
          completed++;
          const now = performance.now();
          latencies.push([now - start, now - posted]);
        });

        let events = 0;
        let changes = 0;
        let notch = Math.round((Number(slider.value) - min) / step);
        let direction = 1;
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            const elapsed = performance.now() - start;
            const due = Math.min(Math.floor((elapsed * perSecond) / 1000), Math.floor((durationMs * perSecond) / 1000));
            while (events < due) {
              if (notch + direction > notches || notch + direction < 0) direction = -direction;
              notch += direction;
              const before = hooks.client.generation;
              setValue.call(slider, String(min + notch * step));
              slider.dispatchEvent(new Event('input', { bubbles: true }));
              events++;
              if (hooks.client.generation !== before) {
                changes++;
                inputAt.set(hooks.client.generation, performance.now());
              }
            }
            if (elapsed >= durationMs) {
              clearInterval(timer);
              resolve();
            }
          }, 1000 / perSecond);
        });
        // Drain: the last posted generation completes.
        const lastInput = performance.now();
        const lastGeneration = hooks.client.generation;
        await new Promise<void>((resolve) => {
          const check = () => (isComplete(lastGeneration) ? resolve() : setTimeout(check, 5));
          check();
        });
        const drainMs = performance.now() - lastInput;
        unsubscribe();
        const firstRun = hooks.store.getState().setup.runs[0];
        return {
          events,
          changes,
          generationsPosted: hooks.client.generation - firstGeneration,
          generationsArrived: arrived.size,
          generationsCompleted: completed,
          latencies,
          drainMs,
          finalLr: Number((10 ** Number(slider.value)).toPrecision(3)),
          storeLr: firstRun.lr,
        };
      },
      { durationMs: DURATION_MS, perSecond: EVENTS_PER_SECOND },
    );

    // Heap after GC every 10 s while the scrub runs in the page.
    let scrubbing = true;
    const finished = scrub.finally(() => {
      scrubbing = false;
    });
    const sampler = (async () => {
      for (let sample = 1; sample < DURATION_MS / WINDOW_MS && scrubbing; sample++) {
        await page.waitForTimeout(WINDOW_MS);
        if (scrubbing) heapSamples.push(await heapAfterGc(page));
      }
    })();
    const result = await finished;
    await sampler;
    await settle(page);
    heapSamples.push(await heapAfterGc(page));

    // The final paths are those of the final value: a fresh worker recomputing the same setup gives the same bits.
    const finalPaths = await pathChecksums(page);
    await page.evaluate(() => window.__descentLab!.restartWorker());
    await settle(page);
    const recomputed = await pathChecksums(page);

    const early = result.latencies.filter(([at]) => at < WINDOW_MS).map(([, ms]) => ms);
    const late = result.latencies.filter(([at]) => at >= DURATION_MS - WINDOW_MS).map(([, ms]) => ms);
    const p95Start = quantile(early, 0.95);
    const p95End = quantile(late, 0.95);
    const slowest = Math.max(0, ...result.latencies.map(([, ms]) => ms));
    const heapStart = heapSamples[0].usedBytes;
    const heapPeak = Math.max(...heapSamples.map((sample) => sample.usedBytes));
    const heapGrowth = heapPeak - heapStart;
    const rate = result.events / (DURATION_MS / 1000);
    const flat = p95End <= LATENCY_GROWTH_LIMIT * p95Start;
    const drained = result.drainMs <= 2 * slowest;
    const fewer = result.generationsArrived < result.changes;
    const sameFinal = JSON.stringify(finalPaths) === JSON.stringify(recomputed) && result.storeLr === result.finalLr;

    recordRow('scrub', `input events in ${DURATION_MS / 1000} s (changes posted)`, `${result.events} (${result.changes}), ${rate.toFixed(0)}/s`, `${EVENTS_PER_SECOND}/s`, rate >= EVENTS_PER_SECOND * 0.95);
    recordRow('scrub', 'recompute latency p95, first vs last 10 s', `${p95Start.toFixed(1)} → ${p95End.toFixed(1)} ms (×${(p95End / p95Start).toFixed(2)}; n=${early.length}/${late.length})`, `≤ ×${LATENCY_GROWTH_LIMIT}`, flat);
    recordRow('scrub', 'JS heap after GC, start → peak (7 samples)', `${megabytes(heapStart)} → ${megabytes(heapPeak)} (+${megabytes(heapGrowth)})`, `≤ +${megabytes(HEAP_GROWTH_LIMIT_BYTES)}`, heapGrowth <= HEAP_GROWTH_LIMIT_BYTES);
    recordRow('scrub', 'backlog: generations reaching buffers / completed / posted', `${result.generationsArrived} / ${result.generationsCompleted} / ${result.generationsPosted}`, '< posted', fewer);
    recordRow('scrub', 'backlog: last input → final results', `${result.drainMs.toFixed(0)} ms`, `≤ 2 × slowest recompute (${slowest.toFixed(0)} ms)`, drained);
    recordRow('scrub', 'final paths = final value (vs clean recompute)', sameFinal ? 'bit-equal' : 'DIFFERENT', 'equal', sameFinal);
    recordRow('scrub', 'uncaught errors while scrubbing', app.errors.length ? `${app.errors.length}: ${app.errors[0].slice(0, 60)}` : '0', '0', app.errors.length === 0);
    tally('lost', sameFinal ? 0 : 1);
    console.info(`scrub: heap samples ${heapSamples.map((sample) => megabytes(sample.usedBytes)).join(', ')}`);

    expect(app.errors).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(EVENTS_PER_SECOND * 0.95);
    expect(early.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    expect(result.storeLr).toBe(result.finalLr);
    expect(recomputed).toEqual(finalPaths);
    expect(result.generationsArrived).toBeLessThan(result.changes);
    expect(result.drainMs).toBeLessThanOrEqual(2 * slowest);
    expect(heapGrowth, `heap samples: ${heapSamples.map((sample) => megabytes(sample.usedBytes)).join(', ')}`).toBeLessThanOrEqual(HEAP_GROWTH_LIMIT_BYTES);
    expect(p95End, `p95 latency first 10 s ${p95Start.toFixed(1)} ms, last 10 s ${p95End.toFixed(1)} ms`).toBeLessThanOrEqual(LATENCY_GROWTH_LIMIT * p95Start);
    expect(app.foreignRequests).toEqual([]);
  });
});
