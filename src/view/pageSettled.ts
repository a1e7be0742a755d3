/**
 * Calls `start` once the page has settled: the main thread idle, then `frames` more
 * frames each followed by idle time. The canvases make their contexts then: the 3D
 * view its WebGL context (scene/pane/PaneCanvas.tsx), the loss chart its first 2D
 * drawing (ui/chart/LossChart.tsx), through afterPageSettled below.
 *
 * Why: both are synchronous calls into the GPU process (a WebGL context; the shared
 * images behind a 2D canvas's first drawing, even a CPU-backed one), which first
 * finishes whatever it was doing. While the app boots, that is drawing the frames that
 * show the shell, and the main thread waited: `getContext('webgl2')` 35–160 ms, the
 * chart's first `setTransform` 13–160 ms (scripts/lighthouse/contextTiming.ts, fresh
 * boots at Lighthouse's phone viewport). Asked two quiet frames later: WebGL medians of
 * 6 boots 42 and 5 ms against 75 and 78 (two alternated runs); with the chart waiting
 * too, 10–18 ms for its first drawing and 12–43 ms (median 23) for WebGL. The canvases
 * are never the page's largest paint.
 *
 * `limitMs` bounds the wait whatever the page does (a page that never idles, a hidden
 * tab that draws no frames). Returns a function that cancels the wait.
 */
export interface SettleHost {
  /** Calls back when the main thread is idle, or after `timeoutMs`. */
  idle(callback: () => void, timeoutMs: number): void;
  nextFrame(callback: () => void): void;
  after(ms: number, callback: () => void): () => void;
}

export function whenPageSettled(start: () => void, host: SettleHost = browserHost(), frames = 2, limitMs = 1500): () => void {
  let done = false;
  let left = frames;
  const go = () => {
    if (done) return;
    done = true;
    cancelLimit();
    start();
  };
  const step = () => {
    if (done) return;
    if (left-- <= 0) go();
    else host.nextFrame(() => host.idle(step, limitMs));
  };
  const cancelLimit = host.after(limitMs, go);
  host.idle(step, limitMs);
  return () => {
    done = true;
    cancelLimit();
  };
}

function browserHost(): SettleHost {
  return {
    idle: (callback, timeoutMs) => {
      // Safari has no requestIdleCallback: a task after the frame is the nearest it offers.
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: timeoutMs });
      else setTimeout(callback, 0);
    },
    nextFrame: (callback) => requestAnimationFrame(() => callback()),
    after: (ms, callback) => {
      const handle = setTimeout(callback, ms);
      return () => clearTimeout(handle);
    },
  };
}

let settled = false;
let waiting: Set<() => void> | null = null;

/** Whether the page has settled after its boot (afterPageSettled calls back at once). */
export function isPageSettled(): boolean {
  return settled;
}

/**
 * Calls `callback` once the page has settled after its boot (whenPageSettled, started by the
 * first caller), or at once when it already has: canvases ask for their contexts through it,
 * so that none is created while the GPU process draws the boot's first frames. Returns a
 * function that cancels a call not yet made. `host` is the first caller's (tests pass a fake).
 */
export function afterPageSettled(callback: () => void, host: SettleHost = browserHost()): () => void {
  if (settled) {
    callback();
    return () => undefined;
  }
  if (!waiting) {
    const queue = new Set<() => void>();
    waiting = queue;
    whenPageSettled(() => {
      settled = true;
      waiting = null;
      for (const waiter of queue) waiter();
    }, host);
  }
  const queue = waiting;
  queue.add(callback);
  return () => queue.delete(callback);
}
