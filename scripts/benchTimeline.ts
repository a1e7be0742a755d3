/**
 * The timeline-scrub section of the browser benchmark: the "Timeline step" slider
 * moved every 10 ms for 10 s (8 runs × 2,000 steps on the page, the inspector open
 * and every overlay on, so the inspector, the overlays, the balls and the chart's
 * cursor all follow), recording main-thread long tasks.
 */
import type { Page } from 'playwright-core';

export interface TimelineScrub {
  readonly events: number;
  /** Long tasks (≥ 50 ms, as the browser reports them), ms. */
  readonly durations: number[];
  /** Inspections the page received while scrubbing. */
  readonly inspections: number;
  /** The duration the observer reported for a deliberate 80 ms task after the scrub (0: not reported). */
  readonly control: number;
}

export function scrubTimeline(page: Page, seconds = 10): Promise<TimelineScrub> {
  return page.evaluate(async (durationMs) => {
    const hooks = window.__descentLab!;
    const state = hooks.store.getState();
    const before = { open: state.inspectorOpen, overlays: state.setup.view.overlays };
    state.setInspectorOpen(true);
    for (const overlay of ['gradient', 'velocity', 'effectiveStep'] as const) state.setOverlay(overlay, true);
    // Let the inspector's first typesetting (KaTeX loads when the page is idle) finish before measuring.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const slider = document.querySelector<HTMLInputElement>('input[type="range"].timeline-slider')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const firstVersion = hooks.inspections.version;
    const start = performance.now();
    let events = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        setter.call(slider, String(Math.round(Number(slider.max) * (0.5 + 0.5 * Math.sin(events++ / 40)))));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        if (performance.now() - start > durationMs) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const scrubbed = durations.length;
    // Control: a deliberate 80 ms task must be reported, so that "no long task" is a finding.
    const busyUntil = performance.now() + 80;
    while (performance.now() < busyUntil);
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();
    const control = durations.length > scrubbed ? Math.max(...durations.splice(scrubbed)) : 0;
    // The benchmark's later sections measure the page as it was.
    state.setInspectorOpen(before.open);
    for (const overlay of ['gradient', 'velocity', 'effectiveStep'] as const) state.setOverlay(overlay, before.overlays[overlay]);
    return { events, durations, inspections: hooks.inspections.version - firstVersion, control };
  }, seconds * 1000);
}
