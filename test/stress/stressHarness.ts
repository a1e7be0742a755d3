/**
 * Pieces the stress files share on top of the e2e harness: waiting for the
 * scene to settle (by its frame counter, never by frame rate), long-task
 * recording, heap measurement after a forced GC (Chrome DevTools Protocol), and
 * checksums of the result buffers so "the same paths" is one comparison.
 */
import type { Page } from 'playwright-core';
import { settle as settleScene } from '../e2e/harness.ts';

/** Settle with a longer default wait: stress loads take a while to draw. */
export function settle(page: Page, timeoutMs = 60_000): Promise<void> {
  return settleScene(page, timeoutMs);
}

/** Start recording main-thread long tasks (PerformanceObserver 'longtask') into window.__longTasks. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const host = window as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver };
    host.__longTaskObserver?.disconnect();
    host.__longTasks = [];
    host.__longTaskObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) host.__longTasks.push(entry.duration);
    });
    host.__longTaskObserver.observe({ type: 'longtask', buffered: false });
  });
}

/** The long tasks recorded since recordLongTasks (ms each); stops recording. */
export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const host = window as unknown as { __longTasks?: number[]; __longTaskObserver?: PerformanceObserver };
    // Entries still queued in the observer are delivered by takeRecords().
    for (const entry of host.__longTaskObserver?.takeRecords() ?? []) host.__longTasks?.push(entry.duration);
    host.__longTaskObserver?.disconnect();
    return host.__longTasks ?? [];
  });
}

/**
 * Start recording long animation frames (LoAF) whose blocking time is over `blockingMs`:
 * what ran in them (script entry points, their durations) and how long rendering took.
 * The load test prints them when a task is over its limit, so a failure says what was slow.
 */
export async function recordLongFrames(page: Page, blockingMs: number): Promise<void> {
  await page.evaluate((threshold) => {
    interface Script {
      invoker: string;
      sourceFunctionName: string;
      sourceURL: string;
      duration: number;
      forcedStyleAndLayoutDuration: number;
    }
    interface Frame extends PerformanceEntry {
      blockingDuration: number;
      renderStart: number;
      styleAndLayoutStart: number;
      scripts: Script[];
    }
    const host = window as unknown as { __longFrames: string[]; __longFrameObserver?: PerformanceObserver };
    host.__longFrameObserver?.disconnect();
    host.__longFrames = [];
    host.__longFrameObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Frame[]) {
        if (entry.blockingDuration <= threshold) continue;
        const end = entry.startTime + entry.duration;
        const scripts = entry.scripts
          .filter((script) => script.duration >= 5)
          .map((script) => `${script.invoker} ${script.sourceFunctionName || ''}@${script.sourceURL.split('/').pop()} ${Math.round(script.duration)} ms${script.forcedStyleAndLayoutDuration >= 5 ? ` (forced layout ${Math.round(script.forcedStyleAndLayoutDuration)} ms)` : ''}`);
        const rendering = entry.renderStart > 0 ? `rendering ${Math.round(end - entry.renderStart)} ms (style and layout on ${Math.round(entry.styleAndLayoutStart > 0 ? end - entry.styleAndLayoutStart : 0)} ms)` : 'no rendering';
        host.__longFrames.push(`frame of ${Math.round(entry.duration)} ms, blocking ${Math.round(entry.blockingDuration)} ms, ${rendering}; ${scripts.join('; ') || 'no script over 5 ms'}`);
      }
    });
    host.__longFrameObserver.observe({ type: 'long-animation-frame', buffered: false });
  }, blockingMs);
}

/** The long frames recorded since recordLongFrames, described; stops recording. */
export async function takeLongFrames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = window as unknown as { __longFrames?: string[]; __longFrameObserver?: PerformanceObserver };
    host.__longFrameObserver?.takeRecords();
    host.__longFrameObserver?.disconnect();
    return host.__longFrames ?? [];
  });
}

export interface HeapFigure {
  /** V8 heap in use after a full GC, bytes. */
  readonly usedBytes: number;
  /** ArrayBuffer backing stores (the typed arrays of paths and fields live here), bytes. */
  readonly backingBytes: number;
  readonly totalBytes: number;
}

/** Heap after a forced garbage collection, from the Chrome DevTools Protocol. */
export async function heapAfterGc(page: Page): Promise<HeapFigure> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    const backing = usage.backingStorageSize ?? 0;
    return { usedBytes: usage.usedSize, backingBytes: backing, totalBytes: usage.usedSize + backing };
  } finally {
    await cdp.detach();
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** One checksum per run over its valid x, y and loss values (bit-exact: equal checksums mean equal paths). */
export function pathChecksums(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const hooks = window.__descentLab!;
    const out: Record<string, string> = {};
    const view = new DataView(new ArrayBuffer(8));
    for (const run of hooks.store.getState().setup.runs) {
      const result = hooks.results.runs.get(run.id);
      if (!result) {
        out[run.id] = 'missing';
        continue;
      }
      // FNV-1a over the 32-bit halves of every float64.
      let hash = 0x811c9dc5;
      for (const values of [result.x, result.y, result.loss]) {
        for (let i = 0; i < result.length; i++) {
          view.setFloat64(0, values[i]);
          hash = Math.imul(hash ^ view.getUint32(0), 0x01000193) >>> 0;
          hash = Math.imul(hash ^ view.getUint32(4), 0x01000193) >>> 0;
        }
      }
      out[run.id] = `${result.status}:${result.length}:${hash.toString(16)}`;
    }
    return out;
  });
}

/** The store's setup as JSON (for "same setup" comparisons). */
export function setupJson(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(window.__descentLab!.store.getState().setup));
}
