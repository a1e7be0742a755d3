/**
 * Calls `start` once the page has settled: the main thread idle, then `frames` more
 * frames each followed by idle time. The pane's WebGL context is created then.
 *
 * Why: creating a WebGL context is a synchronous call into the GPU process, which
 * first finishes whatever it was doing. While the app boots, that is rasterizing and
 * compositing the frames that show the shell; a context asked for then kept the main
 * thread waiting 35–160 ms, a long task (counted at 4× its length on Lighthouse's
 * phone profile). Asked two quiet frames later, the same call took 4–85 ms: medians of
 * 6 fresh boots, 75 and 78 ms before, 42 and 5 ms after, in two alternated runs of
 * scripts/lighthouse/contextTiming.ts, where it was asked for up to ~150 ms later. The canvas
 * is never the page's largest paint.
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
