/**
 * Calls `start` once the static shell of index.html (header and lead line, drawn from
 * the HTML and the stylesheet alone) is on screen, so that the app's scripts are fetched
 * after that first paint instead of competing with it on a slow network, and React does
 * not replace the shell before the browser has shown it.
 *
 * "On screen" is the page's first largest-contentful-paint entry, which the browser
 * reports once the frame holding the shell has been presented; where that entry type is
 * unknown, a task after the next animation frame. A page opened in a background tab
 * (no frames, no paint entries) starts at once, and `limitMs` bounds the wait whatever
 * the browser reports: the app never waits on a paint that does not come.
 */
export interface PaintWaitHost {
  readonly hidden: boolean;
  /** Entry types PerformanceObserver knows (PerformanceObserver.supportedEntryTypes). */
  readonly entryTypes: readonly string[];
  /** Observes `type` (buffered); the returned function stops observing. */
  observe(type: string, onEntry: () => void): () => void;
  nextFrame(callback: () => void): void;
  after(ms: number, callback: () => void): void;
}

export function whenShellPainted(start: () => void, host: PaintWaitHost = browserHost(), limitMs = 1000): void {
  let started = false;
  let stopObserving: () => void = () => undefined;
  const go = () => {
    if (started) return;
    started = true;
    stopObserving();
    start();
  };
  if (host.hidden) {
    go();
    return;
  }
  if (host.entryTypes.includes('largest-contentful-paint')) {
    stopObserving = host.observe('largest-contentful-paint', go);
    if (started) stopObserving();
  } else {
    host.nextFrame(() => host.after(0, go));
  }
  host.after(limitMs, go);
}

function browserHost(): PaintWaitHost {
  return {
    hidden: document.visibilityState === 'hidden',
    entryTypes: typeof PerformanceObserver === 'undefined' ? [] : (PerformanceObserver.supportedEntryTypes ?? []),
    observe(type, onEntry) {
      const observer = new PerformanceObserver(onEntry);
      observer.observe({ type, buffered: true });
      return () => observer.disconnect();
    },
    nextFrame: (callback) => requestAnimationFrame(() => callback()),
    after: (ms, callback) => setTimeout(callback, ms),
  };
}
